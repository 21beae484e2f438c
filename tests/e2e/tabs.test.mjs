// Several tabs of the app open on one device (one browser profile): a change stored in one tab
// is shown in the others, so no tab writes its stale copy over it; a wipe in one tab empties the
// others too, so none writes back what it held in memory. Found by an acceptance test: before,
// each tab kept its own copy and the last one to type won, and typing after a wipe elsewhere
// brought the whole erased response back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, servedApp, storedRecords, storedResponses } from "./harness.mjs";
import { rng, response, exportFile } from "./generate.mjs";

const env = servedApp();

/** Waits until the stored responses satisfy `check`; returns them. */
async function storedWhen(page, check) {
  for (let i = 0; i < 100; i++) {
    const stored = await storedResponses(page);
    if (check(stored)) return stored;
    await page.waitForTimeout(50);
  }
  assert.fail(`stored responses never matched: ${JSON.stringify(await storedResponses(page))}`);
}

/** Opens a tab with a new draft whose first page is answered (GI, Brummen, never together). */
async function draftInNewTab() {
  const { context, page } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator("#q-org-1").check();
  await page.locator("#q-team-4").check();
  await page.locator("#q-frequency-0").check();
  await storedWhen(page, (s) => s[0]?.response.answers.frequency === "nooit");
  return { context, page };
}

test("two tabs on one draft: each shows the other's answers, and neither writes over them", async () => {
  const { context, page: a } = await open(env.browser, env.server.url);
  await a.goto(env.server.url + "#/enquete");
  await a.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await a.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await a.locator("#q-org-1").check();
  await storedWhen(a, (s) => s[0]?.response.answers.org === "gi");

  const b = await context.newPage();
  await b.goto(a.url());
  await b.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  assert.equal(await b.locator("#q-org-1").isChecked(), true);

  // B answers the team; A shows it without a reload.
  await b.locator("#q-team-4").check();
  await a.locator("#q-team-4:checked").waitFor();
  // A answers the frequency: its write holds B's team as well.
  await a.locator("#q-frequency-0").check();
  let [own] = await storedWhen(a, (s) => s[0]?.response.answers.frequency !== undefined);
  assert.deepEqual(own.response.answers, { org: "gi", team: "brummen", frequency: "nooit" });
  await b.locator("#q-frequency-0:checked").waitFor();

  // Free text: both on the open-questions page; what A types appears in B's field, and B's
  // addition to it keeps A's words.
  for (const tab of [a, b]) {
    await tab.getByRole("button", { name: "Volgende" }).click();
    await tab.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
  }
  await a.locator("#q-strengths").fill("Korte lijnen");
  await b.waitForFunction(() => document.querySelector("#q-strengths").value === "Korte lijnen");
  assert.match(await b.locator("#count-strengths").innerText(), /^Nog 4\.988 tekens$/);
  await b.locator("#q-strengths").press("End");
  await b.locator("#q-strengths").pressSequentially(" met de GI");
  [own] = await storedWhen(b, (s) => s[0]?.response.answers.strengths === "Korte lijnen met de GI");
  await a.waitForFunction(() => document.querySelector("#q-strengths").value === "Korte lijnen met de GI");
  // A's next keystroke is made to that text, not to its own older one.
  await a.locator("#q-strengths").press("End");
  await a.locator("#q-strengths").press("Backspace");
  [own] = await storedWhen(a, (s) => s[0]?.response.answers.strengths === "Korte lijnen met de G");
  assert.deepEqual(Object.keys(own.response.answers).sort(), ["frequency", "org", "strengths", "team"]);

  // Completed in A: B's list of responses says so without a reload.
  await a.getByRole("button", { name: "Naar het overzicht" }).click();
  await a.getByRole("button", { name: "Enquête afronden" }).click();
  await a.locator("h1", { hasText: "Dank u wel" }).waitFor();
  await b.goto(env.server.url + "#/"); // the same document: B's own copy, not a new start
  await b.locator(".response-row .tag-complete").waitFor();
  assert.equal(await b.locator(".response-row .tag-draft").count(), 0);
  await context.close();
});

