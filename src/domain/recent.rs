//! A short memory of recent results, for work that a thousand imported files repeat with the
//! same input (a questionnaire definition, the order of a response's answers).

/// How many results are remembered; the oldest goes first.
const CAPACITY: usize = 8;

/// The last [`CAPACITY`] results, each with the key it was made from.
pub struct Recent<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V: Clone> Recent<K, V> {
    /// Nothing remembered.
    pub const fn new() -> Recent<K, V> {
        Recent {
            entries: Vec::new(),
        }
    }

    /// The result remembered under a key that `is` accepts.
    pub fn find(&self, is: impl Fn(&K) -> bool) -> Option<V> {
        self.entries
            .iter()
            .find(|(key, _)| is(key))
            .map(|(_, value)| value.clone())
    }

    /// Remembers `value` under `key`, forgetting the oldest when full.
    pub fn remember(&mut self, key: K, value: V) {
        if self.entries.len() == CAPACITY {
            self.entries.remove(0);
        }
        self.entries.push((key, value));
    }
}

impl<K, V: Clone> Default for Recent<K, V> {
    fn default() -> Recent<K, V> {
        Recent::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_is_forgotten_first() {
        let mut recent = Recent::new();
        for i in 0..=CAPACITY {
            recent.remember(i, i * 10);
        }
        assert_eq!(recent.find(|&k| k == 0), None);
        assert_eq!(recent.find(|&k| k == 1), Some(10));
        assert_eq!(recent.find(|&k| k == CAPACITY), Some(CAPACITY * 10));
    }
}
