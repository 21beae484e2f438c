//! The report model of design §4: headline figures, factors, splits by every `group_by` item,
//! open answers per group, the difference between two groups and between two rounds, with the
//! suppression of small groups built into the model.
//!
//! Every figure is a [`Cell`]: `Shown`, `Empty` (nobody answered, so there is nothing to show and
//! nothing to hide) or `Suppressed`. The UI cannot render a hidden figure by mistake because the
//! model never holds it. The rules, in order:
//! 1. A dataset with fewer complete responses than `min_group_size` shows no figures at all.
//! 2. A figure whose own n is below the minimum (a grade mean of 3 people, a factor mean of 4, a
//!    group of 2) is suppressed; its n is not shown either, only that it is small.
//! 3. Secondary suppression, per split and per column of a split: when any group (or any group's
//!    figure) is hidden, more are hidden, smallest first, until the hidden ones with any
//!    responses are at least two and together at least `min_group_size` (or all are hidden). So
//!    the total minus the shown groups is always a mix of several groups, large enough to show
//!    on its own, and never one small group's figure.
//!
//! Groups with no responses at all are shown as 0: they expose nobody, and hiding them would
//! protect nothing. This module computes on scores from `scoring` and numbers from `statistics`;
//! it does not format (that is `format`) and does not decide which responses are valid.

use std::collections::BTreeMap;

use super::questionnaire::{Label, Questionnaire};
use super::response::{QuestionnaireRef, Response, Status};
use super::scoring::{is_counted, ResponseScores, Scorer};
use super::statistics::{cronbach_alpha, distribution, summarize, Alpha, Summary, ValueCount};

/// One figure of the report as the UI may show it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<T> {
    /// The figure.
    Shown(T),
    /// No response contributes to it: show a dash.
    Empty,
    /// Hidden to protect small groups: show only that the group is small / not shown.
    Suppressed,
}

impl<T> Cell<T> {
    /// The figure when it is shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Cell::Shown(x) => Some(x),
            _ => None,
        }
    }

    /// True when the figure is hidden to protect a small group.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Cell::Suppressed)
    }

    /// The same cell with the figure transformed.
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Cell<U> {
        match self {
            Cell::Shown(x) => Cell::Shown(f(x)),
            Cell::Empty => Cell::Empty,
            Cell::Suppressed => Cell::Suppressed,
        }
    }
}

/// The cell for a figure resting on `count` responses: `Empty` for none, `Suppressed` when
/// `hidden` or below `min`, else the figure.
fn cell<T>(count: usize, min: usize, hidden: bool, make: impl FnOnce() -> T) -> Cell<T> {
    if hidden || (count > 0 && count < min) {
        Cell::Suppressed
    } else if count == 0 {
        Cell::Empty
    } else {
        Cell::Shown(make())
    }
}

/// Which groups (or which groups' figures) to hide so that none below `min` can be seen or worked
/// out from the total and the shown ones.
///
/// `counts[i]` is the n behind group i's figure; `forced[i]` marks groups already hidden for
/// another reason (e.g. the whole group is hidden). A group is hidden when forced or when
/// `0 < n < min`. Then, while the hidden groups that have any responses are fewer than two or
/// hold fewer than `min` responses together, the smallest shown group with responses (lowest
/// index on a tie) is hidden too, until none is left. Groups with n = 0 are never hidden for
/// their own sake: they expose nobody.
///
/// ```
/// use samenscan::domain::report::suppress_small_groups;
/// // 3 is small; hiding it alone would let 20 − 8 − 9 = 3 be worked out, so 8 goes too.
/// assert_eq!(suppress_small_groups(&[3, 8, 9], &[], 5), vec![true, true, false]);
/// ```
pub fn suppress_small_groups(counts: &[usize], forced: &[bool], min: usize) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts
        .iter()
        .enumerate()
        .map(|(i, &n)| forced.get(i).copied().unwrap_or(false) || (n > 0 && n < min))
        .collect();
    loop {
        let (k, sum) = counts
            .iter()
            .zip(&hidden)
            .filter(|(&n, &h)| h && n > 0)
            .fold((0usize, 0usize), |(k, s), (&n, _)| (k + 1, s + n));
        if k == 0 || (k >= 2 && sum >= min) {
            return hidden;
        }
        let next = (0..counts.len())
            .filter(|&i| !hidden[i] && counts[i] > 0)
            .min_by_key(|&i| (counts[i], i));
        match next {
            Some(i) => hidden[i] = true,
            None => return hidden,
        }
    }
}

