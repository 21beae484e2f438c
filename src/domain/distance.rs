//! How far apart two words are, for matching what people typed against what was meant: a
//! facilitator's misspelt field name ([`super::questionnaire`]), two meetings' nearly equal
//! actions ([`super::synthesis`]).

/// Edits (a letter left out, added or changed, or two neighbours swapped) from `a` to `b`: the
/// optimal string alignment distance. Callers keep the words short or compare lengths first
/// (the table is `a.len() × b.len()`).
///
/// ```
/// use samenscan::domain::distance::edit_distance;
/// let d = |a: &str, b: &str| edit_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
/// assert_eq!(d("reverse", "revers"), 1);
/// assert_eq!(d("required", "requried"), 1);
/// assert_eq!(d("kitten", "sitting"), 3);
/// ```
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut d: Vec<usize> = (0..(a.len() + 1) * width)
        .map(|k| if k < width { k } else { 0 })
        .collect();
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_changes_and_swaps_count_one() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("team", "teams"), 1);
        assert_eq!(d("contactpersoon", "contactpersonen"), 2);
        assert_eq!(d("afspraak", "afspraken"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("lable", "label"), 1);
        assert_eq!(d("ca", "abc"), 3);
    }
}
