//! Properties of the core, checked with generated inputs (proptest):
//!
//! - (a) a body the validator accepts is sent byte for byte as its normalised form, for bodies
//!   generated from the rule tables (every size band, the name charset, both billing modes, ...)
//!   and for random mutations of them;
//! - (b) list queries are sent in one canonical order, and the signature does not depend on the
//!   order the query pairs were given in;
//! - (c) a typed `Publicip` or `Port` serialises back to every key and value it was read from,
//!   known or unknown;
//! - (d) `time::sdk_date` and `time::parse_utc` round-trip for every second of 1970–9999;
//! - (e) query percent-encoding is reversible (`http::encode_query`, `http::UrlParts::parse`);
//! - (f) `node::document::Document` reads any JSON text as serde_json does, and validation over
//!   it gives the same result as over a `serde_json::Value`.
//!
//! Failures are not persisted to files; a shrunk failure belongs in tests/regressions.rs.

use eipkit_core::Operation;
use eipkit_core::http::{Request, Response, UrlParts, encode_query};
use eipkit_core::model::{Port, Publicip};
use eipkit_core::node::document::Document;
use eipkit_core::node::{Node, Shape};
use eipkit_core::operation::{self, Config};
use eipkit_core::region::REGIONS;
use eipkit_core::schema::{self, Charset, Field, Format, Integer, Rule, Text};
use eipkit_core::sign::{Credentials, SigningInput, sign, sign_request};
use eipkit_core::time::{parse_utc, sdk_date};
use eipkit_core::{Checked, Options, validate_json};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{Map, Value, json};

const PROJECT: &str = "0123456789abcdef0123456789abcdef";
const EIP: &str = "f588ccfa-8750-4d7c-bf5d-2ede24414706";

fn proptest_config() -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

fn config() -> Config {
    Config::new("https://vpc.cn-north-4.myhuaweicloud.com", PROJECT).unwrap()
}

fn build(checked: &Checked) -> Request {
    let id = (checked.operation() == Operation::UpdatePublicip).then_some(EIP);
    operation::Call::new(checked.operation(), id, Some(checked.clone())).build(&config()).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Valid values, derived from the rule tables.

fn field(operation: Operation, path: &str) -> &'static Field {
    operation.field(path).unwrap_or_else(|| panic!("{operation:?} has no field {path}"))
}

/// Any characters (control characters, astral planes, ...), `min..=max` of them.
fn any_text(min: u32, max: u32) -> BoxedStrategy<String> {
    vec(any::<char>(), min as usize..=max as usize).prop_map(|chars| chars.into_iter().collect()).boxed()
}

fn uuid() -> BoxedStrategy<String> {
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}".boxed()
}

fn valid_text(rule: Text) -> BoxedStrategy<String> {
    match (rule.charset, rule.format) {
        (_, Format::UuidOrZero) => prop_oneof![Just("0".to_owned()), uuid()].boxed(),
        (Charset::Name, Format::Any) => {
            // Digits, ASCII letters, `_ - .` and the Chinese range, 1–64 characters.
            let one = prop_oneof![
                3 => select("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-.".chars().collect::<Vec<_>>()),
                1 => proptest::char::range('\u{4E00}', '\u{9FA5}'),
            ];
            vec(one, rule.min as usize..=rule.max as usize).prop_map(|c| c.into_iter().collect()).boxed()
        }
        (Charset::Any, Format::Any) => any_text(rule.min, rule.max),
    }
}

/// A valid integer: any value of the range, snapped down to its band's step.
fn valid_integer(rule: Integer) -> BoxedStrategy<i64> {
    (rule.min..=rule.max)
        .prop_map(move |v| match rule.band_of(v) {
            Some((_, band)) => v - v % band.step,
            None => v,
        })
        .boxed()
}