/// Which group of a split a response falls in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    /// The option with this value.
    Option(String),
    /// The item was not answered (or hidden): listed so that groups add up to the total.
    NotAnswered,
    /// All responses (open answers when they are not split).
    All,
}

/// What to build besides the fixed figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// List open answers per group of this `group_by` item; `None` (or an id that is not a
    /// `group_by` item) lists them in one group of all responses.
    pub open_answers_by: Option<String>,
}

/// Records that were given but do not count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IgnoredRecords {
    /// Drafts: not handed in.
    pub drafts: usize,
    /// Withdrawn by their owner.
    pub withdrawn: usize,
    /// Complete, but made with another questionnaire or version.
    pub other_questionnaire: usize,
}

/// The grade's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeFigures {
    /// The grade item's id (whatever it is).
    pub item_id: String,
    /// Its question.
    pub label: Label,
    /// Lowest grade.
    pub min: i64,
    /// Highest grade.
    pub max: i64,
    /// n, mean, median, sd, 95% interval and the distribution over `min..=max`.
    pub stats: Cell<GradeStats>,
}

/// The grade's statistics when shown.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeStats {
    /// n, mean, median, sd and the 95% confidence interval.
    pub summary: Summary,
    /// How many gave each grade, `min..=max`.
    pub distribution: Vec<ValueCount>,
}

/// One factor's figures over all counted responses.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorFigures {
    /// The factor's id.
    pub factor_id: String,
    /// Its name.
    pub label: Label,
    /// How many likert items it has.
    pub items: usize,
    /// Summary of the factor scores of the responses that have one.
    pub scores: Cell<Summary>,
    /// Cronbach's alpha over the responses that answered all its items, with its n.
    pub alpha: Cell<Alpha>,
}

/// A mean with the number of responses it rests on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mean {
    /// Responses behind the mean.
    pub n: usize,
    /// The mean.
    pub mean: f64,
}

/// One group of a split.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Which group.
    pub key: GroupKey,
    /// Its name (the option's label, or "not answered").
    pub label: Label,
    /// Number of responses; 0 is shown as 0.
    pub n: Cell<usize>,
    /// n as a share of all counted responses (0.0–1.0): the distribution of the item.
    pub share: Cell<f64>,
    /// Mean grade.
    pub grade_mean: Cell<Mean>,
    /// Mean factor score, one per factor in the order of [`Report::factors`].
    pub factor_means: Vec<Cell<Mean>>,
}

/// The responses split by one `group_by` item.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// The item split by.
    pub item_id: String,
    /// Its question.
    pub label: Label,
    /// One group per option in definition order, then "not answered".
    pub groups: Vec<Group>,
}

impl Split {
    /// The group with this key.
    pub fn group(&self, key: &GroupKey) -> Option<&Group> {
        self.groups.iter().find(|g| &g.key == key)
    }
}

/// The free-text answers of one item in one group, sorted so their order says nothing about
/// who answered when.
#[derive(Clone, Debug, PartialEq)]
pub struct TextAnswers {
    /// The text item.
    pub item_id: String,
    /// Its question.
    pub label: Label,
    /// The non-blank answers.
    pub answers: Vec<String>,
}

/// The open answers of one group.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenAnswerGroup {
    /// Which group.
    pub key: GroupKey,
    /// Its name.
    pub label: Label,
    /// One entry per text item; suppressed for a hidden group.
    pub texts: Cell<Vec<TextAnswers>>,
}

/// Open answers listed per group.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenAnswers {
    /// The `group_by` item they are split by, if any.
    pub by: Option<String>,
    /// The groups.
    pub groups: Vec<OpenAnswerGroup>,
}

/// The report on one questionnaire's responses.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The questionnaire reported on.
    pub questionnaire: QuestionnaireRef,
    /// Its title.
    pub title: Label,
    /// Groups below this are not shown.
    pub min_group_size: usize,
    /// Records given but not counted.
    pub ignored: IgnoredRecords,
    /// Number of counted (complete) responses; suppressed when below the minimum.
    pub n: Cell<usize>,
    /// The grade, when the questionnaire has a grade item.
    pub grade: Option<GradeFigures>,
    /// One entry per factor, in definition order.
    pub factors: Vec<FactorFigures>,
    /// One split per `group_by` item, in order.
    pub splits: Vec<Split>,
    /// Open answers.
    pub open_answers: OpenAnswers,
}

