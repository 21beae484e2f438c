//! Per-response scores (design §4): which responses count, the grade, factor scores, the group a
//! response falls in for each split, the item scores that Cronbach's alpha needs, and the open
//! answers. Everything follows item kinds and flags, never item ids, so any valid questionnaire
//! scores. Aggregation over responses and suppression of small groups belong to `report`; the
//! meaning of a single answer belongs to `validation::parse_answer`, which this module reuses so
//! that what is valid and what counts cannot drift apart.

use super::sorting;
use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value;

use super::questionnaire::{shows, Item, ItemKind, Questionnaire, ShowValue};
use super::response::{item_id, Answers, ItemId, Response, Status};
use super::validation::{parse_answer, Answer};

/// True when `response` counts in a report on `questionnaire`: it is `complete` (never a draft,
/// never withdrawn) and made with this questionnaire's id and version. Answers of another version
/// are not scored against this one, because an item with the same id may mean something else.
pub fn is_counted(questionnaire: &Questionnaire, response: &Response) -> bool {
    response.status == Status::Complete
        && response.questionnaire.id == questionnaire.id()
        && response.questionnaire.version == questionnaire.version()
}

/// The score of a likert answer: x, or 6 − x for a reverse-worded item; `None` for "not
/// applicable".
pub fn likert_score(item: &Item, answer: Option<i64>) -> Option<f64> {
    let x = answer? as f64;
    match item.kind {
        ItemKind::Likert { reverse: true, .. } => Some(6.0 - x),
        _ => Some(x),
    }
}

/// Everything the report needs from one response, computed in one pass.
#[derive(Clone, Debug, PartialEq)]
pub struct ResponseScores<'a> {
    /// The grade, when the grade item is visible and validly answered.
    pub grade: Option<i64>,
    /// One entry per factor of the questionnaire, in its order: the mean of the answered visible
    /// likert items (reverse items as 6 − x), when at least half of its visible items are
    /// answered; `None` otherwise.
    pub factors: Vec<Option<f64>>,
    /// One entry per factor: the scores of all its items when every one is visible and answered
    /// (not "not applicable"); what Cronbach's alpha uses.
    pub complete_factor_items: Vec<Option<Vec<f64>>>,
    /// One entry per group_by item, in order: the index of the chosen option, `None` when not
    /// answered (or hidden).
    pub groups: Vec<Option<usize>>,
    /// One entry per text item, in order: the answer when visible and not blank.
    pub texts: Vec<Option<&'a str>>,
    /// Per text item (bit `t` for the `t`-th; the first 64): whether it was asked as far as the
    /// report's splits tell ([`ResponseScores::asked`]).
    pub texts_asked: u64,
    /// Whether every given answer fits the questionnaire: a known item, of its kind, within its
    /// range and options (`validation::parse_answer`). An imported record was checked against
    /// the definition its file carried; when two files carry different definitions under one id
    /// and version, the dataset keeps one, and a record that only fits the other is left out of
    /// the report and the CSV rather than read as "not answered" or lost from a mean.
    pub fits: bool,
}

impl ResponseScores<'_> {
    /// Whether text item `t` was asked of this response as far as the report's splits tell:
    /// every `show_if` on its way that rests on a split item holds; one that rests on another
    /// item is taken to hold, since the report publishes nobody's answer to it (counting it
    /// made one person's unpublished answer move everyone's open answers). Past the 64th text
    /// item, only those who answered count as asked: fewer, never more.
    pub fn asked(&self, t: usize) -> bool {
        if t < 64 {
            self.texts_asked >> t & 1 == 1
        } else {
            self.texts.get(t).is_some_and(Option::is_some)
        }
    }
}

/// The working vectors of [`Scorer::score_into`], kept from one response to the next.
#[derive(Debug, Default)]
pub struct ScoreBuffers<'a> {
    values: Vec<Option<&'a Value>>,
    visible: Vec<bool>,
    scores: Vec<f64>,
}