/// A value the field's own rule accepts (not objects; `""` where it means the default).
fn valid_value(field: &'static Field) -> BoxedStrategy<Value> {
    let value = match field.rule {
        Rule::Text(rule) => valid_text(rule).prop_map(Value::from).boxed(),
        Rule::Choice(values) => select(values).prop_map(Value::from).boxed(),
        Rule::IntChoice(values) => select(values).prop_map(Value::from).boxed(),
        Rule::Integer(rule) => valid_integer(rule).prop_map(Value::from).boxed(),
        Rule::Bool => any::<bool>().prop_map(Value::from).boxed(),
        Rule::Object(_) => unreachable!("objects are built by hand"),
    };
    if field.blank_means_default { prop_oneof![1 => Just(json!("")), 4 => value].boxed() } else { value }
}

fn valid_at(operation: Operation, path: &str) -> BoxedStrategy<Value> {
    valid_value(field(operation, path))
}

/// An object from `(key, value if present)` pairs.
fn object(fields: Vec<(&'static str, Option<Value>)>) -> Map<String, Value> {
    fields.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v))).collect()
}

fn publicip_create(operation: Operation) -> BoxedStrategy<Map<String, Value>> {
    let at = |p: &str| valid_at(operation, p);
    (
        at("publicip.type"),
        option::of(at("publicip.ip_version")),
        option::of(at("publicip.alias")),
        option::of(at("publicip.port_id")),
    )
        .prop_map(|(t, ip_version, alias, port_id)| {
            object(vec![("type", Some(t)), ("ip_version", ip_version), ("alias", alias), ("port_id", port_id)])
        })
        .boxed()
}

/// PER needs a name and a size (an id is ignored, with a warning); WHOLE needs an id (a name or
/// size is ignored, with a warning).
fn bandwidth(operation: Operation) -> BoxedStrategy<Map<String, Value>> {
    let at = |p: &str| valid_at(operation, p);
    let per = (
        at("bandwidth.name"),
        at("bandwidth.size"),
        option::of(at("bandwidth.charge_mode")),
        option::of(at("bandwidth.id")),
    )
        .prop_map(|(name, size, charge_mode, id)| {
            object(vec![
                ("share_type", Some(json!("PER"))),
                ("name", Some(name)),
                ("size", Some(size)),
                ("charge_mode", charge_mode),
                ("id", id),
            ])
        });
    let whole = (
        at("bandwidth.id"),
        option::of(at("bandwidth.name")),
        option::of(at("bandwidth.size")),
        option::of(at("bandwidth.charge_mode")),
    )
        .prop_map(|(id, name, size, charge_mode)| {
            object(vec![
                ("share_type", Some(json!("WHOLE"))),
                ("id", Some(id)),
                ("name", name),
                ("size", size),
                ("charge_mode", charge_mode),
            ])
        });
    prop_oneof![3 => per, 1 => whole].boxed()
}

/// prePaid: a period within its type's range (months 1–9, years 1–3); postPaid or no mode:
/// anything each field accepts (ignored, with warnings).
fn extend_param() -> BoxedStrategy<Map<String, Value>> {
    let op = Operation::CreatePrepaidPublicip;
    let flags =
        (option::of(valid_at(op, "extendParam.is_auto_renew")), option::of(valid_at(op, "extendParam.is_auto_pay")));
    let period = prop_oneof![(Just("month"), 1..=9i64), (Just("year"), 1..=3i64)];
    let prepaid = (period, flags.clone()).prop_map(|((period_type, n), (renew, pay))| {
        object(vec![
            ("charge_mode", Some(json!("prePaid"))),
            ("period_type", Some(json!(period_type))),
            ("period_num", Some(json!(n))),
            ("is_auto_renew", renew),
            ("is_auto_pay", pay),
        ])
    });
    let postpaid = (
        option::of(Just(json!("postPaid"))),
        option::of(valid_at(op, "extendParam.period_type")),
        option::of(valid_at(op, "extendParam.period_num")),
        flags,
    )
        .prop_map(|(mode, period_type, n, (renew, pay))| {
            object(vec![
                ("charge_mode", mode),
                ("period_type", period_type),
                ("period_num", n),
                ("is_auto_renew", renew),
                ("is_auto_pay", pay),
            ])
        });
    prop_oneof![prepaid, postpaid].boxed()
}

