//! One module per operation, each a pure pair: `build` (config + input → [`Request`]) and
//! `parse` ([`Response`] → typed output or [`Error`]). The caller sends the request, with
//! whatever transport it has, after [`crate::auth::authorize`] adds the credentials.

pub mod create_prepaid_publicip;
pub mod create_publicip;
pub mod delete_publicip;
pub mod iam_token;
pub mod list_ports;
pub mod list_publicips;
pub mod show_publicip;
pub mod update_publicip;

use crate::endpoint::{Endpoint, check_id};
use crate::error::{Error, ResponseError, service_error};
use crate::http::{Method, Request, Response, canonical_query_order};
use crate::issue::Issue;
use crate::schema::Operation;
use crate::validate::Checked;
use serde::de::DeserializeOwned;
use serde_json::Value;

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

const JSON: &str = "application/json;charset=UTF-8";

/// A request under `/{version}/{project_id}/{resource}` with an optional JSON body.
fn request(config: &Config, method: Method, version: &str, resource: &str, body: Option<&Value>) -> Request {
    let path = config.endpoint.path(&format!("/{version}/{}/{resource}", config.project_id));
    let mut headers = Vec::new();
    let body = match body {
        Some(body) => {
            headers.push(("Content-Type".to_owned(), JSON.to_owned()));
            serde_json::to_vec(body).unwrap_or_default()
        }
        None => Vec::new(),
    };
    Request {
        method,
        scheme: config.endpoint.scheme(),
        authority: config.endpoint.authority().to_owned(),
        path,
        query: Vec::new(),
        headers,
        body,
    }
}

/// The body a builder sends, if it was validated for this operation.
fn checked_body(checked: &Checked, operation: Operation) -> Result<&Value, Error> {
    if checked.operation() == operation {
        Ok(checked.body())
    } else {
        Err(Error::Validation(vec![Issue::error(
            "",
            crate::IssueCode::Type,
            crate::Params {
                expected: Some(operation.js_name()),
                received: Some(checked.operation().js_name()),
                ..Default::default()
            },
        )]))
    }
}

/// A validated query object as `key=value` pairs in canonical order.
fn query_pairs(checked: &Checked) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = checked
        .body()
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

/// A success answer's JSON, checked for the shape the library relies on (`shape` names it in
/// the message); or the service's error. Everything else the service sent is kept as it is:
/// this is what the JS API returns, the wire JSON.
fn parse_value(response: &Response, what: &str, shape: Shape) -> Result<Value, Error> {
    if !response.is_success() {
        return Err(Error::Service(service_error(response)));
    }
    let unreadable = |detail: String| {
        Error::Response(ResponseError {
            status: response.status,
            message: format!("the {what} answer (HTTP {}) could not be read: {detail}", response.status),
            request_id: response.request_id(),
        })
    };
    let value: Value = serde_json::from_slice(&response.body).map_err(|e| unreadable(e.to_string()))?;
    if (shape.check)(&value) { Ok(value) } else { Err(unreadable(format!("expected {}", shape.expected))) }
}

/// The typed form of a checked answer (for Rust callers).
fn typed<T: DeserializeOwned>(response: &Response, value: Value) -> Result<T, Error> {
    serde_json::from_value(value).map_err(|e| {
        Error::Response(ResponseError {
            status: response.status,
            message: format!("the answer (HTTP {}) has an unexpected field: {e}", response.status),
            request_id: response.request_id(),
        })
    })
}

/// What an answer must look like for the library to use it.
#[derive(Clone, Copy)]
struct Shape {
    expected: &'static str,
    check: fn(&Value) -> bool,
}

fn is_text(value: &Value, pointer: &str) -> bool {
    value.pointer(pointer).is_some_and(Value::is_string)
}

/// `{ "publicip": { "id": "..." } }`
const PUBLICIP: Shape = Shape { expected: "{ publicip: { id } }", check: |v| is_text(v, "/publicip/id") };

const PREPAID: Shape = Shape {
    expected: "{ publicip: { id } } or { order_id, publicip_id }",
    check: |v| is_text(v, "/publicip/id") || (is_text(v, "/order_id") && is_text(v, "/publicip_id")),
};
const PUBLICIPS: Shape = Shape { expected: "{ publicips: [{ id }] }", check: |v| list_of(v, "publicips") };
const PORTS: Shape = Shape { expected: "{ ports: [{ id }] }", check: |v| list_of(v, "ports") };

