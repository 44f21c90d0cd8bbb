//! AK/SK signing (`SDK-HMAC-SHA256`), byte for byte what Huawei's official SDKs produce
//! (tests/vectors holds vectors generated with the official Python SDK). The rules, as the SDK
//! implements them: every header is signed except names containing `_`, and `host` always is;
//! header values are trimmed; the canonical URI is each decoded path segment re-encoded with
//! the unreserved set plus a trailing `/`; query pairs are sorted by raw key then value.

use crate::encode::{decode, encode_into, hex_digit};
use crate::http::Request;
use crate::time::sdk_date;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use std::fmt;

pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// A string that must never be shown: `Debug` prints `***`; there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value, for the one place that needs it (a header, an HMAC key).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// An access key and its secret key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    pub access_key: String,
    pub secret_key: Secret,
}

impl Credentials {
    pub fn new(access_key: impl Into<String>, secret_key: impl Into<String>) -> Credentials {
        Credentials { access_key: access_key.into(), secret_key: Secret::new(secret_key) }
    }
}

/// What to sign, in the SDK's terms.
#[derive(Debug, Clone, Copy)]
pub struct SigningInput<'a> {
    pub method: &'a str,
    /// `host[:port]` as the request will carry it (used when `headers` has no `Host`).
    pub host: &'a str,
    /// The path as sent (may hold `%XX` escapes).
    pub path: &'a str,
    pub query: &'a [(String, String)],
    /// The headers that will be sent.
    pub headers: &'a [(String, String)],
    /// The exact body bytes that will be sent.
    pub body: &'a [u8],
}

/// The outcome of signing: the headers to add, and the intermediates (for tests and debugging).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// Headers the request must carry besides its own: `X-Sdk-Date` (unless the caller set
    /// one), `X-Sdk-Content-Sha256` when the SDK would add it, and `Authorization`.
    pub headers: Vec<(String, String)>,
    pub x_sdk_date: String,
    pub signed_headers: String,
    pub canonical_request: String,
    pub string_to_sign: String,
}

impl Signature {
    pub fn authorization(&self) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == "Authorization").map(|(_, v)| v.as_str())
    }
}

/// Signs `input` at `unix_seconds` (used unless the headers already hold an `X-Sdk-Date`).
pub fn sign(input: &SigningInput<'_>, credentials: &Credentials, unix_seconds: i64) -> Signature {
    let mut added: Vec<(String, String)> = Vec::new();
    let preset_date = header(input.headers, "x-sdk-date").map(str::to_owned);
    let x_sdk_date = preset_date.clone().unwrap_or_else(|| sdk_date(unix_seconds));
    if preset_date.is_none() {
        added.push(("X-Sdk-Date".to_owned(), x_sdk_date.clone()));
    }
    // The SDK marks non-JSON bodies as unsigned (looked up under this exact key casing).
    let unsigned = input
        .headers
        .iter()
        .find(|(n, _)| n == "Content-Type")
        .is_some_and(|(_, v)| !v.starts_with("application/json") && !v.starts_with("application/bson"));
    if unsigned && header(input.headers, "x-sdk-content-sha256").is_none() {
        added.push(("X-Sdk-Content-Sha256".to_owned(), "UNSIGNED-PAYLOAD".to_owned()));
    }

    // Headers that share a name (in any case) travel as one, values joined by ", " (fetch's
    // Headers do this), so that is how they are signed.
    let mut signed: Vec<(String, String)> = Vec::new();
    for (name, value) in input.headers.iter().chain(added.iter()).filter(|(name, _)| !name.contains('_')) {
        let (name, value) = (name.to_ascii_lowercase(), value.trim());
        match signed.iter_mut().find(|(n, _)| *n == name) {
            Some((_, joined)) => {
                joined.push_str(", ");
                joined.push_str(value);
            }
            None => signed.push((name, value.to_owned())),
        }
    }
    // Joined values are one header value again: its edges are trimmed like any other.
    for (_, value) in &mut signed {
        let trimmed = value.trim();
        if trimmed.len() != value.len() {
            *value = trimmed.to_owned();
        }
    }
    if !signed.iter().any(|(name, _)| name == "host") {
        signed.push(("host".to_owned(), input.host.to_owned()));
    }
    signed.sort();
    let signed_headers = signed.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(";");
    let mut canonical_headers = String::new();
    for (name, value) in &signed {
        canonical_headers.extend([name.as_str(), ":", value, "\n"]);
    }

    let payload_hash = match (input.body.is_empty(), header(input.headers, "x-sdk-content-sha256")) {
        (true, _) => EMPTY_SHA256.to_owned(),
        (false, Some(preset)) => preset.to_owned(),
        (false, None) if unsigned => "UNSIGNED-PAYLOAD".to_owned(),
        (false, None) => hex(&Sha256::digest(input.body)),
    };
    let canonical_request = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        input.method.to_ascii_uppercase(),
        canonical_uri(input.path),
        canonical_query(input.query),
        canonical_headers,
        signed_headers,
        payload_hash
    );
    let string_to_sign = format!("{ALGORITHM}\n{x_sdk_date}\n{}", hex(&Sha256::digest(canonical_request.as_bytes())));
    let signature = hex(&hmac_sha256(credentials.secret_key.expose().as_bytes(), string_to_sign.as_bytes()));
    added.push((
        "Authorization".to_owned(),
        format!("{ALGORITHM} Access={}, SignedHeaders={signed_headers}, Signature={signature}", credentials.access_key),
    ));
    Signature { headers: added, x_sdk_date, signed_headers, canonical_request, string_to_sign }
}

/// Signs a built request in place, adding `X-Sdk-Date` and `Authorization`.
pub fn sign_request(request: &mut Request, credentials: &Credentials, unix_seconds: i64) {
    let signature = sign(
        &SigningInput {
            method: request.method.as_str(),
            host: &request.authority,
            path: &request.path,
            query: &request.query,
            headers: &request.headers,
            body: &request.body,
        },
        credentials,
        unix_seconds,
    );
    request.headers.extend(signature.headers);
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn canonical_uri(path: &str) -> String {
    let decoded = decode(path, false);
    let mut uri = String::with_capacity(decoded.len() + 1);
    for (i, segment) in decoded.split('/').enumerate() {
        if i > 0 {
            uri.push('/');
        }
        encode_into(&mut uri, segment);
    }
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

fn canonical_query(query: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = query.iter().collect();
    pairs.sort();
    let mut out = String::new();
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_into(&mut out, key);
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC takes keys of any length; the error branch cannot happen.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

fn hex(bytes: &[u8]) -> String {
    // Bytes first, one string at the end: pushing `char`s encodes each as UTF-8, and three
    // digests per signature made that a visible part of a `signRequest` profile.
    let digits: Vec<u8> = bytes.iter().flat_map(|b| [hex_digit(b >> 4), hex_digit(b & 0x0F)]).collect();
    String::from_utf8(digits).unwrap_or_default()
}
