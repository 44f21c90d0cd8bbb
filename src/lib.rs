//! # eipkit (wasm)
//!
//! The thin wasm-bindgen layer over `eipkit-core`: it reads JS values, hands the core's state
//! machines to one driver (src/driver.rs), and does the one thing the core cannot: I/O, through
//! the runtime's `fetch` (gloo-net) and timers. No rule and no retry, wait or cleanup decision
//! lives here. A panic
//! would trap the module for every later call, so this crate holds itself to the core's
//! no-panic lints.

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
#![allow(clippy::result_large_err)]

// The validators, in every build (`eipkit/validate` is only these; the rule descriptions and
// regions are generated JS data, js/rules.js).
mod snapshot;
mod validators;

// The client: the `client` feature (on by default; off for the smaller module for forms).
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod driver;
#[cfg(feature = "client")]
mod errors;
#[cfg(feature = "client")]
mod iam;
#[cfg(feature = "client")]
mod options;
#[cfg(feature = "client")]
mod signing;
#[cfg(feature = "client")]
mod timers;
#[cfg(feature = "client")]
mod transport;
#[cfg(feature = "client")]
mod walkthrough;

// Issue #11's measurement of serde-wasm-bindgen against the JSON route (bench/serde-wasm-bindgen.mjs).
#[cfg(feature = "compare-serde-wasm-bindgen")]
mod compare;

/// What the fuzz targets (fuzz/, built with `--cfg fuzzing`) reach that is otherwise private:
/// the option readers, over any `Node`.
#[cfg(all(fuzzing, feature = "client"))]
pub mod fuzzing {
    pub use crate::options::{ClientConfig, IamConfig, read_bind_new, read_wait};
}

#[cfg(feature = "client")]
pub use client::RawClient;
#[cfg(feature = "client")]
pub use iam::RawIamTokenProvider;
#[cfg(feature = "client")]
pub use signing::sign_request;
pub use validators::{validate_create_prepaid_publicip, validate_create_publicip, validate_update_publicip};

use serde::Serialize;
use wasm_bindgen::JsValue;

/// Hands a Rust value to JS as plain objects, through JSON: exactly the wire JSON for response
/// models (unknown fields included, large numbers rounded as `JSON.parse` does).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    serde_json::to_string(value).ok().and_then(|json| js_sys::JSON::parse(&json).ok()).unwrap_or(JsValue::UNDEFINED)
}
