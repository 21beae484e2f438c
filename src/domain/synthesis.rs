//! The synthesis of the evaluation meetings for the regional report (design §4, "meeting
//! outcomes"): per municipality what its meetings found and agreed; across municipalities the
//! general actions grouped (the same or nearly the same text together, with the municipalities
//! that raised it, most-raised first); the local actions per municipality; and which
//! municipalities have a completed meeting and which not yet.
//!
//! Only complete meetings count: drafts never leave a device and withdrawn ones are taken back.
//! The result does not depend on the order the meetings come in.
//!
//! "Nearly the same" is decided on words, not characters, and strictly: a grouping that joins
//! two different agreements misleads more than two lines that could have been one. Both texts
//! are lower-cased, accents and punctuation removed and common function words dropped; two
//! words match when equal or, for longer words, one or two typing differences apart. Two texts
//! are nearly the same when every word of the shorter one matches a word of the longer one and
//! the longer one has at most one word more (none when the shorter has fewer than three words),
//! and both or neither say no (`geen`, `niet`, `nooit`, `no`, `not`, `never`, …). So
//! "Vaste contactpersoon per team" and "Een vaste contactpersoon per team aanwijzen" go together;
//! "casuïstiekoverleg maandelijks" and "… wekelijks" stay apart, and so do "Geen vaste
//! contactpersoon per team" and "Vaste contactpersoon per team". Groups are the connected sets
//! of nearly-same texts, so the result does not depend on order. Blank texts are left out.

use super::distance::edit_distance;
use super::sorting;
use std::collections::{BTreeMap, BTreeSet};

use super::meeting::{ActionScope, Meeting, MeetingAction};
use super::response::Status;

/// Words that turn a text into its opposite: texts differing in them are never grouped.
const NEGATIONS: &[&str] = &[
    "geen", "niet", "nooit", "niets", "zonder", "stop", "stoppen", "no", "not", "never", "without",
];

/// Dutch and English function words left out when comparing texts.
const STOPWORDS: &[&str] = &[
    "de", "het", "een", "en", "of", "van", "voor", "in", "op", "aan", "met", "te", "bij", "om",
    "dat", "die", "is", "zijn", "er", "we", "wij", "ze", "the", "a", "an", "and", "or", "of",
    "for", "to", "in", "on", "at", "with", "by", "we", "is", "are",
];

/// What the meetings of one municipality brought.
#[derive(Clone, Debug, PartialEq)]
pub struct MunicipalityOutcome {
    /// The municipality (an option value of the questionnaire's team list, or as recorded).
    pub municipality: String,
    /// Its complete meetings, earliest first (each shown with its own outcomes).
    pub meetings: Vec<Meeting>,
    /// Its general actions, in meeting order.
    pub general_actions: Vec<MeetingAction>,
    /// Its local actions (*couleur locale*), in meeting order.
    pub local_actions: Vec<MeetingAction>,
}

/// General actions that say the same or nearly the same, from one or more municipalities.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionGroup {
    /// The wording shown: of the wordings that differ in more than capitals, punctuation and
    /// function words, the most used one (ties: the one kept as a sentence, then the smallest
    /// text), written as its best-kept form (see [`best_form`]).
    pub text: String,
    /// Every distinct wording in the group (texts that differ only in capitals, punctuation
    /// and function words are one, in its best-kept form), in text order.
    pub wordings: Vec<String>,
    /// The municipalities that raised it, in the order of the municipality list.
    pub municipalities: Vec<String>,
    /// Who takes it up: each organisation named as owner (empty: none named yet), in text order,
    /// with the municipalities that named it, in list order.
    pub owners: Vec<(String, Vec<String>)>,
    /// Municipalities that raised nearly the same action as a local one, in list order.
    pub local_in: Vec<String>,
    /// How many actions the group holds.
    pub count: usize,
}

