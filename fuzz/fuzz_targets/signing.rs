//! Any request, signed with `sign::sign`. The input is a readable request (every field
//! percent-decoded, so any byte, newlines included, can appear in it):
//!
//! ```text
//! GET
//! vpc.cn-north-4.myhuaweicloud.com
//! /v1/p/publicips
//! 1795000000
//! ?limit=10
//! Content-Type: application/json
//!
//! body bytes
//! ```
//!
//! (method, host, path, Unix seconds, then `?key=value` query lines and `Name: value` header
//! lines, a blank line, the body). Invariants: no panic; the canonical request, the signed
//! headers, the string to sign and the Authorization header are the same for any order of the
//! query pairs and of the headers (headers of the same name, which the signer reads first to
//! last, keep their relative order, as fetch does); what is signed is well formed; headers
//! sharing a name sign as the one header fetch sends.

#![no_main]

use eipkit_core::sign::{Credentials, Signature, SigningInput, sign};
use eipkit_core::time::sdk_date;
use libfuzzer_sys::fuzz_target;

struct Input {
    method: String,
    host: String,
    path: String,
    unix_seconds: i64,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fuzz_target!(|data: &[u8]| {
    let input = read_request(data);
    let credentials = Credentials::new("HPUAFAKEAKEXAMPLE0000", "fakeSecretKeyForTests0000000000000000000");
    let signature = sign_with(&input, &input.query, &input.headers, &credentials);
    check_shape(&input, &signature);

    let mut rng = Rng::new(data);
    let orders = [
        (reversed(&input.query), same_name_order_kept(&input.headers, &reversed_indices(input.headers.len()))),
        (shuffled(&input.query, &mut rng), {
            let order = rng.permutation(input.headers.len());
            same_name_order_kept(&input.headers, &order)
        }),
    ];
    for (query, headers) in orders {
        let other = sign_with(&input, &query, &headers, &credentials);
        assert_eq!(other, signature, "the signature depends on the order of the query pairs or of the headers");
    }

    // Regression (core/tests/regressions.rs): headers sharing a name are signed as the one
    // header fetch sends, the values joined by ", ".
    if let Some(combined) = combined_as_fetch_sends(&input.headers) {
        let other = sign_with(&input, &input.query, &combined, &credentials);
        assert_eq!(other.canonical_request, signature.canonical_request, "duplicate headers signed apart");
    }
});

/// Headers of one name (ignoring case) as one header, values trimmed and joined by ", ", when
/// there are such duplicates and none of them is one the signer reads itself.
fn combined_as_fetch_sends(headers: &[(String, String)]) -> Option<Vec<(String, String)>> {
    let special = ["content-type", "x-sdk-date", "x-sdk-content-sha256", "host"];
    let mut combined: Vec<(String, String)> = Vec::new();
    for (name, value) in headers {
        let name = name.to_ascii_lowercase();
        if special.contains(&name.as_str()) {
            return None;
        }
        match combined.iter_mut().find(|(n, _)| *n == name) {
            Some((_, values)) => *values = format!("{values}, {}", value.trim()),
            None => combined.push((name, value.trim().to_owned())),
        }
    }
    (combined.len() < headers.len()).then_some(combined)
}

fn sign_with(
    input: &Input,
    query: &[(String, String)],
    headers: &[(String, String)],
    credentials: &Credentials,
) -> Signature {
    sign(
        &SigningInput {
            method: &input.method,
            host: &input.host,
            path: &input.path,
            query,
            headers,
            body: &input.body,
        },
        credentials,
        input.unix_seconds,
    )
}

fn check_shape(input: &Input, signature: &Signature) {
    let preset_date = input.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("x-sdk-date"));
    match preset_date {
        Some((_, value)) => assert_eq!(&signature.x_sdk_date, value),
        None => assert_eq!(signature.x_sdk_date, sdk_date(input.unix_seconds)),
    }
    let names: Vec<&str> = signature.signed_headers.split(';').collect();
    assert!(names.contains(&"host"), "host is always signed: {}", signature.signed_headers);
    // With names that hold no `;`: sorted, lower case, no `_`.
    if input.headers.iter().all(|(n, _)| !n.contains(';')) {
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "signed headers not sorted: {}", signature.signed_headers);
        assert!(names.iter().all(|n| !n.contains('_') && n.to_ascii_lowercase() == *n));
    }
    let after_method = signature
        .canonical_request
        .strip_prefix(&format!("{}\n", input.method.to_ascii_uppercase()))
        .unwrap_or_else(|| panic!("the canonical request does not start with the method"));
    let uri = after_method.split('\n').next().unwrap_or_default();
    assert!(uri.starts_with('/') || !input.path.starts_with('/'), "canonical URI {uri:?}");
    assert!(uri.ends_with('/'), "canonical URI {uri:?} has no trailing slash");
    assert!(
        uri.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%/".contains(&b)),
        "canonical URI {uri:?} has unencoded bytes"
    );
    let hash = signature.string_to_sign.rsplit('\n').next().unwrap_or_default();
    assert_eq!(hash.len(), 64);
    assert!(signature.string_to_sign.starts_with("SDK-HMAC-SHA256\n"));
    let authorization = signature.authorization().unwrap_or_default();
    assert!(authorization.starts_with("SDK-HMAC-SHA256 Access=HPUAFAKEAKEXAMPLE0000, SignedHeaders="));
    let sig = authorization.rsplit("Signature=").next().unwrap_or_default();
    assert!(sig.len() == 64 && sig.bytes().all(|b| b.is_ascii_hexdigit()), "signature {sig:?}");
}

