//! A read-only view of a JSON-like value, so one validation engine serves both a parsed
//! `serde_json::Value` (native callers) and a live JS value (the wasm layer), without first
//! copying the whole input. The engine only descends where the schema says, so a cyclic,
//! deeply nested or huge value elsewhere costs nothing and can never hang it.

use std::borrow::Cow;

pub mod document;

/// What a value is, as far as validation cares.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape<'a> {
    /// Not there at all (a missing key, or JS `undefined`).
    Absent,
    Null,
    Bool(bool),
    /// A finite number.
    Number(f64),
    Text(Cow<'a, str>),
    Array,
    Object,
    /// A value JSON cannot hold, named for messages: "NaN", "Infinity", "bigint",
    /// "function", "symbol", "date", "map", "unreadable" (a getter or proxy that threw), ...
    Other(&'static str),
}

impl Shape<'_> {
    /// The JSON type name used in `type` issues' `received` param.
    pub fn type_name(&self) -> &'static str {
        match self {
            Shape::Absent => "undefined",
            Shape::Null => "null",
            Shape::Bool(_) => "boolean",
            Shape::Number(_) => "number",
            Shape::Text(_) => "string",
            Shape::Array => "array",
            Shape::Object => "object",
            Shape::Other(name) => name,
        }
    }

    /// Absent and null both mean "not given": a required field that is null is missing
    /// (docs/decisions.md: `null` is absent).
    pub fn is_missing(&self) -> bool {
        matches!(self, Shape::Absent | Shape::Null)
    }
}

/// A value the validator can inspect.
pub trait Node: Sized {
    fn shape(&self) -> Shape<'_>;

    /// The member `key` of an object; a node whose shape is [`Shape::Absent`] when there is none.
    fn member(&self, key: &str) -> Self;

    /// The object's own enumerable keys in their order, or the name of what made them
    /// unreadable (e.g. a proxy whose `ownKeys` trap threw). Borrowed where the value holds them.
    fn keys(&self) -> Result<Vec<Cow<'_, str>>, &'static str>;
}

impl Node for Option<&serde_json::Value> {
    fn shape(&self) -> Shape<'_> {
        use serde_json::Value;
        match self {
            None => Shape::Absent,
            Some(Value::Null) => Shape::Null,
            Some(Value::Bool(b)) => Shape::Bool(*b),
            // serde_json only holds finite numbers; a u64/i64 beyond 2^53 rounds, which only
            // matters for values already far outside every range.
            Some(Value::Number(n)) => n.as_f64().map_or(Shape::Other("number"), Shape::Number),
            Some(Value::String(s)) => Shape::Text(Cow::Borrowed(s)),
            Some(Value::Array(_)) => Shape::Array,
            Some(Value::Object(_)) => Shape::Object,
        }
    }

    /// An object's member, or an array's element by its index (as JS reads `array["0"]`).
    fn member(&self, key: &str) -> Self {
        match self {
            Some(serde_json::Value::Object(o)) => o.get(key),
            Some(serde_json::Value::Array(items)) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        }
    }

    /// An object's keys, or an array's indices (as JS's `Object.keys`).
    fn keys(&self) -> Result<Vec<Cow<'_, str>>, &'static str> {
        Ok(match self {
            Some(serde_json::Value::Object(o)) => o.keys().map(|k| Cow::Borrowed(k.as_str())).collect(),
            Some(serde_json::Value::Array(items)) => (0..items.len()).map(|i| Cow::Owned(i.to_string())).collect(),
            _ => Vec::new(),
        })
    }
}
