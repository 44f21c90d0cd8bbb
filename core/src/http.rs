//! HTTP requests and responses as plain values: the builders produce a [`Request`], the
//! caller's transport sends it, and the parsers read a [`Response`]. No I/O here.

use crate::encode::encode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// Sending the request twice leaves the service as sending it once. A POST here creates
    /// an EIP or places an order, so it is never repeated by the library.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post)
    }
}

/// A request ready to send: the query is in canonical order (the order that is signed is the
/// order that is sent), the body is the exact bytes whose hash is signed.
#[derive(Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    /// `https` or `http` (loopback only).
    pub scheme: &'static str,
    /// `host[:port]`, as the client will send it in `Host`.
    pub authority: String,
    /// The path as sent: segments already percent-encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn url(&self) -> String {
        let mut url = format!("{}://{}{}", self.scheme, self.authority, self.path);
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&encode_query(&self.query));
        }
        url
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// Secrets travel in headers; `Debug` shows their names only.
impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.url())
            .field("headers", &names)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// What the transport got back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, headers: Vec<(String, String)>, body: impl Into<Vec<u8>>) -> Response {
        Response { status, headers, body: body.into() }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The `X-Request-Id` the service gives every answer.
    pub fn request_id(&self) -> Option<String> {
        self.header("x-request-id").map(str::trim).filter(|id| !id.is_empty()).map(str::to_owned)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// `k=v&k=v` with every byte outside the unreserved set percent-encoded, in the given order.
pub fn encode_query(query: &[(String, String)]) -> String {
    query.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// Sorts query pairs the way the signer does (by raw key, then raw value), so the order sent is
/// the order signed.
pub fn canonical_query_order(query: &mut [(String, String)]) {
    query.sort();
}

/// `host[:port]` as `fetch` sends it in `Host`: the port as a number (no leading zeros), and no
/// port at all when it is the scheme's default. What is signed must be what is sent.
pub fn host_header(host: &str, port: Option<u16>, scheme: &str) -> String {
    let default = if scheme == "https" { 443 } else { 80 };
    match port {
        Some(port) if port != default => format!("{host}:{port}"),
        _ => host.to_owned(),
    }
}

/// A URL taken apart for signing: scheme, `host[:port]` (lower case, default port dropped, as
/// `fetch` sends `Host`), the path as given, and the query as decoded pairs (`+` is a space).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    pub scheme: String,
    pub authority: String,
    pub path: String,
    pub query: Vec<(String, String)>,
}

impl UrlParts {
    pub fn parse(url: &str) -> Option<UrlParts> {
        let url = url.trim();
        let url = url.split_once('#').map_or(url, |(before, _)| before);
        let (scheme, rest) = url.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return None;
        }
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(end);
        if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
            return None;
        }
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let authority = authority.to_ascii_lowercase();
        let (host, port) = match authority.rsplit_once(':').filter(|(_, p)| !p.contains(']')) {
            Some((host, "")) => (host, None),
            Some((host, port)) => (host, Some(port.parse::<u16>().ok()?)),
            None => (authority.as_str(), None),
        };
        if host.is_empty() || !crate::endpoint::valid_host(host) {
            return None;
        }
        let authority = host_header(host, port, &scheme);
        let query = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (crate::encode::decode(k, true), crate::encode::decode(v, true))
            })
            .collect();
        let path = if path.is_empty() { "/".to_owned() } else { path.to_owned() };
        Some(UrlParts { scheme, authority, path, query })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_parts() {
        let u = UrlParts::parse("HTTPS://VPC.example.com:443/v1/p/ports?device_id=a%20b&x=1+2&flag#frag").unwrap();
        assert_eq!(
            (u.scheme.as_str(), u.authority.as_str(), u.path.as_str()),
            ("https", "vpc.example.com", "/v1/p/ports")
        );
        assert_eq!(
            u.query,
            vec![("device_id".into(), "a b".into()), ("x".into(), "1 2".into()), ("flag".into(), String::new())]
        );
        assert_eq!(UrlParts::parse("http://127.0.0.1:8787").unwrap().path, "/");
        for bad in ["ftp://x/", "no-scheme", "https:///p", "https://u:p@host/"] {
            assert_eq!(UrlParts::parse(bad), None, "{bad}");
        }
    }
}