/// The synthesis of a set of meetings.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Synthesis {
    /// Per municipality with at least one complete meeting: in the order of the municipality
    /// list, then those not on it in text order.
    pub municipalities: Vec<MunicipalityOutcome>,
    /// General actions grouped, most municipalities first (then most actions, then text).
    pub general_actions: Vec<ActionGroup>,
    /// Concerns raised in more than one municipality, grouped as the general actions are (the
    /// same or nearly the same wording), most municipalities first: what the region shares.
    pub shared_concerns: Vec<ActionGroup>,
    /// Strengths named in more than one municipality, likewise.
    pub shared_strengths: Vec<ActionGroup>,
    /// Municipalities of the list with a complete meeting, in list order.
    pub covered: Vec<String>,
    /// Municipalities of the list without a complete meeting yet, in list order.
    pub missing: Vec<String>,
}

/// The meetings a report on questionnaire `report` (its id; `None`: no questionnaire chosen,
/// every meeting) covers: those recorded with that questionnaire (any version), and those of
/// another questionnaire held in one of its `municipalities` (a facilitator who recorded with the
/// built-in one). A meeting of another questionnaire elsewhere belongs to another report: counted
/// here, another region's actions would be "raised by" municipalities this report does not cover.
pub fn of_report<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    report: Option<&'a str>,
    municipalities: &'a [String],
) -> impl Iterator<Item = &'a Meeting> {
    meetings.into_iter().filter(move |m| {
        report.is_none_or(|id| id == m.questionnaire.id) || municipalities.contains(&m.municipality)
    })
}

/// The synthesis of `meetings` against `municipality_list` (the questionnaire's team list; may
/// be empty, then coverage is empty too).
pub fn synthesise<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    municipality_list: &[String],
) -> Synthesis {
    let mut by_municipality: BTreeMap<String, Vec<Meeting>> = BTreeMap::new();
    for m in meetings {
        if m.status == Status::Complete {
            by_municipality
                .entry(m.municipality.clone())
                .or_default()
                .push(m.clone());
        }
    }
    let position = |name: &str| {
        municipality_list
            .iter()
            .position(|m| m == name)
            .unwrap_or(usize::MAX)
    };
    let mut municipalities: Vec<MunicipalityOutcome> = by_municipality
        .into_iter()
        .map(|(municipality, mut meetings)| {
            // Earliest first; the id makes the order total.
            sorting::sort_by(&mut meetings, |a, b| {
                a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
            });
            let mut outcome = MunicipalityOutcome {
                municipality,
                meetings: Vec::new(),
                general_actions: Vec::new(),
                local_actions: Vec::new(),
            };
            for m in &meetings {
                for a in m.actions.iter().filter(|a| !a.text.trim().is_empty()) {
                    match a.scope {
                        Some(ActionScope::General) => outcome.general_actions.push(a.clone()),
                        Some(ActionScope::Local) => outcome.local_actions.push(a.clone()),
                        // Only a draft's action is without; drafts are not counted.
                        None => {}
                    }
                }
            }
            outcome.meetings = meetings;
            outcome
        })
        .collect();
    sorting::sort_by(&mut municipalities, |a, b| {
        position(&a.municipality)
            .cmp(&position(&b.municipality))
            .then_with(|| a.municipality.cmp(&b.municipality))
    });

    let general: Vec<(&str, &MeetingAction)> = municipalities
        .iter()
        .flat_map(|o| {
            o.general_actions
                .iter()
                .map(move |a| (o.municipality.as_str(), a))
        })
        .collect();
    let mut general_actions = group_actions(&general, &position);
    // The same action raised as local somewhere else: said beside the general one.
    for o in &municipalities {
        for local in &o.local_actions {
            let key = words(&local.text);
            for g in general_actions.iter_mut() {
                let same = g.wordings.iter().any(|w| nearly_same(&words(w), &key));
                if same && !g.local_in.contains(&o.municipality) {
                    g.local_in.push(o.municipality.clone());
                }
            }
        }
    }

    // Concerns and strengths several municipalities share, grouped by wording like actions.
    let shared = |of: fn(&Meeting) -> &Vec<String>| {
        let texts: Vec<(&str, MeetingAction)> = municipalities
            .iter()
            .flat_map(|o| {
                o.meetings.iter().flat_map(move |m| {
                    of(m).iter().filter(|x| !x.trim().is_empty()).map(move |x| {
                        let as_action = MeetingAction {
                            text: x.clone(),
                            scope: None,
                            owner: String::new(),
                        };
                        (o.municipality.as_str(), as_action)
                    })
                })
            })
            .collect();
        let refs: Vec<(&str, &MeetingAction)> = texts.iter().map(|(m, a)| (*m, a)).collect();
        let mut groups = group_actions(&refs, &position);
        groups.retain(|g| g.municipalities.len() > 1);
        for g in groups.iter_mut() {
            g.owners.clear();
        }
        groups
    };
    let shared_concerns = shared(|m| &m.concerns);
    let shared_strengths = shared(|m| &m.strengths);
    let covered_set: BTreeSet<&str> =
        sorting::set_from(municipalities.iter().map(|o| o.municipality.as_str()));
    let (covered, missing): (Vec<String>, Vec<String>) = municipality_list
        .iter()
        .cloned()
        .partition(|m| covered_set.contains(m.as_str()));
    Synthesis {
        municipalities,
        general_actions,
        shared_concerns,
        shared_strengths,
        covered,
        missing,
    }
}

