// Export from a worker's app: what goes (enquêtes, meetings, questionnaires, each on its own),
// what leaves the machine, personal-data findings to fix or keep, and the saved file in the
// exchange format of design §3.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { open, finishShortResponse, axeViolations, servedApp, storedRecords, storedResponses } from "./harness.mjs";

const env = servedApp();

/**
 * Presses save while something holds the export back: nothing is saved, and the error summary
 * (focused, GOV.UK style) names `problem`. The button is never disabled for this, so keyboard and
 * screen-reader users can reach it and hear why.
 */
async function saveIsRefused(page, save, problem) {
  let downloaded = false;
  const onDownload = () => {
    downloaded = true;
  };
  page.on("download", onDownload);
  assert.equal(await save.isDisabled(), false, "reachable, not disabled");
  await save.click();
  await page.locator("#error-summary", { hasText: problem }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "error-summary");
  // GOV.UK: the document title says so too, first.
  assert.match(await page.title(), /^(Fout|Error): /);
  await page.waitForTimeout(300);
  page.off("download", onDownload);
  assert.equal(downloaded, false, "nothing was saved");
  assert.doesNotMatch(await page.locator("#export-status").innerText(), /opgeslagen/);
}

test("with only a draft, the export says there is nothing yet and what waits to be finished", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();
  await page.goto(env.server.url + "#/exporteren");
  await page.locator("#export-drafts-waiting", {
    hasText: "Nog niet afgerond: 1 enquête. Wat u afrondt, kan mee.",
  }).waitFor();
  assert.equal(await page.locator("#export-save").count(), 0);
  // The export serves surveys and meetings: no menu item claims it.
  assert.equal(await page.locator("nav.menu [aria-current=page]").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("findings block the export until fixed or kept; the file holds the finished response", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { acceptDownloads: true });
  await finishShortResponse(
    page,
    env.server.url,
    { org: 2, team: 5 },
    // The same number twice: one finding, one decision (before, two boxes shared one id).
    "Goed contact met mevrouw Jansen, bel haar op 06-12345678 of 06-12345678.",
  );

  // A draft next to it never leaves.
  await page.goto(env.server.url + "#/enquete");
  await page.getByRole("button", { name: "Nieuwe enquête beginnen" }).click();
  await page.locator(".caption", { hasText: "Stap 1 van" }).waitFor();

  await page.goto(env.server.url + "#/exporteren");
  await page.locator("h1", { hasText: "Exporteren" }).waitFor();
  assert.equal(await page.locator("#export-count-complete").innerText(), "1");
  await page.locator("#export-drafts-staying", {
    hasText: "Niet in dit bestand, want nog niet afgerond: 1 enquête.",
  }).waitFor();
  const messages = await page.locator(".finding-message").allInnerTexts();
  assert.equal(messages.length, 2, messages.join(" | "));
  assert.ok(messages.some((m) => /naam/.test(m)) && messages.some((m) => /telefoonnummer/.test(m)));
  const ids = await page.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "every id once");
  // Each box is described by its own finding: the same words beside every box told a screen
  // reader nothing.
  const described = await page.locator(".findings input[type=checkbox]").evaluateAll((boxes) =>
    boxes.map((b) => document.getElementById(b.getAttribute("aria-describedby"))?.textContent),
  );
  assert.deepEqual(described, messages);
  const save = page.getByRole("button", { name: "Bestand opslaan" });
  await saveIsRefused(page, save, "Nog 2 meldingen over persoonsgegevens");
  assert.deepEqual(await axeViolations(page), []);
  // The summary's link leads to the text to change.
  await page.locator("#error-summary a").click();
  await page.waitForFunction(() => document.activeElement?.matches(".finding-field textarea"));

  // Fix one by editing the text; keep the other knowingly. The summary follows.
  await page.locator(".finding-field textarea").fill("Goed contact met mevrouw Jansen.");
  await page.waitForFunction(() => document.querySelectorAll(".finding-message").length === 1);
  await page.locator("#error-summary", { hasText: "Nog 1 melding over persoonsgegevens" }).waitFor();
  assert.equal(await page.locator("#export-findings-done").isVisible(), false);
  await page.getByLabel("Dit is geen persoonsgegeven; het mag mee").check();
  await page.locator("#error-summary").waitFor({ state: "detached" });
  await page.waitForFunction(() => !document.title.startsWith("Fout:"));
  // Said in words too, not only by the button coming on.
  await page.locator("#export-findings-done", { hasText: "Alles is nagelopen" }).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), save.click()]);
  // The minute and a short random tag: workers exporting in the same minute get other names.
  assert.match(download.suggestedFilename(), /^samenscan-\d{4}-\d{2}-\d{2}-\d{4}-[a-z2-9]{4}\.samenscan\.json$/);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(file.format, "samenscan/export");
  assert.equal(file.format_version, 1);
  assert.equal(file.responses.length, 1, "only the finished response, not the draft");
  const [response] = file.responses;
  assert.equal(response.status, "complete");
  assert.deepEqual(response.answers, {
    org: "veilig_thuis",
    team: "doetinchem",
    frequency: "nooit",
    strengths: "Goed contact met mevrouw Jansen.",
  });
  assert.deepEqual(file.questionnaires.map((q) => [q.id, q.version]), [["samenwerking", 1]]);
  await page.locator("[role=status]", { hasText: "Het bestand is opgeslagen" }).waitFor();

  // The next visit keeps what was decided: the same text in the same answer is not asked
  // about again (an acceptance test's worker ticked the same false alarms at every export).
  await page.goto(env.server.url + "#/exporteren");
  await page.locator(".finding-field").waitFor();
  assert.equal(await page.getByLabel("Dit is geen persoonsgegeven; het mag mee").isChecked(), true);
  await page.locator("#export-findings-done", { hasText: "Alles is nagelopen" }).waitFor();
  // Each text box is described by its findings.
  const box = page.locator(".finding-field textarea");
  assert.equal(await box.getAttribute("aria-describedby"), `${await box.getAttribute("id")}-findings`);
  // Only a fingerprint is stored, never the text.
  const stored = await page.evaluate(() => localStorage.getItem("samenscan.kept_findings"));
  assert.match(stored, /^\["[0-9a-f]{16}"\]$/);
  // Home no longer asks for an export and says when the last one was.
  await page.goto(env.server.url);
  await page.locator(".last-export", { hasText: "Laatste export:" }).waitFor();
  assert.equal(await page.locator(".notice-warning").count(), 0);
  // A sentence added elsewhere in the answer keeps the decision (an acceptance test's worker
  // ticked first and fixed later, and lost the ticks); a change beside the finding asks again.
  await page.goto(env.server.url + "#/exporteren");
  await page.locator(".finding-field").waitFor();
  await box.fill("Goed contact met mevrouw Jansen.\nVerder weinig.");
  await page.waitForTimeout(1200);
  assert.equal(await page.getByLabel("Dit is geen persoonsgegeven; het mag mee").isChecked(), true);
  await page.locator("#export-findings-done", { hasText: "Alles is nagelopen" }).waitFor();
  await box.fill("Slecht contact met mevrouw Jansen.\nVerder weinig.");
  await page.waitForFunction(() => !document.querySelector(".findings input[type=checkbox]")?.checked);
  await box.fill("Goed contact met mevrouw Jansen.");
  await page.waitForFunction(() => document.querySelector(".findings input[type=checkbox]")?.checked);

  assert.deepEqual(errors, []);
  await context.close();
});

