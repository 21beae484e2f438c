// The benchmark of design §6, run by scripts/bench.sh (which builds the release app, builds the
// native parse benchmark and serves both pages on 127.0.0.1). Prints a Markdown table and writes
// BENCHMARKS.md. Every timing is several runs (median, min, max), in headless system Chromium
// through playwright-core, each measurement in a fresh browser with a fresh disk-backed profile.
//
// Environment (scripts/bench.sh sets the first six):
//   BENCH_APP_URL, BENCH_SURVEYJS_URL   the served release app and SurveyJS page (127.0.0.1)
//   BENCH_DIST, BENCH_SURVEYJS_DIR      their folders (for the transfer sizes)
//   BENCH_NATIVE_BIN                    the native serde_json parse benchmark (bench/native-parse)
//   BENCH_OUT                           where to write the report (BENCHMARKS.md)
//   BENCH_ONLY                          comma list of parts to run: size,cold,autosave,import
//   BENCH_PAIRS=11                      cold-start pairs (Samenscan + SurveyJS) per condition
//   BENCH_THROTTLE=4                    CPU slow-down of the throttled condition (0 or 1: skip)
//   BENCH_AUTOSAVE_CHANGES=300          answer changes timed for autosave
//   BENCH_IMPORT_RUNS=5                 import runs (each in a fresh profile)
//   BENCH_FILES=1000 BENCH_RESPONSES=100000 BENCH_SEED=2026   the generated exchange files
//   BENCH_REPORT_CHANGES=4              changes of each report select per import run
//   BENCH_NATIVE_RUNS=7                 runs of the native parse
//   BENCH_IMPORT_TIMEOUT_S=900          give up on one import run after this long
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile, readdir, readFile } from "node:fs/promises";
import { tmpdir, cpus } from "node:os";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import { fileURLToPath } from "node:url";
import { rng, response, exportFile } from "../tests/e2e/generate.mjs";
import { storedResponses } from "../tests/e2e/harness.mjs";
import { summary, percentile, median, freshBrowser, machine, rendererMemory, killAll, sleep, withTimeout } from "./lib.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const env = process.env;
const num = (name, fallback) => (env[name] === undefined || env[name] === "" ? fallback : Number(env[name]));
const CFG = {
  appUrl: env.BENCH_APP_URL,
  surveyUrl: env.BENCH_SURVEYJS_URL,
  dist: env.BENCH_DIST,
  surveyDir: env.BENCH_SURVEYJS_DIR,
  nativeBin: env.BENCH_NATIVE_BIN,
  out: env.BENCH_OUT || join(ROOT, "BENCHMARKS.md"),
  only: new Set((env.BENCH_ONLY || "size,cold,autosave,import").split(",").map((s) => s.trim())),
  pairs: num("BENCH_PAIRS", 11),
  throttle: num("BENCH_THROTTLE", 4),
  autosaveChanges: num("BENCH_AUTOSAVE_CHANGES", 300),
  importRuns: num("BENCH_IMPORT_RUNS", 5),
  files: num("BENCH_FILES", 1000),
  responses: num("BENCH_RESPONSES", 100000),
  seed: num("BENCH_SEED", 2026),
  reportChanges: num("BENCH_REPORT_CHANGES", 4),
  nativeRuns: num("BENCH_NATIVE_RUNS", 7),
  importTimeout: num("BENCH_IMPORT_TIMEOUT_S", 900) * 1000,
};
for (const [key, name] of [["appUrl", "BENCH_APP_URL"], ["surveyUrl", "BENCH_SURVEYJS_URL"], ["dist", "BENCH_DIST"], ["surveyDir", "BENCH_SURVEYJS_DIR"]]) {
  if (!CFG[key]) throw new Error(`${name} is not set: run scripts/bench.sh`);
}

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
const KB = 1024;
const MB = 1024 * 1024;
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtMs = (x) => `${ms(x)} ms`;
const fmtS = (x) => `${(x / 1000).toFixed(2)} s`;
/** A count as the Dutch screen shows it, thousands grouped with a dot ("1.000"). */
const nl = (n) => n.toLocaleString("en").replace(/,/g, ".");
const fmtKB = (x) => `${(x / KB).toFixed(1)} KB`;
const fmtMB = (x) => `${(x / MB).toFixed(1)} MB`;
const ratio = (x) => `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;

// ---------------------------------------------------------------------------------------------
// 1. Transfer size

const KINDS = [".html", ".js", ".wasm", ".css"];

async function transferSizes(dir) {
  const rows = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!KINDS.includes(extname(name))) continue;
    const data = await readFile(join(dir, name));
    rows.push({
      name,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    });
  }
  const total = (k) => rows.reduce((a, r) => a + r[k], 0);
  return { rows, raw: total("raw"), gzip: total("gzip"), brotli: total("brotli") };
}

// ---------------------------------------------------------------------------------------------
// 2. Cold start to the first usable question

/**
 * Installed before any page script (addInitScript). A MutationObserver watches the document
 * from its creation. Samenscan: the enquête screen's "Nieuwe enquête beginnen" button is clicked
 * the moment it exists and is enabled (a person with zero reaction time); then the first
 * question. Both: "usable" is the first question's first radio button in the DOM, connected and
 * enabled (marks.dom), and "shown" is when the next frame after that has been produced
 * (requestAnimationFrame, then a task: style, layout and paint of that frame are done) — the
 * figure the budget is checked on. All times are performance.now(): ms since navigation start.
 */
function coldWatch(kind) {
  if (window.top !== window) return;
  const marks = {};
  window.__benchMarks = marks;
  addEventListener("TrunkApplicationStarted", () => {
    marks.wasmStarted = performance.now();
  });
  let settle;
  window.__benchFirstQuestion = new Promise((ok) => (settle = ok));
  const first = () =>
    kind === "samenscan"
      ? document.querySelector('input[name="q-org"]')
      : document.querySelector('[data-name="org"] input[type="radio"]');
  const usable = (el) => !!el && el.isConnected && !el.disabled && !el.closest("fieldset:disabled");
  const check = () => {
    if (marks.dom !== undefined) return;
    if (kind === "samenscan" && marks.startClicked === undefined) {
      const button = document.querySelector("button.button-start");
      if (button && !button.disabled) {
        marks.startShown = performance.now();
        button.click();
        marks.startClicked = performance.now();
      }
    }
    if (usable(first())) {
      marks.dom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          marks.shown = performance.now();
          marks.stillUsable = usable(first());
          settle(marks);
        };
        ch.port2.postMessage(0);
      });
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** A fixed amount of JavaScript work, to check the throttling took effect. */
const CPU_PROBE = () => {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e7; i++) x = (x + i * 7) % 1000003;
  return { ms: performance.now() - t, x };
};

async function coldRun(kind, url, rate) {
  const b = await freshBrowser();
  try {
    await b.page.addInitScript(coldWatch, kind);
    if (rate > 1) {
      const cdp = await b.context.newCDPSession(b.page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    }
    await b.page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    const marks = await withTimeout(b.page.evaluate(() => window.__benchFirstQuestion), 120_000,
      () => new Error(`${kind}: no usable first question after 120 s`));
    if (!marks.stillUsable) throw new Error(`${kind}: the first question went away again`);
    const timing = await b.page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const res = performance.getEntriesByType("resource");
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return {
        responseEnd: nav?.responseEnd,
        domContentLoaded: nav?.domContentLoadedEventEnd,
        lastResourceEnd: Math.max(0, ...res.filter((r) => r.responseEnd < 60_000).map((r) => r.responseEnd)),
        resources: res.length,
        fcp: fcp?.startTime,
      };
    });
    const probe = await b.page.evaluate(CPU_PROBE);
    const foreign = b.foreign();
    if (foreign.length) throw new Error(`${kind} requested outside 127.0.0.1: ${foreign.join(", ")}`);
    if (b.errors.length) throw new Error(`${kind}: console errors: ${b.errors.join(" | ")}`);
    return { ...marks, ...timing, probe: probe.ms, requests: b.requests.length };
  } finally {
    await b.end();
  }
}

async function coldStart(rate) {
  const app = [];
  const sjs = [];
  const appUrl = CFG.appUrl + "#/enquete";
  for (let i = 0; i < CFG.pairs; i++) {
    // Pair by pair, alternating which goes first.
    const order = i % 2 === 0 ? ["samenscan", "surveyjs"] : ["surveyjs", "samenscan"];
    for (const kind of order) {
      const r = await coldRun(kind, kind === "samenscan" ? appUrl : CFG.surveyUrl, rate);
      (kind === "samenscan" ? app : sjs).push(r);
    }
    const a = app[app.length - 1];
    const s = sjs[sjs.length - 1];
    log(`cold ×${rate} pair ${i + 1}/${CFG.pairs}: Samenscan ${fmtMs(a.shown)} (DOM ${fmtMs(a.dom)}), SurveyJS ${fmtMs(s.shown)} (DOM ${fmtMs(s.dom)})`);
  }
  const pairRatios = app.map((a, i) => a.shown / sjs[i].shown);
  return {
    rate,
    app,
    sjs,
    appShown: summary(app.map((r) => r.shown)),
    sjsShown: summary(sjs.map((r) => r.shown)),
    appDom: summary(app.map((r) => r.dom)),
    sjsDom: summary(sjs.map((r) => r.dom)),
    pairRatios: summary(pairRatios),
    probe: summary([...app, ...sjs].map((r) => r.probe)),
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Autosave

/**
 * In the page, `n` times: one character more in the free-text field "Wat gaat er goed…" (an
 * `input` event, as a keystroke gives), timed from dispatching the event until the app's saved
 * indicator (`.save-status`, visible; a screen reader hears `#save-announce`) reads "✓ Opgeslagen" again after having left it. The
 * app sets that state only after the IndexedDB read-write transaction of that change has
 * completed (store.rs: `save_status` after `repository::save_own_response(..).await`), so this is
 * change → committed write, as the person is told. After each change, in the same page, a bare
 * IndexedDB put of the same record string into a database of its own, timed until its
 * transaction completes.
 */
