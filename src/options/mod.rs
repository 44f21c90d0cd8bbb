//! The JS API's camelCase options, read into the core's typed inputs: the client's and the IAM
//! provider's (`client.rs`), each call's (`call.rs`), the walkthrough's (`walkthrough.rs`).
//! Every problem is an `Issue`, unknown keys get a did-you-mean, and the core never sees a
//! camelCase key. The readers work over any `Node`, so they are tested natively on JSON.

mod call;
mod client;
mod reader;
mod walkthrough;

#[cfg(test)]
mod tests;

pub use call::{CallOptions, PLAIN, WITH_PROGRESS};
pub use client::{AuthConfig, ClientConfig, IamConfig};
pub use reader::Reader;
pub use walkthrough::{read_bind_new, read_wait};
