// Shared harness of the end-to-end tests: a static file server for dist/, a headless Chromium
// launched through playwright-core (the system Chromium; no browser is ever downloaded), a
// recorder of every request and console error, and an axe-core check.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DIST = process.env.SAMENSCAN_DIST || join(root, "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

/**
 * Serves `dir` on 127.0.0.1 at a free port, like any static web server a facilitator uses;
 * `types` overrides the content type of a file extension (as a server set up otherwise would).
 */
export async function serve(dir = DIST, types = {}) {
  const typeOf = { ...TYPES, ...types };
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(normalize(dir))) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": typeOf[extname(file)] || "application/octet-stream",
        "cache-control": "no-cache",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// Root needs --no-sandbox; the rest keep Chromium from reaching for the network at start.
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches the system Chromium headless, with the flags that keep it off the network, and any
 * `extra` flags.
 */
export function launch(extra = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...extra] });
}

/**
 * Opens a fresh browser profile (context) and page that record every request and every console
 * error or uncaught exception. `origin` is the app's origin: requests elsewhere are collected in
 * `foreign`.
 */
export async function open(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  const foreign = () =>
    requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  return { context, page, requests, errors, foreign };
}

/** Waits until the app has rendered its first heading. */
export async function appReady(page) {
  await page.locator("h1").first().waitFor({ state: "visible" });
}

