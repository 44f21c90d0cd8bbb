//! Live JS values seen through the core's `Node` trait. Every call into JS that can throw
//! (a proxy trap, a getter, a revoked proxy) goes through a `catch` import, so a hostile value
//! becomes an "unreadable" issue instead of an exception unwinding through wasm mid-call.
//! Only own properties count, as in `JSON.stringify`.

use eipkit_core::node::{Node, Shape};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn own_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = hasOwn, catch)]
    fn has_own(value: &JsValue, key: &str) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;
    /// `Object.prototype.toString`, called on the value: "[object Date]" and the like.
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call, catch)]
    fn to_string_tag(value: &JsValue) -> Result<String, JsValue>;
}

/// A JS value, or the trace of one that could not be read.
pub enum JsNode {
    Value(JsValue),
    Unreadable,
}

impl JsNode {
    pub fn new(value: JsValue) -> JsNode {
        JsNode::Value(value)
    }

    /// A string member, for reading options; anything else is `None`.
    pub fn text(&self, key: &str) -> Option<String> {
        match self.member(key).shape() {
            Shape::Text(s) => Some(s.into_owned()),
            _ => None,
        }
    }
}

impl Node for JsNode {
    fn shape(&self) -> Shape<'_> {
        let JsNode::Value(v) = self else { return Shape::Other("unreadable") };
        if v.is_undefined() {
            Shape::Absent
        } else if v.is_null() {
            Shape::Null
        } else if let Some(b) = v.as_bool() {
            Shape::Bool(b)
        } else if let Some(n) = v.as_f64() {
            match n {
                n if n.is_finite() => Shape::Number(n),
                n if n.is_nan() => Shape::Other("NaN"),
                _ => Shape::Other("Infinity"),
            }
        } else if let Some(s) = v.as_string() {
            Shape::Text(Cow::Owned(s))
        } else if v.is_bigint() {
            Shape::Other("bigint")
        } else if v.is_symbol() {
            Shape::Other("symbol")
        } else if v.is_function() {
            Shape::Other("function")
        } else {
            object_shape(v)
        }
    }

    fn member(&self, key: &str) -> JsNode {
        let JsNode::Value(v) = self else { return JsNode::Unreadable };
        if !v.is_object() {
            return JsNode::Value(JsValue::UNDEFINED);
        }
        match has_own(v, key) {
            Ok(true) => get(v, key).map_or(JsNode::Unreadable, JsNode::Value),
            Ok(false) => JsNode::Value(JsValue::UNDEFINED),
            Err(_) => JsNode::Unreadable,
        }
    }

    fn keys(&self) -> Result<Vec<String>, &'static str> {
        let JsNode::Value(v) = self else { return Err("unreadable") };
        let keys = own_keys(v).map_err(|_| "unreadable")?;
        Ok(keys.iter().filter_map(|k| k.as_string()).collect())
    }
}

/// Plain objects, null-prototype objects and class instances are objects; built-ins that
/// JSON does not carry as objects are named for the message.
fn object_shape(v: &JsValue) -> Shape<'static> {
    match is_array(v) {
        Ok(true) => return Shape::Array,
        Ok(false) => {}
        Err(_) => return Shape::Other("unreadable"),
    }
    let Ok(tag) = to_string_tag(v) else { return Shape::Other("unreadable") };
    match tag.trim_start_matches("[object ").trim_end_matches(']') {
        "Date" => Shape::Other("date"),
        "Map" => Shape::Other("map"),
        "Set" => Shape::Other("set"),
        "RegExp" => Shape::Other("regexp"),
        "Promise" => Shape::Other("promise"),
        "Error" => Shape::Other("error"),
        "String" | "Number" | "Boolean" => Shape::Other("boxed primitive"),
        "ArrayBuffer" | "SharedArrayBuffer" | "DataView" => Shape::Other("binary data"),
        t if t.ends_with("Array") => Shape::Other("binary data"),
        _ => Shape::Object,
    }
}