fn read_request(data: &[u8]) -> Input {
    let split = data.windows(2).position(|w| w == b"\n\n");
    let (head, body) = match split {
        Some(at) => (&data[..at], data[at + 2..].to_vec()),
        None => (data, Vec::new()),
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.split('\n');
    let mut next = || decode(lines.next().unwrap_or_default());
    let (method, host, path) = (next(), next(), next());
    let unix_seconds = next().trim().parse::<i64>().unwrap_or(1_795_000_000);
    let (mut query, mut headers) = (Vec::new(), Vec::new());
    for line in lines {
        if let Some(pair) = line.strip_prefix('?') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            query.push((decode(k), decode(v)));
        } else {
            let (n, v) = line.split_once(':').unwrap_or((line, ""));
            headers.push((decode(n), decode(v.strip_prefix(' ').unwrap_or(v))));
        }
    }
    Input { method, host, path, unix_seconds, query, headers, body }
}

/// `%XX` to the byte (a harness-side decoder: the library's is not public).
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|c| char::from(*c).to_digit(16));
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2))
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn reversed<T: Clone>(items: &[T]) -> Vec<T> {
    items.iter().rev().cloned().collect()
}

fn reversed_indices(len: usize) -> Vec<usize> {
    (0..len).rev().collect()
}

fn shuffled<T: Clone>(items: &[T], rng: &mut Rng) -> Vec<T> {
    rng.permutation(items.len()).into_iter().map(|i| items[i].clone()).collect()
}

/// The headers in `order`, except that headers whose names are equal (ignoring case) keep
/// their relative order: each slot of a name takes that name's next header.
fn same_name_order_kept(headers: &[(String, String)], order: &[usize]) -> Vec<(String, String)> {
    let key = |i: usize| headers[i].0.to_ascii_lowercase();
    let mut used = vec![false; headers.len()];
    order
        .iter()
        .map(|&slot| {
            let name = key(slot);
            let next = (0..headers.len()).find(|&j| !used[j] && key(j) == name).unwrap_or(slot);
            used[next] = true;
            headers[next].clone()
        })
        .collect()
}

/// A tiny deterministic generator seeded from the input (FNV-1a, then xorshift).
struct Rng(u64);

impl Rng {
    fn new(data: &[u8]) -> Rng {
        let seed = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn permutation(&mut self, len: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..len).collect();
        for i in (1..len).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        order
    }
}
