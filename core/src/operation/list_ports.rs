//! `GET /v1/{project_id}/ports` (VPC API): ports, e.g. a server's with `device_id` [000].

use super::{Config, query_pairs, request, typed};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PortList;
use crate::schema::Operation;
use crate::validate::Checked;
use serde_json::Value;

pub const METHOD: Method = Method::Get;

/// `query` is validated against [`Operation::ListPorts`].
pub fn build(config: &Config, query: &Checked) -> Result<Request, Error> {
    super::checked_body(query, Operation::ListPorts)?;
    let mut request = request(config, METHOD, "v1", "ports", None);
    request.query = query_pairs(query);
    Ok(request)
}

pub fn parse(response: &Response) -> Result<PortList, Error> {
    typed(response, parse_value(response)?)
}

/// The answer as the service sent it, checked for a `ports` list of objects with ids.
pub fn parse_value(response: &Response) -> Result<Value, Error> {
    super::parse_value(response, "list ports", super::PORTS)
}
