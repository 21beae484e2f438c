// The coordinator's report in a real browser: generated files for 21 teams (some with fewer
// than 5 responses) are imported; the figures on screen are checked against figures this test
// computes itself from the generated answers; no small team shows a figure; the report prints;
// the CSV holds one row per response.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { open, axeViolations, servedApp, pdfText, pdfPages } from "./harness.mjs";
import { rng, response, exportFile, OPTIONS, QUESTIONNAIRE } from "./generate.mjs";

const env = servedApp();
const MIN = QUESTIONNAIRE.min_group_size;
const ITEMS = QUESTIONNAIRE.sections.flatMap((s) => s.items);

/** One decimal with a Dutch comma, rounding half away from zero as people do (7,45 → 7,5). */
const nl1 = (x) => (Math.round(x * 10 + Math.sign(x) * 1e-9) / 10).toFixed(1).replace(".", ",");
/** A text as a regular expression that matches it literally. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A factor score per design §4: mean of answered items (reverse as 6 − x), if at least half. */
function factorScore(answers, factorId) {
  const items = ITEMS.filter((i) => i.kind === "likert" && i.factor === factorId);
  const values = items
    .filter((i) => typeof answers[i.id] === "number")
    .map((i) => (i.reverse ? 6 - answers[i.id] : answers[i.id]));
  return values.length * 2 >= items.length && values.length > 0 ? mean(values) : null;
}

