//! Sorting for the app, with **one** instantiation of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site with its
//! own closure compiles the whole of driftsort again: the wasm had 31 copies of it, 161 KB of the
//! 1.46 MB of code before wasm-opt (measured with twiggy, 2026-12-04). Here the standard stable
//! sort runs on element positions only, with the comparison behind `dyn`, so it is compiled once;
//! what is left per element type is applying the order found (a few swaps, see [`apply_order`]).
//!
//! The result is exactly that of `slice::sort_by` (stable: equal elements keep their order), at
//! the price of one `Vec<u32>` of positions and an indirect call per comparison. Hot loops over
//! very long slices (the search index's postings) keep the standard sort.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably, as `items.sort_by(compare)` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    apply_order(items, order);
}

/// Sorts `items` by the key `key` gives, stably, as `items.sort_by_key(key)` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order, as `items.sort()` does (and `sort_unstable`, for elements
/// whose equal values cannot be told apart).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` (comparing the elements at two positions) puts
/// them, ties in position order. The one place the standard sort is instantiated: not generic,
/// and the comparison is a `dyn`.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let len = u32::try_from(len).expect("fewer than 2^32 elements to sort");
    let mut order: Vec<u32> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation with swaps (no copy of the elements, no `Clone`).
fn apply_order<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut current = start;
        // A position already done (or in its place) holds its own index.
        while order[current] as usize != current {
            let next = order[current] as usize;
            order[current] = current as u32;
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_standard_sort() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut words = vec!["数据", "算力", "机器人", "数据"];
        sort(&mut words);
        let mut expected = words.clone();
        expected.sort();
        assert_eq!(words, expected);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        let mut one = [7];
        sort_by(&mut one, |a: &i32, b| b.cmp(a));
        assert_eq!(one, [7]);
    }

    #[test]
    fn moves_elements_that_are_not_clone() {
        let mut items: Vec<Box<str>> = ["c", "a", "b"].into_iter().map(Box::from).collect();
        sort(&mut items);
        assert_eq!(
            items.iter().map(|s| &**s).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }
}

/// Native only: proptest needs an operating system's randomness.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_same_order_as_slice_sort_by(pairs in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = pairs.clone();
            let mut theirs = pairs;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }
    }
}
