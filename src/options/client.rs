//! The options of `new EipClient(...)` and of the IAM token provider, read from any [`Node`]
//! (a live JS object, or JSON in the native tests and the fuzz target) with every problem
//! reported as an [`Issue`]. Unknown keys get a did-you-mean, like bodies.

use super::Reader;
use eipkit_core::endpoint::{Endpoint, check_id};
use eipkit_core::error::is_header_value;
use eipkit_core::machine::{DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS};
use eipkit_core::node::{Node, Shape};
use eipkit_core::operation::Config;
use eipkit_core::operation::iam_token::{PasswordAuth, ProjectScope};
use eipkit_core::sign::{Credentials, Secret};
use eipkit_core::{Issue, IssueCode, Locale, Params};

/// How calls are authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthConfig {
    Token(Secret),
    AkSk(Credentials),
    /// The caller's `tokenProvider` function supplies tokens (held by the binding layer).
    Provider,
    /// `auth.headers`: sent as they are to a proxy, which holds the cloud credentials.
    Headers(Vec<(String, Secret)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    pub service: Config,
    pub auth: AuthConfig,
    pub region: Option<String>,
    /// Per attempt.
    pub timeout_ms: u32,
    /// Extra attempts for requests that are safe to repeat.
    pub retries: u32,
    /// A caller-supplied `fetch` function is present (held by the binding layer).
    pub custom_fetch: bool,
    /// The longest answer read; a longer one is refused while it is read.
    pub max_response_bytes: u64,
    pub locale: Locale,
}

/// 8 MiB: far above any EIP answer (a page of 2000 EIPs is about 2 MiB), far below what would
/// hurt an edge isolate.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 8 * 1024 * 1024;
const MAX_RESPONSE_BYTES_LIMIT: i64 = 1 << 30;

impl ClientConfig {
    pub fn from_node<N: Node>(node: &N) -> Result<ClientConfig, Vec<Issue>> {
        const KEYS: &[&str] =
            &["endpoint", "projectId", "auth", "region", "timeoutMs", "retries", "fetch", "maxResponseBytes", "locale"];
        let mut r = Reader::new(node, "", KEYS)?;
        let endpoint = r.text("endpoint", true);
        let project_id = r.text("projectId", true);
        let auth = read_auth(&mut r);
        let region = r.text("region", false);
        let timeout_ms = r.int("timeoutMs", 1, 600_000).unwrap_or(DEFAULT_TIMEOUT_MS.into());
        let retries = r.int("retries", 0, 10).unwrap_or(DEFAULT_RETRIES.into());
        let custom_fetch = r.function("fetch");
        let max_response_bytes = max_response_bytes(&mut r);
        let locale = r.text("locale", false).map_or(Locale::En, |tag| Locale::from_tag(&tag));
        let service = match (endpoint, project_id) {
            (Some(endpoint), Some(project_id)) => match Config::new(&endpoint, &project_id) {
                Ok(service) => Some(service),
                Err(issues) => {
                    r.issues.extend(issues);
                    None
                }
            },
            _ => None,
        };
        match (r.finish(), service, auth) {
            (Ok(()), Some(service), Some(auth)) => Ok(ClientConfig {
                service,
                auth,
                region,
                timeout_ms: u32::try_from(timeout_ms).unwrap_or(DEFAULT_TIMEOUT_MS),
                retries: u32::try_from(retries).unwrap_or(DEFAULT_RETRIES),
                custom_fetch,
                max_response_bytes,
                locale,
            }),
            (Err(issues), ..) => Err(issues),
            _ => Err(Vec::new()),
        }
    }
}

/// `maxResponseBytes`: 1 byte to 1 GiB, default [`DEFAULT_MAX_RESPONSE_BYTES`].
fn max_response_bytes<N: Node>(r: &mut Reader<'_, N>) -> u64 {
    r.int("maxResponseBytes", 1, MAX_RESPONSE_BYTES_LIMIT)
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES)
}

fn read_auth<N: Node>(r: &mut Reader<'_, N>) -> Option<AuthConfig> {
    let node = r.node.member("auth");
    if node.shape().is_missing() {
        r.issues.push(Issue::error("auth", IssueCode::Required, Params::default()));
        return None;
    }
    let mut a = match Reader::new(&node, "auth", &["token", "ak", "sk", "tokenProvider", "headers"]) {
        Ok(reader) => reader,
        Err(issues) => {
            r.issues.extend(issues);
            return None;
        }
    };
    let token = a.text("token", false).filter(|t| header_value(&mut a, "token", t));
    let ak = a.text("ak", false).filter(|ak| header_value(&mut a, "ak", ak));
    let sk = a.text("sk", false);
    let provider = a.function("tokenProvider");
    let headers = read_headers(&mut a);
    let styles =
        [token.is_some(), ak.is_some() || sk.is_some(), provider, headers.is_some()].iter().filter(|s| **s).count();
    let auth = match (token, ak, sk, provider) {
        _ if styles > 1 => {
            let params = Params { expected: Some(AUTH_SHAPES), received: Some("several"), ..Params::default() };
            a.issues.push(Issue::error("auth", IssueCode::Conflict, params));
            None
        }
        (Some(token), ..) => Some(AuthConfig::Token(Secret::new(token))),
        (_, Some(ak), Some(sk), _) => Some(AuthConfig::AkSk(Credentials::new(ak, sk))),
        (_, Some(_), None, _) => {
            a.issues.push(Issue::error("auth.sk", IssueCode::RequiredIf, given("auth.ak")));
            None
        }
        (_, None, Some(_), _) => {
            a.issues.push(Issue::error("auth.ak", IssueCode::RequiredIf, given("auth.sk")));
            None
        }
        (.., true) => Some(AuthConfig::Provider),
        _ if headers.is_some() => headers.map(AuthConfig::Headers),
        _ if a.issues.is_empty() => {
            let params = Params { expected: Some(AUTH_SHAPES), received: Some("object"), ..Params::default() };
            a.issues.push(Issue::error("auth", IssueCode::Type, params));
            None
        }
        _ => None,
    };
    if let Err(issues) = a.finish() {
        r.issues.extend(issues);
    }
    auth
}

