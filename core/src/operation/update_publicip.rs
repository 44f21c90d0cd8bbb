//! `PUT /v1/{project_id}/publicips/{publicip_id}`: bind to a port, unbind, or convert the IP
//! version [004]. Its client methods are `updatePublicip` and the two common changes,
//! `bindPublicip(publicipId, portId)` and `unbindPublicip(publicipId)`.

use super::spec::{Answer, ClientMethod, Input, PUBLICIP, Param, Spec};
use super::{Config, Operation, call};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::issue::Severity;
use crate::model::PublicipResponse;
use crate::schema::{Condition, Effect, Field, IP_VERSIONS, Rule, Table, Test, text};
use crate::validate::Checked;
use serde_json::{Value, json};

pub static SPEC: Spec = Spec {
    name: "updatePublicip",
    method: Method::Put,
    path: "/v1/{project_id}/publicips/{publicip_id}",
    input: Input::Body(&BODY),
    conditions: &[&[
        // [004]: `port_id` and `ip_version` cannot be updated together; reported on the second.
        Condition::new(Effect::Conflict(Severity::Error), &["publicip.ip_version"], &[Test::Given("publicip.port_id")]),
    ]],
    answer: Answer { what: "update EIP", shape: Some(PUBLICIP), ts_type: "PublicipResponse", page_of: None },
    // Setting the same port or version twice leaves the EIP as once.
    safe_to_repeat: true,
    doc: "PUT /v1/{project_id}/publicips/{publicip_id}.",
    also: &[
        ClientMethod {
            name: "bindPublicip",
            params: &[Param::PublicipId, Param::Field { js_name: "portId", path: "publicip.port_id" }],
            base: Some(no_change),
            doc: "Binds the EIP to a port: an update with `port_id`.",
        },
        ClientMethod {
            name: "unbindPublicip",
            params: &[Param::PublicipId],
            base: Some(no_change),
            doc: "Unbinds the EIP: an update without `port_id` (absent means unbind).",
        },
    ],
};

fn no_change() -> Value {
    json!({ "publicip": {} })
}

pub static BODY: Table = Table {
    name: "UpdatePublicipBody",
    doc: "`PUT /v1/{project_id}/publicips/{publicip_id}`: bind, unbind or convert.",
    fields: &[Field::new("publicip", true, Rule::Object(&CHANGE), "The change")],
};

pub static CHANGE: Table = Table {
    name: "UpdatePublicipOption",
    doc: "The change of an update body: `port_id` and `ip_version` exclude each other.",
    fields: &[
        Field::new("port_id", false, text(36, 36), "Port to bind to; absent or empty unbinds").blank_means_default(),
        Field::new("ip_version", false, Rule::IntChoice(IP_VERSIONS), "Convert to IPv4 (4) or IPv6 (6)"),
    ],
};

pub fn build(config: &Config, publicip_id: &str, body: &Checked) -> Result<Request, Error> {
    call::build(Operation::UpdatePublicip, config, Some(publicip_id), Some(body))
}

pub fn parse(response: &Response) -> Result<PublicipResponse, Error> {
    call::parse_typed(Operation::UpdatePublicip, response)
}
