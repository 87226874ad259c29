//! The words each part of the extension and of the web page shows of its own
//! (`events::ui_words`), as objects of named strings: the web page's checker's in the core
//! package (and so in every package), the notice's and the toolbar button's in the wake package
//! (the worker sends the notice's with every notice), every other extension part's in the
//! extension package, and the web page's file doctor's in the tools package it loads on first use.

use crate::events::ui_words;
use wasm_bindgen::prelude::*;

/// The web page's checker's and link maker's words (`{paste_urls, copied, …}`): the core package
/// is all `www/app.js` loads, so they are set directly (`object_of`), which costs the wake
/// package, which holds the core package, only the words.
#[cfg(not(wake_package))]
#[wasm_bindgen(js_name = checkerWords)]
pub fn checker_words() -> Result<JsValue, JsError> {
    object_of(ui_words::web_checker_table())
}

/// The in-page notice's words (`{fix, undo, copy, …}`), which the worker sends with each notice,
/// and its replies to the notice's buttons.
#[cfg(feature = "wake")]
#[wasm_bindgen(js_name = noticeWords)]
pub fn notice_words() -> Result<JsValue, JsError> {
    object_of(ui_words::notice_table())
}

/// The toolbar button's words of its own (`{no_access}`: its title while access to the AWS
/// sites is missing), which the worker sets when permissions change.
#[cfg(feature = "wake")]
#[wasm_bindgen(js_name = badgeWords)]
pub fn badge_words() -> Result<JsValue, JsError> {
    object_of(ui_words::badge_table())
}

/// A table of words as a JS object of named strings, set directly (js-sys): the core and wake
/// packages carry no map serialiser for it.
fn object_of(table: &[(&str, &str)]) -> Result<JsValue, JsError> {
    let object = js_sys::Object::new();
    set_all(&object, table)?;
    Ok(object.into())
}

/// Sets each `(name, words)` of the table on the object.
fn set_all(object: &js_sys::Object, table: &[(&str, &str)]) -> Result<(), JsError> {
    for (name, words) in table {
        js_sys::Reflect::set(object, &JsValue::from_str(name), &JsValue::from_str(words))
            .map_err(|_| JsError::new("the words could not be set"))?;
    }
    Ok(())
}

/// The words of one part of the extension (`worker`, `bookmark-fix`, `launcher`,
/// `region-picker`, `site-access`, `problems`, `journal`, `team`, `popup`, `options`, `warning`,
/// `doctor`) or of the web page (`web-checker`, `web-file-doctor`), by name; templates hold
/// `{names}` the glue fills in.
#[cfg(feature = "extension")]
#[wasm_bindgen(js_name = uiWords)]
pub fn ui_words_of(part: &str) -> Result<JsValue, JsError> {
    let part = ui_words::Part::from_name(part)
        .ok_or_else(|| JsError::new(&format!("unknown part of the extension {part:?}")))?;
    super::convert::to_js(&ui_words::ui_words(part))
}

/// The words of one part of the web page (`web-checker`, `web-file-doctor`), by name, for the
/// page's glue once it has loaded the tools package: the extension's parts are not in it
/// (`uiWords` is the extension's). Set directly (js-sys), as `object_of`: the tools package has no
/// other use for serde's map serialiser, which weighed ~10 KB gzipped.
#[cfg(feature = "tools")]
#[wasm_bindgen(js_name = webPageWords)]
pub fn web_page_words(part: &str) -> Result<JsValue, JsError> {
    let part = ui_words::Part::web_page_part(part)
        .ok_or_else(|| JsError::new(&format!("unknown part of the web page {part:?}")))?;
    let object = js_sys::Object::new();
    for table in ui_words::tables(part) {
        set_all(&object, table)?;
    }
    Ok(object.into())
}