/// A questionnaire prepared for scoring many responses: item positions, `show_if` parents and
/// the items of each factor are looked up once, so scoring a response is linear in its items.
#[derive(Clone, Debug)]
pub struct Scorer<'q> {
    questionnaire: &'q Questionnaire,
    items: Vec<&'q Item>,
    /// For each item, the index of its `show_if` item (always earlier) and the accepted values.
    parents: Vec<Option<(usize, &'q [ShowValue])>>,
    grade: Option<usize>,
    factor_items: Vec<Vec<usize>>,
    group_items: Vec<usize>,
    text_items: Vec<usize>,
    /// Item positions in id order, with each id as shared by the answers read from files
    /// ([`item_id`]): a response's answers (also in id order) are matched to the items in one
    /// pass, not looked up one by one, and mostly by the shared id's address instead of its text.
    by_id: Vec<(usize, ItemId)>,
}

impl<'q> Scorer<'q> {
    /// Prepares `questionnaire` for scoring.
    pub fn new(questionnaire: &'q Questionnaire) -> Scorer<'q> {
        let items: Vec<&Item> = questionnaire.items().collect();
        let index: BTreeMap<&str, usize> = sorting::map_from(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| (item.id.as_str(), i)),
        );
        let parents = items
            .iter()
            .map(|item| {
                let cond = item.show_if.as_ref()?;
                Some((*index.get(cond.item.as_str())?, cond.values.as_slice()))
            })
            .collect();
        let positions = |pred: &dyn Fn(&Item) -> bool| -> Vec<usize> {
            (0..items.len()).filter(|&i| pred(items[i])).collect()
        };
        Scorer {
            questionnaire,
            grade: questionnaire
                .grade_item()
                .and_then(|g| index.get(g.id.as_str()).copied()),
            factor_items: questionnaire
                .factors()
                .iter()
                .map(|f| positions(&|i: &Item| i.factor() == Some(f.id.as_str())))
                .collect(),
            group_items: positions(&|i: &Item| i.group_by),
            text_items: positions(&|i: &Item| matches!(i.kind, ItemKind::Text)),
            by_id: {
                let mut order: Vec<usize> = (0..items.len()).collect();
                sorting::sort_by(&mut order, |&a, &b| items[a].id.cmp(&items[b].id));
                order
                    .into_iter()
                    .map(|i| (i, item_id(&items[i].id)))
                    .collect()
            },
            items,
            parents,
        }
    }