async function autosaveInPage({ n, gap }) {
  const pause = (t) => new Promise((ok) => setTimeout(ok, t));
  const field = document.querySelector("#q-strengths");
  const status = document.querySelector(".save-status");
  const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const appDb = await req(indexedDB.open("samenscan"));
  const record = (await req(appDb.transaction("responses").objectStore("responses").getAll()))[0];
  appDb.close();
  const open = indexedDB.open("samenscan-bench-bare", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("records");
  const bareDb = await req(open);
  const words = "We weten elkaar goed te vinden en de lijnen zijn kort. ";
  const app = [];
  const bare = [];
  for (let i = 0; i < n; i++) {
    const saved = new Promise((ok, fail) => {
      let left = false;
      const timer = setTimeout(() => fail(new Error(`change ${i}: no saved indicator after 10 s: "${status.textContent}"`)), 10_000);
      const mo = new MutationObserver(() => {
        const text = status.textContent;
        if (!text.startsWith("✓")) {
          left = true;
          if (text.startsWith("Niet")) fail(new Error(text));
        } else if (left) {
          mo.disconnect();
          clearTimeout(timer);
          ok(performance.now());
        }
      });
      mo.observe(status, { childList: true, subtree: true, characterData: true });
    });
    const ch = words[i % words.length];
    field.value += ch;
    const t0 = performance.now();
    field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: ch }));
    app.push((await saved) - t0);
    await pause(gap);

    const t1 = performance.now();
    await new Promise((ok, fail) => {
      const tx = bareDb.transaction("records", "readwrite");
      tx.objectStore("records").put(record, "r");
      tx.oncomplete = () => ok();
      tx.onerror = tx.onabort = () => fail(tx.error);
    });
    bare.push(performance.now() - t1);
    await pause(gap);
  }
  bareDb.close();
  return { app, bare, recordBytes: record.length, text: field.value };
}

