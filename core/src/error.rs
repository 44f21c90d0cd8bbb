//! Every failure, in one model, split as smithy does: the input was refused before sending
//! (`Validation`); no answer came (`Network`, `Timeout`, `Aborted`: what a transport reports);
//! the service answered with an error (`Service`); its answer could not be understood
//! (`Response`); or a wait saw a status that will not turn into the one wanted (`Status`).
//! [`ErrorKind`] names what a user sees (`EipError.kind`); every layer maps to it here, once.

#[cfg(doc)]
use crate::http::Method;
use crate::http::Response;
use crate::issue::Issue;
use crate::message::Locale;
use crate::time::parse_http_date;
use serde_json::Value;
use std::fmt;

crate::closed::closed_set! {
    /// The kinds of failure a user sees (`EipError.kind`).
    pub enum ErrorKind {
        Validation = "validation",
        Api = "api",
        Network = "network",
        Timeout = "timeout",
        Aborted = "aborted",
        Response = "response",
    }
}

/// Whether sending the same request again may succeed *and* is safe. Transient failures
/// (network, timeout, 408, 429, 5xx) qualify when the request is `safe_to_repeat` (see
/// [`Method::is_idempotent`]). A create that may have reached the service is never safe to
/// repeat: it could buy a second EIP or place a second order. Only a 429 proves the service
/// refused a request unprocessed.
pub fn is_retryable(kind: ErrorKind, status: Option<u16>, safe_to_repeat: bool) -> bool {
    match kind {
        ErrorKind::Api if status == Some(429) => true,
        ErrorKind::Api => safe_to_repeat && matches!(status, Some(408 | 500 | 502 | 503 | 504)),
        ErrorKind::Network | ErrorKind::Timeout => safe_to_repeat,
        ErrorKind::Validation | ErrorKind::Aborted | ErrorKind::Response => false,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The input was refused before anything was sent.
    Validation(Vec<Issue>),
    /// The service answered with an error status.
    Service(ServiceError),
    /// The service's answer could not be understood (e.g. a 2xx whose body does not parse).
    Response(ResponseError),
    /// The request could not be sent, or its answer not read (the transport's words).
    Network(String),
    /// No answer in time: one attempt ([`Error::attempt_timeout`]) or a whole wait.
    Timeout(String),
    /// The caller aborted.
    Aborted,
    /// A wait saw a status that will not turn into the one wanted (`ERROR`, `BIND_ERROR`).
    Status { status: String, message: String },
    /// The credentials for a request could not be had: a token provider's failure, as it
    /// reported it (an IAM sign-in's own error, with its operation).
    Credentials(Box<Reported>),
}

/// A failure reported by someone else (a token provider), kept as it was reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    pub kind: ErrorKind,
    /// The operation that failed, when it was not the request's own (e.g. `iamToken`).
    pub operation: Option<String>,
    pub message: String,
    pub status: Option<u16>,
    pub code: Option<String>,
    pub request_id: Option<String>,
    pub retryable: bool,
}

impl Error {
    /// An attempt that got no answer within `ms`.
    pub fn attempt_timeout(ms: u32) -> Error {
        Error::Timeout(format!("no answer within {ms} ms"))
    }

    /// A 3xx answer, which eipkit never follows: a redirect could send the request, its token
    /// or its signature somewhere else. The message names only the origin it pointed to (a
    /// location's path or query may hold anything). `status` 0: a browser's opaque redirect,
    /// whose status and location it hides.
    pub fn redirect(status: u16, location: Option<&str>, request_id: Option<String>) -> Error {
        let to = match location.map(str::trim) {
            Some(l) if l.starts_with('/') && !l.starts_with("//") => "another path of the same origin".to_owned(),
            Some(l) => match crate::http::UrlParts::parse(l) {
                Some(url) => format!("{}://{}", url.scheme, url.authority),
                None => "a location that is not a URL".to_owned(),
            },
            None => "a location it does not show".to_owned(),
        };
        let answer = if status == 0 { "a redirect".to_owned() } else { format!("a redirect (HTTP {status})") };
        Error::Response(ResponseError {
            status,
            message: format!("the answer is {answer} to {to}; eipkit does not follow redirects"),
            request_id,
        })
    }

    /// The refusal of a 3xx answer ([`Error::redirect`]), or `None` for any other status: every
    /// parser of an answer starts with this.
    pub fn refused_redirect(response: &Response) -> Option<Error> {
        (300..400)
            .contains(&response.status)
            .then(|| Error::redirect(response.status, response.header("location"), response.request_id()))
    }

