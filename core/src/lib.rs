//! # eipkit-core
//!
//! The sans-IO core of eipkit, a client for Huawei Cloud Elastic Public IPs: request and
//! response models, validation of every rule of the API reference, and (in later modules)
//! request building, AK/SK signing and response parsing. No I/O, no async runtime, no wasm:
//! callers bring their own transport.
//!
//! It never panics on any input; the lints below hold the library code to that.

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

pub mod issue;
mod message;
pub mod model;
pub mod node;
pub mod region;
pub mod schema;
pub mod time;
pub mod validate;

pub use issue::{Allowed, Issue, IssueCode, Params, Severity};
pub use message::Locale;
pub use model::RequestBody;
pub use schema::Operation;
pub use validate::{Checked, Options, Validation, validate, validate_json};
