//! CSV export for Excel, SPSS and R (design §4): one row per complete response, one column per
//! item, answers as codes or as labels; and a codebook describing every column. UTF-8 with a
//! byte-order mark (Excel needs it to read UTF-8), comma or semicolon separated (Dutch Excel
//! expects semicolons), CRLF line ends (RFC 4180).
//!
//! Conventions, written in the codebook too: an empty cell is "not answered" (or not asked);
//! `nvt` is a likert "not applicable"; a multi-choice answer is its codes (or labels) joined by
//! ` | `. A free-text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets
//! a leading `'`, so a spreadsheet never runs it as a formula.

use super::sorting;
use serde_json::Value;

use super::format::format_plain;
use super::lang::Lang;
use super::questionnaire::{Item, ItemKind, Questionnaire, ShowValue};
use super::response::{Response, Status, Timestamp};
use super::scoring::{ScoreBuffers, Scorer};

/// The byte-order mark that makes Excel read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The column separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `,` (international).
    Comma,
    /// `;` (what Dutch Excel expects).
    Semicolon,
}

impl Separator {
    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// How to write the CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    /// Labels (in `lang`) instead of codes for choice, multi and likert "not applicable".
    pub labels: bool,
    /// The separator.
    pub separator: Separator,
    /// The language of labels and of the codebook.
    pub lang: Lang,
}

