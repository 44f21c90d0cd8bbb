//! The fetch path in Node (wasm-bindgen-test-runner's default).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/fetch_path.rs"]
mod fetch_path;

fetch_path_tests!(
    lists_a_servers_ports,
    creates_and_shows_an_eip,
    service_errors_are_api_failures,
    a_hanging_answer_times_out,
    aksk_signatures_are_accepted,
);
