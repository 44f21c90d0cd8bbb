//! The fetch path in Node (wasm-bindgen-test-runner's default).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/fetch_path.rs"]
mod fetch_path;

fetch_path_tests!();
