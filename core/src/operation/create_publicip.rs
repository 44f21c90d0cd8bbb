//! `POST /v1/{project_id}/publicips`: create a pay-per-use EIP [000].

use super::{Config, checked_body, parse_json, request};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipResponse;
use crate::schema::Operation;
use crate::validate::Checked;

pub const METHOD: Method = Method::Post;

pub fn build(config: &Config, body: &Checked) -> Result<Request, Error> {
    let body = checked_body(body, Operation::CreatePublicip)?;
    Ok(request(config, METHOD, "v1", "publicips", Some(body)))
}

pub fn parse(response: &Response) -> Result<PublicipResponse, Error> {
    parse_json(response, "create EIP")
}
