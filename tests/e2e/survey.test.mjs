// The worker's journey in a real browser, by keyboard alone: fill in, the browser is killed
// mid-enquête, reopen and find every answer, complete, edit, withdraw — in Dutch and in English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  serve,
  launch,
  open,
  appReady,
  spawnPersistent,
  storedResponses,
  answerPageByKeyboard,
  finishShortResponse,
  axeViolations,
} from "./harness.mjs";

let server;
before(async () => {
  server = await serve();
});
after(async () => {
  await server?.close();
});

function watch(page) {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** Tabs until an element whose text is `label` has focus, then presses Enter. */
async function activate(page, label) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => document.activeElement.textContent.trim());
    if (text === label) {
      await page.keyboard.press("Enter");
      return;
    }
  }
  throw new Error(`"${label}" is not reachable by Tab`);
}

const heading = (page, text) => page.locator("h1", { hasText: text }).waitFor();

const STRENGTHS = "De GI denkt mee over processtappen en het veiligheidsplan.";
const CONCERNS = "Niet elk team weet wie de vaste contactpersoon is.";

test("Dutch, keyboard only: fill in, browser killed, reopen, complete, edit, withdraw", async () => {
  const profile = await mkdtemp(join(tmpdir(), "samenscan-profile-"));
  let chrome = await spawnPersistent(profile);
  let page = chrome.context.pages()[0] || (await chrome.context.newPage());
  let errors = watch(page);
  await page.goto(server.url + "#/enquete");
  await heading(page, "Enquête");
  await activate(page, "Nieuwe enquête beginnen");

  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  // Every step its own document title (what a screen reader says first), "Fout:" with errors.
  const firstTitle = await page.locator("h1").innerText();
  await page.waitForFunction((t) => document.title === `Stap 1 van 5: ${t} – Enquête – Samenscan`, firstTitle);
  // An empty page cannot be left: errors beside the fields and summarised at the top.
  await answerPageByKeyboard(page, {});
  await page.keyboard.press("Enter");
  await page.locator("#error-summary").waitFor();
  await page.waitForFunction((t) => document.title === `Fout: Stap 1 van 5: ${t} – Enquête – Samenscan`, firstTitle);
  // Focus goes to the summary at the top, so the keyboard user hears what is wrong.
  await page.waitForFunction(() => document.activeElement?.id === "error-summary", null, { timeout: 5000 });
  assert.equal(await page.locator(".error-message").count(), 3);
  assert.deepEqual(await axeViolations(page), [], "axe with errors shown");

  await page.locator("h1").focus();
  // Before the frequency is known, the pages it may bring are counted: the count does not start
  // low and jump.
  assert.match(await page.locator(".caption").innerText(), /Stap 1 van 5$/, "before the frequency is known");
  await answerPageByKeyboard(page, { org: 0, team: 1, frequency: 2 });
  // Working together monthly keeps the judgement pages.
  assert.match(await page.locator(".caption").innerText(), /Stap 1 van 5$/);
  await page.keyboard.press("Enter");
  await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
  // After the count changed, page changes still put focus on the new page's heading.
  await page.waitForFunction(() => document.activeElement?.id === "page-title", null, { timeout: 5000 });
  assert.deepEqual(await axeViolations(page), [], "axe on the grade page");
  // The built-in question says what 1 and 10 mean; no hint below says it again.
  assert.match(await page.locator("legend", { hasText: "rapportcijfer" }).innerText(), /\(1 = heel slecht, 10 = uitstekend\)/);
  assert.equal(await page.getByText("1 = heel slecht, 10 = uitstekend", { exact: true }).count(), 0);
  // The error says what is missing, in the words of the question's kind.
  await answerPageByKeyboard(page, { phase: 1 });
  await page.keyboard.press("Enter");
  await page.locator("#error-summary").waitFor();
  assert.deepEqual(await page.locator(".error-message").allInnerTexts(), ["Fout:\nKies een rapportcijfer."]);
  await page.locator("h1").focus();
  await answerPageByKeyboard(page, { grade: 7 });
  await page.keyboard.press("Enter");
  await page.locator(".caption", { hasText: "Stap 3 van 5" }).waitFor();
  await answerPageByKeyboard(page, { kennen_1: 3, kennen_2: 4, kennen_3: 1, afspraken_1: 3, afspraken_2: 5 });
  await page.keyboard.press("Enter");
  await page.locator(".caption", { hasText: "Stap 4 van 5" }).waitFor();
  await answerPageByKeyboard(page, { veiligheid_1: 4, processtappen_1: 3 });
  await page.keyboard.press("Enter");
  await page.locator(".caption", { hasText: "Stap 5 van 5" }).waitFor();
  await answerPageByKeyboard(page, { strengths: STRENGTHS, concerns: CONCERNS });
  assert.deepEqual(errors, []);

  // The browser dies right after the last keystroke: no shutdown, nothing flushed.
  await chrome.kill();
  chrome = await spawnPersistent(profile);
  page = chrome.context.pages()[0] || (await chrome.context.newPage());
  errors = watch(page);
  await page.goto(server.url);
  await appReady(page);
  await page.locator(".response-row", { hasText: "Nog niet afgerond" }).waitFor();
  const [afterKill] = await storedResponses(page);
  const a = afterKill.response.answers;
  assert.equal(afterKill.response.status, "draft");
  assert.deepEqual(
    { org: a.org, team: a.team, frequency: a.frequency, grade: a.grade, phase: a.phase },
    { org: "lokaal_team", team: "apeldoorn", frequency: "maandelijks", grade: 8, phase: "opbouw" },
  );
  assert.deepEqual(
    [a.kennen_1, a.kennen_2, a.kennen_3, a.afspraken_1, a.afspraken_2, a.veiligheid_1, a.processtappen_1],
    [4, 5, 2, 4, null, 5, 4],
  );
  assert.equal(a.strengths, STRENGTHS);
  // At most the keystroke being typed may be lost.
  assert.ok(
    a.concerns === CONCERNS || a.concerns === CONCERNS.slice(0, -1),
    `concerns after the kill: ${JSON.stringify(a.concerns)}`,
  );
  const revisionAfterKill = afterKill.response.revision;
  // The list says how far the draft got (every stored answer is to a question still asked).
  const progress = `${Object.keys(a).length} van 24 vragen beantwoord`;
  assert.equal(await page.locator(".response-row .response-progress").innerText(), progress);

  // Resume by keyboard: the draft opens where it was left (the last page with answers), and
  // every answer is on the pages.
  await activate(page, "Verder invullen");
  await page.locator(".caption", { hasText: "Stap 5 van 5" }).waitFor();
  assert.equal(await page.locator("#q-strengths").inputValue(), STRENGTHS);
  for (let step = 4; step >= 1; step--) {
    await activate(page, "Vorige");
    await page.locator(".caption", { hasText: `Stap ${step} van 5` }).waitFor();
  }
  assert.equal(await page.locator("#q-org-0").isChecked(), true);
  assert.equal(await page.locator("#q-team-1").isChecked(), true);
  for (let step = 2; step <= 5; step++) {
    await activate(page, "Volgende");
    await page.locator(".caption", { hasText: `Stap ${step} van 5` }).waitFor();
    if (step === 2) assert.equal(await page.locator("#q-grade-7").isChecked(), true);
  }
  assert.equal(await page.locator("#q-strengths").inputValue(), STRENGTHS);
  assert.equal(await page.locator("#q-concerns").inputValue(), a.concerns);
  await activate(page, "Naar het overzicht");
  await heading(page, "Controleer uw antwoorden");
  await page.waitForFunction(() => document.title === "Controleer uw antwoorden – Enquête – Samenscan");
  const summary = await page.locator("main").innerText();
  for (const shown of ["Lokaal team / jeugdteam", "Apeldoorn", "Niet van toepassing", STRENGTHS]) {
    assert.ok(summary.includes(shown), `summary shows ${shown}`);
  }
  assert.deepEqual(await axeViolations(page), [], "axe on the summary");
  await activate(page, "Enquête afronden");
  await heading(page, "Dank u wel, de enquête is afgerond");
  // Focus is on the thank-you heading (drawn anew), not lost to the page.
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && /Dank u wel/.test(document.activeElement.textContent), null, { timeout: 5000 });
  // The text is said by its own status; the heading, read when focused, is not inside it.
  assert.equal(await page.locator(".panel-done p[role=status]").count(), 1);
  assert.equal(await page.locator("[role=status] h1").count(), 0);
  // The next step the thank-you names is at hand.
  assert.equal(
    await page.locator("main a", { hasText: "Exporteren voor de coördinator" }).getAttribute("href"),
    "#/exporteren",
  );
  let [stored] = await storedResponses(page);
  assert.equal(stored.response.status, "complete");
  assert.ok(stored.response.revision > revisionAfterKill);
  const completedRevision = stored.response.revision;

  // Edit later: the revision goes up and the response stays complete.
  await page.goto(server.url + "#/enquete");
  await heading(page, "Enquête");
  await activate(page, "Bekijken of wijzigen");
  await heading(page, "Controleer uw antwoorden");
  // Named by its section, without a stray space before a colon ("Wijzigen : Uw oordeel").
  await page.getByRole("button", { name: "Wijzigen (Uw oordeel)", exact: true }).click();
  await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
  await page.locator("h1").focus();
  await answerPageByKeyboard(page, { grade: 8 });
  // A page opened from the summary leads back to it.
  assert.equal(await page.locator("form button[type=submit]").innerText(), "Naar het overzicht");
  await page.keyboard.press("Enter");
  await heading(page, "Controleer uw antwoorden");
  [stored] = await storedResponses(page);
  assert.equal(stored.response.answers.grade, 9);
  assert.equal(stored.response.status, "complete");
  assert.ok(stored.response.revision > completedRevision);

  // A slip while editing: "Nooit" hides the grade and the statements. Nothing is lost: the
  // response becomes a draft holding every answer, and undoing the slip brings them back.
  const answersBefore = stored.response.answers;
  await page.goto(server.url + "#/enquete");
  await heading(page, "Enquête");
  await activate(page, "Bekijken of wijzigen");
  await heading(page, "Controleer uw antwoorden");
  await page.getByRole("button", { name: /Wijzigen\W+Over u/ }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator("#q-frequency-0").check();
  await page.locator(".notice-warning", { hasText: "weer een concept" }).waitFor();
  [stored] = await storedResponses(page);
  assert.equal(stored.response.status, "draft");
  assert.equal(stored.response.answers.grade, 9);
  assert.equal(stored.response.answers.frequency, "nooit");
  // Finishing now would erase the answers "Nooit" made irrelevant: the summary says how many
  // before, never silently.
  await activate(page, "Naar het overzicht");
  await heading(page, "Controleer uw antwoorden");
  const always = ["org", "team", "frequency", "strengths", "concerns", "improvements"];
  const dropped = Object.keys(answersBefore).filter((k) => !always.includes(k)).length;
  assert.ok(dropped > 1, `answers the slip hides (${dropped})`);
  await page.locator("#complete-drops-hidden", {
    // The question to change is named (it said "another answer").
    hasText: `${dropped} antwoorden horen bij vragen die door uw antwoord op “Hoe vaak hebt u de afgelopen drie maanden samengewerkt met de andere organisatie?” niet meer gelden. Bij afronden worden ze gewist.`,
  }).waitFor();
  await page.getByRole("button", { name: /Wijzigen\W+Over u/ }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator("#q-frequency-2").check();
  await page.locator(".caption", { hasText: "Stap 1 van 5" }).waitFor();
  // The pages the change brought back come before the summary again.
  for (let i = 0; i < 5 && (await page.locator("form button[type=submit]").innerText()) === "Volgende"; i++) {
    await activate(page, "Volgende");
    await page.locator(".caption", { hasText: `Stap ${i + 2} van 5` }).waitFor();
  }
  await activate(page, "Naar het overzicht");
  await heading(page, "Controleer uw antwoorden");
  assert.equal(await page.locator("#complete-drops-hidden").count(), 0);
  await activate(page, "Enquête afronden");
  await heading(page, "Dank u wel, de enquête is afgerond");
  [stored] = await storedResponses(page);
  assert.equal(stored.response.status, "complete");
  assert.deepEqual(stored.response.answers, answersBefore);

  // Withdraw, after one confirmation: a tombstone without answers.
  await page.goto(server.url);
  await page.locator(".response-row", { hasText: "Afgerond" }).waitFor();
  await activate(page, "Intrekken");
  await page.getByRole("alertdialog").waitFor();
  // Focus moves into the confirmation, onto its least destructive action (a second Enter must
  // not erase); cancelling brings it back to "Intrekken".
  const focused = () => page.evaluate(() => document.activeElement?.textContent.trim());
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === "Annuleren", null, { timeout: 5000 });
  assert.match(
    await page.getByRole("alertdialog").evaluate((d) => document.getElementById(d.getAttribute("aria-describedby"))?.textContent),
    /intrekken/i,
  );
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === "Intrekken", null, { timeout: 5000 });
  assert.equal(await page.getByRole("alertdialog").count(), 0);
  await page.keyboard.press("Enter");
  await page.getByRole("alertdialog").waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === "Annuleren", null, { timeout: 5000 });
  await page.keyboard.press("Shift+Tab");
  assert.equal(await focused(), "Ja, intrekken");
  await page.keyboard.press("Enter");
  await page.locator(".response-row", { hasText: "Ingetrokken" }).waitFor();
  // The pressed button's row is drawn anew: focus goes to the announced confirmation.
  await page.waitForFunction(() => document.activeElement?.id === "response-withdrawn", null, { timeout: 5000 });
  assert.match(await page.locator("#response-withdrawn").innerText(), /De enquête is ingetrokken/);
  [stored] = await storedResponses(page);
  assert.equal(stored.response.status, "withdrawn");
  assert.deepEqual(stored.response.answers, {});
  assert.deepEqual(errors, []);
  await chrome.close();
  await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test("English: the same form in English, and show_if hides what does not apply", async () => {
  const browser = await launch();
  const { context, page, errors } = await open(browser, server.url);
  await page.goto(server.url + "#/enquete");
  await heading(page, "Enquête");
  await page.getByRole("button", { name: "English" }).click();
  await heading(page, "Survey");
  await activate(page, "Start a new survey");
  await page.locator(".caption", { hasText: "Step 1 of" }).waitFor();
  await answerPageByKeyboard(page, {});
  await page.keyboard.press("Enter");
  await page.locator("#error-summary", { hasText: "There is a problem" }).waitFor();
  assert.match(await page.locator(".error-message").first().innerText(), /^Error:\nSelect an answer\.$/);
  // Switching language while the errors are shown rewords them, beside the fields and at the top.
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.locator("#error-summary", { hasText: "Er is een probleem" }).waitFor();
  const dutch = await page.locator(".error-message").allInnerTexts();
  assert.ok(dutch.length > 0 && dutch.every((t) => /^Fout:\nKies een antwoord\.$/.test(t)), dutch.join(" | "));
  const summaryNl = await page.locator("#error-summary li").allInnerTexts();
  assert.ok(summaryNl.every((t) => / – Kies een antwoord\.$/.test(t)), summaryNl.join(" | "));
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("#error-summary", { hasText: "There is a problem" }).waitFor();
  const summaryEn = await page.locator("#error-summary li").allInnerTexts();
  assert.ok(summaryEn.every((t) => / – Select an answer\.$/.test(t)), summaryEn.join(" | "));
  assert.notDeepEqual(summaryEn, summaryNl, "the questions are named in the language chosen");
  await page.locator("h1").focus();
  // "Never" worked together: the judgement pages do not apply and disappear.
  await answerPageByKeyboard(page, { org: 1, team: 21, frequency: 0 });
  await page.keyboard.press("Enter");
  await page.locator(".caption", { hasText: "Step 2 of 2" }).waitFor();
  await answerPageByKeyboard(page, { improvements: "Meet twice a year." });
  await page.keyboard.press("Enter");
  await heading(page, "Check your answers");
  await activate(page, "Complete the survey");
  await heading(page, "Thank you, the survey is complete");
  const [stored] = await storedResponses(page);
  assert.equal(stored.response.status, "complete");
  assert.deepEqual(stored.response.answers, {
    org: "gi",
    team: "zutphen",
    frequency: "nooit",
    improvements: "Meet twice a year.",
  });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
  await browser.close();
});

