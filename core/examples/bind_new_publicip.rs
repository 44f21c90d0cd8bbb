//! The [000] walkthrough natively from Rust: binds a new EIP to a server, driven by the core's
//! own state machine ([`BindNew`]) over a blocking HTTP client (ureq). The same machine runs
//! `bindNewPublicipToServer` in the wasm package; this loop is the whole driver.
//!
//! ```sh
//! cargo run -p eipkit-core --example bind_new_publicip -- \
//!   --endpoint http://127.0.0.1:8787 --project-id 0605767a5c5d4e5e8c9f1a2b3c4d5e6f --token TOKEN \
//!   --server-id ea61f836-b52f-41bf-9d06-685644001d6f \
//!   --body '{"publicip":{"type":"5_bgp"},"bandwidth":{"share_type":"PER","name":"bw","size":5}}'
//! ```
//!
//! `--ak AK --sk SK` signs instead of `--token`; `--port-id`, `--timeout-ms`, `--interval-ms`
//! are optional. Progress goes to standard error, one JSON event a line; the bound EIP's JSON
//! (`{ "publicip": {...} }`) is the last line of standard output. On failure the error and the
//! cleanup report go to standard error, and the exit status is 1 (2 for a bad command line).

use eipkit_core::auth::{Auth, authorize};
use eipkit_core::endpoint::check_id;
use eipkit_core::error::redact;
use eipkit_core::http::Response;
use eipkit_core::machine::{BindNew, Event, Machine, Next, Outgoing, Policy, Tick};
use eipkit_core::operation::Config;
use eipkit_core::sign::{Credentials, Secret};
use eipkit_core::walkthrough::BindNewInput;
use eipkit_core::{Error, Locale, Options};
use serde_json::{Value, json};
use std::io::Read;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The longest answer read (an EIP answer is a few KB).
const MAX_ANSWER_BYTES: u64 = 8 * 1024 * 1024;

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let secrets = args.secrets();
    let redact = move |text: &str| redact(text, &secrets.iter().map(String::as_str).collect::<Vec<_>>());
    let (config, input) = match args.checked() {
        Ok(checked) => checked,
        Err(issues) => {
            for issue in issues {
                eprintln!("invalid: {}", issue.message(Locale::En));
            }
            return ExitCode::FAILURE;
        }
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false) // the machine reads error answers itself
        .max_redirects(0) // never send credentials where the endpoint did not say
        .build()
        .into();
    let mut machine = BindNew::new(input, &config, Policy::default(), Policy::default(), now_ms());
    let mut random = Random::seeded();
    loop {
        while let Some(progress) = machine.poll_progress() {
            eprintln!("{}", progress.to_json(Locale::En, &redact));
        }
        let event = match machine.poll() {
            Next::Send(outgoing) => {
                let outgoing = outgoing.clone();
                Event::Answer(send(&agent, &outgoing, &args.auth, &config.project_id))
            }
            Next::Sleep(sleep) => {
                std::thread::sleep(Duration::from_millis(sleep.ms.into()));
                Event::Woke
            }
            Next::Done(answer) => {
                println!("{}", json!({ "publicip": answer["publicip"] }));
                return ExitCode::SUCCESS;
            }
            Next::Failed(failure) => {
                eprintln!("error ({}): {}", failure.operation(), failure.message(Locale::En, &redact));
                if let Some(cleanup) = &failure.cleanup {
                    eprintln!("cleanup: {}", cleanup.to_json(Locale::En, &redact));
                }
                return ExitCode::FAILURE;
            }
        };
        machine.handle(event, Tick { now_ms: now_ms(), random: random.next() });
    }
}

/// Adds the credentials (signed now, for AK/SK) and sends with ureq.
fn send(agent: &ureq::Agent, outgoing: &Outgoing, auth: &Auth, project_id: &str) -> Result<Response, Error> {
    let mut request = outgoing.request.clone();
    let now = i64::try_from(now_ms() / 1000).unwrap_or_default();
    authorize(&mut request, auth, project_id, now);
    let mut builder = ureq::http::Request::builder().method(request.method.as_str()).uri(request.url());
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let built = builder.body(request.body).map_err(|e| Error::Network(e.to_string()))?;
    let timeout = Some(Duration::from_millis(outgoing.timeout_ms.into()));
    let built = agent.configure_request(built).timeout_global(timeout).build();
    let mut answer = agent.run(built).map_err(|e| match e {
        ureq::Error::Timeout(_) => Error::attempt_timeout(outgoing.timeout_ms),
        other => Error::Network(other.to_string()),
    })?;
    let headers = answer
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
        .collect();
    let body = answer
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER_BYTES)
        .read_to_vec()
        .map_err(|e| Error::Network(format!("the answer could not be read: {e}")))?;
    Ok(Response::new(answer.status().as_u16(), headers, body))
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Jitter for the retry backoff (xorshift; it only needs to differ between clients).
struct Random(u64);

