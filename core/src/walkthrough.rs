//! The decisions of the bind-an-EIP-to-a-server walkthrough ([000]), without the I/O: which
//! port to bind, what an EIP's status means while waiting, and what can safely be undone when a
//! later step fails. The caller (the wasm client) makes the calls in between.

use crate::endpoint::check_id;
use crate::issue::{Allowed, Issue, IssueCode, Params};
use crate::model::{Port, Status};
use crate::node::Node;
use crate::operation::Operation;
use crate::reader::Reader;
use crate::validate::{Checked, Options, validate};
use serde_json::Value;

/// `waitForPublicip`'s options: the statuses to wait for, and how long and how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitOptions {
    pub until: Vec<String>,
    pub timeout_ms: u32,
    pub interval_ms: u32,
    /// How long a 404 counts as "not created yet" rather than "gone".
    pub not_found_grace_ms: u32,
}

pub const DEFAULT_WAIT_TIMEOUT_MS: u32 = 120_000;
pub const DEFAULT_INTERVAL_MS: u32 = 1_000;
pub const DEFAULT_NOT_FOUND_GRACE_MS: u32 = 30_000;

impl WaitOptions {
    pub fn new(until: &[&str]) -> WaitOptions {
        WaitOptions {
            until: until.iter().map(|s| (*s).to_owned()).collect(),
            timeout_ms: DEFAULT_WAIT_TIMEOUT_MS,
            interval_ms: DEFAULT_INTERVAL_MS,
            not_found_grace_ms: DEFAULT_NOT_FOUND_GRACE_MS,
        }
    }

    /// `{ until, timeoutMs?, intervalMs?, notFoundGraceMs? }`.
    pub fn from_node<N: Node>(node: &N) -> Result<WaitOptions, Vec<Issue>> {
        let mut r = Reader::new(node, "", &["until", "timeoutMs", "intervalMs", "notFoundGraceMs"])?;
        let until = r.texts("until").filter(|until| known_statuses(until, &mut r.issues));
        let (timeout_ms, interval_ms, not_found_grace_ms) = read_times(&mut r);
        let not_found_grace_ms = not_found_grace_ms.unwrap_or(DEFAULT_NOT_FOUND_GRACE_MS);
        r.finish()?;
        let until = until.ok_or_else(Vec::new)?;
        Ok(WaitOptions { until, timeout_ms, interval_ms, not_found_grace_ms })
    }
}

/// Every status waited for must be one the service has: a typo (`"active"`) would wait until
/// the timeout.
fn known_statuses(until: &[String], issues: &mut Vec<Issue>) -> bool {
    let before = issues.len();
    for (i, status) in until.iter().enumerate().filter(|(_, s)| !Status::KNOWN.contains(&s.as_str())) {
        let params = Params {
            allowed: Some(Allowed::Text(Status::KNOWN)),
            suggestion: crate::validate::suggest::closest(status, Status::KNOWN).map(str::to_owned),
            ..Params::default()
        };
        issues.push(Issue::error(format!("until.{i}"), IssueCode::Enum, params));
    }
    issues.len() == before
}

/// `timeoutMs`, `intervalMs` (with defaults) and `notFoundGraceMs` of a reader.
fn read_times<N: Node>(r: &mut Reader<'_, N>) -> (u32, u32, Option<u32>) {
    let ms = |v: Option<i64>, default: u32| v.and_then(|v| u32::try_from(v).ok()).unwrap_or(default);
    let timeout = ms(r.int("timeoutMs", 1, 3_600_000), DEFAULT_WAIT_TIMEOUT_MS);
    let interval = ms(r.int("intervalMs", 10, 60_000), DEFAULT_INTERVAL_MS);
    let grace = r.int("notFoundGraceMs", 0, 3_600_000).and_then(|v| u32::try_from(v).ok());
    (timeout, interval, grace)
}

/// `bindNewPublicipToServer`'s input, checked: which server (and port), what to create, and
/// how long each wait may take.
#[derive(Debug, Clone, PartialEq)]
pub struct BindNewInput {
    pub server_id: String,
    pub port_id: Option<String>,
    /// A body for the v1 create, or the v2.0 create when it has `extendParam`.
    pub create: Checked,
    pub wait_timeout_ms: u32,
    pub interval_ms: u32,
    pub not_found_grace_ms: u32,
}

impl BindNewInput {
    /// `{ serverId, create, portId?, timeoutMs?, intervalMs?, notFoundGraceMs? }`; the create
    /// body's issues come back under `create.`.
    pub fn from_node<N: Node>(node: &N, options: &Options) -> Result<BindNewInput, Vec<Issue>> {
        const KEYS: &[&str] = &["serverId", "portId", "create", "timeoutMs", "intervalMs", "notFoundGraceMs"];
        let mut r = Reader::new(node, "", KEYS)?;
        let server_id =
            r.text("serverId", true).filter(|id| check_id("serverId", id).map_err(|i| r.issues.push(i)).is_ok());
        let port_id = r.text("portId", false).filter(|id| check_id("portId", id).map_err(|i| r.issues.push(i)).is_ok());
        let (wait_timeout_ms, interval_ms, grace) = read_times(&mut r);
        let create = read_create(&r.node.member("create"), options, &mut r.issues);
        r.finish()?;
        match (server_id, create) {
            (Some(server_id), Some(create)) => Ok(BindNewInput {
                server_id,
                port_id,
                create,
                wait_timeout_ms,
                interval_ms,
                not_found_grace_ms: grace.unwrap_or(DEFAULT_NOT_FOUND_GRACE_MS),
            }),
            _ => Err(Vec::new()),
        }
    }