test("findings are listed in the order of the form, not of the question codes", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url);
  // "strengths" comes before "concerns" in the enquête; its code sorts after it.
  await finishShortResponse(page, env.server.url, { org: 0, team: 1 }, "Bel 06-12345678.", "Mail a.b@voorbeeld.nl.");
  await page.goto(env.server.url + "#/exporteren");
  await page.locator(".finding-field").nth(1).waitFor();
  const labels = await page.locator(".finding-field label.question").allInnerTexts();
  assert.match(labels[0], /Wat gaat er goed/);
  assert.doesNotMatch(labels[1], /Wat gaat er goed/);
  assert.deepEqual(await page.locator(".finding-message").allInnerTexts(), [
    "“06-12345678” lijkt een telefoonnummer.",
    "“a.b@voorbeeld.nl” lijkt een e-mailadres.",
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Opens an encrypted exchange file with Node's own WebCrypto, as design §3 describes it. */
async function decrypt(envelope, passphrase) {
  const { subtle } = globalThis.crypto;
  const bytes = (b64) => Uint8Array.from(Buffer.from(b64, "base64"));
  const base = await subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  const key = await subtle.deriveKey(
    { name: "PBKDF2", salt: bytes(envelope.kdf.salt), iterations: envelope.kdf.iterations, hash: "SHA-256" },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
  const plain = await subtle.decrypt({ name: "AES-GCM", iv: bytes(envelope.cipher.iv) }, key, bytes(envelope.ciphertext));
  return JSON.parse(new TextDecoder().decode(plain));
}

test("an encrypted export opens with the passphrase and only with it", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { acceptDownloads: true });
  await finishShortResponse(page, env.server.url, { org: 0, team: 2 });

  await page.goto(env.server.url + "#/exporteren");
  await page.locator("#export-count-complete", { hasText: "1" }).waitFor();
  const save = page.getByRole("button", { name: "Bestand opslaan" });
  await page.getByLabel("Versleutelen met een wachtwoordzin").check();
  // Nothing typed yet is no error yet: the fields say what is wrong once saving was tried.
  await page.locator("#passphrase").waitFor();
  assert.equal(await page.locator("#passphrase").getAttribute("aria-invalid"), "false");
  assert.equal(await page.locator("#passphrase-problem").innerText(), "");
  // Before saving was tried, nothing says the passphrase needs correcting (nothing above says so
  // yet); afterwards the line under the button points to the fields' errors.
  assert.equal((await page.locator("#export-blocked").innerText()).trim(), "");
  await saveIsRefused(page, save, "Vul een wachtwoordzin in.");
  assert.equal(await page.locator("#passphrase-problem").innerText(), "Vul een wachtwoordzin in.");
  assert.equal(await page.locator("#export-blocked").innerText(), "Maak eerst de wachtwoordzin in orde (zie hierboven).");
  await page.locator("#error-summary a").click();
  await page.waitForFunction(() => document.activeElement?.id === "passphrase");
  await page.getByLabel("Wachtwoordzin", { exact: true }).fill("kort");
  await page.locator("#passphrase-problem", { hasText: "De wachtwoordzin is te kort: gebruik minstens 10 tekens." }).waitFor();
  assert.equal(await page.locator("#passphrase-repeat-problem").innerText(), "");
  const passphrase = "zomer aan de IJssel 2026";
  await page.getByLabel("Wachtwoordzin", { exact: true }).fill(passphrase);
  await page.getByLabel("Herhaal de wachtwoordzin").fill(passphrase + "!");
  // Said at the field it is about: the repeat, not under the first.
  await page.locator("#passphrase-repeat-problem", { hasText: "De herhaalde wachtwoordzin is niet gelijk aan de eerste." }).waitFor();
  assert.equal(await page.locator("#passphrase-problem").innerText(), "");
  assert.equal(await page.locator("#passphrase-repeat").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#passphrase").getAttribute("aria-invalid"), "false");
  await page.locator("#error-summary", { hasText: "De herhaalde wachtwoordzin is niet gelijk" }).waitFor();
  await page.getByLabel("Herhaal de wachtwoordzin").fill(passphrase);
  await page.locator("#error-summary").waitFor({ state: "detached" });
  assert.deepEqual(await axeViolations(page), []);
  // Saved by keyboard: the button is disabled while encrypting, and gets focus back after.
  await save.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  await page.waitForFunction(() => document.activeElement?.id === "export-save", null, { timeout: 5000 });
  assert.match(download.suggestedFilename(), /^samenscan-\d{4}-\d{2}-\d{2}-\d{4}-[a-z2-9]{4}-versleuteld\.samenscan\.json$/);
  const envelope = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(envelope.format, "samenscan/encrypted");
  assert.deepEqual(envelope.kdf.name, "PBKDF2-SHA256");
  assert.equal(envelope.kdf.iterations, 600000);
  assert.equal(envelope.cipher.name, "AES-256-GCM");
  assert.doesNotMatch(JSON.stringify(envelope), /berkelland|lokaal_team/, "nothing readable inside");
  const plain = await decrypt(envelope, passphrase);
  assert.equal(plain.format, "samenscan/export");
  assert.equal(plain.responses[0].answers.team, "berkelland");
  await assert.rejects(decrypt(envelope, "zomer aan de IJssel 2025"), "a wrong passphrase fails");
  // On the English screen, the file name says it in English.
  await page.getByRole("button", { name: "English" }).click();
  const [english] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Save file" }).click(),
  ]);
  assert.match(english.suggestedFilename(), /^samenscan-\d{4}-\d{2}-\d{2}-\d{4}-[a-z2-9]{4}-encrypted\.samenscan\.json$/);
  assert.equal((await decrypt(JSON.parse(await readFile(await english.path(), "utf8")), passphrase)).responses.length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("enquêtes unticked: only the meetings go, and the enquête's findings no longer hold the export back", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { acceptDownloads: true });
  await finishShortResponse(page, env.server.url, { org: 1, team: 7 }, "Vragen kunnen naar teamleider@jeugdteam-epe.nl.");

  // One finished meeting, with nothing personal in it.
  await page.goto(env.server.url + "#/bijeenkomsten");
  await page.getByRole("button", { name: "Nieuwe bijeenkomst vastleggen" }).click();
  await page.locator("#meeting-municipality").selectOption("epe");
  await page.locator("h1", { hasText: "Bijeenkomst Epe" }).waitFor();
  await page.locator("#meeting-date").fill("2026-01-25");
  await page.locator("#note-m1").fill("De lijnen zijn kort; we kennen elkaar.");
  await page.locator("#meeting-complete").click();
  await page.locator("#meeting-status", { hasText: "Deze bijeenkomst is afgerond" }).waitFor();

  // Both go by default; the e-mail address in the enquête holds the export back.
  await page.goto(env.server.url + "#/exporteren");
  await page.locator("h1", { hasText: "Exporteren" }).waitFor();
  await page.locator("#export-count-complete", { hasText: "1" }).waitFor();
  assert.equal(await page.locator("#export-count-meetings").innerText(), "1");
  const enquetes = page.getByLabel("De afgeronde enquêtes (en intrekkingen) van dit apparaat");
  const meetings = page.getByLabel("De afgeronde bijeenkomsten (en intrekkingen) van dit apparaat");
  assert.equal(await enquetes.isChecked(), true);
  assert.equal(await meetings.isChecked(), true);
  await page.locator(".finding-message").first().waitFor();
  assert.deepEqual(await page.locator(".finding-message").allInnerTexts(), [
    "“teamleider@jeugdteam-epe.nl” lijkt een e-mailadres.",
  ]);
  const save = page.getByRole("button", { name: "Bestand opslaan" });
  await saveIsRefused(page, save, "Nog 1 melding over persoonsgegevens");
  // The field's label names the question in the language chosen, also after a switch.
  const fieldLabel = page.locator(".finding-field label.question");
  // The question, without the instruction said to whoever answered it.
  assert.match(await fieldLabel.innerText(), /^Bij de vraag “Wat gaat er goed in de samenwerking\?”/);
  await page.getByRole("button", { name: "English" }).click();
  await page.locator(".finding-field label.question", { hasText: "In the question “What goes well in the collaboration?" }).waitFor();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.locator(".finding-field label.question", { hasText: "Bij de vraag “Wat gaat er goed" }).waitFor();

  // Without the enquêtes, their text is not listed and does not count.
  await enquetes.uncheck();
  await page.waitForFunction(() => document.querySelectorAll(".finding-message").length === 0);
  assert.equal(await page.locator(".finding-field").count(), 0, "the enquête's text is no longer listed");
  await page.getByText("Er is geen tekst gevonden die op persoonsgegevens lijkt.").waitFor();
  await page.locator("#export-count-complete", { hasText: "0" }).waitFor();
  assert.equal(await page.locator("#export-count-meetings").innerText(), "1");
  await page.locator("#error-summary").waitFor({ state: "detached" });

  // Nothing chosen: nothing to save, and the screen says why.
  await meetings.uncheck();
  await page.locator("#export-blocked", { hasText: "Kies eerst hierboven wat er meegaat." }).waitFor();
  await saveIsRefused(page, save, "Kies wat er meegaat");
  assert.equal(await page.locator("#export-count-meetings").innerText(), "0");
  await meetings.check();
  await page.waitForFunction(() => document.querySelector("#export-blocked").textContent.trim() === "");
  await page.locator("#error-summary").waitFor({ state: "detached" });
  assert.deepEqual(await axeViolations(page), []);

  const [download] = await Promise.all([page.waitForEvent("download"), save.click()]);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(file.format, "samenscan/export");
  assert.deepEqual(file.responses, [], "no enquête leaves");
  assert.equal(file.meetings.length, 1);
  assert.equal(file.meetings[0].status, "complete");
  assert.equal(file.meetings[0].municipality, "epe");
  assert.equal(file.meetings[0].notes.m1, "De lijnen zijn kort; we kennen elkaar.");
  assert.doesNotMatch(JSON.stringify(file), /teamleider@/, "nothing of the enquête is in the file");
  await page.locator("[role=status]", { hasText: "Het bestand is opgeslagen" }).waitFor();

  // Only what left is marked exported: the enquête still waits for a next export.
  let ownMeeting;
  for (let i = 0; i < 100; i++) {
    [ownMeeting] = await storedRecords(page, "meetings");
    if (ownMeeting.exported_revision != null) break;
    await page.waitForTimeout(50);
  }
  assert.equal(ownMeeting.exported_revision, ownMeeting.meeting.revision);
  const [ownResponse] = await storedResponses(page);
  assert.equal(ownResponse.response.status, "complete");
  assert.equal(ownResponse.exported_revision ?? null, null);
  await page.goto(env.server.url);
  await page.locator(".notice-warning", { hasText: "nog niet zijn geëxporteerd: 1" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a withdrawal after an export is reminded of as a withdrawal, not as finished work", async () => {
  const { context, page, errors } = await open(env.browser, env.server.url, { acceptDownloads: true });
  await finishShortResponse(page, env.server.url, { org: 1, team: 3 });
  await page.goto(env.server.url + "#/");
  const reminder = page.locator(".notice-warning", { hasText: "nog niet zijn geëxporteerd" });
  await reminder.waitFor();
  await page.goto(env.server.url + "#/exporteren");
  await page.locator("#export-count-complete", { hasText: "1" }).waitFor();
  await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Bestand opslaan" }).click()]);
  await page.goto(env.server.url + "#/");
  await page.locator(".last-export").waitFor();
  assert.equal(await reminder.count(), 0, "exported: nothing to remind of");
  // Each row's actions are described by the row's first line: a list of buttons does not
  // read "Intrekken, Intrekken".
  const withdrawButton = page.getByRole("button", { name: "Intrekken" });
  const about = await withdrawButton.getAttribute("aria-describedby");
  assert.match(await page.locator(`#${about}`).innerText(), /^Begonnen op /);
  await withdrawButton.click();
  await page.getByRole("button", { name: "Ja, intrekken" }).click();
  const withdrawal = page.locator(".notice-warning", { hasText: "Intrekkingen die de coördinator nog niet heeft gekregen: 1" });
  await withdrawal.waitFor();
  assert.equal(await reminder.count(), 0, "no finished work is said to wait");
  assert.match(await withdrawal.innerText(), /gewist/);
  assert.deepEqual(errors, []);
  await context.close();
});