const AXE = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core on the page for WCAG 2.1 A and AA and returns the violations, each as
 * "rule: target (help)". Injected through the DevTools protocol, which the page's CSP does not
 * govern, so the app's own policy stays in force during the check.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  );
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`),
  );
}

/**
 * Starts Chromium as its own process with a persistent profile in `userDataDir`, and connects
 * to it. `kill()` ends it with SIGKILL: no shutdown, no flushing, as when a laptop dies.
 */
/** Chromium processes started by `spawnPersistent` and not yet ended. */
const persistent = new Set();
let persistentCleanup = false;

export async function spawnPersistent(userDataDir) {
  const { spawn } = await import("node:child_process");
  // A test that fails before closing its browser must not leave it running: its pipes would keep
  // this file's process, and so the whole test command, waiting forever instead of failing.
  if (!persistentCleanup) {
    persistentCleanup = true;
    after(() => {
      for (const pid of persistent) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    });
  }
  const proc = spawn(CHROMIUM, [
    "--headless",
    ...CHROMIUM_FLAGS,
    `--user-data-dir=${userDataDir}`,
    "--remote-debugging-port=0",
    "about:blank",
  ], { detached: true });
  // Chromium runs as a process group (browser, renderers, GPU, utility): signals go to the whole
  // group, so no child keeps writing into the profile after the test is done with it.
  const signal = (name) => {
    try {
      process.kill(-proc.pid, name);
    } catch {
      // already gone
    }
  };
  const endpoint = await new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`Chromium did not start: ${seen}`)), 30_000);
    proc.stderr.on("data", (chunk) => {
      seen += chunk;
      const m = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  persistent.add(proc.pid);
  const exited = new Promise((ok) => proc.on("exit", ok));
  exited.then(() => persistent.delete(proc.pid));
  return {
    browser,
    context,
    kill: async () => {
      signal("SIGKILL");
      await exited;
    },
    close: async () => {
      await browser.close().catch(() => {});
      signal("SIGTERM");
      await exited;
      signal("SIGKILL");
    },
  };
}

/** Every record of one IndexedDB store, parsed, read by the test itself (not by the app). */
export function storedRecords(page, store) {
  return page.evaluate(
    (store) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("samenscan");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(store).objectStore(store).getAll();
          get.onsuccess = () => {
            db.close();
            // The import log stores its fields as JSON, a newline, then the file's data as text
            // (as UTF-8 bytes; records of earlier builds as a string).
            ok(
              get.result.map((value) => {
                const stored = typeof value === "string" ? value : new TextDecoder().decode(value);
                const cut = store === "imports" ? stored.indexOf("\n") : -1;
                return cut < 0 ? JSON.parse(stored) : { ...JSON.parse(stored.slice(0, cut)), data: stored.slice(cut + 1) };
              }),
            );
          };
          get.onerror = () => fail(get.error);
        };
      }),
    store,
  );
}

/** This device's responses as stored in IndexedDB. */
export function storedResponses(page) {
  return storedRecords(page, "responses");
}

/**
 * Answers the questions of the current enquête page with the keyboard alone, then stops on the
 * page's submit button (focused, not pressed). `plan` maps an item id to an option index (radio
 * groups: choice, grade, likert with index 5 = not applicable) or to a text to type.
 */
export async function answerPageByKeyboard(page, plan) {
  const done = new Set();
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return { tag: a.tagName, type: a.type, id: a.id, name: a.name, text: a.textContent };
    });
    if (el.type === "submit") return done;
    if (el.type === "radio") {
      const item = el.name.slice(2);
      if (!(item in plan) || done.has(item)) continue;
      const at = Number(el.id.slice(el.id.lastIndexOf("-") + 1));
      const want = plan[item];
      if (want === at) await page.keyboard.press("Space");
      for (let k = at; k < want; k++) await page.keyboard.press("ArrowDown");
      for (let k = at; k > want; k--) await page.keyboard.press("ArrowUp");
      done.add(item);
    } else if (el.tag === "TEXTAREA" || (el.tag === "INPUT" && el.type === "text")) {
      const item = el.id.slice(2);
      if (!(item in plan) || done.has(item)) continue;
      // Faster than any person, 14 characters a second (people type 3 to 12): every keystroke
      // is one autosave, and the kill test needs the pace of a person, not of a script.
      await page.keyboard.type(plan[item], { delay: 70 });
      done.add(item);
    }
  }
  throw new Error("no submit button reached by Tab");
}

/**
 * Finishes one response of someone who never worked with the other organisation (two pages):
 * `origin` is the served app; `context` picks org, team and frequency; `strengths` is typed on
 * the open-questions page.
 */
export async function finishShortResponse(page, origin, context, strengths, concerns) {
  await page.goto(origin + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator("h1").focus();
  await answerPageByKeyboard(page, { ...context, frequency: 0 });
  await page.keyboard.press("Enter");
  await page.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
  if (strengths) await page.locator("#q-strengths").fill(strengths);
  if (concerns) await page.locator("#q-concerns").fill(concerns);
  await page.getByRole("button", { name: "Naar het overzicht" }).click();
  await page.getByRole("button", { name: "Enquête afronden" }).click();
  await page.locator("h1", { hasText: "Dank u wel" }).waitFor();
}

/**
 * Serves dist/ and launches Chromium once for the test file that calls this (in its `before`
 * hook), and closes both after it. Read `env.server` and `env.browser` inside the tests.
 */
export function servedApp() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * The text of a PDF (every page, in reading order, runs of white space as one space), read with
 * pdf.js: to check that a printed report holds its figures.
 */
export async function pdfText(buffer) {
  return (await pdfPages(buffer)).join("\n").replace(/\s+/g, " ");
}

/** The text of each page of a PDF, in order. */
export async function pdfPages(buffer) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str + (item.hasEOL ? "\n" : "")).join(" "));
  }
  await doc.destroy();
  return pages;
}

/**
 * Makes every `indexedDB.open` of the pages of `context` start `ms` later (a slow disk, a busy
 * browser): the request is handed back at once and its events arrive once the real open,
 * started after the delay, fires them. `window.__dbOpenCalled` says whether it has started.
 */
export async function delayDatabaseOpen(context, ms) {
  await context.addInitScript((ms) => {
    const realOpen = IDBFactory.prototype.open;
    window.__dbOpenCalled = false;
    IDBFactory.prototype.open = function (...args) {
      const factory = this;
      const handlers = {};
      const request = {};
      for (const name of ["success", "error", "blocked", "upgradeneeded"]) {
        Object.defineProperty(request, "on" + name, {
          get: () => handlers[name] ?? null,
          set: (f) => (handlers[name] = f),
        });
      }
      for (const name of ["result", "error", "transaction", "readyState"]) {
        Object.defineProperty(request, name, { get: () => request.real?.[name] });
      }
      setTimeout(() => {
        window.__dbOpenCalled = true;
        request.real = realOpen.apply(factory, args);
        for (const name of ["success", "error", "blocked", "upgradeneeded"]) {
          request.real["on" + name] = (e) => handlers[name]?.call(request.real, e);
        }
      }, ms);
      return request;
    };
  }, ms);
}
