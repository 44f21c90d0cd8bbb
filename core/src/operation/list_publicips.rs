//! `GET /v1/{project_id}/publicips`: a page of EIPs, with `limit`/`marker` paging and filters.

use super::{Config, parse_json, query_pairs, request};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::PublicipList;
use crate::schema::Operation;
use crate::validate::Checked;

pub const METHOD: Method = Method::Get;

/// `query` is validated against [`Operation::ListPublicips`] (use `{}` for the first page).
pub fn build(config: &Config, query: &Checked) -> Result<Request, Error> {
    super::checked_body(query, Operation::ListPublicips)?;
    let mut request = request(config, METHOD, "v1", "publicips", None);
    request.query = query_pairs(query);
    Ok(request)
}

pub fn parse(response: &Response) -> Result<PublicipList, Error> {
    parse_json(response, "list EIPs")
}

/// The marker of the next page: the last EIP's id, unless this page shows there is no more
/// (empty, or shorter than the `limit` asked for).
pub fn next_marker(limit: Option<u64>, page: &PublicipList) -> Option<String> {
    let last = page.publicips.last()?;
    match limit {
        Some(limit) if (page.publicips.len() as u64) < limit => None,
        _ => Some(last.id.clone()),
    }
}
