//! Descriptive statistics for the report: n, mean, median, sample standard deviation, the 95%
//! confidence interval of the mean (Student's t, with the quantile computed here from the
//! regularized incomplete beta function, no crate needed), the distribution of integer answers
//! and Cronbach's alpha.
//!
//! The rule for degenerate input: a figure that is not defined is `None`, never NaN or infinity.
//! n = 0 gives no mean, median, sd or interval; n = 1 gives mean and median but no sd or interval
//! (n − 1 = 0); zero variance gives sd 0 and an interval of zero width; alpha needs n ≥ 2, at
//! least two items and a total score that varies. This module knows nothing of questionnaires,
//! responses or suppression of small groups: it computes on plain numbers.

use std::cmp::Ordering;

/// The two ends of an interval, `low <= high`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// The headline figures of one set of numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// How many numbers.
    pub n: usize,
    /// Arithmetic mean; `None` when n = 0.
    pub mean: Option<f64>,
    /// Median (mean of the middle two for even n); `None` when n = 0.
    pub median: Option<f64>,
    /// Sample standard deviation (divisor n − 1); `None` when n < 2.
    pub sd: Option<f64>,
    /// 95% confidence interval of the mean, mean ± t(0.975, n − 1) · sd / √n; `None` when n < 2.
    pub ci95: Option<Interval>,
}

/// The number of answers with one value (e.g. how many gave an 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueCount {
    /// The value.
    pub value: i64,
    /// How many answers have it.
    pub count: usize,
}

/// Cronbach's alpha of a set of items, with the number of responses it rests on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alpha {
    /// Responses that answered every item (only those enter the computation).
    pub n: usize,
    /// Number of items.
    pub items: usize,
    /// (k/(k−1))·(1 − Σ item variances / variance of totals); `None` when n < 2, fewer than two
    /// items, or the totals do not vary. At most 1; it can be negative.
    pub alpha: Option<f64>,
}

/// The arithmetic mean; `None` for no numbers.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// The median; `None` for no numbers. Found by selection, not by sorting: a report takes the
/// median of 100,000 grades and of as many scores per factor.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    let mid = v.len() / 2;
    let upper = select(&mut v, mid);
    Some(if values.len() % 2 == 1 {
        upper
    } else {
        // Everything before `mid` is at most `upper` now; the lower middle is the largest.
        let lower = v[..mid].iter().copied().fold(f64::NEG_INFINITY, |a, b| {
            if a.total_cmp(&b).is_lt() {
                b
            } else {
                a
            }
        });
        (lower + upper) / 2.0
    })
}

/// The `k`-th smallest of `v` (in `f64::total_cmp` order), leaving `v` partitioned around it:
/// Hoare's quickselect with the middle of three as pivot, O(n) on average.
fn select(v: &mut [f64], k: usize) -> f64 {
    let (mut lo, mut hi) = (0, v.len() - 1);
    while lo < hi {
        let m = lo + (hi - lo) / 2;
        // The median of v[lo], v[m], v[hi] as the pivot.
        let (a, b, c) = (v[lo], v[m], v[hi]);
        let pivot = if a.total_cmp(&b).is_lt() {
            if b.total_cmp(&c).is_lt() {
                b
            } else if a.total_cmp(&c).is_lt() {
                c
            } else {
                a
            }
        } else if a.total_cmp(&c).is_lt() {
            a
        } else if b.total_cmp(&c).is_lt() {
            c
        } else {
            b
        };
        // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i <= gt {
            match v[i].total_cmp(&pivot) {
                std::cmp::Ordering::Less => {
                    v.swap(lt, i);
                    lt += 1;
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    v.swap(i, gt);
                    if gt == 0 {
                        break;
                    }
                    gt -= 1;
                }
                std::cmp::Ordering::Equal => i += 1,
            }
        }
        if k < lt {
            hi = lt - 1;
        } else if k > gt {
            lo = gt + 1;
        } else {
            return pivot;
        }
    }
    v[k]
}

/// The sample variance (divisor n − 1), by two passes so that large means do not eat the
/// precision; `None` when n < 2.
pub fn sample_variance(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values)?;
    let ss: f64 = values.iter().map(|x| (x - m) * (x - m)).sum();
    Some(ss / (values.len() - 1) as f64)
}

