//! Reading back the `&'static str` fields of the model (vocabulary keys, place names, corrected
//! field names) from stored data.
//!
//! Extraction hands out keys of static tables; a plan read back from its stored form has owned
//! strings instead. Each distinct string is leaked once and shared after that, so memory is bounded
//! by the vocabulary, not by the number of plans read.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer};

/// `&'static str` as a field type that is read back with [`one`] or [`optional`]: spelled through
/// this alias because serde's derive would otherwise try to borrow a `&str` field from the input
/// (and demand input that lives for `'static`).
pub type StaticStr = &'static str;

/// The one `&'static str` equal to `text`.
pub fn intern(text: &str) -> &'static str {
    static TABLE: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut table = TABLE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&known) = table.get(text) {
        return known;
    }
    let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
    table.insert(leaked);
    leaked
}

pub fn one<'de, D: Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    Ok(intern(&String::deserialize(deserializer)?))
}

pub fn optional<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<&'static str>, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.map(|text| intern(&text)))
}

pub fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<&'static str>, D::Error> {
    Ok(Vec::<String>::deserialize(deserializer)?
        .iter()
        .map(|text| intern(text))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_allocation() {
        let a = intern(&String::from("ai_chips"));
        let b = intern(&String::from("ai_chips"));
        assert_eq!(a, "ai_chips");
        assert!(std::ptr::eq(a, b));
    }
}