    /// The questionnaire being scored.
    pub fn questionnaire(&self) -> &'q Questionnaire {
        self.questionnaire
    }

    /// Every item, in questionnaire order: the positions [`Scorer::answers_by_position`] uses.
    pub fn items(&self) -> &[&'q Item] {
        &self.items
    }

    /// Each item's answer as given (any JSON) and whether the item is shown, by position in
    /// [`Scorer::items`]: one pass over the answers, whatever the number of items.
    pub fn answers_by_position<'a>(
        &self,
        answers: &'a Answers,
    ) -> (Vec<Option<&'a Value>>, Vec<bool>) {
        let values = self.values(answers);
        let visible = self.visibility_of(&values);
        (values, visible)
    }

    /// The group_by items, in the order of [`ResponseScores::groups`].
    pub fn group_items(&self) -> impl Iterator<Item = &'q Item> + '_ {
        self.group_items.iter().map(|&i| self.items[i])
    }

    /// The text items, in the order of [`ResponseScores::texts`].
    pub fn text_items(&self) -> impl Iterator<Item = &'q Item> + '_ {
        self.text_items.iter().map(|&i| self.items[i])
    }

    /// Visibility of every item, in order; the same rule as [`Questionnaire::is_visible`],
    /// computed front to back because a `show_if` always points to an earlier item.
    pub fn visibility(&self, answers: &Answers) -> Vec<bool> {
        self.visibility_of(&self.values(answers))
    }

    /// Each item's answer as given (any JSON), by item position: one merge of two lists sorted
    /// by id.
    fn values<'a>(&self, answers: &'a Answers) -> Vec<Option<&'a Value>> {
        let mut values = Vec::new();
        self.values_into(answers, &mut values);
        values
    }

    /// [`Scorer::values`] into a vector used before.
    fn values_into<'a>(&self, answers: &'a Answers, values: &mut Vec<Option<&'a Value>>) {
        values.clear();
        values.resize(self.items.len(), None);
        let mut given = answers.iter().peekable();
        for (i, shared) in &self.by_id {
            let i = *i;
            while let Some((key, value)) = given.peek() {
                // The same shared id is the same text; another may still be (an id not shared).
                let order = if Arc::ptr_eq(key, shared) {
                    std::cmp::Ordering::Equal
                } else {
                    (***key).cmp(&**shared)
                };
                match order {
                    std::cmp::Ordering::Less => {
                        given.next();
                    }
                    std::cmp::Ordering::Equal => {
                        values[i] = Some(*value);
                        given.next();
                        break;
                    }
                    std::cmp::Ordering::Greater => break,
                }
            }
        }
    }

    fn visibility_of(&self, values: &[Option<&Value>]) -> Vec<bool> {
        let mut visible = Vec::with_capacity(self.items.len());
        self.visibility_into(values, &mut visible);
        visible
    }

    /// Whether item `i` is visible as far as the splits tell: each `show_if` up its chain that
    /// rests on a `group_by` item holds (that item visible and answered with an accepted
    /// value: the group the report puts the response in); one on another item is taken to hold.
    fn asked_by_splits(&self, values: &[Option<&Value>], visible: &[bool], i: usize) -> bool {
        let mut at = i;
        while let Some((p, accepted)) = self.parents[at] {
            let holds = visible[p] && values[p].is_some_and(|answer| shows(answer, accepted));
            if self.items[p].group_by && !holds {
                return false;
            }
            at = p;
        }
        true
    }

    /// [`Scorer::visibility_of`] into a vector used before.
    fn visibility_into(&self, values: &[Option<&Value>], visible: &mut Vec<bool>) {
        visible.clear();
        for parent in &self.parents {
            let shown = match parent {
                None => true,
                Some((p, accepted)) => {
                    // Checked when the definition is read: a show_if points to an earlier item.
                    debug_assert!(*p < visible.len(), "show_if points to an earlier item");
                    visible[*p] && values[*p].is_some_and(|answer| shows(answer, accepted))
                }
            };
            visible.push(shown);
        }
    }

    /// The valid answer to item `i`, when it is visible.
    fn answer_at<'a>(
        &self,
        visible: &[bool],
        values: &[Option<&'a Value>],
        i: usize,
    ) -> Option<Answer<'a>> {
        if !visible[i] {
            return None;
        }
        parse_answer(self.items[i], values[i]?).ok()
    }

    /// The index of the chosen option of a group_by item, from its answer.
    fn option_index(&self, i: usize, answer: Option<Answer<'_>>) -> Option<usize> {
        match answer {
            Some(Answer::Choice(v)) => self.items[i]
                .kind
                .options()
                .iter()
                .position(|o| o.value == v),
            _ => None,
        }
    }

    /// A text answer that is not blank.
    fn text(answer: Option<Answer<'_>>) -> Option<&str> {
        match answer {
            Some(Answer::Text(s)) if !s.trim().is_empty() => Some(s),
            _ => None,
        }
    }

    /// Scores one response's answers (whether the response counts at all is [`is_counted`]).
    pub fn score<'a>(&self, answers: &'a Answers) -> ResponseScores<'a> {
        let mut complete = vec![None; self.factor_items.len()];
        let mut scores = self.score_into(answers, &mut ScoreBuffers::default(), |f, items| {
            complete[f] = Some(items.to_vec());
        });
        scores.complete_factor_items = complete;
        scores
    }

    /// [`Scorer::score`] for many responses: the working vectors are `buffers`, used again
    /// from one response to the next, and each factor whose items are all answered is handed
    /// to `complete` (factor position, item scores) instead of kept in
    /// [`ResponseScores::complete_factor_items`], which stays empty. A report of 100,000
    /// responses made over a million small vectors otherwise.
    pub fn score_into<'a>(
        &self,
        answers: &'a Answers,
        buffers: &mut ScoreBuffers<'a>,
        mut complete: impl FnMut(usize, &[f64]),
    ) -> ResponseScores<'a> {
        let ScoreBuffers {
            values,
            visible,
            scores,
        } = buffers;
        self.values_into(answers, values);
        self.visibility_into(values, visible);
        let answer = |i: usize| self.answer_at(visible, values, i);
        let grade = self.grade.and_then(|i| match answer(i) {
            Some(Answer::Grade(g)) => Some(g),
            _ => None,
        });
        let mut factors = Vec::with_capacity(self.factor_items.len());
        for (f, items) in self.factor_items.iter().enumerate() {
            let mut shown = 0usize;
            scores.clear();
            for &i in items {
                if !visible[i] {
                    continue;
                }
                shown += 1;
                if let Some(Answer::Likert(x)) = answer(i) {
                    scores.extend(likert_score(self.items[i], x));
                }
            }
            // At least half of the visible items answered; "not applicable" is unanswered.
            let enough = !scores.is_empty() && scores.len() * 2 >= shown;
            factors.push(enough.then(|| scores.iter().sum::<f64>() / scores.len() as f64));
            if scores.len() == items.len() {
                complete(f, scores);
            }
        }
        let complete_factor_items = Vec::new();
        let groups = self
            .group_items
            .iter()
            .map(|&i| self.option_index(i, answer(i)))
            .collect();
        let texts = self
            .text_items
            .iter()
            .map(|&i| Self::text(answer(i)))
            .collect();
        let texts_asked = self
            .text_items
            .iter()
            .take(64)
            .enumerate()
            .fold(0u64, |bits, (t, &i)| {
                bits | u64::from(self.asked_by_splits(values, visible, i)) << t
            });
        let known = values.iter().filter(|v| v.is_some()).count();
        let fits = known == answers.len()
            && values
                .iter()
                .zip(&self.items)
                .all(|(v, item)| v.is_none_or(|v| parse_answer(item, v).is_ok()));
        ResponseScores {
            grade,
            factors,
            complete_factor_items,
            groups,
            texts,
            texts_asked,
            fits,
        }
    }
}