    pub fn is_prepaid_create(&self) -> bool {
        self.create.operation() == Operation::CreatePrepaidPublicip
    }
}

fn read_create<N: Node>(node: &N, options: &Options, issues: &mut Vec<Issue>) -> Option<Checked> {
    if node.shape().is_missing() {
        issues.push(Issue::error("create", IssueCode::Required, Params::default()));
        return None;
    }
    let has_extend_param = !node.member("extendParam").shape().is_missing();
    let operation = if has_extend_param { Operation::CreatePrepaidPublicip } else { Operation::CreatePublicip };
    let validation = validate(operation, node, options);
    let mut found: Vec<Issue> = validation.issues().iter().filter(|i| i.is_error()).cloned().collect();
    // The walkthrough chooses and binds the port itself, after the EIP exists.
    if !matches!(node.member("publicip").member("port_id").shape(), s if s.is_missing()) {
        let params = Params { field: Some("portId"), ..Params::default() };
        found.push(Issue::error("publicip.port_id", IssueCode::Conflict, params));
    }
    for mut issue in found.iter().cloned() {
        issue.path = if issue.path.is_empty() { "create".to_owned() } else { format!("create.{}", issue.path) };
        issues.push(issue);
    }
    if found.is_empty() { validation.into_checked().ok() } else { None }
}

/// What the port choice needs to know of a port: the wire JSON and the typed model both work.
pub trait PortLike {
    fn port_id(&self) -> Option<&str>;
    /// `binding:vif_details.primary_interface`.
    fn is_primary(&self) -> bool;
}

impl PortLike for Value {
    fn port_id(&self) -> Option<&str> {
        self.get("id").and_then(Value::as_str)
    }

    fn is_primary(&self) -> bool {
        self.pointer("/binding:vif_details/primary_interface").and_then(Value::as_bool).unwrap_or(false)
    }
}

impl PortLike for Port {
    fn port_id(&self) -> Option<&str> {
        Some(&self.id)
    }

    fn is_primary(&self) -> bool {
        Port::is_primary(self)
    }
}

/// Why a port was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortReason {
    /// The caller named it.
    Given,
    /// The server's primary interface.
    Primary,
    /// The server's only port.
    Only,
}

impl PortReason {
    pub fn as_str(self) -> &'static str {
        match self {
            PortReason::Given => "given",
            PortReason::Primary => "primary",
            PortReason::Only => "only",
        }
    }
}

/// The port to bind: the one the caller named (it must be one of the server's), else the
/// primary interface, else the only port. No port, or several with none primary, is an issue
/// that says what to do.
pub fn choose_port<'a, P: PortLike>(
    server_id: &str,
    ports: &'a [P],
    wanted: Option<&str>,
) -> Result<(&'a P, PortReason), Issue> {
    let ids = || Allowed::Owned(ports.iter().filter_map(|p| p.port_id().map(str::to_owned)).collect());
    if ports.is_empty() {
        let params = Params { value: Some(server_id.to_owned()), what: Some("port"), ..Params::default() };
        return Err(Issue::error("serverId", IssueCode::NotFound, params));
    }
    if let Some(wanted) = wanted {
        return ports.iter().find(|p| p.port_id() == Some(wanted)).map(|p| (p, PortReason::Given)).ok_or_else(|| {
            let params = Params { allowed: Some(ids()), ..Params::default() };
            Issue::error("portId", IssueCode::Enum, params)
        });
    }
    let primaries: Vec<&P> = ports.iter().filter(|p| p.is_primary()).collect();
    match (primaries.as_slice(), ports) {
        ([primary], _) => Ok((primary, PortReason::Primary)),
        (_, [only]) => Ok((only, PortReason::Only)),
        _ => {
            let params = Params {
                field: Some("serverId"),
                value: Some(server_id.to_owned()),
                allowed: Some(ids()),
                ..Params::default()
            };
            Err(Issue::error("portId", IssueCode::RequiredIf, params))
        }
    }
}

/// What an EIP's status means to someone waiting for `until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Reached,
    /// A status that will not turn into the wanted one (`ERROR`, `BIND_ERROR`).
    Failed,
    Pending,
}

pub fn judge(status: &str, until: &[String]) -> Verdict {
    if until.iter().any(|u| u == status) {
        Verdict::Reached
    } else if matches!(Status::from(status), Status::Error | Status::BindError) {
        Verdict::Failed
    } else {
        Verdict::Pending
    }
}

