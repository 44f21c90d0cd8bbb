//! `DELETE /v1/{project_id}/publicips/{publicip_id}`: release a pay-per-use EIP. (A prepaid
//! EIP is unsubscribed through the billing center; the service refuses it here.)

use super::spec::{Answer, Input, Spec};
use super::{Config, Operation, call};
use crate::error::Error;
use crate::http::{Method, Request, Response};

pub static SPEC: Spec = Spec {
    name: "deletePublicip",
    method: Method::Delete,
    path: "/v1/{project_id}/publicips/{publicip_id}",
    input: Input::Nothing,
    conditions: &[],
    // Any 2xx (the service answers 204 with no body).
    answer: Answer { what: "delete EIP", shape: None, ts_type: "void", page_of: None },
    // A second delete of a released EIP answers 404, and releases nothing more.
    safe_to_repeat: true,
    doc: "DELETE /v1/{project_id}/publicips/{publicip_id}.",
    also: &[],
};

pub fn build(config: &Config, publicip_id: &str) -> Result<Request, Error> {
    call::build(Operation::DeletePublicip, config, Some(publicip_id), None)
}

pub fn parse(response: &Response) -> Result<(), Error> {
    call::parse_answer(&SPEC.answer, response).map(|_| ())
}