test("after going back and changing an answer that changes the pages, Volgende and Vorige still focus the new heading", async () => {
  const browser = await launch();
  try {
    const { page, errors } = await open(browser, server.url);
    const focusedHeading = () =>
      page.waitForFunction(() => document.activeElement?.id === "page-title", null, { timeout: 5000 });
    await page.goto(server.url + "#/enquete");
    await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
    await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
    await page.locator("#q-org-0").check();
    await page.locator("#q-team-3").check();
    await page.locator("#q-frequency-2").check();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
    await focusedHeading();
    await page.getByRole("button", { name: "Vorige" }).click();
    await page.locator(".caption", { hasText: "Stap 1 van 5" }).waitFor();
    await focusedHeading();
    // "Nooit": the judgement pages go; the next page is now the open questions.
    await page.locator("#q-frequency-0").check();
    await page.locator(".caption", { hasText: "Stap 1 van 2" }).waitFor();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
    await focusedHeading();
    // Likely personal data in an open answer is pointed out while typing, tied to the field.
    await page.locator("#q-strengths").fill("Bel mij gerust op 06-12345678");
    await page.locator("#privacy-strengths .findings li").first().waitFor();
    assert.match(await page.locator("#q-strengths").getAttribute("aria-describedby"), /\bprivacy-strengths\b/);
    await page.locator("#q-strengths").fill("");
    await page.locator("#privacy-strengths .findings").waitFor({ state: "detached" });
    // A screen reader hears it once typing pauses, not at every letter ("“Jan” lijkt een naam",
    // "“Jans”…").
    await page.evaluate(() => {
      window.hintsSaid = [];
      const region = document.getElementById("privacy-strengths-announce");
      new MutationObserver(() => window.hintsSaid.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#q-strengths").pressSequentially("Overleg met mevrouw Jansen", { delay: 30 });
    await page.waitForFunction(() => document.getElementById("privacy-strengths-announce").textContent.includes("Jansen"), null, { timeout: 5000 });
    const said = await page.evaluate(() => window.hintsSaid.filter((t) => t !== ""));
    assert.equal(said.length, 1, said.join(" | "));
    assert.match(said[0], /“mevrouw Jansen”|“Jansen”/);
    // Emptied: said that none are left.
    await page.locator("#q-strengths").fill("");
    await page.locator("#privacy-strengths-announce", { hasText: "Geen mogelijke persoonsgegevens meer in dit veld." }).waitFor();
    // Another language: what was said in Dutch leaves the status region (a screen reader
    // reached a Dutch sentence on the English page).
    await page.getByRole("button", { name: "English" }).click();
    await page.locator("html[lang=en]").waitFor();
    assert.equal(await page.locator("#privacy-strengths-announce").textContent(), "");
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.locator("html[lang=nl]").waitFor();
    // Half-typed words are never shown: the list waits for a pause in typing ("Jeugdrecla"
    // looked like a name on the way to "Collega Jeugdreclassering").
    await page.evaluate(() => {
      window.hintsShown = [];
      const box = document.getElementById("privacy-strengths");
      new MutationObserver(() => window.hintsShown.push(box.textContent)).observe(box, { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#q-strengths").pressSequentially("Collega Jeugdreclassering sloot aan.", { delay: 30 });
    await page.waitForTimeout(1000);
    const shown = await page.evaluate(() => window.hintsShown);
    assert.ok(shown.every((t) => t === ""), shown.join(" | "));
    await page.locator("#q-strengths").fill("");
    await page.getByRole("button", { name: "Vorige" }).click();
    await page.locator(".caption", { hasText: "Stap 1 van 2" }).waitFor();
    await focusedHeading();
    assert.deepEqual(errors, []);
  } finally {
    // A failing step must not leave the browser running (the test file would never end).
    await browser.close();
  }
});

test("a double click on Volgende goes one page on: its second click neither goes back nor skips a page", async () => {
  const browser = await launch();
  try {
    const { page, errors } = await open(browser, server.url);
    await page.goto(server.url + "#/enquete");
    // Nor does a double click on the start button answer what step 1 has in its place.
    await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).dblclick();
    await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator("input:checked").count(), 0, "nothing answered on step 1");
    await page.locator("#q-org-0").check();
    await page.locator("#q-team-3").check();
    await page.locator("#q-frequency-2").check();
    // Step 2's "Vorige" takes the place of step 1's "Volgende".
    await page.getByRole("button", { name: "Volgende" }).dblclick();
    await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
    await page.waitForTimeout(300);
    assert.match(await page.locator(".caption").innerText(), /Stap 2 van 5$/);
    // Step 3's "Volgende" is where step 2's was: a double click does not submit step 3 unanswered.
    await page.getByRole("button", { name: "Vorige" }).click();
    await page.locator(".caption", { hasText: "Stap 1 van 5" }).waitFor();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
    for (const radio of await page.locator("fieldset").all()) await radio.locator("input[type=radio]").first().check();
    await page.getByRole("button", { name: "Volgende" }).dblclick();
    await page.locator(".caption", { hasText: "Stap 3 van 5" }).waitFor();
    await page.waitForTimeout(300);
    assert.match(await page.locator(".caption").innerText(), /Stap 3 van 5$/);
    assert.equal(await page.locator("#error-summary").count(), 0, "no errors for the unanswered page");
    assert.equal(await page.locator("input:checked").count(), 0, "nothing answered on step 3");
    // By keyboard every press counts.
    await page.getByRole("button", { name: "Vorige" }).focus();
    await page.keyboard.press("Enter");
    await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("Wijzigen on the summary leads back to it, through the pages the change brings in", async () => {
  const browser = await launch();
  try {
    const { page, errors } = await open(browser, server.url);
    // Finished as someone who never works with the other organisation: two pages.
    await finishShortResponse(page, server.url, { org: 0, team: 1 }, "");
    await page.goto(server.url + "#/enquete");
    await page.getByRole("link", { name: /Bekijken of wijzigen/ }).first().click();
    await page.locator("h1", { hasText: "Controleer uw antwoorden" }).waitFor();
    await page.getByRole("button", { name: /Wijzigen\W+Over u/ }).click();
    await page.locator(".caption", { hasText: "Stap 1 van 2" }).waitFor();
    // Weekly brings the judgement pages: they come next, then the summary.
    await page.locator("#q-frequency-3").check();
    await page.locator(".caption", { hasText: "Stap 1 van 5" }).waitFor();
    assert.equal(await page.locator("form button[type=submit]").innerText(), "Volgende");
    await page.locator("form button[type=submit]").click();
    await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
    // More new pages follow this one; the open questions after them were there before.
    assert.equal(await page.locator("form button[type=submit]").innerText(), "Volgende");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

/** A label in both languages (the same words). */
const label = (nl) => ({ nl, en: nl });

/**
 * Loads `questionnaire` into the app (an exchange file with only the definition, imported as a
 * facilitator hands it out) and starts a new enquête on it.
 */
async function startLoaded(page, questionnaire) {
  const file = { format: "samenscan/export", format_version: 1, exported_at: "2026-11-22T09:00:00Z", questionnaires: [questionnaire] };
  await page.goto(server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  await page.locator("#import-files").setInputFiles([
    { name: `${questionnaire.id}.samenscan.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) },
  ]);
  // In either interface language.
  await page.locator(".import-result", { hasText: /1 nieuwe vragenlijst in dit bestand|1 new questionnaire in this file/ }).waitFor();
  await page.goto(server.url + "#/enquete");
  await page.getByLabel(new RegExp(`^${questionnaire.title.nl} \\((versie|version) ${questionnaire.version}\\)$`)).check();
  await page.locator("button.button-start").click();
}

test("Wijzigen: a page the change gives a required question comes next, though it was there before", async () => {
  const browser = await launch();
  const { context, page } = await open(browser, server.url);
  const errors = watch(page);
  const custom = {
    id: "huisbezoek", version: 1, title: label("Huisbezoek"),
    sections: [
      { id: "s1", title: label("Over u"), items: [
        { id: "bezoek", kind: "choice", required: true, label: label("Gaat u samen op huisbezoek?"), options: [{ value: "ja", label: label("Ja") }, { value: "nee", label: label("Nee") }] },
      ] },
      { id: "s2", title: label("Samenwerking"), items: [
        { id: "algemeen", kind: "text", label: label("Hoe gaat het?") },
        { id: "hoe", kind: "choice", required: true, label: label("Hoe bereidt u het bezoek voor?"), options: [{ value: "samen", label: label("Samen") }, { value: "apart", label: label("Apart") }], show_if: { item: "bezoek", in: ["ja"] } },
      ] },
      { id: "s3", title: label("Tot slot"), items: [{ id: "slot", kind: "text", label: label("Nog iets?") }] },
    ],
  };
  await startLoaded(page, custom);
  await page.locator("#q-bezoek-1").check();
  const next = page.locator("form button[type=submit]");
  for (const step of [2, 3]) {
    await next.click();
    await page.locator(".caption", { hasText: `Stap ${step} van 3` }).waitFor();
  }
  await next.click();
  await page.locator("h1", { hasText: "Controleer uw antwoorden" }).waitFor();
  await page.getByRole("button", { name: /Wijzigen\W+Over u/ }).click();
  await page.locator("#q-bezoek-0").check();
  // Page 2 was there before, but now asks a required question: it comes next, not the summary.
  await page.locator("form button[type=submit]", { hasText: /^Volgende$/ }).waitFor();
  await next.click();
  await page.locator(".caption", { hasText: "Stap 2 van 3" }).waitFor();
  await page.locator("#q-hoe-0").check();
  // Answered: page 3 holds nothing new, so the summary is next.
  await page.locator("form button[type=submit]", { hasText: /^Naar het overzicht$/ }).waitFor();
  await next.click();
  await page.locator("h1", { hasText: "Controleer uw antwoorden" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
  await browser.close();
});

test("a definition in Dutch only, filled in with the English interface: its texts are marked Dutch", async () => {
  const browser = await launch();
  const { context, page } = await open(browser, server.url);
  const errors = watch(page);
  const nl = (text) => ({ nl: text });
  const custom = {
    id: "alleen-nl", version: 1, title: nl("Alleen Nederlands"),
    sections: [{ id: "s", title: nl("Over u"), items: [
      { id: "rol", kind: "choice", required: true, label: nl("Wat is uw rol?"), options: [{ value: "a", label: nl("Ambulant") }, { value: "b", label: { nl: "Beleid", en: "Policy" } }] },
      { id: "toelichting", kind: "text", label: { nl: "Toelichting", en: "Explanation" } },
    ] }],
  };
  await page.goto(server.url);
  await page.getByRole("button", { name: "English" }).click();
  await startLoaded(page, custom);
  await page.locator("h1", { hasText: "Over u" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.locator("h1").getAttribute("lang"), "nl");
  assert.equal(await page.locator("legend span", { hasText: "Wat is uw rol?" }).getAttribute("lang"), "nl");
  assert.equal(await page.locator("label", { hasText: "Ambulant" }).getAttribute("lang"), "nl");
  // A text the definition has in English is not marked.
  assert.equal(await page.locator("label", { hasText: "Policy" }).getAttribute("lang"), null);
  assert.equal(await page.locator("label span", { hasText: "Explanation" }).getAttribute("lang"), null);
  assert.deepEqual(errors, []);
  await context.close();
  await browser.close();
});

test("show_if on a grade: concerns are asked only after a low grade, live while answering", async () => {
  const browser = await launch();
  const { context, page } = await open(browser, server.url);
  const errors = watch(page);
  const custom = {
    id: "laag-cijfer", version: 1, title: label("Laag cijfer"),
    sections: [{ id: "s", title: label("Oordeel"), items: [
      { id: "cijfer", kind: "grade", required: true, label: label("Welk cijfer geeft u?") },
      { id: "zorgen", kind: "text", label: label("Wat moet er beter?"), show_if: { item: "cijfer", in: [1, 2, 3, 4, 5] } },
    ] }],
  };
  await startLoaded(page, custom);
  // A question that does not say what the ends mean gets the hint.
  await page.getByText("1 = heel slecht, 10 = uitstekend", { exact: true }).waitFor();
  const concerns = page.getByLabel("Wat moet er beter?");
  await page.locator("#q-cijfer-8").check();
  assert.equal(await concerns.count(), 0, "not asked after an 8");
  await page.locator("#q-cijfer-4").check();
  await concerns.waitFor();
  await concerns.fill("Sneller terugbellen.");
  await page.locator("#q-cijfer-9").check();
  await concerns.waitFor({ state: "detached" });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
  await browser.close();
});

test("a number field showing text that is no number holds its page, and stores nothing typed over", async () => {
  const browser = await launch();
  const { context, page } = await open(browser, server.url);
  const errors = watch(page);
  const custom = {
    id: "uren", version: 1, title: label("Uren"),
    sections: [
      { id: "a", title: label("Tijd"), items: [{ id: "uren", kind: "number", min: 0, max: 40, label: label("Hoeveel uur per week?") }] },
      { id: "b", title: label("Verder"), items: [{ id: "opmerking", kind: "text", label: label("Opmerking") }] },
    ],
  };
  await startLoaded(page, custom);
  const hours = page.getByLabel("Hoeveel uur per week?");
  // The range is said before anything is typed, and tied to the field.
  assert.equal(await page.locator("#hint-uren").innerText(), "Een getal van 0 tot en met 40.");
  assert.match(await hours.getAttribute("aria-describedby"), /hint-uren/);
  await hours.fill("8");
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  await hours.fill("8-10");
  await page.locator("#field-uren .error-message", { hasText: "Vul een getal in" }).waitFor();
  await page.getByRole("button", { name: "Volgende" }).click();
  // The page is held, and the summary names the question.
  await page.locator("#error-summary", { hasText: "Hoeveel uur per week?" }).waitFor();
  assert.equal(await page.getByLabel("Opmerking").count(), 0);
  const [stored] = await storedResponses(page);
  assert.equal("uren" in stored.response.answers, false, JSON.stringify(stored.response.answers));
  // "1.000" is a thousand to a Dutch reader and 1 to an English one: asked again, not read as 1.
  await hours.fill("7");
  for (let i = 0; i < 100 && (await storedResponses(page))[0].response.answers.uren !== 7; i++) {
    await page.waitForTimeout(50);
  }
  assert.equal((await storedResponses(page))[0].response.answers.uren, 7);
  await hours.fill("1.000");
  await page.locator("#field-uren .error-message", { hasText: "zonder punt voor duizendtallen" }).waitFor();
  for (let i = 0; i < 20 && (await storedResponses(page))[0].response.answers.uren !== undefined; i++) {
    await page.waitForTimeout(50);
  }
  assert.equal((await storedResponses(page))[0].response.answers.uren, undefined, "not stored as 1");
  // Corrected, it is stored and the page can be left.
  await hours.fill("9,5");
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
  // A second tab on the same draft shows it; a number changed there shows here (and the
  // field's text is what is stored: no stale 9,5 left to save).
  const other = await context.newPage();
  await other.goto(page.url());
  // It opens where the draft was left: the first page is done, so on the next one.
  await other.getByLabel("Opmerking").waitFor();
  await other.getByRole("button", { name: "Vorige" }).click();
  const otherHours = other.getByLabel("Hoeveel uur per week?");
  await otherHours.waitFor();
  assert.equal(await otherHours.inputValue(), "9,5");
  await otherHours.fill("12");
  await page.waitForFunction(() => document.querySelector("#q-uren").value === "12");
  await other.close();
  await page.getByRole("button", { name: "Volgende" }).click();
  await page.getByLabel("Opmerking").waitFor();
  const [again] = await storedResponses(page);
  assert.equal(again.response.answers.uren, 12);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
  await browser.close();
});

test("an open answer holds 5,000 characters, emoji too; a longer paste is kept in the field, counted and held, never cut silently", async () => {
  const browser = await launch();
  const { page, errors } = await open(browser, server.url);
  await page.goto(server.url + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.locator("#q-org-0").check();
  await page.locator("#q-team-0").check();
  await page.locator("#q-frequency-0").check();
  await page.getByRole("button", { name: "Volgende" }).click();
  const field = page.locator("#q-strengths");
  await field.fill("🙂".repeat(4000));
  await page.locator("#count-strengths", { hasText: "Nog 1.000 tekens" }).waitFor();
  await field.fill("🙂".repeat(4999));
  await page.locator("#count-strengths", { hasText: /^Nog 1 teken$/ }).waitFor();
  const storedStrengths = async (length) => {
    let stored;
    for (let i = 0; i < 100; i++) {
      [stored] = await storedResponses(page);
      if ([...(stored?.response.answers.strengths ?? "")].length === length) break;
      await page.waitForTimeout(50);
    }
    return stored.response.answers.strengths;
  };
  // A paste past the limit stays whole in the field (it used to be cut at 5,000 without a
  // word); the count says how much is too much, and the page is held until it is shortened.
  const pasted = "Wat goed gaat. ".repeat(466); // 6,990 characters
  await field.fill(pasted);
  await page.locator("#count-strengths.count-over", { hasText: /^U heeft 1\.990 tekens te veel$/ }).waitFor();
  assert.equal(await field.inputValue(), pasted);
  // Meanwhile the first 5,000 characters are stored, so a closed tab loses only the excess, and
  // the saved indicator says so.
  assert.equal(await storedStrengths(5000), pasted.slice(0, 5000));
  await page.locator(".save-status", { hasText: "✓ Opgeslagen, behalve de tekens boven de 5.000" }).waitFor();
  await page.getByRole("button", { name: "Naar het overzicht" }).click();
  await page.locator("#error-summary li", { hasText: "De tekst is 6.990 tekens lang; het maximum is 5.000. Maak hem korter." }).waitFor();
  assert.equal(await field.inputValue(), pasted, "the text stays as it was while held");
  // Going back is held too: the rest of the text lives only in the field.
  await page.getByRole("button", { name: "Vorige" }).click();
  await page.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "error-summary", null, { timeout: 5000 });
  assert.equal(await field.inputValue(), pasted);
  // Shortened: the page may be left, and what is stored is the text as shortened.
  await field.fill("🙂".repeat(4999) + "z");
  await page.locator("#count-strengths", { hasText: "Nog 0 tekens" }).waitFor();
  assert.equal([...(await storedStrengths(5000))].at(-1), "z");
  await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen$/ }).waitFor();
  await page.getByRole("button", { name: "Naar het overzicht" }).click();
  await page.locator("h1", { hasText: "Controleer uw antwoorden" }).waitFor();
  assert.deepEqual(errors, []);
  await browser.close();
});

test("a draft resumes at an earlier page with a required question open, not past it", async () => {
  // Found by an acceptance test: "Nooit", an open answer, then "wekelijks" brought the
  // judgement pages in behind; "Verder invullen" opened the last page with an answer, past the
  // required grade, which the worker only found out about when finishing failed.
  const browser = await launch();
  try {
    const { page, errors } = await open(browser, server.url);
    await page.goto(server.url + "#/enquete");
    await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
    await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
    await page.locator("#q-org-0").check();
    await page.locator("#q-team-3").check();
    await page.locator("#q-frequency-0").check();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.locator(".caption", { hasText: "Stap 2 van 2" }).waitFor();
    await page.locator("#q-strengths").fill("Korte lijnen");
    await page.getByRole("button", { name: "Vorige" }).click();
    await page.locator(".caption", { hasText: "Stap 1 van 2" }).waitFor();
    await page.locator("#q-frequency-3").check();
    await page.locator(".caption", { hasText: "Stap 1 van 5" }).waitFor();
    // Saved as typed: wait until the store holds both.
    for (let i = 0; ; i++) {
      const [stored] = await storedResponses(page);
      const a = stored?.response.answers ?? {};
      if (a.frequency === "wekelijks" && a.strengths === "Korte lijnen") break;
      assert.ok(i < 100, `stored: ${JSON.stringify(a)}`);
      await page.waitForTimeout(50);
    }
    await page.goto(server.url + "#/enquete");
    await activate(page, "Verder invullen");
    await page.locator(".caption", { hasText: "Stap 2 van 5" }).waitFor();
    assert.ok(await page.locator("input[name=q-grade]").first().isVisible());

    // Design §7: the saved indicator stays in view while filling in, below the bar, also on a
    // phone scrolled to the end of a page.
    await page.setViewportSize({ width: 375, height: 667 });
    await page.locator("#q-grade-7").check();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator("input[name=q-phase]").last().check();
    await page.locator(".save-status [aria-hidden=true]", { hasText: /^✓ Opgeslagen/ }).waitFor();
    const placed = await page.evaluate(() => {
      const bar = document.querySelector(".site-header").getBoundingClientRect();
      const status = document.querySelector(".save-status").getBoundingClientRect();
      return { scrolled: window.scrollY, barBottom: bar.bottom, top: status.top, bottom: status.bottom, height: window.innerHeight };
    });
    assert.ok(placed.scrolled > 0, "the page was scrolled");
    assert.ok(placed.top >= placed.barBottom - 1 && placed.bottom <= placed.height, JSON.stringify(placed));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
