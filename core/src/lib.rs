//! # eipkit-core
//!
//! The sans-IO core of eipkit, a client for Huawei Cloud Elastic Public IPs: request and
//! response models, validation of every rule of the API reference ([`validate`] over the
//! tables of [`schema`]), request building and response parsing (the registry in
//! [`operation`], one module per operation), AK/SK signing ([`sign`]), and the decisions
//! between requests as state machines ([`machine`]: retries, waiting, the walkthrough and its
//! cleanup). No I/O, no async runtime, no wasm: callers bring their own transport and clock.
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
// An `Issue` is a few hundred bytes; it is only ever returned on the error path.
#![allow(clippy::result_large_err)]

pub mod auth;
mod closed;
mod encode;
pub mod endpoint;
pub mod error;
pub mod http;
pub mod issue;
pub mod machine;
mod message;
pub mod model;
pub mod node;
pub mod operation;
pub mod region;
pub mod schema;
pub mod sign;
pub mod time;
/// Generates the npm package's TypeScript declarations and JS tables (a build tool).
#[doc(hidden)]
pub mod typescript;
pub mod validate;
pub mod walkthrough;

pub use error::{Error, ErrorKind};
pub use issue::{Allowed, Issue, IssueCode, Params, Severity};
pub use message::Locale;
pub use model::RequestBody;
pub use operation::{Call, Config, Operation};
pub use validate::{Checked, Options, Validation, validate, validate_json};
