//! Sorting with one copy of the sorting algorithm in the binary.
//!
//! The standard library's sorts are fast and large, and they are compiled anew for every
//! element type *and every comparison closure*: in this app they made up a tenth of the
//! WebAssembly before optimisation. Here the algorithm (a stable bottom-up merge sort) works on
//! indices through a `dyn` comparison, so it exists once; each call site adds only a small
//! wrapper and a permutation step per element type. Sorting 100,000 records this way takes a
//! few milliseconds, well inside what the report needs.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// A map from key-value pairs, the last value of a repeated key winning (like `collect()`).
/// `collect()` into a `BTreeMap` sorts the pairs first, with one more copy of the standard sort
/// per key and value type; inserting one by one needs none.
pub fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// A set from items (like `collect()`, without its sort; see [`map_from`]).
pub fn set_from<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// Sorts `v` by `compare`, keeping equal elements in their order (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &|a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by a key, stably (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably (like `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The stable sorted order of `n` items compared by index: position `k` of the result holds
/// the index of the item that belongs at `k`. Bottom-up merge sort, O(n log n).
fn stable_order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right, mut k) = (start, mid, start);
            while left < mid && right < end {
                // Take from the right only when strictly smaller: that keeps the sort stable.
                if compare(from[right], from[left]) == Ordering::Less {
                    to[k] = from[right];
                    right += 1;
                } else {
                    to[k] = from[left];
                    left += 1;
                }
                k += 1;
            }
            let rest_left = mid - left;
            to[k..k + rest_left].copy_from_slice(&from[left..mid]);
            to[k + rest_left..end].copy_from_slice(&from[right..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`, by following the
/// permutation's cycles with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let next = order[at];
            order[at] = at;
            if next == start {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_stays_stable() {
        // A fixed pseudo-random sequence of (key, original position) pairs with many equal keys.
        let mut x: u32 = 12345;
        for n in [0usize, 1, 2, 3, 7, 16, 17, 100, 1000] {
            let items: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % 10, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "n = {n}");
            let mut reversed = items;
            sort_by(&mut reversed, |a, b| b.cmp(a));
            assert!(reversed.windows(2).all(|w| w[0] >= w[1]));
        }
        let mut words = vec!["peer", "appel", "banaan", "appel"];
        sort(&mut words);
        assert_eq!(words, ["appel", "appel", "banaan", "peer"]);
    }
}