/// Groups actions (with the municipality that raised each) by nearly-same text.
fn group_actions(
    actions: &[(&str, &MeetingAction)],
    position: &dyn Fn(&str) -> usize,
) -> Vec<ActionGroup> {
    // Compare each distinct normalised wording once; sorted, so the result is order-free.
    let mut keys: Vec<Vec<String>> = actions.iter().map(|(_, a)| words(&a.text)).collect();
    sorting::sort(&mut keys);
    keys.dedup();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            if nearly_same(&keys[i], &keys[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                // The smaller index is the root: deterministic.
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<(&str, &MeetingAction)>> = BTreeMap::new();
    for &(municipality, action) in actions {
        let key = words(&action.text);
        let index = keys.binary_search(&key).expect("every key was collected");
        let r = root(&mut parent, index);
        groups.entry(r).or_default().push((municipality, action));
    }
    let in_list_order = |list: &mut Vec<String>| {
        sorting::sort_by(list, |a, b| {
            position(a).cmp(&position(b)).then_with(|| a.cmp(b))
        });
    };
    let mut out: Vec<ActionGroup> = groups
        .into_values()
        .map(|members| {
            // Wording (as compared) → how often each form of it was written.
            let mut wordings: BTreeMap<Vec<String>, BTreeMap<String, usize>> = BTreeMap::new();
            let mut municipalities: Vec<String> = Vec::new();
            let mut owners: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for (municipality, action) in &members {
                *wordings
                    .entry(words(&action.text))
                    .or_default()
                    .entry(action.text.trim().to_string())
                    .or_default() += 1;
                if !municipalities.iter().any(|m| m == municipality) {
                    municipalities.push(municipality.to_string());
                }
                let places = owners.entry(action.owner.trim().to_string()).or_default();
                if !places.iter().any(|m| m == municipality) {
                    places.push(municipality.to_string());
                }
            }
            in_list_order(&mut municipalities);
            let mut owners: Vec<(String, Vec<String>)> = owners.into_iter().collect();
            for (_, places) in owners.iter_mut() {
                in_list_order(places);
            }
            // Per wording its best form and how often it was used in any form.
            let mut forms: Vec<(String, usize)> = wordings
                .values()
                .map(|written| (best_form(written), written.values().sum()))
                .collect();
            sorting::sort_by(&mut forms, |a, b| a.0.cmp(&b.0));
            let text = forms
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then_with(|| kept_form(&a.0).cmp(&kept_form(&b.0)))
                        .then_with(|| b.0.cmp(&a.0))
                })
                .map(|(t, _)| t.clone())
                .unwrap_or_default();
            ActionGroup {
                text,
                wordings: forms.into_iter().map(|(t, _)| t).collect(),
                municipalities,
                owners,
                local_in: Vec::new(),
                count: members.len(),
            }
        })
        .collect();
    sorting::sort_by(&mut out, |a, b| {
        b.municipalities
            .len()
            .cmp(&a.municipalities.len())
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| a.text.cmp(&b.text))
    });
    out
}

/// Of the forms of one wording (texts that differ only in capitals, punctuation and function
/// words) with how often each was written, the one to show: the most written; on a tie the one
/// written as a sentence (not all capitals, starting with a capital, without "!"), then the
/// first in text order.
fn best_form(written: &BTreeMap<String, usize>) -> String {
    written
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then_with(|| kept_form(a.0).cmp(&kept_form(b.0)))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(t, _)| t.clone())
        .unwrap_or_default()
}