/// Bind, unbind (`{}` or `port_id: ""`) or convert: `port_id` and `ip_version` never together.
fn update_body() -> BoxedStrategy<Map<String, Value>> {
    let op = Operation::UpdatePublicip;
    let publicip = prop_oneof![
        valid_at(op, "publicip.port_id").prop_map(|p| object(vec![("port_id", Some(p))])),
        valid_at(op, "publicip.ip_version").prop_map(|v| object(vec![("ip_version", Some(v))])),
        Just(Map::new()),
    ];
    publicip.prop_map(|p| object(vec![("publicip", Some(Value::Object(p)))])).boxed()
}

/// Each query field absent or valid.
fn list_query(operation: Operation) -> BoxedStrategy<Map<String, Value>> {
    let fields: Vec<_> =
        operation.fields().iter().map(|f| option::of(valid_value(f)).prop_map(move |v| (f.key, v))).collect();
    fields.prop_map(object).boxed()
}

/// A valid body (the normalised form: integers as integers, no nulls) of `operation`.
fn valid_body(operation: Operation) -> BoxedStrategy<Map<String, Value>> {
    match operation {
        Operation::CreatePublicip | Operation::CreatePrepaidPublicip => {
            let extend = if operation == Operation::CreatePrepaidPublicip {
                option::of(extend_param()).boxed()
            } else {
                Just(None).boxed()
            };
            let epid = option::of(valid_at(operation, "enterprise_project_id"));
            (publicip_create(operation), bandwidth(operation), extend, epid)
                .prop_map(|(publicip, bandwidth, extend, epid)| {
                    object(vec![
                        ("publicip", Some(Value::Object(publicip))),
                        ("bandwidth", Some(Value::Object(bandwidth))),
                        ("extendParam", extend.map(Value::Object)),
                        ("enterprise_project_id", epid),
                    ])
                })
                .boxed()
        }
        Operation::UpdatePublicip => update_body(),
        Operation::ListPublicips | Operation::ListPorts => list_query(operation),
        Operation::ShowPublicip | Operation::DeletePublicip => unreachable!("no input"),
    }
}

/// Bits that choose how a valid body is written: integers as `10` or `10.0`, absent optional
/// fields left out or `null`. Neither changes the normalised body.
fn dress(fields: &'static [Field], body: &Map<String, Value>, bits: &mut u64) -> Map<String, Value> {
    fn flip(bits: &mut u64) -> bool {
        *bits = bits.rotate_right(1);
        *bits & 1 == 1
    }
    let mut out = Map::new();
    for field in fields {
        match (body.get(field.key), field.rule) {
            (Some(Value::Object(inner)), Rule::Object(children)) => {
                let inner = dress(children.fields, inner, bits);
                out.insert(field.key.to_owned(), Value::Object(inner));
            }
            (Some(Value::Number(n)), Rule::Integer(_) | Rule::IntChoice(_)) if flip(bits) => {
                out.insert(field.key.to_owned(), json!(n.as_i64().unwrap() as f64));
            }
            (Some(value), _) => {
                out.insert(field.key.to_owned(), value.clone());
            }
            (None, _) if !field.required && flip(bits) => {
                out.insert(field.key.to_owned(), Value::Null);
            }
            (None, _) => {}
        }
    }
    out
}

/// A region that offers the body's `publicip.type`, or none.
fn region_for(body: &Map<String, Value>, pick: usize) -> Options {
    let Some(t) = body.get("publicip").and_then(|p| p.get("type")).and_then(Value::as_str) else {
        return Options::default();
    };
    let offering: Vec<_> = REGIONS.iter().filter(|r| r.eip_types.contains(&t)).collect();
    match pick % (offering.len() + 1) {
        0 => Options::default(),
        i => Options::region(offering[i - 1].id),
    }
}

