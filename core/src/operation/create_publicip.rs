//! `POST /v1/{project_id}/publicips`: create a pay-per-use EIP [000].

use super::{Config, PUBLICIP, checked_body, request, typed};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipResponse;
use crate::schema::Operation;
use crate::validate::Checked;
use serde_json::Value;

pub const METHOD: Method = Method::Post;

pub fn build(config: &Config, body: &Checked) -> Result<Request, Error> {
    let body = checked_body(body, Operation::CreatePublicip)?;
    Ok(request(config, METHOD, "v1", "publicips", Some(body)))
}

pub fn parse(response: &Response) -> Result<PublicipResponse, Error> {
    typed(response, parse_value(response)?)
}

/// The answer as the service sent it, checked for `publicip.id`.
pub fn parse_value(response: &Response) -> Result<Value, Error> {
    super::parse_value(response, "create EIP", PUBLICIP)
}
