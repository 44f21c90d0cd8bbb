//! One validated call of a registered operation, and the two halves every operation shares:
//! building its request from the [`Spec`] and parsing its answer.

use super::Operation;
use super::spec::{Answer, Input};
use crate::endpoint::{Endpoint, check_id};
use crate::error::{Error, ResponseError, service_error};
use crate::http::{Request, Response, canonical_query_order};
use crate::issue::{Issue, IssueCode, Params};
use crate::validate::{Checked, Options, validate_json};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// Where the EIP API is and which project it acts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub endpoint: Endpoint,
    pub project_id: String,
}

impl Config {
    /// Checks both: the endpoint is https (http only on loopback), the project id is a safe
    /// path segment. Issues name the JS option (`endpoint`, `projectId`).
    pub fn new(endpoint: &str, project_id: &str) -> Result<Config, Vec<Issue>> {
        let endpoint = Endpoint::parse(endpoint, "endpoint");
        let project = check_id("projectId", project_id);
        match (endpoint, project) {
            (Ok(endpoint), Ok(())) => Ok(Config { endpoint, project_id: project_id.to_owned() }),
            (e, p) => Err(e.err().into_iter().chain(p.err()).collect()),
        }
    }
}

/// One call of an operation: what the state machines build, send and parse, as often as
/// their attempts need. Its input is checked, so nothing unchecked is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    operation: Operation,
    /// The client method's name (`EipError.operation`): the operation's, or e.g. `bindPublicip`.
    name: &'static str,
    publicip_id: Option<String>,
    input: Option<Checked>,
}

impl Call {
    /// A call of `operation`: the EIP's id if its path has one, its input if it takes one.
    pub fn new(operation: Operation, publicip_id: Option<&str>, input: Option<Checked>) -> Call {
        Call { operation, name: operation.js_name(), publicip_id: publicip_id.map(str::to_owned), input }
    }

    /// The call of the operation its input was validated for (a create, say).
    pub fn with_input(input: Checked) -> Call {
        Call::new(input.operation(), None, Some(input))
    }

    /// The call under the name of the client method that made it.
    pub fn named(self, name: &'static str) -> Call {
        Call { name, ..self }
    }

    /// Binds `publicip_id` to `port_id`: an update with `port_id`.
    pub fn bind(publicip_id: &str, port_id: &str) -> Result<Call, Vec<Issue>> {
        let body = json!({ "publicip": { "port_id": port_id } });
        Ok(Call::new(Operation::UpdatePublicip, Some(publicip_id), Some(checked(Operation::UpdatePublicip, &body)?))
            .named("bindPublicip"))
    }

    /// Unbinds: an update without `port_id` ([004]: absent means unbind).
    pub fn unbind(publicip_id: &str) -> Result<Call, Vec<Issue>> {
        let body = json!({ "publicip": {} });
        Ok(Call::new(Operation::UpdatePublicip, Some(publicip_id), Some(checked(Operation::UpdatePublicip, &body)?))
            .named("unbindPublicip"))
    }

    /// The server's ports: `GET /v1/{project_id}/ports?device_id=...`.
    pub fn ports_of(server_id: &str) -> Result<Call, Vec<Issue>> {
        let query = json!({ "device_id": server_id });
        Ok(Call::with_input(checked(Operation::ListPorts, &query)?))
    }

    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The operation's name in the JS API (`EipError.operation`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn input(&self) -> Option<&Checked> {
        self.input.as_ref()
    }

    pub fn build(&self, config: &Config) -> Result<Request, Error> {
        build(self.operation, config, self.publicip_id.as_deref(), self.input.as_ref())
    }

    /// Whether the request may be sent again after a lost answer.
    pub fn safe_to_repeat(&self) -> bool {
        self.operation.spec().safe_to_repeat
    }

    /// For a page of a list: the query of the next page (this one's, with the `marker` after
    /// this page), or `None` when this page shows there is no more (empty, or shorter than
    /// the `limit` asked for).
    pub fn next_page(&self, page: &Value) -> Option<Value> {
        let key = self.operation.spec().answer.page_of?;
        let query = self.input.as_ref()?.body();
        let marker = page_marker(query.get("limit").and_then(Value::as_u64), page, key)?;
        let mut next = query.clone();
        next.as_object_mut()?.insert("marker".to_owned(), marker.into());
        Some(next)
    }
}

fn checked(operation: Operation, input: &Value) -> Result<Checked, Vec<Issue>> {
    validate_json(operation, input, &Options::default()).into_checked()
}

