// The app shell in a real browser: renders, speaks Dutch and English, passes axe on every
// screen, works by keyboard alone, requests nothing from any other origin, and the quick exit
// leaves without a way Back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { open, appReady, axeViolations, servedApp, launch, serve, DIST } from "./harness.mjs";

const env = servedApp();

const SCREENS = [
  { hash: "#/", nl: "Samen evalueren hoe de samenwerking gaat", en: "Evaluating together how the collaboration is going" },
  { hash: "#/enquete", nl: "Enquête", en: "Survey" },
  { hash: "#/bijeenkomsten", nl: "Bijeenkomsten", en: "Meetings" },
  { hash: "#/importeren", nl: "Importeren", en: "Import" },
  { hash: "#/rapport", nl: "Rapport", en: "Report" },
  { hash: "#/privacy", nl: "Privacy & gegevens", en: "Privacy & data" },
];

test("home renders in Dutch with the three roles and requests nothing from another origin", async () => {
  const { context, page, requests, errors, foreign } = await open(env.browser, env.server.url);
  // The page's own requests: the service worker, registered later, fetches the files again.
  const wasmFetches = [];
  page.on("request", (r) => r.url().endsWith("_bg.wasm") && wasmFetches.push(r.url()));
  await page.goto(env.server.url);
  await appReady(page);
  assert.equal(await page.locator("html").getAttribute("lang"), "nl");
  assert.equal(await page.title(), "Samenscan");
  assert.equal(await page.locator("h1").innerText(), SCREENS[0].nl);
  const roles = await page.locator(".role-card h3").allInnerTexts();
  assert.deepEqual(roles, ["Enquête invullen", "Bijeenkomst vastleggen", "Bestanden samenvoegen en rapport"]);
  // Use the app a little: every screen, and the language switch.
  for (const screen of SCREENS) {
    await page.locator(`nav a[href="${screen.hash}"]`).click();
    await assert.doesNotReject(page.locator("h1", { hasText: screen.nl }).waitFor());
  }
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("h1", { hasText: "Privacy & data" }).waitFor();
  await page.waitForTimeout(300);
  assert.ok(requests.length >= 4, `expected the app's own files to be requested, saw ${requests.length}`);
  // The wasm is fetched once, by the page's first script (no preload beside it).
  assert.equal(wasmFetches.length, 1, wasmFetches.join("\n"));
  assert.deepEqual(foreign(), [], "requests to other origins");
  assert.deepEqual(errors, [], "console errors");
  await context.close();
});

test("opened as a file, where it cannot start, the page says how to open it; started, it says nothing", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await page.goto(env.server.url);
  await appReady(page);
  assert.equal(await page.locator("#boot-problem").count(), 0, "removed when the app starts");
  // A browser will not start WebAssembly from file://: after a few seconds the note shows.
  await page.goto(pathToFileURL(join(DIST, "index.html")).href);
  const note = page.locator("#boot-problem");
  await note.waitFor({ state: "visible", timeout: 25_000 });
  assert.match(await note.innerText(), /Samenscan start niet\. Open het via een webadres/);
  assert.match(await note.innerText(), /Samenscan did not start\./);
  await context.close();
});

test("a web server that sends the wasm under another content type still starts the app", async () => {
  // Not every server a facilitator uses knows .wasm: compiling while it streams needs
  // application/wasm, so the page falls back to compiling it once it has arrived.
  const other = await serve(DIST, { ".wasm": "application/octet-stream" });
  try {
    const { context, page, errors } = await open(env.browser, other.url);
    const wasmFetches = [];
    page.on("request", (r) => r.url().endsWith("_bg.wasm") && wasmFetches.push(r.url()));
    await page.goto(other.url + "#/enquete");
    await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
    await page.locator('input[name="q-org"]').first().waitFor();
    assert.equal(wasmFetches.length, 1);
    assert.deepEqual(errors, [], "console errors");
    await context.close();
  } finally {
    await other.close();
  }
});

test("the Content-Security-Policy allows only the app's own files", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url);
  await appReady(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  // The two inline scripts (the wasm's early fetch and Trunk's start-up) by their hashes.
  assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  // A request to another origin is refused by the policy itself, not merely by a closed network.
  const violation = await page.evaluate(async () => {
    const seen = new Promise((ok) =>
      document.addEventListener("securitypolicyviolation", (e) => ok(e.effectiveDirective), { once: true }),
    );
    fetch("https://example.org/leak").catch(() => {});
    return seen;
  });
  assert.equal(violation, "connect-src");
  assert.ok(errors.every((e) => /Content Security Policy|Failed to fetch/.test(e)), errors.join("\n"));
  await context.close();
});

