//! Reading typed options from an object [`Node`], collecting every problem as an [`Issue`]
//! (with a did-you-mean for unknown keys, bounded like the body validator's), for the client's,
//! the walkthrough's and the per-call options.

use eipkit_core::node::{Node, Shape};
use eipkit_core::validate::report_unknown_keys;
use eipkit_core::{Issue, IssueCode, Params};
use std::borrow::Cow;

/// Reads typed options from an object node, collecting issues.
pub struct Reader<'a, N: Node> {
    pub node: &'a N,
    path: &'a str,
    pub issues: Vec<Issue>,
    keys: Vec<String>,
    known: &'static [&'static str],
}

impl<'a, N: Node> Reader<'a, N> {
    pub fn new(node: &'a N, path: &'a str, known: &'static [&'static str]) -> Result<Reader<'a, N>, Vec<Issue>> {
        let shape = node.shape();
        let keys = match shape {
            Shape::Object => node.keys().map(|keys| keys.into_iter().map(Cow::into_owned).collect()),
            _ => Err(shape.type_name()),
        };
        match keys {
            Ok(keys) => Ok(Reader { node, path, issues: Vec::new(), keys, known }),
            Err(received) => {
                let params = Params { expected: Some("object"), received: Some(received), ..Params::default() };
                Err(vec![Issue::error(path, IssueCode::Type, params)])
            }
        }
    }

    pub fn path(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) }
    }

    pub fn type_issue(&mut self, key: &str, expected: &'static str, shape: &Shape<'_>) {
        let params = Params { expected: Some(expected), received: Some(shape.type_name()), ..Params::default() };
        let path = self.path(key);
        self.issues.push(Issue::error(path, IssueCode::Type, params));
    }

    /// A non-empty string.
    pub fn text(&mut self, key: &str, required: bool) -> Option<String> {
        let node = self.node.member(key);
        match node.shape() {
            Shape::Text(s) if !s.trim().is_empty() => Some(s.into_owned()),
            shape if shape.is_missing() || matches!(&shape, Shape::Text(_)) => {
                if required {
                    let path = self.path(key);
                    self.issues.push(Issue::error(path, IssueCode::Required, Params::default()));
                }
                None
            }
            shape => {
                self.type_issue(key, "string", &shape);
                None
            }
        }
    }

    pub fn int(&mut self, key: &str, min: i64, max: i64) -> Option<i64> {
        let node = self.node.member(key);
        match node.shape() {
            Shape::Number(n) if n.fract() == 0.0 && (min as f64..=max as f64).contains(&n) => Some(n as i64),
            Shape::Number(n) if n.fract() == 0.0 => {
                let path = self.path(key);
                let params = Params { min: Some(min), max: Some(max), ..Params::default() };
                self.issues.push(Issue::error(path, IssueCode::Range, params));
                None
            }
            shape if shape.is_missing() => None,
            shape => {
                self.type_issue(key, "integer", &shape);
                None
            }
        }
    }

    pub fn function(&mut self, key: &str) -> bool {
        let node = self.node.member(key);
        match node.shape() {
            Shape::Other("function") => true,
            shape if shape.is_missing() => false,
            shape => {
                self.type_issue(key, "function", &shape);
                false
            }
        }
    }

    /// A non-empty array of non-empty strings.
    pub fn texts(&mut self, key: &str) -> Option<Vec<String>> {
        let node = self.node.member(key);
        let shape = node.shape();
        if shape.is_missing() {
            let path = self.path(key);
            self.issues.push(Issue::error(path, IssueCode::Required, Params::default()));
            return None;
        }
        let items: Option<Vec<String>> = match (&shape, node.keys()) {
            (Shape::Array, Ok(keys)) => keys
                .iter()
                .map(|k| match node.member(k).shape() {
                    Shape::Text(s) if !s.is_empty() => Some(s.into_owned()),
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        match items {
            Some(items) if !items.is_empty() => Some(items),
            _ => {
                self.type_issue(key, "non-empty array of strings", &shape);
                None
            }
        }
    }

    pub fn finish(mut self) -> Result<(), Vec<Issue>> {
        let known = self.known;
        let unknown: Vec<&str> = self.keys.iter().map(String::as_str).filter(|k| !known.contains(k)).collect();
        report_unknown_keys(self.path, &unknown, known, &mut self.issues);
        if self.issues.is_empty() { Ok(()) } else { Err(self.issues) }
    }
}