/// Two figures and the change from `a` to `b` (b − a); the change is shown only when both are.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The first figure.
    pub a: Cell<f64>,
    /// The second figure.
    pub b: Cell<f64>,
    /// b − a.
    pub change: Cell<f64>,
}

impl Change {
    fn new(a: Cell<f64>, b: Cell<f64>) -> Change {
        let change = match (&a, &b) {
            (Cell::Shown(x), Cell::Shown(y)) => Cell::Shown(y - x),
            (Cell::Suppressed, _) | (_, Cell::Suppressed) => Cell::Suppressed,
            _ => Cell::Empty,
        };
        Change { a, b, change }
    }
}

/// A factor's figure side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorChange {
    /// The factor.
    pub factor_id: String,
    /// Its name.
    pub label: Label,
    /// The two means and their difference.
    pub mean: Change,
}

/// Two groups of one split side by side, factor by factor (e.g. how local teams and GIs each
/// see the collaboration).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupComparison {
    /// The split.
    pub item_id: String,
    /// The first group.
    pub a: GroupKey,
    /// The second group.
    pub b: GroupKey,
    /// The group sizes.
    pub n: Change,
    /// Mean grades.
    pub grade_mean: Change,
    /// Mean factor scores, one per factor.
    pub factors: Vec<FactorChange>,
}

/// One group of a split in two rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupChange {
    /// Which group.
    pub key: GroupKey,
    /// Its name.
    pub label: Label,
    /// Group sizes.
    pub n: Change,
    /// Mean grades.
    pub grade_mean: Change,
    /// Mean factor scores, by factor id.
    pub factors: Vec<FactorChange>,
}

/// One split in two rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitChange {
    /// The item split by.
    pub item_id: String,
    /// Its question.
    pub label: Label,
    /// The groups present in either round.
    pub groups: Vec<GroupChange>,
}

/// Two rounds (e.g. a pilot and a later measurement) side by side, with the change from round a
/// to round b. Each round keeps its own suppression; a change is shown only where both are.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundComparison {
    /// Counted responses.
    pub n: Change,
    /// Mean grade.
    pub grade_mean: Change,
    /// Factor means, matched by factor id (factors of round a first, then new ones of round b).
    pub factors: Vec<FactorChange>,
    /// Splits matched by item id, groups by option value.
    pub splits: Vec<SplitChange>,
}

/// Accumulates n and the sum behind a mean.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    n: usize,
    sum: f64,
}

impl Acc {
    fn add(&mut self, x: f64) {
        self.n += 1;
        self.sum += x;
    }
}

fn not_answered_label() -> Label {
    Label::new("Niet beantwoord", "Not answered")
}

fn all_label() -> Label {
    Label::new("Alle antwoorden", "All answers")
}

