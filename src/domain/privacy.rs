//! Likely personal data in free text (design §5): e-mail addresses, Dutch phone numbers, BSN
//! numbers that pass the 11-test, bank account numbers (IBAN), case and file numbers after the
//! word for them, postcodes with a house number, streets with a house number, dates (of birth),
//! and names after words such as "mevrouw", "meneer" or "cliënt", after initials or before an
//! age. Before export the person sees every finding and may edit it, so a finding is a hint, not
//! a verdict: the scanners aim to catch what identifies a family while staying quiet on the
//! numbers youth-care texts are full of (times, amounts, years, counts, team names).
//!
//! The scanners are hand-written over characters (no `regex` crate: it would swell the wasm
//! build) and run in linear time. This module only finds; it never changes text, and it does not
//! decide whether an export may go ahead (the export screen does, with the person).

use super::sorting;
use std::collections::BTreeMap;

use super::lang::Lang;
use super::meeting::Meeting;
use super::questionnaire::{ItemKind, MeetingQuestion, Questionnaire};
use super::response::Response;

/// What kind of personal data a finding looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// An e-mail address.
    Email,
    /// A bank account number: an IBAN of any country that passes the ISO 13616 check (mod 97),
    /// or one in the shape of a Dutch account whatever its check digits.
    Iban,
    /// A Dutch phone number (mobile, landline, `+31`/`0031` forms).
    Phone,
    /// Nine digits (or eight, read with a leading zero) that pass the BSN 11-test.
    Bsn,
    /// A case, file or client number after the word for it ("dossiernummer 2023-1234",
    /// "zaaknr. VT-2024-00123"): it finds the family in the organisation's own system.
    CaseNumber,
    /// A postcode with a house number: an address.
    PostcodeWithNumber,
    /// A postcode alone, in capitals ("woont in 7325 XK"): a few streets' worth of houses.
    Postcode,
    /// A street with a house number, without a postcode ("Dorpsstraat 12", "Van Goghlaan 3a"):
    /// an address too.
    StreetWithNumber,
    /// A date with a word nearby that marks it as a date of birth ("geboren", "geb.", "born").
    DateOfBirth,
    /// A full date (day, month, year) without such a word: possibly a date of birth.
    Date,
    /// A capitalised name after a title or role ("mevrouw Jansen", "cliënt Fatima El Amrani"),
    /// after a title also in lower case ("mevrouw jansen"), after initials ("J. de Vries") or
    /// before an age ("Lotte (9)").
    Name,
}

impl FindingKind {
    /// Which finding wins when two overlap: the more specific one (lower is stronger).
    fn strength(self) -> u8 {
        match self {
            FindingKind::Email => 0,
            // Before phone numbers: an IBAN's digit groups read like one ("0417 1643 00").
            FindingKind::Iban => 1,
            FindingKind::Phone => 2,
            FindingKind::Bsn => 3,
            FindingKind::CaseNumber => 4,
            // One strength: the longer wins ("7325 XK 12" over "7325 XK").
            FindingKind::PostcodeWithNumber | FindingKind::Postcode => 5,
            FindingKind::StreetWithNumber => 6,
            FindingKind::DateOfBirth => 7,
            FindingKind::Date => 8,
            FindingKind::Name => 9,
        }
    }
}

/// One piece of text that looks like personal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it looks like.
    pub kind: FindingKind,
    /// Byte offset of the first byte in the scanned text.
    pub start: usize,
    /// Byte offset just past the last byte (`&text[start..end]` is the match).
    pub end: usize,
    /// Character (Unicode scalar) offset of the first character, for UIs that count characters.
    pub char_start: usize,
    /// Character offset just past the last character.
    pub char_end: usize,
    /// The matched text.
    pub text: String,
}

impl Finding {
    /// What was found and what to do, in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let t = &self.text;
        let nl = lang == Lang::Nl;
        match (self.kind, nl) {
            (FindingKind::Email, true) => format!("“{t}” lijkt een e-mailadres."),
            (FindingKind::Email, false) => format!("“{t}” looks like an e-mail address."),
            (FindingKind::Phone, true) => format!("“{t}” lijkt een telefoonnummer."),
            (FindingKind::Phone, false) => format!("“{t}” looks like a phone number."),
            (FindingKind::Bsn, true) => {
                format!("“{t}” lijkt een burgerservicenummer (BSN).")
            }
            (FindingKind::Bsn, false) => {
                format!("“{t}” looks like a citizen service number (BSN).")
            }
            (FindingKind::Iban, true) => format!("“{t}” lijkt een rekeningnummer (IBAN)."),
            (FindingKind::Iban, false) => {
                format!("“{t}” looks like a bank account number (IBAN).")
            }
            (FindingKind::CaseNumber, true) => {
                format!("“{t}” lijkt een dossier-, zaak- of cliëntnummer.")
            }
            (FindingKind::CaseNumber, false) => {
                format!("“{t}” looks like a case, file or client number.")
            }
            (FindingKind::PostcodeWithNumber, true) => {
                format!("“{t}” lijkt een adres (postcode met huisnummer).")
            }
            (FindingKind::PostcodeWithNumber, false) => {
                format!("“{t}” looks like an address (postcode with house number).")
            }
            (FindingKind::Postcode, true) => format!("“{t}” lijkt een postcode."),
            (FindingKind::Postcode, false) => format!("“{t}” looks like a postcode."),
            (FindingKind::StreetWithNumber, true) => {
                format!("“{t}” lijkt een adres (straat met huisnummer).")
            }
            (FindingKind::StreetWithNumber, false) => {
                format!("“{t}” looks like an address (street with house number).")
            }
            (FindingKind::DateOfBirth, true) => format!("“{t}” lijkt een geboortedatum."),
            (FindingKind::DateOfBirth, false) => format!("“{t}” looks like a date of birth."),
            (FindingKind::Date, true) => {
                format!("“{t}” is een datum. Is het een geboortedatum? Haal hem dan weg.")
            }
            (FindingKind::Date, false) => {
                format!("“{t}” is a date. Is it a date of birth? Then remove it.")
            }
            (FindingKind::Name, true) => format!("“{t}” lijkt een naam."),
            (FindingKind::Name, false) => format!("“{t}” looks like a name."),
        }
    }
}

/// A finding in one field of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldFinding {
    /// Where: an item id for a response (`strengths`), a path for a meeting (`notes.m1`,
    /// `cases[0].summary`, `actions[2].text`, `concerns[1]`).
    pub field: String,
    /// What was found, with offsets into that field's text.
    pub finding: Finding,
}

/// Every likely piece of personal data in `text`, in text order, without overlaps (where two
/// scanners match the same characters, the more specific kind is kept).
///
/// ```
/// use samenscan::domain::privacy::{scan, FindingKind};
/// let found = scan("Bel mevrouw Jansen op 06-12345678.");
/// let kinds: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [FindingKind::Name, FindingKind::Phone]);
/// ```
pub fn scan(text: &str) -> Vec<Finding> {
    let t = Text::new(text);
    let mut raw: Vec<(FindingKind, usize, usize)> = Vec::new();
    emails(&t, &mut raw);
    disguised_emails(&t, &mut raw);
    ibans(&t, &mut raw);
    phones(&t, &mut raw);
    bsns(&t, &mut raw);
    case_numbers(&t, &mut raw);
    postcodes(&t, &mut raw);
    streets(&t, &mut raw);
    dates(&t, &mut raw);
    names(&t, &mut raw);
    names_with_age(&t, &mut raw);
    names_after_initials(&t, &mut raw);
    names_before_dates(&t, &mut raw);
    full_names(&t, &mut raw);
    first_names(&t, &mut raw);
    names_before_family(&t, &mut raw);
    // Stronger kinds first, then longer, then earlier; keep each that overlaps nothing kept.
    sorting::sort_by_key(&mut raw, |&(kind, s, e)| {
        (kind.strength(), std::cmp::Reverse(e - s), s)
    });
    // Kept ranges never overlap, so only the nearest kept range on each side can collide.
    let mut kept: BTreeMap<usize, (usize, FindingKind)> = BTreeMap::new();
    for (kind, s, e) in raw {
        let left_free = kept
            .range(..s)
            .next_back()
            .is_none_or(|(_, &(ke, _))| ke <= s);
        let right_free = kept.range(s..).next().is_none_or(|(&ks, _)| e <= ks);
        if left_free && right_free && e > s {
            kept.insert(s, (e, kind));
        }
    }
    kept.into_iter()
        .map(|(s, (e, kind))| Finding {
            kind,
            start: t.byte(s),
            end: t.byte(e),
            char_start: s,
            char_end: e,
            text: t.slice(s, e).to_string(),
        })
        .collect()
}

/// The sentences of `text` that hold `needle`, each once, in order: what a person's decision
/// on a finding rests on. A decision holds while these stay as they are, so an edit elsewhere
/// in the same answer keeps it, and an edit around the finding asks again ("12-03-2015" kept
/// as an event date, then "geboren" written beside it). A sentence ends at a line break or at
/// '.', '!' or '?' before white space.
///
/// ```
/// use samenscan::domain::privacy::sentences_with;
/// let text = "Bel 088-1234500. Mail trainingen@vt.nl of bel 088-1234500!\nGroet";
/// assert_eq!(
///     sentences_with(text, "088-1234500"),
///     ["Bel 088-1234500.", " Mail trainingen@vt.nl of bel 088-1234500!"]
/// );
/// ```
pub fn sentences_with<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| {
        bytes[i] == b'\n'
            || (matches!(bytes[i], b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()))
    };
    let mut out: Vec<&str> = Vec::new();
    if needle.is_empty() {
        return out;
    }
    for (at, _) in text.match_indices(needle) {
        let start = (0..at)
            .rev()
            .find(|&i| ends_sentence(i))
            .map_or(0, |i| i + 1);
        let end = (at + needle.len()..bytes.len())
            .find(|&i| ends_sentence(i))
            .map_or(bytes.len(), |i| i + 1);
        let sentence = &text[start..end];
        if !out.contains(&sentence) {
            out.push(sentence);
        }
    }
    out
}

/// The findings in a response's free-text answers (items of kind `text`), in questionnaire order.
pub fn scan_response(questionnaire: &Questionnaire, response: &Response) -> Vec<FieldFinding> {
    let mut out = Vec::new();
    for item in questionnaire.items() {
        if !matches!(item.kind, ItemKind::Text) {
            continue;
        }
        if let Some(text) = response
            .answers
            .get(item.id.as_str())
            .and_then(|v| v.as_str())
        {
            push_field(&mut out, &item.id, text);
        }
    }
    out
}

/// The findings in a meeting's free text in the order the facilitator sees it: the notes in the
/// order of the definition's meeting `questions` (notes to questions it does not have after them),
/// then cases, strengths, concerns and actions, as the meeting form lists them.
pub fn scan_meeting(meeting: &Meeting, questions: &[MeetingQuestion]) -> Vec<FieldFinding> {
    let mut out = Vec::new();
    let asked = questions.iter().map(|q| q.id.as_str());
    let others = meeting
        .notes
        .keys()
        .map(String::as_str)
        .filter(|id| !questions.iter().any(|q| q.id == *id));
    for question in asked.chain(others) {
        if let Some(text) = meeting.notes.get(question) {
            push_field(&mut out, &format!("notes.{question}"), text);
        }
    }
    for (i, case) in meeting.cases.iter().enumerate() {
        push_field(&mut out, &format!("cases[{i}].summary"), &case.summary);
        push_field(&mut out, &format!("cases[{i}].learning"), &case.learning);
    }
    for (i, s) in meeting.strengths.iter().enumerate() {
        push_field(&mut out, &format!("strengths[{i}]"), s);
    }
    for (i, s) in meeting.concerns.iter().enumerate() {
        push_field(&mut out, &format!("concerns[{i}]"), s);
    }
    for (i, action) in meeting.actions.iter().enumerate() {
        push_field(&mut out, &format!("actions[{i}].text"), &action.text);
    }
    out
}

fn push_field(out: &mut Vec<FieldFinding>, field: &str, text: &str) {
    out.extend(scan(text).into_iter().map(|finding| FieldFinding {
        field: field.to_string(),
        finding,
    }));
}

/// The text as characters with their byte offsets; scanners work in character positions.
struct Text<'a> {
    text: &'a str,
    chars: Vec<char>,
    bytes: Vec<usize>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        let (bytes, chars) = text.char_indices().unzip();
        Text { text, chars, bytes }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }
    fn byte(&self, i: usize) -> usize {
        self.bytes.get(i).copied().unwrap_or(self.text.len())
    }
    fn slice(&self, s: usize, e: usize) -> &'a str {
        &self.text[self.byte(s)..self.byte(e)]
    }
    fn is_digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }
    /// True when position `i` is a letter or digit (so a match may not start right after it or
    /// end right before it). Out of range is false.
    fn is_alnum(&self, i: Option<usize>) -> bool {
        i.and_then(|i| self.at(i))
            .is_some_and(char::is_alphanumeric)
    }
    fn before(i: usize) -> Option<usize> {
        i.checked_sub(1)
    }
    /// True when position `i` is white space within a line: a space, a tab, or a no-break or
    /// narrow space (word processors put those between digit groups).
    fn is_blank(&self, i: usize) -> bool {
        self.at(i).is_some_and(is_blank)
    }
    /// The first position from `i` on that is not white space within a line.
    fn skip_blanks(&self, mut i: usize) -> usize {
        while self.is_blank(i) {
            i += 1;
        }
        i
    }
    /// The first position at or before `i` after which there is only white space within a line
    /// up to `i` (where the word or mark before `i` ends).
    fn skip_blanks_back(&self, mut i: usize) -> usize {
        while i > 0 && self.is_blank(i - 1) {
            i -= 1;
        }
        i
    }
    /// The end of the initials starting at `i` ("J." or "J.P."): `i` when there are none.
    fn initials_end(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(char::is_uppercase) && self.at(i + 1) == Some('.') {
            i += 2;
        }
        i
    }
    /// The end of the run of ASCII digits starting at `i`.
    fn digits_end(&self, mut i: usize) -> usize {
        while self.is_digit(i) {
            i += 1;
        }
        i
    }
    fn digits(&self, s: usize, e: usize) -> String {
        self.chars[s..e].iter().collect()
    }
    /// Every whole word (a run of letters not preceded by a letter or digit), in order, as
    /// (start, end, lower-cased word).
    fn words(&self) -> impl Iterator<Item = (usize, usize, String)> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < self.len() {
                if !self.at(i).is_some_and(char::is_alphabetic) || self.is_alnum(Self::before(i)) {
                    i += 1;
                    continue;
                }
                let start = i;
                while self.at(i).is_some_and(is_letter) {
                    i += 1;
                }
                let word = self.chars[start..i]
                    .iter()
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                return Some((start, i, word));
            }
            None
        })
    }
    /// The lower-cased word (letters only) starting at `start`, and where it ends.
    fn word_at(&self, start: usize) -> (usize, String) {
        let start = start.min(self.len());
        let mut e = start;
        while self.at(e).is_some_and(is_letter) {
            e += 1;
        }
        (
            e,
            self.chars[start..e]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect(),
        )
    }
    /// The lower-cased word (letters only) ending just before `end`, and where it starts.
    fn word_before(&self, end: usize) -> (usize, String) {
        let mut s = end;
        while s > 0 && self.at(s - 1).is_some_and(is_letter) {
            s -= 1;
        }
        (
            s,
            self.chars[s..end]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect(),
        )
    }
}

type Raw = Vec<(FindingKind, usize, usize)>;

/// A list of words kept as one text, each word followed by '|': as a slice of `&str` every
/// word cost the wasm 8 bytes of pointer and length (about a thousand words in this module).
#[derive(Clone, Copy)]
struct Words(&'static str);

impl Words {
    fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split_terminator('|')
    }

    fn contains(self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }
}

/// A letter, or a combining mark that belongs to one ("e" + U+0308 is "ë" as some keyboards
/// and copied texts write it).
fn is_letter(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// White space within a line (see [`Text::is_blank`]).
fn is_blank(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses: local@domain.tld around every '@'.

fn emails(t: &Text, out: &mut Raw) {
    let local_char = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let domain_char = |c: char| c.is_alphanumeric() || c == '-' || c == '.';
    for at in (0..t.len()).filter(|&i| t.at(i) == Some('@')) {
        let mut s = at;
        while s > 0 && t.at(s - 1).is_some_and(local_char) {
            s -= 1;
        }
        while s < at && matches!(t.at(s), Some('.' | '\'' | '-')) {
            s += 1;
        }
        let mut e = at + 1;
        while t.at(e).is_some_and(domain_char) {
            // A full stop before a capitalised word ends the sentence, not the domain
            // ("…@live.nl.Daarna"); an address in capitals ("…@VEILIGTHUIS.NL") goes on.
            if t.at(e) == Some('.')
                && t.at(e + 1).is_some_and(char::is_uppercase)
                && t.at(e + 2).is_some_and(char::is_lowercase)
            {
                break;
            }
            e += 1;
        }
        while e > at + 1 && matches!(t.at(e - 1), Some('.' | '-')) {
            e -= 1;
        }
        let domain = t.slice(at + 1, e);
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)
        });
        if s < at && tld_ok {
            out.push((FindingKind::Email, s, e));
        }
    }
}

