//! What the registry says about an operation: a [`Spec`] is plain data, so the request
//! builder, the parser, the retry policy, the wasm dispatch, the TypeScript declarations and
//! the JS client all read the same entry.

use crate::http::Method;
use crate::schema::{Condition, Table};
use serde_json::Value;

/// One EIP operation.
#[derive(Debug)]
pub struct Spec {
    /// The name JS uses: the client method, `EipError.operation`, `fieldRules()`'s argument.
    pub name: &'static str,
    pub method: Method,
    /// The path under the endpoint; `{project_id}` and `{publicip_id}` are filled in per call.
    pub path: &'static str,
    /// What is validated and sent besides the path.
    pub input: Input,
    /// The rules that relate fields of the input, in the order they are checked.
    pub conditions: &'static [&'static [Condition]],
    pub answer: Answer,
    /// Sending it again after a lost answer cannot do anything twice, so it may be retried.
    pub safe_to_repeat: bool,
    /// One line for people (TypeScript, the JS client).
    pub doc: &'static str,
    /// Client methods that send it besides its own (an update is also `bindPublicip` and
    /// `unbindPublicip`). Its own is named like it, with the path id and the input as arguments.
    pub also: &'static [ClientMethod],
}

/// What an operation sends besides its path.
#[derive(Debug, Clone, Copy)]
pub enum Input {
    Nothing,
    /// A JSON body, checked against the table.
    Body(&'static Table),
    /// A query string, checked against the table (scalar values, one `key=value` each).
    Query(&'static Table),
}

impl Input {
    pub fn table(self) -> Option<&'static Table> {
        match self {
            Input::Nothing => None,
            Input::Body(table) | Input::Query(table) => Some(table),
        }
    }
}

/// What a success looks like.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    /// What the operation is called in messages ("create EIP").
    pub what: &'static str,
    /// The JSON the library relies on; `None`: any 2xx, body ignored (a delete's 204).
    pub shape: Option<Shape>,
    /// The TypeScript type of what the client method resolves to.
    pub ts_type: &'static str,
    /// A page of a list, whose next page is asked for with `marker`: the list's key.
    pub page_of: Option<&'static str>,
}

/// What an answer must look like for the library to use it.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// For the message when it does not ("{ publicip: { id } }").
    pub expected: &'static str,
    pub check: fn(&Value) -> bool,
}

/// A method of `EipClient` that sends the operation.
#[derive(Debug, Clone, Copy)]
pub struct ClientMethod {
    pub name: &'static str,
    /// Its arguments, in order, before the call options.
    pub params: &'static [Param],
    /// The input before the arguments are put in (`{ "publicip": {} }` for bind and unbind);
    /// `None`: the input is an argument itself, or there is none.
    pub base: Option<fn() -> Value>,
    /// One line for people.
    pub doc: &'static str,
}

/// One argument of a client method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// The EIP's id, in the path (`publicipId`).
    PublicipId,
    /// The whole input (`body`).
    Body,
    /// The whole query, `{}` when absent (`query?`).
    Query,
    /// One field of the input, put at this dotted path of the base (`portId` at
    /// `publicip.port_id`).
    Field { js_name: &'static str, path: &'static str },
}

impl Spec {
    /// Every client method that sends it: its own first.
    pub fn client_methods(&self) -> impl Iterator<Item = ClientMethod> + '_ {
        std::iter::once(self.own_method()).chain(self.also.iter().copied())
    }

    /// The method named like the operation: the path id, then the body or query.
    fn own_method(&self) -> ClientMethod {
        let has_id = self.path.contains("{publicip_id}");
        let params: &'static [Param] = match (has_id, self.input) {
            (false, Input::Nothing) => &[],
            (false, Input::Body(_)) => &[Param::Body],
            (false, Input::Query(_)) => &[Param::Query],
            (true, Input::Nothing) => &[Param::PublicipId],
            (true, Input::Body(_)) => &[Param::PublicipId, Param::Body],
            (true, Input::Query(_)) => &[Param::PublicipId, Param::Query],
        };
        ClientMethod { name: self.name, params, base: None, doc: self.doc }
    }
}

/// `{ "publicip": { "id": "..." } }`
pub const PUBLICIP: Shape = Shape { expected: "{ publicip: { id } }", check: |v| is_text(v, "/publicip/id") };

pub(crate) fn is_text(value: &Value, pointer: &str) -> bool {
    value.pointer(pointer).is_some_and(Value::is_string)
}

/// `{ "<key>": [ { "id": "..." }, ... ] }`
pub(crate) fn list_of(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_array).is_some_and(|items| items.iter().all(|item| is_text(item, "/id")))
}
