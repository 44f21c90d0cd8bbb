//! Putting credentials on a built request: an IAM token header, an AK/SK signature, or the
//! headers a proxy in front of the service checks (its own session; no cloud credential).

use crate::http::Request;
use crate::sign::{Credentials, Secret, sign_request};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// `X-Auth-Token`.
    Token(Secret),
    /// `SDK-HMAC-SHA256` signature, with `X-Project-Id`.
    AkSk(Credentials),
    /// Exactly these headers (an `eipkit/proxy` holds the cloud credentials).
    Headers(Vec<(String, Secret)>),
}

/// Adds the auth headers; AK/SK signs at `unix_seconds`, so sign each attempt afresh.
pub fn authorize(request: &mut Request, auth: &Auth, project_id: &str, unix_seconds: i64) {
    match auth {
        Auth::Token(token) => request.headers.push(("X-Auth-Token".to_owned(), token.expose().to_owned())),
        Auth::AkSk(credentials) => {
            request.headers.push(("X-Project-Id".to_owned(), project_id.to_owned()));
            sign_request(request, credentials, unix_seconds);
        }
        Auth::Headers(headers) => {
            request.headers.extend(headers.iter().map(|(name, value)| (name.clone(), value.expose().to_owned())));
        }
    }
}