/// An e-mail address written so machines miss it: "samira(at)live.nl", "kees [at] ziggo [dot]
/// nl", "m.bakker at gmail punt com", "b.devries @ outlook.com". The part after "at" must end in
/// a known top-level domain, so "look at google" stays a sentence.
fn disguised_emails(t: &Text, out: &mut Raw) {
    const AT: Words = Words("(at)|[at]|{at}| at | @ | (at) | [at] |");
    const DOT: Words = Words(".|(dot)|[dot]| dot | punt | . | [dot] | (dot) |");
    const DOMAINS: Words = Words("nl|com|org|net|be|de|eu|info|uk|fr|");
    let local_char = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let host_char = |c: char| c.is_alphanumeric() || c == '-';
    // Lower case one character for one ("İ" would become two).
    let chars: Vec<char> = t
        .chars
        .iter()
        .map(|&c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let starts_with = |i: usize, p: &str| {
        let p: Vec<char> = p.chars().collect();
        chars.get(i..i + p.len()).is_some_and(|w| w == p.as_slice())
    };
    for i in 0..chars.len() {
        let Some(at) = AT.iter().find(|a| starts_with(i, a)) else {
            continue;
        };
        let mut s = i;
        while s > 0 && t.at(s - 1).is_some_and(local_char) {
            s -= 1;
        }
        if i - s < 2 || !t.at(s).is_some_and(char::is_alphanumeric) {
            continue;
        }
        // The English word "at" between words ("Meeting at Zutphen.nl") only with a local part
        // as addresses have ("m.bakker at gmail punt com").
        let local = t.slice(s, i);
        let english_at = at.trim() == "at";
        let capitalised = local.chars().next().is_some_and(char::is_uppercase);
        let mut k = i + at.chars().count();
        let mut parts = 0;
        let mut end = None;
        let mut spelled = false;
        loop {
            let h = k;
            while t.at(k).is_some_and(host_char) {
                k += 1;
            }
            if k == h {
                break;
            }
            parts += 1;
            let word: String = chars[h..k].iter().collect();
            if parts >= 2 && DOMAINS.contains(word.as_str()) && !t.is_alnum(Some(k)) {
                end = Some(k);
            }
            let Some(dot) = DOT.iter().find(|d| starts_with(k, d)) else {
                break;
            };
            spelled |= dot != ".";
            k += dot.chars().count();
        }
        // The English word "at" before a web address ("Meeting at Zutphen.nl") is no e-mail:
        // a capitalised word before it and only full stops after.
        if english_at && capitalised && !spelled {
            continue;
        }
        if let Some(e) = end {
            out.push((FindingKind::Email, s, e));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Phone numbers: runs of digit groups joined by short separators, read as a Dutch number.

/// One maximal run of digits and where it is.
struct Group {
    start: usize,
    end: usize,
}

fn phones(t: &Text, out: &mut Raw) {
    let mut i = 0;
    while i < t.len() {
        // A run starts at '+' followed by a digit, at "(0" or at a digit, not inside a word.
        let starts_here = match t.at(i) {
            Some('+') => t.is_digit(i + 1),
            Some(c) if c.is_ascii_digit() => true,
            _ => false,
        } && !t.is_alnum(Text::before(i));
        if !starts_here {
            i += 1;
            continue;
        }
        let plus = t.at(i) == Some('+');
        let mut groups = Vec::new();
        let mut j = if plus { i + 1 } else { i };
        loop {
            let e = t.digits_end(j);
            groups.push(Group { start: j, end: e });
            // Separators between groups: up to three of a space (any within a line), '-', '‐',
            // '‑' (a word processor's hyphens), '–', '—', '.', '/', '(' and ')', at most one of
            // them not a space ("06 - 1234 5678", "(0575) 123456", "06 – 12345678" as a word
            // processor writes it).
            let mut k = e;
            let mut marks = 0;
            while k < t.len() && k - e < 3 {
                match t.at(k) {
                    Some(c) if is_blank(c) => {}
                    Some('-' | '‐' | '‑' | '–' | '—' | '.' | '/' | '(' | ')') => marks += 1,
                    _ => break,
                }
                k += 1;
            }
            if k > e && marks <= 1 && t.is_digit(k) {
                j = k;
            } else {
                break;
            }
        }
        i = groups.last().map_or(i + 1, |g| g.end);
        // A scale or a count, one digit at a time ("Schaal: 0 1 2 3 4 5 6 7 8 9 10").
        if groups.len() >= 5
            && groups.iter().all(|g| g.end - g.start <= 2)
            && groups.iter().filter(|g| g.end - g.start == 1).count() >= 5
        {
            continue;
        }
        phone_numbers_in(t, &groups, plus, out);
    }
}

/// Finds phone numbers made of consecutive groups, trying each group as a start: a Dutch
/// number, or one abroad written with its country code. Groups that make a date
/// ("12-03-2024 10.00 uur") are no part of a number.
fn phone_numbers_in(t: &Text, groups: &[Group], plus: bool, out: &mut Raw) {
    // Groups that make a date, or a time ("08.30", "13:00"), are no part of a number.
    let mut in_date = vec![false; groups.len()];
    for (g, group) in groups.iter().enumerate() {
        if let Some(date_end) = numeric_date(t, group.start, group.end) {
            for (h, later) in groups.iter().enumerate().skip(g) {
                if later.end <= date_end {
                    in_date[h] = true;
                }
            }
        }
        if let Some(next) = groups.get(g + 1) {
            let two = |x: &Group| x.end - x.start == 2;
            let value = |x: &Group| t.digits(x.start, x.end).parse::<u32>().unwrap_or(99);
            // Exactly hh.mm: not part of "06.12.34.56.78".
            let joined = |at: Option<usize>, digit: Option<usize>| {
                at.and_then(|i| t.at(i))
                    .is_some_and(|c| c == '.' || c == ':')
                    && digit.is_some_and(|i| t.is_digit(i))
            };
            if two(group)
                && two(next)
                && next.start == group.end + 1
                && matches!(t.at(group.end), Some('.' | ':'))
                && value(group) < 24
                && value(next) < 60
                && !joined(Some(next.end), Some(next.end + 1))
                && !joined(group.start.checked_sub(1), group.start.checked_sub(2))
            {
                in_date[g] = true;
                in_date[g + 1] = true;
            }
        }
    }
    let mut a = 0;
    while a < groups.len() {
        let plus_here = plus && a == 0;
        let mut digits = String::new();
        let mut found = None;
        for (b, g) in groups.iter().enumerate().skip(a) {
            if in_date[b] {
                break;
            }
            digits.push_str(&t.digits(g.start, g.end));
            if digits.len() > 17 {
                break;
            }
            match phone_kind(&digits, plus_here) {
                // A Dutch number has one length: the first fit is the number.
                Some(Numbering::Dutch) => {
                    found = Some(b);
                    break;
                }
                // One abroad varies in length: the longest fit is. It is written with its
                // country code apart: "+32 470…", "00212 612…" (not "0012345678901", a code).
                Some(Numbering::Abroad) if a == 0 && b > a => {
                    let code = groups[a].end - groups[a].start;
                    if (plus_here && code <= 3) || (!plus_here && (3..=5).contains(&code)) {
                        found = Some(b);
                    }
                }
                _ => {}
            }
        }
        match found {
            Some(b) => {
                // The match may not run on into a letter ("0612345678abc" is a code).
                let start = if plus_here {
                    groups[a].start - 1
                } else if t.at(groups[a].start) == Some('0')
                    && Text::before(groups[a].start).and_then(|p| t.at(p)) == Some('(')
                {
                    // "(020) 123 45 67": the bracket goes with the number.
                    groups[a].start - 1
                } else {
                    groups[a].start
                };
                let end = groups[b].end;
                if !t.is_alnum(Some(end)) {
                    out.push((FindingKind::Phone, start, end));
                }
                a = b + 1;
            }
            None => a += 1,
        }
    }
}

/// Which kind of phone number some digits are.
enum Numbering {
    Dutch,
    Abroad,
}

/// Dutch (see [`is_dutch_phone`]), or a number abroad: `+` and a country code other than 31
/// with 10–15 digits in all (E.164 allows 15), or the same after `00` (12–17 digits).
fn phone_kind(digits: &str, plus: bool) -> Option<Numbering> {
    if is_dutch_phone(digits, plus) {
        return Some(Numbering::Dutch);
    }
    let international = if plus {
        Some(digits)
    } else {
        digits.strip_prefix("00")
    };
    international
        .filter(|n| !n.starts_with('0') && !n.starts_with("31") && (10..=15).contains(&n.len()))
        .map(|_| Numbering::Abroad)
}

/// True for the digits of a Dutch phone number: ten digits starting with one `0` (national), or
/// the same after the country code `31` written as `+31` (`plus`) or `0031`, where a `(0)` after
/// the country code is allowed.
fn is_dutch_phone(digits: &str, plus: bool) -> bool {
    let national = if plus {
        match digits.strip_prefix("31") {
            Some(rest) => rest.strip_prefix('0').unwrap_or(rest),
            None => return false,
        }
    } else if let Some(rest) = digits.strip_prefix("0031") {
        rest.strip_prefix('0').unwrap_or(rest)
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else {
        return false;
    };
    national.len() == 9 && !national.starts_with('0')
}

// ---------------------------------------------------------------------------------------------
// BSN: 9 digits (or 8, read with a leading zero) in a row or as 3-3-3 / 4-2-3, passing the
// 11-test.

fn bsns(t: &Text, out: &mut Raw) {
    let mut i = 0;
    while i < t.len() {
        if !t.is_digit(i) {
            i += 1;
            continue;
        }
        // Not inside a word or a longer number, but straight after "BSN" ("BSN123456782").
        if t.is_alnum(Text::before(i)) && t.word_before(i).1 != "bsn" {
            i = t.digits_end(i);
            continue;
        }
        let e = t.digits_end(i);
        // A Chamber of Commerce or care provider number ("KvK 47840444") is an organisation's.
        let mut b = i;
        while b > 0 && (t.is_blank(b - 1) || t.at(b - 1) == Some(':')) {
            b -= 1;
        }
        let (ws, word_before) = t.word_before(b);
        // "KvK-nummer 30112345".
        let compound = word_before == "nummer"
            && ws > 0
            && t.at(ws - 1) == Some('-')
            && ["kvk", "agb"].contains(&t.word_before(ws - 1).1.as_str());
        if ["kvk", "agb"].contains(&word_before.as_str()) || compound {
            i = e;
            continue;
        }
        // Called a BSN, it is one, also mistyped ("BSN 123456789" fails the 11-test): it
        // still names the person, nearly.
        let labelled = ["bsn", "burgerservicenummer", "sofinummer"].contains(&word_before.as_str())
            || (word_before == "nummer"
                && ws > 0
                && t.at(ws - 1) == Some('-')
                && t.word_before(ws - 1).1 == "bsn");
        let mut candidates = vec![(t.digits(i, e), e)];
        // Grouped forms: 123 456 789, 123.456.789, 1234.56.789 (one kind of separator; any
        // space within a line).
        if let Some(sep) = t.at(e).filter(|&c| c == '.' || c == '-' || is_blank(c)) {
            let e2 = t.digits_end(e + 1);
            if t.at(e2) == Some(sep) {
                let e3 = t.digits_end(e2 + 1);
                let lens = (e - i, e2 - e - 1, e3 - e2 - 1);
                if matches!(lens, (3, 3, 3) | (4, 2, 3)) {
                    let joined = t.digits(i, e) + &t.digits(e + 1, e2) + &t.digits(e2 + 1, e3);
                    candidates.push((joined, e3));
                }
            }
        }
        // Called a BSN, any grouping of its nine digits ("BSN: 111 22 23 33", "BSN 12 34 56
        // 782"): an acceptance test's finds.
        if labelled {
            let (mut digits, mut end) = (t.digits(i, e), e);
            while digits.len() < 9 {
                let separated = t
                    .at(end)
                    .is_some_and(|c| c == '.' || c == '-' || is_blank(c));
                if !separated || !t.is_digit(end + 1) {
                    break;
                }
                let next = t.digits_end(end + 1);
                digits += &t.digits(end + 1, next);
                end = next;
            }
            if digits.len() == 9 && end > e {
                candidates.push((digits, end));
            }
        }
        for (digits, end) in candidates {
            if t.is_alnum(Some(end)) {
                continue;
            }
            if let Some(padded) = match digits.len() {
                9 => Some(digits.clone()),
                8 => Some(format!("0{digits}")),
                _ => None,
            } {
                if labelled || passes_eleven_test(&padded) {
                    out.push((FindingKind::Bsn, i, end));
                }
            }
        }
        i = e;
    }
}

/// The BSN 11-test: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is divisible by 11, and the number is not
/// all zeros.
///
/// ```
/// use samenscan::domain::privacy::passes_eleven_test;
/// // 111222333: 9+8+7 + 2×(6+5+4) + 3×(3+2) − 3 = 24 + 30 + 15 − 3 = 66 = 6 × 11.
/// assert!(passes_eleven_test("111222333"));
/// assert!(!passes_eleven_test("111222334"));
/// ```
pub fn passes_eleven_test(digits: &str) -> bool {
    let d: Vec<i64> = digits
        .chars()
        .filter_map(|c| c.to_digit(10).map(i64::from))
        .collect();
    if d.len() != 9 || digits.len() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(x, w)| x * w)
        .sum::<i64>()
        - d[8];
    sum % 11 == 0
}

// ---------------------------------------------------------------------------------------------
// Bank account numbers: "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", in lower case too.

/// The longest an IBAN is (ISO 13616), and the shortest (Norway).
const IBAN_LENGTHS: std::ops::RangeInclusive<usize> = 15..=34;

fn ibans(t: &Text, out: &mut Raw) {
    let mut i = 0;
    while i + 4 <= t.len() {
        // A country code and two check digits, starting a word.
        let letter = |k: usize| t.at(k).is_some_and(|c| c.is_ascii_alphabetic());
        if !(letter(i) && letter(i + 1) && t.is_digit(i + 2) && t.is_digit(i + 3))
            || t.is_alnum(Text::before(i))
        {
            i += 1;
            continue;
        }
        // The characters of the account and where each ends in the text: one run
        // ("NL91ABNA…"), or groups across one space, '-' or '.' ("NL91 ABNA 0417 1643 00",
        // "NL91-ABNA-…", "NL91ABNA 0417164300"), each group after the second with a digit (a
        // sentence's four-letter words are no account: "VT23 gaat vier jaar").
        let mut account: Vec<char> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut k = i;
        for group in 0.. {
            let from = k;
            while let Some(c) = t.at(k).filter(char::is_ascii_alphanumeric) {
                if account.len() == *IBAN_LENGTHS.end() {
                    break;
                }
                account.push(c.to_ascii_uppercase());
                k += 1;
                ends.push(k);
            }
            if account.len() == *IBAN_LENGTHS.end() || t.is_alnum(Some(k)) || k == from {
                break;
            }
            let separated = t.is_blank(k) || matches!(t.at(k), Some('-' | '.'));
            let mut next_end = k + 1;
            while t.at(next_end).is_some_and(|c| c.is_ascii_alphanumeric()) {
                next_end += 1;
            }
            let next = t.slice(k + 1, next_end);
            let fits = next.chars().any(|c| c.is_ascii_digit())
                || (group == 0 && next.len() == 4 && k - from == 4);
            if !separated || next.is_empty() || !fits {
                break;
            }
            k += 1;
        }
        // The longest reading that ends a group and passes the check ("… 1643 00 voor": the
        // word after it is not part of it).
        let found = (*IBAN_LENGTHS.start()..=account.len()).rev().find(|&n| {
            !t.is_alnum(Some(ends[n - 1]))
                && (passes_iban_check(&account[..n]) || dutch_account(&account[..n]))
        });
        match found {
            Some(n) => {
                out.push((FindingKind::Iban, i, ends[n - 1]));
                i = ends[n - 1];
            }
            None => i += 1,
        }
    }
}

/// True for the shape of a Dutch IBAN whatever its check digits: "NL", two digits, four
/// letters (the bank), ten digits. A mistyped account is still an account.
fn dutch_account(account: &[char]) -> bool {
    account.len() == 18
        && account[..2] == ['N', 'L']
        && account[2..4].iter().all(char::is_ascii_digit)
        && account[4..8].iter().all(char::is_ascii_alphabetic)
        && account[8..].iter().all(char::is_ascii_digit)
}

/// The ISO 13616 check of an IBAN in upper case without spaces: the first four characters moved
/// to the end, letters read as 10 to 35, the number modulo 97 is 1.
fn passes_iban_check(account: &[char]) -> bool {
    let (head, rest) = account.split_at(4);
    let mut remainder = 0u32;
    for c in rest.iter().chain(head) {
        let Some(v) = c.to_digit(36) else {
            return false;
        };
        remainder = if v < 10 {
            (remainder * 10 + v) % 97
        } else {
            (remainder * 100 + v) % 97
        };
    }
    remainder == 1
}

// ---------------------------------------------------------------------------------------------
// Case, file and client numbers after the word for them: "dossiernummer 2023-1234", "zaaknr.
// VT-2024-00123", "cliëntnummer: 88123", "case number 4471".

/// Words for such a number (lower case, letters only).
const CASE_NUMBER_WORDS: Words = Words(concat!(
    "dossiernummer|dossiernr|zaaknummer|zaaknr|cliëntnummer|clientnummer|cliëntnr|clientnr|",
    "klantnummer|klantnr|registratienummer|registratienr|meldingsnummer|meldingnummer|meldnummer|",
    "casusnummer|referentienummer|beschikkingsnummer|referentie|ref|kenmerk|dossiernummers|",
    "zaaknummers|cliëntnummers|clientnummers|",
));

/// Words that make such a word with "nummer", "nr." or "number" after them ("dossier nr. 12",
/// "case number 4471").
const CASE_WORDS: Words =
    Words("dossier|zaak|cliënt|client|klant|melding|casus|registratie|case|file|");

/// "nummer" and its short forms.
const NUMBER_WORDS: Words = Words("nummer|nr|no|number|num|id|reference|");

fn case_numbers(t: &Text, out: &mut Raw) {
    for (_, end, lower) in t.words() {
        let lower = lower.replace("e\u{308}", "ë");
        let mut k = end;
        let mut needs_mark = false;
        if !CASE_NUMBER_WORDS.contains(lower.as_str()) {
            if !CASE_WORDS.contains(lower.as_str()) {
                continue;
            }
            // "dossier nr.", "dossier-nummer"; or "Dossier: 2023-5567" (then a longer number).
            let next = if t.at(k) == Some('-') {
                k + 1
            } else {
                t.skip_blanks(k)
            };
            let (e, word) = t.word_at(next);
            if next > k && NUMBER_WORDS.contains(word.as_str()) {
                k = e;
            } else if t.at(k) == Some(':')
                || (next > k && (t.is_digit(next) || t.at(next).is_some_and(char::is_uppercase)))
            {
                // "Dossier: 2023-5567", "Zaak VT-2024-00123": then a number with a mark or
                // letters and at least four digits.
                needs_mark = true;
            } else {
                continue;
            }
        }
        // "nr." then white space, a colon or '#' ("kenmerk: ", "zaaknr.#12"), or "is" ("het
        // dossiernummer is 2023-1234"), or up to three words before a colon ("Registratienummer
        // Veilig Thuis: VT-2024-8812").
        if t.at(k) == Some('.') {
            k += 1;
        }
        k = t.skip_blanks(k);
        let (e, word) = t.word_at(k);
        if word == "is" {
            k = t.skip_blanks(e);
        } else if e > k && !needs_mark {
            // Up to three words, then a colon or a number ("Zaaknummer rechtbank C/09/654321",
            // "Meldingsnummer Veilig Thuis 20240311-0045"): then a number with a mark.
            let mut w = k;
            for _ in 0..3 {
                let (we, _) = t.word_at(w);
                if we == w {
                    break;
                }
                if t.at(we) == Some(':') {
                    k = we;
                    break;
                }
                w = t.skip_blanks(we);
                let number = t.is_digit(w)
                    || (t.at(w).is_some_and(char::is_uppercase) && t.at(w + 1) == Some('/'));
                if w > we && number {
                    k = w;
                    needs_mark = true;
                    break;
                }
            }
        }
        if matches!(t.at(k), Some(':' | '#')) {
            k = t.skip_blanks(k + 1);
        }
        // The number: letters, digits and the marks between them ("VT-2024-00123", "2023/881"),
        // at least three digits.
        let from = k;
        let mut digits = 0;
        let mut marks = 0;
        while let Some(c) = t.at(k) {
            if c.is_alphanumeric() {
                digits += usize::from(c.is_ascii_digit());
                k += 1;
            } else if matches!(c, '-' | '/' | '.' | '_') && t.is_alnum(Some(k + 1)) && k > from {
                marks += 1;
                k += 1;
            } else {
                break;
            }
        }
        // "Kenmerk: 100 procent inzet", "Melding 15.30 uur": an amount or a time; "Melding
        // 12-03-2024", "Casus 2023-2024": a date or years.
        let only_digits = digits == k - from;
        let next = t.word_at(t.skip_blanks(k)).1;
        let years = |s: &str| s.len() == 4 && (s.starts_with("19") || s.starts_with("20"));
        let year_range = t
            .slice(from, k)
            .split_once(['-', '/'])
            .is_some_and(|(a, b)| years(a) && years(b));
        let date = t.is_digit(from) && numeric_date(t, from, t.digits_end(from)).is_some();
        let amount = (only_digits && matches!(t.at(t.skip_blanks(k)), Some('%')))
            || next == "procent"
            || COUNTED.contains(next.as_str())
            || year_range
            || date;
        // After a bare "dossier" or "zaak", a number of six digits or more is one too ("ons
        // dossier 4455667"): no year, count or time is that long.
        let long_enough = if needs_mark {
            digits >= 4 && (marks > 0 || !only_digits || digits >= 6)
        } else {
            digits >= 3
        };
        if long_enough && !amount && k - from <= 40 {
            out.push((FindingKind::CaseNumber, from, k));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Postcode with house number: "1234 AB 12", "1234AB 12a", "1234 ab, 5", and the usual Dutch
// address order "Dorpsstraat 12, 1234 AB".

/// Two-letter words that follow a number in ordinary sentences ("in 2023 en 12 gezinnen"), so
/// "2023 en" is not a postcode when written in lower case.
const TWO_LETTER_WORDS: Words = Words(concat!(
    "al|am|an|as|at|be|bv|by|ca|cq|dd|do|en|er|go|he|ik|in|is|it|je|km|kw|me|mg|mn|my|na|no|nr|nu|",
    "of|om|on|op|or|so|te|tm|to|up|us|vs|we|wk|ze|zo|",
));

/// Words between a postcode and its house number ("1234 AB huisnummer 5", "huisnr. 5").
const HOUSE_NUMBER_WORDS: Words = Words("huisnummer|huisnr|nr|nummer|");

/// Capitals after four digits that are a unit or an organisation, not a postcode's letters.
const NOT_POSTCODE_LETTERS: Words = Words("MB|GB|KB|TB|KM|CM|MM|ML|KG|VT|JB|WG|EU|NL|PM|AM|");

fn postcodes(t: &Text, out: &mut Raw) {
    let mut i = 0;
    while i < t.len() {
        let e = t.digits_end(i);
        if e == i {
            i += 1;
            continue;
        }
        let postcode_start = e - i == 4 && t.at(i) != Some('0') && !t.is_alnum(Text::before(i));
        if let Some(pc_end) = postcode_start.then(|| postcode_letters(t, e)).flatten() {
            // Postcode then number: "1234 AB 12", "1234 ab, 5", "7311AB12", "7311 AB/12",
            // "1234 AB huisnummer 5a", "postcode: 7311AB, huisnummer: 12".
            // Not a count after a year and letters ("In 2024 VT 35 meldingen").
            // Nor a year, letters and a colon ("in 2023 VT: 28").
            let year = matches!(t.digits(i, e).get(..2), Some("19" | "20"));
            if let Some(n_end) = number_after_postcode(t, pc_end) {
                let next = t.word_at(t.skip_blanks(n_end)).1;
                let colon = t.at(t.skip_blanks(pc_end)) == Some(':');
                if !(COUNTED.contains(next.as_str()) || (year && colon)) {
                    out.push((FindingKind::PostcodeWithNumber, i, n_end));
                }
            }
            // Number then postcode: "Dorpsstraat 12, 1234 AB" (the number may have a letter).
            if let Some(n_start) = house_number_before(t, i) {
                out.push((FindingKind::PostcodeWithNumber, n_start, pc_end));
            }
            // Alone, in capitals: "Het gezin woont in 7325 XK". Not after a year ("In 2024
            // VT …"), nor a unit ("1500 MB").
            // An area named as one ("het postcodegebied 1234 AB") is no one's home.
            let letters = t.slice(pc_end - 2, pc_end);
            let b = t.skip_blanks_back(i);
            let before = t.word_before(b).1;
            // "artikel 1255 BW", "art. 302 SR": a law book's article.
            let law = before == "artikel"
                || (b > 0 && t.at(b - 1) == Some('.') && t.word_before(b - 1).1 == "art");
            let area = before.ends_with("gebied") || law;
            if !year
                && !area
                && letters.chars().all(|c| c.is_ascii_uppercase())
                && !NOT_POSTCODE_LETTERS.contains(letters)
            {
                out.push((FindingKind::Postcode, i, pc_end));
            }
        }
        i = e;
    }
}

/// After four digits ending at `e`: an optional space and two letters not followed by a letter,
/// letters PostNL gives out (never F, I, O, Q, U or Y, nor SA, SD or SS); returns where the
/// letters end.
fn postcode_letters(t: &Text, e: usize) -> Option<usize> {
    let l = if t.is_blank(e) { e + 1 } else { e };
    let letters: String = [t.at(l)?, t.at(l + 1)?].iter().collect();
    if !letters.chars().all(|c| c.is_ascii_alphabetic())
        || t.at(l + 2).is_some_and(char::is_alphabetic)
    {
        return None;
    }
    let key = letters.to_ascii_uppercase();
    if key.contains(['F', 'I', 'O', 'Q', 'U', 'Y']) || ["SA", "SD", "SS"].contains(&key.as_str()) {
        return None;
    }
    let upper = letters.chars().all(|c| c.is_ascii_uppercase());
    let lower_word = TWO_LETTER_WORDS.contains(letters.to_ascii_lowercase().as_str());
    (upper || !lower_word).then_some(l + 2)
}

/// The house number after a postcode ending at `pc_end`, and where it ends: straight after it
/// ("7311AB12"), after a space, a comma or a slash, or after a word for it ("huisnummer 5",
/// "huisnr.: 5").
fn number_after_postcode(t: &Text, pc_end: usize) -> Option<usize> {
    if t.is_digit(pc_end) {
        return house_number(t, pc_end);
    }
    let skip = |mut k: usize| {
        let mut marks = 0;
        while let Some(c) = t.at(k) {
            match c {
                ',' | '/' | ':' if marks == 0 => marks += 1,
                c if is_blank(c) => {}
                _ => break,
            }
            k += 1;
        }
        k
    };
    let mut k = skip(pc_end);
    if k == pc_end {
        return None;
    }
    if t.at(k).is_some_and(char::is_alphabetic) {
        let (word_end, word) = t.word_at(k);
        if !HOUSE_NUMBER_WORDS.contains(word.as_str()) {
            return None;
        }
        let after = if t.at(word_end) == Some('.') {
            word_end + 1
        } else {
            word_end
        };
        k = skip(after);
        if k == after && t.at(after) != Some('.') && after == word_end {
            return None;
        }
    }
    house_number(t, k)
}

/// A house number at `k`: 1–5 digits, then optionally a letter ("12a"), "-" and digits
/// ("12-2") or " bis", not running on into a word. Returns its end.
fn house_number(t: &Text, k: usize) -> Option<usize> {
    let e = t.digits_end(k);
    if e == k || e - k > 5 || t.at(k) == Some('0') {
        return None;
    }
    let mut end = e;
    let attached = t.word_at(e);
    match t.at(e) {
        // "8bis", "12hs" (huis), written on.
        Some(_) if ["bis", "hs"].contains(&attached.1.as_str()) => end = attached.0,
        Some(c) if c.is_ascii_alphabetic() && !t.is_alnum(Some(e + 1)) => end = e + 1,
        Some('-') if t.is_digit(e + 1) => end = t.digits_end(e + 1),
        // "12-II": a floor in Roman numerals.
        Some('-') if t.at(e + 1).is_some_and(|c| matches!(c, 'I' | 'V')) => {
            end = e + 1;
            while t.at(end).is_some_and(|c| matches!(c, 'I' | 'V')) {
                end += 1;
            }
        }
        Some(' ') if t.word_at(e + 1) == (e + 4, "bis".to_string()) => end = e + 4,
        _ => {}
    }
    (!t.is_alnum(Some(end))).then_some(end)
}

/// A street and house number just before a postcode at `pc`: "Dorpsstraat 12, 1234 AB",
/// "Kerkweg 12a 1234AB", "Kerkweg 12-2, …", "Kerkweg 12 bis, …", "Kerkweg 5,7311AB", or on the
/// line above it. Returns where the street name starts, so that editing the finding leaves
/// none of the address behind.
fn house_number_before(t: &Text, pc: usize) -> Option<usize> {
    let mut k = pc;
    while k > 0 && t.at(k - 1).is_some_and(char::is_whitespace) {
        k -= 1;
    }
    if k > 0 && t.at(k - 1) == Some(',') {
        k -= 1;
        while k > 0 && t.is_blank(k - 1) {
            k -= 1;
        }
    }
    if k == pc {
        return None;
    }
    // Optional suffix: a letter ("12a"), "-2" or " bis"; then the digits.
    let mut n_end = k;
    if n_end >= 4
        && t.word_before(n_end) == (n_end - 3, "bis".to_string())
        && t.at(n_end - 4) == Some(' ')
    {
        n_end -= 4;
    } else if n_end > 0 && t.at(n_end - 1).is_some_and(|c| c.is_ascii_alphabetic()) {
        n_end -= 1;
    } else {
        let mut d = n_end;
        while d > 0 && t.is_digit(d - 1) {
            d -= 1;
        }
        if d < n_end && d > 1 && t.at(d - 1) == Some('-') && t.is_digit(d - 2) {
            n_end = d - 1;
        }
    }
    let mut s = n_end;
    while s > 0 && t.is_digit(s - 1) {
        s -= 1;
    }
    let digits = n_end - s;
    // The number follows a street name: a word and a space ("Dorpsstraat 12").
    if !(1..=5).contains(&digits) || t.at(s) == Some('0') || s < 2 || !t.is_blank(s - 1) {
        return None;
    }
    let (street, _) = t.word_before(s - 1);
    (street < s - 1).then_some(street)
}

// ---------------------------------------------------------------------------------------------
// Streets with a house number, without a postcode: "Dorpsstraat 12", "Van Goghlaan 3a".

/// How Dutch street names end (lower case), in a word longer than the ending ("Kerkweg", not
/// "weg"). Endings that also end ordinary nouns ("-ring": "Vordering 3", "-veld": "Werkveld 2")
/// are left out, and so are those that name places of this field as often as streets
/// ("Zorgplein 5 aanmeldingen", "Leerpad 2", "Kerstmarkt", "Gerechtshof 2", "Thuishaven 3"):
/// like any other capitalised word, those are a street only after a word for an address
/// ("woont op het Stationsplein 7").
const STREET_ENDINGS: Words =
    Words("straat|laan|weg|gracht|kade|singel|dijk|dreef|steeg|plantsoen|allee|boulevard|wal|");

/// Endings that are a street's after a preposition ("Vader zit op Molenpad 3", "Bezoek aan
/// Beukenhof 3": an acceptance test's misses) and often no street without one ("Zorgpad 2 is
/// ingezet", a care pathway).
const STREET_ENDINGS_AFTER_PREPOSITION: Words = Words("pad|hof|plein|hoven|erf|");

/// First parts of this field's places and pathways named like streets ("Zorgplein",
/// "Leerpad", "Jeugdhof", "Gerechtshof", "Kennisplein"), which no street rule takes.
const FIELD_PLACE_PARTS: Words = Words(concat!(
    "zorg|leer|jeugd|kennis|behandel|groei|ontwikkel|school|gerechts|hulp|verbeter|stappen|",
    "actie|werk|ouder|gezins|samen|wijk|raad|stads|buurt|jongeren|kind|",
));

/// The street endings that end no ordinary lower-case word followed by a number, but for verbs in
/// "-slaan" ("opslaan"), which [`streets`] passes by ("weg": "snelweg 2 keer", "dijk", "wal"
/// and "kade": "blokkade" are left out).
const LOWER_CASE_STREET_ENDINGS: Words =
    Words("straat|laan|gracht|singel|dreef|steeg|plantsoen|allee|");

/// English street words, whole and capitalised after the name ("Baker Street 12").
const STREET_WORDS: Words = Words("street|road|lane|avenue|");

/// Words that end like a street but are none ("Onderweg 3 keer gebeld", "Snelweg 12 was dicht").
const NOT_STREETS: Words = Words("onderweg|halverweg|halfweg|snelweg|uitweg|omweg|zijweg|");

/// Words for living, staying or moving that make a street after a preposition in the same
/// clause an address ("woont aan de Oude Vest 12", "lives at Elm Street 14"; see
/// [`cued_street`]). A noun such as "verhuizing" is not one: it is an everyday word ("Na de
/// verhuizing ging de casus naar Team Noord 2").
const ADDRESS_CUES: Words = Words(concat!(
    "huisbezoek|woont|wonen|woonde|woonden|wonend|woonachtig|verhuisd|verhuist|verhuizen|",
    "verhuisde|lives|lived|living|moved|verblijft|verblijven|verbleef|logeert|ondergebracht|",
));

/// Words for an address itself, before the street ("Woonadres: …", "adres is …"; see
/// [`labelled_street`]); not when something else follows ("het juiste adres, zeker in Fase 2").
const ADDRESS_LABELS: Words = Words("adres|woonadres|postadres|address|huisbezoek|");

/// Words that end a clause: an address cue reaches no further ("woont bij vader en zit in
/// Groep 7").
const CLAUSE_ENDS: Words = Words("en|maar|dus|want|omdat|terwijl|and|but|");

/// Words between a number and what it counts ("2 nieuwe leefgroepen").
const COUNT_ADJECTIVES: Words = Words("nieuwe|extra|vrije|andere|lege|open|new|");

/// Prepositions before an address's street ("woont aan de …").
const ADDRESS_PREPOSITIONS: Words = Words("op|aan|naar|in|bij|te|at|on|to|");

/// Articles between such a preposition and the street.
const ARTICLES: Words = Words("de|het|'t|the|");

/// Nouns of this field that a number follows and that are no street, after a cue too
/// ("woont op Leefgroep 2", "moved to Phase 3"), matched at the end of the word.
const NOT_STREET_NOUNS: Words = Words(concat!(
    "groep|team|fase|stap|bijlage|hoofdstuk|zaal|week|locatie|casus|regio|gebouw|ronde|plan|lab|",
    "klas|kamer|sessie|versie|niveau|module|blok|periode|afdeling|unit|phase|version|area|room|",
    "level|step|group|paviljoen|huis|etage|vestiging|lokaal|kantoor|school|ward|home|ruimte|",
    "verdieping|kwartaal|sprint|",
));

/// Lower-case words of a street's name ("Laan van Meerdervoort", "Burgemeester de Withstraat").
const STREET_PARTICLES: Words = Words("van|de|der|den|het|ter|ten|'s|'t|");

/// Capitalised words that start a street's name at the start of a sentence too ("Van
/// Goghlaan 3a is het adres").
const STREET_PREFIXES: Words = Words(concat!(
    "van|de|het|ter|ten|oude|nieuwe|korte|lange|hoge|lage|kleine|grote|burgemeester|sint|prins|",
    "prinses|koningin|dokter|generaal|president|",
));

/// What a number after a street-like word may count or time instead of being a house number
/// ("Kerkweg 3 keer", "Zorgplein 5 aanmeldingen").
const COUNTED: Words = Words(concat!(
    "uur|uren|keer|maal|dag|dagen|week|weken|maand|maanden|jaar|jaren|minuten|min|kwartier|",
    "procent|km|meter|kinderen|gezinnen|casussen|casus|cases|meldingen|aanmeldingen|medewerkers|",
    "collega|gesprekken|jongeren|ouders|cliënten|clienten|deelnemers|teams|sessies|overleggen|",
    "huisbezoeken|bijeenkomsten|punten|hours|times|days|weeks|months|years|people|families|bedden|",
    "plekken|plaatsen|leerlingen|groepen|leefgroepen|kilometer|m|euro|beds|places|avonden|",
    "middagen|ochtenden|dagdelen|verdiepingen|",
));

fn streets(t: &Text, out: &mut Raw) {
    for (start, end, lower) in t.words() {
        // "huisbezoek" is both: "huisbezoek bij de Lindenhof 8", "Huisbezoek Eikenhof 23".
        if ADDRESS_CUES.contains(lower.as_str()) {
            cued_street(t, end, out);
        }
        if ADDRESS_LABELS.contains(lower.as_str()) {
            labelled_street(t, end, out);
        }
        let longer = |e: &str| lower.ends_with(e) && lower.chars().count() > e.chars().count();
        // "het verslag opslaan 12-3": verbs end in "-slaan", streets in "-laan".
        if NOT_STREETS.contains(lower.as_str()) || lower.ends_with("slaan") {
            continue;
        }
        // In lower case ("woont op de dorpsstraat 12"), only the endings no other word has.
        if !t.at(start).is_some_and(char::is_uppercase) {
            if LOWER_CASE_STREET_ENDINGS.iter().any(longer) {
                if let Some(n_end) = number_after_street(t, end) {
                    out.push((FindingKind::StreetWithNumber, start, n_end));
                }
            }
            continue;
        }
        // "Dorpsstr. 12", "Hoofdstr 9": the abbreviation.
        let abbreviated = lower.ends_with("str") && lower.chars().count() > 3;
        let dot = abbreviated && t.at(end) == Some('.');
        // "Baker Street 221b": an English street word after a name ("Street 2 Work" is none).
        let english = STREET_WORDS.contains(lower.as_str())
            && start >= 2
            && t.is_blank(start - 1)
            && t.at(t.word_before(start - 1).0)
                .is_some_and(char::is_uppercase);
        // "Laan van Meerdervoort 55": the street word first, then a particle.
        if lower == "laan" && STREET_PARTICLES.contains(t.word_at(t.skip_blanks(end)).1.as_str()) {
            if let Some((from, n_end)) = name_and_number(t, start) {
                out.push((FindingKind::StreetWithNumber, from, n_end));
            }
            continue;
        }
        // "op" or "aan" in lower case right before ("Vader zit op Molenpad 3"), and not a
        // place of this field ("op Zorgplein 2", "naar Leerpad 2", "bij Gerechtshof 2").
        let after_preposition = || {
            let b = t.skip_blanks_back(start);
            let (s, before) = t.word_before(b);
            b < start
                && (before == "op" || before == "aan")
                && t.slice(s, b).chars().all(char::is_lowercase)
                && !FIELD_PLACE_PARTS.iter().any(|p| lower.starts_with(p))
        };
        let street = STREET_ENDINGS.iter().any(longer)
            || english
            || abbreviated
            || (STREET_ENDINGS_AFTER_PREPOSITION.iter().any(longer) && after_preposition());
        if !street {
            continue;
        }
        let Some(n_end) = number_after_street(t, end + usize::from(dot)) else {
            // "12 Dorpsstraat", "221b Baker Street": the number first, as English writes it.
            let from = street_name_start(t, start);
            if let Some(n_start) = number_before_street(t, from) {
                if t.at(end) != Some('-') {
                    out.push((FindingKind::StreetWithNumber, n_start, end));
                }
            }
            continue;
        };
        // The name may have words before it ("Van Goghlaan", "Burgemeester Roelenweg").
        out.push((
            FindingKind::StreetWithNumber,
            street_name_start(t, start),
            n_end,
        ));
    }
}

/// After a word for living, staying or moving ending at `end`: within the same clause, a
/// preposition (with an article: "aan de", "naar 't") and then a capitalised name of one to
/// four words and a house number ("woont aan de Oude Vest 12", "woont sinds maart op het
/// Havenplein 3", "woont in Tilburg op Piusplein 2"), whatever the name ends with, but not a
/// noun of this field ("Leefgroep 2", "Vestiging 2"; see [`name_and_number`]).
fn cued_street(t: &Text, end: usize, out: &mut Raw) {
    // Word by word through the clause: at each preposition, its articles, then the name.
    let mut k = end;
    for _ in 0..8 {
        k = t.skip_blanks(k);
        let (e, word) = t.word_at(k);
        if e == k || CLAUSE_ENDS.contains(word.as_str()) {
            return;
        }
        if ADDRESS_PREPOSITIONS.contains(word.as_str()) && t.is_blank(e) {
            // Articles after the preposition ("'t" with its apostrophe).
            let mut n = t.skip_blanks(e);
            for _ in 0..2 {
                let a = n + usize::from(t.at(n) == Some('\''));
                let (ae, article) = t.word_at(a);
                let article = if a > n {
                    format!("'{article}")
                } else {
                    article
                };
                // "de", not "De" ("op De Bongerd 14": part of the name).
                let lower = !t.at(a).is_some_and(char::is_uppercase);
                if ae > a && lower && ARTICLES.contains(article.as_str()) && t.is_blank(ae) {
                    n = t.skip_blanks(ae);
                }
            }
            if let Some((from, n_end)) = name_and_number(t, n) {
                out.push((FindingKind::StreetWithNumber, from, n_end));
                return;
            }
        }
        // A clause ends at a mark other than white space.
        if !t.is_blank(e) {
            return;
        }
        k = e;
    }
}

/// After a word for the address itself ending at `end`: the street and number after a colon
/// (one word may come before it: "Woonadres moeder: Beatrixpark 3"), after "is" ("adres is
/// Ganzenmarkt 6"), or at once ("adres Kerkewijk 12").
fn labelled_street(t: &Text, end: usize, out: &mut Raw) {
    let mut at = t.skip_blanks(end);
    if t.at(at) != Some(':') {
        let (e, word) = t.word_at(at);
        let lower_word = !t.at(at).is_some_and(char::is_uppercase);
        if e > at && lower_word && (t.at(e) == Some(':') || word == "is") {
            at = e;
        }
    }
    if t.at(at) == Some(':') {
        at += 1;
    }
    if let Some((from, n_end)) = name_and_number(t, t.skip_blanks(at)) {
        out.push((FindingKind::StreetWithNumber, from, n_end));
    }
}

/// A capitalised name of one to four words at `k` (particles between them: "Laan van
/// Meerdervoort", "Laan van Nieuw Oost-Indië"), then a house number: where the name starts
/// and the number ends. Not a noun of this field, as the name's first or last word.
fn name_and_number(t: &Text, k: usize) -> Option<(usize, usize)> {
    let from = k;
    let mut k = k;
    let mut words: Vec<String> = Vec::new();
    for _ in 0..4 {
        let (mut e, word) = t.word_at(k);
        let capitalised = t.at(k).is_some_and(char::is_uppercase);
        let particle = !words.is_empty() && STREET_PARTICLES.contains(word.as_str());
        if e == k || !(capitalised || particle) {
            break;
        }
        // "Oost-Indië": a hyphenated word is one.
        while t.at(e) == Some('-') && t.at(e + 1).is_some_and(char::is_alphabetic) {
            e = t.word_at(e + 1).0;
        }
        if capitalised {
            words.push(word);
        }
        let next = t.skip_blanks(e);
        if next == e || t.is_digit(next) {
            k = e;
            break;
        }
        k = next;
    }
    let (first, last) = (words.first()?, words.last()?);
    let field_noun = |w: &String| NOT_STREET_NOUNS.iter().any(|n| w.ends_with(n));
    if field_noun(first) || field_noun(last) {
        return None;
    }
    number_after_street(t, k).map(|n_end| (from, n_end))
}

/// The house number after a street word ending at `end`: white space, optionally "nr." or
/// "nummer", then the number (see [`house_number`]). `None` when what follows is a year, a
/// time, a date, "2x", or a count ("Kerkweg 3 keer").
fn number_after_street(t: &Text, end: usize) -> Option<usize> {
    let mut k = t.skip_blanks(end);
    if k == end {
        return None;
    }
    let (word_end, word) = t.word_at(k);
    if ["nr", "nummer", "huisnummer", "no"].contains(&word.as_str()) {
        let after = word_end + usize::from(t.at(word_end) == Some('.'));
        k = t.skip_blanks(after);
        if k == after && after == word_end {
            return None;
        }
    }
    let n_end = house_number(t, k)?;
    let digits = t.digits(k, t.digits_end(k));
    let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    // "14:30", "18.00 uur", "1,5 uur", "12/3": a time, a fraction or a date.
    let time = matches!(t.at(n_end), Some(':' | '.' | ',' | '/')) && t.is_digit(n_end + 1);
    // "2x", "9u" (nine o'clock), "9h".
    let times = matches!(t.at(n_end - 1), Some('x' | 'X' | 'u' | 'h'));
    let (after, mut next) = t.word_at(t.skip_blanks(n_end));
    // "2 of 3 keer", "3 tot 5 dagen": a range, counted by the word after it.
    if ["of", "tot", "à", "a"].contains(&next.as_str()) {
        let k = t.skip_blanks(after);
        if t.is_digit(k) {
            next = t.word_at(t.skip_blanks(t.digits_end(k))).1;
        }
    }
    // "2 nieuwe leefgroepen", "6 vrije bedden".
    if COUNT_ADJECTIVES.contains(next.as_str()) {
        next = t.word_at(t.skip_blanks(after)).1;
    }
    let counted = COUNTED.contains(next.as_str()) || month_number(&next).is_some();
    (!year && !time && !times && !counted).then_some(n_end)
}

/// A house number just before a street's name at `from` ("12 Dorpsstraat", "12a Kerkweg"):
/// where it starts. Not a year or a number counted by a word before it ("week 12", "fase 2").
fn number_before_street(t: &Text, from: usize) -> Option<usize> {
    if from < 2 || !t.is_blank(from - 1) {
        return None;
    }
    let mut e = t.skip_blanks_back(from - 1);
    // "12a", "8b": one letter written on.
    if e >= 2 && t.at(e - 1).is_some_and(|c| c.is_ascii_alphabetic()) && t.is_digit(e - 2) {
        e -= 1;
    }
    let mut k = e;
    while k > 0 && t.is_digit(k - 1) {
        k -= 1;
    }
    let digits = e - k;
    if !(1..=4).contains(&digits) || t.at(k) == Some('0') || t.is_alnum(Text::before(k)) {
        return None;
    }
    // "14:30 Kerkweg", "3,5 Dorpsstraat": a time or a fraction.
    if k > 0 && matches!(t.at(k - 1), Some(':' | '.' | ',' | '/' | '-')) {
        return None;
    }
    let year = digits == 4 && matches!(t.digits(k, k + 2).as_str(), "19" | "20");
    // "groep 7 Dorpsstraat", "fase 2 Stationsweg", "Leefgroep 3 Kastanjelaan", "vraag 4".
    let counted = word_before_is_first(t, k, |w| {
        COUNTED.contains(w)
            || month_number(w).is_some()
            || NOT_STREET_NOUNS.iter().any(|n| w.ends_with(n))
            || NUMBERED_BEFORE.contains(w)
    });
    (!year && !counted).then_some(k)
}

/// Words a number follows that count or point at something else ("vraag 4", "pagina 2",
/// "artikel 3"), besides the nouns of [`NOT_STREET_NOUNS`].
const NUMBERED_BEFORE: Words =
    Words("vraag|pagina|artikel|punt|item|nummer|nr|page|question|point|article|number|no|");

/// True when the word just before `start` (blanks between) is as `wanted` says.
fn word_before_is_first(t: &Text, start: usize, wanted: impl Fn(&str) -> bool) -> bool {
    let k = t.skip_blanks_back(start);
    k < start && k > 0 && wanted(&t.word_before(k).1)
}

/// Where a street's name starts, from its last word at `start`: up to three words before it
/// that belong to it, capitalised ("Burgemeester Roelenweg") or name particles ("Laan van
/// Meerdervoort"), not a word that starts the sentence unless it starts street names too.
fn street_name_start(t: &Text, start: usize) -> usize {
    let mut from = start;
    for _ in 0..3 {
        if from < 2 || !t.is_blank(from - 1) {
            break;
        }
        let (s, word) = t.word_before(from - 1);
        if s == from - 1 || t.is_alnum(Text::before(s)) {
            break;
        }
        let capitalised = t.at(s).is_some_and(char::is_uppercase);
        let belongs = if capitalised {
            !sentence_starts(t, s) || STREET_PREFIXES.contains(word.as_str())
        } else {
            STREET_PARTICLES.contains(word.as_str())
        };
        if !belongs {
            break;
        }
        from = s;
    }
    // "'s-Gravendijkwal", "Sint-Jansstraat", "Willem-Alexanderlaan".
    if from >= 3 && t.slice(from - 3, from) == "'s-" {
        from -= 3;
    } else if from >= 2 && t.at(from - 1) == Some('-') {
        let (s, _) = t.word_before(from - 1);
        if s < from - 1 && t.at(s).is_some_and(char::is_uppercase) {
            from = s;
        }
    }
    // A particle does not start the finding ("aan de Kerkweg": "de" is not the street's).
    while t.at(from).is_some_and(char::is_lowercase) && from < start {
        from = t.skip_blanks(t.word_at(from).0);
    }
    from
}

// ---------------------------------------------------------------------------------------------
// Dates: 12-05-2011, 3/5/15, 2011-05-12, "3 maart 2015", "March 3, 2015".

const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("jan", 1),
    ("january", 1),
    ("februari", 2),
    ("feb", 2),
    ("february", 2),
    ("maart", 3),
    ("mrt", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("jun", 6),
    ("june", 6),
    ("juli", 7),
    ("jul", 7),
    ("july", 7),
    ("augustus", 8),
    ("aug", 8),
    ("august", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Words shortly before a date that make it a date of birth.
const BIRTH_CUES: Words =
    Words("geboren|geb|geboorte|geboortedatum|geboortedag|born|birth|dob|birthday|verjaardag|");

/// A word for birth that makes a date before it one of birth ("12-03-2015 geboren"): any of
/// [`BIRTH_CUES`] but "geboorte", which follows an event's date as often ("Op 12-03-2024 is
/// gesproken over de geboorte van het broertje").
fn birth_word_after(word: &str) -> bool {
    word != "geboorte" && BIRTH_CUES.contains(word)
}

fn dates(t: &Text, out: &mut Raw) {
    let mut i = 0;
    while i < t.len() {
        let e = t.digits_end(i);
        if e == i || t.is_alnum(Text::before(i)) {
            i = if e == i { i + 1 } else { e };
            continue;
        }
        if let Some(end) = numeric_date(t, i, e).or_else(|| written_date(t, i, e)) {
            if let Some(kind) = date_finding(t, i, end) {
                out.push((kind, i, end));
            }
            i = end;
            continue;
        }
        // After a word for birth, less is a date of birth too: "geboren op 3 maart",
        // "geboortedatum 03032015".
        if let Some(end) = partial_birth_date(t, i, e) {
            out.push((FindingKind::DateOfBirth, i, end));
            i = end;
            continue;
        }
        i = e;
    }
    // "March 3, 2015": a month name first; "geboren in maart 2015" after a word for birth.
    for (i, w, word) in t.words() {
        if month_number(&word).is_some() && t.is_blank(w) {
            let ye = t.digits_end(w + 1);
            let after_day = i >= 2 && t.is_blank(i - 1) && t.is_digit(i - 2);
            if ye - (w + 1) == 4
                && !after_day
                && !t.is_alnum(Some(ye))
                && cue_before(t, i, BIRTH_CUES)
            {
                out.push((FindingKind::DateOfBirth, i, ye));
                continue;
            }
            let d = w + 1;
            let de = t.digits_end(d);
            let mut y = de;
            if t.at(y) == Some(',') {
                y += 1;
            }
            if t.at(y) == Some(' ') {
                let ye = t.digits_end(y + 1);
                let day = t.digits(d, de).parse::<u32>().unwrap_or(0);
                if (1..=2).contains(&(de - d))
                    && (1..=31).contains(&day)
                    && ye - (y + 1) == 4
                    && !t.is_alnum(Some(ye))
                {
                    if let Some(kind) = date_finding(t, i, ye) {
                        out.push((kind, i, ye));
                    }
                }
            }
        }
    }
}

fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
}

/// d-m-yyyy, dd/mm/yy, dd.mm.yyyy (same separator twice) or yyyy-mm-dd, starting at digits
/// `i..e`. Returns the end.
fn numeric_date(t: &Text, i: usize, e: usize) -> Option<usize> {
    let sep = t.at(e).filter(|c| "-/.".contains(*c))?;
    let e2 = t.digits_end(e + 1);
    if t.at(e2) != Some(sep) {
        return None;
    }
    let e3 = t.digits_end(e2 + 1);
    if t.is_alnum(Some(e3)) || (t.at(e3) == Some(sep) && t.is_digit(e3 + 1)) {
        return None;
    }
    let num = |s: usize, e: usize| t.digits(s, e).parse::<u32>().ok();
    let (a, b, c) = (e - i, e2 - e - 1, e3 - e2 - 1);
    let (day, month, year_ok) = match (a, b, c) {
        // With full stops only a four-digit year: "artikel 7.3.11 Jeugdwet" is a section.
        (1 | 2, 1 | 2, 2 | 4) if sep != '.' || c == 4 => (num(i, e)?, num(e + 1, e2)?, true),
        (4, 1 | 2, 1 | 2) if sep == '-' => (num(e2 + 1, e3)?, num(e + 1, e2)?, true),
        _ => (0, 0, false),
    };
    (year_ok && (1..=31).contains(&day) && (1..=12).contains(&month)).then_some(e3)
}

/// "3 maart 2015" / "3 March 2015" starting at digits `i..e`. Returns the end.
fn written_date(t: &Text, i: usize, e: usize) -> Option<usize> {
    let day = t.digits(i, e).parse::<u32>().ok()?;
    if !(1..=2).contains(&(e - i)) || !(1..=31).contains(&day) || !t.is_blank(e) {
        return None;
    }
    let w = e + 1;
    let mut we = w;
    while t.at(we).is_some_and(char::is_alphabetic) {
        we += 1;
    }
    let word: String = t.chars[w..we]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    month_number(&word)?;
    let mut y = we;
    if t.at(y) == Some('.') {
        y += 1; // "3 mrt. 2015"
    }
    if !t.is_blank(y) {
        return None;
    }
    let ye = t.digits_end(y + 1);
    (ye - (y + 1) == 4 && !t.is_alnum(Some(ye))).then_some(ye)
}

/// After a word for birth only: a day and month without a year ("3 maart"), or eight digits
/// in a row that make a date ("03032015"), starting at digits `i..e`. Returns the end.
fn partial_birth_date(t: &Text, i: usize, e: usize) -> Option<usize> {
    let num = |s: usize, e: usize| t.digits(s, e).parse::<u32>().ok();
    if e - i == 8 && !t.is_alnum(Some(e)) {
        let (day, month) = (num(i, i + 2)?, num(i + 2, i + 4)?);
        return ((1..=31).contains(&day)
            && (1..=12).contains(&month)
            && (cue_before(t, i, BIRTH_CUES) || cue_after(t, e, |w| BIRTH_CUES.contains(w))))
        .then_some(e);
    }
    let day = num(i, e)?;
    if !(1..=2).contains(&(e - i)) || !(1..=31).contains(&day) || !t.is_blank(e) {
        return None;
    }
    let (we, word) = t.word_at(e + 1);
    month_number(&word)?;
    // "geboren op 3 maart", "Sem is 3 maart geboren".
    (!t.is_alnum(Some(we))
        && (cue_before(t, i, BIRTH_CUES) || cue_after(t, we, |w| BIRTH_CUES.contains(w))))
    .then_some(we)
}

/// Words shortly before a date (among the three words before it) that make it the date of an
/// event, not of a birth: "MDO d.d. 12-03-2024", "sinds 3 april 2024", "vanaf di. 12-03-2024".
const EVENT_CUES: Words = Words(concat!(
    "sinds|vanaf|uiterlijk|rond|tussen|deadline|peildatum|d|datum|mdo|melding|huisbezoek|",
    "ingaande|ingang|geldig|",
    "evaluatie|evaluation|session|training|afspraak|verslag|dated|date|meeting|visit|appointment|",
    "report|review|referral|",
    // Of a court or a file: "de beschikking van 12-03-2024", "laatste update: 12-11-2025".
    "beschikking|uitspraak|zitting|rechtbank|vonnis|besluit|periode|update|versie|hearing|ruling|",
    "period|updated|version|",
));

/// Endings of words for an event, compounds included ("evaluatieoverleg", "startgesprek").
const EVENT_ENDINGS: Words = Words(concat!(
    "moment|rapportage|",
    // "Ingangsdatum", "startdatum", "einddatum" ("geboortedatum" is a word for birth first).
    "datum|overleg|gesprek|bijeenkomst|bespreking|vergadering|",
));

/// Short prepositions of time ("op 12-03-2024 hadden we overleg", "since 12 March 2026", "the
/// meeting on 05-03-2026", "from 1-1-2024 to 31-3-2024"): an event's date only right before it
/// (or before its weekday: "op dinsdag 12-03-2024", "on Tuesday, 12 March 2024"), since such
/// short words are everywhere ("Het gaat om Sem (12-03-2015)" is a date of birth's place).
const TIME_PREPOSITIONS: Words = Words(
    "op|om|voor|na|per|tot|on|since|from|until|till|by|before|after|around|between|to|through|",
);

/// Days of the week (a Dutch one may have a part of the day after it: "dinsdagochtend").
const WEEKDAYS: Words = Words(concat!(
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|",
    "friday|saturday|sunday|",
));

/// Their short forms, whole ("op di. 12-03-2024").
const WEEKDAYS_SHORT: Words = Words("ma|di|wo|do|vr|za|zo|");

/// What a full date from `start` to `end` is: a date of birth when a word for birth is among the
/// three words before or after it; no finding when a word for an event is among the three words
/// before it, or an English preposition of time right before it (meeting notes are full of
/// dates, and each finding holds the export up), unless a word for birth comes earlier in the
/// same clause ("Hij is geboren in Epe, op 12-03-2015", "born in Apeldoorn on 12 March 2015"):
/// then, as with nothing around it, a date that may be one.
fn date_finding(t: &Text, start: usize, end: usize) -> Option<FindingKind> {
    // Not across a joining word: "Haar broertje is in januari geboren en op 12-03-2024 was er
    // een huisbezoek" dates the visit.
    let joined = std::cell::Cell::new(false);
    let birth_before = word_before_is(t, start, |w| {
        if joined.get() || ["en", "maar", "and", "but"].contains(&w) {
            joined.set(true);
            return false;
        }
        BIRTH_CUES.contains(w)
    });
    if birth_before
        || cue_after(t, end, birth_word_after)
        || dotted_dob_before(t, start)
        || birth_later_in_clause(t, end)
    {
        return Some(FindingKind::DateOfBirth);
    }
    let event = cue_before(t, start, EVENT_CUES)
        || ending_before(t, start, EVENT_ENDINGS)
        || preposition_of_time_before(t, start)
        || range_after(t, end);
    (!event || birth_earlier_in_clause(t, start)).then_some(FindingKind::Date)
}

/// True when the word right before `start` is a preposition of time ([`TIME_PREPOSITIONS`],
/// "tot en met", "t/m") or a weekday (a comma or full stop after it).
fn preposition_of_time_before(t: &Text, start: usize) -> bool {
    let word_before = |at: usize| {
        let mut k = t.skip_blanks_back(at);
        if k > 0 && matches!(t.at(k - 1), Some(',' | '.')) {
            k = t.skip_blanks_back(k - 1);
        }
        (k > 0 && k < at).then(|| t.word_before(k))
    };
    let preposition = |s: usize, w: &str| {
        // "Vóór 1 juli": an accent of emphasis, as Dutch writes it on a short word.
        let plain: String = w
            .chars()
            .map(|c| match c {
                'á' => 'a',
                'é' => 'e',
                'í' => 'i',
                'ó' => 'o',
                'ú' => 'u',
                c => c,
            })
            .collect();
        TIME_PREPOSITIONS.contains(&plain)
            // "tot en met 31-3-2024".
            || (w == "met"
                && word_before(s).is_some_and(|(s, w)| {
                    w == "en" && word_before(s).is_some_and(|(_, w)| w == "tot")
                }))
            // "t/m 31-3-2024".
            || (w == "m" && s >= 2 && t.at(s - 1) == Some('/') && t.word_before(s - 1).1 == "t")
    };
    let Some((s, w)) = word_before(start) else {
        return false;
    };
    if preposition(s, &w) {
        return true;
    }
    // A weekday right before it, with or without a preposition: "Donderdag 25 januari 2018
    // vond de evaluatie plaats" (a date of birth is not written with its weekday).
    WEEKDAYS.iter().any(|d| w.starts_with(d)) || WEEKDAYS_SHORT.contains(w.as_str())
}

/// True when "d.o.b." (date of birth, written with full stops) stands right before `start`,
/// a colon allowed.
fn dotted_dob_before(t: &Text, start: usize) -> bool {
    let mut k = t.skip_blanks_back(start);
    if k > 0 && t.at(k - 1) == Some(':') {
        k = t.skip_blanks_back(k - 1);
    }
    let from = k.saturating_sub(6);
    let before: String = t.chars[from..k]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    before.ends_with("d.o.b.") || before.ends_with("d.o.b")
}

/// True when another date follows, joined as a period: "01-01-2023 t/m 31-12-2023", "van
/// 14-02-2024 tot 14-05-2024", "1-1-2024 – 31-3-2024", "from 1 May to 30 June" (digits first).
fn range_after(t: &Text, end: usize) -> bool {
    let mut k = t.skip_blanks(end);
    match t.at(k) {
        Some('-' | '–' | '—') => k += 1,
        _ => {
            let (e, word) = t.word_at(k);
            match word.as_str() {
                "tot" | "to" | "until" | "till" => {
                    k = e;
                    // "tot en met".
                    let (e2, next) = t.word_at(t.skip_blanks(k));
                    if next == "en" {
                        let (e3, met) = t.word_at(t.skip_blanks(e2));
                        if met == "met" {
                            k = e3;
                        }
                    }
                }
                "t" if t.at(e) == Some('/') && t.word_at(e + 1).1 == "m" => k = e + 2,
                _ => return false,
            }
        }
    }
    // A date after it, not just a number ("Sem, 12-03-2015 - 9 jaar" is an age).
    let d = t.skip_blanks(k);
    let e = t.digits_end(d);
    e > d && (numeric_date(t, d, e).is_some() || written_date(t, d, e).is_some())
}

/// True when a word for birth comes later in the clause after `end`: "Hij is op 12-03-2015 in
/// het ziekenhuis in Zutphen geboren." Up to ten words and 100 characters, not past a mark
/// ending a clause, a joining word ("en", "maar", "and", "but") or another number.
fn birth_later_in_clause(t: &Text, end: usize) -> bool {
    let mut k = end;
    for _ in 0..10 {
        while k < t.len() && !t.at(k).is_some_and(char::is_alphabetic) {
            if k - end > 100
                || t.is_digit(k)
                || matches!(t.at(k), Some('.' | '!' | '?' | ';' | ':' | '\n' | '\r'))
            {
                return false;
            }
            k += 1;
        }
        if k >= t.len() {
            return false;
        }
        let (e, word) = t.word_at(k);
        if ["geboren", "born"].contains(&word.as_str()) {
            return true;
        }
        if ["en", "maar", "and", "but"].contains(&word.as_str()) {
            return false;
        }
        k = e.max(k + 1);
    }
    false
}

/// True when a word for birth is among the twelve words before `start` in its clause: not past
/// a full stop, question or exclamation mark, semicolon, colon or line end, a joining word
/// ("en", "maar", "and", "but") or a number (another date or a year), and within 150
/// characters.
fn birth_earlier_in_clause(t: &Text, start: usize) -> bool {
    let mut k = start;
    // The word after the one being looked at (the one looked at before it).
    let mut after = String::new();
    for _ in 0..12 {
        while k > 0 && !t.at(k - 1).is_some_and(char::is_alphabetic) {
            if start - k > 150 {
                return false;
            }
            if matches!(t.at(k - 1), Some('.' | '!' | '?' | ';' | ':' | '\n')) {
                let (s, before) = t.word_before(k - 1);
                // "Geboren: in het Isala op …", "geb. in Zwolle op …": the word for birth ends
                // there.
                if matches!(t.at(k - 1), Some(':' | '.')) && BIRTH_CUES.contains(before.as_str()) {
                    return true;
                }
                // "St. Jansklooster", "dhr. Jansen": a short word's full stop is an abbreviation.
                let abbreviation = t.at(k - 1) == Some('.') && (1..=3).contains(&(k - 1 - s));
                if !abbreviation {
                    return false;
                }
            }
            // Another number before the date (a date, a year): another clause.
            if t.is_digit(k - 1) {
                return false;
            }
            k -= 1;
        }
        if k == 0 {
            return false;
        }
        let (s, word) = t.word_before(k);
        if BIRTH_CUES.contains(word.as_str()) {
            return true;
        }
        if ["en", "maar", "and", "but"].contains(&word.as_str()) {
            // "geboren en getogen in Epe, op …", "born and raised": still the birth's clause
            // ("geboren en op 12-03-2024 was er een huisbezoek" is not).
            let k2 = t.skip_blanks_back(s);
            return ["getogen", "raised", "bred"].contains(&after.as_str())
                && k2 > 0
                && BIRTH_CUES.contains(t.word_before(k2).1.as_str());
        }
        after = word;
        k = s;
    }
    false
}

/// True when one of `cues` is among the three words before `start` (within 30 characters of
/// anything else between them).
fn cue_before(t: &Text, start: usize, cues: Words) -> bool {
    word_before_is(t, start, |w| cues.contains(w))
}

/// True when one of the three words before `start` ends in one of `endings`.
fn ending_before(t: &Text, start: usize, endings: Words) -> bool {
    word_before_is(t, start, |w| endings.iter().any(|e| w.ends_with(e)))
}

/// True when one of the three words (lower case) before `start` is as `wanted` says, within 30
/// characters of anything else between them.
fn word_before_is(t: &Text, start: usize, wanted: impl Fn(&str) -> bool) -> bool {
    let mut k = start;
    for _ in 0..3 {
        while k > 0 && !t.at(k - 1).is_some_and(char::is_alphabetic) {
            k -= 1;
            if start - k > 30 {
                return false;
            }
        }
        if k == 0 {
            return false;
        }
        let (s, word) = t.word_before(k);
        if wanted(&word) {
            return true;
        }
        k = s;
    }
    false
}

/// True when one of the three words after `end` (lower case) is a cue as `cue` says (within 30
/// characters of anything else between them).
fn cue_after(t: &Text, end: usize, cue: impl Fn(&str) -> bool) -> bool {
    let mut k = end;
    for _ in 0..3 {
        while k < t.len() && !t.at(k).is_some_and(char::is_alphabetic) {
            k += 1;
            if k - end > 30 {
                return false;
            }
        }
        if k >= t.len() {
            return false;
        }
        let (e, word) = t.word_at(k);
        if cue(&word) {
            return true;
        }
        k = e.max(k + 1);
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Names after a title or role: "mevrouw Jansen", "cliënt Fatima El Amrani", "Mr. J. Smith".

/// Titles and roles (lower case, without a final '.') after which a capitalised word is a name.
const NAME_CUES: Words = Words(concat!(
    "mevrouw|mevr|mw|mej|juffrouw|meneer|mijnheer|dhr|hr|heer|cliënt|client|cliënte|cliente|moeder|",
    "vader|zoon|dochter|jongere|kind|broer|zus|zusje|broertje|oma|opa|pleegmoeder|pleegvader|",
    "stiefmoeder|stiefvader|pleegkind|pleegouder|pleegouders|jeugdige|meisje|jongen|mama|papa|",
    "gezin|familie|fam|ouders|casus|partner|zoontje|dochtertje|pleegzoon|pleegdochter|halfbroer|",
    "halfzus|grootmoeder|grootvader|juf|meester|gezinsvoogd|collega|vriend|vriendin|baby|tante|",
    "oom|mrs|mr|ms|miss|mother|father|son|daughter|child|brother|sister|grandmother|grandfather|",
    // Colleagues by their role ("voogd Mark Peters", "wijkcoach Sanne", "our team manager
    // Linda"): the app's own words say answers are not about clients or colleagues.
    "voogd|jeugdbeschermer|jeugdconsulent|consulent|wijkcoach|gezinscoach|teamleider|",
    "gedragswetenschapper|casemanager|hulpverlener|jeugdhulpverlener|regisseur|mentor|guardian|",
    "huisarts|wijkagent|leerkracht|docent|jeugdarts|jeugdverpleegkundige|raadsonderzoeker|",
    "jeugdreclasseerder|zorgcoördinator|gv|",
    "colleague|manager|kinderen|parents|children|",
    // Titles, and words that name ("de jongen heet Thijs", "een meisje genaamd Noor").
    "dr|drs|prof|heet|genaamd|named|naam|name|",
    // A form's labels ("Achternaam: Smit").
    "achternaam|voornaam|roepnaam|meisjesnaam|geboortenaam|surname|",
));

/// The cues that label things or a family as well as people: after them one letter and a
/// capitalised word end a sentence ("casus B. Hierin …", "gezin K. Kwam via de huisarts").
const LABEL_CUES: Words = Words("casus|gezin|familie|fam|");

/// Cues for a family that are also part of organisation names ("Centrum Jeugd en Gezin"): a cue
/// only in lower case or starting a sentence.
const GROUP_CUES: Words = Words("gezin|familie|fam|");

/// The cues that are abbreviations and may be followed by a full stop.
const ABBREVIATIONS: Words = Words("mevr|mw|mej|dhr|hr|fam|mrs|mr|ms|dr|drs|prof|");

/// Lower-case name particles that may stand between capitalised parts ("de Vries", "van der
/// Berg", "El Amrani" is capitalised already).
const PARTICLES: Words =
    Words("van|de|der|den|het|ten|ter|te|in|'t|el|al|la|le|du|da|di|von|op|bin|ben|");

/// Capitalised words that follow role words in ordinary sentences but are not names (the
/// organisations and places of this field).
const NOT_NAMES: Words = Words(concat!(
    "Veilig|Thuis|Jeugdzorg|Team|Wijkteam|Jeugdteam|Gemeente|Raad|GI|Jeugdbescherming|School|",
    "Politie|Huisarts|Centraal|Protection|Board|Samen|Sociaal|Signs|Eigen|Zorgteam|Centrum|Leger|",
    "Triple|Reclassering|Gezinsvoogd|Ouders|Kinderen|Jongeren|Jeugdigen|Broers|Zussen|",
    "Netwerkberaad|Groep|Zie|Vmbo|Havo|Vwo|Mbo|Hbo|",
    // Answers in structured notes.
    "Nvt|Ja|Nee|Goed|Onbekend|Aanwezig|Afwezig|",
    // Days, months and holidays.
    "Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag|Januari|Februari|Maart|April|Mei|",
    "Juni|Juli|Augustus|September|Oktober|November|December|Kerst|Pasen|Pinksteren|Ramadan|",
    "Suikerfeest|Koningsdag|Sinterklaas|Bevrijdingsdag|Corona|Monday|Tuesday|Wednesday|Thursday|",
    "Friday|Saturday|Sunday|Christmas|Easter|",
    // Terms of the field written with capitals ("Drang en Dwang").
    "Drang|Dwang|",
    // Languages and origins ("moeder Arabisch sprekend", "vader Marokkaans").
    "Nederlands|Nederlandse|Marokkaans|Marokkaanse|Turks|Turkse|Arabisch|Engels|Pools|Poolse|",
    "Syrisch|Syrische|Somalisch|Eritrees|Eritrese|Surinaams|Surinaamse|Antilliaans|Duits|Frans|",
    "Koerdisch|Oekraïens|Oekraïense|Afghaans|Afghaanse|Iraaks|Iraakse|Iraans|Iraanse|Somalische|",
    "Ethiopisch|Ethiopische|Eritreeër|Eritreese|Maatschappelijk|Schoolmaatschappelijk|",
    "Antilliaanse|Duitse|Franse|Koerdische|Arabische|Engelse|",
    // Parts of a region and answers to statements, in counts ("Team Noord (12)").
    "Noord|Zuid|Oost|West|Midden|Totaal|Gemiddeld|Maximaal|Eens|Oneens|Neutraal|Aanwezigen|",
    // Provinces and parts of the country ("J.B. Gelderland", an organisation).
    "Gelderland|Overijssel|Veluwe|Achterhoek|Twente|Nederland|Oost-Nederland|",
    // The app's own themes and phases, as a heading may write them ("Koffie, Kennismaken en
    // Casuïstiek").
    "Kennismaken|Opbouw|Verdieping|Casuïstiek|Afspraken|Veiligheid|Processtappen|",
    // Statuses in notes ("Vader: Gedetineerd.", "Moeder: Akkoord.").
    "Akkoord|Overleden|Zwanger|Ziek|Bereikbaar|Onbereikbaar|Betrokken|Gescheiden|Getrouwd|",
    // Headings with a count ("Zorgen (3)", "Respons (42)") and software ("MS Teams").
    "Zorgen|Actie|Youth|Probation|Nidos|Jeugd|Wmo|Werk|Dementie|Praktijkonderwijs|Gemeentelijke|",
    "Cliënten|Clienten|Clients|Respons|Gemeenten|Acties|Casussen|Meldingen|Deelnemers|Reacties|",
    "Teams|Outlook|Excel|Word|Zoom|",
    // Youth-care organisations of the region and beyond ("collega Pluryn").
    "Toegang|Jeugdreclassering|Sensire|Pluryn|Lindenhout|Jeugdformaat|Entrea|Karakter|Yorneo|",
    "Iriszorg|Zozijn|Pactum|Intermetzo|Levvel|Accare|Tactus|Trajectum|Elker|Youké|Schrikker|",
    // Partners named by their role ("collega Leerplicht").
    "Leerplicht|Wijkagent|Jeugdarts|Kinderopvang|Onderwijs|",
));

/// Lower-case prefixes a capitalised surname may be written with ("el-Idrissi", "d'Hondt").
const SURNAME_PREFIXES: Words = Words("el-|al-|d'|l'|o'|");

/// The cues that are titles: after them a surname may be written in capitals ("Mw. YILMAZ"),
/// and a place name is a surname ("mevrouw Epe" is rare, "casus Lochem" a heading).
const TITLE_CUES: Words =
    Words("mevrouw|mevr|mw|mej|juffrouw|meneer|mijnheer|dhr|hr|heer|mrs|mr|ms|miss|dr|drs|prof|");

/// Organisations named after a person, which a role word may precede ("collega William
/// Schrikker" works at the William Schrikker Groep).
const ORGANISATION_NAMES: Words = Words(concat!(
    "William Schrikker|Leger des Heils|",
    // Organisations and places written as two capitalised words, which a full name's shape
    // would otherwise take for a person ("Openbaar Ministerie", "Holland Rijnland").
    "Sterk Huis|Openbaar Ministerie|Holland Rijnland|Den Haag|Kenter Jeugdhulp|De Waag|",
    "Het Poortje|Bureau Jeugdzorg|Zorg Veiligheidshuis|Jeugd Gezin|Jong Leren|Pro Persona|",
    "Heeren Loo|Families First|Multi Systeem|Beschermd Wonen|Maatschappelijke Opvang|",
    "Jeugdhulp Verblijf|Systeemgericht Werken|Sterke Punten|Entrea Lindenhout|Stichting Timon|",
    "Kansrijke Start|Stichting Rosa Spier|",
));

/// Cues for more than one person: "de ouders Kees en Ineke".
const PLURAL_CUES: Words = Words("ouders|pleegouders|grootouders|kinderen|parents|children|");

/// Letters in capitals that are no surname after a title ("dhr. VT" is not written; "mw. GI"
/// would be an organisation).
const CAPITAL_ABBREVIATIONS: Words =
    Words("GI|VT|OTS|BSN|MDO|GGZ|JGZ|CJG|WMO|AMK|SAVE|LVB|KOPP|GGD|JGT|AZC|COA|UWV|SVB|WSG|RVDK|");

/// True for a word (lower case) that describes a person rather than names one: a language or
/// origin ("Arabischtalig", "Tigrinya-sprekend", "Eritreeër", "Ethiopische"), or a state in
/// notes ("Gedetineerd", "Uithuisgeplaatst").
fn describes(lower: &str) -> bool {
    const ENDINGS: Words =
        Words("talig|sprekend|sprekende|eër|eerd|plaatst|scheiden|trouwd|figuur|");
    ENDINGS
        .iter()
        .any(|e| lower.ends_with(e) && lower.chars().count() > e.chars().count() + 2)
}

/// A surname in capitals after a title ("Mw. YILMAZ", "dhr. J. BAKKER"): initials allowed,
/// then one or two words of capitals (hyphens allowed), one of at least three letters, none an
/// abbreviation of this field. Returns where it ends.
fn capitals_name_after(t: &Text, s: usize) -> Option<usize> {
    let mut k = t.initials_end(s);
    if k > s {
        k = t.skip_blanks(k);
    }
    let mut end = None;
    for _ in 0..2 {
        let mut e = k;
        while t.at(e).is_some_and(|c| c.is_uppercase() || c == '-') {
            e += 1;
        }
        let word = t.slice(k, e);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // "Mw. XXX": how a name is left out, not one.
        let placeholder = word.chars().skip(1).all(|c| word.starts_with(c));
        if letters < 2 || placeholder || t.is_alnum(Some(e)) || CAPITAL_ABBREVIATIONS.contains(word)
        {
            break;
        }
        if letters >= 3 {
            end = Some(e);
        }
        if !t.is_blank(e) {
            break;
        }
        k = e + 1;
    }
    end
}

/// True when the name found from `k` to `end` after the cue `cue` names no person: a single
/// word that is a place of the region after a word that is no title ("Casus Lochem: …"), a
/// noun by its ending ("collega Jeugdreclassering"), a description ("Vader Arabischtalig"), or
/// an organisation named after a person.
fn names_no_person(t: &Text, k: usize, end: usize, cue: &str) -> bool {
    let rest = t.slice(k, t.len());
    if ORGANISATION_NAMES.iter().any(|o| rest.starts_with(o)) {
        return true;
    }
    let name = t.slice(k, end);
    let lower = name.to_lowercase();
    // A place of the region by its whole name ("Casus Oude IJsselstreek"), or a district of
    // one ("Casus Zutphen-Noord").
    if !TITLE_CUES.contains(cue) {
        let district = lower.split_once('-').is_some_and(|(place, part)| {
            in_a_municipality_name(place)
                && ["noord", "zuid", "oost", "west", "midden", "centrum"].contains(&part)
        });
        if district || is_a_municipality(&lower) {
            return true;
        }
    }
    if name.contains(' ') {
        return false;
    }
    // A particle alone is no name: "de gezinsvoogd Van de GI" (the organisation follows).
    if [
        "van", "de", "der", "den", "ten", "ter", "te", "het", "'t", "in", "op",
    ]
    .contains(&lower.as_str())
    {
        return true;
    }
    // A worker named by their job's letters: "IB'er", "GGZ'er", "VT'er".
    let job = name.split_once(['\'', '’']).is_some_and(|(letters, _)| {
        letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase)
    });
    if job {
        return true;
    }
    // Not after a title ("Mevrouw Schipper", "De heer Vrolijk"), nor a double surname
    // ("Moeder Bakker-Bastiaans"): only there do these endings name no one.
    !TITLE_CUES.contains(cue)
        && (describes(&lower)
            || (!name.contains('-') && (in_a_municipality_name(&lower) || noun_ending(&lower))))
}

fn names(t: &Text, out: &mut Raw) {
    for (start, w, word) in t.words() {
        // "clie" + U+0308 + "nt" is "cliënt" too.
        let word = word.replace("e\u{308}", "ë");
        if !NAME_CUES.contains(word.as_str()) {
            continue;
        }
        // "Hr." (heer) only with its full stop and not in capitals: "HR" is the personnel
        // department ("Afstemming met HR Utrecht", "de hr afdeling").
        if word == "hr" && (t.at(w) != Some('.') || t.slice(start, w) == "HR") {
            continue;
        }
        // "Gezin" and "familie" are cues written as words ("het gezin Jansen", "Familie
        // Yilmaz" starting a sentence), not inside a name ("Centrum Jeugd en Gezin Zutphen").
        if GROUP_CUES.contains(word.as_str())
            && t.at(start).is_some_and(char::is_uppercase)
            && !sentence_starts(t, start)
        {
            continue;
        }
        let mut k = w;
        // Only an abbreviation takes a full stop ("mevr.", "dhr."); after a whole word it ends
        // the sentence, and the capital that follows starts the next one.
        let dot = t.at(k) == Some('.') && ABBREVIATIONS.contains(word.as_str());
        if dot {
            k += 1;
        }
        // Then white space, or one '(', ',', ':' or opening quote with white space: "de
        // jongere (Noah)", "de vader, Kees, belde", "moeder 'Fatima'", "Moeder: Jolanda.",
        // where the name closes the bracket, comma clause or quote, or ends the sentence after
        // a colon ("Met moeder, Reclassering en Veilig Thuis" is a list; "Moeder: Wil graag…"
        // is how notes are written). After "dhr." none is needed ("dhr.Jansen").
        let before = k;
        let mut mark = None;
        while let Some(c) = t.at(k) {
            match c {
                '(' | ',' | ':' | '\'' | '‘' | '"' | '“' if mark.is_none() => mark = Some(c),
                c if is_blank(c) => {}
                _ => break,
            }
            k += 1;
        }
        if k == before && !dot {
            continue;
        }
        // "Haar naam is Fatima", "her name is Emily Brown".
        if mark.is_none() && (word == "naam" || word == "name") {
            let (e, next) = t.word_at(k);
            if (next == "is" || next == "was") && t.is_blank(e) {
                k = t.skip_blanks(e);
            }
        }
        let title = TITLE_CUES.contains(word.as_str());
        let Some(end) = name_after(t, k)
            .or_else(|| title.then(|| capitals_name_after(t, k)).flatten())
            // Not after "miss" and "ms" ("I miss clear agreements", "via ms teams").
            .or_else(|| {
                (title && mark.is_none() && !["miss", "ms"].contains(&word.as_str()))
                    .then(|| lowercase_name_after(t, k))
                    .flatten()
            })
        else {
            continue;
        };
        if names_no_person(t, k, end, &word) {
            continue;
        }
        let closes_at = |end: usize| match mark {
            None => true,
            Some('(') => matches!(t.at(end), Some(')' | ',')),
            Some(',') => t.at(end) == Some(','),
            // After a colon only a name that ends the sentence or line ("Moeder: Jolanda."):
            // "Moeder: Wil graag…" is how notes are written.
            Some(':') => t
                .at(end)
                .is_none_or(|c| matches!(c, '.' | ',' | '(' | ';' | '\n' | '\r')),
            // A name in quotes: "moeder 'Fatima'".
            Some(_) => matches!(t.at(end), Some('\'' | '’' | '"' | '”')),
        };
        // Two names joined by "en": "De ouders, Kees en Ineke, zijn …", "de ouders Kees en
        // Ineke" (after a word for more than one person, or closed by the mark).
        let joined = [" en ", " and "]
            .iter()
            .find(|j| t.slice(end, (end + j.len()).min(t.len())) == **j)
            .map(|j| end + j.len());
        let second = joined
            .and_then(|from| name_after(t, from).map(|e2| (from, e2)))
            .filter(|&(from, e2)| !names_no_person(t, from, e2, &word))
            .filter(|&(_, e2)| {
                if mark.is_none() {
                    PLURAL_CUES.contains(word.as_str())
                } else {
                    !closes_at(end) && closes_at(e2)
                }
            });
        if let Some((from, e2)) = second {
            out.push((FindingKind::Name, from, e2));
        }
        let closes = closes_at(end) || second.is_some();
        // "casus B. Hierin …": after a word that labels things, one letter and a capitalised
        // word end a sentence; after a title or role ("mevrouw J. Jansen", "moeder A.
        // Yilmaz"), or with a particle ("casus J. de Vries"), they are a name.
        let m = t.initials_end(k);
        let initials_fit = m == k
            || match after_initials(t, m, end) {
                None => false,
                Some(particle) => particle || m - k > 2 || !LABEL_CUES.contains(word.as_str()),
            };
        if closes && initials_fit {
            out.push((FindingKind::Name, k, end));
        }
    }
}

/// A full name without a title or role word: two to four capitalised words, particles and
/// initials allowed between them ("Ik heb Jessica Hageman gebeld", "Jan de Boer van de GI",
/// "Anniek van der Ploeg", "Pieter-Jan de Wit", "our contact John Smith"). Dutch writes nouns
/// in lower case, so capitalised words in a row are mostly a person, a place or an
/// organisation; places and organisations are left out by their words ([`NOT_NAMES`], the
/// municipalities, [`ORGANISATION_NAMES`]), and a run that is part of a longer one of
/// capitalised words ("Jeugdbescherming Regio Amsterdam") names a thing.
fn full_names(t: &Text, out: &mut Raw) {
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    // Verbs that start a sentence as a request ("Neem de Meldcode erbij", "Gebruik de
    // Verwijsindex vaker"): with a particle and a capitalised noun after them they looked like
    // "Jan de Vries" (an acceptance test's false alarms).
    const REQUESTS: Words = Words(concat!(
        "neem|gebruik|zet|bel|maak|stuur|vraag|geef|houd|hou|leg|zorg|plan|kijk|check|betrek|",
        "deel|spreek|stem|laat|voeg|benut|doe|ga|kom|zoek|schakel|informeer|meld|bespreek|noem|",
        "lees|schrijf|blijf|let|denk|mail|regel|pak|breng|haal|volg|start|begin|organiseer|",
        "evalueer|verwijs|bied|toets|registreer|wijs|vul|open|sluit|bekijk|stel|zie|",
    ));
    for (start, _, lower) in t.words() {
        if !t.at(start).is_some_and(char::is_uppercase)
            || ordinary_word(&lower)
            || (start > 0 && matches!(t.at(start - 1), Some('-' | '\'' | '’' | '.')))
            || (REQUESTS.contains(&lower) && sentence_starts(t, start))
        {
            continue;
        }
        // Not the middle of a longer run: the word before is no capitalised word, but for a
        // word that starts a sentence ("Met Jessica Hageman besproken").
        // Nor a thing after an article ("in het Casusoverleg Huiselijk Geweld").
        let b = t.skip_blanks_back(start);
        if b < start && b > 0 {
            let (s, before) = t.word_before(b);
            let sentence_word = (ordinary_word(&before) || REQUESTS.contains(&before))
                && sentence_starts(t, s)
                && !NOT_NAMES.contains(t.slice(s, b));
            if s < b && t.at(s).is_some_and(char::is_uppercase) && !sentence_word {
                continue;
            }
            if s < b && ["de", "het", "een", "the", "a", "an"].contains(&before.as_str()) {
                continue;
            }
        }
        let rest = t.slice(start, t.len());
        if ORGANISATION_NAMES.iter().any(|o| rest.starts_with(o)) {
            continue;
        }
        let Some(end) = name_after(t, start) else {
            continue;
        };
        let all: Vec<&str> = t
            .slice(start, end)
            .split([' ', '.'])
            .filter(|w| !w.is_empty())
            .collect();
        // Between the capitalised words only a name's particles ("Opvang in Den Haag" is a
        // place).
        const NAME_PARTICLES: Words =
            Words("van|de|der|den|ten|ter|'t|le|la|du|da|di|von|bin|ben|el|al|");
        let particles_fit = all
            .iter()
            .all(|w| capitalised(w) || NAME_PARTICLES.contains(w) || w.chars().count() == 1);
        let words: Vec<&str> = all.iter().copied().filter(|w| capitalised(w)).collect();
        // A place is no name's part, but after a particle it is a surname ("Kees van Deventer").
        let place = all
            .iter()
            .enumerate()
            .any(|(i, w)| PLACES.contains(w) && (i == 0 || !NAME_PARTICLES.contains(all[i - 1])));
        // After a known given name the next words are a surname whatever they end in ("Jan
        // Nijhuis", "Tim Greving", "Lisa Groenendijk").
        let given = words
            .first()
            .is_some_and(|w| w.split('-').next().is_some_and(is_first_name));
        let fits = !place
            && words.iter().enumerate().all(|(i, w)| {
                let lower = w.to_lowercase().replace("e\u{308}", "ë");
                let surname = i > 0 && given;
                lower
                    .split('-')
                    // "Jan" is a name more often than January.
                    .all(|part| {
                        !in_a_municipality_name(part)
                            && (part == "jan" || month_number(part).is_none())
                    })
                    && (surname || !noun_ending(&lower))
                    && (surname || !describes(&lower))
                    && (surname || !word_ending(&lower))
                    && !ordinary_word(&lower)
                    && !NAME_CUES.contains(lower.as_str())
            });
        if words.len() < 2 || !fits || !particles_fit {
            continue;
        }
        // A sentence's first words are capitalised anyway ("Korte Lijnen", "Meer Handen aan
        // het Bed"): there only a run that starts with a known given name or holds a particle
        // ("Anniek van der Ploeg regelde …").
        // or that a verb or a bracket follows ("Tedros Kidane is vader", "Radjesh
        // Ramdin-Sewnath (vader)").
        const VERBS: Words = Words(concat!(
            "is|was|heeft|had|wil|wilde|belde|belt|zegt|zei|werkt|woont|kwam|komt|gaat|ging|kan|",
            "moet|wordt|werd|vertelt|vertelde|has|had|says|said|called|works|lives|wants|",
        ));
        let (_, next_word) = t.word_at(t.skip_blanks(end));
        let told = t.at(t.skip_blanks(end)) == Some('(') || VERBS.contains(&next_word);
        if sentence_starts(t, start) && !given && words.len() == all.len() && !told {
            continue;
        }
        // Nor the start of a longer run ("Samen Sterk Zutphen Noord"), nor a thing with a
        // number ("Beschermd Wonen Locatie 3").
        let next = t.skip_blanks(end);
        let longer = capitalised(t.slice(next, t.word_at(next).0)) && !sentence_starts(t, next);
        if next > end && (longer || t.is_digit(next)) {
            continue;
        }
        // Nor a heading: a run starting a line or sentence, ending it with ':' or '?' ("Sterke
        // Punten:", "Wat Gaat Goed?").
        if sentence_starts(t, start) && matches!(t.at(end), Some(':' | '?')) {
            continue;
        }
        out.push((FindingKind::Name, start, end));
    }
}

/// True for a word (lower case) that is an ordinary word rather than a name, capitalised only
/// because it starts a sentence or a heading ("Onder de Jeugdwet", "Wat Kan Beter?").
fn ordinary_word(lower: &str) -> bool {
    NOT_SURNAMES.contains(lower)
        || ORDINARY_CAPITALISED.contains(lower)
        || (NOT_LOWERCASE_NAMES.contains(lower) && !SURNAMES_AS_WORDS.contains(lower))
}

/// True for a capitalised word that is a word by its ending, as headings and names of places
/// capitalise them ("Huiselijk Geweld", "Casusoverleg", "Loket Zorgplein"), or one of those
/// words itself ("Overleg"), lower case. A street's ending alone is a surname ("van Dijk",
/// "van der Wal").
fn word_ending(lower: &str) -> bool {
    const WORDS: Words = Words(concat!(
        "overleg|zorg|hulp|beleid|plan|team|werk|punt|groep|dienst|centrum|bureau|geweld|loket|",
        "plein|",
    ));
    const ENDINGS: Words =
        Words("lijk|lijke|ig|ige|isch|ische|baar|loos|zaam|huis|raad|termijn|dracht|instructie|");
    WORDS.contains(lower)
        || WORDS
            .iter()
            .chain(ENDINGS.iter())
            .chain(STREET_ENDINGS.iter())
            .any(|e| lower.ends_with(e) && lower.chars().count() > e.chars().count() + 2)
}

/// Given names of people in the Netherlands today, of Dutch and of other origins (about
/// 1,300, one per line), without the ones that are also ordinary Dutch or English words ("Ben",
/// "May", "Job", "Merel", "Roos", "Mark"): a name alone, without a title or role word before it
/// ("Jessica belde terug", "met Mohammed gesproken"), is the most common way a person is named
/// in notes.
const FIRST_NAMES: &str = include_str!("first_names.txt");

/// Whether `word`, as written with its capital, is in [`FIRST_NAMES`]: a binary search of
/// the list, which is kept in byte order (a scan of every name for every capitalised word made
/// the check six times slower).
fn is_first_name(word: &str) -> bool {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let word = word.replace("e\u{308}", "ë");
    NAMES
        .get_or_init(|| FIRST_NAMES.lines().collect())
        .binary_search(&word.as_str())
        .is_ok()
}

/// A given name on its own ([`FIRST_NAMES`]): capitalised ("Jessica belde terug", "Aanwezig:
/// Joyce, Hamza"), or in lower case after a word that comes before names or before "en"
/// ("gesprek gehad met jessica", "ricardo en chantal"). Not a part of a word ("Sint-Ludger…"),
/// an e-mail address or an organisation's name ("William Schrikker Groep").
fn first_names(t: &Text, out: &mut Raw) {
    const BEFORE_NAMES: Words = Words(concat!(
        "met|en|van|bij|aan|door|voor|namens|volgens|tegen|over|via|naar|bel|belde|mailde|",
        "sprak|hoi|hallo|beste|and|with|to|from|by|hi|dear|",
    ));
    for (start, end, lower) in t.words() {
        let word = t.slice(start, end);
        if start > 0
            && matches!(
                t.at(start - 1),
                Some('-' | '\'' | '’' | '.' | '@' | '/' | '_')
            )
        {
            continue;
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase);
        // A double given name: "Jan-Willem", "Anne-Marie".
        if capitalised && t.at(end) == Some('-') && is_first_name(word) {
            let (e2, _) = t.word_at(end + 1);
            if e2 > end + 1 && is_first_name(t.slice(end + 1, e2)) && !t.is_alnum(Some(e2)) {
                out.push((FindingKind::Name, start, e2));
            }
            continue;
        }
        if t.is_alnum(Some(end))
            || matches!(t.at(end), Some('@' | '.' | '-' | '_') if t.is_alnum(Some(end + 1)))
        {
            continue;
        }
        let found = if capitalised {
            is_first_name(word)
        } else if word.chars().all(char::is_lowercase) {
            let mut chars = word.chars();
            let written: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            let b = t.skip_blanks_back(start);
            let (_, before) = t.word_before(b);
            let (_, after) = t.word_at(t.skip_blanks(end));
            let placed = (b < start && BEFORE_NAMES.contains(&before))
                || (t.is_blank(end) && (after == "en" || after == "and"));
            // "van jan tot april" is a time.
            placed
                && !ordinary_word(&lower)
                && month_number(&lower).is_none()
                && is_first_name(&written)
        } else {
            false
        };
        if !found {
            continue;
        }
        let rest = t.slice(start, t.len());
        if ORGANISATION_NAMES.iter().any(|o| rest.starts_with(o)) {
            continue;
        }
        // Nor inside a longer capitalised run, with capitalised words before and after it
        // ("Stichting Rosa Spier"); one capitalised word before is often a sentence's first
        // ("Maandag Jessica gebeld", "Bel Mohammed terug", "Beste Fatima").
        let b = t.skip_blanks_back(start);
        let next = t.skip_blanks(end);
        if b < start && b > 0 && next > end {
            let (s, before) = t.word_before(b);
            let (ne, _) = t.word_at(next);
            let capital_word = |from: usize, to: usize| {
                to > from
                    && t.at(from).is_some_and(char::is_uppercase)
                    && t.slice(from, to).chars().skip(1).any(char::is_lowercase)
            };
            if capital_word(s, b)
                && capital_word(next, ne)
                && !NAME_CUES.contains(before.as_str())
                && !(ordinary_word(&before) && sentence_starts(t, s))
            {
                continue;
            }
        }
        // "het Emma Kinderziekenhuis", "het Gerrit Komrij College": an institution named
        // after a person.
        let (_, article) = t.word_before(t.skip_blanks_back(start));
        if ["het", "de", "the"].contains(&article.as_str()) && t.is_blank(start.wrapping_sub(1)) {
            continue;
        }
        // "Sint Maarten", "St. Jan": a place or a school.
        let (_, before) = t.word_before(t.skip_blanks_back(start).saturating_sub(usize::from(
            t.at(t.skip_blanks_back(start).wrapping_sub(1)) == Some('.'),
        )));
        if before == "sint" || before == "st" {
            continue;
        }
        out.push((FindingKind::Name, start, end));
    }
}

/// Towns near the region and countries, which capitalised words in a row or joined by "en"
/// may name ("alleen voor Nijmegen en Arnhem"). Not in [`NOT_NAMES`]: after a particle they are
/// surnames ("Kees van Deventer").
const PLACES: Words = Words(concat!(
    "Arnhem|Nijmegen|Deventer|Zwolle|Enschede|Amersfoort|Amsterdam|Rotterdam|Utrecht|Ede|",
    "Wageningen|Barneveld|Nijkerk|Twello|Dieren|Velp|Rheden|Zevenaar|Duiven|Doesburg|Hengelo|",
    "Almelo|Kampen|Raalte|Tiel|Culemborg|Rijssen|Holten|Eibergen|Neede|Borculo|Lichtenvoorde|",
    "Groenlo|Ulft|Gendringen|Terborg|Varsseveld|Dinxperlo|Vorden|Warnsveld|Eerbeek|Loenen|",
    "Wezep|Vaassen|Emst|Wapenveld|Nigeria|Marokko|Turkije|Syrië|Eritrea|Polen|Suriname|",
    "Somalië|Afghanistan|Oekraïne|",
));

/// Family words after a name's possessive: "Emma's vader", "Noah's moeder".
const FAMILY_WORDS: Words = Words(concat!(
    "vader|moeder|ouders|broer|broertje|zus|zusje|oma|opa|stiefvader|stiefmoeder|pleegouders|",
    "pleegmoeder|pleegvader|father|mother|parents|brother|sister|mum|mom|dad|",
));

/// A name before "'s" and a family word, or before "en zijn" or "en haar" and one: "Emma's
/// vader drinkt", "Gesprek met Mohammed en zijn moeder", "Noah and his mother". Also two
/// capitalised words joined by "en" inside a sentence, as two first names are written ("Tom en
/// Lisa zijn broer en zus", "met Johan en Marieke van de GI"), when neither is a place, an
/// organisation or a word.
fn names_before_family(t: &Text, out: &mut Raw) {
    let first_name = |s: usize, e: usize, lower: &str| {
        name_like(t, s, e, lower)
            && !PLACES.contains(t.slice(s, e))
            && !ordinary_word(lower)
            && !noun_ending(lower)
            && !word_ending(lower)
            && !describes(lower)
            && !t.is_alnum(Some(e))
            && !matches!(t.at(e), Some('-' | '.' | '\'' | '’') if t.is_alnum(Some(e + 1)))
    };
    for (start, end, lower) in t.words() {
        let next = t.skip_blanks(end);
        let (joined_end, joined) = t.word_at(next);
        if next > end && (joined == "en" || joined == "and") && first_name(start, end, &lower) {
            let k = t.skip_blanks(joined_end);
            let (ke, second) = t.word_at(k);
            // "Mohammed en zijn moeder".
            let (_, family) = t.word_at(t.skip_blanks(ke));
            let own = ["zijn", "haar", "his", "her"].contains(&second.as_str())
                && FAMILY_WORDS.contains(family.as_str());
            // "Tom en Lisa": neither after an article, nor starting a longer capitalised run.
            let b = t.skip_blanks_back(start);
            let (_, before) = t.word_before(b);
            let article =
                b < start && ["de", "het", "een", "the", "a", "an"].contains(&before.as_str());
            let after = t.skip_blanks(ke);
            let run_goes_on = after > ke && t.at(after).is_some_and(char::is_uppercase);
            // One of the two must be a known given name: "Armoede en Schulden", "Health and
            // Safety" are headings.
            let pair = k > joined_end
                && !article
                && !run_goes_on
                && t.at(k).is_some_and(char::is_uppercase)
                && first_name(k, ke, &second)
                && (is_first_name(t.slice(start, end)) || is_first_name(t.slice(k, ke)));
            if own || pair {
                out.push((FindingKind::Name, start, end));
            }
            if pair {
                out.push((FindingKind::Name, k, ke));
            }
        }
        if !matches!(t.at(end), Some('\'' | '’'))
            || t.at(end + 1) != Some('s')
            || !t.is_blank(end + 2)
        {
            continue;
        }
        let (_, family) = t.word_at(t.skip_blanks(end + 2));
        if FAMILY_WORDS.contains(family.as_str())
            && name_like(t, start, end, &lower)
            && !NOT_SURNAMES.contains(lower.as_str())
            && !noun_ending(&lower)
        {
            out.push((FindingKind::Name, start, end));
        }
    }
}

/// Organisations a worker is named with in brackets ("Sandra (GI)").
const WORKPLACES: Words = Words(concat!(
    "vt|gi|lokaal team|wijkteam|jeugdteam|veilig thuis|jb|wsg|rvdk|jeugdbescherming|",
    "jeugdreclassering|politie|school|",
));

/// Units of an age in brackets ("Sem (7 mnd)"): babies are counted in months and weeks.
const AGE_UNITS: Words =
    Words("jaar|jr|j|years|yrs|mnd|maand|maanden|weken|wk|months|month|weeks|");

/// Words before an age that make it about ("Noah (bijna 3)").
const AGE_QUALIFIERS: Words = Words("bijna|ruim|ca|circa|ongeveer|pas|almost|about|nearly|");

/// A name followed by an age in brackets: "Lotte (9)", "Sanne de Wit (16 jaar)" — how case
/// notes name a child without a role word. Not a place with a count ("Epe (12)": the built-in
/// questionnaire's municipalities), nor a word that is no name ([`NOT_NAMES`], role words).
fn names_with_age(t: &Text, out: &mut Raw) {
    for (start, end, lower) in t.words() {
        // "Kevin, 14 jaar, spijbelt": after a comma the age needs its unit, and a comma or
        // "oud" after it ("Daarna, 3 weken later" is a time).
        if t.at(end) == Some(',') {
            let d = t.skip_blanks(end + 1);
            let de = t.digits_end(d);
            let (ue, unit) = t.word_at(t.skip_blanks(de));
            let (_, after) = t.word_at(t.skip_blanks(ue));
            // In years, or after a known given name ("Wachttijd, 12 weken, is te lang").
            let years = ["jaar", "jr", "years", "yrs", "year"].contains(&unit.as_str());
            let age = (1..=2).contains(&(de - d))
                && t.is_blank(de)
                && unit.chars().count() > 1
                && AGE_UNITS.contains(unit.as_str())
                && (years || is_first_name(t.slice(start, end)))
                && (t.at(ue) == Some(',') || after == "oud" || after == "old");
            if age
                && name_like(t, start, end, &lower)
                && !NOT_SURNAMES.contains(lower.as_str())
                && !noun_ending(&lower)
            {
                out.push((FindingKind::Name, start, end));
            }
            continue;
        }
        // " (" then an age of one or two digits (and "jaar"), then ")" or ",".
        let open = end + usize::from(t.is_blank(end));
        if t.at(open) != Some('(') {
            continue;
        }
        // "Ilse (geboren 02-05-2009)", "Sem (geb. 2015)": a name before its date of birth;
        // "Marieke (VT), Jeroen (lokaal team)": a worker before their organisation, as
        // attendance is written (design §2 counts it per organisation, never by name).
        let (_, first) = t.word_at(open + 1);
        let organisation = (open + 2..(open + 24).min(t.len()))
            .find(|&c| t.at(c) == Some(')'))
            .is_some_and(|c| {
                WORKPLACES.contains(t.slice(open + 1, c).trim().to_lowercase().as_str())
            });
        if (BIRTH_CUES.contains(first.as_str()) || organisation)
            && name_like(t, start, end, &lower)
            && !noun_ending(&lower)
        {
            out.push((FindingKind::Name, start, end));
            continue;
        }
        // An age about: "(bijna 3)", "(ruim 2 jaar)", "(ca. 4)".
        let mut from = open + 1;
        if AGE_QUALIFIERS.contains(first.as_str()) {
            let qe = t.word_at(from).0;
            from = t.skip_blanks(qe + usize::from(t.at(qe) == Some('.')));
        }
        let digits_end = t.digits_end(from);
        // "(9)", "(9 jaar)", "(9 jr.)", "(9 jaar oud)", "(7 mnd)", "(3 maanden)".
        let mut close = digits_end;
        let (unit_end, unit) = t.word_at(t.skip_blanks(close));
        if AGE_UNITS.contains(unit.as_str()) {
            close = unit_end + usize::from(t.at(unit_end) == Some('.'));
            let (old_end, old) = t.word_at(t.skip_blanks(close));
            if old == "oud" || old == "old" {
                close = old_end;
            }
        }
        // "(06) 123 456 78" is a phone number's area code, no age ("Bel (06) …" read as a name
        // before its age: an acceptance test's find).
        if !(1..=2).contains(&(digits_end - from))
            || !matches!(t.at(close), Some(')' | ','))
            || t.at(from) == Some('0')
        {
            continue;
        }
        // "Actiepunten (4):" heads a list.
        if t.at(close) == Some(')') && t.at(close + 1) == Some(':') {
            continue;
        }
        if !name_like(t, start, end, &lower) {
            continue;
        }
        // The whole name: capitalised words and particles before it ("Pietje Bell (8 jaar)",
        // "Sophie van Dam (10)").
        let mut from = start;
        for _ in 0..3 {
            let mut b = from;
            if b < 2 || !t.is_blank(b - 1) {
                break;
            }
            b -= 1;
            let (s, word) = t.word_before(b);
            if s == b || t.is_alnum(Text::before(s)) {
                break;
            }
            let particle =
                PARTICLES.contains(word.as_str()) && t.at(s).is_some_and(char::is_lowercase);
            if !particle && (!name_like(t, s, b, &word) || NOT_SURNAMES.contains(word.as_str())) {
                break;
            }
            from = s;
        }
        // A particle does not start it.
        while from < start && t.at(from).is_some_and(char::is_lowercase) {
            from = t.skip_blanks(t.word_at(from).0);
        }
        // A single word is no name after an article ("het Convenant (4 jaar)"; "Sanne de Wit"
        // has one before it) or a word of an organisation ("Team Oost (5)"), nor a noun by its
        // ending ("Ondertoezichtstelling (1 jaar)"; "Tim Greving (12)" is a name).
        if from == start {
            let b = t.skip_blanks_back(from);
            let (s, before) = t.word_before(b);
            let article = ["de", "het", "een", "the", "a", "an"].contains(&before.as_str());
            let organisation = NOT_NAMES.contains(t.slice(s, b));
            if (b < from && (article || organisation)) || noun_ending(&lower) {
                continue;
            }
        }
        out.push((FindingKind::Name, from, end));
    }
}

/// Children listed with their dates: "Kinderen: Sem 12-03-2015, Lot 04-07-2017". A capitalised
/// word right before a date, two or more times in the text, each a possible name and no word for
/// an event ("Overleg 12-03-2024, Huisbezoek 14-05-2024").
fn names_before_dates(t: &Text, out: &mut Raw) {
    // Only where children or a family are listed ("Kinderen: …"): "Aangemeld 12-03-2024,
    // Gestart 14-05-2024" lists states.
    let family = t.words().any(|(_, _, w)| {
        [
            "kinderen",
            "kind",
            "broers",
            "zussen",
            "zonen",
            "dochters",
            "gezin",
            "gezinsleden",
            "children",
            "siblings",
            "kids",
        ]
        .contains(&w.as_str())
    });
    if !family {
        return;
    }
    let mut found = Vec::new();
    for (start, end, lower) in t.words() {
        let d = end + 1;
        if !t.is_blank(end) || !t.is_digit(d) {
            continue;
        }
        if numeric_date(t, d, t.digits_end(d)).is_none() {
            continue;
        }
        if !name_like(t, start, end, &lower)
            || noun_ending(&lower)
            || EVENT_CUES.contains(lower.as_str())
            || EVENT_ENDINGS.iter().any(|e| lower.ends_with(e))
            || BIRTH_CUES.contains(lower.as_str())
        {
            continue;
        }
        found.push((FindingKind::Name, start, end));
    }
    if found.len() >= 2 {
        out.extend(found);
    }
}

/// True for a capitalised word from `start` to `end` (`lower` in lower case) that may be a
/// name: not a word of [`NOT_NAMES`], a role, a month or a municipality.
fn name_like(t: &Text, start: usize, end: usize, lower: &str) -> bool {
    let word: String = t.chars[start..end].iter().collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && !NOT_NAMES.contains(word.as_str())
        && !NAME_CUES.contains(lower)
        // "Tienermoeder (17)", "Pleegvader (40)": a role, not a name.
        && !NAME_CUES.iter().any(|c| c.chars().count() >= 4 && lower.ends_with(c))
        && month_number(lower).is_none()
        && !in_a_municipality_name(lower)
}

/// Capitalised words that start a sentence after a letter ending the one before ("met de G.I.
/// Daarna …"): no surname after an initial (lower case).
const NOT_SURNAMES: Words = Words(concat!(
    "de|het|een|in|op|ik|we|wij|jij|je|u|zij|ze|hij|er|dit|dat|die|deze|met|voor|na|bij|als|maar|",
    "en|ook|dan|toen|nu|zo|of|daarna|volgend|volgende|daarnaast|daarom|daardoor|verder|vervolgens|",
    "echter|wel|niet|geen|waar|wat|wie|hoe|omdat|door|om|tot|over|zie|graag|helaas|gelukkig|",
    "inmiddels|tevens|nog|soms|vaak|samen|alle|veel|the|a|an|to|is|was|it|this|that|there|they|he|",
    "she|",
));

/// More words that start English sentences and web pages ("On Tuesday", "Skip to Main
/// Content"), for [`ordinary_word`] only: after initials some are surnames ("J. Top").
const ORDINARY_CAPITALISED: Words = Words(concat!(
    "on|at|for|by|with|from|after|before|during|since|until|dear|hi|hello|thanks|thank|you|",
    "our|my|your|his|her|their|i|we|if|when|then|so|but|and|or|not|no|yes|please|",
    "main|content|back|top|home|page|menu|skip|read|more|next|previous|search|meer|korte|",
));

/// Words before a name written with one initial ("gesprek met J. Jansen", "gebeld door A.
/// Yilmaz"); a single letter after other words is more often a label ("casus B. Hierin …").
const NAME_PRECEDERS: Words = Words(concat!(
    "met|door|van|aan|voor|namens|bij|en|via|volgens|zoals|of|tav|belde|mailde|sprak|spreekt|",
    "gesproken|gebeld|gemaild|with|by|from|and|to|called|contacted|",
));

/// Abbreviations written in capitals with full stops, which are no initials ("N.B. Graag …",
/// "de G.I. Zutphen"), lower case without the stops.
const DOTTED_ABBREVIATIONS: Words = Words(concat!(
    "nb|ps|aub|svp|zsm|tav|ivm|mbt|oa|ipv|ih|dwz|bv|evt|gi|vt|jgz|amw|wmo|ggd|ggz|mdo|rvdk|om|cjg|",
    "bso|smw|bjz|kjp|mee|jit|vvt|po|vo|ots|avg|poh|riec|sterk|",
));

/// True when the initials from `i` to `e` ("G.I.") spell a [`DOTTED_ABBREVIATIONS`] entry.
fn dotted_abbreviation(t: &Text, i: usize, e: usize) -> bool {
    let letters: String = t.chars[i..e]
        .iter()
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect();
    DOTTED_ABBREVIATIONS.contains(letters.as_str())
}

/// The words of a name found after initials ending at `i`, up to `end`: whether a lower-case
/// particle other than "het" is among them ("J. de Vries"; "E. het Zorg- en Veiligheidshuis" is
/// an organisation), and the first capitalised word, which must be able to be a surname: not a
/// word that starts sentences ([`NOT_SURNAMES`]: "casus B. Daarna"), not a place or a word of
/// [`NOT_NAMES`] ("O.M. Zutphen", "team A. Noord").
fn after_initials(t: &Text, i: usize, end: usize) -> Option<bool> {
    let words: Vec<&str> = t
        .slice(i, end)
        .split([' ', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    let particle = words
        .iter()
        .any(|w| *w != "het" && PARTICLES.contains(w) && w.chars().all(char::is_lowercase));
    let surname = words
        .iter()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)?;
    let lower = surname.to_lowercase();
    let fits = !NOT_SURNAMES.contains(lower.as_str())
        && !NOT_NAMES.contains(surname)
        && !in_a_municipality_name(&lower);
    fits.then_some(particle)
}

/// A name after initials without a title or role: "J. de Vries", "gesprek met A. Yilmaz",
/// "Aanwezig: J. Jansen (GI), M. Bakker". A name with a particle is one anywhere but in a
/// lettered list ("A. de Rechtbank" on its own line beside "B. …"); one without after a word
/// that comes before names ([`NAME_PRECEDERS`]) or a ':', ',', ';' or '(', or, with two
/// initials or more, after any lower-case word ("bespraken J.P. Jansen"). Never what
/// [`after_initials`] refuses or an abbreviation ("N.B.", "de G.I.").
fn names_after_initials(t: &Text, out: &mut Raw) {
    let initial = |k: usize| t.at(k).is_some_and(char::is_uppercase) && t.at(k + 1) == Some('.');
    let listed = lettered_list(t);
    let mut i = 0;
    while i < t.len() {
        if !initial(i) || t.is_alnum(Text::before(i)) || (i > 0 && t.at(i - 1) == Some('.')) {
            i += 1;
            continue;
        }
        let start = i;
        i = t.initials_end(i);
        let Some(end) = name_after(t, start) else {
            continue;
        };
        let Some(particle) = after_initials(t, i, end) else {
            continue;
        };
        // An organisation's letters, unless a particle follows ("A.M. de Vries").
        if (dotted_abbreviation(t, start, i) && !particle) || listed.contains(&start) {
            continue;
        }
        let b = t.skip_blanks_back(start);
        let several = i - start > 2;
        let before = t.word_before(b).1;
        let after_word = b < start && b > 0 && t.at(b - 1).is_some_and(char::is_lowercase);
        let after_mark = b > 0 && matches!(t.at(b - 1), Some(':' | ',' | ';' | '('));
        let found = particle
            || (after_word && (several || NAME_PRECEDERS.contains(before.as_str())))
            || after_mark;
        if found {
            out.push((FindingKind::Name, start, end));
        }
        i = end.max(i);
    }
}

/// Where a lettered list's letters are: letters in a row ("B.", "C.") each starting a line, or
/// from "A." on each after a ':', ',', ';' or '(' ("Agenda: A. Opening, B. Notulen"), with a
/// space after. "Aanwezig: J. Jansen, M. Bakker" and "met A. van Dijk en B. Smit" are no list.
fn lettered_list(t: &Text) -> Vec<usize> {
    // Per letter, where it stands as a line's first or after a mark.
    let mut lines: [Option<usize>; 26] = [None; 26];
    let mut marks: [Option<usize>; 26] = [None; 26];
    for i in 0..t.len() {
        let Some(c) = t.at(i).filter(char::is_ascii_uppercase) else {
            continue;
        };
        if t.at(i + 1) != Some('.') || t.at(i + 2) != Some(' ') {
            continue;
        }
        let b = t.skip_blanks_back(i);
        let slot = usize::from(c as u8 - b'A');
        match b.checked_sub(1).and_then(|p| t.at(p)) {
            None | Some('\n' | '\r') => lines[slot] = lines[slot].or(Some(i)),
            Some(':' | ',' | ';' | '(') => marks[slot] = marks[slot].or(Some(i)),
            _ => {}
        }
    }
    let mut listed = Vec::new();
    for (c, at) in lines.iter().enumerate() {
        let next = lines.get(c + 1).copied().flatten();
        let previous = c.checked_sub(1).and_then(|p| lines[p]);
        if let (Some(at), true) = (at, next.is_some() || previous.is_some()) {
            listed.push(*at);
        }
    }
    let run = marks.iter().take_while(|at| at.is_some()).count();
    if run >= 2 {
        listed.extend(marks[..run].iter().flatten());
    }
    listed
}

/// True for a word that ends as Dutch nouns do and names seldom ("Ondertoezichtstelling",
/// "Gezondheid", "Samenwerking"), lower case.
fn noun_ending(lower: &str) -> bool {
    ["ing", "ingen", "heid", "schap", "atie", "isme", "teit"]
        .iter()
        .any(|e| lower.ends_with(e) && lower.len() > e.len() + 3)
}

/// True for a word of a municipality's name in the built-in questionnaire's list ("epe",
/// "gelre", "ijsselstreek"), lower case.
fn in_a_municipality_name(lower: &str) -> bool {
    super::builtin().municipality_item().is_some_and(|item| {
        item.kind.options().iter().any(|o| {
            o.label
                .get(Lang::Nl)
                .split_whitespace()
                .any(|w| w.to_lowercase() == lower)
        })
    })
}

/// True for a municipality's whole name in the built-in questionnaire's list ("oude
/// ijsselstreek"), lower case.
fn is_a_municipality(lower: &str) -> bool {
    super::builtin().municipality_item().is_some_and(|item| {
        item.kind
            .options()
            .iter()
            .any(|o| o.label.get(Lang::Nl).to_lowercase() == lower)
    })
}

/// True when a sentence starts at `i`: at the start of the text or a line, or after ". ", "! ",
/// "? " or ": ".
fn sentence_starts(t: &Text, i: usize) -> bool {
    let mut k = i;
    while k > 0 && t.is_blank(k - 1) {
        k -= 1;
    }
    k == 0 || matches!(t.at(k - 1), Some('.' | '!' | '?' | ':' | '\n' | '\r'))
}

/// A surname typed without its capital right after a title ("mevrouw jansen", "dhr. van der
/// berg", "mw. jansen-bakker"): particles, then one word that is none of the words that follow
/// a title in an ordinary sentence ([`NOT_LOWERCASE_NAMES`], role words). Returns its end.
fn lowercase_name_after(t: &Text, s: usize) -> Option<usize> {
    let mut k = s;
    // After "der", "den", "ter" or "ten" the word is a surname whatever else it means ("ter
    // haar", "van der leek"), but for a few set phrases ("ter plaatse", "ten slotte").
    let mut surname_particle = false;
    loop {
        if !t.at(k).is_some_and(char::is_lowercase) {
            return None;
        }
        let (mut end, word) = t.word_at(k);
        // "de", "van der" before the name; "in", "op" and "het" start places ("meneer in de
        // gang", "mevrouw op het werk"), "al" a time ("mevrouw al jaren").
        if ["van", "de", "der", "den", "ten", "ter", "el"].contains(&word.as_str())
            && t.at(end) == Some(' ')
        {
            surname_particle = ["der", "den", "ter", "ten"].contains(&word.as_str());
            k = end + 1;
            continue;
        }
        let ordinary = if surname_particle {
            SET_PHRASES.contains(&word)
        } else {
            // After "van" or "de" a word that is also a surname is one ("van wijk", "de raad").
            (NOT_LOWERCASE_NAMES.contains(&word) && !(k > s && SURNAMES_AS_WORDS.contains(&word)))
                || NAME_CUES.contains(word.as_str())
                || is_participle(&word)
        };
        if word.chars().count() < 2 || ordinary {
            return None;
        }
        // A double surname: "jansen-bakker".
        while t.at(end) == Some('-') && t.at(end + 1).is_some_and(char::is_lowercase) {
            end = t.word_at(end + 1).0;
        }
        return Some(end);
    }
}

/// Words after "ter", "ten", "der" or "den" in set phrases, not surnames ("ter plaatse", "ten
/// slotte", "ter zitting").
const SET_PHRASES: Words = Words(concat!(
    "plaatse|slotte|aanzien|opzichte|tijde|onrechte|zitting|behoeve|info|plekke|tafel|sprake|",
    "hoogte|beschikking|gelegenheid|zake|eerste|tweede|derde|laatste|minste|hulp|",
));

/// Words of [`NOT_LOWERCASE_NAMES`] that are surnames after "van" or "de" ("van wijk", "de
/// rechter", "van wel", "de raad").
const SURNAMES_AS_WORDS: Words = Words("wijk|rechter|wel|raad|haar|huis|heel|buurt|kant|");

/// A past participle by its shape, as terse notes put them after a title ("met mevrouw
/// uitgelegd", "meneer gemaild"): a separable verb's prefix and "ge" ("uitgelegd", "aangemeld",
/// "teruggebeld"), or "ge" and five letters or more ("gevraagd"), ending in "d" or "t". Not "be-",
/// "ver-", "ont-" or "her-" by shape: surnames start so ("Vervoort", "Berkhout"); their common
/// participles are listed. Nor one on "-en": surnames end so ("Verhoeven", "Gerritsen").
fn is_participle(word: &str) -> bool {
    // Not "na": "nagelhout" is a surname ("nagevraagd" is listed).
    const SEPARABLE: Words = Words("aan|uit|door|op|af|toe|terug|in|mee|over|bij|");
    let ends = |rest: &str| rest.ends_with('d') || rest.ends_with('t');
    let separable = SEPARABLE.iter().any(|p| {
        word.strip_prefix(p)
            .and_then(|rest| rest.strip_prefix("ge"))
            .is_some_and(|rest| rest.chars().count() >= 3 && ends(rest))
    });
    separable
        || word
            .strip_prefix("ge")
            .is_some_and(|rest| rest.chars().count() >= 5 && ends(rest))
}

/// Lower-case words that follow a title in an ordinary sentence ("mevrouw gaf aan", "meneer en
/// mevrouw", "mw. zelf"): any other lower-case word right after a title is taken for a surname
/// typed without its capital, which the person can still mark as no personal data.
#[rustfmt::skip]
const NOT_LOWERCASE_NAMES: Words = Words(concat!(
    // Articles, pronouns, conjunctions, prepositions and adverbs.
    "de|het|een|en|of|maar|want|dus|dat|die|dit|deze|wie|",
    "wat|waar|waarmee|hoe|zelf|ook|nog|niet|geen|wel|al|alleen|",
    "toen|nu|dan|daarna|vervolgens|er|daar|hier|zo|echter|eerst|",
    "later|vaak|soms|altijd|nooit|graag|erg|heel|zeer|duidelijk|",
    "mogelijk|waarschijnlijk|direct|meteen|gisteren|vandaag|morgen|hem|",
    "haar|hen|hun|zijn|zich|mij|me|ons|u|jou|je|ze|zij|hij|",
    "van|met|op|in|bij|voor|aan|over|uit|naar|om|tot|tegen|",
    "zonder|na|door|onder|als|omdat|terwijl|tijdens|volgens|namelijk|",
    "inmiddels|opnieuw|weer|samen|nauwelijks|steeds|telefonisch|zelfstandig|",
    "wederom|meerdere|beide|allebei|",
    // Verbs as they follow the subject in case notes.
    "is|was|waren|heeft|hebben|had|hadden|wordt|werd|zal|zou|kan|",
    "kon|wil|wilde|wou|moet|moest|mag|mocht|hoeft|hoefde|gaat|",
    "ging|komt|kwam|doet|deed|zegt|zei|geeft|gaf|vertelt|vertelde|",
    "vindt|vond|weet|wist|denkt|dacht|voelt|voelde|ziet|zag|staat|",
    "stond|zit|zat|ligt|lag|blijft|bleef|krijgt|kreeg|neemt|nam|",
    "laat|liet|belt|belde|woont|woonde|werkt|werkte|maakt|maakte|",
    "reageert|reageerde|benoemt|benoemde|ervaart|ervaarde|herkent|herkende|",
    "begrijpt|begreep|accepteert|accepteerde|weigert|weigerde|stemt|stemde|",
    "toont|toonde|lijkt|leek|wacht|wachtte|vraagt|vroeg|antwoordt|",
    "antwoordde|gebruikt|gebruikte|verblijft|verbleef|verhuist|verhuisde|",
    "meldt|meldde|schrijft|schreef|leest|las|probeert|probeerde|begint|",
    "begon|stopt|stopte|houdt|hield|kiest|koos|zorgt|zorgde|brengt|",
    "bracht|haalt|haalde|spreekt|sprak|praat|praatte|legt|legde|erkent|",
    "erkende|ontkent|ontkende|verklaart|verklaarde|verwacht|verwachtte|hoopt|",
    "hoopte|mist|miste|wenst|wenste|mailt|mailde|appt|appte|hoort|",
    "hoorde|kijkt|keek|loopt|liep|rijdt|reed|snapt|snapte|twijfelt|",
    "twijfelde|aangegeven|gezegd|gebeld|",
    // The same after two people ("meneer en mevrouw kwamen") and after "wil", "gaat".
    "kwamen|komen|gingen|gaan|zeiden|zeggen|gaven|geven|",
    "vertelden|vertellen|belden|bellen|werden|worden|zullen|kunnen|",
    "konden|willen|wilden|moeten|moesten|mogen|mochten|wonen|woonden|",
    "doen|deden|zien|zagen|vinden|vonden|blijven|bleven|krijgen|",
    "kregen|nemen|namen|laten|lieten|werken|werkten|maken|maakten|",
    "reageren|reageerden|staan|stonden|zitten|zaten|weten|wisten|",
    "denken|dachten|voelen|voelden|wachten|wachtten|vragen|vroegen|",
    "praten|spreken|spraken|zorgen|hopen|begrijpen|snappen|twijfelen|",
    // More that terse notes put after a title ("contact met mevrouw via de mail", "meneer
    // bekend bij VT", "meneer en mevrouw beiden").
    "via|per|langs|namens|vanuit|naast|achter|binnen|buiten|sinds|",
    "wegens|vanwege|rond|toch|echt|even|daarom|daarbij|beiden|",
    "bekend|bezig|emotioneel|bereikbaar|huilde|huilt|durft|durfde|kent|",
    "kende|vertrouwt|regelt|regelde|deelt|deelde|noemt|noemde|merkt|",
    "merkte|stelt|stelde|schaamt|schaamde|gesproken|besproken|",
    "doorverwezen|gezien|gedaan|gegaan|gekomen|gebleven|gekregen|genomen|",
    "gelaten|gegeven|geschreven|gelezen|geweest|uitgenodigd|afwachtend|",
    "plan|slag|mening|kant|afgelopen|hele|",
    // Participles of verbs on "be-", "ver-", "ont-", "her-" (not by shape: surnames start so),
    // short ones on "ge-", and adverbs on "-lijk" ("mevrouw eigenlijk").
    "bezocht|benaderd|bereikt|begeleid|betrokken|bevestigd|bekeken|beloofd|beantwoord|bedoeld|",
    "bedankt|belast|verteld|verwezen|verwittigd|verzocht|verstuurd|verwerkt|verhuisd|verzonden|",
    "verloren|vergeten|verrast|verward|ontvangen|ontslagen|ontmoet|ontkend|herhaald|herinnerd|",
    "herkend|gemeld|gehad|gedeeld|eigenlijk|uiteindelijk|natuurlijk|persoonlijk|",
    "werkelijk|vriendelijk|moeilijk|kennelijk|blijkbaar|hopelijk|nagevraagd|nagebeld|nagestuurd|",
    // The organisations of this field in lower case ("meneer van veilig thuis", "mevrouw van
    // de gi").
    "gi|vt|cjg|ggz|jgz|veilig|jeugdbescherming|jeugdreclassering|",
    "leerplicht|kinderopvang|reclassering|bso|wijk|",
    // How a person is described.
    "boos|verdrietig|bang|blij|tevreden|ontevreden|moe|ziek|zwanger|",
    "alleenstaand|gescheiden|bezorgd|open|gesloten|rustig|onrustig|afwezig|",
    "aanwezig|akkoord|eerder|verder|",
    // Where or with whom ("meneer van de gemeente", "mevrouw van school").
    "gemeente|school|rechter|rechtbank|raad|politie|huisarts|instelling|",
    // Offices a title goes with ("mevrouw de wethouder", "meneer de voorzitter").
    "wethouder|voorzitter|burgemeester|kinderrechter|officier|directeur|minister|notaris|",
    "advocaat|dokter|secretaris|griffier|ambtenaar|",
    "organisatie|jeugdteam|wijkteam|buurt|thuis|huis|werk|",
    // English.
    "the|a|an|and|or|but|who|that|also|said|says|told|tells|",
    "will|would|can|could|did|does|has|have|went|goes|came|comes|",
    "felt|feels|wants|wanted|called|calls|lives|lived|himself|herself|",
    "from|at|to|with|about|are|were|both|agreed|agree|attended|joined|arrived|left|asked|",
    "explained|mentioned|reported|signed|refused|declined|accepted|",
));

/// A name starting at `s`: initials ("J." or "J.P."), particles and up to four capitalised words
/// (each a capital followed by at least one lower-case letter, hyphens and apostrophes allowed).
/// Returns the end of the last capitalised word, or `None` when there is none.
fn name_after(t: &Text, s: usize) -> Option<usize> {
    let mut k = s;
    let mut end = None;
    let mut words = 0;
    loop {
        // Initials: "J." possibly repeated ("J.P."), then a space or the name ("J.de Vries").
        let m = t.initials_end(k);
        // "van de G.I. Zutphen": an organisation's letters after other words end the name
        // ("mevrouw A.M. de Vries" starts with them).
        if m > k && k > s && dotted_abbreviation(t, k, m) {
            break;
        }
        if m > k {
            match t.at(m) {
                Some(' ') => k = m + 1,
                Some(c) if c.is_alphabetic() => k = m,
                _ => break,
            }
            continue;
        }
        let mut we = k;
        while t
            .at(we)
            .is_some_and(|c| is_letter(c) || c == '-' || c == '\'' || c == '’')
        {
            we += 1;
        }
        // A closing quote or a hyphen at the end is no part of it ("'Fatima'", "Jansen-").
        while we > k && matches!(t.at(we - 1), Some('\'' | '’' | '-')) {
            we -= 1;
        }
        if we == k {
            break;
        }
        let word: String = t.chars[k..we]
            .iter()
            .map(|&c| if c == '’' { '\'' } else { c })
            .collect();
        let lower = word.to_lowercase();
        // "in" and "op" start a name only as "in 't Veld", "op de Beek": "de vader in Zutphen"
        // names a place.
        if k == s && (lower == "in" || lower == "op") {
            // "in 't Veld", "op de Beek", "op ten Noort"; "in Den Haag", "in het Gezinshuis"
            // are places.
            let next_is_particle = t.at(we) == Some(' ')
                && if lower == "in" {
                    matches!(t.at(we + 1), Some('\'' | '’'))
                } else {
                    t.at(we + 1).is_some_and(char::is_lowercase)
                        && ["de", "den", "ten", "ter"].contains(&t.word_at(we + 1).1.as_str())
                };
            if !next_is_particle {
                break;
            }
        }
        let surname = SURNAME_PREFIXES
            .iter()
            .find_map(|p| word.strip_prefix(p))
            .unwrap_or(&word);
        let capitalised = surname.chars().next().is_some_and(char::is_uppercase)
            && surname.chars().skip(1).any(char::is_lowercase)
            && !NOT_NAMES.contains(word.as_str())
            && !NAME_CUES.contains(lower.as_str());
        // A single capital is an initial written without its full stop ("cliënt M Bouzid").
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if capitalised {
            end = Some(we);
            words += 1;
            if words == 4 {
                break;
            }
        } else if !initial && !PARTICLES.contains(lower.as_str()) {
            break;
        }
        if t.at(we) != Some(' ') {
            break;
        }
        k = we + 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_phone_digits() {
        assert!(is_dutch_phone("0612345678", false));
        assert!(is_dutch_phone("31612345678", true));
        assert!(is_dutch_phone("310201234567", true), "+31 (0)20 …");
        assert!(is_dutch_phone("0031612345678", false));
        assert!(!is_dutch_phone("612345678", false));
        assert!(!is_dutch_phone("0012345678", false), "00 is international");
        assert!(!is_dutch_phone("061234567", false), "nine digits");
        assert!(!is_dutch_phone("4412345678", true), "+44 is not Dutch");
    }

    #[test]
    fn the_first_names_are_in_byte_order_once_each() {
        let names: Vec<&str> = FIRST_NAMES.lines().collect();
        assert!(names.len() > 1_000);
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "sorted, no name twice"
        );
        assert!(is_first_name("Jessica") && is_first_name("Zoë") && !is_first_name("Ben"));
        assert!(
            is_first_name("Zoe\u{308}"),
            "ë typed as e and a combining mark"
        );
    }

    #[test]
    fn eleven_test_by_hand() {
        // 123456782: 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 − 2 = 9+16+21+24+25+24+21+16−2 = 154 = 14·11.
        assert!(passes_eleven_test("123456782"));
        // 123456789: 156 − 9 = 147 = 13·11 + 4.
        assert!(!passes_eleven_test("123456789"));
        assert!(!passes_eleven_test("000000000"));
        assert!(!passes_eleven_test("12345678"));
        assert!(!passes_eleven_test("12345678a"));
    }
}
