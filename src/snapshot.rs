//! JS values as the core sees them: `js/snapshot.js` copies a value into JSON text in one pass
//! (own keys only, getters run inside `try`, values JSON cannot hold replaced by a marker that
//! names them, depth bounded), and validation walks the parsed text through [`SnapshotNode`].
//! One boundary crossing per input; every hostile case is handled in that one JS function,
//! which never throws.
//!
//! The text is read by whichever JSON reader the build already holds: the whole package reads
//! responses with serde_json, so it reads snapshots with it too; the module for forms has no
//! serde_json reader, and uses the core's `Document` (5 KB gzip smaller, and it builds no tree
//! of owned values). core/tests/properties.rs (f) shows the two read every text alike.

use eipkit_core::node::{Node, Shape};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/snapshot.js")]
extern "C" {
    #[wasm_bindgen(js_name = snapshot)]
    pub(crate) fn snapshot_json(value: &JsValue) -> String;
    /// `{ ok: true, issues: [] }`, a fresh object.
    #[wasm_bindgen(js_name = valid)]
    pub fn valid_result() -> JsValue;
}

#[cfg(feature = "client")]
mod reader {
    pub type Tree = serde_json::Value;
    pub type At<'a> = Option<&'a Tree>;
    pub fn parse(text: String) -> Option<Tree> {
        // `from_slice`, as the response parsers read: `from_str` would be a second reader.
        serde_json::from_slice(text.as_bytes()).ok()
    }
    pub fn root(tree: &Tree) -> At<'_> {
        Some(tree)
    }
    /// The key and value of an object with exactly one member.
    pub fn sole_member(at: At<'_>) -> Option<(&str, At<'_>)> {
        let object = at?.as_object().filter(|o| o.len() == 1)?;
        object.iter().next().map(|(key, value)| (key.as_str(), Some(value)))
    }
}

#[cfg(not(feature = "client"))]
mod reader {
    use eipkit_core::node::document::Document;
    pub type Tree = Document;
    pub type At<'a> = eipkit_core::node::document::At<'a>;
    pub fn parse(text: String) -> Option<Tree> {
        Document::parse(text).ok()
    }
    pub fn root(tree: &Tree) -> At<'_> {
        tree.root()
    }
    /// The key and value of an object with exactly one member.
    pub fn sole_member(at: At<'_>) -> Option<(&str, At<'_>)> {
        at.sole_member()
    }
}

/// The key of a marker object, `{ "\u0000eipkit": kind }`.
const MARK: &str = "\u{0}eipkit";

/// A parsed snapshot of a JS value.
pub struct Snapshot(Option<reader::Tree>);

impl Snapshot {
    pub fn of(value: &JsValue) -> Snapshot {
        // The JS side always answers JSON; anything else would mean a broken package, and
        // reads as nothing.
        Snapshot(reader::parse(snapshot_json(value)))
    }

    pub fn node(&self) -> SnapshotNode<'_> {
        SnapshotNode(self.0.as_ref().map(reader::root))
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
pub struct SnapshotNode<'a>(Option<reader::At<'a>>);

impl SnapshotNode<'_> {
    /// What a marker stands for, if this is one.
    fn marker(&self) -> Option<Shape<'static>> {
        let (MARK, kind) = reader::sole_member(self.0?)? else { return None };
        let Shape::Text(kind) = kind.shape() else { return None };
        Some(match kind.as_ref() {
            "undefined" => Shape::Absent,
            "array" => Shape::Array,
            "object" => Shape::Object,
            kind => Shape::Other(KINDS.iter().find(|k| **k == kind).copied().unwrap_or("unreadable")),
        })
    }
}

/// The kinds of value a marker names besides `undefined`, `array` and `object` (js/snapshot.js).
const KINDS: [&str; 13] = [
    "NaN",
    "Infinity",
    "bigint",
    "symbol",
    "function",
    "date",
    "map",
    "set",
    "regexp",
    "promise",
    "error",
    "boxed primitive",
    "binary data",
];

impl Node for SnapshotNode<'_> {
    fn shape(&self) -> Shape<'_> {
        match (&self.0, self.marker()) {
            (_, Some(marked)) => marked,
            (Some(value), None) => value.shape(),
            (None, None) => Shape::Absent,
        }
    }

    fn member(&self, key: &str) -> Self {
        match (self.0, self.marker()) {
            (Some(value), None) => SnapshotNode(Some(value.member(key))),
            _ => SnapshotNode(None),
        }
    }

    fn keys(&self) -> Result<Vec<Cow<'_, str>>, &'static str> {
        match (&self.0, self.marker()) {
            (Some(value), None) => value.keys(),
            _ => Ok(Vec::new()),
        }
    }
}