/// The sample standard deviation (divisor n − 1); `None` when n < 2.
pub fn sample_sd(values: &[f64]) -> Option<f64> {
    sample_variance(values).map(f64::sqrt)
}

/// n, mean, median, sd and the 95% confidence interval of the mean.
///
/// ```
/// use samenscan::domain::statistics::summarize;
/// let s = summarize(&[8.0, 7.0, 9.0]);
/// assert_eq!(s.mean, Some(8.0));
/// ```
pub fn summarize(values: &[f64]) -> Summary {
    let n = values.len();
    let m = mean(values);
    let sd = sample_sd(values);
    let ci95 = match (m, sd) {
        (Some(m), Some(sd)) => {
            let half = t_quantile(0.975, (n - 1) as f64) * sd / (n as f64).sqrt();
            Some(Interval {
                low: m - half,
                high: m + half,
            })
        }
        _ => None,
    };
    Summary {
        n,
        mean: m,
        median: median(values),
        sd,
        ci95,
    }
}

/// How many values fall on each integer of `min..=max`, in order; values outside are not counted.
/// An empty range (min > max) gives an empty list.
pub fn distribution(values: &[i64], min: i64, max: i64) -> Vec<ValueCount> {
    if min > max {
        return Vec::new();
    }
    let mut counts: Vec<ValueCount> = (min..=max)
        .map(|value| ValueCount { value, count: 0 })
        .collect();
    for &v in values {
        if (min..=max).contains(&v) {
            counts[(v - min) as usize].count += 1;
        }
    }
    counts
}

/// Cronbach's alpha over `rows`, one row per response with one score per item. Every row must
/// have the same length (the number of items); rows of another length are left out, because
/// alpha is defined on complete cases only.
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Alpha {
    // The number of items is the most common row length (a short first row must not decide it);
    // ties go to the longer rows.
    let mut lengths: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for r in rows {
        *lengths.entry(r.len()).or_default() += 1;
    }
    let k = lengths
        .iter()
        .max_by_key(|(len, count)| (**count, **len))
        .map_or(0, |(len, _)| *len);
    let complete: Vec<f64> = rows
        .iter()
        .filter(|r| r.len() == k)
        .flat_map(|r| r.iter().copied())
        .collect();
    cronbach_alpha_rows(&complete, k)
}

/// Cronbach's alpha over complete rows of `k` item scores laid end to end in `scores` (row
/// after row): what [`cronbach_alpha`] computes, without a vector per response. The report
/// passes `f32`: item scores are small whole numbers (likert 1–5), which it holds exactly.
pub fn cronbach_alpha_rows<T: Copy + Into<f64>>(scores: &[T], k: usize) -> Alpha {
    let n = scores.len().checked_div(k).unwrap_or(0);
    let result = |alpha| Alpha { n, items: k, alpha };
    if k < 2 || n < 2 {
        return result(None);
    }
    let rows = || scores.chunks_exact(k);
    let totals: Vec<f64> = rows().map(|r| r.iter().map(|&x| x.into()).sum()).collect();
    let Some(var_total) = sample_variance(&totals) else {
        return result(None);
    };
    // A total that does not vary leaves alpha undefined (0/0 in the ratio); relative to the
    // scale of the scores so that rounding noise is not taken for variation.
    let scale = totals.iter().fold(1.0f64, |acc, t| acc.max(t.abs()));
    if var_total <= 1e-12 * scale * scale {
        return result(None);
    }
    let sum_item_var: f64 = (0..k)
        .map(|i| {
            let column: Vec<f64> = rows().map(|r| r[i].into()).collect();
            sample_variance(&column).unwrap_or(0.0)
        })
        .sum();
    let kf = k as f64;
    let alpha = kf / (kf - 1.0) * (1.0 - sum_item_var / var_total);
    // Mathematically alpha <= 1. No clamp here: `NaN.min(1.0)` is 1.0, so a clamp would turn a
    // numerical bug into a perfect score. A non-finite result is reported as undefined.
    result(alpha.is_finite().then_some(alpha))
}