    /// An answer longer than the caller allows (`maxResponseBytes`), refused while it was read.
    pub fn too_long(status: u16, max_bytes: u64, request_id: Option<String>) -> Error {
        Error::Response(ResponseError {
            status,
            message: format!(
                "the answer (HTTP {status}) is longer than {max_bytes} bytes (maxResponseBytes); it was not read further"
            ),
            request_id,
        })
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) => ErrorKind::Validation,
            Error::Service(_) | Error::Status { .. } => ErrorKind::Api,
            Error::Response(_) => ErrorKind::Response,
            Error::Network(_) => ErrorKind::Network,
            Error::Timeout(_) => ErrorKind::Timeout,
            Error::Aborted => ErrorKind::Aborted,
            Error::Credentials(reported) => reported.kind,
        }
    }

    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Service(e) => Some(e.status),
            Error::Response(e) => Some(e.status),
            Error::Credentials(reported) => reported.status,
            _ => None,
        }
    }

    /// The service's error code (`VPC.0510`), or the status a wait ended on.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Service(e) => e.code.as_deref(),
            Error::Status { status, .. } => Some(status),
            Error::Credentials(reported) => reported.code.as_deref(),
            _ => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Service(e) => e.request_id.as_deref(),
            Error::Response(e) => e.request_id.as_deref(),
            Error::Credentials(reported) => reported.request_id.as_deref(),
            _ => None,
        }
    }

    /// The validation issues, for `Validation`.
    pub fn issues(&self) -> Option<&[Issue]> {
        match self {
            Error::Validation(issues) => Some(issues),
            _ => None,
        }
    }

    /// A sentence for a person, in `locale` where the library wrote it: a validation's first
    /// issue (and how many more), the service's own message, or what happened.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            Error::Validation(issues) => {
                let mut errors = issues.iter().filter(|i| i.is_error());
                let first = errors.next().map(|i| i.message(locale)).unwrap_or_default();
                match errors.count() {
                    0 => first,
                    more => format!("{first} (+{more} more)"),
                }
            }
            Error::Service(e) => e.message.clone(),
            Error::Response(e) => e.message.clone(),
            Error::Network(detail) => format!("the request could not be sent: {detail}"),
            Error::Timeout(message) | Error::Status { message, .. } => message.clone(),
            Error::Aborted => "the call was aborted".to_owned(),
            Error::Credentials(reported) => reported.message.clone(),
        }
    }

    /// Whether sending the request again may succeed and is safe ([`is_retryable`]).
    pub fn is_retryable(&self, safe_to_repeat: bool) -> bool {
        match self {
            Error::Credentials(reported) => reported.retryable,
            _ => is_retryable(self.kind(), self.status(), safe_to_repeat),
        }
    }

    /// How long the service asked to be left alone, from `now_ms` (Unix milliseconds).
    pub fn retry_after_ms(&self, now_ms: u64) -> Option<u64> {
        match self {
            Error::Service(e) => e.retry_after.map(|r| r.delay_ms(i64::try_from(now_ms).unwrap_or(i64::MAX))),
            _ => None,
        }
    }
}

impl From<Vec<Issue>> for Error {
    fn from(issues: Vec<Issue>) -> Error {
        Error::Validation(issues)
    }
}

impl From<Issue> for Error {
    fn from(issue: Issue) -> Error {
        Error::Validation(vec![issue])
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation(issues) => {
                let paths: Vec<&str> = issues.iter().filter(|i| i.is_error()).map(|i| i.path.as_str()).collect();
                write!(f, "the request is invalid ({} issue(s): {})", paths.len(), paths.join(", "))
            }
            Error::Service(e) => write!(f, "{e}"),
            other => f.write_str(&other.message(Locale::En)),
        }
    }
}

impl std::error::Error for Error {}

/// The service's error answer, in whichever shape it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub status: u16,
    /// The service's code, e.g. `VPC.0510`, `APIGW.0301`, a Neutron error type.
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub retry_after: Option<RetryAfter>,
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{code}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseError {
    pub status: u16,
    pub message: String,
    pub request_id: Option<String>,
}

/// `Retry-After`: seconds, or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    Seconds(u64),
    /// Unix seconds.
    At(i64),
}

impl RetryAfter {
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        value.parse::<u64>().ok().map(RetryAfter::Seconds).or_else(|| parse_http_date(value).map(RetryAfter::At))
    }

    /// How long to wait from `now_ms` (Unix milliseconds).
    pub fn delay_ms(self, now_ms: i64) -> u64 {
        match self {
            RetryAfter::Seconds(s) => s.saturating_mul(1000),
            RetryAfter::At(at) => u64::try_from(at.saturating_mul(1000).saturating_sub(now_ms)).unwrap_or(0),
        }
    }
}

