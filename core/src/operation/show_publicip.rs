//! `GET /v1/{project_id}/publicips/{publicip_id}`: one EIP.

use super::spec::{Answer, Input, PUBLICIP, Spec};
use super::{Config, Operation, call};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipResponse;

pub static SPEC: Spec = Spec {
    name: "showPublicip",
    method: Method::Get,
    path: "/v1/{project_id}/publicips/{publicip_id}",
    input: Input::Nothing,
    conditions: &[],
    answer: Answer { what: "show EIP", shape: Some(PUBLICIP), ts_type: "PublicipResponse", page_of: None },
    safe_to_repeat: true,
    doc: "GET /v1/{project_id}/publicips/{publicip_id}.",
    also: &[],
};

pub fn build(config: &Config, publicip_id: &str) -> Result<Request, Error> {
    call::build(Operation::ShowPublicip, config, Some(publicip_id), None)
}

pub fn parse(response: &Response) -> Result<PublicipResponse, Error> {
    call::parse_typed(Operation::ShowPublicip, response)
}
