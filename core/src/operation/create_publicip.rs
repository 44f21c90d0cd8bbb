//! `POST /v1/{project_id}/publicips`: create a pay-per-use EIP [000].

use super::spec::{Answer, Input, PUBLICIP, Spec};
use super::{Config, Operation, call};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipResponse;
use crate::schema::{self, Field, Rule, Table, conditions};
use crate::validate::Checked;

pub static SPEC: Spec = Spec {
    name: "createPublicip",
    method: Method::Post,
    path: "/v1/{project_id}/publicips",
    input: Input::Body(&BODY),
    conditions: &[conditions::BANDWIDTH],
    answer: Answer { what: "create EIP", shape: Some(PUBLICIP), ts_type: "PublicipResponse", page_of: None },
    safe_to_repeat: false,
    doc: "POST /v1/{project_id}/publicips (pay per use).",
    also: &[],
};

pub static BODY: Table = Table {
    name: "CreatePublicipBody",
    doc: "`POST /v1/{project_id}/publicips`: a pay-per-use EIP.",
    fields: &[
        Field::new("publicip", true, Rule::Object(&schema::PUBLICIP_CREATE), "The EIP"),
        Field::new("bandwidth", true, Rule::Object(&schema::BANDWIDTH), "Its bandwidth"),
        schema::ENTERPRISE_PROJECT_ID,
    ],
};

pub fn build(config: &Config, body: &Checked) -> Result<Request, Error> {
    call::build(Operation::CreatePublicip, config, None, Some(body))
}

pub fn parse(response: &Response) -> Result<PublicipResponse, Error> {
    call::parse_typed(Operation::CreatePublicip, response)
}