/// A credential sent in a header must be one `fetch` accepts.
fn header_value<N: Node>(r: &mut Reader<'_, N>, key: &str, value: &str) -> bool {
    let ok = is_header_value(value);
    if !ok {
        let path = r.path(key);
        r.issues.push(Issue::error(
            path,
            IssueCode::Format,
            Params { format: Some("header_value"), ..Params::default() },
        ));
    }
    ok
}

const AUTH_SHAPES: &str = "{ token }, { ak, sk }, { tokenProvider } or { headers }";

/// Headers the request itself sets, which `auth.headers` may not.
const RESERVED_HEADERS: &[&str] = &["host", "content-type", "content-length", "x-sdk-date", "x-project-id"];

/// `auth.headers`: a non-empty object of header names (HTTP tokens, not one the request sets
/// itself) to values `fetch` accepts; `None` when absent or refused (with its issues).
fn read_headers<N: Node>(r: &mut Reader<'_, N>) -> Option<Vec<(String, Secret)>> {
    let node = r.node.member("headers");
    let shape = node.shape();
    if shape.is_missing() {
        return None;
    }
    let names = match (&shape, node.keys()) {
        (Shape::Object, Ok(names)) if !names.is_empty() => names,
        _ => {
            r.type_issue("headers", "non-empty object of strings", &shape);
            return None;
        }
    };
    let before = r.issues.len();
    let mut headers = Vec::new();
    for name in names {
        let path = format!("{}.{name}", r.path("headers"));
        let is_token =
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !is_token || RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            let params = Params { format: Some("header_name"), ..Params::default() };
            r.issues.push(Issue::error(path, IssueCode::Format, params));
            continue;
        }
        match node.member(&name).shape() {
            Shape::Text(value) if is_header_value(&value) => {
                headers.push((name.into_owned(), Secret::new(value.into_owned())))
            }
            Shape::Text(_) => {
                let params = Params { format: Some("header_value"), ..Params::default() };
                r.issues.push(Issue::error(path, IssueCode::Format, params));
            }
            other => {
                let params =
                    Params { expected: Some("string"), received: Some(other.type_name()), ..Params::default() };
                r.issues.push(Issue::error(path, IssueCode::Type, params));
            }
        }
    }
    (r.issues.len() == before).then_some(headers)
}

fn given(field: &'static str) -> Params {
    Params { field: Some(field), ..Params::default() }
}

/// Options of the IAM token provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IamConfig {
    pub endpoint: Endpoint,
    pub auth: PasswordAuth,
    /// Renew this long before the token expires.
    pub renew_before_ms: u32,
    pub timeout_ms: u32,
    pub custom_fetch: bool,
    pub max_response_bytes: u64,
}

/// Renew ten minutes early: a call made just before expiry must not race it.
pub const DEFAULT_RENEW_BEFORE_MS: u32 = 600_000;

impl IamConfig {
    pub fn from_node<N: Node>(node: &N) -> Result<IamConfig, Vec<Issue>> {
        const KEYS: &[&str] = &[
            "endpoint",
            "domain",
            "user",
            "password",
            "projectId",
            "projectName",
            "renewBeforeMs",
            "timeoutMs",
            "fetch",
            "maxResponseBytes",
        ];
        let mut r = Reader::new(node, "", KEYS)?;
        let endpoint = r.text("endpoint", true).and_then(|url| match Endpoint::parse(&url, "endpoint") {
            Ok(endpoint) => Some(endpoint),
            Err(issue) => {
                r.issues.push(issue);
                None
            }
        });
        let domain = r.text("domain", true);
        let user = r.text("user", true);
        let password = r.text("password", true);
        let project = match (r.text("projectId", false), r.text("projectName", false)) {
            (Some(_), Some(_)) => {
                r.issues.push(Issue::error("projectName", IssueCode::Conflict, given("projectId")));
                None
            }
            (Some(id), None) => {
                check_id("projectId", &id).map_err(|i| r.issues.push(i)).ok().map(|()| ProjectScope::Id(id))
            }
            (None, Some(name)) => Some(ProjectScope::Name(name)),
            (None, None) => {
                r.issues.push(Issue::error("projectId", IssueCode::Required, Params::default()));
                None
            }
        };
        let renew_before_ms = r.int("renewBeforeMs", 0, 86_400_000).unwrap_or(DEFAULT_RENEW_BEFORE_MS.into());
        let timeout_ms = r.int("timeoutMs", 1, 600_000).unwrap_or(DEFAULT_TIMEOUT_MS.into());
        let custom_fetch = r.function("fetch");
        let max_response_bytes = max_response_bytes(&mut r);
        r.finish()?;
        match (endpoint, domain, user, password, project) {
            (Some(endpoint), Some(domain), Some(user), Some(password), Some(project)) => Ok(IamConfig {
                endpoint,
                auth: PasswordAuth { domain, user, password: Secret::new(password), project },
                renew_before_ms: u32::try_from(renew_before_ms).unwrap_or(DEFAULT_RENEW_BEFORE_MS),
                timeout_ms: u32::try_from(timeout_ms).unwrap_or(DEFAULT_TIMEOUT_MS),
                custom_fetch,
                max_response_bytes,
            }),
            _ => Err(Vec::new()),
        }
    }
}
