//! The bookmark file reader and fixer: any bytes read without a panic, and a fixed file read
//! again gives the same bookmarks (titles, folders, order) with only the fixed HREFs changed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signin_guard::bookmarks::file::{check_file, parse};
use signin_guard::{fix_file, FixPolicy};

fuzz_target!(|bytes: &[u8]| {
    let Ok(before) = parse(bytes) else {
        return;
    };
    let _ = check_file(bytes);
    let fixed = fix_file(bytes, &FixPolicy::default()).expect("a file that reads can be fixed");
    let after = parse(&fixed.output).expect("the fixed file reads");
    assert_eq!(before.folders, after.folders);
    assert_eq!(
        before.bookmarks.len(),
        after.bookmarks.len(),
        "bookmark count"
    );
    let mut changes = fixed.changes.iter().peekable();
    for (old, new) in before.bookmarks.iter().zip(&after.bookmarks) {
        assert_eq!(old.title, new.title, "title of bookmark {}", old.index);
        assert_eq!(old.folder, new.folder, "folder of bookmark {}", old.index);
        assert_eq!(old.quote, new.quote, "quote of bookmark {}", old.index);
        match changes.next_if(|c| c.id == old.index.to_string()) {
            Some(change) => {
                assert_eq!(change.href, old.href, "input HREF of change {}", change.id);
                assert_eq!(
                    change.output_href, new.href,
                    "output HREF of change {}",
                    change.id
                );
                assert_eq!(
                    new.url, change.new_url,
                    "fixed URL of bookmark {}",
                    old.index
                );
            }
            None => assert_eq!(old.raw_url, new.raw_url, "unfixed HREF of {}", old.index),
        }
    }
    assert!(
        changes.next().is_none(),
        "a change names no bookmark in file order"
    );
    // The fixer's promise: fixing a fixed file changes nothing.
    let again = fix_file(&fixed.output, &FixPolicy::default()).expect("the fixed file reads");
    assert!(
        again.changes.is_empty(),
        "a second fix changed {:?}",
        again.changes
    );
});