/// The factor score of one response for the factor `factor_id` (see
/// [`ResponseScores::factors`]); `None` for an unknown factor. For many responses use a
/// [`Scorer`], which prepares the questionnaire once.
pub fn factor_score(
    questionnaire: &Questionnaire,
    factor_id: &str,
    answers: &Answers,
) -> Option<f64> {
    let position = questionnaire
        .factors()
        .iter()
        .position(|f| f.id == factor_id)?;
    Scorer::new(questionnaire).score(answers).factors[position]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn questionnaire() -> Questionnaire {
        Questionnaire::from_json(
            r#"{"id": "t", "version": 1, "title": {"nl": "T"},
            "factors": [{"id": "f", "label": {"nl": "F"}}],
            "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
              {"id": "role", "kind": "choice", "group_by": true, "label": {"nl": "Rol"},
               "options": [{"value": "a", "label": {"nl": "A"}}, {"value": "b", "label": {"nl": "B"}}]},
              {"id": "cijfer", "kind": "grade", "label": {"nl": "Cijfer"}},
              {"id": "x1", "kind": "likert", "factor": "f", "label": {"nl": "1"}},
              {"id": "x2", "kind": "likert", "factor": "f", "reverse": true, "label": {"nl": "2"}},
              {"id": "x3", "kind": "likert", "factor": "f", "label": {"nl": "3"},
               "show_if": {"item": "role", "in": ["b"]}},
              {"id": "x4", "kind": "likert", "factor": "f", "label": {"nl": "4"}}
            ]}]}"#,
        )
        .unwrap()
    }

    fn answers(v: serde_json::Value) -> Answers {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn answers_with_ids_of_their_own_score_as_shared_ones() {
        let q = questionnaire();
        let scorer = Scorer::new(&q);
        let given = json!({"role": "b", "cijfer": 8, "x1": 4, "x2": 2, "x3": 1, "x4": 5, "zz": 1});
        let shared = answers(given.clone());
        // The same answers, each id a text of its own (as a made-up key beyond the shared ids).
        let own: Answers = given
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (Arc::<str>::from(k.as_str()), v.clone()))
            .collect();
        assert!(own
            .keys()
            .zip(shared.keys())
            .all(|(a, b)| !Arc::ptr_eq(a, b) && a == b));
        assert_eq!(scorer.score(&own), scorer.score(&shared));
        assert_eq!(
            scorer.score(&shared).factors,
            vec![Some((4.0 + 4.0 + 1.0 + 5.0) / 4.0)]
        );
    }

    #[test]
    fn factor_score_reverses_and_needs_half_of_the_visible_items() {
        let q = questionnaire();
        // role a: x3 hidden, 3 visible items. x1 = 4, x2 = 2 reversed → 4, x4 = 5: (4+4+5)/3.
        let a = answers(json!({"role": "a", "x1": 4, "x2": 2, "x3": 1, "x4": 5}));
        let s = factor_score(&q, "f", &a).unwrap();
        assert!((s - 13.0 / 3.0).abs() < 1e-12, "{s}");
        // role b: 4 visible; x1 = 4 and x4 = null (not applicable): 1 of 4 answered < half.
        let b = answers(json!({"role": "b", "x1": 4, "x4": null}));
        assert_eq!(factor_score(&q, "f", &b), None);
        // 2 of 4 answered is half: (4 + (6−1))/2 = 4.5.
        let b = answers(json!({"role": "b", "x1": 4, "x2": 1}));
        assert_eq!(factor_score(&q, "f", &b), Some(4.5));
        assert_eq!(factor_score(&q, "nope", &b), None);
    }

    #[test]
    fn scores_find_grade_groups_and_complete_items_by_kind() {
        let q = questionnaire();
        let a = answers(json!({"role": "b", "cijfer": 8, "x1": 1, "x2": 5, "x3": 3, "x4": 2}));
        let s = Scorer::new(&q).score(&a);
        assert_eq!(s.grade, Some(8));
        assert_eq!(s.groups, vec![Some(1)]);
        // Reverse x2: 6 − 5 = 1; all four answered, so alpha can use them.
        assert_eq!(
            s.complete_factor_items,
            vec![Some(vec![1.0, 1.0, 3.0, 2.0])]
        );
        // (1+1+3+2)/4 = 1.75
        assert_eq!(s.factors, vec![Some(1.75)]);
        // Invalid answers are not counted: a grade of 11 is none, an unknown role is no group.
        let bad = answers(json!({"role": "c", "cijfer": 11}));
        let s = Scorer::new(&q).score(&bad);
        assert_eq!((s.grade, s.groups.clone()), (None, vec![None]));
    }

    #[test]
    fn scorer_visibility_agrees_with_the_questionnaire() {
        let q = super::super::questionnaire::builtin();
        let scorer = Scorer::new(q);
        for freq in ["nooit", "wekelijks", "onbekend"] {
            let a = answers(json!({"frequency": freq, "grade": 7}));
            let fast = scorer.visibility(&a);
            let slow: Vec<bool> = q.items().map(|i| q.is_visible(i, &a)).collect();
            assert_eq!(fast, slow, "frequency {freq}");
        }
    }
}
