//! The decisions of the bind-an-EIP-to-a-server walkthrough ([000]), without the I/O: which
//! port to bind, what an EIP's status means while waiting, and what can safely be undone when a
//! later step fails. The caller (the wasm client) makes the calls in between.

use crate::endpoint::check_id;
use crate::issue::{Allowed, Issue, IssueCode, Params};
use crate::model::{Port, Status};
use crate::node::Node;
use crate::operation::Operation;
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
}

/// The statuses to wait for that the service does not have, as issues at `until.{i}`: a typo
/// (`"active"`) would wait until the timeout.
pub fn unknown_statuses(until: &[String]) -> Vec<Issue> {
    let mut issues = Vec::new();
    for (i, status) in until.iter().enumerate().filter(|(_, s)| !Status::KNOWN.contains(&s.as_str())) {
        let params = Params {
            allowed: Some(Allowed::Text(Status::KNOWN)),
            suggestion: crate::validate::closest(status, Status::KNOWN).map(str::to_owned),
            ..Params::default()
        };
        issues.push(Issue::error(format!("until.{i}"), IssueCode::Enum, params));
    }
    issues
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
    /// The walkthrough for `server_id` with a create body from [`BindNewInput::check_create`],
    /// the primary (or only) port and the default waits.
    pub fn new(server_id: &str, create: Checked) -> Result<BindNewInput, Vec<Issue>> {
        check_id("serverId", server_id).map_err(|issue| vec![issue])?;
        Ok(BindNewInput {
            server_id: server_id.to_owned(),
            port_id: None,
            create,
            wait_timeout_ms: DEFAULT_WAIT_TIMEOUT_MS,
            interval_ms: DEFAULT_INTERVAL_MS,
            not_found_grace_ms: DEFAULT_NOT_FOUND_GRACE_MS,
        })
    }

    /// Checks the create body: the v2.0 create when it has `extendParam`, else the v1 create,
    /// and no `publicip.port_id` (the walkthrough chooses and binds the port itself, after the
    /// EIP exists). Its issues come back under `create.`, errors only.
    pub fn check_create<N: Node>(create: &N, options: &Options) -> Result<Checked, Vec<Issue>> {
        if create.shape().is_missing() {
            return Err(vec![Issue::error("create", IssueCode::Required, Params::default())]);
        }
        let has_extend_param = !create.member("extendParam").shape().is_missing();
        let operation = if has_extend_param { Operation::CreatePrepaidPublicip } else { Operation::CreatePublicip };
        let validation = validate(operation, create, options);
        let mut found: Vec<Issue> = validation.issues().iter().filter(|i| i.is_error()).cloned().collect();
        if !create.member("publicip").member("port_id").shape().is_missing() {
            let params = Params { field: Some("portId"), ..Params::default() };
            found.push(Issue::error("publicip.port_id", IssueCode::Conflict, params));
        }
        if found.is_empty() {
            return validation.into_checked();
        }
        for issue in &mut found {
            issue.path = if issue.path.is_empty() { "create".to_owned() } else { format!("create.{}", issue.path) };
        }
        Err(found)
    }

    pub fn is_prepaid_create(&self) -> bool {
        self.create.operation() == Operation::CreatePrepaidPublicip
    }
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