impl Random {
    fn seeded() -> Random {
        Random(now_ms() ^ u64::from(std::process::id()) << 32 | 1)
    }

    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

const USAGE: &str = "usage: bind_new_publicip --endpoint URL --project-id ID (--token TOKEN | --ak AK --sk SK) \
--server-id ID --body JSON [--port-id ID] [--timeout-ms N] [--interval-ms N]  (--body - reads standard input)";

struct Args {
    endpoint: String,
    project_id: String,
    auth: Auth,
    server_id: String,
    /// The create body, as `bindNewPublicipToServer` takes it.
    create: Value,
    port_id: Option<String>,
    timeout_ms: Option<u32>,
    interval_ms: Option<u32>,
}

impl Args {
    fn parse(args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut flags = std::collections::BTreeMap::new();
        let mut args = args.peekable();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
            flags.insert(flag, value);
        }
        let mut take = |flag: &str| flags.remove(flag);
        let required = |value: Option<String>, flag: &str| value.ok_or_else(|| format!("{flag} is required"));
        let endpoint = required(take("--endpoint"), "--endpoint")?;
        let project_id = required(take("--project-id"), "--project-id")?;
        let auth = match (take("--token"), take("--ak"), take("--sk")) {
            (Some(token), None, None) => Auth::Token(Secret::new(token)),
            (None, Some(ak), Some(sk)) => Auth::AkSk(Credentials::new(ak, sk)),
            _ => return Err("give --token, or --ak and --sk".to_owned()),
        };
        let server_id = required(take("--server-id"), "--server-id")?;
        let body = required(take("--body"), "--body")?;
        let body = if body == "-" { read_stdin()? } else { body };
        let create: Value = serde_json::from_str(&body).map_err(|e| format!("--body is not JSON: {e}"))?;
        let port_id = take("--port-id");
        let mut ms = |flag: &str| match take(flag) {
            Some(ms) => ms.parse::<u32>().map(Some).map_err(|_| format!("{flag} must be a number of milliseconds")),
            None => Ok(None),
        };
        let (timeout_ms, interval_ms) = (ms("--timeout-ms")?, ms("--interval-ms")?);
        match flags.keys().next() {
            Some(unknown) => Err(format!("unknown option {unknown}")),
            None => Ok(Args { endpoint, project_id, auth, server_id, create, port_id, timeout_ms, interval_ms }),
        }
    }

    /// The endpoint and the walkthrough's input, checked by the same rules as in JS.
    fn checked(&self) -> Result<(Config, BindNewInput), Vec<eipkit_core::Issue>> {
        let config = Config::new(&self.endpoint, &self.project_id)?;
        let create = BindNewInput::check_create(&Some(&self.create), &Options::default())?;
        let mut input = BindNewInput::new(&self.server_id, create)?;
        if let Some(port_id) = &self.port_id {
            check_id("portId", port_id).map_err(|issue| vec![issue])?;
            input.port_id = Some(port_id.clone());
        }
        input.wait_timeout_ms = self.timeout_ms.unwrap_or(input.wait_timeout_ms);
        input.interval_ms = self.interval_ms.unwrap_or(input.interval_ms);
        Ok((config, input))
    }

    fn secrets(&self) -> Vec<String> {
        match &self.auth {
            Auth::Token(token) => vec![token.expose().to_owned()],
            Auth::AkSk(keys) => vec![keys.secret_key.expose().to_owned()],
            Auth::Headers(headers) => headers.iter().map(|(_, value)| value.expose().to_owned()).collect(),
        }
    }
}

fn read_stdin() -> Result<String, String> {
    let mut body = String::new();
    std::io::stdin().read_to_string(&mut body).map_err(|e| format!("standard input: {e}"))?;
    Ok(body)
}
