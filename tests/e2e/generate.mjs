// Seeded generator of exchange files (design §3) for the built-in questionnaire: the data of the
// report tests and of the benchmark. Every answer follows the questionnaire (kinds, ranges,
// show_if), read from the same JSON file the app compiles in, so the app accepts every record.
import { readFileSync } from "node:fs";

export const QUESTIONNAIRE = JSON.parse(
  readFileSync(new URL("../../src/domain/default_questionnaire.json", import.meta.url), "utf8"),
);

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same data. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/** A version 4 UUID from the PRNG. */
function uuid(r) {
  const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16));
  hex[12] = "4";
  hex[16] = ((r.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const ITEMS = QUESTIONNAIRE.sections.flatMap((s) => s.items);
const item = (id) => ITEMS.find((i) => i.id === id);
export const OPTIONS = Object.fromEntries(
  ITEMS.filter((i) => i.options).map((i) => [i.id, i.options.map((o) => o.value)]),
);

const STRENGTHS = ["Korte lijnen.", "We weten elkaar te vinden.", "Snel schakelen bij zorgen.", "Goede overdracht."];
const CONCERNS = ["Wachtlijsten.", "Wisselende contactpersonen.", "Onduidelijk wie regie heeft.", "Te laat betrokken."];

/**
 * One complete response. `fixed` sets answers by item id (e.g. `{ org: "gi", team: "epe" }`);
 * the rest is drawn: grades around `mean` (default 7), likert 1–5 with some "not applicable",
 * texts now and then. Items hidden by `show_if` are left out.
 */
export function response(r, fixed = {}, mean = 7) {
  const answers = {};
  for (const it of ITEMS) {
    if (it.show_if && !it.show_if.in.includes(answers[it.show_if.item])) continue;
    if (it.id in fixed) {
      answers[it.id] = fixed[it.id];
      continue;
    }
    switch (it.kind) {
      case "choice":
        answers[it.id] = r.pick(OPTIONS[it.id]);
        break;
      case "grade":
        answers[it.id] = Math.max(it.min ?? 1, Math.min(it.max ?? 10, Math.round(mean + (r.next() - 0.5) * 4)));
        break;
      case "likert":
        answers[it.id] = r.next() < 0.08 ? null : r.int(1, 5);
        break;
      case "text": {
        const pool = it.id === "concerns" ? CONCERNS : STRENGTHS;
        if (r.next() < 0.4) answers[it.id] = r.pick(pool);
        break;
      }
      default:
        break;
    }
  }
  const day = String(r.int(1, 28)).padStart(2, "0");
  return {
    id: uuid(r),
    questionnaire: { id: QUESTIONNAIRE.id, version: QUESTIONNAIRE.version },
    revision: r.int(1, 40),
    updated_at: `2026-10-${day}T1${r.int(0, 9)}:${String(r.int(10, 59))}:00Z`,
    status: "complete",
    answers,
  };
}

/** An exchange file (as an object) with these responses. */
export function exportFile(responses, meetings = []) {
  return {
    format: "samenscan/export",
    format_version: 1,
    app_version: "0.1.0",
    exported_at: "2026-11-20T12:00:00Z",
    questionnaires: [QUESTIONNAIRE],
    responses,
    meetings,
  };
}

export { item };