/// What a failed walkthrough had created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub publicip_id: String,
    /// Set for a prepaid create.
    pub order_id: Option<String>,
    /// The bind was requested (whether or not it completed).
    pub bind_requested: bool,
}

/// A step of the cleanup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// Unbind, then wait until the EIP is `DOWN` (a bound EIP cannot be released).
    Unbind { publicip_id: String },
    /// Release a pay-per-use EIP.
    Delete { publicip_id: String },
}

/// What cannot be undone through this API, named so it is never silently orphaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftBehind {
    pub publicip_id: Option<String>,
    pub order_id: Option<String>,
    pub reason: &'static str,
}

/// The cleanup plan for what a failed walkthrough created: unbind what may be bound; release a
/// pay-per-use EIP; name a prepaid order and its EIP, which only the billing center can end.
pub fn cleanup_plan(created: &Created) -> (Vec<Undo>, Vec<LeftBehind>) {
    let id = created.publicip_id.clone();
    let mut undo = Vec::new();
    if created.bind_requested {
        undo.push(Undo::Unbind { publicip_id: id.clone() });
    }
    match &created.order_id {
        None => {
            undo.push(Undo::Delete { publicip_id: id });
            (undo, Vec::new())
        }
        Some(order) => (
            undo,
            vec![LeftBehind {
                publicip_id: Some(id),
                order_id: Some(order.clone()),
                reason: "a prepaid EIP cannot be released through this API: unsubscribe its order in the billing center",
            }],
        ),
    }
}

/// A create whose outcome is unknown (the request may have reached the service).
pub fn unknown_create() -> LeftBehind {
    LeftBehind {
        publicip_id: None,
        order_id: None,
        reason: "the create request may have reached the service before it failed: check the EIP list for an EIP this call created",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn port(id: &str, primary: Option<bool>) -> Value {
        match primary {
            Some(p) => json!({ "id": id, "binding:vif_details": { "primary_interface": p } }),
            None => json!({ "id": id }),
        }
    }

    #[test]
    fn the_given_port_the_primary_or_the_only_one() {
        let two = [port("a", Some(false)), port("b", Some(true))];
        assert_eq!(choose_port("s", &two, None).map(|(p, r)| (p.port_id(), r)), Ok((Some("b"), PortReason::Primary)));
        assert_eq!(
            choose_port("s", &two, Some("a")).map(|(p, r)| (p.port_id(), r)),
            Ok((Some("a"), PortReason::Given))
        );
        let one = [port("only", None)];
        assert_eq!(choose_port("s", &one, None).map(|(p, r)| (p.port_id(), r)), Ok((Some("only"), PortReason::Only)));
    }

    #[test]
    fn no_port_several_candidates_or_a_foreign_port_are_issues() {
        let none: [Value; 0] = [];
        let issue = choose_port("srv", &none, None).unwrap_err();
        assert_eq!((issue.path.as_str(), issue.code), ("serverId", IssueCode::NotFound));
        assert!(issue.message(crate::Locale::En).contains("\"srv\" has no port"));
        let two = [port("a", None), port("b", Some(false))];
        let issue = choose_port("srv", &two, None).unwrap_err();
        assert_eq!((issue.path.as_str(), issue.code), ("portId", IssueCode::RequiredIf));
        assert_eq!(issue.params.allowed, Some(Allowed::Owned(vec!["a".into(), "b".into()])));
        let issue = choose_port("srv", &two, Some("c")).unwrap_err();
        assert_eq!((issue.path.as_str(), issue.code), ("portId", IssueCode::Enum));
        let both_primary = [port("a", Some(true)), port("b", Some(true))];
        assert_eq!(choose_port("srv", &both_primary, None).unwrap_err().code, IssueCode::RequiredIf);
    }

    #[test]
    fn statuses_while_waiting() {
        let down = vec!["DOWN".to_owned()];
        assert_eq!(judge("DOWN", &down), Verdict::Reached);
        assert_eq!(judge("PENDING_CREATE", &down), Verdict::Pending);
        assert_eq!(judge("BIND_ERROR", &down), Verdict::Failed);
        assert_eq!(judge("ERROR", &down), Verdict::Failed);
        assert_eq!(judge("ERROR", &["ERROR".to_owned()]), Verdict::Reached, "asked for explicitly");
        assert_eq!(judge("SOMETHING_NEW", &down), Verdict::Pending);
    }

    #[test]
    fn cleanup_undoes_what_is_safe_and_names_the_rest() {
        let (undo, left) = cleanup_plan(&Created { publicip_id: "e".into(), order_id: None, bind_requested: true });
        assert_eq!(undo, vec![Undo::Unbind { publicip_id: "e".into() }, Undo::Delete { publicip_id: "e".into() }]);
        assert!(left.is_empty());
        let (undo, left) =
            cleanup_plan(&Created { publicip_id: "e".into(), order_id: Some("CS1".into()), bind_requested: false });
        assert!(undo.is_empty());
        assert_eq!(left[0].order_id.as_deref(), Some("CS1"));
    }
}
