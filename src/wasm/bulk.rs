//! Bulk results built directly as JS values (js-sys), for the exports that answer for thousands of
//! URLs at once: one crossing per list instead of a serde walk per field.
//!
//! Measured in V8 (`bench/classify-many.mjs`): serde-wasm-bindgen sets every field of every verdict
//! through its own calls; building each `Verdict` object from cached key strings, reusing the JS
//! string of an input that needs no redaction, and serialising only the rare fields (an AWS URL's
//! account, region, CloudTrail and warnings) is several times faster.

use crate::url::verdict::Kind;
use js_sys::{Array, JsString, Object, Reflect, Uint32Array, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The JS half of the bulk conversion: a type check over the list and one object literal per
// verdict, one call each, where js-sys would take a call per field (`Reflect.set`) and per handle
// (clones and drops). Conversion only: every value is the core's; `undefined` from Rust's `None`
// becomes the `null` serde writes, and an input the core handed back unchanged is the caller's own
// string (no copy back out of wasm memory).
#[wasm_bindgen(inline_js = "
export function firstNotString(list) {
  return list.findIndex((item) => typeof item !== 'string');
}
export function pushVerdict(out, urls, index, input, kinds, kind, partition, account, region, canonical, safe, cloudtrail, warnings) {
  out.push({
    input: input ?? urls[index],
    kind: kinds[kind],
    partition: partition ?? null,
    account: account ?? null,
    region: region ?? null,
    canonical: canonical ?? null,
    bookmark_safe: safe ?? null,
    cloudtrail: cloudtrail ?? null,
    warnings: warnings ?? [],
  });
}
")]
extern "C" {
    #[wasm_bindgen(js_name = firstNotString)]
    fn first_not_string(list: &Array) -> i32;
    #[wasm_bindgen(js_name = pushVerdict)]
    #[allow(clippy::too_many_arguments)]
    fn push_verdict(
        out: &Array,
        urls: &Array,
        index: u32,
        input: Option<&str>,
        kinds: &Array,
        kind: u8,
        partition: Option<&str>,
        account: Option<&str>,
        region: Option<&str>,
        canonical: Option<&str>,
        safe: Option<bool>,
        cloudtrail: &JsValue,
        warnings: &JsValue,
    );
}

#[wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, destination: &Uint8Array) -> Encoded;
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// A JS string as Rust text, written by the browser's `TextEncoder.encodeInto` straight into
/// wasm memory: for the megabyte of a joined list, several times faster than wasm-bindgen's own
/// conversion, which copies ASCII one character at a time in JS. Lone surrogates become U+FFFD,
/// as with wasm-bindgen's.
fn utf8(text: &JsString) -> String {
    let units = text.length() as usize;
    let encoder = TextEncoder::new();
    let encode = |capacity: usize| {
        let mut bytes = vec![0u8; capacity];
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        // Nothing allocates between taking the view and writing through it, so memory does not
        // grow (which would detach the view) in between.
        let view = Uint8Array::new_with_byte_offset_and_length(
            &memory.buffer(),
            bytes.as_mut_ptr() as usize as u32,
            capacity as u32,
        );
        let encoded = encoder.encode_into(text, &view);
        bytes.truncate(encoded.written() as usize);
        (encoded.read() as usize, bytes)
    };
    // ASCII (nearly every URL) takes one byte per UTF-16 unit; anything else at most three.
    let (read, ascii) = encode(units);
    let bytes = if read == units {
        ascii
    } else {
        encode(units * 3).1
    };
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The URLs of a JS array as one text: one crossing for the list (`join`), then split here. A URL
/// holding the separator itself makes the pieces outnumber the URLs; those lists are read one by one.
pub(super) struct Urls {
    joined: String,
    one_by_one: Option<Vec<String>>,
}

impl Urls {
    pub(super) fn read(urls: &Array) -> Result<Urls, JsError> {
        let bad = first_not_string(urls);
        if bad >= 0 {
            return Err(JsError::new(&format!(
                "URL {bad} of the list is not a string"
            )));
        }
        let joined = utf8(&urls.join("\n"));
        let pieces = if urls.length() == 0 {
            0
        } else {
            joined.split('\n').count()
        };
        let one_by_one = (pieces != urls.length() as usize)
            .then(|| urls.iter().filter_map(|u| u.as_string()).collect());
        Ok(Urls { joined, one_by_one })
    }

    pub(super) fn each(&self, mut f: impl FnMut(usize, &str)) {
        match &self.one_by_one {
            Some(list) => list.iter().enumerate().for_each(|(i, u)| f(i, u)),
            None if self.joined.is_empty() => {}
            None => self
                .joined
                .split('\n')
                .enumerate()
                .for_each(|(i, u)| f(i, u)),
        }
    }
}

/// The kind names, in the order of the numbers `scanUrls` and the bulk conversion use.
fn kind_names() -> Array {
    Kind::ALL
        .iter()
        .map(|k| JsValue::from_str(k.as_str()))
        .collect()
}

fn kind_number(kind: Kind) -> u8 {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

/// A field that only AWS URLs have, serialised (serde-wasm-bindgen) when present.
fn rare<T: Serialize + ?Sized>(value: Option<&T>) -> Result<JsValue, JsError> {
    match value {
        None => Ok(JsValue::UNDEFINED),
        Some(value) => super::convert::to_js(value),
    }
}

/// `Verdict[]` for a list of URLs: the same objects serde-wasm-bindgen makes (same fields, same
/// order), built with one call each.
pub(super) fn verdicts(urls: &Array) -> Result<Array, JsError> {
    let read = Urls::read(urls)?;
    let kinds = kind_names();
    let out = Array::new();
    let mut failed = None;
    read.each(|index, text| {
        if failed.is_some() {
            return;
        }
        let verdict = crate::url::classify::classify(text);
        let account = verdict.account.as_ref().map(|a| a.as_str());
        let warnings = if verdict.warnings.is_empty() {
            Ok(JsValue::UNDEFINED)
        } else {
            super::convert::to_js(&verdict.warnings)
        };
        match (rare(verdict.cloudtrail.as_ref()), warnings) {
            (Ok(cloudtrail), Ok(warnings)) => push_verdict(
                &out,
                urls,
                index as u32,
                (verdict.input != text).then_some(verdict.input.as_str()),
                &kinds,
                kind_number(verdict.kind),
                verdict.partition.map(|p| p.id()),
                account,
                verdict.region.map(|r| r.code()),
                verdict.canonical.as_deref(),
                verdict.bookmark_safe,
                &cloudtrail,
                &warnings,
            ),
            (Err(e), _) | (_, Err(e)) => failed = Some(e),
        }
    });
    match failed {
        Some(error) => Err(error),
        None => Ok(out),
    }
}

/// What `scanUrls` returns: every URL's kind as a number, and where the AWS URLs are.
pub(super) fn scan(urls: &Array) -> Result<JsValue, JsError> {
    let read = Urls::read(urls)?;
    let mut kinds = Vec::with_capacity(urls.length() as usize);
    let mut aws = Vec::new();
    read.each(|index, text| {
        let kind = crate::url::classify::classify_kind(text);
        if kind != Kind::Unrelated {
            aws.push(index as u32);
        }
        kinds.push(kind_number(kind));
    });
    let result = Object::new();
    let set = |key: &str, value: &JsValue| {
        Reflect::set(&result, &JsValue::from_str(key), value)
            .map_err(|_| JsError::new("cannot build the scan result"))
    };
    set("kinds", &Uint8Array::from(kinds.as_slice()).into())?;
    set("aws", &Uint32Array::from(aws.as_slice()).into())?;
    set("kind_names", &kind_names().into())?;
    Ok(result.into())
}

#[wasm_bindgen(typescript_custom_section)]
const BULK_TYPES: &str = r#"
/** What the core says about one URL (docs/wasm-api.md). */
export interface Verdict {
  input: string;
  kind: string;
  partition: string | null;
  account: string | null;
  region: string | null;
  canonical: string | null;
  bookmark_safe: boolean | null;
  cloudtrail: { endpoint: string | null; region: string | null; explanation: string } | null;
  warnings: { code: string; message: string }[];
}
/** What `scanUrls` returns: `kind_names[kinds[i]]` is URL i's kind; `aws` holds the indices of the AWS URLs. */
export interface UrlScan {
  kinds: Uint8Array;
  aws: Uint32Array;
  kind_names: string[];
}
"#;