/// Builds the report on `questionnaire` from `responses` (the merged dataset: one record per id).
/// Only `complete` responses of this questionnaire's id and version count.
///
/// ```
/// use samenscan::domain::{builtin, report::{build_report, Cell, ReportOptions}};
/// let report = build_report(builtin(), &[], &ReportOptions::default());
/// assert_eq!(report.n, Cell::Shown(0));
/// ```
pub fn build_report(
    questionnaire: &Questionnaire,
    responses: &[Response],
    options: &ReportOptions,
) -> Report {
    let min = questionnaire.min_group_size();
    let scorer = Scorer::new(questionnaire);
    let mut ignored = IgnoredRecords::default();
    let mut scores: Vec<ResponseScores> = Vec::with_capacity(responses.len());
    for r in responses {
        if is_counted(questionnaire, r) {
            scores.push(scorer.score(&r.answers));
        } else {
            match r.status {
                Status::Draft => ignored.drafts += 1,
                Status::Withdrawn => ignored.withdrawn += 1,
                Status::Complete => ignored.other_questionnaire += 1,
            }
        }
    }
    let total = scores.len();
    // Rule 1: below the minimum the whole dataset shows nothing; every figure below is forced.
    let all_hidden = total > 0 && total < min;

    let grade = questionnaire.grade_item().map(|item| {
        let (gmin, gmax) = match item.kind {
            super::questionnaire::ItemKind::Grade { min, max } => (min, max),
            _ => unreachable!("grade_item returns a grade item"),
        };
        let values: Vec<i64> = scores.iter().filter_map(|s| s.grade).collect();
        GradeFigures {
            item_id: item.id.clone(),
            label: item.label.clone(),
            min: gmin,
            max: gmax,
            stats: cell(values.len(), min, all_hidden, || {
                let as_f64: Vec<f64> = values.iter().map(|&g| g as f64).collect();
                GradeStats {
                    summary: summarize(&as_f64),
                    distribution: distribution(&values, gmin, gmax),
                }
            }),
        }
    });

    let factors = questionnaire
        .factors()
        .iter()
        .enumerate()
        .map(|(f, factor)| {
            let values: Vec<f64> = scores.iter().filter_map(|s| s.factors[f]).collect();
            let rows: Vec<Vec<f64>> = scores
                .iter()
                .filter_map(|s| s.complete_factor_items[f].clone())
                .collect();
            FactorFigures {
                factor_id: factor.id.clone(),
                label: factor.label.clone(),
                items: questionnaire.factor_items(&factor.id).count(),
                scores: cell(values.len(), min, all_hidden, || summarize(&values)),
                alpha: cell(rows.len(), min, all_hidden, || cronbach_alpha(&rows)),
            }
        })
        .collect();

    let group_hidden: Vec<Vec<bool>> = scorer
        .group_items()
        .enumerate()
        .map(|(s, item)| {
            let groups = item.kind.options().len() + 1;
            let mut counts = vec![0usize; groups];
            for sc in &scores {
                counts[group_index(sc, s, groups)] += 1;
            }
            if all_hidden {
                vec![true; counts.len()]
            } else {
                suppress_small_groups(&counts, &[], min)
            }
        })
        .collect();

    let splits = scorer
        .group_items()
        .enumerate()
        .map(|(s, item)| build_split(questionnaire, item, s, &scores, &group_hidden[s], total))
        .collect();

    let open_answers = build_open_answers(&scorer, options, &scores, &group_hidden, all_hidden);

    Report {
        questionnaire: questionnaire.reference(),
        title: questionnaire.title().clone(),
        min_group_size: min,
        ignored,
        n: if all_hidden {
            Cell::Suppressed
        } else {
            Cell::Shown(total)
        },
        grade,
        factors,
        splits,
        open_answers,
    }
}

/// The group index of a response in split `s` with `groups` groups (the last is "not answered").
fn group_index(scores: &ResponseScores, s: usize, groups: usize) -> usize {
    scores.groups[s].unwrap_or(groups - 1)
}

fn build_split(
    questionnaire: &Questionnaire,
    item: &super::questionnaire::Item,
    s: usize,
    scores: &[ResponseScores],
    hidden: &[bool],
    total: usize,
) -> Split {
    let min = questionnaire.min_group_size();
    let options = item.kind.options();
    let groups = options.len() + 1;
    let factors = questionnaire.factors().len();
    let mut counts = vec![0usize; groups];
    let mut grade = vec![Acc::default(); groups];
    let mut factor = vec![vec![Acc::default(); groups]; factors];
    for sc in scores {
        let g = group_index(sc, s, groups);
        counts[g] += 1;
        if let Some(x) = sc.grade {
            grade[g].add(x as f64);
        }
        for (f, value) in sc.factors.iter().enumerate() {
            if let Some(x) = value {
                factor[f][g].add(*x);
            }
        }
    }
    // Rule 3 per column: a figure's own n may be small even where its group is not.
    let column = |accs: &[Acc]| -> Vec<Cell<Mean>> {
        let ns: Vec<usize> = accs.iter().map(|a| a.n).collect();
        let col_hidden = suppress_small_groups(&ns, hidden, min);
        accs.iter()
            .zip(col_hidden)
            .map(|(a, h)| {
                cell(a.n, min, h, || Mean {
                    n: a.n,
                    mean: a.sum / a.n as f64,
                })
            })
            .collect()
    };
    let grade_cells = column(&grade);
    let mut factor_cells: Vec<std::vec::IntoIter<Cell<Mean>>> =
        factor.iter().map(|accs| column(accs).into_iter()).collect();
    let groups = (0..groups)
        .zip(grade_cells)
        .map(|(g, grade_mean)| {
            let (key, label) = match options.get(g) {
                Some(o) => (GroupKey::Option(o.value.clone()), o.label.clone()),
                None => (GroupKey::NotAnswered, not_answered_label()),
            };
            let n = counts[g];
            Group {
                key,
                label,
                n: if hidden[g] {
                    Cell::Suppressed
                } else {
                    Cell::Shown(n)
                },
                share: if hidden[g] {
                    Cell::Suppressed
                } else if total == 0 {
                    Cell::Empty
                } else {
                    Cell::Shown(n as f64 / total as f64)
                },
                grade_mean,
                factor_means: factor_cells
                    .iter_mut()
                    .map(|c| c.next().expect("one cell per group"))
                    .collect(),
            }
        })
        .collect();
    Split {
        item_id: item.id.clone(),
        label: item.label.clone(),
        groups,
    }
}

