//! `GET /v1/{project_id}/publicips`: a page of EIPs, with `limit`/`marker` paging and filters.

use super::spec::{Answer, Input, Shape, Spec, list_of};
use super::{Config, Operation, call};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipList;
use crate::schema::{Field, IP_VERSIONS, LIMIT, MARKER, Rule, Table, text};
use crate::validate::Checked;

pub static SPEC: Spec = Spec {
    name: "listPublicips",
    method: Method::Get,
    path: "/v1/{project_id}/publicips",
    input: Input::Query(&QUERY),
    conditions: &[],
    answer: Answer {
        what: "list EIPs",
        shape: Some(Shape { expected: "{ publicips: [{ id }] }", check: |v| list_of(v, "publicips") }),
        ts_type: "PublicipList",
        page_of: Some("publicips"),
    },
    safe_to_repeat: true,
    doc: "GET /v1/{project_id}/publicips: one page (`limit`, `marker`, filters).",
    also: &[],
};

/// Query filters of the EIP list (scalar values; each becomes one `key=value`).
pub static QUERY: Table = Table {
    name: "ListPublicipsQuery",
    doc: "The query of `GET /v1/{project_id}/publicips`.",
    fields: &[
        LIMIT,
        MARKER,
        Field::new("id", false, text(1, 64), "Only this EIP"),
        Field::new("ip_version", false, Rule::IntChoice(IP_VERSIONS), "4 or 6"),
        Field::new("port_id", false, text(1, 64), "EIPs bound to this port"),
        Field::new("public_ip_address", false, text(1, 64), "EIPs with this address"),
        Field::new("private_ip_address", false, text(1, 64), "EIPs bound to this private address"),
        Field::new("enterprise_project_id", false, text(1, 36), "A UUID, \"0\" or \"all_granted_eps\""),
    ],
};

/// `query` is validated against [`Operation::ListPublicips`] (use `{}` for the first page).
pub fn build(config: &Config, query: &Checked) -> Result<Request, Error> {
    call::build(Operation::ListPublicips, config, None, Some(query))
}

pub fn parse(response: &Response) -> Result<PublicipList, Error> {
    call::parse_typed(Operation::ListPublicips, response)
}

/// The marker of the next page: the last EIP's id, unless this page shows there is no more
/// (empty, or shorter than the `limit` asked for).
pub fn next_marker(limit: Option<u64>, page: &PublicipList) -> Option<String> {
    call::next_marker(limit, page.publicips.len(), page.publicips.last().map(|p| p.id.as_str()))
}

/// [`next_marker`] for a page seen as JSON (a `parse_value` answer), as
/// [`super::Call::next_page`] reads it.
pub fn next_marker_of_value(limit: Option<u64>, page: &serde_json::Value) -> Option<String> {
    call::page_marker(limit, page, "publicips")
}
