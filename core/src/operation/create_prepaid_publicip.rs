//! `POST /v2.0/{project_id}/publicips`: create a prepaid (or pay-per-use) EIP [003]. The answer
//! is the EIP (pay per use) or the order placed and the id the EIP will have (prepaid).

use super::{Config, checked_body, request, typed};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::CreatePrepaidResponse;
use crate::schema::Operation;
use crate::validate::Checked;
use serde_json::Value;

pub const METHOD: Method = Method::Post;

pub fn build(config: &Config, body: &Checked) -> Result<Request, Error> {
    let body = checked_body(body, Operation::CreatePrepaidPublicip)?;
    Ok(request(config, METHOD, "v2.0", "publicips", Some(body)))
}

pub fn parse(response: &Response) -> Result<CreatePrepaidResponse, Error> {
    typed(response, parse_value(response)?)
}

/// The answer as the service sent it, checked for `publicip.id` or `order_id` and `publicip_id`.
pub fn parse_value(response: &Response) -> Result<Value, Error> {
    super::parse_value(response, "create prepaid EIP", super::PREPAID)
}