/// How well a text is kept as a sentence, to prefer on a tie: not all capitals, starting with a
/// capital, without "!" (greater is better).
fn kept_form(t: &str) -> (bool, bool, bool) {
    let letters = || t.chars().filter(|c| c.is_alphabetic());
    let shouting = letters().count() > 1 && letters().all(char::is_uppercase);
    let capital = letters().next().is_some_and(char::is_uppercase);
    (!shouting, capital, !t.contains('!'))
}

/// The words of a text as compared: lower case, accents removed, punctuation as spaces (a full
/// stop between letters is left out: "G.I." is "GI"), function words left out.
pub fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_alphabetic());
    let folded: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| !(c == '.' && i > 0 && letter(i - 1) && letter(i + 1)))
        .map(|(_, &c)| c)
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded
        .split_whitespace()
        .filter(|w| !STOPWORDS.contains(w))
        .map(|w| number_of_word(w).unwrap_or(w).to_string())
        .collect()
}

/// A number written as a word (two to twelve, Dutch and English) as its digits: "binnen vijf
/// werkdagen" and "binnen 5 werkdagen" say the same. "Een"/"één" and "one" are left alone:
/// they are mostly the article.
fn number_of_word(word: &str) -> Option<&'static str> {
    const NUMBERS: &[(&str, &str, &str)] = &[
        ("twee", "two", "2"),
        ("drie", "three", "3"),
        ("vier", "four", "4"),
        ("vijf", "five", "5"),
        ("zes", "six", "6"),
        ("zeven", "seven", "7"),
        ("acht", "eight", "8"),
        ("negen", "nine", "9"),
        ("tien", "ten", "10"),
        ("elf", "eleven", "11"),
        ("twaalf", "twelve", "12"),
    ];
    NUMBERS
        .iter()
        .find(|(nl, en, _)| *nl == word || *en == word)
        .map(|(_, _, digits)| *digits)
}

/// Whether two word lists (from [`words`]) say nearly the same (see the module text).
pub fn nearly_same(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    if negations(a) != negations(b) {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let extra_allowed = if short.len() >= 3 { 1 } else { 0 };
    if short.is_empty() || long.len() - short.len() > extra_allowed {
        return false;
    }
    // Every word of the shorter text must find its own partner in the longer one: exact
    // matches first, then close ones.
    let mut used = vec![false; long.len()];
    let mut open: Vec<&String> = Vec::new();
    for w in short {
        match (0..long.len()).find(|&j| !used[j] && &long[j] == w) {
            Some(j) => used[j] = true,
            None => open.push(w),
        }
    }
    open.into_iter().all(|w| {
        match (0..long.len()).find(|&j| !used[j] && close_words(w, &long[j])) {
            Some(j) => {
                used[j] = true;
                true
            }
            None => false,
        }
    })
}

/// The negation words of a text, sorted, each once.
fn negations(words: &[String]) -> Vec<&str> {
    let mut found: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| NEGATIONS.contains(w))
        .collect();
    sorting::sort(&mut found);
    found.dedup();
    found
}

/// Two different words that are one typing difference apart (words of 4+ letters) or two
/// (words of 8+ letters): "team"/"teams", "contactpersoon"/"contactpersonen".
fn close_words(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let shorter = a.len().min(b.len());
    let allowed = match shorter {
        0..=3 => return false,
        4..=7 => 1,
        _ => 2,
    };
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    edit_distance(&a, &b) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str) -> Vec<String> {
        words(text)
    }

    #[test]
    fn numbers_written_as_words_are_their_digits() {
        assert!(nearly_same(
            &words("Terugkoppeling na een melding binnen vijf werkdagen"),
            &words("Terugkoppeling na melding binnen 5 werkdagen."),
        ));
        assert_eq!(words("Twee keer per jaar"), ["2", "keer", "per", "jaar"]);
        // "Een" stays the article.
        assert_eq!(words("Een vast aanspreekpunt"), ["vast", "aanspreekpunt"]);
    }

    #[test]
    fn words_fold_case_accents_punctuation_and_function_words() {
        assert_eq!(
            w("Casuïstiek-overleg: mét de GI!"),
            ["casuistiek", "overleg", "gi"]
        );
    }
}