async function autosave() {
  const b = await freshBrowser();
  try {
    const { page } = b;
    await page.goto(CFG.appUrl + "#/enquete");
    await page.locator("button.button-start").click();
    await page.locator("#q-org-0").check();
    await page.locator("#q-team-0").check();
    await page.locator("#q-frequency-0").check(); // "nooit": the open questions are page 2 of 2
    await page.locator("form button[type=submit]").click();
    await page.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
    await page.locator("#q-strengths").waitFor();
    await page.locator(".save-status", { hasText: "✓" }).waitFor();
    const before = (await storedResponses(page))[0].response.revision;
    const r = await page.evaluate(autosaveInPage, { n: CFG.autosaveChanges, gap: 20 });
    const stored = (await storedResponses(page))[0].response;
    if (stored.revision !== before + CFG.autosaveChanges || stored.answers.strengths !== r.text) {
      throw new Error(`autosave: stored revision ${stored.revision} (expected ${before + CFG.autosaveChanges}) or text differs`);
    }
    if (b.errors.length) throw new Error(`autosave: console errors: ${b.errors.join(" | ")}`);
    return r;
  } finally {
    await b.end();
  }
}

// ---------------------------------------------------------------------------------------------
// 4–6. Import, report, recomputation, memory

/** Writes the seeded exchange files; returns their paths. */
async function writeExchangeFiles(dir) {
  const r = rng(CFG.seed);
  const paths = [];
  const per = Math.floor(CFG.responses / CFG.files);
  let extra = CFG.responses - per * CFG.files;
  for (let f = 0; f < CFG.files; f++) {
    const n = per + (extra-- > 0 ? 1 : 0);
    const list = Array.from({ length: n }, () => response(r, {}, 5 + (f % 5)));
    const path = join(dir, `bench-${String(f).padStart(4, "0")}.samenscan.json`);
    await writeFile(path, JSON.stringify(exportFile(list)));
    paths.push(path);
  }
  return paths;
}

/** Keeps the wasm instance's exports when Trunk's start-up script announces them. */
function keepWasm() {
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__benchWasm = e.detail?.wasm;
  });
}

/**
 * In the import page: the time the file input's `change` event fires (a capturing listener on
 * window runs before the app's), then polls every 5 ms (a poll runs only when the main thread
 * is free, so it ends at the first free moment after the state is reached): all files processed
 * ("1.000 van 1.000"), then follows the link to the report as a person would, until the report's
 * n reads the number of responses, and the frame after that.
 */
function importWatch({ files, responses }) {
  const m = {};
  window.__benchImport = m;
  addEventListener("change", (e) => {
    if (e.target?.id === "import-files" && m.start === undefined) m.start = performance.now();
  }, true);
  window.__benchImportDone = new Promise((ok) => {
    const poll = () => {
      if (m.start !== undefined && m.imported === undefined) {
        const p = document.querySelector(".import-progress");
        // Counts are shown with thousands grouped ("1.000 van 1.000"): compare digits only.
        const digits = (t) => t.replace(/[.,\u202f\u00a0]/g, "");
        if (p && digits(p.textContent).includes(`${files} van ${files}`)) {
          m.imported = performance.now();
          const counts = document.querySelector("#import-dataset-counts")?.textContent ?? "";
          if (!digits(counts).startsWith(`${responses} `)) {
            m.error = `after import: "${counts}"`;
            ok(m);
            return;
          }
          const link = document.querySelector('main a[href="#/rapport"]') || document.querySelector('a[href="#/rapport"]');
          m.navigate = performance.now();
          link.click();
        }
      }
      if (m.imported !== undefined) {
        const n = document.querySelector("#report-n");
        if (n && n.textContent.replace(/\D/g, "") === String(responses)) {
          m.report = performance.now();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              m.reportShown = performance.now();
              ok(m);
            };
            ch.port2.postMessage(0);
          });
          return;
        }
      }
      setTimeout(poll, 5);
    };
    poll();
  });
}