/// Longest service message kept here: a bound on memory only. Shorten for display with
/// [`shorten`] *after* redacting (a secret cut in half no longer matches).
const MAX_MESSAGE: usize = 65_536;

/// The longest message shown to a person (the EIP API documents 256 characters).
pub const MAX_SHOWN: usize = 512;

/// `text` cut to [`MAX_SHOWN`] characters, with an ellipsis when cut.
pub fn shorten(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN) {
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// Reads an error answer in every shape the service family uses: `{code, message}` (EIP),
/// `{error_code, error_msg}` (API gateway), `{error: {code, message}}` (IAM),
/// `{NeutronError: {type, message, detail}}`, `{"badRequest": {message, code}}`, or not JSON at
/// all (a gateway's HTML page, an empty body).
pub fn service_error(response: &Response) -> ServiceError {
    let json: Option<Value> = serde_json::from_slice(&response.body).ok();
    let (code, message, body_request_id) = json.as_ref().and_then(from_json).unwrap_or((None, None, None));
    let message =
        message.map(|m| clean(&m)).filter(|m| !m.is_empty()).unwrap_or_else(|| clean(&describe_body(response)));
    ServiceError {
        status: response.status,
        code,
        message,
        request_id: response.request_id().or(body_request_id),
        retry_after: response.header("retry-after").and_then(RetryAfter::parse),
    }
}

type Parts = (Option<String>, Option<String>, Option<String>);

fn from_json(value: &Value) -> Option<Parts> {
    let object = value.as_object()?;
    let text = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let request_id = text(object.get("request_id"));
    if object.contains_key("code") || object.contains_key("message") {
        return Some((text(object.get("code")), text(object.get("message")), request_id));
    }
    if object.contains_key("error_code") || object.contains_key("error_msg") {
        return Some((text(object.get("error_code")), text(object.get("error_msg")), request_id));
    }
    if let Some(neutron) = object.get("NeutronError").and_then(Value::as_object) {
        let message = match (text(neutron.get("message")), text(neutron.get("detail")).filter(|d| !d.is_empty())) {
            (Some(m), Some(d)) => Some(format!("{m} ({d})")),
            (m, d) => m.or(d),
        };
        return Some((text(neutron.get("type")), message, request_id));
    }
    // `{"error": {...}}` (IAM) and `{"badRequest": {...}}` (Nova-style): one object member.
    let mut members = object.iter().filter(|(_, v)| v.is_object());
    let (key, inner) = members.next()?;
    let inner = inner.as_object()?;
    let code = text(inner.get("code")).or_else(|| (key != "error").then(|| key.clone()));
    let message = text(inner.get("message")).or_else(|| text(inner.get("title")));
    Some((code, message, request_id.or_else(|| text(inner.get("request_id")))))
}

fn describe_body(response: &Response) -> String {
    let body = String::from_utf8_lossy(&response.body);
    let status = response.status;
    if body.trim().is_empty() {
        return format!("HTTP {status} with an empty body");
    }
    let lower = body.to_ascii_lowercase();
    if lower.contains("<html") || lower.contains("<!doctype") {
        let title = lower
            .find("<title>")
            .and_then(|start| body.get(start + 7..))
            .and_then(|rest| rest.get(..rest.to_ascii_lowercase().find("</title>")?))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        return match title {
            Some(t) => format!("HTTP {status} with an HTML page: {t}"),
            None => format!("HTTP {status} with an HTML page"),
        };
    }
    // The body in full (bounded by `clean`): a cut here could halve a secret before redaction.
    format!("HTTP {status} with a body that is not a recognised error: {body}")
}

/// One line, printable, bounded.
fn clean(message: &str) -> String {
    let one_line: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match one_line.char_indices().nth(MAX_MESSAGE) {
        Some((cut, _)) => format!("{}…", one_line.get(..cut).unwrap_or_default()),
        None => one_line,
    }
}

/// Replaces every occurrence of each secret in `text` with `***`, and the signature of any
/// echoed `Authorization` header (`Signature=<hex>`): a service or a proxy could echo a token
/// or the header back in a message; neither must reach a log through us.
pub fn redact(text: &str, secrets: &[&str]) -> String {
    let text = secrets.iter().filter(|s| s.len() >= 4).fold(text.to_owned(), |t, s| t.replace(s, "***"));
    const KEY: &str = "Signature=";
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find(KEY) {
        let (before, after) = rest.split_at(at + KEY.len());
        out.push_str(before);
        let hex = after.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex > 0 {
            out.push_str("***");
        }
        rest = after.get(hex..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Whether `value` can travel as an HTTP header value through `fetch`: printable ASCII (and
/// tabs), which a token or an access key always is. Anything else (a pasted line break,
/// non-ASCII) would be refused by `fetch`, so it is refused here first, as input.
pub fn is_header_value(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b == b'\t' || (0x20..0x7F).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Response {
        Response::new(status, vec![("X-Request-Id".into(), "req-1".into())], body)
    }

    #[test]
    fn every_error_shape() {
        let cases = [
            (r#"{"code":"VPC.0510","message":"EIP is bound"}"#, Some("VPC.0510"), "EIP is bound"),
            (
                r#"{"error_code":"APIGW.0301","error_msg":"verify aksk signature fail","request_id":"x"}"#,
                Some("APIGW.0301"),
                "verify aksk signature fail",
            ),
            (
                r#"{"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}}"#,
                Some("401"),
                "The username or password is wrong.",
            ),
            (
                r#"{"NeutronError":{"type":"PortNotFound","message":"Port x could not be found","detail":""}}"#,
                Some("PortNotFound"),
                "Port x could not be found",
            ),
            (r#"{"badRequest":{"message":"Invalid input","code":400}}"#, Some("400"), "Invalid input"),
            (r#"{"itemNotFound":{"message":"gone"}}"#, Some("itemNotFound"), "gone"),
            (
                "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
                None,
                "HTTP 502 with an HTML page: 502 Bad Gateway",
            ),
            ("", None, "HTTP 502 with an empty body"),
            ("[1,2]", None, "HTTP 502 with a body that is not a recognised error: [1,2]"),
        ];
        for (body, code, message) in cases {
            let e = service_error(&answer(502, body));
            assert_eq!((e.code.as_deref(), e.message.as_str()), (code, message), "{body}");
            assert_eq!(e.request_id.as_deref(), Some("req-1"));
        }
    }

    #[test]
    fn request_id_falls_back_to_the_body() {
        let e = service_error(&Response::new(
            401,
            vec![],
            r#"{"error_code":"APIGW.0301","error_msg":"x","request_id":"body-id"}"#,
        ));
        assert_eq!(e.request_id.as_deref(), Some("body-id"));
    }

    #[test]
    fn retry_after_seconds_or_date() {
        let r = Response::new(429, vec![("Retry-After".into(), "3".into())], "");
        assert_eq!(service_error(&r).retry_after, Some(RetryAfter::Seconds(3)));
        assert_eq!(RetryAfter::Seconds(3).delay_ms(0), 3000);
        let at = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(at.delay_ms(784_111_775_000), 2000);
        assert_eq!(at.delay_ms(784_111_799_000), 0, "a past date means now");
        assert_eq!(RetryAfter::parse("soon"), None);
    }

    #[test]
    fn messages_are_one_bounded_line_and_secrets_are_redacted() {
        let long = format!(r#"{{"code":"X","message":"line1\nline2\t{}"}}"#, "y".repeat(70_000));
        let e = service_error(&answer(500, &long));
        assert!(e.message.starts_with("line1 line2 y") && e.message.chars().count() == MAX_MESSAGE + 1);
        assert_eq!(shorten(&e.message).chars().count(), MAX_SHOWN + 1);
        assert_eq!(redact("token abcd1234 rejected", &["abcd1234", ""]), "token *** rejected");
        let echoed = "bad header SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=0a1b2c; Signature= end";
        assert_eq!(
            redact(echoed, &[]),
            "bad header SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=***; Signature= end"
        );
        assert!(
            is_header_value("MIIabc+/=") && !is_header_value("名") && !is_header_value("a\nb") && !is_header_value("")
        );
    }

    #[test]
    fn retryable_tells_the_truth() {
        use crate::http::Method;
        use ErrorKind::*;
        let get = Method::Get.is_idempotent();
        let post = Method::Post.is_idempotent();
        assert!(is_retryable(Api, Some(503), get));
        assert!(!is_retryable(Api, Some(503), post), "a create may have happened");
        assert!(is_retryable(Api, Some(429), post), "429: refused unprocessed");
        assert!(!is_retryable(Api, Some(400), get));
        assert!(!is_retryable(Api, Some(409), Method::Put.is_idempotent()));
        assert!(is_retryable(Network, None, Method::Delete.is_idempotent()));
        assert!(!is_retryable(Timeout, None, post));
        assert!(!is_retryable(Aborted, None, get));
        assert!(!is_retryable(Response, Some(200), get));
        assert!(!is_retryable(Validation, None, get));
    }
}
