//! The fetch path in headless Chromium, across origins (the page and the emulator are on
//! different ports, so CORS must let the client read X-Request-Id).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/fetch_path.rs"]
mod fetch_path;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fetch_path_tests!();