test("a page another tab's answer takes away gives way to the summary, not an empty page with a dead Volgende", async () => {
  const { context, page: a } = await open(env.browser, env.server.url);
  await a.goto(env.server.url + "#/enquete");
  await a.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await a.locator("#q-org-1").check();
  await a.locator("#q-team-4").check();
  await a.locator("#q-frequency-3").check();
  await a.getByRole("button", { name: "Volgende" }).click();
  await a.locator(".caption", { hasText: "Stap 2 van" }).waitFor();
  await a.locator("#q-grade-6").check();
  await a.locator("#q-phase-2").check();
  await a.getByRole("button", { name: "Volgende" }).click();
  await a.locator(".caption", { hasText: "Stap 3 van" }).waitFor();
  await storedWhen(a, (s) => s[0]?.response.answers.phase !== undefined);
  // B, on the first page, answers "nooit": the judgement pages no longer apply.
  const b = await context.newPage();
  await b.goto(a.url());
  await b.locator(".caption", { hasText: "Stap 3 van" }).waitFor();
  await b.getByRole("button", { name: "Vorige" }).click();
  await b.locator(".caption", { hasText: "Stap 2 van" }).waitFor();
  await b.getByRole("button", { name: "Vorige" }).click();
  await b.locator("#q-frequency-0").check();
  await storedWhen(b, (s) => s[0]?.response.answers.frequency === "nooit");
  // A showed "Stap 3 van 2" with a heading and no questions, its Volgende doing nothing.
  await a.locator("h1", { hasText: "Controleer uw antwoorden" }).waitFor();
  assert.equal(await a.locator(".caption", { hasText: "Stap 3 van 2" }).count(), 0);
  await context.close();
});

test("typing at the same moment in two tabs on one draft loses no keystroke of either", async () => {
  const { context, page: a } = await draftInNewTab();
  const b = await context.newPage();
  await a.getByRole("button", { name: "Volgende" }).click();
  await a.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
  // B opens the draft where it was left: its first page is done, so on the next.
  await b.goto(a.url());
  await b.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
  // Each tab types into its own field, keystrokes interleaved: each write carries the whole
  // response, so before, a write made from a copy without the other tab's last keystroke
  // stored over it.
  const strengths = "Korte lijnen en vertrouwen in elkaar";
  const concerns = "Wachtlijsten bij de GI en wisselende contactpersonen";
  await Promise.all([
    a.locator("#q-strengths").pressSequentially(strengths),
    b.locator("#q-concerns").pressSequentially(concerns),
  ]);
  const [own] = await storedWhen(a, (s) =>
    s[0]?.response.answers.strengths === strengths && s[0]?.response.answers.concerns === concerns);
  assert.equal(own.response.answers.org, "gi");
  for (const tab of [a, b]) {
    await tab.waitForFunction(([s, c]) =>
      document.querySelector("#q-strengths").value === s && document.querySelector("#q-concerns").value === c,
    [strengths, concerns]);
  }
  await context.close();
});

