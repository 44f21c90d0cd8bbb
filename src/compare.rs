//! Issue #11: the same work through the JSON route the package uses and through
//! serde-wasm-bindgen, so bench/serde-wasm-bindgen.mjs can time each pair in one process. Built
//! only with the `compare-serde-wasm-bindgen` feature; no package build has it.
//!
//! - Results: a validation result (`{ ok, issues }`) and a list-publicips answer, handed to JS
//!   by [`to_js`] (JSON text, then `JSON.parse`) or by serde-wasm-bindgen's JSON-compatible
//!   serializer (maps as plain objects, as `JSON.parse` gives).
//! - Inputs: a JS value read into a `serde_json::Value` through the snapshot (js/snapshot.js's
//!   JSON text, parsed as src/snapshot.rs does) or by `serde_wasm_bindgen::from_value`.

use crate::snapshot::{Snapshot, snapshot_json};
use crate::to_js;
use crate::validators::{ValidationResult, js_issue};
use eipkit_core::model::PublicipList;
use eipkit_core::{Locale, Operation, Options, validate};
use serde::Serialize;
use serde_json::Value;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;

/// The serde-wasm-bindgen counterpart of [`to_js`]: nothing (`undefined`) if it cannot.
fn to_js_swb<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value.serialize(&Serializer::json_compatible()).unwrap_or(JsValue::UNDEFINED)
}

/// Validates `body` for `operation` (a JS name: "createPublicip", ...) as the validators do,
/// always writing the whole result (the validators make `{ ok: true, issues: [] }` in JS),
/// and hands it over with `hand`.
fn result(operation: &str, body: &JsValue, hand: fn(&ValidationResult<'_>) -> JsValue) -> JsValue {
    let Some(operation) = Operation::from_js_name(operation) else { return JsValue::UNDEFINED };
    let snapshot = Snapshot::of(body);
    let validation = validate(operation, &snapshot.node(), &Options::default());
    let issues = validation.issues().iter().map(|i| js_issue(i, Locale::En)).collect();
    hand(&ValidationResult { ok: validation.is_ok(), issues, value: None })
}

/// A validation result through the JSON route.
#[wasm_bindgen(js_name = compareResultJson)]
pub fn result_json(operation: &str, body: JsValue) -> JsValue {
    result(operation, &body, |r| to_js(r))
}

/// A validation result through serde-wasm-bindgen.
#[wasm_bindgen(js_name = compareResultSwb)]
pub fn result_swb(operation: &str, body: JsValue) -> JsValue {
    result(operation, &body, |r| to_js_swb(r))
}

/// A list-publicips answer, parsed once: as the typed model (`PublicipList`) and as the
/// `serde_json::Value` the client hands to JS today.
#[wasm_bindgen(js_name = CompareAnswer)]
pub struct Answer {
    typed: PublicipList,
    wire: Value,
}

#[wasm_bindgen(js_class = CompareAnswer)]
impl Answer {
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Answer, JsError> {
        Ok(Answer { typed: serde_json::from_str(text)?, wire: serde_json::from_str(text)? })
    }

    #[wasm_bindgen(js_name = typedJson)]
    pub fn typed_json(&self) -> JsValue {
        to_js(&self.typed)
    }

    #[wasm_bindgen(js_name = typedSwb)]
    pub fn typed_swb(&self) -> JsValue {
        to_js_swb(&self.typed)
    }

    #[wasm_bindgen(js_name = wireJson)]
    pub fn wire_json(&self) -> JsValue {
        to_js(&self.wire)
    }

    #[wasm_bindgen(js_name = wireSwb)]
    pub fn wire_swb(&self) -> JsValue {
        to_js_swb(&self.wire)
    }
}

/// The number of top-level keys of what was read (so the reading is not optimised away); -1
/// if nothing could be read.
fn keys(value: Option<Value>) -> i32 {
    value.map_or(-1, |v| v.as_object().map_or(0, |o| i32::try_from(o.len()).unwrap_or(i32::MAX)))
}

/// An input through the snapshot: js/snapshot.js's JSON text, parsed as src/snapshot.rs does.
#[wasm_bindgen(js_name = compareInputJson)]
pub fn input_json(value: JsValue) -> i32 {
    keys(serde_json::from_slice(snapshot_json(&value).as_bytes()).ok())
}

/// An input through `serde_wasm_bindgen::from_value`.
#[wasm_bindgen(js_name = compareInputSwb)]
pub fn input_swb(value: JsValue) -> i32 {
    keys(serde_wasm_bindgen::from_value(value).ok())
}

/// What `serde_wasm_bindgen::from_value` reads from `value`, as JSON text (for the hostile
/// inputs the bench tries); its error's message if it cannot.
#[wasm_bindgen(js_name = compareInputSwbText)]
pub fn input_swb_text(value: JsValue) -> Result<String, JsError> {
    let read: Value = serde_wasm_bindgen::from_value(value)?;
    Ok(serde_json::to_string(&read)?)
}