/** 21 teams; every fourth has 3 responses, the others 6 to 12, with different mean grades. */
function dataset() {
  const r = rng(2026);
  const teams = OPTIONS.team.slice(0, 21);
  const byTeam = new Map();
  const files = [];
  teams.forEach((team, i) => {
    const n = i % 4 === 0 ? 3 : 6 + (i % 7);
    const list = Array.from({ length: n }, () => response(r, { team, org: r.pick(["lokaal_team", "gi"]) }, 5 + (i % 5)));
    byTeam.set(team, list);
    files.push({ name: `team-${team}.samenscan.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exportFile(list))) });
  });
  return { teams, byTeam, files, all: [...byTeam.values()].flat() };
}

test("the report of 21 teams: figures as computed independently, no small team shown, prints, CSV", async () => {
  const { teams, byTeam, files, all } = dataset();
  const { context, page, errors } = await open(env.browser, env.server.url, { acceptDownloads: true });
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  await page.locator("#import-files").setInputFiles(files);
  await page.locator(".import-progress", { hasText: `${files.length} van ${files.length}` }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n").waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // The whole report follows the language switch.
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("#report-headline", { hasText: "Headline figures" }).waitFor();
  await page.locator("#split-team-heading", { hasText: "In which municipality" }).waitFor();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.locator("#report-headline", { hasText: "Kerncijfers" }).waitFor();

  // Headline figures.
  const grades = all.map((x) => x.answers.grade).filter((g) => typeof g === "number");
  assert.equal(await page.locator("#report-n").innerText(), String(all.length));
  assert.equal(await page.locator("#report-grade").innerText(), nl1(mean(grades)));
  assert.equal(await page.locator("#report-grade-n").innerText(), String(grades.length));
  assert.equal(await page.locator("#report-median").innerText(), nl1(median(grades)));

  // The distribution table: every grade's count.
  const distribution = await page.locator("#grade-distribution tbody tr").allInnerTexts();
  for (let g = 1; g <= 10; g++) {
    const count = grades.filter((x) => x === g).length;
    assert.match(distribution[g - 1], new RegExp(`^${g}\\s+${count}\\s`), `grade ${g}`);
  }

  // Factor means, and what alpha and the interval say in plain words.
  const main = await page.locator("main").innerText();
  assert.match(main, /Cronbachs alfa zegt hoe goed de antwoorden op de stellingen van een thema bij elkaar passen/);
  assert.match(main, /Het interval is de marge rond het gemiddelde/);
  const factorRows = await page.locator("#factor-table tbody tr").allInnerTexts();
  QUESTIONNAIRE.factors.forEach((f, i) => {
    const scores = all.map((x) => factorScore(x.answers, f.id)).filter((s) => s !== null);
    assert.ok(factorRows[i].startsWith(f.label.nl), factorRows[i]);
    assert.match(factorRows[i], new RegExp(`\\t${nl1(mean(scores))}\\t${scores.length}\\t`), f.id);
  });

  // The team split: small teams say so and show no figure; shown teams show their own n and,
  // where shown, their own mean grade.
  const rows = page.locator("#split-team tbody tr");
  for (const team of teams) {
    const label = ITEMS.find((i) => i.id === "team").options.find((o) => o.value === team).label.nl;
    const row = rows.filter({ has: page.locator("th", { hasText: new RegExp(`^${label}$`) }) });
    const cells = await row.locator("td").allInnerTexts();
    const list = byTeam.get(team);
    if (list.length < MIN) {
      assert.equal(cells[0], `minder dan ${MIN}`, label);
      for (const c of cells) assert.doesNotMatch(c, /\d[,.]\d|^\d+%?$/, `${label} shows a figure: ${cells}`);
    } else if (!/verborgen/.test(cells[0])) {
      assert.equal(cells[0], String(list.length), label);
      const teamGrades = list.map((x) => x.answers.grade).filter((g) => typeof g === "number");
      if (cells[2] !== "verborgen") assert.equal(cells[2], nl1(mean(teamGrades)), `${label} grade`);
    }
  }
  // Municipalities nobody answered from are named in one line under the table, not as rows of
  // zeros among those with figures.
  const silent = ITEMS.find((i) => i.id === "team").options.filter((o) => !(byTeam.get(o.value)?.length));
  assert.ok(silent.length > 0, "the dataset leaves a municipality without responses");
  assert.equal(await page.locator("#split-team-empty").innerText(),
    `Zonder antwoorden (${silent.length}): ${silent.map((o) => o.label.nl).join(", ")}.`);
  assert.equal(await rows.count(), teams.length);
  // The built-in enquête's grade is the collaboration's.
  assert.equal(await page.locator(".summary-row", { has: page.locator("#report-grade") }).locator("dt").innerText(),
    "Rapportcijfer voor de samenwerking");
  // Everyone said where they work: no empty "Niet beantwoord" row.
  assert.equal(all.filter((x) => !x.answers.org).length, 0);
  assert.equal(await page.locator("#split-org tbody tr", { hasText: "Niet beantwoord" }).count(), 0);
  // Only the two organisations that answered have rows; the others are named under the table.
  assert.equal(await page.locator("#split-org tbody tr").count(), 2);
  const orgOptions = ITEMS.find((i) => i.id === "org").options;
  const noOrg = orgOptions.filter((o) => !["lokaal_team", "gi"].includes(o.value)).map((o) => o.label.nl);
  assert.equal(await page.locator("#split-org-empty").innerText(), `Zonder antwoorden (${noOrg.length}): ${noOrg.join(", ")}.`);
  // Sorting by number puts the largest shown team first.
  await page.locator("#split-team thead button", { hasText: "Aantal" }).click();
  const largest = Math.max(...teams.map((t) => byTeam.get(t).length));
  assert.equal(await page.locator("#split-team tbody tr").first().locator("td").first().innerText(), String(largest));
  // Each split's table is named by its own heading, not only by the caption all share.
  assert.equal(await page.locator("#split-team").getAttribute("aria-labelledby"), "split-team-heading split-team-caption");
  const sizeHeader = page.locator("#split-team thead th", { has: page.locator("button", { hasText: "Aantal" }) });
  assert.equal(await sizeHeader.getAttribute("aria-sort"), "descending");
  // Said in words too: a changed aria-sort is often not read out.
  const sortSaid = page.locator("section", { has: page.locator("#split-team") }).locator("p[role=status]");
  assert.equal(await sortSaid.textContent(), "Gesorteerd op Aantal, aflopend.");
  // The arrow is decoration, not part of the button's name.
  assert.equal(await page.locator("#split-team thead").getByRole("button", { name: "Aantal", exact: true }).count(), 1);
  // A second press turns the order around: the smallest shown team first, hidden ones still last.
  const numbers = async () =>
    (await page.locator("#split-team tbody tr").evaluateAll((trs) => trs.map((tr) => tr.querySelector("td").textContent)));
  const before = await numbers();
  await page.locator("#split-team thead button", { hasText: "Aantal" }).click();
  await page.waitForFunction(() => document.querySelector("#split-team thead th[aria-sort=ascending]"));
  assert.equal(await sortSaid.textContent(), "Gesorteerd op Aantal, oplopend.");
  const after = await numbers();
  const shownOf = (xs) => xs.filter((x) => /^\d+$/.test(x)).map(Number);
  assert.deepEqual(shownOf(after), [...shownOf(before)].reverse());
  assert.deepEqual(after.slice(shownOf(after).length), before.slice(shownOf(before).length), "hidden rows stay last, in the same order");
  assert.ok(shownOf(after)[0] <= shownOf(after).at(-1));
  // "Groep" sorts by name, A to Z, then Z to A (the questionnaire's order reversed was called
  // descending).
  const names = async () =>
    (await page.locator("#split-team tbody tr").evaluateAll((trs) => trs.map((tr) => tr.querySelector("th").textContent)));
  await page.locator("#split-team thead button", { hasText: "Groep" }).click();
  await page.waitForFunction(() => document.querySelector("#split-team thead th[aria-sort=ascending] button")?.textContent === "Groep");
  const az = await names();
  assert.deepEqual(az, [...az].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await page.locator("#split-team thead button", { hasText: "Groep" }).click();
  await page.waitForFunction(() => document.querySelector("#split-team thead th[aria-sort=descending] button")?.textContent === "Groep");
  assert.deepEqual(await names(), [...az].reverse());
  assert.equal(await sortSaid.textContent(), "Gesorteerd op Groep, aflopend.");

  // Open answers never name a small team's texts: its group says they are not listed under it.
  await page.locator("#open-by").selectOption("team");
  await page.locator(".open-group h3", { hasText: "Aalten" }).waitFor();
  const aalten = page.locator(".open-group", { has: page.locator("h3", { hasText: /^Aalten$/ }) });
  assert.match(await aalten.innerText(), /Minder dan 5 antwoorden: niet onder deze groep getoond\./);
  assert.equal(await aalten.locator("li").count(), 0);
  // By organisation: the same answer once, with how many gave it, the most given first.
  await page.locator("#open-by").selectOption("org");
  const local = page.locator(".open-group", { has: page.locator("h3", { hasText: /^Lokaal team \/ jeugdteam$/ }) });
  await local.waitFor();
  const given = {};
  for (const x of all.filter((x) => x.answers.org === "lokaal_team" && x.answers.strengths)) {
    given[x.answers.strengths] = (given[x.answers.strengths] || 0) + 1;
  }
  const expected = Object.entries(given)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([text, n]) => (n > 1 ? `${text} (${n}×)` : text));
  assert.deepEqual(await local.locator("ul.open-answers").first().locator("li").allInnerTexts(), expected);

  // Two groups side by side.
  await page.locator("#compare-split").selectOption("org");
  await page.locator("#compare-a").selectOption({ label: "Lokaal team / jeugdteam" });
  await page.locator("#compare-b").selectOption({ label: "Gecertificeerde instelling (jeugdbescherming of jeugdreclassering)" });
  const gradeRow = await page.locator("#compare-table tbody tr").first().locator("td").allInnerTexts();
  const orgGrade = (org) => nl1(mean(all.filter((x) => x.answers.org === org && typeof x.answers.grade === "number").map((x) => x.answers.grade)));
  assert.deepEqual(gradeRow.slice(0, 2), [orgGrade("lokaal_team"), orgGrade("gi")]);
  // The difference is that of the two figures as shown, so the row adds up for its reader.
  const shownDiff = Number(orgGrade("gi").replace(",", ".")) - Number(orgGrade("lokaal_team").replace(",", "."));
  assert.equal(gradeRow[2], `${shownDiff > 0.04 ? "+" : ""}${nl1(shownDiff)}`);
  // After choosing groups, another split shows as chosen the two groups its table compares.
  for (const split of ["team", "phase", "frequency"]) {
    await page.locator("#compare-split").selectOption(split);
    const chosen = await Promise.all(
      ["#compare-a", "#compare-b"].map((id) => page.locator(id).evaluate((e) => e.options[e.selectedIndex].text)),
    );
    const heads = await page.locator("#compare-table thead th").allInnerTexts();
    assert.deepEqual(heads.slice(1, 3), chosen, split);
  }
  // From 320 px wide the page itself never scrolls sideways (wide tables scroll in their own
  // region).
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 800 });
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `${width} px: the page is ${scroll} px wide`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(await axeViolations(page), []);

  // Print: no navigation or buttons on paper, the figures are there; the PDF is made.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "Afdrukken" }).isVisible(), false);
  assert.equal(await page.locator("#report-grade").isVisible(), true);
  assert.equal(await page.locator("#split-team").isVisible(), true);
  // The edge shadows that say a table scrolls are for the screen: none on paper.
  const shadows = () => page.locator(".table-scroll").first().evaluate((e) => getComputedStyle(e).backgroundImage);
  assert.equal(await shadows(), "none");
  const pdf = await page.pdf({ format: "A4" });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  assert.ok(pdf.length > 20_000, `PDF of ${pdf.length} bytes`);
  // The paper holds the figures: headline, every factor's mean, and the team table, where a
  // small team reads "minder dan 5" and a shown team its own n.
  const paper = await pdfText(pdf);
  assert.match(paper, new RegExp(`Rapportcijfer[^]*?${nl1(mean(grades))}`));
  assert.ok(paper.includes(`${all.length}`), "the number of responses");
  // Which questionnaire and version the paper is about, now the version select is not printed.
  assert.match(paper, /Het regiorapport over “[^”]+” \(versie 1\)/);
  QUESTIONNAIRE.factors.forEach((f) => {
    const scores = all.map((x) => factorScore(x.answers, f.id)).filter((s) => s !== null);
    assert.match(paper, new RegExp(`${escape(f.label.nl)} ${nl1(mean(scores))} ${scores.length}`), f.id);
  });
  for (const team of teams) {
    const label = ITEMS.find((i) => i.id === "team").options.find((o) => o.value === team).label.nl;
    const n = byTeam.get(team).length;
    const shown = n < MIN ? `minder dan ${MIN}` : `(${n}|verborgen ter bescherming van een kleine groep)`;
    assert.match(paper, new RegExp(`${escape(label)} ${shown}`), `${label} on paper`);
  }
  assert.doesNotMatch(paper, /Afdrukken|Snel weg/, "no buttons or navigation on paper");
  // Whole rows, last column included: nothing runs off the page (line breaks inside cells aside).
  const squeezed = paper.replace(/\s/g, "");
  for (const row of await page.locator("#split-team tbody tr").allInnerTexts()) {
    assert.ok(squeezed.includes(row.replace(/\s/g, "")), `row on paper whole: ${row}`);
  }
  // A table that runs onto another page repeats its header there, every column named (on
  // short pages the team table spans several; Chromium left the sort buttons out of the
  // repeated header).
  const heads = (await page.locator("#split-team thead th").evaluateAll((ths) => ths.map((th) => th.dataset.label || th.innerText)))
    .map((h) => h.replace(/\s/g, ""));
  const teamRows = (await page.locator("#split-team tbody tr").allInnerTexts()).map((r) => r.replace(/\s/g, ""));
  const short = await pdfPages(await page.pdf({ width: "210mm", height: "90mm" }));
  const withRows = short.map((p) => p.replace(/\s/g, "")).filter((p) => teamRows.some((r) => p.includes(r)));
  assert.ok(withRows.length >= 2, `the team table spans ${withRows.length} short pages`);
  for (const [i, text] of withRows.entries()) {
    // Above the page's first row of the table: its header (further down the page, the next
    // table's header names the same columns).
    const above = text.slice(0, Math.min(...teamRows.map((r) => text.indexOf(r)).filter((at) => at >= 0)));
    for (const head of heads) assert.ok(above.includes(head), `page ${i + 1} of the team table names column ${head}`);
  }
  await page.emulateMedia({ media: "screen" });
  assert.match(await shadows(), /radial-gradient/);

  // CSV: after the warning, one row per response; semicolons and a BOM by default.
  await page.getByText("de CSV bevat de antwoorden per medewerker").waitFor();
  const downloads = [];
  page.on("download", (d) => downloads.push(d));
  await page.getByRole("button", { name: "CSV en codeboek opslaan" }).click();
  await page.locator("[role=status]", { hasText: "De CSV en het codeboek zijn opgeslagen." }).waitFor();
  while (downloads.length < 2) await new Promise((ok) => setTimeout(ok, 50));
  const [data, book] = await Promise.all(downloads.map(async (d) => readFile(await d.path(), "utf8")));
  assert.equal(data.charCodeAt(0), 0xfeff);
  const lines = data.slice(1).trimEnd().split("\r\n");
  assert.equal(lines.length, all.length + 1);
  const header = lines[0].split(";");
  assert.deepEqual(header.slice(0, 6), ["response_id", "questionnaire", "version", "revision", "updated_at", "status"]);
  assert.deepEqual(header.slice(6), ITEMS.map((i) => i.id));
  assert.ok(book.includes("grade;"), "the codebook lists every column");
  assert.match(downloads[1].suggestedFilename(), /^samenscan-samenwerking-v1-\d{4}-\d{2}-\d{2}-codeboek\.csv$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("enough responses but too few report grades: the grade's row says it is hidden", async () => {
  const r = rng(15);
  const list = Array.from({ length: MIN + 1 }, () => response(r, { frequency: "wekelijks" }));
  for (const x of list.slice(3)) delete x.answers.grade;
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  await page.locator("#import-files").setInputFiles([
    { name: "weinig-cijfers.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exportFile(list))) },
  ]);
  await page.locator(".import-progress", { hasText: "1 van 1" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n", { hasText: String(MIN + 1) }).waitFor();
  assert.equal(await page.locator("#report-grade").innerText(), `verborgen: minder dan ${MIN} rapportcijfers gegeven`);
  assert.equal(await page.locator("#report-grade-n").count(), 0);
  assert.equal(await page.locator("#grade-distribution").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("below the minimum the report shows no figures at all", async () => {
  const r = rng(5);
  const list = Array.from({ length: MIN - 1 }, () => response(r, { frequency: "wekelijks" }));
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  await page.locator("#import-files").setInputFiles([
    { name: "klein.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exportFile(list))) },
  ]);
  await page.locator(".import-progress", { hasText: "1 van 1" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n", { hasText: `minder dan ${MIN}` }).waitFor();
  assert.equal(await page.locator("#report-grade").count(), 0);
  assert.equal(await page.locator("#grade-distribution").count(), 0);
  const text = await page.locator("main").innerText();
  assert.doesNotMatch(text.split("Gegevens als CSV")[0], /\d,\d/, "no mean anywhere");
  // The theme means are kept back, not absent: "–" would say nobody answered.
  const means = await page.locator("section[aria-labelledby=report-factors] tbody td:nth-of-type(1)").allInnerTexts();
  assert.ok(means.length > 0 && means.every((m) => m === "verborgen"), means.join(" | "));
  const bars = await page.locator("section[aria-labelledby=report-factors] .bar-value").allTextContents();
  assert.ok(bars.length > 0 && bars.every((m) => m === "verborgen"), bars.join(" | "));
  // No page of split tables and open answers that all read "verborgen": the notice says why.
  await page.locator("main", { hasText: `Het rapport toont pas cijfers vanaf ${MIN}` }).waitFor();
  assert.equal(await page.locator("table.split-table").count(), 0);
  assert.equal(await page.locator(".open-group").count(), 0);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Imports `files` (name and exchange-file object each) in a fresh page, opens the report and
 * chooses the two rounds by period (`[from, to]` dates); returns the rounds table.
 */
async function roundsByPeriod(page, files, a, b) {
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  await page.locator("#import-files").setInputFiles(
    files.map(([name, file]) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) })),
  );
  await page.locator(".import-progress", { hasText: `${files.length} van ${files.length}` }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n").waitFor();
  await page.locator("#round-a-from").fill(a[0]);
  await page.locator("#round-a-to").fill(a[1]);
  await page.locator("#round-b-from").fill(b[0]);
  await page.locator("#round-b-to").fill(b[1]);
  const table = page.locator("#rounds-table");
  await table.waitFor();
  return table;
}

test("comparing two groups starts with the two that show the most figures", async () => {
  const r = rng(14);
  // "Eén of twee keer", the first option with anyone in it, is large enough to be shown, but
  // four of its six gave no grade: its grade is hidden. The others show every figure (bar
  // one more grade hidden to protect it).
  const list = [
    ...Array.from({ length: 6 }, (_, k) => {
      const x = response(r, { frequency: "1_2_keer" }, 6);
      if (k < 4) delete x.answers.grade;
      return x;
    }),
    ...["maandelijks", "wekelijks", "vaker"].flatMap((frequency) => Array.from({ length: 6 }, () => response(r, { frequency }, 7))),
  ];
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-files").setInputFiles([
    { name: "regio.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exportFile(list))) },
  ]);
  await page.locator("#import-dataset-counts", { hasText: "24 afgeronde enquêtes" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#compare-split").selectOption("frequency");
  const chosen = await Promise.all(
    ["#compare-a", "#compare-b"].map((id) => page.locator(id).evaluate((e) => e.options[e.selectedIndex].text)),
  );
  // The frequency table: each chosen group shows its grade; the first group does not.
  const gradeOf = async (name) => {
    const row = page.locator("#split-frequency tbody tr", { has: page.locator("th", { hasText: new RegExp(`^${name}$`) }) });
    return (await row.locator("td").allInnerTexts())[2];
  };
  assert.equal(await gradeOf("Eén of twee keer"), "verborgen");
  assert.ok(!chosen.includes("Eén of twee keer"), chosen.join(" | "));
  for (const name of chosen) assert.match(await gradeOf(name), /^\d+,\d$/, name);
  const grades = await page.locator("#compare-table tbody tr").first().locator("td").allInnerTexts();
  assert.match(grades[0], /^\d+,\d$/);
  assert.match(grades[1], /^\d+,\d$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a questionnaire of counts only (no grade, no themes): tables say what they hold, no empty comparison, figures by item kind", async () => {
  const q = {
    id: "telling", version: 1, title: { nl: "Telling" }, min_group_size: 2,
    sections: [{ id: "a", title: { nl: "A" }, items: [
      { id: "org", kind: "choice", group_by: true, label: { nl: "Organisatie" },
        options: [{ value: "a", label: { nl: "Team A" } }, { value: "b", label: { nl: "Team B" } }] },
      { id: "opm", kind: "text", label: { nl: "Opmerking" } },
      { id: "kanalen", kind: "multi", label: { nl: "Welke kanalen?" },
        options: [{ value: "tel", label: { nl: "Telefoon" } }, { value: "mail", label: { nl: "Mail" } }] },
      { id: "uren", kind: "number", label: { nl: "Hoeveel uur?" } },
      { id: "vorm", kind: "choice", label: { nl: "Waar werkt u vooral?" },
        options: [{ value: "ambulant", label: { nl: "Ambulant" } }, { value: "kantoor", label: { nl: "Op kantoor" } }, { value: "beide", label: { nl: "Beide" } }] },
    ] }],
  };
  const responses = Array.from({ length: 6 }, (_, k) => ({
    id: `c0000000-0000-4000-8000-00000000000${k}`, questionnaire: { id: "telling", version: 1 },
    revision: 1, updated_at: "2026-11-20T10:00:00Z", status: "complete",
    answers: { org: k < 3 ? "a" : "b", kanalen: k < 4 ? ["tel", "mail"] : ["mail"], uren: k + 1, vorm: k < 5 ? "ambulant" : "beide" },
  }));
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-files").setInputFiles([
    { name: "telling.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...exportFile(responses), questionnaires: [q] })) },
  ]);
  await page.locator("#import-dataset-counts", { hasText: "6 afgeronde enquêtes" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#split-org caption", { hasText: "Aantal per groep." }).waitFor();
  assert.equal(await page.locator("#compare-split").count(), 0, "no comparison of nothing");
  // The multiple choice and the number have figures of their own (design §4: by item kind).
  await page.locator("#report-other", { hasText: "Andere vragen" }).waitFor();
  const rows = await page.locator("#other-0 tbody tr").evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, " ").trim()));
  assert.deepEqual(rows, ["Telefoon 4 67%", "Mail 6 100%"]);
  assert.equal(await page.locator("#other-1").innerText(), "6 antwoorden; gemiddeld 3,5, mediaan 3,5.");
  // One option below the minimum of 2, and one more of a single choice: the partner is not
  // called a small count (an acceptance test saw 9 labelled "fewer than 6").
  const vorm = await page.locator("#other-2 tbody tr").evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, " ").trim()));
  assert.deepEqual(vorm, ["Ambulant verborgen ter bescherming van een kleine groep verborgen", "Op kantoor 0 0%", "Beide minder dan 2 verborgen"]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a measurement too small to show its count: the comparison says why", async () => {
  const r = rng(12);
  const early = Array.from({ length: 3 }, () => ({ ...response(r, { frequency: "wekelijks" }, 6), updated_at: "2026-09-15T10:00:00Z" }));
  const later = Array.from({ length: 7 }, () => ({ ...response(r, { frequency: "wekelijks" }, 8), updated_at: "2026-10-20T10:00:00Z" }));
  const { context, page, errors } = await open(env.browser, env.server.url);
  const table = await roundsByPeriod(
    page,
    [["rondes.samenscan.json", exportFile([...early, ...later])]],
    ["2026-09-01", "2026-09-30"],
    ["2026-10-01", "2026-10-31"],
  );
  // Not "verborgen en 7 afgeronde enquêtes".
  await page.locator("#rounds-status", { hasText: "Twee metingen vergeleken; van beide is het aantal afgeronde enquêtes verborgen." }).waitFor({ state: "attached" });
  assert.deepEqual(await table.locator("tbody tr").nth(0).locator("td").allInnerTexts(), ["verborgen", "verborgen", "verborgen"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two measurements side by side: each period's own figures and the change", async () => {
  const r = rng(11);
  // A pilot in September (grades around 6) and a later measurement in October (around 8).
  const pilot = Array.from({ length: 8 }, () => ({ ...response(r, { frequency: "wekelijks" }, 6), updated_at: "2026-09-15T10:00:00Z" }));
  const later = Array.from({ length: 9 }, () => ({ ...response(r, { frequency: "wekelijks" }, 8), updated_at: "2026-10-20T10:00:00Z" }));
  const { context, page, errors } = await open(env.browser, env.server.url);
  const table = await roundsByPeriod(
    page,
    [["rondes.samenscan.json", exportFile([...pilot, ...later])]],
    ["2026-09-01", "2026-09-30"],
    ["2026-10-01", "2026-10-31"],
  );
  await page.locator("#rounds-caption", { hasText: "1 september 2026 – 30 september 2026" }).waitFor();
  const [nRow, gradeRow] = [await table.locator("tbody tr").nth(0).locator("td").allInnerTexts(), await table.locator("tbody tr").nth(1).locator("td").allInnerTexts()];
  assert.deepEqual(nRow, ["8", "9", "+1"]);
  // A screen reader hears what the comparison now holds (the tables are redrawn silently).
  assert.equal(await page.locator("#rounds-status").innerText(), "Twee metingen vergeleken: 8 en 9 afgeronde enquêtes.");
  const g = (list) => mean(list.map((x) => x.answers.grade));
  const change = Math.round(g(later) * 10) / 10 - Math.round(g(pilot) * 10) / 10;
  assert.deepEqual(gradeRow.slice(0, 2), [nl1(g(pilot)), nl1(g(later))]);
  // The change is that of the figures as shown (7,5 and 8,1 differ by 0,6).
  assert.equal(gradeRow[2], `${change > 0 ? "+" : ""}${nl1(change)}`);
  // The rest of the grade's figures, each round's own: median, standard deviation, interval.
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const sd = (xs) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
  const grades = (list) => list.map((x) => x.answers.grade);
  const row = async (i) => [await table.locator("tbody tr").nth(i).locator("th").innerText(), ...(await table.locator("tbody tr").nth(i).locator("td").allInnerTexts())];
  const medianRow = await row(2);
  assert.deepEqual(medianRow.slice(0, 3), ["Cijfer: mediaan", nl1(median(grades(pilot))), nl1(median(grades(later)))]);
  const sdRow = await row(3);
  // Two decimals, as the full report writes it.
  const nl2 = (x) => (Math.round(x * 100 + 1e-9) / 100).toFixed(2).replace(".", ",");
  assert.deepEqual(sdRow.slice(0, 3), ["Cijfer: standaardafwijking", nl2(sd(grades(pilot))), nl2(sd(grades(later)))]);
  const ciRow = await row(4);
  assert.equal(ciRow[0], "Cijfer: 95%-betrouwbaarheidsinterval");
  for (const cell of ciRow.slice(1, 3)) assert.match(cell, /^\d+,\d\D+\d+,\d$/);
  assert.equal(ciRow[3], "–");
  // The distribution side by side: each grade's count and share per measurement, and the
  // change of the shares as shown, in percentage points.
  const dist = page.locator("#rounds-distribution-table");
  const pct = (k, list) => Math.round((100 * k) / list.length + 1e-9);
  const count = (list, v) => grades(list).filter((x) => x === v).length;
  const distRows = await dist.locator("tbody tr").all();
  assert.equal(distRows.length, 10);
  for (const [i, tr] of distRows.entries()) {
    const v = i + 1;
    const [a, b] = [count(pilot, v), count(later, v)];
    const points = pct(b, later) - pct(a, pilot);
    assert.deepEqual(
      [await tr.locator("th").innerText(), ...(await tr.locator("td").allInnerTexts())],
      [String(v), `${a} (${pct(a, pilot)}%)`, `${b} (${pct(b, later)}%)`, `${points > 0 ? "+" : ""}${points}`],
    );
  }
  // The chart draws one bar per measurement and grade, measurement B apart by its class.
  const chart = page.locator("section[aria-labelledby=rounds-distribution] svg");
  assert.equal(await chart.locator("g rect.bar").count(), 20);
  assert.equal(await chart.locator("g rect.bar-b").count(), 10);
  assert.match(await chart.getAttribute("aria-label"), /^Verdeling van de rapportcijfers per meting\. Meting A: 1: \d+%/);
  // Per group too: everyone works together weekly, so that group holds all of each round.
  const weekly = page.locator(".rounds-split tr", { has: page.locator("th", { hasText: /^Ongeveer elke week$/ }) });
  const weeklyCells = await weekly.locator("td").allInnerTexts();
  assert.deepEqual(weeklyCells.slice(0, 4), ["8", "9", nl1(g(pilot)), nl1(g(later))]);
  // A theme instead of the grade, per group: the mean of each round's factor scores.
  const factor = QUESTIONNAIRE.factors[1];
  await page.locator("#rounds-figure").selectOption({ label: `Thema: ${factor.label.nl}` });
  const themeMean = (list) => mean(list.map((x) => factorScore(x.answers, factor.id)).filter((x) => x !== null));
  await page.locator(".rounds-split caption", { hasText: `Aantal en thema ‘${factor.label.nl}’ per groep` }).first().waitFor();
  const weeklyTheme = await weekly.first().locator("td").allInnerTexts();
  assert.deepEqual(weeklyTheme.slice(0, 4), ["8", "9", nl1(themeMean(pilot)), nl1(themeMean(later))]);
  assert.deepEqual(await axeViolations(page), []);

  // By imported file: a third round's file, imported later, against the first file (which
  // holds both periods, 8 + 9).
  const third = Array.from({ length: 6 }, () => ({ ...response(r, { frequency: "wekelijks" }, 5), updated_at: "2026-11-10T10:00:00Z" }));
  await page.goto(env.server.url + "#/importeren");
  // The coordinator also imports a copy of it by mistake, under another name.
  const thirdFile = Buffer.from(JSON.stringify(exportFile(third)));
  await page.locator("#import-files").setInputFiles([
    { name: "derde-ronde.samenscan.json", mimeType: "application/json", buffer: thirdFile },
    { name: "derde-ronde (1).samenscan.json", mimeType: "application/json", buffer: thirdFile },
  ]);
  await page.locator("#import-dataset-counts", { hasText: "23 afgeronde enquêtes en 0 bijeenkomsten, uit 2 geïmporteerde bestanden." }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n").waitFor();
  await page.locator("#rounds-by-import").check();
  await page.getByText("Kies voor beide metingen minstens één bestand.").waitFor();
  // The copy is listed once, at its first import.
  const listed = await page.locator("fieldset", { has: page.locator("#round-a-import-0") }).locator("label").allInnerTexts();
  assert.equal(listed.length, 2, listed.join(" | "));
  assert.match(listed[1], /^derde-ronde\.samenscan\.json \(/);
  await page.locator("#round-a-import-0").check();
  await page.locator("#round-b-import-1").check();
  await page.locator("#rounds-caption", { hasText: "1 bestand: rondes.samenscan.json" }).waitFor();
  const byFile = await table.locator("tbody tr").nth(0).locator("td").allInnerTexts();
  assert.deepEqual(byFile, ["17", "6", "-11"]);
  const fileGrades = third.map((x) => x.answers.grade).filter((x) => typeof x === "number");
  const gradeB = await table.locator("tbody tr").nth(1).locator("td").nth(1).innerText();
  assert.equal(gradeB, fileGrades.length >= 5 ? nl1(mean(fileGrades)) : "verborgen");
  // Rounds that share responses are refused: "all files" against "all but one" would give the
  // answers of the responses in that one file away.
  await page.locator("#round-b-import-0").check();
  await page.locator("#rounds-overlap", { hasText: "Deze twee metingen hebben enquêtes gemeen" }).waitFor();
  assert.match(await page.locator("#rounds-status").textContent(), /^Deze twee metingen hebben enquêtes gemeen/);
  assert.equal(await page.locator("#rounds-table").count(), 0);
  await page.locator("#round-b-import-0").uncheck();
  await table.waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // A file holding an earlier version of a response than the data is refused, naming that file
  // and the one with the newest version, which the measurement then takes in.
  const changed = { ...third[0], revision: third[0].revision + 1, updated_at: "2026-11-12T10:00:00Z", answers: { ...third[0].answers, strengths: "Gewijzigd na de export" } };
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-files").setInputFiles([
    { name: "wijziging.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exportFile([changed]))) },
  ]);
  await page.locator(".import-status", { hasText: "1 bijgewerkt" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n").waitFor();
  await page.locator("#rounds-by-import").check();
  await page.locator("#round-a-import-0").check();
  await page.locator("#round-b-import-1").check();
  await page.locator("#rounds-outdated", {
    hasText: "Het bestand ‘derde-ronde.samenscan.json’ bevat een eerdere versie van een enquête die later is gewijzigd of ingetrokken. Kies ook ‘wijziging.samenscan.json’, dat de nieuwste versie bevat, in dezelfde meting",
  }).waitFor();
  await page.locator("#round-b-import-3").check();
  await page.locator("#rounds-table").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a later measurement on a new version of the questionnaire compares with the pilot", async () => {
  const r = rng(31);
  // The pilot answered version 1 in September; the later measurement a version 2 in December
  // (the same items here, carried by its own file as any new version would be).
  const v2 = { ...QUESTIONNAIRE, version: 2 };
  const pilot = Array.from({ length: 7 }, () => ({ ...response(r, { frequency: "wekelijks" }, 6), updated_at: "2026-09-15T10:00:00Z" }));
  const later = Array.from({ length: 6 }, () => ({
    ...response(r, { frequency: "wekelijks" }, 8),
    questionnaire: { id: v2.id, version: 2 },
    updated_at: "2026-12-02T10:00:00Z",
  }));
  // Five more on version 1 in December: that measurement counts its own version only.
  const stragglers = Array.from({ length: 5 }, () => ({ ...response(r, { frequency: "wekelijks" }, 3), updated_at: "2026-12-03T10:00:00Z" }));
  const { context, page, errors } = await open(env.browser, env.server.url);
  const table = await roundsByPeriod(
    page,
    [["pilot.samenscan.json", exportFile([...pilot, ...stragglers])], ["versie-2.samenscan.json", { ...exportFile(later), questionnaires: [v2] }]],
    ["2026-09-01", "2026-09-30"],
    ["2026-12-01", "2026-12-31"],
  );
  const rows = table.locator("tbody tr");
  assert.deepEqual(await rows.nth(0).locator("td").allInnerTexts(), ["7", "6", "-1"]);
  const g = (list) => mean(list.map((x) => x.answers.grade));
  assert.deepEqual((await rows.nth(1).locator("td").allInnerTexts()).slice(0, 2), [nl1(g(pilot)), nl1(g(later))]);
  // Said on the screen: the versions differ, and what each measurement leaves out.
  const notes = await page.locator("#rounds-notes").innerText();
  assert.match(notes, /Meting A is gemeten met versie 1 van de vragenlijst, meting B met versie 2/);
  assert.match(notes, /Niet meegeteld \(andere vragenlijst of versie\): meting A 0, meting B 5\./);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("rounds by file: one box takes every file, a long list is named by its first few", async () => {
  const r = rng(57);
  const file = (i) => [`team-${i}.samenscan.json`, exportFile(Array.from({ length: 5 }, () => response(r, { frequency: "wekelijks" })))];
  const files = [1, 2, 3, 4, 5, 6].map(file);
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-dataset-counts").waitFor();
  await page.locator("#import-files").setInputFiles(
    files.map(([name, f]) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(f)) })),
  );
  await page.locator(".import-progress", { hasText: "6 van 6" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n").waitFor();
  await page.locator("#rounds-by-import").check();
  const all = page.locator("#round-a-all");
  await all.check();
  const boxesA = page.locator("input[id^=round-a-import-]");
  assert.equal(await boxesA.count(), 6);
  for (const box of await boxesA.all()) assert.equal(await box.isChecked(), true);
  // One file taken out of measurement A for B: the box for all is no longer ticked.
  const last = page.locator("label", { hasText: /^team-6\.samenscan\.json/ });
  await page.locator(`#${await last.first().getAttribute("for")}`).uncheck();
  assert.equal(await all.isChecked(), false);
  await page.locator(`#${(await last.nth(1).getAttribute("for"))}`).check();
  const caption = await page.locator("#rounds-caption").innerText();
  assert.match(caption, /5 bestanden: team-\d\.samenscan\.json, team-\d\.samenscan\.json, team-\d\.samenscan\.json en 2 andere/);
  assert.match(caption, /1 bestand: team-6\.samenscan\.json/);
  assert.deepEqual(await page.locator("#rounds-table tbody tr").nth(0).locator("td").allInnerTexts(), ["25", "5", "-20"]);
  // Unticking the box for all empties measurement A.
  await all.check();
  await all.uncheck();
  for (const box of await boxesA.all()) assert.equal(await box.isChecked(), false);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a round beside the full report gives no small group away", async () => {
  const r = rng(41);
  // October: one worker of Apeldoorn (grade 2) and five of Epe; November: five of Apeldoorn.
  // The full report shows Apeldoorn (6) and November would too (5): their difference would be
  // that one October worker's grade.
  const oct = (team, grade) => ({ ...response(r, { frequency: "wekelijks", team, grade }), updated_at: "2026-10-15T10:00:00Z" });
  const nov = (team, grade) => ({ ...response(r, { frequency: "wekelijks", team, grade }), updated_at: "2026-11-15T10:00:00Z" });
  const list = [oct("apeldoorn", 2), ...Array.from({ length: 5 }, () => oct("epe", 7)), ...Array.from({ length: 5 }, () => nov("apeldoorn", 8))];
  const { context, page, errors } = await open(env.browser, env.server.url);
  await roundsByPeriod(page, [["lek.samenscan.json", exportFile(list)]], ["2026-10-01", "2026-10-31"], ["2026-11-01", "2026-11-30"]);
  // The whole rounds are large enough (6 and 5, nothing outside them): shown.
  assert.deepEqual(await page.locator("#rounds-table tbody tr").nth(0).locator("td").allInnerTexts(), ["6", "5", "-1"]);
  // October's one Apeldoorn worker makes the municipality split unsafe in the rounds: it is
  // named as not compared per group, with the reason, and drawn nowhere.
  const hidden = await page.locator("#rounds-splits-hidden").innerText();
  assert.match(hidden, /^Deze indelingen worden niet per groep vergeleken\. .*minder dan 5/);
  assert.ok(
    (await page.locator("#rounds-splits-hidden li").allInnerTexts()).includes("In welke gemeente werkt u het meest?"),
  );
  // No "verborgen" is drawn under the split tables, so no note explains it there.
  assert.doesNotMatch(await page.locator("#rounds-splits").innerText(), /‘verborgen’/);
  assert.equal(await page.locator(".rounds-split", { hasText: "gemeente" }).count(), 0);
  assert.equal(await page.locator("#rounds-splits th", { hasText: /^Apeldoorn$/ }).count(), 0);
  assert.doesNotMatch(await page.locator("#rounds-splits").innerText(), /Apeldoorn/);
  // Both rounds' distributions are shown (each round and the rest are large enough).
  assert.equal(await page.locator("#rounds-distribution-table tbody tr").count(), 10);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("many different open answers: the 20 most given first, the rest behind a button", async () => {
  const r = rng(23);
  // 30 responses from one organisation, 25 different strengths, one of them given six times.
  const list = Array.from({ length: 30 }, (_, i) => {
    const x = response(r, { org: "gi" }, 7);
    x.answers.strengths = i < 6 ? "Korte lijnen." : `Sterk punt nummer ${String(i).padStart(2, "0")}.`;
    // Typed in two lines: shown in two.
    if (i === 29) x.answers.strengths = "Sterk punt nummer 29.\nEn een tweede regel.";
    return x;
  });
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-files").setInputFiles([
    { name: "veel.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exportFile(list))) },
  ]);
  await page.locator("#import-dataset-counts", { hasText: "30 afgeronde enquêtes" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#open-by").selectOption("org");
  const group = page.locator(".open-group", { has: page.locator("h3", { hasText: /^Gecertificeerde instelling/ }) });
  const answers = group.locator("ul.open-answers").first().locator("li");
  // Headed by the question alone: the instruction to whoever answered is not repeated per group.
  assert.equal(await group.locator("h4").first().innerText(), "Wat gaat er goed in de samenwerking?");
  await answers.first().waitFor();
  assert.equal(await answers.count(), 20);
  assert.equal(await answers.first().innerText(), "Korte lijnen. (6×)");
  const more = group.getByRole("button", { name: "Alle 25 verschillende antwoorden tonen" });
  assert.equal(await more.getAttribute("aria-expanded"), "false");
  // By keyboard: the list is drawn again, and focus stays on its button (now "fewer").
  await more.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Minder antwoorden tonen");
  assert.equal(await answers.count(), 25);
  assert.equal(await answers.last().innerText(), "Sterk punt nummer 29.\nEn een tweede regel.");
  const fewer = group.getByRole("button", { name: "Minder antwoorden tonen" });
  assert.equal(await fewer.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Alle 25 verschillende antwoorden tonen");
  assert.equal(await answers.count(), 20);
  await fewer.or(more).click();
  assert.equal(await answers.count(), 25, "and by mouse");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an open answer is not tied to a small combination of groups across the views", async () => {
  const r = rng(31);
  // 16 of the local team (10 in Apeldoorn, 6 in Epe), 7 of the GI (6 in Apeldoorn, 1 in Epe).
  // GI (7) and Epe (7) are each large enough; the GI worker in Epe is one person.
  const cells = [["lokaal_team", "apeldoorn", 10], ["lokaal_team", "epe", 6], ["gi", "apeldoorn", 6], ["gi", "epe", 1]];
  const list = cells.flatMap(([org, team, n]) =>
    Array.from({ length: n }, (_, k) => {
      const x = response(r, { org, team, frequency: "wekelijks" }, 7);
      x.answers.strengths = `Sterk ${org} ${team} ${k}.`;
      return x;
    }),
  );
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-files").setInputFiles([
    { name: "regio.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exportFile(list))) },
  ]);
  await page.locator("#import-dataset-counts", { hasText: "23 afgeronde enquêtes" }).waitFor();
  await page.goto(env.server.url + "#/rapport");
  const group = (name) => page.locator(".open-group", { has: page.locator("h3", { hasText: new RegExp(`^${name}`) }) });
  const items = async (g) => (await g.locator("ul.open-answers").first().locator("li").allInnerTexts()).sort();
  const own = (org, team) => list.filter((x) => x.answers.org === org && (!team || x.answers.team === team)).map((x) => x.answers.strengths).sort();
  // By organisation, the report's own view: every answer under its organisation.
  await page.locator("#open-by").selectOption("org");
  await group("Gecertificeerde instelling").waitFor();
  assert.deepEqual(await items(group("Gecertificeerde instelling")), own("gi"));
  assert.deepEqual(await items(group("Lokaal team")), own("lokaal_team"));
  assert.equal(await group("Niet onder een groep").count(), 0);
  assert.equal(await page.locator("#open-apart-note").count(), 0, "no note when every answer is under its group");
  // By municipality: Epe lists its local team's answers, not the GI worker's, which stands apart.
  await page.locator("#open-by").selectOption("team");
  await group("Epe").waitFor();
  const lone = own("gi", "epe")[0];
  assert.deepEqual(await items(group("Epe")), own("lokaal_team", "epe"));
  // The municipalities nobody is in are named together in one line, not a block each.
  assert.equal(await group("Berkelland").count(), 0);
  const nobody = await page.locator("#open-nobody").innerText();
  assert.match(nobody, /^Zonder antwoorden \(20\): Aalten, Berkelland, .*, Zutphen\.$/);
  assert.ok(!/Apeldoorn|Epe\b/.test(nobody), nobody);
  // Told above the groups that some answers are at the end: after the line of empty groups.
  assert.match(await page.locator("#open-apart-note").innerText(), /onder ‘Niet onder een groep’/);
  assert.ok(await page.evaluate(() => {
    const apart = [...document.querySelectorAll(".open-group")].at(-1);
    return apart.querySelector("h3").textContent === "Niet onder een groep"
      && !!(document.querySelector("#open-nobody").compareDocumentPosition(apart) & Node.DOCUMENT_POSITION_FOLLOWING);
  }), "the answers apart come last");
  const apart = group("Niet onder een groep");
  assert.match(await apart.innerText(), /naar minder dan 5 mensen te herleiden/);
  assert.ok((await items(apart)).includes(lone), await apart.innerText());
  // Every answer is listed once in this view: under its municipality or apart.
  const shown = [...(await items(group("Apeldoorn"))), ...(await items(group("Epe"))), ...(await items(apart))].sort();
  assert.deepEqual(shown, list.map((x) => x.answers.strengths).sort());
  assert.deepEqual(await axeViolations(page), []);
  // In English too.
  await page.getByRole("button", { name: "English" }).click();
  await group("Not under a group").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a questionnaire without English texts: the English report marks them as Dutch", async () => {
  // A region's own definition, its open question and first meeting question in Dutch only.
  const q = structuredClone(QUESTIONNAIRE);
  q.id = "ketenkaart";
  q.title = { nl: "Ketenkaart" };
  const strengths = q.sections.flatMap((s) => s.items).find((i) => i.id === "strengths");
  strengths.label = { nl: "Wat gaat goed?" };
  q.meeting_questions[0].label = { nl: "Hoe verloopt het samenwerken?" };
  q.factors[0].label = { nl: "Kennen en gekend worden" };
  q.sections.flatMap((s) => s.items).find((i) => i.id === "org").options.find((o) => o.value === "lokaal_team").label = { nl: "Wijkteam" };
  const r = rng(7);
  const responses = Array.from({ length: 6 }, () => {
    const x = response(r, { org: "lokaal_team", team: "epe", strengths: "Korte lijnen met VT" });
    x.questionnaire = { id: "ketenkaart", version: 1 };
    return x;
  });
  const meeting = {
    id: "5f0c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b11", revision: 1, updated_at: "2026-01-26T10:00:00Z",
    status: "complete", questionnaire: { id: "ketenkaart", version: 1 }, municipality: "epe",
    date: "2026-01-25", attendance: { lokaal_team: 3 }, notes: { [q.meeting_questions[0].id]: "Goed, korte lijnen." },
    cases: [], actions: [], strengths: [], concerns: [],
  };
  const file = { ...exportFile(responses, [meeting]), questionnaires: [q] };
  const { context, page, errors } = await open(env.browser, env.server.url);
  await page.goto(env.server.url + "#/importeren");
  await page.locator("#import-files").setInputFiles([
    { name: "keten.samenscan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) },
  ]);
  await page.locator(".import-progress", { hasText: "1 van 1" }).waitFor();
  await page.getByRole("button", { name: "English" }).click();
  await page.goto(env.server.url + "#/rapport");
  await page.locator("#report-n").waitFor();
  const heading = page.locator("h4", { hasText: "Wat gaat goed?" }).first();
  await heading.waitFor();
  assert.equal(await heading.getAttribute("lang"), "nl");
  // English texts stay unmarked.
  const concerns = page.locator("h4", { hasText: QUESTIONNAIRE.sections.flatMap((s) => s.items).find((i) => i.id === "concerns").label.en.slice(0, 20) });
  if (await concerns.count()) assert.equal(await concerns.first().getAttribute("lang"), null);
  // Row headers of the theme table and of a split table.
  assert.equal(await page.locator("#factor-table th", { hasText: "Kennen en gekend worden" }).getAttribute("lang"), "nl");
  const group = page.locator("table th[scope=row]", { hasText: /^Wijkteam$/ }).first();
  await group.waitFor();
  assert.equal(await group.getAttribute("lang"), "nl");
  // Another questionnaire's grade may be for anything: not called the collaboration's.
  assert.equal(await page.locator(".summary-row", { has: page.locator("#report-grade") }).locator("dt").innerText(), "Grade");
  const question = page.locator("dt", { hasText: "Hoe verloopt het samenwerken?" });
  await question.waitFor();
  assert.equal(await page.locator(".summary-row", { has: page.locator(".synthesis-grade") }).locator("dt").innerText(), "Grade");
  assert.equal(await question.getAttribute("lang"), "nl");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.deepEqual(errors, []);
  await context.close();
});
