//! Helpers shared by several test files (each `tests/*.rs` is its own crate: `mod common;`).

use samenscan::domain::builtin;

/// The built-in definition as a custom one, `regio` version 1, with this `min_group_size` and
/// title: two such copies are different definitions under one id and version.
pub fn regional_copy(min: usize, title: &str) -> String {
    builtin()
        .to_json()
        .replacen("\"samenwerking\"", "\"regio\"", 1)
        .replacen("Samenwerking evalueren", title, 1)
        .replacen(
            "\"min_group_size\": 5",
            &format!("\"min_group_size\": {min}"),
            1,
        )
}