fn build_open_answers(
    scorer: &Scorer,
    options: &ReportOptions,
    scores: &[ResponseScores],
    group_hidden: &[Vec<bool>],
    all_hidden: bool,
) -> OpenAnswers {
    let split = options
        .open_answers_by
        .as_deref()
        .and_then(|id| scorer.group_items().position(|i| i.id == id));
    let text_items: Vec<_> = scorer.text_items().collect();
    // (key, label, hidden) per group, and a function from response to group.
    let groups: Vec<(GroupKey, Label, bool)> = match split {
        Some(s) => {
            let item = scorer.group_items().nth(s).expect("position found above");
            item.kind
                .options()
                .iter()
                .map(|o| (GroupKey::Option(o.value.clone()), o.label.clone()))
                .chain([(GroupKey::NotAnswered, not_answered_label())])
                .zip(&group_hidden[s])
                .map(|((k, l), &h)| (k, l, h))
                .collect()
        }
        None => vec![(GroupKey::All, all_label(), all_hidden)],
    };
    let mut texts: Vec<Vec<Vec<String>>> = vec![vec![Vec::new(); text_items.len()]; groups.len()];
    for sc in scores {
        let g = split.map_or(0, |s| group_index(sc, s, groups.len()));
        if groups[g].2 {
            continue;
        }
        for (t, text) in sc.texts.iter().enumerate() {
            if let Some(text) = text {
                texts[g][t].push(text.to_string());
            }
        }
    }
    OpenAnswers {
        by: split.map(|s| scorer.group_items().nth(s).expect("found").id.clone()),
        groups: groups
            .into_iter()
            .zip(texts)
            .map(|((key, label, hidden), lists)| OpenAnswerGroup {
                key,
                label,
                texts: if hidden {
                    Cell::Suppressed
                } else {
                    Cell::Shown(
                        text_items
                            .iter()
                            .zip(lists)
                            .map(|(item, mut answers)| {
                                answers.sort();
                                TextAnswers {
                                    item_id: item.id.clone(),
                                    label: item.label.clone(),
                                    answers,
                                }
                            })
                            .collect(),
                    )
                },
            })
            .collect(),
    }
}

fn mean_of(cell: &Cell<Mean>) -> Cell<f64> {
    cell.map(|m| m.mean)
}

fn count_of(cell: &Cell<usize>) -> Cell<f64> {
    cell.map(|&n| n as f64)
}

fn summary_mean(cell: &Cell<Summary>) -> Cell<f64> {
    match cell {
        Cell::Shown(Summary { mean: Some(m), .. }) => Cell::Shown(*m),
        Cell::Suppressed => Cell::Suppressed,
        _ => Cell::Empty,
    }
}

impl Report {
    /// The split by this item.
    pub fn split(&self, item_id: &str) -> Option<&Split> {
        self.splits.iter().find(|s| s.item_id == item_id)
    }

    /// True when the dataset is below the minimum and the report shows no figures at all.
    pub fn is_below_minimum(&self) -> bool {
        self.n.is_suppressed()
    }

    /// The mean grade over all counted responses.
    pub fn grade_mean(&self) -> Cell<f64> {
        match &self.grade {
            Some(g) => match &g.stats {
                Cell::Shown(s) => s.summary.mean.map_or(Cell::Empty, Cell::Shown),
                Cell::Suppressed => Cell::Suppressed,
                Cell::Empty => Cell::Empty,
            },
            None => Cell::Empty,
        }
    }