/// `{ "<key>": [ { "id": "..." }, ... ] }`
fn list_of(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_array).is_some_and(|items| items.iter().all(|item| is_text(item, "/id")))
}

/// One validated call of an EIP operation: what the state machines build, send and parse,
/// as often as their attempts need. Made only from checked input, so nothing unchecked is sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    CreatePublicip(Checked),
    CreatePrepaidPublicip(Checked),
    /// An update, under the name the caller used (`updatePublicip`, `bindPublicip`, `unbindPublicip`).
    UpdatePublicip {
        name: &'static str,
        id: String,
        body: Checked,
    },
    ShowPublicip(String),
    DeletePublicip(String),
    ListPublicips(Checked),
    ListPorts(Checked),
}

impl Call {
    /// Binds `publicip_id` to `port_id`: an update with `port_id`.
    pub fn bind(publicip_id: &str, port_id: &str) -> Result<Call, Vec<Issue>> {
        Call::update("bindPublicip", publicip_id, &serde_json::json!({ "publicip": { "port_id": port_id } }))
    }

    /// Unbinds: an update without `port_id` ([004]: absent means unbind).
    pub fn unbind(publicip_id: &str) -> Result<Call, Vec<Issue>> {
        Call::update("unbindPublicip", publicip_id, &serde_json::json!({ "publicip": {} }))
    }

    fn update(name: &'static str, publicip_id: &str, body: &Value) -> Result<Call, Vec<Issue>> {
        let options = crate::validate::Options::default();
        let body = crate::validate::validate_json(Operation::UpdatePublicip, body, &options).into_checked()?;
        Ok(Call::UpdatePublicip { name, id: publicip_id.to_owned(), body })
    }

    /// The servers's ports: `GET /v1/{project_id}/ports?device_id=...`.
    pub fn ports_of(server_id: &str) -> Result<Call, Vec<Issue>> {
        let query = serde_json::json!({ "device_id": server_id });
        let options = crate::validate::Options::default();
        Ok(Call::ListPorts(crate::validate::validate_json(Operation::ListPorts, &query, &options).into_checked()?))
    }

    /// The operation's name in the JS API (`EipError.operation`).
    pub fn name(&self) -> &'static str {
        match self {
            Call::CreatePublicip(_) => "createPublicip",
            Call::CreatePrepaidPublicip(_) => "createPrepaidPublicip",
            Call::UpdatePublicip { name, .. } => name,
            Call::ShowPublicip(_) => "showPublicip",
            Call::DeletePublicip(_) => "deletePublicip",
            Call::ListPublicips(_) => "listPublicips",
            Call::ListPorts(_) => "listPorts",
        }
    }

    pub fn build(&self, config: &Config) -> Result<Request, Error> {
        match self {
            Call::CreatePublicip(body) => create_publicip::build(config, body),
            Call::CreatePrepaidPublicip(body) => create_prepaid_publicip::build(config, body),
            Call::UpdatePublicip { id, body, .. } => update_publicip::build(config, id, body),
            Call::ShowPublicip(id) => show_publicip::build(config, id),
            Call::DeletePublicip(id) => delete_publicip::build(config, id),
            Call::ListPublicips(query) => list_publicips::build(config, query),
            Call::ListPorts(query) => list_ports::build(config, query),
        }
    }

    /// The parser of the answer: the service's JSON, checked for the shape the library uses.
    pub fn parser(&self) -> fn(&Response) -> Result<Value, Error> {
        match self {
            Call::CreatePublicip(_) => create_publicip::parse_value,
            Call::CreatePrepaidPublicip(_) => create_prepaid_publicip::parse_value,
            Call::UpdatePublicip { .. } => update_publicip::parse_value,
            Call::ShowPublicip(_) => show_publicip::parse_value,
            Call::DeletePublicip(_) => delete_publicip::parse_value,
            Call::ListPublicips(_) => list_publicips::parse_value,
            Call::ListPorts(_) => list_ports::parse_value,
        }
    }
}
