//! `POST /v2.0/{project_id}/publicips`: create a prepaid (or pay-per-use) EIP [003]. The answer
//! is the EIP (pay per use) or the order placed and the id the EIP will have (prepaid).

use super::{Config, checked_body, parse_json, request};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::CreatePrepaidResponse;
use crate::schema::Operation;
use crate::validate::Checked;

pub const METHOD: Method = Method::Post;

pub fn build(config: &Config, body: &Checked) -> Result<Request, Error> {
    let body = checked_body(body, Operation::CreatePrepaidPublicip)?;
    Ok(request(config, METHOD, "v2.0", "publicips", Some(body)))
}

pub fn parse(response: &Response) -> Result<CreatePrepaidResponse, Error> {
    parse_json(response, "create prepaid EIP")
}
