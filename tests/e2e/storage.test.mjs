// Storage that fails: the person gets a clear message, never a blank screen, and nothing typed
// is silently dropped. Each failure is made real in the browser through an init script.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, appReady, servedApp, delayDatabaseOpen, storedResponses, answerPageByKeyboard, axeViolations } from "./harness.mjs";
import { rng, response, exportFile, QUESTIONNAIRE } from "./generate.mjs";

const env = servedApp();

test("IndexedDB refused (private mode, a setting): a clear message instead of the data screens", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await context.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", {
      get() {
        throw new DOMException("The user denied permission to access the database.", "SecurityError");
      },
    });
  });
  await page.goto(env.server.url + "#/enquete");
  await appReady(page);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /niet toe dat Samenscan gegevens bewaart/);
  assert.equal(await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).count(), 0);
  // The rest of the app still works: language, menu, quick exit.
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("alert", { hasText: "does not let Samenscan keep data" }).waitFor();
  await context.close();
});

test("another tab holds an older version open: this tab says so, and continues once it closes", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  // The "old tab": a page of the same origin holding the database open at schema version 1,
  // without closing on a version change (as an old app version might).
  const old = await context.newPage();
  await old.goto(env.server.url + "sw.js");
  await old.evaluate(
    () =>
      new Promise((ok, fail) => {
        const r = indexedDB.open("samenscan", 1);
        r.onupgradeneeded = () => r.result.createObjectStore("responses");
        r.onsuccess = () => {
          window.keep = r.result;
          ok();
        };
        r.onerror = () => fail(r.error);
      }),
  );
  await page.goto(env.server.url + "#/enquete");
  await page.getByRole("alert", { hasText: "in een ander tabblad nog met een oudere versie" }).waitFor();
  await old.close();
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).waitFor();
  await context.close();
});

test("storage full: the answer stays on screen and the person is told it was not saved", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  // A screen reader hears "Opgeslagen" once, not "Bezig met opslaan…" and "Opgeslagen" again at
  // every answer: the spoken line changes only when its meaning does.
  const announce = page.locator("#save-announce");
  await page.locator("#q-org-2").check();
  await page.waitForFunction(() => document.getElementById("save-announce").textContent === "Opgeslagen");
  await page.evaluate(() => {
    window.announced = 0;
    new MutationObserver(() => window.announced++).observe(document.getElementById("save-announce"), { childList: true, characterData: true, subtree: true });
  });
  await page.locator("#q-org-3").check();
  await page.locator("#q-org-0").check();
  await page.waitForFunction(async () => {
    const req = indexedDB.open("samenscan");
    const db = await new Promise((ok) => { req.onsuccess = () => ok(req.result); });
    const all = await new Promise((ok) => { const r = db.transaction("responses").objectStore("responses").getAll(); r.onsuccess = () => ok(r.result); });
    db.close();
    return JSON.stringify(all).includes('"org":"lokaal_team"');
  });
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓/ }).waitFor();
  assert.equal(await page.evaluate(() => window.announced), 0);
  // From now on every write fails as a full disk would.
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("Quota exceeded.", "QuotaExceededError");
    };
  });
  await page.locator("#q-org-1").check();
  await page.locator(".save-status", { hasText: "Niet opgeslagen" }).waitFor();
  // In view, a few words; for a screen reader, the whole reason.
  assert.equal(await page.locator(".save-status [aria-hidden=true]").innerText(), "Niet opgeslagen: de opslag is vol");
  await page.waitForFunction(() => document.getElementById("save-announce").textContent.startsWith("Niet opgeslagen: De opslag van deze browser is vol."));
  assert.equal(await page.locator("#q-org-1").isChecked(), true, "the answer stays on screen");
  // In the error colour, with a way out that writes again what is on screen; focus stays on the
  // indicator, which says how it went.
  await page.locator(".save-status.save-failed").waitFor();
  // A retry that fails again is said again: the spoken line is cleared first.
  await page.evaluate(() => {
    window.failureSaid = 0;
    const region = document.getElementById("save-announce");
    new MutationObserver(() => {
      if (region.textContent.startsWith("Niet opgeslagen: De opslag")) window.failureSaid++;
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await page.locator("#save-retry").click();
  await page.waitForFunction(() => document.activeElement?.id === "save-status", null, { timeout: 5000 });
  await page.locator(".save-status", { hasText: "Niet opgeslagen" }).waitFor();
  await page.waitForFunction(() => window.failureSaid >= 1, null, { timeout: 5000 });
  // Space again (the person removed old data): saving again stores what is on screen.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = window.realPut;
  });
  await page.locator("#save-retry").click();
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  assert.equal(await announce.textContent(), "Opgeslagen");
  assert.deepEqual((await storedResponses(page)).map((own) => own.response.answers), [{ org: "gi" }]);
  // And the next change stores everything, as before.
  await page.locator("#q-team-4").check();
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  const stored = (await storedResponses(page)).map((own) => own.response.answers);
  assert.deepEqual(stored, [{ org: "gi", team: "brummen" }]);
  await context.close();
});

