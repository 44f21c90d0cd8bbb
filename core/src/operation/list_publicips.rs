//! `GET /v1/{project_id}/publicips`: a page of EIPs, with `limit`/`marker` paging and filters.

use super::{Config, query_pairs, request, typed};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipList;
use crate::schema::Operation;
use crate::validate::Checked;
use serde_json::Value;

pub const METHOD: Method = Method::Get;

/// `query` is validated against [`Operation::ListPublicips`] (use `{}` for the first page).
pub fn build(config: &Config, query: &Checked) -> Result<Request, Error> {
    super::checked_body(query, Operation::ListPublicips)?;
    let mut request = request(config, METHOD, "v1", "publicips", None);
    request.query = query_pairs(query);
    Ok(request)
}

pub fn parse(response: &Response) -> Result<PublicipList, Error> {
    typed(response, parse_value(response)?)
}

/// The answer as the service sent it, checked for a `publicips` list of objects with ids.
pub fn parse_value(response: &Response) -> Result<Value, Error> {
    super::parse_value(response, "list EIPs", super::PUBLICIPS)
}

/// The marker of the next page: the last EIP's id, unless this page shows there is no more
/// (empty, or shorter than the `limit` asked for).
pub fn next_marker(limit: Option<u64>, page: &PublicipList) -> Option<String> {
    next_marker_of(limit, page.publicips.len(), page.publicips.last().map(|p| p.id.as_str()))
}

/// [`next_marker`] for a page seen as JSON (a [`parse_value`] answer).
pub fn next_marker_of_value(limit: Option<u64>, page: &Value) -> Option<String> {
    let items = page.get("publicips").and_then(Value::as_array)?;
    next_marker_of(limit, items.len(), items.last().and_then(|p| p.get("id")).and_then(Value::as_str))
}

fn next_marker_of(limit: Option<u64>, len: usize, last_id: Option<&str>) -> Option<String> {
    match limit {
        Some(limit) if (len as u64) < limit => None,
        _ => last_id.map(str::to_owned),
    }
}
