//! The fetch path in headless Chromium, across origins (the page and the emulator are on different ports).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/fetch_path.rs"]
mod fetch_path;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn lists_a_servers_ports() {
    fetch_path::lists_a_servers_ports().await;
}

#[wasm_bindgen_test]
async fn creates_and_shows_an_eip() {
    fetch_path::creates_and_shows_an_eip().await;
}

#[wasm_bindgen_test]
async fn service_errors_are_api_failures() {
    fetch_path::service_errors_are_api_failures().await;
}

#[wasm_bindgen_test]
async fn a_hanging_answer_times_out() {
    fetch_path::a_hanging_answer_times_out().await;
}

#[wasm_bindgen_test]
async fn aksk_signatures_are_accepted() {
    fetch_path::aksk_signatures_are_accepted().await;
}
