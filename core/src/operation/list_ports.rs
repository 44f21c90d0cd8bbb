//! `GET /v1/{project_id}/ports` (VPC API): ports, e.g. a server's with `device_id` [000].

use super::spec::{Answer, Input, Shape, Spec, list_of};
use super::{Config, Operation, call};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PortList;
use crate::model::enums::PortStatus;
use crate::schema::{Field, LIMIT, MARKER, Rule, Table, text};
use crate::validate::Checked;

pub static SPEC: Spec = Spec {
    name: "listPorts",
    method: Method::Get,
    path: "/v1/{project_id}/ports",
    input: Input::Query(&QUERY),
    conditions: &[],
    answer: Answer {
        what: "list ports",
        shape: Some(Shape { expected: "{ ports: [{ id }] }", check: |v| list_of(v, "ports") }),
        ts_type: "PortList",
        page_of: None,
    },
    safe_to_repeat: true,
    doc: "GET /v1/{project_id}/ports (VPC): e.g. a server's, with `device_id`.",
    also: &[],
};

/// Query filters of the VPC port list.
pub static QUERY: Table = Table {
    name: "ListPortsQuery",
    doc: "The query of `GET /v1/{project_id}/ports`.",
    fields: &[
        LIMIT,
        MARKER,
        Field::new("device_id", false, text(1, 64), "Ports of this server (ECS id)"),
        Field::new("id", false, text(1, 64), "Only this port"),
        Field::new("name", false, text(0, 255), "Ports with this name"),
        Field::new("status", false, Rule::Choice(PortStatus::KNOWN), "ACTIVE, BUILD or DOWN"),
        Field::new("admin_state_up", false, Rule::Bool, "Administrative state"),
        Field::new("network_id", false, text(1, 64), "Ports of this network"),
        Field::new("mac_address", false, text(1, 64), "Ports with this MAC address"),
        Field::new("device_owner", false, text(1, 128), "e.g. compute:xxx"),
        Field::new("fixed_ips", false, text(1, 128), "\"ip_address=192.168.0.10\" or \"subnet_id=...\""),
        Field::new("enterprise_project_id", false, text(1, 36), "A UUID or \"0\""),
    ],
};

/// `query` is validated against [`Operation::ListPorts`].
pub fn build(config: &Config, query: &Checked) -> Result<Request, Error> {
    call::build(Operation::ListPorts, config, None, Some(query))
}

pub fn parse(response: &Response) -> Result<PortList, Error> {
    call::parse_typed(Operation::ListPorts, response)
}