test("every screen passes axe-core (WCAG 2.1 A and AA) in Dutch and in English", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  for (const lang of ["nl", "en"]) {
    for (const screen of SCREENS) {
      await page.goto(env.server.url + screen.hash);
      await appReady(page);
      if (lang === "en" && (await page.locator("html").getAttribute("lang")) === "nl") {
        await page.getByRole("button", { name: "English" }).click();
      }
      await page.locator("h1", { hasText: screen[lang] }).waitFor();
      assert.deepEqual(await axeViolations(page), [], `axe on ${screen.hash} (${lang})`);
    }
  }
  // A narrow phone screen too: nothing may overflow or overlap into a violation.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(env.server.url);
  await appReady(page);
  assert.deepEqual(await axeViolations(page), [], "axe at 320 px");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, "horizontal scrolling at 320 px");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the language choice is remembered across a reload and a new tab", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url);
  await appReady(page);
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("h1", { hasText: SCREENS[0].en }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.reload();
  await page.locator("h1", { hasText: SCREENS[0].en }).waitFor();
  const second = await context.newPage();
  await second.goto(env.server.url + "#/rapport");
  await second.locator("h1", { hasText: "Report" }).waitFor();
  assert.equal(await second.title(), "Report – Samenscan");
  await second.getByRole("button", { name: "Nederlands" }).click();
  await second.locator("h1", { hasText: "Rapport" }).waitFor();
  assert.equal(await second.locator("html").getAttribute("lang"), "nl");
  assert.deepEqual(errors, []);
  await context.close();
});

test("keyboard alone: skip link, menu, and focus on the new screen's heading", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url);
  await appReady(page);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Naar de inhoud");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  // From the top again: Tab through the header to the menu item "Rapport" and open it.
  await page.evaluate(() => document.activeElement.blur());
  let label = "";
  for (let i = 0; i < 15 && label !== "Rapport"; i++) {
    await page.keyboard.press("Tab");
    label = await page.evaluate(() => document.activeElement.textContent);
  }
  assert.equal(label, "Rapport", "the menu item is reachable by Tab");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth);
  assert.equal(ring, "3px", "visible 3 px focus ring");
  await page.keyboard.press("Enter");
  await page.locator("h1", { hasText: "Rapport" }).waitFor();
  await page.waitForFunction(() => document.activeElement.id === "page-title");
  // The language switch works from the keyboard as well.
  await page.locator(".lang-switch").focus();
  await page.keyboard.press("Enter");
  await page.locator("h1", { hasText: "Report" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("every screen is built; an unknown address says so plainly and shows no data", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  for (const screen of SCREENS) {
    await page.goto(env.server.url + screen.hash);
    await page.locator("h1", { hasText: screen.nl }).waitFor();
    assert.doesNotMatch(await page.locator("main").innerText(), /nog niet gebouwd/);
  }
  await page.goto(env.server.url + "#/bestaat-niet");
  await page.locator("h1", { hasText: "Pagina niet gevonden" }).waitFor();
  assert.doesNotMatch(await page.locator("main").innerText(), /\d/);
  assert.deepEqual(errors, []);
  await context.close();
});

async function neutralSite(context) {
  await context.route("https://www.buienradar.nl/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weer</title><p>neutral</p>" }),
  );
}

test("quick exit: the button leaves for a neutral site and Back does not return to the app", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  await neutralSite(context);
  await page.goto("about:blank");
  await page.goto(env.server.url);
  await appReady(page);
  // Walk through several screens first: none of them may stay in the history.
  for (const hash of ["#/enquete", "#/rapport", "#/privacy"]) {
    await page.locator(`nav a[href="${hash}"]`).click();
    await page.waitForURL((u) => u.hash === hash.slice(1) || u.href.endsWith(hash));
  }
  await page.getByRole("button", { name: "Snel weg" }).click();
  await page.waitForURL("https://www.buienradar.nl/");
  await page.goBack();
  assert.equal(page.url(), "about:blank", "Back leads to where the person was before the app");
  assert.deepEqual(errors, []);
  await context.close();
});

/** Whether the element's centre is inside the window and not covered by anything else. */
function inSightAndOnTop(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return false;
    const hit = document.elementFromPoint(x, y);
    return hit === el || el.contains(hit);
  });
}