/**
 * Changes report select `id` to `value` and times it from dispatching the `change` event.
 * "dom": the app has handled the change (a task posted right after the dispatch has run, so the
 * event's task and every microtask it queued, where Leptos runs its effects, are done) and the
 * changed part of the report shows the new split; "layout": after a forced style and layout
 * (`offsetHeight`), the figure the budget is checked on; "frame": the next frame produced.
 * `#open-by` changes the split of the open answers (regrouped from the report's index of open
 * answers, `open_answers_by`): its group headings change. `#compare-split` changes the two groups side by
 * side: the caption and the group lists change. Should the app finish the update later than
 * that task, a MutationObserver waits for it.
 */
async function changeReportSelect({ id, value }) {
  const sel = document.querySelector("#" + id);
  const signature = () =>
    id === "open-by"
      ? [...document.querySelectorAll(".open-group h3")].map((h) => h.textContent).join("|")
      : `${document.querySelector("#compare-caption")?.textContent}|${[...document.querySelectorAll("#compare-a option")].map((o) => o.textContent).join("|")}`;
  const before = signature();
  const afterTask = () => new Promise((ok) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => ok();
    ch.port2.postMessage(0);
  });
  sel.value = value;
  const t0 = performance.now();
  sel.dispatchEvent(new Event("change", { bubbles: true }));
  await afterTask();
  if (signature() === before) {
    await new Promise((ok) => {
      const mo = new MutationObserver(() => {
        if (signature() !== before) {
          mo.disconnect();
          ok();
        }
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }
  const dom = performance.now() - t0;
  void document.body.offsetHeight;
  const layout = performance.now() - t0;
  const frame = await new Promise((ok) => requestAnimationFrame(() => afterTask().then(() => ok(performance.now() - t0))));
  return { dom, layout, frame };
}

async function importRun(paths, run) {
  const b = await freshBrowser();
  try {
    const { page } = b;
    await page.addInitScript(keepWasm);
    await page.goto(CFG.appUrl + "#/importeren");
    await page.locator("#import-dataset-counts").waitFor();
    await page.evaluate(importWatch, { files: CFG.files, responses: CFG.responses });
    // By path, through the DevTools protocol, as Playwright does for a browser it launched itself
    // (through connectOverCDP it would stream the files' contents instead, and refuses 50 MB).
    const dom = await b.context.newCDPSession(page);
    const { root } = await dom.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await dom.send("DOM.querySelector", { nodeId: root.nodeId, selector: "#import-files" });
    await dom.send("DOM.setFileInputFiles", { nodeId, files: paths });
    await dom.detach();
    const m = await withTimeout(page.evaluate(() => window.__benchImportDone), CFG.importTimeout, async () => {
      const seen = await page.evaluate(() => ({ m: window.__benchImport, p: document.querySelector(".import-progress")?.textContent }));
      return new Error(`import run ${run}: not done after ${CFG.importTimeout / 1000} s: ${JSON.stringify(seen)}`);
    });
    if (m.error) throw new Error(`import run ${run}: ${m.error}`);
    const result = {
      import: m.imported - m.start,
      report: m.reportShown - m.imported,
      total: m.reportShown - m.start,
    };
    log(`import run ${run}: import ${fmtS(result.import)}, report ${fmtMs(result.report)}, total ${fmtS(result.total)}`);

    // Memory of the tab holding the dataset, with the report on screen, after a full GC.
    await sleep(500);
    const cdp = await b.context.newCDPSession(page);
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name) => metrics.find((x) => x.name === name)?.value ?? NaN;
    const wasm = await page.evaluate(() => window.__benchWasm?.memory?.buffer?.byteLength ?? null);
    const proc = await rendererMemory(b.browser);
    result.memory = { jsHeapUsed: metric("JSHeapUsedSize"), jsHeapTotal: metric("JSHeapTotalSize"), domNodes: metric("Nodes"), wasm, ...proc };
    log(`memory run ${run}: renderer footprint ${fmtMB(proc.privateFootprint)}, JS heap ${fmtMB(result.memory.jsHeapUsed)}, wasm ${wasm === null ? "?" : fmtMB(wasm)}`);

    // Report recomputation: each select changed in turn, cycling through its options.
    result.changes = { "open-by": [], "compare-split": [] };
    for (let k = 0; k < CFG.reportChanges; k++) {
      for (const id of ["open-by", "compare-split"]) {
        const { options, current } = await page.evaluate((id) => {
          const s = document.querySelector("#" + id);
          return { options: [...s.options].map((o) => o.value), current: s.value };
        }, id);
        const value = options[(options.indexOf(current) + 1) % options.length];
        await sleep(300);
        const t = await page.evaluate(changeReportSelect, { id, value });
        result.changes[id].push(t);
      }
    }
    log(`report changes run ${run}: open-by ${result.changes["open-by"].map((t) => ms(t.layout)).join(", ")} ms; compare-split ${result.changes["compare-split"].map((t) => ms(t.layout)).join(", ")} ms`);
    if (b.errors.length) throw new Error(`import run ${run}: console errors: ${b.errors.join(" | ")}`);
    return result;
  } finally {
    await b.end();
  }
}

function nativeParse(dir) {
  if (!CFG.nativeBin) return null;
  const out = execFileSync(CFG.nativeBin, [dir, String(CFG.nativeRuns)], { encoding: "utf8", maxBuffer: 1 << 20 });
  const r = JSON.parse(out);
  return { ...r, value: summary(r.value_ms), typed: summary(r.typed_ms) };
}

// ---------------------------------------------------------------------------------------------
// Report

function verdict(value, budget, aim) {
  if (value > budget) return "**over**";
  return aim !== undefined && value <= aim ? "within (aim met)" : "within";
}

function gitInfo() {
  const git = (...args) => {
    try {
      return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trimEnd();
    } catch {
      return "";
    }
  };
  const changed = git("status", "--porcelain", "--untracked-files=no")
    .split("\n")
    .filter((l) => l && !l.endsWith("BENCHMARKS.md"))
    .map((l) => l.slice(3));
  return { commit: git("rev-parse", "--short=12", "HEAD") || "unknown", subject: git("log", "-1", "--format=%s"), changed };
}

async function main() {
  const started = Date.now();
  const results = {};
  const m = machine();
  try {
    m.nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    m.nproc = String(cpus().length);
  }
  m.load = (await readFile("/proc/loadavg", "utf8").catch(() => "? ? ?")).split(" ").slice(0, 3).join(" ");
  let chromiumVersion = "unknown";
  {
    const b = await freshBrowser();
    chromiumVersion = b.browser.version();
    await b.end();
  }
  log(`Chromium ${chromiumVersion}; ${m.nproc} cores, ${m.memGiB.toFixed(1)} GiB, ${m.cpu}`);

  if (CFG.only.has("size")) {
    results.size = await transferSizes(CFG.dist);
    results.sjsSize = await transferSizes(CFG.surveyDir);
    log(`size: ${fmtKB(results.size.gzip)} gzip, ${fmtKB(results.size.brotli)} brotli`);
  }
  if (CFG.only.has("cold")) {
    results.cold = [await coldStart(1)];
    if (CFG.throttle > 1) results.cold.push(await coldStart(CFG.throttle));
  }
  if (CFG.only.has("autosave")) {
    const r = await autosave();
    results.autosave = {
      ...r,
      p50: percentile(r.app, 50), p95: percentile(r.app, 95), max: Math.max(...r.app),
      bareP50: percentile(r.bare, 50), bareP95: percentile(r.bare, 95), bareMax: Math.max(...r.bare),
    };
    log(`autosave: p50 ${fmtMs(results.autosave.p50)}, p95 ${fmtMs(results.autosave.p95)}; bare put p50 ${fmtMs(results.autosave.bareP50)}, p95 ${fmtMs(results.autosave.bareP95)}`);
  }
  if (CFG.only.has("import")) {
    const dir = await mkdtemp(join(tmpdir(), "samenscan-bench-files-"));
    try {
      log(`writing ${CFG.files} exchange files with ${CFG.responses} responses (seed ${CFG.seed})`);
      const paths = await writeExchangeFiles(dir);
      const bytes = (await Promise.all(paths.map((p) => readFile(p).then((d) => d.length)))).reduce((a, b) => a + b, 0);
      results.native = nativeParse(dir);
      if (results.native) log(`native parse: Value ${fmtMs(results.native.value.median)}, typed ${fmtMs(results.native.typed.median)}`);
      const runs = [];
      for (let i = 1; i <= CFG.importRuns; i++) runs.push(await importRun(paths, i));
      results.import = { bytes, runs };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  results.minutes = (Date.now() - started) / 60000;
  const md = render(results, { machine: m, chromiumVersion, git: gitInfo() });
  console.log(md);
  await writeFile(CFG.out, md);
  log(`wrote ${CFG.out} (${results.minutes.toFixed(1)} min)`);
}

function render(results, info) {
  const rows = [];
  const row = (what, median, min, max, budget, verdictText) => rows.push({ what, median, min, max, budget, verdict: verdictText });
  const { size, cold, autosave: as, import: imp, native } = results;

  if (size) {
    row("Transfer size, gzip -9 (html + js + wasm + css)", fmtKB(size.gzip), "–", "–", "≤ 350 KB (aim 150 KB)", verdict(size.gzip, 350 * KB, 150 * KB));
    row("Transfer size, brotli 11 (same files)", fmtKB(size.brotli), "–", "–", "–", "(for information)");
  }
  for (const c of cold ?? []) {
    const cond = c.rate > 1 ? `, CPU ${c.rate}× throttled` : "";
    const r = c.appShown.median / c.sjsShown.median;
    row(`Cold start to first question shown, Samenscan${cond}`, fmtMs(c.appShown.median), fmtMs(c.appShown.min), fmtMs(c.appShown.max), "", "");
    row(`Cold start to first question shown, SurveyJS${cond}`, fmtMs(c.sjsShown.median), fmtMs(c.sjsShown.min), fmtMs(c.sjsShown.max), "", "");
    row(`Cold start ratio Samenscan / SurveyJS${cond} (medians; min/max: per pair)`, ratio(r), ratio(c.pairRatios.min), ratio(c.pairRatios.max), "≤ 0.5× (aim 0.4×)", verdict(r, 0.5, 0.4));
  }
  if (as) {
    row(`Autosave: change → committed write, p50 (${as.app.length} changes)`, fmtMs(as.p50), fmtMs(Math.min(...as.app)), fmtMs(as.max), "", "");
    row(`Autosave: change → committed write, p95`, fmtMs(as.p95), "–", "–", `p95 ≤ 16 ms (aim ≤ 2 × bare put p95 = ${fmtMs(2 * as.bareP95)})`, verdict(as.p95, 16, 2 * as.bareP95));
    row(`Bare IndexedDB put, same page and record, p50 / p95`, `${fmtMs(as.bareP50)} / ${fmtMs(as.bareP95)}`, fmtMs(Math.min(...as.bare)), fmtMs(as.bareMax), "–", "(reference)");
  }
  if (imp) {
    const total = summary(imp.runs.map((r) => r.total));
    const only = summary(imp.runs.map((r) => r.import));
    const rep = summary(imp.runs.map((r) => r.report));
    const label = `${CFG.files.toLocaleString("en")} files, ${CFG.responses.toLocaleString("en")} responses, ${fmtMB(imp.bytes)}`;
    row(`Import + merge + report (${label})`, fmtS(total.median), fmtS(total.min), fmtS(total.max), "≤ 3 s", verdict(total.median, 3000));
    row(`… of which import + merge (to "${nl(CFG.files)} van ${nl(CFG.files)}")`, fmtS(only.median), fmtS(only.min), fmtS(only.max), "", "");
    row(`… of which report (link clicked → n shown)`, fmtMs(rep.median), fmtMs(rep.min), fmtMs(rep.max), "", "");
    if (native) {
      const floor = Math.min(native.value.median, native.typed.median);
      row(`Native serde_json parse of the same bytes, into Value`, fmtMs(native.value.median), fmtMs(native.value.min), fmtMs(native.value.max), "–", "(reference)");
      row(`Native serde_json parse of the same bytes, typed records`, fmtMs(native.typed.median), fmtMs(native.typed.min), fmtMs(native.typed.max), "–", "(reference)");
      row(`Import + merge + report / native parse (the faster)`, ratio(total.median / floor), ratio(total.min / floor), ratio(total.max / floor), "aim ≤ 3×", total.median / floor <= 3 ? "aim met" : "aim not met");
    }
    for (const [id, what] of [["open-by", "open answers by another split (#open-by)"], ["compare-split", "two groups compared by another split (#compare-split)"]]) {
      const all = imp.runs.flatMap((r) => r.changes[id]);
      const s = summary(all.map((t) => t.layout));
      row(`Report recomputed, ${what}`, fmtMs(s.median), fmtMs(s.min), fmtMs(s.max), "≤ 100 ms (aim 50 ms)", verdict(s.median, 100, 50));
    }
    const mem = summary(imp.runs.map((r) => r.memory.privateFootprint));
    row(`Memory of the tab holding ${CFG.responses.toLocaleString("en")} responses (renderer private footprint)`, fmtMB(mem.median), fmtMB(mem.min), fmtMB(mem.max), "≤ 200 MB (aim 150 MB)", verdict(mem.median, 200 * MB, 150 * MB));
    const heap = summary(imp.runs.map((r) => r.memory.jsHeapUsed));
    row(`… JS heap used (CDP Performance.getMetrics, after GC)`, fmtMB(heap.median), fmtMB(heap.min), fmtMB(heap.max), "", "");
    const wasm = imp.runs.map((r) => r.memory.wasm).filter((x) => x !== null);
    if (wasm.length) {
      const w = summary(wasm);
      row(`… wasm linear memory (never shrinks: the peak of the import)`, fmtMB(w.median), fmtMB(w.min), fmtMB(w.max), "", "");
    }
  }

  const g = info.git;
  const lines = [];
  lines.push("# Benchmarks", "");
  lines.push("Written by `scripts/bench.sh` (the budgets are design §6). Do not edit by hand: run the command again.", "");
  lines.push(`- Date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`);
  lines.push(`- Commit: \`${g.commit}\` (${g.subject})${g.changed.length ? `, with uncommitted changes to ${g.changed.map((f) => `\`${f}\``).join(", ")}` : ""}`);
  lines.push(`- Machine: ${info.machine.nproc} cores (nproc), ${info.machine.memGiB.toFixed(1)} GiB memory, ${info.machine.cpu}; load average at the start ${info.machine.load} (other work on the machine slows every figure, Samenscan's and SurveyJS's alike)`);
  lines.push(`- Browser: headless Chromium ${info.chromiumVersion} (system \`/usr/bin/chromium\`, playwright-core), Node ${process.version}`);
  lines.push(`- Runs: ${CFG.pairs} cold-start pairs per condition, ${CFG.autosaveChanges} autosave changes, ${CFG.importRuns} import runs with ${CFG.reportChanges} changes of each report select each, ${CFG.nativeRuns} native parses; the whole benchmark took ${results.minutes.toFixed(1)} min`);
  lines.push("");
  lines.push("| Measure | Median | Min | Max | Budget | Verdict |", "|---|--:|--:|--:|---|---|");
  for (const r of rows) lines.push(`| ${r.what} | ${r.median} | ${r.min} | ${r.max} | ${r.budget} | ${r.verdict} |`);
  lines.push("");

  if (size) {
    lines.push("## Transfer size per file", "");
    lines.push("Every html, js, wasm and css file of `dist/` (the release build), compressed as a server would send it: gzip level 9 and brotli quality 11 (Node's zlib).", "");
    lines.push("| File | Raw | gzip -9 | brotli 11 |", "|---|--:|--:|--:|");
    for (const f of size.rows) lines.push(`| ${f.name} | ${fmtKB(f.raw)} | ${fmtKB(f.gzip)} | ${fmtKB(f.brotli)} |`);
    lines.push(`| **total** | ${fmtKB(size.raw)} | ${fmtKB(size.gzip)} | ${fmtKB(size.brotli)} |`, "");
    if (results.sjsSize) {
      lines.push(`For comparison, the SurveyJS page of the cold-start benchmark (same compression): ${fmtKB(results.sjsSize.raw)} raw, ${fmtKB(results.sjsSize.gzip)} gzip, ${fmtKB(results.sjsSize.brotli)} brotli, in ${results.sjsSize.rows.length} files (${results.sjsSize.rows.map((f) => `${f.name} ${fmtKB(f.gzip)}`).join(", ")}).`, "");
    }
  }

  if (cold) {
    lines.push("## Cold start, per run", "");
    lines.push("Milliseconds since navigation start. *shown*: the frame after the first question became usable; *DOM*: the first question's first radio button is in the DOM and enabled. Samenscan's *start*: when the enquête screen's start button appeared (it is clicked at once).", "");
    for (const c of cold) {
      const slower = c.rate > 1 && cold[0].rate === 1 ? `, ${(c.probe.median / cold[0].probe.median).toFixed(1)}× the unthrottled runs` : "";
      lines.push(`**CPU ${c.rate > 1 ? `${c.rate}× throttled` : "not throttled"}** (CPU probe, a fixed JS loop run after each measurement: median ${fmtMs(c.probe.median)}${slower})`, "");
      lines.push("| Pair | Samenscan shown | DOM | start | wasm started | SurveyJS shown | DOM | ratio |", "|--:|--:|--:|--:|--:|--:|--:|--:|");
      c.app.forEach((a, i) => {
        const s = c.sjs[i];
        lines.push(`| ${i + 1} | ${ms(a.shown)} | ${ms(a.dom)} | ${ms(a.startShown ?? NaN)} | ${ms(a.wasmStarted ?? NaN)} | ${ms(s.shown)} | ${ms(s.dom)} | ${(a.shown / s.shown).toFixed(2)} |`);
      });
      lines.push(`| **median** | **${ms(c.appShown.median)}** | ${ms(c.appDom.median)} | | | **${ms(c.sjsShown.median)}** | ${ms(c.sjsDom.median)} | **${(c.appShown.median / c.sjsShown.median).toFixed(2)}** |`, "");
    }
  }

  if (as) {
    lines.push("## Autosave", "");
    lines.push(`${as.app.length} keystrokes in the free-text question, one every ~40 ms; the stored record is ${as.recordBytes} bytes of JSON at the start and one character longer with each change. Samenscan p50 ${fmtMs(as.p50)}, p95 ${fmtMs(as.p95)}, max ${fmtMs(as.max)}; bare IndexedDB put p50 ${fmtMs(as.bareP50)}, p95 ${fmtMs(as.bareP95)}, max ${fmtMs(as.bareMax)}. The stored revision was checked to have gone up by exactly ${as.app.length} and to hold the typed text.`, "");
  }

  if (imp) {
    lines.push("## Import, report and memory, per run", "");
    lines.push("| Run | Import + merge | Report | Total | open-by (ms, each change) | compare-split (ms) | Renderer footprint | RSS | JS heap | wasm memory | DOM nodes |", "|--:|--:|--:|--:|---|---|--:|--:|--:|--:|--:|");
    imp.runs.forEach((r, i) => {
      const mm = r.memory;
      lines.push(`| ${i + 1} | ${fmtS(r.import)} | ${fmtMs(r.report)} | ${fmtS(r.total)} | ${r.changes["open-by"].map((t) => ms(t.layout)).join(", ")} | ${r.changes["compare-split"].map((t) => ms(t.layout)).join(", ")} | ${fmtMB(mm.privateFootprint)} | ${fmtMB(mm.rss)} | ${fmtMB(mm.jsHeapUsed)} | ${mm.wasm === null ? "?" : fmtMB(mm.wasm)} | ${mm.domNodes} |`);
    });
    lines.push("");
    if (native) {
      lines.push(`Native parse (\`bench/native-parse\`, release build, files read into memory first, parse only): ${native.files} files, ${fmtMB(native.bytes)}, ${native.responses} responses; into \`serde_json::Value\` ${native.value_ms.map(ms).join(", ")} ms; typed ${native.typed_ms.map(ms).join(", ")} ms.`, "");
    }
    const changes = (id) => imp.runs.flatMap((r) => r.changes[id]);
    for (const id of ["open-by", "compare-split"]) {
      const c = changes(id);
      lines.push(`Report change \`#${id}\`: updated in the DOM median ${fmtMs(median(c.map((t) => t.dom)))} (the first task after the change; after a long task the browser renders a frame before it), + forced style and layout ${fmtMs(median(c.map((t) => t.layout)))}, next frame ${fmtMs(median(c.map((t) => t.frame)))}.`, "");
    }
  }

  lines.push("## How each figure is measured", "");
  lines.push(
    "- **Fresh browser, fresh profile.** Every cold start, the autosave run and every import run start their own Chromium (the end-to-end tests' `spawnPersistent`: system Chromium, same flags) with a new `--user-data-dir` on disk, so IndexedDB writes go to disk as for a real user (a Playwright `newContext()` would keep IndexedDB in memory). The app and the SurveyJS page are served by `python3 -m http.server` on 127.0.0.1; no request may leave 127.0.0.1 and none may log a console error, or the run fails.",
    "- **Transfer size:** as `scripts/size_report.py` (html, js, wasm, css of `dist/`, including the service worker), gzip level 9 and brotli quality 11 through Node's zlib.",
    "- **Cold start:** navigation to `#/enquete` (Samenscan) or the SurveyJS page, timed in the page from navigation start (`performance.now()`) by a MutationObserver installed before any page script (`addInitScript`). Samenscan shows its start button first (a response is created: in memory at once, stored as soon as IndexedDB is open; the button does not wait for the database): the observer clicks it the moment it appears and is enabled, so the figure includes creating the response but no human delay. *Usable*: the first question's first radio button (`input[name=q-org]`; SurveyJS `[data-name=org] input`) is in the DOM and enabled; the figure checked is the frame after that (requestAnimationFrame, then a task), so style, layout and paint of the first question are included for both. SurveyJS (`survey-core` + `survey-js-ui` 2.5.38, the framework-free UI, minified bundles, Dutch strings, the default theme without web fonts) renders the same enquête converted by `bench/surveyjs-convert.mjs`; it stores nothing. Pairs alternate which goes first. Throttled: `Emulation.setCPUThrottlingRate` through a CDP session opened on the page before navigating (the CPU probe, a fixed loop timed in the page after each measurement, shows the slow-down that took effect, which on a shared machine was less than the nominal factor).",
    "- **Autosave:** the app's saved indicator (`.save-status`, the visible line) turns to \"✓ Opgeslagen\" only after the IndexedDB transaction of that change has completed; a MutationObserver times dispatching the `input` event to that text. Reading the record back in a loop was not used: polling IndexedDB would itself contend with the writes it times. The bare put runs in the same page after each change: `put` of the same record string into a database of its own, until `oncomplete`.",
    `- **Import:** ${CFG.files} exchange files with ${CFG.responses} responses in all (\`tests/e2e/generate.mjs\`, seed ${CFG.seed}; every file carries the questionnaire, as real exports do) are set on \`#import-files\` by path (CDP \`DOM.setFileInputFiles\`, what Playwright's \`setInputFiles\` does for a browser it launched; through \`connectOverCDP\` it would stream the 62 MB instead, and refuses more than 50 MB). From the input's \`change\` event (a capturing listener on window, before the app's) until \".import-progress\" reads "${nl(CFG.files)} van ${nl(CFG.files)}" (the dataset counts are then checked), then the report link is clicked and the time runs until \`#report-n\` shows the number of responses and a frame has been produced. Polled every 5 ms, which only runs when the main thread is free.`,
    "- **Report recomputation:** `#open-by` (the open answers split by another item: regrouped from the report's index of open answers, what the report hides stays hidden) and `#compare-split` (two groups side by side), each changed to its next option; from dispatching `change` until the changed part is in the DOM, then a forced style and layout (`offsetHeight`); the figure checked includes the layout.",
    "- **Memory:** after the report is shown and a full garbage collection (`HeapProfiler.collectGarbage`). The figure checked is the renderer process's private footprint (`RssAnon + VmSwap` from `/proc`, what Chromium's task manager shows as *Memory footprint* on Linux; the renderer is found through CDP `SystemInfo.getProcessInfo`, the one that used the most CPU). Beside it, the JS heap (`Performance.getMetrics`) and the wasm linear memory (`memory.buffer.byteLength` of the instance Trunk's start-up script announces in `TrunkApplicationStarted`); the renderer figure includes both and Blink's DOM.",
    "- **Native parse:** `bench/native-parse` (serde + serde_json, release, LTO) parses the same files, read into memory first: into `serde_json::Value` (as the app's decoder does first) and into typed records; the faster median is the floor for the aim.",
  );
  lines.push("");
  return lines.join("\n");
}

try {
  await main();
} catch (e) {
  console.error(e);
  await killAll();
  process.exit(1);
}