/// The marker after a page seen as JSON (`{ "<key>": [{ "id" }] }`).
pub(super) fn page_marker(limit: Option<u64>, page: &Value, key: &str) -> Option<String> {
    let items = page.get(key).and_then(Value::as_array)?;
    next_marker(limit, items.len(), items.last().and_then(|p| p.get("id")).and_then(Value::as_str))
}

/// The marker of the next page: the last item's id, unless the page is shorter than `limit`.
pub(super) fn next_marker(limit: Option<u64>, len: usize, last_id: Option<&str>) -> Option<String> {
    match limit {
        Some(limit) if (len as u64) < limit => None,
        _ => last_id.map(str::to_owned),
    }
}

const JSON: &str = "application/json;charset=UTF-8";

/// The request of `operation` from its spec: the path with its ids, then the input as a JSON
/// body or as query pairs in canonical order.
pub(super) fn build(
    operation: Operation,
    config: &Config,
    publicip_id: Option<&str>,
    input: Option<&Checked>,
) -> Result<Request, Error> {
    let spec = operation.spec();
    let mut path = String::new();
    for segment in spec.path.split('/').filter(|s| !s.is_empty()) {
        path.push('/');
        match segment {
            "{project_id}" => path.push_str(&config.project_id),
            "{publicip_id}" => {
                let id = publicip_id.unwrap_or_default();
                check_id("publicip_id", id)?;
                path.push_str(id);
            }
            literal => path.push_str(literal),
        }
    }
    let input = match (spec.input, input) {
        (Input::Nothing, _) => None,
        (_, Some(checked)) if checked.operation() == operation => Some(checked.body()),
        (_, other) => {
            let params = Params {
                expected: Some(operation.js_name()),
                received: Some(other.map_or("nothing", |c| c.operation().js_name())),
                ..Params::default()
            };
            return Err(Error::Validation(vec![Issue::error("", IssueCode::Type, params)]));
        }
    };
    let mut request = Request {
        method: spec.method,
        scheme: config.endpoint.scheme(),
        authority: config.endpoint.authority().to_owned(),
        path: config.endpoint.path(&path),
        query: Vec::new(),
        headers: Vec::new(),
        body: Vec::new(),
    };
    match (spec.input, input) {
        (Input::Body(_), Some(body)) => {
            request.headers.push(("Content-Type".to_owned(), JSON.to_owned()));
            request.body = serde_json::to_vec(body).unwrap_or_default();
        }
        (Input::Query(_), Some(query)) => request.query = query_pairs(query),
        _ => {}
    }
    Ok(request)
}

/// A validated query object as `key=value` pairs in canonical order.
fn query_pairs(query: &Value) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = query
        .as_object()
        .into_iter()
        .flatten()
        .map(|(key, value)| {
            let value = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (key.clone(), value)
        })
        .collect();
    canonical_query_order(&mut pairs);
    pairs
}

/// A success answer's JSON, checked for the shape the library relies on (`null` for an
/// operation that answers nothing); or the service's error. Everything else the service sent
/// is kept as it is: this is what the JS API returns, the wire JSON.
pub fn parse_answer(answer: &Answer, response: &Response) -> Result<Value, Error> {
    if let Some(redirect) = Error::refused_redirect(response) {
        return Err(redirect);
    }
    if !response.is_success() {
        return Err(Error::Service(service_error(response)));
    }
    let Some(shape) = answer.shape else { return Ok(Value::Null) };
    let unreadable = |detail: String| {
        Error::Response(ResponseError {
            status: response.status,
            message: format!("the {} answer (HTTP {}) could not be read: {detail}", answer.what, response.status),
            request_id: response.request_id(),
        })
    };
    let value: Value = serde_json::from_slice(&response.body).map_err(|e| unreadable(e.to_string()))?;
    if (shape.check)(&value) { Ok(value) } else { Err(unreadable(format!("expected {}", shape.expected))) }
}

/// The typed form of an operation's answer (for Rust callers).
pub(super) fn parse_typed<T: DeserializeOwned>(operation: Operation, response: &Response) -> Result<T, Error> {
    let value = operation.parse_value(response)?;
    serde_json::from_value(value).map_err(|e| {
        Error::Response(ResponseError {
            status: response.status,
            message: format!("the answer (HTTP {}) has an unexpected field: {e}", response.status),
            request_id: response.request_id(),
        })
    })
}