/// The p-quantile of Student's t distribution with `df` degrees of freedom (df > 0, 0 < p < 1),
/// found by bisection on [`t_cdf`]; accurate to about 1e-10. Outside its domain it returns NaN,
/// which [`summarize`] never asks for.
pub fn t_quantile(p: f64, df: f64) -> f64 {
    if !(p > 0.0 && p < 1.0 && df > 0.0) {
        return f64::NAN;
    }
    match p.partial_cmp(&0.5) {
        Some(Ordering::Equal) => 0.0,
        Some(Ordering::Less) => -t_quantile(1.0 - p, df),
        _ => {
            // Bracket the root, then halve: the CDF is monotone, so bisection cannot miss, and
            // 200 halvings reach the limit of f64 long before they run out.
            let (mut lo, mut hi) = (0.0f64, 1.0f64);
            while t_cdf(hi, df) < p {
                lo = hi;
                hi *= 2.0;
                if hi > 1e12 {
                    break;
                }
            }
            for _ in 0..200 {
                let mid = 0.5 * (lo + hi);
                if mid <= lo || mid >= hi {
                    break;
                }
                if t_cdf(mid, df) < p {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            0.5 * (lo + hi)
        }
    }
}

/// The cumulative distribution function of Student's t with `df` degrees of freedom:
/// P(T ≤ t) = 1 − ½·I_{df/(df+t²)}(df/2, ½) for t ≥ 0, and symmetric.
pub fn t_cdf(t: f64, df: f64) -> f64 {
    let x = df / (df + t * t);
    let tail = 0.5 * regularized_incomplete_beta(df / 2.0, 0.5, x);
    if t >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1, by the
/// continued fraction of Numerical Recipes (modified Lentz), using the symmetry
/// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges faster.
pub fn regularized_incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let ln_front = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln();
    let front = ln_front.exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_continued_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b
    }
}

fn beta_continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    const EPS: f64 = 1e-16;
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..=1000 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine terms; relative error ~1e-15).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).abs().ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + G + 0.5;
    let series = C[1..]
        .iter()
        .enumerate()
        .fold(C[0], |acc, (i, c)| acc + c / (x + i as f64 + 1.0));
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + series.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_is_not_decided_by_a_short_first_row() {
        // Rows of 3 items; a stray first row of 1 must not make k = 1 and drop the others.
        // Items (1,1,1),(2,2,2),(3,3,3): each item variance 1, total variance 9 (totals 3,6,9):
        // alpha = 3/2 * (1 - 3/9) = 1.
        let rows = vec![
            vec![5.0],
            vec![1.0, 1.0, 1.0],
            vec![2.0, 2.0, 2.0],
            vec![3.0, 3.0, 3.0],
        ];
        let a = cronbach_alpha(&rows);
        assert_eq!((a.n, a.items), (3, 3));
        assert!((a.alpha.unwrap() - 1.0).abs() < 1e-12);
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn mean_median_sd_by_hand() {
        // (8+7+9)/3 = 8; deviations 0, −1, +1: (0² + 1² + 1²)/(3−1) = 1 → sd 1; median of 7,8,9 = 8.
        let s = summarize(&[8.0, 7.0, 9.0]);
        assert_eq!(s.n, 3);
        assert_eq!(s.mean, Some(8.0));
        assert_eq!(s.median, Some(8.0));
        assert_eq!(s.sd, Some(1.0));
        // t(0.975, 2) = 4.302652730; half width 4.302652730 · 1/√3 = 2.484138.
        let ci = s.ci95.unwrap();
        assert!(close(ci.low, 8.0 - 2.484_138, 1e-6), "{ci:?}");
        assert!(close(ci.high, 8.0 + 2.484_138, 1e-6), "{ci:?}");
        // Even n: median is the mean of the middle two, (6+7)/2 = 6.5.
        assert_eq!(median(&[7.0, 10.0, 1.0, 6.0]), Some(6.5));
    }

    #[test]
    fn degenerate_inputs_give_none_never_nan() {
        let empty = summarize(&[]);
        assert_eq!(
            (empty.n, empty.mean, empty.median, empty.sd),
            (0, None, None, None)
        );
        assert!(empty.ci95.is_none());
        let one = summarize(&[7.0]);
        assert_eq!((one.mean, one.median, one.sd), (Some(7.0), Some(7.0), None));
        assert!(one.ci95.is_none());
        // Zero variance: sd 0, interval of zero width.
        let flat = summarize(&[6.0, 6.0, 6.0]);
        assert_eq!(flat.sd, Some(0.0));
        assert_eq!(
            flat.ci95,
            Some(Interval {
                low: 6.0,
                high: 6.0
            })
        );
    }

    #[test]
    fn t_quantiles_match_published_tables() {
        // Two-sided 95% critical values from any t table (5+ decimals).
        for (df, t) in [
            (1.0, 12.706_204_736),
            (2.0, 4.302_652_730),
            (4.0, 2.776_445_105),
            (9.0, 2.262_157_163),
            (29.0, 2.045_229_642),
            (120.0, 1.979_930_405),
        ] {
            let q = t_quantile(0.975, df);
            assert!(close(q, t, 1e-7), "df {df}: {q} vs {t}");
        }
        // One-sided 0.95 for df 10 is 1.812461123; symmetry gives the lower tail.
        assert!(close(t_quantile(0.95, 10.0), 1.812_461_123, 1e-7));
        assert!(close(t_quantile(0.05, 10.0), -1.812_461_123, 1e-7));
        assert_eq!(t_quantile(0.5, 3.0), 0.0);
        // Large df approaches the normal quantile 1.959964.
        assert!(close(t_quantile(0.975, 1e7), 1.959_964, 1e-5));
    }

    #[test]
    fn incomplete_beta_and_gamma_known_values() {
        // I_x(1, 1) = x; I_x(2, 1) = x²; Γ(5) = 24; Γ(½) = √π.
        assert!(close(
            regularized_incomplete_beta(1.0, 1.0, 0.3),
            0.3,
            1e-14
        ));
        assert!(close(
            regularized_incomplete_beta(2.0, 1.0, 0.3),
            0.09,
            1e-14
        ));
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-13));
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-13
        ));
        // The t(1) distribution is Cauchy: P(T ≤ 1) = ¾.
        assert!(close(t_cdf(1.0, 1.0), 0.75, 1e-13));
    }

    #[test]
    fn distribution_counts_each_value_in_range() {
        let d = distribution(&[8, 7, 8, 10, 11], 6, 10);
        let counts: Vec<usize> = d.iter().map(|c| c.count).collect();
        // 6:0, 7:1, 8:2, 9:0, 10:1; 11 is out of range.
        assert_eq!(counts, vec![0, 1, 2, 0, 1]);
        assert_eq!(d[0].value, 6);
        assert!(distribution(&[1], 3, 2).is_empty());
    }

    #[test]
    fn cronbach_alpha_by_hand() {
        // Items x = (1,2,3), y = (2,3,4): var x = var y = 1; totals (3,5,7) var = 4.
        // alpha = 2/1 · (1 − 2/4) = 1.
        let a = cronbach_alpha(&[vec![1.0, 2.0], vec![2.0, 3.0], vec![3.0, 4.0]]);
        assert_eq!((a.n, a.items), (3, 2));
        assert!(close(a.alpha.unwrap(), 1.0, 1e-12));
        // x = (1,2,3), y = (3,2,1): totals all 4 → variance 0 → undefined.
        let flat = cronbach_alpha(&[vec![1.0, 3.0], vec![2.0, 2.0], vec![3.0, 1.0]]);
        assert_eq!(flat.alpha, None);
        // x = (1,2,3,4), y = (2,1,4,3): var x = var y = 5/3; totals (3,3,7,7): mean 5,
        // var = (4+4+4+4)/3 = 16/3; alpha = 2 · (1 − (10/3)/(16/3)) = 2 · 6/16 = 0.75.
        let a = cronbach_alpha(&[
            vec![1.0, 2.0],
            vec![2.0, 1.0],
            vec![3.0, 4.0],
            vec![4.0, 3.0],
        ]);
        assert!(close(a.alpha.unwrap(), 0.75, 1e-12));
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0]]).alpha, None, "n = 1");
        assert_eq!(
            cronbach_alpha(&[vec![1.0], vec![2.0]]).alpha,
            None,
            "one item"
        );
        assert_eq!(cronbach_alpha(&[]).alpha, None);
        // The same rows laid end to end, as the report keeps them (f32).
        let a = cronbach_alpha_rows(&[1.0f32, 2.0, 2.0, 1.0, 3.0, 4.0, 4.0, 3.0], 2);
        assert_eq!((a.n, a.items), (4, 2));
        assert!(close(a.alpha.unwrap(), 0.75, 1e-12));
        assert_eq!(cronbach_alpha_rows::<f32>(&[], 0).n, 0);
    }
}