/// One field, made safe from formula injection ([`defused`]), and quoted when it holds the
/// separator, a quote, a line break or surrounding spaces. Every cell goes through here: a
/// questionnaire travels as a file, so its item ids, option codes and labels (headers, codes,
/// the codebook) are as untrusted as free text.
fn field(text: &str, sep: char) -> String {
    let text = &defused(text);
    let needs = text.contains(sep)
        || text.contains('"')
        || text.contains('\n')
        || text.contains('\r')
        || text.starts_with(' ')
        || text.ends_with(' ');
    if needs {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Text made safe from formula injection: a cell a spreadsheet would run as a formula gets an
/// apostrophe in front. A plain number ("-3", "-2,5") is left as it is: a spreadsheet reads it
/// as the number it is.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// An optional minus, digits, and at most one decimal point or comma between digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once(['.', ',']).unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

fn row(cells: &[String], sep: char) -> String {
    let mut line = cells
        .iter()
        .map(|c| field(c, sep))
        .collect::<Vec<_>>()
        .join(&sep.to_string());
    line.push_str("\r\n");
    line
}

const NOT_APPLICABLE: &str = "nvt";
const FIXED_COLUMNS: [&str; 6] = [
    "response_id",
    "questionnaire",
    "version",
    "revision",
    "updated_at",
    "status",
];

fn option_text(item: &Item, code: &str, options: &CsvOptions) -> String {
    if options.labels {
        item.option(code)
            .map(|o| o.label.get(options.lang).to_string())
            .unwrap_or_else(|| code.to_string())
    } else {
        code.to_string()
    }
}

fn number_text(x: &serde_json::Number, separator: Separator) -> String {
    // Whole numbers as whole numbers; decimals with a dot (every statistics package reads it),
    // or with a comma beside semicolons: Dutch Excel, which reads `;` as its list separator,
    // reads `12.5` as text (or a date), `12,5` as the number.
    let text = x.to_string();
    match separator {
        Separator::Comma => text,
        Separator::Semicolon => text.replace('.', ","),
    }
}

fn answer_text(item: &Item, answer: Option<&Value>, options: &CsvOptions) -> String {
    let Some(answer) = answer else {
        return String::new();
    };
    match (&item.kind, answer) {
        (ItemKind::Likert { .. }, Value::Null) => {
            if options.labels {
                match options.lang {
                    Lang::Nl => "niet van toepassing".into(),
                    Lang::En => "not applicable".into(),
                }
            } else {
                NOT_APPLICABLE.into()
            }
        }
        (_, Value::Null) => String::new(),
        (ItemKind::Choice { .. }, Value::String(code)) => option_text(item, code, options),
        // In the definition's option order, whatever order they were ticked in: the same set
        // of answers is the same cell (a category in SPSS or R), and options the definition
        // lacks come last as written.
        (ItemKind::Multi { options: defined }, Value::Array(codes)) => {
            let given: Vec<&str> = codes.iter().filter_map(Value::as_str).collect();
            defined
                .iter()
                .map(|o| o.value.as_str())
                .filter(|v| given.contains(v))
                .chain(
                    given
                        .iter()
                        .copied()
                        .filter(|c| !defined.iter().any(|o| o.value == *c)),
                )
                .map(|c| option_text(item, c, options))
                .collect::<Vec<_>>()
                .join(" | ")
        }
        (_, Value::Number(x)) => number_text(x, options.separator),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

/// The data file: a header of column names (the item ids), then one row per complete response
/// to this questionnaire (id and version) that fits its definition, ordered by response id. Withdrawn responses and drafts
/// never appear.
pub fn responses_csv<'r>(
    questionnaire: &Questionnaire,
    responses: impl IntoIterator<Item = &'r Response>,
    options: &CsvOptions,
) -> String {
    let sep = options.separator.char();
    let items: Vec<&Item> = questionnaire.items().collect();
    let mut header: Vec<String> = FIXED_COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(items.iter().map(|i| i.id.clone()));
    let mut out = String::from(BOM);
    out.push_str(&row(&header, sep));
    let reference = questionnaire.reference();
    let scorer = Scorer::new(questionnaire);
    // The responses the report counts: one that does not fit this definition is left out
    // there (see `ResponseScores::fits`), and its values would not be in the codebook.
    let mut buffers = ScoreBuffers::default();
    let mut counted: Vec<&Response> = Vec::new();
    for r in responses {
        if r.status == Status::Complete
            && r.questionnaire == reference
            && scorer.score_into(&r.answers, &mut buffers, |_, _| {}).fits
        {
            counted.push(r);
        }
    }
    sorting::sort_by(&mut counted, |a, b| a.id.cmp(&b.id));
    for r in counted {
        let mut cells = vec![
            r.id.clone(),
            questionnaire.id().to_string(),
            questionnaire.version().to_string(),
            r.revision.to_string(),
            // Validated on import; written in UTC as the codebook says.
            Timestamp::parse(&r.updated_at)
                .map_or_else(|| r.updated_at.to_string(), |t| t.to_utc_string()),
            "complete".to_string(),
        ];
        cells.extend(
            items
                .iter()
                .map(|i| answer_text(i, r.answers.get(i.id.as_str()), options)),
        );
        out.push_str(&row(&cells, sep));
    }
    out
}

/// A table as CSV for Excel: a byte order mark, the header, then one line per row, every cell
/// quoted as needed and defused as a formula (as the responses' CSV). The meetings' actions
/// for follow-up are written so.
///
/// ```
/// use samenscan::domain::csv::{table_csv, Separator};
/// let csv = table_csv(&["gemeente", "actie"], &[vec!["Epe".into(), "=1+1; bellen".into()]], Separator::Semicolon);
/// assert_eq!(csv, "\u{feff}gemeente;actie\r\nEpe;\"'=1+1; bellen\"\r\n");
/// ```
pub fn table_csv(header: &[&str], rows: &[Vec<String>], separator: Separator) -> String {
    let sep = separator.char();
    let mut out = String::from(BOM);
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    out.push_str(&row(&header, sep));
    for cells in rows {
        out.push_str(&row(cells, sep));
    }
    out
}

/// The codebook: one row per column of the data file with its question, kind, codes, factor,
/// scoring direction and the answer it is asked after (`show_if`), and the questionnaire's id
/// and version on every row.
pub fn codebook_csv(questionnaire: &Questionnaire, options: &CsvOptions) -> String {
    let sep = options.separator.char();
    let lang = options.lang;
    let nl = lang == Lang::Nl;
    let header: Vec<String> = if nl {
        [
            "kolom",
            "vraag",
            "soort",
            "codes",
            "factor",
            "omgekeerd",
            "vragenlijst",
            "versie",
            "voorwaarde",
        ]
    } else {
        [
            "column",
            "question",
            "kind",
            "codes",
            "factor",
            "reverse",
            "questionnaire",
            "version",
            "condition",
        ]
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut out = String::from(BOM);
    out.push_str(&row(&header, sep));
    let id = questionnaire.id().to_string();
    let version = questionnaire.version().to_string();
    let fixed: [(&str, &str, &str); 6] = [
        (
            "response_id",
            "Id van de ingevulde enquête",
            "Id of the response",
        ),
        (
            "questionnaire",
            "Id van de vragenlijst",
            "Id of the questionnaire",
        ),
        (
            "version",
            "Versie van de vragenlijst",
            "Version of the questionnaire",
        ),
        (
            "revision",
            "Hoe vaak de enquête is gewijzigd",
            "How often the response was changed",
        ),
        ("updated_at", "Laatst gewijzigd (UTC)", "Last changed (UTC)"),
        (
            "status",
            "Altijd complete: alleen afgeronde enquêtes",
            "Always complete: finished responses only",
        ),
    ];
    for (column, dutch, english) in fixed {
        let question = if nl { dutch } else { english };
        out.push_str(&row(
            &[
                column.into(),
                question.into(),
                "meta".into(),
                String::new(),
                String::new(),
                String::new(),
                id.clone(),
                version.clone(),
                String::new(),
            ],
            sep,
        ));
    }
    for item in questionnaire.items() {
        let codes = match &item.kind {
            ItemKind::Choice { options } => options
                .iter()
                .map(|o| format!("{} = {}", o.value, o.label.get(lang)))
                .collect::<Vec<_>>()
                .join("; "),
            // The data file joins the chosen codes of one answer with " | ".
            ItemKind::Multi { options } => format!(
                "{}{}",
                options
                    .iter()
                    .map(|o| format!("{} = {}", o.value, o.label.get(lang)))
                    .collect::<Vec<_>>()
                    .join("; "),
                if nl {
                    " (meer keuzes gescheiden door \" | \")"
                } else {
                    " (several choices separated by \" | \")"
                }
            ),
            ItemKind::Grade { min, max } => format!("{min}–{max}"),
            ItemKind::Likert { .. } => {
                if nl {
                    "1 = helemaal oneens … 5 = helemaal eens; nvt = niet van toepassing".into()
                } else {
                    "1 = strongly disagree … 5 = strongly agree; nvt = not applicable".into()
                }
            }
            ItemKind::Number { min, max } => match (min, max) {
                (Some(a), Some(b)) => format!("{}–{}", format_plain(*a), format_plain(*b)),
                _ => String::new(),
            },
            ItemKind::Text => String::new(),
        };
        let (factor, reverse) = match &item.kind {
            ItemKind::Likert { factor, reverse } => (
                factor.clone().unwrap_or_default(),
                match (reverse, nl) {
                    (true, true) => "ja (score = 6 − antwoord)".to_string(),
                    (true, false) => "yes (score = 6 − answer)".to_string(),
                    (false, true) => "nee".to_string(),
                    (false, false) => "no".to_string(),
                },
            ),
            _ => (String::new(), String::new()),
        };
        // An item asked only after a given answer: its empty cells of the others were never
        // asked, which an analyst cannot tell from the data alone.
        // Its values as the data file writes that item's answers: codes or labels, decimals
        // with the separator's decimal mark.
        let condition = item.show_if.as_ref().map_or_else(String::new, |c| {
            let asked = questionnaire.item(&c.item);
            let values = c
                .values
                .iter()
                .map(|v| match (v, asked) {
                    // A label may hold " of " itself ("Gemeente of regio"): quoted.
                    (ShowValue::Text(code), Some(asked)) if options.labels => {
                        format!("‘{}’", option_text(asked, code, options))
                    }
                    (ShowValue::Text(code), Some(asked)) => option_text(asked, code, options),
                    (ShowValue::Text(text), None) => text.clone(),
                    (ShowValue::Number(x), _) => number_text(x, options.separator),
                })
                .collect::<Vec<_>>()
                .join(if nl { " of " } else { " or " });
            let multi = asked.is_some_and(|i| matches!(i.kind, ItemKind::Multi { .. }));
            match (multi, nl) {
                (false, true) => format!("alleen gevraagd als {} = {values}", c.item),
                (false, false) => format!("only asked if {} = {values}", c.item),
                (true, true) => format!("alleen gevraagd als bij {} gekozen: {values}", c.item),
                (true, false) => format!("only asked if {} includes {values}", c.item),
            }
        });
        out.push_str(&row(
            &[
                item.id.clone(),
                item.label.get(lang).to_string(),
                item.kind.name().to_string(),
                codes,
                factor,
                reverse,
                id.clone(),
                version.clone(),
                condition,
            ],
            sep,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_number_stays_a_number_and_a_formula_is_defused() {
        for number in ["-3", "-2,5", "-0.125", "12"] {
            assert_eq!(field(number, ';'), number);
        }
        for formula in ["-1+2", "-", "-,5", "=1", "+31 6", "@SUM(1)", "-3,5,2"] {
            assert_eq!(field(formula, ';'), format!("'{formula}"));
        }
    }
}
