//! `POST {iam}/v3/auth/tokens`: an IAM token for a user and project (password method). The
//! token comes back in the `X-Subject-Token` header and lives 24 hours (`token.expires_at`).

use super::{Answer, Shape};
use crate::endpoint::Endpoint;
use crate::error::{Error, ResponseError};
use crate::http::{Method, Request, Response};
use crate::sign::Secret;
use crate::time::parse_utc_ms;
use serde_json::json;

pub const METHOD: Method = Method::Post;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordAuth {
    /// The account (domain) name.
    pub domain: String,
    /// The IAM user name.
    pub user: String,
    pub password: Secret,
    pub project: ProjectScope,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectScope {
    Id(String),
    /// A project name, e.g. the region id `cn-north-4`.
    Name(String),
}

/// An issued token and when it stops working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamToken {
    pub token: Secret,
    /// Unix milliseconds.
    pub expires_at_ms: i64,
}

pub fn build(iam: &Endpoint, auth: &PasswordAuth) -> Request {
    let project = match &auth.project {
        ProjectScope::Id(id) => json!({ "id": id }),
        ProjectScope::Name(name) => json!({ "name": name }),
    };
    let body = json!({
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": { "user": { "name": auth.user, "password": auth.password.expose(), "domain": { "name": auth.domain } } }
            },
            "scope": { "project": project }
        }
    });
    Request {
        method: METHOD,
        scheme: iam.scheme(),
        authority: iam.authority().to_owned(),
        path: iam.path("/v3/auth/tokens"),
        query: Vec::new(),
        headers: vec![("Content-Type".to_owned(), "application/json;charset=UTF-8".to_owned())],
        body: serde_json::to_vec(&body).unwrap_or_default(),
    }
}

pub fn parse(response: &Response) -> Result<IamToken, Error> {
    const TOKEN: Answer = Answer {
        what: "IAM token",
        shape: Some(Shape {
            expected: "{ token: { expires_at } }",
            check: |v| v.pointer("/token/expires_at").is_some_and(serde_json::Value::is_string),
        }),
        ts_type: "string",
        page_of: None,
    };
    let answer = super::parse_answer(&TOKEN, response)?;
    let expires_at = answer.pointer("/token/expires_at").and_then(serde_json::Value::as_str).unwrap_or_default();
    let unreadable = |message: String| {
        Error::Response(ResponseError { status: response.status, message, request_id: response.request_id() })
    };
    let token = response.header("x-subject-token").map(str::trim).filter(|t| !t.is_empty()).ok_or_else(|| {
        unreadable("the IAM answer has no X-Subject-Token header (is it exposed to this origin?)".into())
    })?;
    let expires_at_ms = parse_utc_ms(expires_at)
        .ok_or_else(|| unreadable(format!("the IAM token's expires_at \"{expires_at}\" is not a UTC time")))?;
    Ok(IamToken { token: Secret::new(token), expires_at_ms })
}

/// [`parse`], as JSON (`{ "token", "expires_at_ms" }`): what the retry machine hands back.
pub fn parse_value(response: &Response) -> Result<serde_json::Value, Error> {
    parse(response).map(|t| json!({ "token": t.token.expose(), "expires_at_ms": t.expires_at_ms }))
}

impl IamToken {
    /// Back from [`parse_value`]'s JSON.
    pub fn from_value(value: &serde_json::Value) -> Option<IamToken> {
        let token = value.get("token")?.as_str()?;
        Some(IamToken { token: Secret::new(token), expires_at_ms: value.get("expires_at_ms")?.as_i64()? })
    }
}
