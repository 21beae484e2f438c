// Offline after the first visit, and a clean update when a new build is served.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, serve, launch, open, appReady } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Polls an async predicate in the page (waitForFunction does not await promises). */
async function until(page, predicate, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate}`);
    await page.waitForTimeout(50);
  }
}

/**
 * Runs `body` with a copy of the build served from a directory of its own, closing the server,
 * the context and the copy whatever happens: a failed assertion left the server open, and the
 * test command waited for it instead of failing.
 */
async function withCopy(prepare, body) {
  const dir = await mkdtemp(join(tmpdir(), "samenscan-dist-"));
  await cp(DIST, dir, { recursive: true });
  await prepare(dir);
  const server = await serve(dir);
  const opened = await open(browser, server.url);
  try {
    await body({ dir, server, ...opened });
  } finally {
    await opened.context.close().catch(() => {});
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("after one visit the app reloads with the browser offline", async () => {
  const server = await serve();
  const { context, page, errors, foreign } = await open(browser, server.url);
  await page.goto(server.url);
  await appReady(page);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("h1").innerText(), "Samen evalueren hoe de samenwerking gaat");
  // Other screens still work offline too.
  await page.goto(server.url + "#/rapport");
  await page.locator("h1", { hasText: "Rapport" }).waitFor();
  // Importing too: the file reader worker comes from the cache.
  await page.goto(server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  const workers = [];
  page.on("worker", (w) => workers.push(w.url().split("/").pop()));
  await page.locator("#import-files").setInputFiles(new URL("../fixtures/exchange/valid-v1.samenscan.json", import.meta.url).pathname);
  await page.locator(".import-status", { hasText: "Geïmporteerd" }).waitFor();
  assert.deepEqual(workers, ["reader.js"]);
  assert.deepEqual(foreign(), []);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

test("a new build served later replaces the cached one cleanly", async () => {
  const dir = await mkdtemp(join(tmpdir(), "samenscan-dist-"));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(dir);
  const { context, page, errors } = await open(browser, server.url);
  await page.goto(server.url);
  await appReady(page);
  await controlled(page);
  const firstVersion = await page.evaluate(() => caches.keys());

  // "Deploy" a new build: different index.html, and so a different service-worker version.
  const index = await readFile(join(dir, "index.html"), "utf8");
  assert.ok(index.includes("<title>"));
  await writeFile(join(dir, "index.html"), index.replace("<title>", '<meta name="build" content="B"><title>'));
  const sw = await readFile(join(dir, "sw.js"), "utf8");
  await writeFile(join(dir, "sw.js"), sw.replace(/const VERSION = "[^"]+"/, 'const VERSION = "new-build"'));

  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
  });
  // Only the new build's cache is left once the new worker has installed and activated.
  await until(page, async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0] === "samenscan-new-build /";
  });
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator('meta[name="build"]').getAttribute("content"), "B");
  assert.notDeepEqual(firstVersion, await page.evaluate(() => caches.keys()), "old cache removed");
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test("a build caught half-copied is not cached: the old version keeps working, and the finished copy installs", async () => {
  await withCopy(async () => {}, async ({ dir, server, page, errors }) => {
    await page.goto(server.url);
    await appReady(page);
    await controlled(page);
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1);

    // A new build's service worker is there, its wasm still half-written (a copy in progress).
    const sw = await readFile(join(dir, "sw.js"), "utf8");
    await writeFile(join(dir, "sw.js"), sw.replace(/const VERSION = "[^"]+"/, 'const VERSION = "copying"'));
    const wasmName = (await readdir(dir)).find((f) => f.endsWith("_bg.wasm"));
    const wasm = await readFile(join(dir, wasmName));
    await writeFile(join(dir, wasmName), wasm.subarray(0, wasm.length >> 1));
    const updated = () => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update().catch(() => {});
      // Until the new worker has installed (or failed to).
      while (registration.installing) await new Promise((ok) => setTimeout(ok, 50));
      return caches.keys();
  });
  assert.deepEqual(await updated(), before, "the half file is not cached");
  await page.reload();
  await appReady(page);

  // The copy finished: the new build installs.
  await writeFile(join(dir, wasmName), wasm);
  await updated();
  await until(page, async () => {
    const keys = await caches.keys();
    return keys.length === 1 && keys[0] === "samenscan-copying /";
  });
  await page.reload();
  await appReady(page);
  assert.deepEqual(errors.filter((e) => !/sw\.js|service ?worker/i.test(e)), []);
  });
});

test("another page beside the app is not answered with the app", async () => {
  const manual = (dir) => writeFile(join(dir, "handleiding.html"), "<!doctype html><title>Handleiding</title><h1>Handleiding</h1>");
  await withCopy(manual, async ({ server, context, page }) => {
    await page.goto(server.url);
    await appReady(page);
    await controlled(page);
    await page.goto(server.url + "handleiding.html");
    assert.equal(await page.locator("h1").innerText(), "Handleiding");
    // The app's own page still comes from the cache.
    await context.setOffline(true);
    await page.goto(server.url);
    await appReady(page);
  });
});
