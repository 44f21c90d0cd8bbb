//! The state machines between requests, natively, against a scripted service on a virtual
//! clock: every branch of the retry policy, of `waitForPublicip` and of the walkthrough (a
//! failure at each step, an abort at each step, each timeout, a create of unknown outcome).

mod attempts;
mod bind_new;
mod service;
mod wait;
