//! `GET /v1/{project_id}/publicips/{publicip_id}`: one EIP.

use super::{Config, PUBLICIP, request, typed};
use crate::endpoint::check_id;
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipResponse;
use serde_json::Value;

pub const METHOD: Method = Method::Get;

pub fn build(config: &Config, publicip_id: &str) -> Result<Request, Error> {
    check_id("publicip_id", publicip_id)?;
    Ok(request(config, METHOD, "v1", &format!("publicips/{publicip_id}"), None))
}

pub fn parse(response: &Response) -> Result<PublicipResponse, Error> {
    typed(response, parse_value(response)?)
}

/// The answer as the service sent it, checked for `publicip.id`.
pub fn parse_value(response: &Response) -> Result<Value, Error> {
    super::parse_value(response, "show EIP", PUBLICIP)
}