test("completing while the storage is full says so instead of thanking, and saving again completes it", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator("h1").focus();
  await answerPageByKeyboard(page, { org: 1, team: 4, frequency: 0 });
  await page.keyboard.press("Enter");
  await page.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
  await page.getByRole("button", { name: "Naar het overzicht" }).click();
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  await page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("Quota exceeded.", "QuotaExceededError");
    };
  });
  // Whether a thank-you was ever drawn, however briefly (a screen reader would announce it).
  await page.evaluate(() => {
    window.thanked = false;
    new MutationObserver(() => {
      if (document.querySelector(".panel-done")) window.thanked = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole("button", { name: "Enquête afronden" }).click();
  // No thank-you: after a reload it would have been a draft again. Focus is on the error.
  const alert = page.locator("#completed-not-saved[role=alert]");
  await alert.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "completed-not-saved", null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.thanked), false, "no thank-you before the write ended");
  assert.match(await alert.innerText(), /nog niet opgeslagen als afgerond\. De opslag van deze browser is vol/);
  assert.equal(await page.locator(".panel-done").count(), 0);
  assert.equal((await storedResponses(page))[0].response.status, "draft");
  // The indicator, which says the same with the same button, gives way to the notice.
  assert.equal(await page.locator("#save-retry").isVisible(), false);
  // Room again: saving again stores what is on screen, and then the thank-you comes.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = window.realPut;
  });
  await alert.getByRole("button", { name: "Opnieuw opslaan" }).click();
  await page.locator(".panel-done h1", { hasText: "Dank u wel" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && /Dank u wel/.test(document.activeElement.textContent), null, { timeout: 5000 });
  assert.equal((await storedResponses(page))[0].response.status, "complete");
  await page.reload();
  await page.goto(env.server.url + "#/enquete");
  await page.locator(".response-row", { hasText: "Afgerond" }).waitFor();
  await context.close();
});

test("the database opens slowly: a response started meanwhile shows at once, is stored once it opens, and joins the stored ones", async () => {
  const { context, page } = await open(env.browser, env.server.url);
  // One response stored the ordinary way first.
  await page.goto(env.server.url + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator("#q-org-0").check();
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  // From now on the database takes 1.5 s to start opening (a slow disk, a busy browser).
  await delayDatabaseOpen(context, 1500);
  await page.goto(env.server.url + "#/enquete");
  await page.reload();
  const start = page.getByRole("button", { name: "Nieuwe enquête beginnen" });
  await start.waitFor();
  // The list of stored responses is still loading, and says so; the start button is there.
  assert.equal(await page.locator("p.loading[role=status]").innerText(), "Gegevens worden geladen…");
  assert.equal(await page.evaluate(() => window.__dbOpenCalled), false, "started before the database opened");
  await start.click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator("#q-org-2").check();
  assert.equal(await page.evaluate(() => window.__dbOpenCalled), false, "answered before the database opened");
  assert.equal(await page.locator("#q-org-2").isChecked(), true);
  // Once the database is open, the change is stored: the answer given while it opened.
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  const readStored = async () => (await storedResponses(page)).map((own) => own.response.answers);
  assert.ok(
    (await readStored()).some((a) => a.org === "veilig_thuis"),
    "the change made before the database opened is stored",
  );
  await page.locator("#q-team-1").check();
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  const stored = await readStored();
  assert.deepEqual(
    stored.sort((a, b) => a.org.localeCompare(b.org)),
    [{ org: "lokaal_team" }, { org: "veilig_thuis", team: "apeldoorn" }].sort((a, b) => a.org.localeCompare(b.org)),
  );
  // The overview lists both: the one loaded from storage and the one started meanwhile.
  await page.goto(env.server.url + "#/enquete");
  await page.locator(".response-row").nth(1).waitFor();
  assert.equal(await page.locator(".response-row").count(), 2);
  await context.close();
});

test("Privacy & gegevens lists what is stored besides one's own records, and the wipe empties it", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  const r = rng(5);
  const custom = { ...QUESTIONNAIRE, id: "regio-oost", title: { nl: "Regio Oost", en: "Region East" } };
  const file = { ...exportFile(Array.from({ length: 4 }, () => response(r))), questionnaires: [custom] };
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  await page.locator("#import-files").setInputFiles([
    { name: "team.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) },
  ]);
  await page.locator(".import-progress", { hasText: "1 van 1" }).waitFor();
  await page.goto(env.server.url + "#/privacy");
  // Other people's answers in an imported file, and a loaded questionnaire, are stored here too.
  await page.locator("#count-imports", { hasText: /^1$/ }).waitFor();
  // Also when the page is opened here: the count waits for the database to open.
  await page.reload();
  await page.locator("#count-responses").waitFor();
  await page.waitForFunction(() => document.querySelector("#count-imports")?.textContent !== "");
  assert.equal(await page.locator("#count-imports").innerText(), "1");
  assert.equal(await page.locator("#count-questionnaires").innerText(), "1");
  assert.equal(await page.locator("#count-responses").innerText(), "0");
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole("button", { name: "Alle gegevens wissen" }).click();
  await page.getByRole("button", { name: "Ja, alles wissen" }).click();
  await page.locator("#count-imports", { hasText: /^0$/ }).waitFor();
  assert.equal(await page.locator("#count-questionnaires").innerText(), "0");
  assert.deepEqual(errors, []);
  await context.close();
});