fn any_operation() -> impl Strategy<Value = Operation> {
    select(Operation::with_input().collect::<Vec<_>>())
}

// ---------------------------------------------------------------------------------------------
// Random JSON, for mutations and unknown fields.

fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            btree_map("[a-z_]{0,6}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Values near the rules' edges, and random JSON.
fn edgy_json() -> BoxedStrategy<Value> {
    let ints = [-1i64, 0, 1, 3, 4, 6, 9, 10, 36, 299, 300, 301, 349, 350, 999, 1000, 1001, 1500, 2000, 2001, i64::MAX];
    let texts =
        ["", " ", "0", "5_bgp", "5_telcom", "PER", "WHOLE", "prePaid", "postPaid", "month", "year", EIP, "a b", "测试"];
    prop_oneof![
        select(ints.to_vec()).prop_map(Value::from),
        select(ints.to_vec()).prop_map(|i| json!(i as f64 + 0.5)),
        select(ints.to_vec()).prop_map(|i| json!(i as f64)),
        select(texts.to_vec()).prop_map(Value::from),
        any_text(35, 37).prop_map(Value::from),
        any_text(63, 65).prop_map(Value::from),
        any_json(),
    ]
    .boxed()
}

#[derive(Debug, Clone)]
enum Mutation {
    Set(String, Value),
    Remove(String),
}

fn mutation(operation: Operation) -> BoxedStrategy<Mutation> {
    let mut paths: Vec<String> = schema::describe(operation).into_iter().map(|f| f.path).collect();
    paths.extend(["x", "size", "publicip.x", "bandwidth.sizee", "ip_version ", "extendParam"].map(str::to_owned));
    prop_oneof![
        3 => (select(paths.clone()), edgy_json()).prop_map(|(p, v)| Mutation::Set(p, v)),
        1 => select(paths).prop_map(Mutation::Remove),
    ]
    .boxed()
}

fn apply(body: &mut Value, mutation: &Mutation) {
    let path = match mutation {
        Mutation::Set(path, _) | Mutation::Remove(path) => path,
    };
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let mut target = body;
    for part in parent.split('.').filter(|p| !p.is_empty()) {
        let Some(object) = target.as_object_mut() else { return };
        target = object.entry(part).or_insert_with(|| json!({}));
    }
    let Some(object) = target.as_object_mut() else { return };
    match mutation {
        Mutation::Set(_, value) => {
            object.insert(key.to_owned(), value.clone());
        }
        Mutation::Remove(_) => {
            object.remove(key);
        }
    }
}

/// Everything in the normalised body was in the input: same keys, same values (an integral
/// number may change its representation, `10.0` to `10`).
fn drawn_from(normalised: &Value, input: &Value) -> bool {
    match (normalised, input) {
        (Value::Object(n), Value::Object(i)) => n.iter().all(|(k, v)| i.get(k).is_some_and(|iv| drawn_from(v, iv))),
        (Value::Number(n), Value::Number(i)) => n.as_f64() == i.as_f64(),
        (n, i) => n == i,
    }
}

// ---------------------------------------------------------------------------------------------
// Publicip and Port JSON: random subsets of the known fields with values of their types, plus
// unknown fields.

fn text() -> BoxedStrategy<Value> {
    any::<String>().prop_map(Value::from).boxed()
}

fn with_unknown(
    known: Vec<(&'static str, BoxedStrategy<Value>)>,
    required: &'static [&'static str],
) -> BoxedStrategy<Map<String, Value>> {
    let names: Vec<&'static str> = known.iter().map(|(k, _)| *k).collect();
    let fields: Vec<_> = known
        .into_iter()
        .map(|(key, value)| {
            if required.contains(&key) {
                value.prop_map(move |v| (key, Some(v))).boxed()
            } else {
                option::of(value).prop_map(move |v| (key, v)).boxed()
            }
        })
        .collect();
    let unknown = btree_map(
        "[a-z_:]{1,12}".prop_filter("an unknown key", move |k| !names.contains(&k.as_str())),
        any_json(),
        0..4,
    );
    (fields, unknown)
        .prop_map(|(fields, unknown)| {
            let mut map = object(fields);
            map.extend(unknown);
            map
        })
        .boxed()
}

fn profile_json() -> BoxedStrategy<Value> {
    with_unknown(vec![("order_id", text()), ("product_id", text()), ("region_id", text()), ("user_id", text())], &[])
        .prop_map(Value::Object)
        .boxed()
}

fn publicip_json() -> BoxedStrategy<Map<String, Value>> {
    let mut known: Vec<(&'static str, BoxedStrategy<Value>)> = [
        "id",
        "status",
        "type",
        "public_ip_address",
        "public_ipv6_address",
        "private_ip_address",
        "port_id",
        "tenant_id",
        "create_time",
        "bandwidth_id",
        "bandwidth_share_type",
        "bandwidth_name",
        "enterprise_project_id",
        "alias",
    ]
    .into_iter()
    .map(|k| (k, text()))
    .collect();
    known.push(("ip_version", any::<u8>().prop_map(Value::from).boxed()));
    known.push(("bandwidth_size", any::<i64>().prop_map(Value::from).boxed()));
    known.push(("profile", profile_json()));
    with_unknown(known, &["id"])
}

/// Lists are non-empty here: an empty list is lost (tests/regressions.rs).
fn port_json() -> BoxedStrategy<Map<String, Value>> {
    let strings = [
        "id",
        "name",
        "status",
        "mac_address",
        "network_id",
        "tenant_id",
        "project_id",
        "device_id",
        "device_owner",
        "binding:vnic_type",
        "created_at",
        "updated_at",
    ];
    let mut known: Vec<(&'static str, BoxedStrategy<Value>)> = strings.into_iter().map(|k| (k, text())).collect();
    let boolean = || any::<bool>().prop_map(Value::from).boxed();
    let fixed_ip = with_unknown(vec![("subnet_id", text()), ("ip_address", text())], &[]).prop_map(Value::Object);
    let vif = with_unknown(vec![("primary_interface", boolean())], &[]).prop_map(Value::Object);
    known.push(("admin_state_up", boolean()));
    known.push(("port_security_enabled", boolean()));
    known.push(("fixed_ips", vec(fixed_ip, 1..3).prop_map(Value::Array).boxed()));
    known.push(("security_groups", vec(text(), 1..3).prop_map(Value::Array).boxed()));
    known.push(("extra_dhcp_opts", vec(any_json(), 1..3).prop_map(Value::Array).boxed()));
    known.push(("allowed_address_pairs", vec(any_json(), 1..3).prop_map(Value::Array).boxed()));
    known.push(("binding:vif_details", vif.boxed()));
    known.push((
        "binding:profile",
        btree_map("[a-z_]{0,6}", any_json(), 0..3).prop_map(|m| Value::Object(m.into_iter().collect())).boxed(),
    ));
    with_unknown(known, &["id"])
}

fn ok(body: &Value) -> Response {
    Response::new(200, vec![("X-Request-Id".into(), "rid".into())], serde_json::to_vec(body).unwrap())
}

/// A tiny deterministic shuffle (proptest shrinks the seed).
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        items.swap(i, ((seed >> 33) % (i as u64 + 1)) as usize);
    }
}

