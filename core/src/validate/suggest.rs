//! "Did you mean …?" for unknown keys: the API page's own `"ip_version "` (trailing space),
//! `shareType` for `share_type`, `bandwith` for `bandwidth`, `size` put at the top level.

use crate::operation::Operation;
use crate::schema::{Field, Rule};

/// Keys longer than this are not compared by edit distance (nothing that long is close).
const MAX_COMPARED: usize = 64;

/// The suggestion for an unknown `key` among `fields` (at `path`): a sibling key that is
/// close, else the dotted path of an identically named field elsewhere in the body; and the
/// other operation that accepts this key at this place, if any.
pub(super) fn for_unknown_key(
    operation: Operation,
    path: &str,
    fields: &'static [Field],
    key: &str,
) -> (Option<String>, Option<&'static str>) {
    let keys: Vec<&'static str> = fields.iter().map(|f| f.key).collect();
    let suggestion = closest(key, &keys)
        .map(str::to_owned)
        .or_else(|| elsewhere(key, operation.fields(), "").filter(|p| !is_child_of(p, path)));
    let here = super::walk::join(path, key);
    let accepted_by = Operation::ALL
        .into_iter()
        .find(|other| *other != operation && other.field(&here).is_some())
        .map(Operation::js_name);
    (suggestion, accepted_by)
}

/// The candidate a person most likely meant by `given`: equal up to case and separators, else
/// within a few edits.
pub fn closest(given: &str, candidates: &[&'static str]) -> Option<&'static str> {
    let wanted = normalise(given);
    if let Some(c) = candidates.iter().find(|c| normalise(c) == wanted) {
        return Some(c);
    }
    if wanted.chars().count() > MAX_COMPARED {
        return None;
    }
    candidates
        .iter()
        .map(|c| (*c, distance(&wanted, &normalise(c))))
        .filter(|(c, d)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(_, d)| *d)
        .map(|(c, _)| c)
}

/// The path of a field named like `key` anywhere in the body.
fn elsewhere(key: &str, fields: &'static [Field], path: &str) -> Option<String> {
    let wanted = normalise(key);
    fields.iter().find_map(|f| {
        let here = super::walk::join(path, f.key);
        match f.rule {
            Rule::Object(table) => elsewhere(key, table.fields, &here),
            _ if normalise(f.key) == wanted => Some(here),
            _ => None,
        }
    })
}

fn is_child_of(candidate: &str, parent: &str) -> bool {
    candidate.rsplit_once('.').map_or("", |(p, _)| p) == parent
}

/// Case, whitespace, `_` and `-` do not make a different key to a person.
fn normalise(key: &str) -> String {
    key.chars().filter(|c| !c.is_whitespace() && *c != '_' && *c != '-').map(|c| c.to_ascii_lowercase()).collect()
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous.get(j).map_or(usize::MAX, |d| d + usize::from(ca != *cb));
            let delete = previous.get(j + 1).map_or(usize::MAX, |d| d + 1);
            let insert = current.last().map_or(usize::MAX, |d| d + 1);
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("bandwith", "bandwidth"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }

    #[test]
    fn normalise_ignores_case_space_and_separators() {
        assert_eq!(normalise("ip_version "), "ipversion");
        assert_eq!(normalise("shareType"), "sharetype");
    }
}