test("two tabs on one meeting: a field typed in one is shown in the other", async () => {
  const { context, page: a } = await open(env.browser, env.server.url);
  await a.goto(env.server.url + "#/bijeenkomsten");
  await a.locator("#start-meeting").click();
  await a.waitForURL(/#\/bijeenkomsten\/[0-9a-f-]{36}$/);
  await a.locator("#meeting-strengths").waitFor();
  const b = await context.newPage();
  await b.goto(a.url());
  await b.locator("#meeting-strengths").waitFor();

  await a.locator("#meeting-strengths").fill("Snelle overdracht");
  await b.waitForFunction(() => document.querySelector("#meeting-strengths")?.value === "Snelle overdracht");
  // B types on in the concerns: the stored meeting keeps A's strengths.
  await b.locator("#meeting-concerns").fill("Wachtlijst");
  for (let i = 0; i < 100; i++) {
    const [own] = await storedRecords(b, "meetings");
    if (own?.meeting.concerns?.[0] === "Wachtlijst") {
      assert.deepEqual(own.meeting.strengths, ["Snelle overdracht"]);
      break;
    }
    assert.ok(i < 99, "the concerns were never stored");
    await b.waitForTimeout(50);
  }
  await a.waitForFunction(() => document.querySelector("#meeting-concerns")?.value === "Wachtlijst");
  await context.close();
});

test("erasing everything in one tab starts the other tabs afresh, and nothing comes back", async () => {
  const { context, page: a } = await open(env.browser, env.server.url);
  await a.goto(env.server.url + "#/enquete");
  await a.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await a.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await a.locator("#q-org-1").check();
  await storedWhen(a, (s) => s.length === 1 && s[0].response.answers.org === "gi");

  const c = await context.newPage();
  await c.goto(env.server.url + "#/privacy");
  // The confirmation takes focus, on its least destructive action (a second Enter must not
  // erase); Escape closes it and gives focus back, and the keyboard alone erases.
  const focused = (text) =>
    c.waitForFunction((text) => document.activeElement?.textContent.trim() === text, text, { timeout: 5000 });
  await c.getByRole("button", { name: "Alle gegevens wissen" }).click();
  await c.getByRole("alertdialog").waitFor();
  await focused("Annuleren");
  await c.keyboard.press("Escape");
  await focused("Alle gegevens wissen");
  assert.equal(await c.getByRole("alertdialog").count(), 0);
  assert.equal(await storedResponses(c).then((s) => s.length), 1, "Escape erases nothing");
  await c.keyboard.press("Enter");
  await focused("Annuleren");
  await c.keyboard.press("Shift+Tab");
  await focused("Ja, alles wissen");
  // A types on in the moment after the wipe, while it is starting afresh: a keystroke then
  // used to write the whole response back.
  await a.locator("#q-team-4").focus();
  await c.keyboard.press("Enter");
  await c.getByText("Alle gegevens zijn gewist.").waitFor();
  for (let i = 0; i < 10; i++) await a.keyboard.press(i % 2 ? "ArrowDown" : "ArrowUp").catch(() => {});

  // A starts again on the home screen and says why; its response is gone from screen too.
  const notice = a.locator("#wiped-elsewhere");
  await notice.waitFor();
  assert.match(await notice.innerText(), /gewist, in een ander tabblad/);
  assert.equal(new URL(a.url()).hash, "#/");
  assert.equal(await a.locator("#q-org-1").count(), 0);
  assert.equal(await a.locator(".response-row").count(), 0);
  // Nothing of the erased response is written back, now or a moment later.
  await a.waitForTimeout(300);
  assert.deepEqual(await storedResponses(c), []);
  // Told once: the next start is a plain one.
  await a.reload();
  await a.locator("h1").first().waitFor();
  assert.equal(await a.locator("#wiped-elsewhere").count(), 0);
  await context.close();
});

test("erasing everything while another tab imports leaves nothing of the import stored", async () => {
  const { context, page: a } = await open(env.browser, env.server.url);
  const r = rng(47);
  const files = Array.from({ length: 600 }, (_, i) => ({
    name: `los-${i}.samenscan.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(exportFile([response(r)]))),
  }));
  await a.goto(env.server.url + "#/importeren");
  await a.locator("#import-dataset-counts").waitFor();
  const c = await context.newPage();
  await c.goto(env.server.url + "#/privacy");
  await c.getByRole("button", { name: "Alle gegevens wissen" }).click();
  await c.getByRole("alertdialog").waitFor();
  await a.locator("#import-files").setInputFiles(files);
  // Erased while A's import is under way: A's next batches used to be stored after the wipe.
  await a.locator(".import-progress", { hasText: /(^|\s)[1-9]\d* van 600 bestanden/ }).waitFor();
  await c.getByRole("button", { name: "Ja, alles wissen" }).click();
  await c.getByText("Alle gegevens zijn gewist.").waitFor();
  await a.locator("#wiped-elsewhere").waitFor();
  await a.waitForTimeout(500);
  assert.deepEqual(await storedRecords(c, "imports"), []);
  await c.goto(env.server.url + "#/importeren");
  await c.locator("#import-dataset-counts", { hasText: "0 afgeronde enquêtes en 0 bijeenkomsten, uit 0 geïmporteerde bestanden." }).waitFor();
  await context.close();
});

test("files imported in one tab are merged into the other tab's dataset", async () => {
  const { context, page: a } = await open(env.browser, env.server.url);
  await a.goto(env.server.url + "#/importeren");
  await a.locator("#import-dataset-counts", { hasText: "0 afgeronde enquêtes" }).waitFor();
  const b = await context.newPage();
  await b.goto(env.server.url + "#/importeren");
  await b.locator("#import-files").setInputFiles([
    new URL("../fixtures/exchange/valid-v1.samenscan.json", import.meta.url).pathname,
  ]);
  const counts = b.locator("#import-dataset-counts", { hasText: "uit 1 geïmporteerd bestand" });
  await counts.waitFor();
  const merged = await counts.innerText();
  assert.doesNotMatch(merged, /^0 /);
  await a.locator("#import-dataset-counts", { hasText: merged }).waitFor();
  // A's log lists the file too.
  await a.locator("#main", { hasText: "valid-v1.samenscan.json" }).first().waitFor();
  await context.close();
});

test("a report being read is not redrawn when another tab imports: it says so and updates when asked", async () => {
  const r = rng(13);
  const file = (name, n) => ({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(exportFile(Array.from({ length: n }, (_, i) =>
      response(r, { team: i % 2 ? "apeldoorn" : "epe", org: i % 3 ? "gi" : "lokaal_team" }))))),
  });
  const { context, page: a } = await open(env.browser, env.server.url, { viewport: { width: 1000, height: 600 } });
  await a.goto(env.server.url + "#/importeren");
  await a.locator("#import-files").setInputFiles([file("one.samenscan.json", 12)]);
  await a.locator("#import-dataset-counts", { hasText: "uit 1 geïmporteerd bestand" }).waitFor();
  await a.goto(env.server.url + "#/rapport");
  await a.locator("#report-n", { hasText: "12" }).waitFor();
  // The reader has chosen another split to compare and scrolled down the page.
  const options = await a.locator("#compare-split option").evaluateAll((os) => os.map((o) => o.value));
  await a.locator("#compare-split").selectOption(options[1]);
  await a.evaluate(() => window.scrollTo(0, 900));
  const place = () => a.evaluate(() => Math.round(document.querySelector("#report-compare").getBoundingClientRect().top));
  const before = await place();

  const b = await context.newPage();
  await b.goto(env.server.url + "#/importeren");
  await b.locator("#import-files").setInputFiles([file("two.samenscan.json", 8)]);
  await b.locator("#import-dataset-counts", { hasText: "uit 2 geïmporteerde bestanden" }).waitFor();

  await a.locator("#report-outdated").waitFor();
  assert.equal(await a.locator("#report-n").innerText(), "12", "the figures stay those being read");
  assert.equal(await a.locator("#compare-split").inputValue(), options[1], "the chosen split stays");
  assert.equal(await place(), before, "what is being read stays where it was on the screen");
  // The notice shows where the reader is, not at the top of the page out of sight.
  assert.ok(await a.locator("#report-outdated").evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= innerHeight + 1 && el.contains(hit);
  }), "the notice is in sight");
  await a.locator("#report-update").click();
  await a.locator("#report-n", { hasText: "20" }).waitFor();
  assert.equal(await a.locator("#report-outdated").count(), 0);
  assert.equal(await a.evaluate(() => document.activeElement.id), "page-title", "focus goes to the updated report's heading");

  // News that arrives while the report is open and is left unread reaches the other screens.
  await b.locator("#import-files").setInputFiles([file("three.samenscan.json", 5)]);
  await b.locator("#import-dataset-counts", { hasText: "uit 3 geïmporteerde bestanden" }).waitFor();
  await a.locator("#report-outdated").waitFor();
  await a.goto(env.server.url + "#/importeren");
  await a.locator("#import-dataset-counts", { hasText: "uit 3 geïmporteerde bestanden" }).waitFor();
  await context.close();
});

test("withdrawn in one tab while open in another: the form goes, and nothing typed there is kept", async () => {
  const { context, page: a } = await draftInNewTab();
  await a.getByRole("button", { name: "Volgende" }).click();
  await a.locator("#q-strengths").waitFor();

  const b = await context.newPage();
  await b.goto(env.server.url + "#/");
  await b.getByRole("button", { name: "Intrekken" }).click();
  await b.getByRole("button", { name: "Ja, intrekken" }).click();
  await b.locator(".response-row .tag-withdrawn").waitFor();
  // A says so instead of the form; had it kept the form, what it typed would be stored.
  await a.getByText("Deze enquête staat niet (meer) op dit apparaat").waitFor();
  assert.equal(await a.locator("#q-strengths").count(), 0);
  const [own] = await storedWhen(b, (s) => s[0]?.response.status === "withdrawn");
  assert.deepEqual(own.response.answers, {});
  await context.close();
});

test("the withdraw question stays open, with focus, when another tab saves that record meanwhile", async () => {
  const { context, page: a } = await draftInNewTab();
  const list = await context.newPage();
  await list.goto(env.server.url + "#/enquete");
  await list.locator(".response-row").waitFor();
  await list.getByRole("button", { name: "Intrekken" }).click();
  const yes = list.getByRole("button", { name: "Ja, intrekken" });
  await yes.waitFor();
  await list.waitForFunction(() => document.activeElement?.id?.startsWith("withdraw-cancel-"));

  // The other tab answers one more question: a new revision redraws the row in the list.
  await a.bringToFront();
  await a.getByRole("button", { name: "Volgende" }).click();
  await a.locator("#q-strengths").fill("Korte lijnen");
  await storedWhen(a, (s) => s[0]?.response.answers.strengths === "Korte lijnen");
  await list.locator(".response-progress", { hasText: /^4 van/ }).waitFor();

  // The question is still there, focused, and answering it withdraws the record.
  assert.equal(await yes.isVisible(), true);
  await list.waitForFunction(() => document.activeElement?.id?.startsWith("withdraw-cancel-"));
  await list.keyboard.press("Shift+Tab");
  await list.keyboard.press("Enter");
  await list.locator(".response-row .tag-withdrawn").waitFor();
  await storedWhen(list, (s) => s[0]?.response.status === "withdrawn");
  await context.close();
});

test("storage closed by the browser (this site's data cleared in its settings): the screen says so and reloads on request", async () => {
  const { context, page } = await draftInNewTab();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    // What "Clear site data" does: the browser deletes the database and closes the open connection.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Storage.clearDataForOrigin", { origin: new URL(env.server.url).origin, storageTypes: "indexeddb" });
    const notice = page.locator(".notice-error[role=alert]");
    await notice.waitFor();
    assert.match(
      await notice.innerText(),
      /^De browser heeft de opslag van Samenscan gesloten, bijvoorbeeld omdat de gegevens van deze site zijn gewist\. Wat op dit apparaat was opgeslagen, is dan ook weg, en wat u daarna invulde of importeerde, is niet bewaard\. Herlaad de pagina om verder te gaan/,
    );
    // Not taken for a private window, which would send the person to another browser window.
    assert.doesNotMatch(await notice.innerText(), /privévenster/);
    // The screen keeps its heading, and focus, lost with the form, is on the notice.
    assert.equal(await page.locator("h1").innerText(), "Enquête");
    await page.waitForFunction(() => document.activeElement?.id === "storage-notice");
    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Pagina herladen" }).click()]);
    // Afresh: the cleared draft is gone, and a new one can be started and is stored.
    await page.goto(env.server.url + "#/enquete");
    await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
    await page.locator("#q-org-1").check();
    await storedWhen(page, (s) => s.length === 1 && s[0].response.answers.org !== undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