/// 9999-12-31T23:59:59Z.
const LAST_SECOND: i64 = 253_402_300_799;

/// Whether two views of a value agree on its shape, its keys and (recursively) its members.
fn same_view(a: &impl Node, b: &impl Node) -> Result<(), String> {
    let (shape_a, shape_b) = (a.shape(), b.shape());
    // The two read numbers alike where it matters (integers below 2^53, exponents within ±22);
    // elsewhere within a few units of the last place.
    if let (Shape::Number(x), Shape::Number(y)) = (&shape_a, &shape_b) {
        let exact = x.fract() == 0.0 && x.abs() < 9007199254740992.0;
        let close = (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs());
        return if (exact && x == y) || (!exact && close) { Ok(()) } else { Err(format!("{x} against {y}")) };
    }
    if shape_a != shape_b {
        return Err(format!("{shape_a:?} against {shape_b:?}"));
    }
    if matches!(shape_a, Shape::Object | Shape::Array) {
        let (keys_a, keys_b) = (a.keys()?, b.keys()?);
        if keys_a != keys_b {
            return Err(format!("keys {keys_a:?} against {keys_b:?}"));
        }
        for key in &keys_a {
            same_view(&a.member(key), &b.member(key)).map_err(|e| format!("{key}: {e}"))?;
        }
        same_view(&a.member("absent-key"), &b.member("absent-key"))?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(proptest_config())]

    // (a) -------------------------------------------------------------------------------------

    #[test]
    fn a_valid_body_is_sent_exactly_as_normalised(
        (operation, body) in any_operation().prop_flat_map(|op| (Just(op), valid_body(op))),
        mut bits in any::<u64>(),
        region in any::<usize>(),
    ) {
        let input = Value::Object(dress(operation.fields(), &body, &mut bits));
        let options = region_for(&body, region);
        let validation = validate_json(operation, &input, &options);
        prop_assert!(validation.is_ok(), "{operation:?} refused {input} ({options:?}): {:#?}", validation.issues());
        prop_assert_eq!(validation.body(), Some(&Value::Object(body.clone())), "the normalised form of {}", input);
        let bytes = serde_json::to_vec(validation.body().unwrap()).unwrap();
        let checked = validation.into_checked().unwrap();
        let request = build(&checked);
        match operation {
            Operation::ListPublicips | Operation::ListPorts => {
                prop_assert!(request.body.is_empty());
                let sent: Map<String, Value> = request.query.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
                let expected: Map<String, Value> = body
                    .iter()
                    .map(|(k, v)| (k.clone(), json!(v.as_str().map_or_else(|| v.to_string(), str::to_owned))))
                    .collect();
                prop_assert_eq!(sent, expected);
            }
            _ => {
                prop_assert_eq!(&request.body, &bytes);
                prop_assert_eq!(request.header("content-type"), Some("application/json;charset=UTF-8"));
            }
        }
    }

    #[test]
    fn a_mutated_body_is_refused_or_sent_exactly_as_normalised(
        (operation, body, mutations) in any_operation()
            .prop_flat_map(|op| (Just(op), valid_body(op), vec(mutation(op), 1..4))),
    ) {
        let mut input = Value::Object(body);
        for m in &mutations {
            apply(&mut input, m);
        }
        let validation = validate_json(operation, &input, &Options::default());
        let has_error = validation.issues().iter().any(|i| i.is_error());
        prop_assert_eq!(validation.is_ok(), !has_error);
        match validation.body() {
            Some(normalised) => {
                prop_assert!(drawn_from(normalised, &input), "{} is not drawn from {}", normalised, input);
                let again = validate_json(operation, normalised, &Options::default());
                prop_assert_eq!(again.body(), Some(normalised), "normalising {} is not idempotent", input);
                let bytes = serde_json::to_vec(normalised).unwrap();
                let request = build(&validation.clone().into_checked().unwrap());
                if !matches!(operation, Operation::ListPublicips | Operation::ListPorts) {
                    prop_assert_eq!(request.body, bytes);
                }
            }
            None => prop_assert!(validation.into_checked().is_err()),
        }
    }

    // (b) -------------------------------------------------------------------------------------

    #[test]
    fn list_queries_are_sent_and_signed_in_one_order(
        (operation, query) in select(vec![Operation::ListPublicips, Operation::ListPorts])
            .prop_flat_map(|op| (Just(op), list_query(op))),
        seed in any::<u64>(),
    ) {
        let checked = validate_json(operation, &Value::Object(query.clone()), &Options::default()).into_checked().unwrap();
        let request = build(&checked);
        prop_assert_eq!(build(&checked).url(), request.url(), "building twice gives the same URL");
        prop_assert!(request.query.windows(2).all(|w| w[0] <= w[1]), "not in canonical order: {:?}", request.query);

        // The same query given with its keys in another order.
        let mut entries: Vec<(String, Value)> = query.into_iter().collect();
        shuffle(&mut entries, seed);
        let reordered = Value::Object(entries.into_iter().collect());
        let again = validate_json(operation, &reordered, &Options::default()).into_checked().unwrap();
        prop_assert_eq!(build(&again).url(), request.url());

        // Signed with the pairs in any order: the same signature.
        let credentials = Credentials::new("AK", "SK");
        let signed = |query: &[(String, String)]| {
            sign(
                &SigningInput {
                    method: "GET",
                    host: &request.authority,
                    path: &request.path,
                    query,
                    headers: &request.headers,
                    body: &request.body,
                },
                &credentials,
                1_795_000_000,
            )
        };
        let mut shuffled = request.query.clone();
        shuffle(&mut shuffled, seed);
        prop_assert_eq!(signed(&shuffled), signed(&request.query));

        // signRequest's path (the URL taken apart) signs what the builder's request signs.
        let parts = UrlParts::parse(&request.url()).unwrap();
        prop_assert_eq!(&parts.query, &request.query);
        let mut built = request.clone();
        sign_request(&mut built, &credentials, 1_795_000_000);
        let from_url = sign(
            &SigningInput {
                method: "GET",
                host: &parts.authority,
                path: &parts.path,
                query: &parts.query,
                headers: &request.headers,
                body: b"",
            },
            &credentials,
            1_795_000_000,
        );
        prop_assert_eq!(built.header("authorization"), from_url.authorization());
    }

    #[test]
    fn signing_ignores_the_order_of_any_query_pairs(
        pairs in vec((any::<String>(), any::<String>()), 0..8),
        seed in any::<u64>(),
    ) {
        let credentials = Credentials::new("AK", "SK");
        let signed = |query: &[(String, String)]| {
            sign(
                &SigningInput { method: "GET", host: "vpc.example.com", path: "/v1/p/publicips", query, headers: &[], body: b"" },
                &credentials,
                1_795_000_000,
            )
        };
        let mut shuffled = pairs.clone();
        shuffle(&mut shuffled, seed);
        prop_assert_eq!(signed(&shuffled), signed(&pairs));
    }

    // (c) -------------------------------------------------------------------------------------

    #[test]
    fn a_typed_publicip_keeps_every_field(publicip in publicip_json(), top in btree_map("[a-z]{1,8}", any_json(), 0..3)) {
        // Directly from the JSON value.
        let original = Value::Object(publicip.clone());
        let typed: Publicip = serde_json::from_value(original.clone()).unwrap();
        prop_assert_eq!(serde_json::to_value(&typed).unwrap(), original.clone());

        // From the wire, through each operation that answers an EIP.
        let mut answer: Map<String, Value> = top.into_iter().filter(|(k, _)| k != "publicip").collect();
        answer.insert("publicip".into(), original.clone());
        let response = ok(&Value::Object(answer));
        let wire = Operation::ShowPublicip.parse_value(&response).unwrap();
        let typed = operation::show_publicip::parse(&response).unwrap();
        prop_assert_eq!(serde_json::to_value(typed).unwrap(), wire.clone());
        let typed = operation::create_prepaid_publicip::parse(&response).unwrap();
        prop_assert_eq!(serde_json::to_value(typed).unwrap(), wire);

        let page = ok(&json!({ "publicips": [original.clone(), original] }));
        let wire = Operation::ListPublicips.parse_value(&page).unwrap();
        let typed = operation::list_publicips::parse(&page).unwrap();
        prop_assert_eq!(serde_json::to_value(typed).unwrap(), wire);
    }

    #[test]
    fn a_typed_port_keeps_every_field(port in port_json()) {
        let original = Value::Object(port);
        let typed: Port = serde_json::from_value(original.clone()).unwrap();
        prop_assert_eq!(serde_json::to_value(&typed).unwrap(), original.clone());

        let response = ok(&json!({ "ports": [original] }));
        let wire = Operation::ListPorts.parse_value(&response).unwrap();
        let typed = operation::list_ports::parse(&response).unwrap();
        prop_assert_eq!(serde_json::to_value(typed).unwrap(), wire);
    }

    // (d) -------------------------------------------------------------------------------------

    #[test]
    fn sdk_date_and_parse_utc_round_trip(t in 0..=LAST_SECOND, fraction in option::of("[0-9]{1,6}"), space in any::<bool>()) {
        let d = sdk_date(t);
        prop_assert_eq!(d.len(), 16);
        prop_assert!(d.bytes().enumerate().all(|(i, b)| match i { 8 => b == b'T', 15 => b == b'Z', _ => b.is_ascii_digit() }), "{}", d);
        let sep = if space { ' ' } else { 'T' };
        let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
        let text = format!("{}-{}-{}{sep}{}:{}:{}{fraction}Z", &d[0..4], &d[4..6], &d[6..8], &d[9..11], &d[11..13], &d[13..15]);
        prop_assert_eq!(parse_utc(&text), Some(t), "{}", text);
    }

    #[test]
    fn parse_utc_and_sdk_date_round_trip(
        year in 1970..=9999i64, month in 1..=12i64, day in 1..=31i64, hour in 0..24i64, minute in 0..60i64, second in 0..60i64,
    ) {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month { 2 if leap => 29, 2 => 28, 4 | 6 | 9 | 11 => 30, _ => 31 };
        let text = format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}");
        match parse_utc(&text) {
            Some(t) => {
                prop_assert!(day <= days, "{} accepted", text);
                prop_assert_eq!(sdk_date(t), format!("{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z"));
            }
            None => prop_assert!(day > days, "{} refused", text),
        }
    }

    // (e) -------------------------------------------------------------------------------------

    #[test]
    fn query_encoding_is_reversible(pairs in vec((any::<String>(), any::<String>()), 0..6)) {
        // Only the unreserved set, the separators and `%XX` with upper-case hex.
        let encoded = encode_query(&pairs);
        let mut rest = encoded.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            rest = if b == b'%' {
                let hex = tail.get(..2).filter(|h| h.iter().all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(c)));
                prop_assert!(hex.is_some(), "a bad escape in {}", encoded);
                &tail[2..]
            } else {
                prop_assert!(b.is_ascii_alphanumeric() || b"-_.~=&".contains(&b), "{:?} unencoded in {}", b as char, encoded);
                tail
            };
        }
        let url = format!("https://vpc.example.com/v1/p/publicips?{encoded}");
        let parts = UrlParts::parse(&url).unwrap();
        prop_assert_eq!(parts.query, pairs);
    }

    // (f) -------------------------------------------------------------------------------------

    #[test]
    fn the_document_reader_agrees_with_serde_json(value in prop_oneof![any_json(), edgy_json()], pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let document = Document::parse(text.clone()).map_err(|e| TestCaseError::fail(format!("{e:?} in {text}")))?;
        if let Err(difference) = same_view(&document.root(), &Some(&value)) {
            return Err(TestCaseError::fail(format!("{difference} in {text}")));
        }
        for operation in Operation::with_input() {
            let body = json!({ "publicip": value.clone(), "bandwidth": value.clone(), "extendParam": value.clone() });
            let document = Document::parse(body.to_string()).unwrap();
            let options = Options::default();
            prop_assert_eq!(
                eipkit_core::validate(operation, &document.root(), &options),
                validate_json(operation, &body, &options)
            );
        }
    }
}
