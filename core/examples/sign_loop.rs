//! Times the core's AK/SK signer on the request the bench signs from JS (bench/client.mjs,
//! `signRequest` on the prepaid create): what signing costs without the wasm boundary.
//!
//! ```sh
//! cargo run --release -p eipkit-core --example sign_loop [-- CALLS]
//! ```

use eipkit_core::sign::{Credentials, SigningInput, sign};
use std::time::Instant;

const BODY: &str = r#"{"publicip":{"type":"5_bgp","alias":"订单-eip_01"},"bandwidth":{"share_type":"PER","name":"prepaid-bw","size":10},"extendParam":{"charge_mode":"prePaid","period_type":"month","period_num":3,"is_auto_renew":false,"is_auto_pay":true},"enterprise_project_id":"b261ac1f-2489-4bc7-b31b-c33c3346a439"}"#;
const PROJECT_ID: &str = "0605767a5c5d4e5e8c9f1a2b3c4d5e6f";

fn main() {
    let calls: u32 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(200_000);
    let credentials = Credentials::new("TESTAK0000000000000", "testsecretkey0000000000000000000000000000");
    let path = format!("/v2.0/{PROJECT_ID}/publicips");
    let headers = vec![
        ("content-type".to_owned(), "application/json;charset=UTF-8".to_owned()),
        ("x-project-id".to_owned(), PROJECT_ID.to_owned()),
    ];
    let input = SigningInput {
        method: "POST",
        host: "vpc.cn-north-4.myhuaweicloud.com",
        path: &path,
        query: &[],
        headers: &headers,
        body: BODY.as_bytes(),
    };
    // Warm up, then time; the signatures' lengths are summed so the work cannot be skipped.
    let mut kept = 0usize;
    for _ in 0..calls / 10 {
        kept += sign(&input, &credentials, 1_764_000_000).headers.len();
    }
    let started = Instant::now();
    for i in 0..calls {
        kept += sign(&input, &credentials, 1_764_000_000 + i64::from(i)).string_to_sign.len();
    }
    let per_call = started.elapsed().as_secs_f64() * 1e6 / f64::from(calls.max(1));
    println!("sign: {per_call:.2} µs per call over {calls} calls ({kept} bytes of output)");
}
