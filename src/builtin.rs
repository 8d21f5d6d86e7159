//! The built-in plans: extracted at build time (`build.rs`) and read back here from their stored
//! form, which takes a fraction of extracting them in the browser. A plan that does not read back
//! (which would mean a build out of step with itself) is extracted instead: start-up never fails.

use plan_extract::seeds::SEEDS;
use plan_model::{stored, Plan};

/// Per seed, in `SEEDS` order: the length of its stored form (four bytes, little-endian), then
/// the stored form.
const STORED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-plans.bin"));

/// The stored forms in `STORED`, in order.
fn stored_forms() -> impl Iterator<Item = &'static [u8]> {
    let mut rest = STORED;
    std::iter::from_fn(move || {
        let (length, after) = rest.split_first_chunk::<4>()?;
        let length = u32::from_le_bytes(*length) as usize;
        let form = after.get(..length)?;
        rest = &after[length..];
        Some(form)
    })
}

pub fn builtin_plans() -> Vec<Plan> {
    let mut forms = stored_forms();
    SEEDS
        .iter()
        .map(|seed| {
            forms
                .next()
                .and_then(|form| stored::from_bytes(form, seed.text.to_string()).ok())
                .filter(|plan| plan.source == seed.source)
                .unwrap_or_else(|| plan_extract::extract_plan(seed.source, seed.text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_built_in_plans_are_their_extraction() {
        assert_eq!(stored_forms().count(), SEEDS.len());
        for (form, seed) in stored_forms().zip(SEEDS) {
            let read_back = stored::from_bytes(form, seed.text.to_string())
                .unwrap_or_else(|(error, _)| panic!("{}: {error}", seed.source));
            assert!(
                read_back == plan_extract::extract_plan(seed.source, seed.text),
                "{} reads back differently from its extraction",
                seed.source
            );
        }
        assert!(builtin_plans() == plan_extract::extract_seeds());
    }
}
