//! JS values as the core sees them: `js/snapshot.js` copies a value into JSON text in one pass
//! (own keys only, getters run inside `try`, values JSON cannot hold replaced by a marker that
//! names them, depth bounded), and the core's validation walks the parsed copy through
//! [`SnapshotNode`]. One boundary crossing per input; every hostile case is handled in that one
//! JS function, which never throws.

use eipkit_core::node::{Node, Shape};
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/snapshot.js")]
extern "C" {
    #[wasm_bindgen(js_name = snapshot)]
    fn snapshot_json(value: &JsValue) -> String;
}

/// The key of a marker object, `{ "\u0000eipkit": kind }`.
const MARK: &str = "\u{0}eipkit";

/// A parsed snapshot of a JS value.
pub struct Snapshot(Value);

impl Snapshot {
    pub fn of(value: &JsValue) -> Snapshot {
        // The JS side always answers JSON; anything else would mean a broken package.
        // `from_slice`, the reader the response parsers use: one JSON reader in the wasm, not two.
        Snapshot(serde_json::from_slice(snapshot_json(value).as_bytes()).unwrap_or(Value::Null))
    }

    pub fn node(&self) -> SnapshotNode<'_> {
        SnapshotNode(Some(&self.0))
    }

    /// A string member (for options); anything else is `None`.
    pub fn text(&self, key: &str) -> Option<String> {
        match self.node().member(key).shape() {
            Shape::Text(s) => Some(s.into_owned()),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
pub struct SnapshotNode<'a>(Option<&'a Value>);

/// The kind a marker names, if `value` is one.
fn marker(value: Option<&Value>) -> Option<&str> {
    let object = value?.as_object()?;
    if object.len() == 1 { object.get(MARK)?.as_str() } else { None }
}

impl Node for SnapshotNode<'_> {
    fn shape(&self) -> Shape<'_> {
        match marker(self.0) {
            None => self.0.shape(),
            Some("undefined") => Shape::Absent,
            Some("array") => Shape::Array,
            Some("object") => Shape::Object,
            Some(kind) => Shape::Other(match kind {
                "NaN" => "NaN",
                "Infinity" => "Infinity",
                "bigint" => "bigint",
                "symbol" => "symbol",
                "function" => "function",
                "date" => "date",
                "map" => "map",
                "set" => "set",
                "regexp" => "regexp",
                "promise" => "promise",
                "error" => "error",
                "boxed primitive" => "boxed primitive",
                "binary data" => "binary data",
                _ => "unreadable",
            }),
        }
    }

    fn member(&self, key: &str) -> Self {
        match marker(self.0) {
            Some(_) => SnapshotNode(None),
            None => SnapshotNode(self.0.member(key)),
        }
    }

    fn keys(&self) -> Result<Vec<String>, &'static str> {
        match marker(self.0) {
            Some(_) => Ok(Vec::new()),
            None => self.0.keys(),
        }
    }
}