    /// Two groups of one split side by side, factor by factor, with the difference b − a
    /// (e.g. `org`: `lokaal_team` against `gi`). `None` when the split or a group does not exist.
    pub fn compare_groups(
        &self,
        item_id: &str,
        a: &GroupKey,
        b: &GroupKey,
    ) -> Option<GroupComparison> {
        let split = self.split(item_id)?;
        let (ga, gb) = (split.group(a)?, split.group(b)?);
        Some(GroupComparison {
            item_id: item_id.to_string(),
            a: a.clone(),
            b: b.clone(),
            n: Change::new(count_of(&ga.n), count_of(&gb.n)),
            grade_mean: Change::new(mean_of(&ga.grade_mean), mean_of(&gb.grade_mean)),
            factors: self
                .factors
                .iter()
                .enumerate()
                .map(|(f, factor)| FactorChange {
                    factor_id: factor.factor_id.clone(),
                    label: factor.label.clone(),
                    mean: Change::new(mean_of(&ga.factor_means[f]), mean_of(&gb.factor_means[f])),
                })
                .collect(),
        })
    }
}

/// Matches two lists by key: first every key of `a` in order, then the keys only `b` has.
fn pair_by<'x, T, K: Ord + Clone>(
    a: &'x [T],
    b: &'x [T],
    key: impl Fn(&T) -> K,
) -> Vec<(Option<&'x T>, Option<&'x T>)> {
    let index_b: BTreeMap<K, &T> = b.iter().map(|x| (key(x), x)).collect();
    let keys_a: BTreeMap<K, ()> = a.iter().map(|x| (key(x), ())).collect();
    a.iter()
        .map(|x| (Some(x), index_b.get(&key(x)).copied()))
        .chain(
            b.iter()
                .filter(|y| !keys_a.contains_key(&key(y)))
                .map(|y| (None, Some(y))),
        )
        .collect()
}

fn factor_changes(
    a: &[FactorFigures],
    b: &[FactorFigures],
    mean_a: impl Fn(usize) -> Cell<f64>,
    mean_b: impl Fn(usize) -> Cell<f64>,
) -> Vec<FactorChange> {
    let pos = |list: &[FactorFigures], f: &FactorFigures| {
        list.iter().position(|x| x.factor_id == f.factor_id)
    };
    pair_by(a, b, |f| f.factor_id.clone())
        .into_iter()
        .map(|(fa, fb)| {
            let any = fa.or(fb).expect("one side is present");
            FactorChange {
                factor_id: any.factor_id.clone(),
                label: any.label.clone(),
                mean: Change::new(
                    fa.and_then(|f| pos(a, f)).map_or(Cell::Empty, &mean_a),
                    fb.and_then(|f| pos(b, f)).map_or(Cell::Empty, &mean_b),
                ),
            }
        })
        .collect()
}

/// Two rounds side by side with the change from `a` to `b`. The reports may come from different
/// versions of a questionnaire: figures are matched by factor id, split item id and option value,
/// and what only one round has shows as empty on the other side.
pub fn compare_rounds(a: &Report, b: &Report) -> RoundComparison {
    let factors = factor_changes(
        &a.factors,
        &b.factors,
        |f| summary_mean(&a.factors[f].scores),
        |f| summary_mean(&b.factors[f].scores),
    );
    let splits = pair_by(&a.splits, &b.splits, |s| s.item_id.clone())
        .into_iter()
        .map(|(sa, sb)| {
            let any = sa.or(sb).expect("one side is present");
            let empty: &[Group] = &[];
            let groups = pair_by(
                sa.map_or(empty, |s| &s.groups),
                sb.map_or(empty, |s| &s.groups),
                |g| g.key.clone(),
            )
            .into_iter()
            .map(|(ga, gb)| {
                let g = ga.or(gb).expect("one side is present");
                GroupChange {
                    key: g.key.clone(),
                    label: g.label.clone(),
                    n: Change::new(
                        ga.map_or(Cell::Empty, |g| count_of(&g.n)),
                        gb.map_or(Cell::Empty, |g| count_of(&g.n)),
                    ),
                    grade_mean: Change::new(
                        ga.map_or(Cell::Empty, |g| mean_of(&g.grade_mean)),
                        gb.map_or(Cell::Empty, |g| mean_of(&g.grade_mean)),
                    ),
                    factors: factor_changes(
                        &a.factors,
                        &b.factors,
                        |f| ga.map_or(Cell::Empty, |g| mean_of(&g.factor_means[f])),
                        |f| gb.map_or(Cell::Empty, |g| mean_of(&g.factor_means[f])),
                    ),
                }
            })
            .collect();
            SplitChange {
                item_id: any.item_id.clone(),
                label: any.label.clone(),
                groups,
            }
        })
        .collect();
    RoundComparison {
        n: Change::new(count_of(&a.n), count_of(&b.n)),
        grade_mean: Change::new(a.grade_mean(), b.grade_mean()),
        factors,
        splits,
    }
}
