// Samenscan's file reader: reads the files a person picked or dropped for import, off the
// page's thread, so that the page checks and merges one batch while the next is read
// (src/browser/files.rs). A message is {first, limit, budget, files}; file i is answered as
// {key: first + i} with `bytes` (an ArrayBuffer, transferred), `tooLarge` (its size, over
// `limit`: not read), `later` (the batch holds `budget` bytes already: not read) or `error`
// (the browser's words). Nothing else: no request, no storage.
onmessage = (event) => {
  const { first, limit, budget, files } = event.data;
  let total = 0;
  files.forEach(async (file, i) => {
    const key = first + i;
    try {
      if (total > 0 && total >= budget) {
        postMessage({ key, later: true });
        return;
      }
      const size = file.size;
      if (size > limit) {
        postMessage({ key, tooLarge: size });
        return;
      }
      if (total > 0 && total + size > budget) {
        total = budget;
        postMessage({ key, later: true });
        return;
      }
      total += size;
      const bytes = await file.arrayBuffer();
      postMessage({ key, bytes }, [bytes]);
    } catch (e) {
      postMessage({ key, error: (e && e.message) || String(e) });
    }
  });
};
