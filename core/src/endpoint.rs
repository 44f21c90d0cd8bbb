//! Where requests go: the service endpoint (or a proxy's URL), and the ids that become path
//! segments. Both are checked before use, so no input can change which URL is called.

use crate::issue::{Issue, IssueCode, Params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    scheme: &'static str,
    authority: String,
    /// A proxy's path prefix, without a trailing `/` (`""` for the service itself).
    base_path: String,
}

impl Endpoint {
    /// An `https://host[:port][/path]` URL; `http://` only for loopback hosts (`localhost`,
    /// `127.0.0.0/8`, `[::1]`), where tests and local proxies live. No credentials, query or
    /// fragment. `field` names the option in issues.
    pub fn parse(url: &str, field: &str) -> Result<Endpoint, Issue> {
        let bad = || Issue::error(field, IssueCode::Format, Params { format: Some("https_url"), ..Params::default() });
        let url = url.trim();
        if url.is_empty() {
            return Err(Issue::error(field, IssueCode::Required, Params::default()));
        }
        let (scheme, rest) = match url.split_once("://") {
            Some((s, rest)) if s.eq_ignore_ascii_case("https") => ("https", rest),
            Some((s, rest)) if s.eq_ignore_ascii_case("http") => ("http", rest),
            _ => return Err(bad()),
        };
        let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
        let authority = authority.to_ascii_lowercase();
        let (host, port) = split_port(&authority).ok_or_else(bad)?;
        let path_ok = path.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b));
        if host.is_empty() || !valid_host(host) || !path_ok {
            return Err(bad());
        }
        if scheme == "http" && !is_loopback(host) {
            return Err(bad());
        }
        let authority = crate::http::host_header(host, port.and_then(|p| p.parse().ok()), scheme);
        Ok(Endpoint { scheme, authority, base_path: path.trim_end_matches('/').to_owned() })
    }

    pub fn scheme(&self) -> &'static str {
        self.scheme
    }

    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The base path followed by `path` (which starts with `/`).
    pub fn path(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }
}

fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let end = authority.find(']')?;
        let (host, rest) = authority.split_at(end + 1);
        return match rest.strip_prefix(':') {
            Some(port) => valid_port(port).then_some((host, Some(port))),
            None => rest.is_empty().then_some((host, None)),
        };
    }
    match authority.split_once(':') {
        Some((host, port)) => valid_port(port).then_some((host, Some(port))),
        None => Some((authority, None)),
    }
}

fn valid_port(port: &str) -> bool {
    !port.is_empty()
        && port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p))
}

/// A DNS name or IPv4 address (letters, digits, `-`, `.`), or a bracketed IPv6 literal.
pub(crate) fn valid_host(host: &str) -> bool {
    match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => !v6.is_empty() && v6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.'),
        None => host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'),
    }
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || host.strip_prefix("127.").is_some_and(|rest| {
            let parts: Vec<&str> = rest.split('.').collect();
            parts.len() == 3 && parts.iter().all(|p| p.parse::<u8>().is_ok())
        })
}

/// Longest id accepted in a path segment (EIP ids are 36, project ids 32).
const MAX_ID: usize = 64;

/// Checks an id that becomes a path segment (or a marker): 1–64 ASCII letters, digits, `-` or
/// `_`. Anything else (`/`, `?`, `#`, `%`, `..`, whitespace, control characters) could change the
/// URL, so it is a validation issue at `field`, never a different request.
pub fn check_id(field: &str, id: &str) -> Result<(), Issue> {
    if id.is_empty() {
        return Err(Issue::error(field, IssueCode::Required, Params::default()));
    }
    let ok = id.len() <= MAX_ID && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Issue::error(field, IssueCode::Format, Params { format: Some("id"), ..Params::default() }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_endpoints_and_loopback_http() {
        let e = Endpoint::parse("https://VPC.cn-north-4.myhuaweicloud.com/", "endpoint").unwrap();
        assert_eq!(
            (e.scheme(), e.authority(), e.path("/v1")),
            ("https", "vpc.cn-north-4.myhuaweicloud.com", "/v1".into())
        );
        let e = Endpoint::parse("https://proxy.example.com:443/huawei/vpc/", "endpoint").unwrap();
        assert_eq!((e.authority(), e.path("/v1/p")), ("proxy.example.com", "/huawei/vpc/v1/p".into()));
        for ok in [
            "http://127.0.0.1:8787",
            "http://localhost:3000",
            "http://[::1]:80",
            "https://10.0.0.1:8443",
            "http://api.localhost",
        ] {
            assert!(Endpoint::parse(ok, "endpoint").is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_what_could_leak_or_redirect() {
        for bad in [
            "http://vpc.cn-north-4.myhuaweicloud.com",
            "http://127.0.0.1.evil.com",
            "ftp://x",
            "https://user:pw@host",
            "https://host?x=1",
            "https://host#f",
            "https://host:0",
            "https://host:99999",
            "https://ho st",
            "https:///path",
            "vpc.example.com",
            "https://host/a b",
        ] {
            assert!(Endpoint::parse(bad, "endpoint").is_err(), "{bad}");
        }
        assert_eq!(Endpoint::parse(" ", "endpoint").unwrap_err().code, IssueCode::Required);
    }

    #[test]
    fn ids_cannot_change_the_url() {
        assert!(check_id("publicip_id", "f588ccfa-8750-4d7c-bf5d-2ede24414706").is_ok());
        assert!(check_id("order_id", "CS1802081410IMDRN").is_ok());
        for bad in ["a/b", "a?b", "a#b", "a%2Fb", "..", ".", "a b", "a\nb", "a\u{0}b", "é", &"a".repeat(65)] {
            assert_eq!(check_id("publicip_id", bad).unwrap_err().code, IssueCode::Format, "{bad:?}");
        }
        assert_eq!(check_id("publicip_id", "").unwrap_err().code, IssueCode::Required);
    }
}