test("Snel weg stays in sight however far a phone's page scrolls, and covers nothing focused", async () => {
  for (const [width, lang] of [[320, "en"], [375, "nl"], [500, "en"], [568, "nl"], [1280, "nl"]]) {
    const { context, page } = await open(env.browser, env.server.url, { viewport: { width, height: 640 } });
    await page.goto(env.server.url + "#/privacy");
    await page.locator("h1").waitFor();
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    const exit = page.locator(".quick-exit");
    // Scrolled to the bottom once the page has its full length (parts of it are filled in
    // after the first drawing: a full run once found it still short at 568px).
    await page.waitForFunction(() => {
      window.scrollTo(0, document.body.scrollHeight);
      return window.scrollY > 300;
    }, null, { timeout: 5000 }).catch(() => {});
    assert.ok(await page.evaluate(() => window.scrollY > 300), `${width}px: the page scrolls`);
    assert.ok(await inSightAndOnTop(exit), `${width}px: Snel weg in sight at the bottom of the page`);
    assert.ok(await inSightAndOnTop(page.locator(".lang-switch")), `${width}px: the language switch too`);
    // Focus moved to the first menu item from far below: it comes to rest below the bar, so a
    // click on it reaches it (before, the bar covered it and the click hit the language switch).
    const first = page.locator("nav.menu a").first();
    await first.focus();
    assert.ok(await inSightAndOnTop(first), `${width}px: the focused menu item is not under the bar`);
    // A question scrolled to from the bottom of a form (an anchor, an error summary's link
    // in a browser that scrolls it to the top edge) comes to rest below the bar.
    await page.locator("nav.menu a[href='#/enquete']").click();
    await page.getByRole("button", { name: lang === "en" ? "Start a new survey" : "Nieuwe enquête beginnen" }).click();
    await page.locator(".caption").first().waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const below = await page.evaluate(() => {
      const field = document.querySelectorAll(".page .field")[1];
      field.scrollIntoView({ block: "start" });
      return field.getBoundingClientRect().top - document.querySelector(".site-header").getBoundingClientRect().bottom;
    });
    assert.ok(below >= 0, `${width}px: a question scrolled to is ${-below}px under the bar`);
    // An error summary's link: the whole question it leads to shows below the bar.
    await page.getByRole("button", { name: lang === "en" ? "Next" : "Volgende" }).click();
    const links = page.locator("#error-summary a");
    await links.first().waitFor();
    await links.last().click();
    // Focus moves once the question is drawn (after any page change).
    await page.waitForFunction(() => document.activeElement?.closest(".field"));
    const question = await page.evaluate(() => {
      const field = document.activeElement.closest(".field");
      return field.getBoundingClientRect().top - document.querySelector(".site-header").getBoundingClientRect().bottom;
    });
    assert.ok(question >= 0, `${width}px: the question an error links to is ${-question}px under the bar`);
    await context.close();
  }
});

test("quick exit: Shift pressed three times leaves; typing capitals does not", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await neutralSite(context);
  await page.goto(env.server.url);
  await appReady(page);
  // Shift+letter, three times: a person typing, not asking to leave.
  for (const key of ["Shift+A", "Shift+B", "Shift+C"]) await page.keyboard.press(key);
  await page.waitForTimeout(200);
  assert.ok(page.url().startsWith(env.server.url), "typing capitals must not leave");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL("https://www.buienradar.nl/");
  await context.close();
});

test("served over plain http from another machine: says what does not work there, and still starts an enquête", async () => {
  // A name that resolves to this machine but is no localhost: not a secure context, as a
  // facilitator's plain-http server on the network is (no crypto.randomUUID, no service worker).
  const browser = await launch(["--host-resolver-rules=MAP samenscan.test 127.0.0.1"]);
  try {
    const origin = env.server.url.replace("127.0.0.1", "samenscan.test");
    const { page, errors, foreign } = await open(browser, origin);
    await page.goto(origin + "#/enquete");
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    await page.locator("#insecure-notice", { hasText: "onbeveiligd adres" }).waitFor();
    await page.locator("button.button-start").click();
    await page.locator("input[name=q-org]").first().waitFor();
    // The id made without crypto.randomUUID is a version 4 UUID.
    assert.match(page.url(), /#\/enquete\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign(), []);
  } finally {
    await browser.close();
  }
});
