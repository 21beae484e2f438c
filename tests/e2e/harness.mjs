// Shared harness of the end-to-end tests: a static file server for dist/, a headless Chromium
// launched through playwright-core (the system Chromium; no browser is ever downloaded), a
// recorder of every request and console error, and an axe-core check.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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

/** Serves `dir` on 127.0.0.1 at a free port, like any static web server a facilitator uses. */
export async function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(normalize(dir))) throw new Error("outside");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
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

/** Launches the system Chromium headless, with the flags that keep it off the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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
