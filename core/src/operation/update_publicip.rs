//! `PUT /v1/{project_id}/publicips/{publicip_id}`: bind to a port, unbind, or convert the IP
//! version [004].

use super::{Config, PUBLICIP, checked_body, request, typed};
use crate::endpoint::check_id;
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipResponse;
use crate::schema::Operation;
use crate::validate::Checked;
use serde_json::Value;

pub const METHOD: Method = Method::Put;

pub fn build(config: &Config, publicip_id: &str, body: &Checked) -> Result<Request, Error> {
    check_id("publicip_id", publicip_id)?;
    let body = checked_body(body, Operation::UpdatePublicip)?;
    Ok(request(config, METHOD, "v1", &format!("publicips/{publicip_id}"), Some(body)))
}

pub fn parse(response: &Response) -> Result<PublicipResponse, Error> {
    typed(response, parse_value(response)?)
}

/// The answer as the service sent it, checked for `publicip.id`.
pub fn parse_value(response: &Response) -> Result<Value, Error> {
    super::parse_value(response, "update EIP", PUBLICIP)
}
