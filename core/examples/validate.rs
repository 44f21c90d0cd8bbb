//! Validates a request body read from standard input and prints every issue.
//!
//! ```sh
//! echo '{"publicip":{"type":"5_bgp"},"bandwidth":{"share_type":"PER","size":301}}' \
//!   | cargo run -p eipkit-core --example validate -- create --locale zh-CN --region cn-north-4
//! ```

use eipkit_core::{Locale, Operation, Options, validate_json};
use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut operation = Operation::CreatePublicip;
    let (mut locale, mut options) = (Locale::En, Options::default());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "create" => operation = Operation::CreatePublicip,
            "create-prepaid" => operation = Operation::CreatePrepaidPublicip,
            "update" => operation = Operation::UpdatePublicip,
            "--locale" => locale = Locale::from_tag(&args.next().unwrap_or_default()),
            "--region" => options.region = args.next(),
            other => {
                eprintln!(
                    "unknown argument {other:?}; usage: validate [create|create-prepaid|update] [--locale en|zh-CN] [--region ID]"
                );
                std::process::exit(2);
            }
        }
    }
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cannot read standard input: {e}");
        std::process::exit(2);
    }
    let body: serde_json::Value = match serde_json::from_str(&input) {
        Ok(body) => body,
        Err(e) => {
            eprintln!("not JSON: {e}");
            std::process::exit(2);
        }
    };
    let result = validate_json(operation, &body, &options);
    for issue in result.issues() {
        println!(
            "{:<8} {:<14} {:<28} {}",
            format!("{:?}", issue.severity),
            issue.code.as_str(),
            issue.path,
            issue.message(locale)
        );
    }
    match result.body() {
        Some(body) => println!("ok: would send {body}"),
        None => std::process::exit(1),
    }
}
