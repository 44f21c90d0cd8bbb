//! # eipkit (wasm)
//!
//! The thin wasm-bindgen layer over `eipkit-core`: it reads JS values, calls the core, and
//! hands back plain JS objects. No rule lives here. A panic would trap the module for every
//! later call, so this crate holds itself to the core's no-panic lints.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable,
        clippy::todo
    )
)]

mod js_node;
mod validators;

pub use validators::{validate_create_prepaid_publicip, validate_create_publicip, validate_update_publicip};

use serde::Serialize;
use wasm_bindgen::JsValue;

/// Plain JS objects (not `Map`s) for everything handed back.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    // Serialising these plain structs cannot fail; `undefined` is the no-panic fallback.
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::UNDEFINED)
}
