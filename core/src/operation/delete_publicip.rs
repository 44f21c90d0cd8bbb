//! `DELETE /v1/{project_id}/publicips/{publicip_id}`: release a pay-per-use EIP. (A prepaid
//! EIP is unsubscribed through the billing center; the service refuses it here.)

use super::{Config, request};
use crate::endpoint::check_id;
use crate::error::{Error, service_error};
use crate::http::{Method, Request, Response};

pub const METHOD: Method = Method::Delete;

pub fn build(config: &Config, publicip_id: &str) -> Result<Request, Error> {
    check_id("publicip_id", publicip_id)?;
    Ok(request(config, METHOD, "v1", &format!("publicips/{publicip_id}"), None))
}

/// Any 2xx (the service answers 204 with no body).
pub fn parse(response: &Response) -> Result<(), Error> {
    if response.is_success() { Ok(()) } else { Err(Error::Service(service_error(response))) }
}

/// [`parse`], as JSON `null`.
pub fn parse_value(response: &Response) -> Result<serde_json::Value, Error> {
    parse(response).map(|()| serde_json::Value::Null)
}
