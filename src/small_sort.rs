//! A stable sort for the short lists the extension's decisions sort (known accounts, regions,
//! omnibox matches), small in WebAssembly: the standard library's sort, made for long lists, adds
//! a few KB of wasm for each type it sorts (about 5 KB gzipped in all).

/// Sorts `items` by `key`, keeping equal keys in their order. An insertion sort: meant for lists
/// of at most a few hundred items (at most 50 known accounts, about 40 regions).
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for sorted in 1..items.len() {
        let mut at = sorted;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let lists: [&[(u8, char)]; 4] = [
            &[],
            &[(1, 'a')],
            &[(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')],
            &[(3, 'a'), (3, 'b'), (2, 'c'), (2, 'd'), (1, 'e'), (1, 'f')],
        ];
        for list in lists {
            let mut ours = list.to_vec();
            sort_by_key(&mut ours, |(key, _)| *key);
            let mut standard = list.to_vec();
            standard.sort_by_key(|(key, _)| *key);
            assert_eq!(ours, standard, "{list:?}");
        }
    }
}
