//! What forms and tools need to know about the rules, straight from the core's tables:
//! `fieldRules(operation)` and `regions()`.

use crate::errors::validation_error;
use crate::to_js;
use eipkit_core::Operation;
use eipkit_core::schema::describe;
use eipkit_core::{Issue, IssueCode, Locale, Params, region};
use serde_json::json;
use wasm_bindgen::prelude::*;

/// Every field of an operation's input (`"createPublicip"`, `"createPrepaidPublicip"`,
/// `"updatePublicip"`, `"listPublicips"`, `"listPorts"`) with its limits, steps and values.
#[wasm_bindgen(js_name = fieldRules)]
pub fn field_rules(operation: JsValue) -> Result<JsValue, JsValue> {
    let name = operation.as_string().unwrap_or_default();
    match Operation::with_input().find(|op| op.js_name() == name) {
        Some(op) => Ok(to_js(&describe(op))),
        None => {
            let names = Operation::with_input().map(|op| op.js_name().to_owned()).collect();
            let params = Params { allowed: Some(eipkit_core::Allowed::Owned(names)), ..Params::default() };
            let issue = Issue::error("operation", IssueCode::Enum, params);
            Err(validation_error("fieldRules", vec![issue], Locale::En))
        }
    }
}

/// The regions eipkit knows, with the EIP types each offers ([003], [004]).
#[wasm_bindgen]
pub fn regions() -> JsValue {
    let list: Vec<_> = region::REGIONS
        .iter()
        .map(|r| json!({ "id": r.id, "nameZh": r.name_zh, "nameEn": r.name_en, "eipTypes": r.eip_types }))
        .collect();
    to_js(&list)
}
