// Converts a Samenscan questionnaire (design §2) into a SurveyJS survey definition, so the
// benchmark can time SurveyJS rendering the same enquête as the app.
//
//   node bench/surveyjs-convert.mjs [questionnaire.json] > survey.json
//
// Without an argument it converts the app's built-in questionnaire
// (src/domain/default_questionnaire.json). The mapping follows how the app shows each kind:
//   section            → a page (SurveyJS skips a page whose questions are all hidden, as the app does)
//   choice             → radiogroup            multi → checkbox
//   grade              → rating min..max (default 1..10), with the app's end labels
//   likert             → a matrix per run of consecutive likert items of a section, one row per
//                        item, columns 1–5 with the app's labels and "Niet van toepassing"
//   number             → text with inputType number, min/max
//   text               → comment (at most 5,000 characters, as in the app)
//   required           → isRequired
//   show_if            → visibleIf `{item} anyof [...]`, joined with the condition of the item it
//                        names (the app hides an item whose condition item is hidden itself)
// Texts carry both languages ({"default": nl, "en": en}); the page sets locale "nl".
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = new URL("..", import.meta.url);

/** The app's own UI strings for the likert scale and grade ends, in both languages. */
function appStrings() {
  const src = readFileSync(new URL("src/ui/i18n.rs", ROOT), "utf8");
  const keys = ["likert_1", "likert_2", "likert_3", "likert_4", "likert_5", "likert_na", "grade_low", "grade_high"];
  const out = {};
  for (const key of keys) {
    // The Dutch messages come first in the file, the English ones second.
    const found = [...src.matchAll(new RegExp(`^\\s*${key}: "([^"]*)",`, "gm"))].map((m) => m[1]);
    if (found.length < 2) throw new Error(`i18n.rs: no Dutch and English ${key}`);
    out[key] = { nl: found[0], en: found[1] };
  }
  return out;
}

const text = (label) => (label.en && label.en !== label.nl ? { default: label.nl, en: label.en } : label.nl);
const str = (s) => `'${String(s).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** The SurveyJS definition of questionnaire `q`. */
export function toSurveyJs(q, strings = appStrings()) {
  const byId = new Map(q.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
  const condition = (item, seen = new Set()) => {
    if (!item.show_if || seen.has(item.id)) return null;
    seen.add(item.id);
    const own = `{${item.show_if.item}} anyof [${item.show_if.in.map(str).join(", ")}]`;
    const parent = byId.get(item.show_if.item);
    const further = parent ? condition(parent, seen) : null;
    return further ? `(${own}) and (${further})` : own;
  };
  const withCondition = (element, item) => {
    const c = condition(item);
    if (c) element.visibleIf = c;
    return element;
  };

  const pages = q.sections.map((section) => {
    const elements = [];
    let matrix = null;
    for (const item of section.items) {
      if (item.kind !== "likert") matrix = null;
      const base = { name: item.id, title: text(item.label) };
      if (item.required) base.isRequired = true;
      switch (item.kind) {
        case "choice":
          elements.push(withCondition({ type: "radiogroup", ...base, choices: item.options.map((o) => ({ value: o.value, text: text(o.label) })) }, item));
          break;
        case "multi":
          elements.push(withCondition({ type: "checkbox", ...base, choices: item.options.map((o) => ({ value: o.value, text: text(o.label) })) }, item));
          break;
        case "grade": {
          const min = item.min ?? 1;
          const max = item.max ?? 10;
          elements.push(withCondition({
            type: "rating", ...base, rateMin: min, rateMax: max, rateStep: 1,
            minRateDescription: text(strings.grade_low), maxRateDescription: text(strings.grade_high),
          }, item));
          break;
        }
        case "likert": {
          const row = withCondition({ value: item.id, text: text(item.label) }, item);
          if (!matrix) {
            matrix = {
              type: "matrix",
              name: `likert_${section.id}_${elements.length}`,
              title: " ",
              titleLocation: "hidden",
              columns: [
                ...[1, 2, 3, 4, 5].map((v) => ({ value: v, text: text(strings[`likert_${v}`]) })),
                { value: "nvt", text: text(strings.likert_na) },
              ],
              rows: [],
            };
            elements.push(matrix);
          }
          matrix.rows.push(row);
          if (item.required) matrix.isAllRowRequired = true;
          break;
        }
        case "number": {
          const el = { type: "text", inputType: "number", ...base };
          if (item.min !== undefined) el.min = item.min;
          if (item.max !== undefined) el.max = item.max;
          elements.push(withCondition(el, item));
          break;
        }
        case "text":
          elements.push(withCondition({ type: "comment", ...base, maxLength: 5000 }, item));
          break;
        default:
          throw new Error(`unknown item kind ${item.kind} (${item.id})`);
      }
    }
    // A matrix whose rows all share one condition takes it as its own, so it hides whole, like
    // the app's page hides those questions; otherwise each row keeps its own.
    for (const el of elements) {
      if (el.type !== "matrix") continue;
      const conditions = new Set(el.rows.map((r) => r.visibleIf ?? ""));
      if (conditions.size === 1 && el.rows[0].visibleIf) {
        el.visibleIf = el.rows[0].visibleIf;
        for (const r of el.rows) delete r.visibleIf;
      }
    }
    return { name: section.id, title: text(section.title), elements };
  });

  return {
    title: text(q.title),
    locale: "nl",
    showProgressBar: "top",
    progressBarType: "pages",
    checkErrorsMode: "onNextPage",
    pages,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.argv[2] ?? fileURLToPath(new URL("src/domain/default_questionnaire.json", ROOT));
  const q = JSON.parse(readFileSync(path, "utf8"));
  process.stdout.write(JSON.stringify(toSurveyJs(q), null, 2) + "\n");
}
