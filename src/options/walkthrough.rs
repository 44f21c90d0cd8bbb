//! `waitForPublicip`'s wait options and `bindNewPublicipToServer`'s input, read from their
//! camelCase JS objects into the core's typed inputs.

use super::Reader;
use eipkit_core::endpoint::check_id;
use eipkit_core::node::Node;
use eipkit_core::walkthrough::{
    BindNewInput, DEFAULT_INTERVAL_MS, DEFAULT_NOT_FOUND_GRACE_MS, DEFAULT_WAIT_TIMEOUT_MS, WaitOptions,
    unknown_statuses,
};
use eipkit_core::{Issue, Options};

/// `{ until, timeoutMs?, intervalMs?, notFoundGraceMs? }`.
pub fn read_wait<N: Node>(node: &N) -> Result<WaitOptions, Vec<Issue>> {
    let mut r = Reader::new(node, "", &["until", "timeoutMs", "intervalMs", "notFoundGraceMs"])?;
    let until = r.texts("until").filter(|until| {
        let unknown = unknown_statuses(until);
        let known = unknown.is_empty();
        r.issues.extend(unknown);
        known
    });
    let (timeout_ms, interval_ms, grace) = read_times(&mut r);
    r.finish()?;
    let until = until.ok_or_else(Vec::new)?;
    Ok(WaitOptions { until, timeout_ms, interval_ms, not_found_grace_ms: grace.unwrap_or(DEFAULT_NOT_FOUND_GRACE_MS) })
}

/// `{ serverId, create, portId?, timeoutMs?, intervalMs?, notFoundGraceMs? }`; the create
/// body's issues come back under `create.`.
pub fn read_bind_new<N: Node>(node: &N, options: &Options) -> Result<BindNewInput, Vec<Issue>> {
    const KEYS: &[&str] = &["serverId", "portId", "create", "timeoutMs", "intervalMs", "notFoundGraceMs"];
    let mut r = Reader::new(node, "", KEYS)?;
    let server_id =
        r.text("serverId", true).filter(|id| check_id("serverId", id).map_err(|i| r.issues.push(i)).is_ok());
    let port_id = r.text("portId", false).filter(|id| check_id("portId", id).map_err(|i| r.issues.push(i)).is_ok());
    let (wait_timeout_ms, interval_ms, grace) = read_times(&mut r);
    let create =
        BindNewInput::check_create(&r.node.member("create"), options).map_err(|issues| r.issues.extend(issues));
    r.finish()?;
    match (server_id, create) {
        (Some(server_id), Ok(create)) => Ok(BindNewInput {
            port_id,
            wait_timeout_ms,
            interval_ms,
            not_found_grace_ms: grace.unwrap_or(DEFAULT_NOT_FOUND_GRACE_MS),
            ..BindNewInput::new(&server_id, create)?
        }),
        _ => Err(Vec::new()),
    }
}

/// `timeoutMs`, `intervalMs` (with defaults) and `notFoundGraceMs` of a reader.
fn read_times<N: Node>(r: &mut Reader<'_, N>) -> (u32, u32, Option<u32>) {
    let ms = |v: Option<i64>, default: u32| v.and_then(|v| u32::try_from(v).ok()).unwrap_or(default);
    let timeout = ms(r.int("timeoutMs", 1, 3_600_000), DEFAULT_WAIT_TIMEOUT_MS);
    let interval = ms(r.int("intervalMs", 10, 60_000), DEFAULT_INTERVAL_MS);
    let grace = r.int("notFoundGraceMs", 0, 3_600_000).and_then(|v| u32::try_from(v).ok());
    (timeout, interval, grace)
}
