//! `POST /v2.0/{project_id}/publicips`: create a prepaid (or pay-per-use) EIP [003]. The answer
//! is the EIP (pay per use) or the order placed and the id the EIP will have (prepaid).

use super::spec::{Answer, Input, Shape, Spec, is_text};
use super::{Config, Operation, call};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::model::CreatePrepaidResponse;
use crate::schema::conditions::{BANDWIDTH, JOINS_SHARED_BANDWIDTH};
use crate::schema::{self, Condition, Effect, Field, Rule, Table, Test};
use crate::validate::Checked;

pub static SPEC: Spec = Spec {
    name: "createPrepaidPublicip",
    method: Method::Post,
    path: "/v2.0/{project_id}/publicips",
    input: Input::Body(&BODY),
    conditions: &[BANDWIDTH, BILLING],
    answer: Answer {
        what: "create prepaid EIP",
        shape: Some(Shape {
            expected: "{ publicip: { id } } or { order_id, publicip_id }",
            check: |v| is_text(v, "/publicip/id") || (is_text(v, "/order_id") && is_text(v, "/publicip_id")),
        }),
        ts_type: "PublicipResponse | PrepaidOrder",
        page_of: None,
    },
    safe_to_repeat: false,
    doc: "POST /v2.0/{project_id}/publicips: an order (prepaid) or the EIP.",
    also: &[],
};

pub static BODY: Table = Table {
    name: "CreatePrepaidPublicipBody",
    doc: "`POST /v2.0/{project_id}/publicips`: prepaid (or pay per use without `extendParam`).",
    fields: &[
        Field::new("publicip", true, Rule::Object(&schema::PUBLICIP_CREATE), "The EIP"),
        Field::new("bandwidth", true, Rule::Object(&schema::BANDWIDTH), "Its bandwidth"),
        Field::new("extendParam", false, Rule::Object(&schema::EXTEND_PARAM), "Billing (prepaid) parameters"),
        schema::ENTERPRISE_PROJECT_ID,
    ],
};

const CHARGE_MODE: &str = "extendParam.charge_mode";
const PERIOD_TYPE: &str = "extendParam.period_type";
const PERIOD_NUM: &str = "extendParam.period_num";

/// prePaid needs a period unless the EIP joins a shared bandwidth (whose expiry it shares);
/// years run 1–3 where months run 1–9; under postPaid (the default) the other billing
/// fields are ignored [003].
const BILLING: &[Condition] = {
    use Effect::{Ignored, Required, Within};
    use Test::Is;
    &[
        Condition::new(Required, &[PERIOD_TYPE, PERIOD_NUM], &[Is(CHARGE_MODE, "prePaid")]).unless(JOINS_SHARED_BANDWIDTH),
        Condition::new(Within { min: 1, max: 9 }, &[PERIOD_NUM], &[Is(PERIOD_TYPE, "month"), Is(CHARGE_MODE, "prePaid")]),
        Condition::new(Within { min: 1, max: 3 }, &[PERIOD_NUM], &[Is(PERIOD_TYPE, "year"), Is(CHARGE_MODE, "prePaid")]),
        Condition::new(
            Ignored,
            &[PERIOD_TYPE, PERIOD_NUM, "extendParam.is_auto_renew", "extendParam.is_auto_pay"],
            &[Is(CHARGE_MODE, "postPaid")],
        ),
    ]
};

pub fn build(config: &Config, body: &Checked) -> Result<Request, Error> {
    call::build(Operation::CreatePrepaidPublicip, config, None, Some(body))
}

pub fn parse(response: &Response) -> Result<CreatePrepaidResponse, Error> {
    call::parse_typed(Operation::CreatePrepaidPublicip, response)
}
