//! `EipClient`'s engine (exported as `RawClient`; the package's JS entry wraps it). Each method
//! validates its input with the core first (invalid input rejects with no network call), then
//! hands the core's retry machine to the driver.

use crate::call_options::CallOptions;
use crate::driver::{Credential, Driver};
use crate::errors::{Secrets, validation_error};
use crate::snapshot::Snapshot;
use crate::to_js;
use crate::transport::Transport;
use eipkit_core::config::{AuthConfig, ClientConfig};
use eipkit_core::machine::{Attempts, Policy};
use eipkit_core::operation::{self as op, Call};
use eipkit_core::{Checked, Issue, IssueCode, Operation, Options, Params, validate};
use js_sys::{Function, Object, Promise, Reflect};
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen]
pub struct RawClient {
    pub(crate) inner: Rc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) config: ClientConfig,
    /// The credentials and every token a provider has handed over: never in a failure.
    secrets: Secrets,
    transport: Transport,
    /// `auth.tokenProvider`, when the caller supplies tokens.
    provider: Option<Function>,
}

/// A function member of a JS object (already type-checked by the core's config reader).
fn function(object: &JsValue, key: &str) -> Option<Function> {
    Reflect::get(object, &key.into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
}

#[wasm_bindgen]
impl RawClient {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<RawClient, JsValue> {
        let fail = |issues: Vec<Issue>, locale| validation_error("EipClient", issues, locale);
        let config = ClientConfig::from_node(&Snapshot::of(&options).node())
            .map_err(|issues| fail(issues, Default::default()))?;
        let fetch = if config.custom_fetch { function(&options, "fetch") } else { None };
        let provider = match config.auth {
            AuthConfig::Provider => {
                let auth = Reflect::get(&options, &"auth".into()).unwrap_or(JsValue::UNDEFINED);
                let provider = function(&auth, "tokenProvider");
                if provider.is_none() {
                    let params = Params { expected: Some("function"), ..Params::default() };
                    return Err(fail(vec![Issue::error("auth.tokenProvider", IssueCode::Type, params)], config.locale));
                }
                provider
            }
            _ => None,
        };
        let secrets = Secrets::new(match &config.auth {
            AuthConfig::Token(t) => vec![t.expose().to_owned()],
            AuthConfig::AkSk(c) => vec![c.secret_key.expose().to_owned(), c.access_key.clone()],
            AuthConfig::Provider => Vec::new(),
        });
        Ok(RawClient { inner: Rc::new(Inner { transport: Transport::new(fetch), config, provider, secrets }) })
    }

    #[wasm_bindgen(js_name = createPublicip)]
    pub fn create_publicip(&self, body: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::CreatePublicip, [JsValue::UNDEFINED, body], options)
    }

    #[wasm_bindgen(js_name = createPrepaidPublicip)]
    pub fn create_prepaid_publicip(&self, body: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::CreatePrepaidPublicip, [JsValue::UNDEFINED, body], options)
    }

    #[wasm_bindgen(js_name = updatePublicip)]
    pub fn update_publicip(&self, publicip_id: JsValue, body: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::UpdatePublicip, [publicip_id, body], options)
    }

    /// Binds to a port: an update with `port_id`.
    #[wasm_bindgen(js_name = bindPublicip)]
    pub fn bind_publicip(&self, publicip_id: JsValue, port_id: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::BindPublicip, [publicip_id, port_id], options)
    }

    /// Unbinds: an update without `port_id` ([004]: absent means unbind).
    #[wasm_bindgen(js_name = unbindPublicip)]
    pub fn unbind_publicip(&self, publicip_id: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::UnbindPublicip, [publicip_id, JsValue::UNDEFINED], options)
    }

    #[wasm_bindgen(js_name = showPublicip)]
    pub fn show_publicip(&self, publicip_id: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::ShowPublicip, [publicip_id, JsValue::UNDEFINED], options)
    }

    #[wasm_bindgen(js_name = deletePublicip)]
    pub fn delete_publicip(&self, publicip_id: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::DeletePublicip, [publicip_id, JsValue::UNDEFINED], options)
    }

    /// One page: `{ page: { publicips }, next }`, `next` being the next page's query (null on the last).
    #[wasm_bindgen(js_name = listPublicipsPage)]
    pub fn list_publicips_page(&self, query: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::ListPublicips, [JsValue::UNDEFINED, query], options)
    }

    #[wasm_bindgen(js_name = listPorts)]
    pub fn list_ports(&self, query: JsValue, options: JsValue) -> Promise {
        self.spawn(Method::ListPorts, [JsValue::UNDEFINED, query], options)
    }
}

impl RawClient {
    /// Every method takes the same road: one future type, one driver.
    fn spawn(&self, method: Method, args: [JsValue; 2], options: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let call = inner.prepare(method, args)?;
            let options = CallOptions::read(&options, crate::call_options::PLAIN)
                .map_err(|issues| validation_error(method.name(), issues, inner.config.locale))?;
            let mut machine = Attempts::new(&call, &inner.config.service, inner.policy(&options));
            inner.driver(&options).run(&mut machine, &|value| answer(&call, value)).await
        })
    }
}

/// What a call resolves to in JS.
fn answer(call: &Call, value: &Value) -> JsValue {
    match call {
        // One page, and the next page's query: this one's, with the marker after this page.
        Call::ListPublicips(query) => {
            let limit = query.body().get("limit").and_then(Value::as_u64);
            let next = op::list_publicips::next_marker_of_value(limit, value).map(|marker| {
                let mut next = query.body().clone();
                if let Some(fields) = next.as_object_mut() {
                    fields.insert("marker".to_owned(), marker.into());
                }
                next
            });
            to_js(&serde_json::json!({ "page": value, "next": next }))
        }
        Call::DeletePublicip(_) => JsValue::UNDEFINED,
        _ => to_js(value),
    }
}

/// The client methods, as JS names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Method {
    CreatePublicip,
    CreatePrepaidPublicip,
    UpdatePublicip,
    BindPublicip,
    UnbindPublicip,
    ShowPublicip,
    DeletePublicip,
    ListPublicips,
    ListPorts,
}

impl Method {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Method::CreatePublicip => "createPublicip",
            Method::CreatePrepaidPublicip => "createPrepaidPublicip",
            Method::UpdatePublicip => "updatePublicip",
            Method::BindPublicip => "bindPublicip",
            Method::UnbindPublicip => "unbindPublicip",
            Method::ShowPublicip => "showPublicip",
            Method::DeletePublicip => "deletePublicip",
            Method::ListPublicips => "listPublicips",
            Method::ListPorts => "listPorts",
        }
    }
}

/// `{ publicip: { port_id } }` to bind, `{ publicip: {} }` to unbind.
fn update_body(port_id: Option<&JsValue>) -> JsValue {
    let publicip = Object::new();
    if let Some(port_id) = port_id {
        let _ = Reflect::set(&publicip, &"port_id".into(), port_id);
    }
    let body = Object::new();
    let _ = Reflect::set(&body, &"publicip".into(), &publicip);
    body.into()
}

/// A missing query is the empty query.
fn or_empty(query: JsValue) -> JsValue {
    if query.is_undefined() || query.is_null() { Object::new().into() } else { query }
}

impl Inner {
    /// How a call is attempted: the client's retries and timeout, or the call's own timeout.
    pub(crate) fn policy(&self, options: &CallOptions) -> Policy {
        Policy {
            retries: self.config.retries,
            timeout_ms: options.timeout_ms.unwrap_or(self.config.timeout_ms),
            renewable_token: self.provider.is_some(),
            ..Policy::default()
        }
    }

    /// A driver for one call, with the caller's signal and progress callback.
    pub(crate) fn driver<'a>(&'a self, options: &'a CallOptions) -> Driver<'a> {
        let credential = match (&self.config.auth, &self.provider) {
            (AuthConfig::Token(token), _) => Credential::Token(token),
            (AuthConfig::AkSk(keys), _) => Credential::AkSk(keys),
            (AuthConfig::Provider, Some(provider)) => Credential::Provider(provider),
            (AuthConfig::Provider, None) => Credential::None,
        };
        Driver {
            transport: &self.transport,
            credential,
            project_id: &self.config.service.project_id,
            signal: options.signal.as_ref(),
            on_progress: options.on_progress.as_ref(),
            locale: self.config.locale,
            secrets: &self.secrets,
        }
    }

    /// Validates an input for `operation`, with the client's region.
    pub(crate) fn checked(&self, name: &'static str, operation: Operation, input: JsValue) -> Result<Checked, JsValue> {
        let options = Options { region: self.config.region.clone() };
        validate(operation, &Snapshot::of(&input).node(), &options)
            .into_checked()
            .map_err(|issues| validation_error(name, issues, self.config.locale))
    }

    /// A path id given by the caller: a string (its format is checked by the builder).
    pub(crate) fn id(&self, name: &'static str, value: &JsValue) -> Result<String, JsValue> {
        value.as_string().ok_or_else(|| {
            let received = eipkit_core::node::Node::shape(&Snapshot::of(value).node()).type_name();
            let params = Params { expected: Some("string"), received: Some(received), ..Params::default() };
            validation_error(name, vec![Issue::error("publicip_id", IssueCode::Type, params)], self.config.locale)
        })
    }

    /// Turns a method's arguments into a validated call (no network yet).
    pub(crate) fn prepare(&self, method: Method, [id, input]: [JsValue; 2]) -> Result<Call, JsValue> {
        let name = method.name();
        Ok(match method {
            Method::CreatePublicip => Call::CreatePublicip(self.checked(name, Operation::CreatePublicip, input)?),
            Method::CreatePrepaidPublicip => {
                Call::CreatePrepaidPublicip(self.checked(name, Operation::CreatePrepaidPublicip, input)?)
            }
            Method::UpdatePublicip | Method::BindPublicip | Method::UnbindPublicip => {
                let id = self.id(name, &id)?;
                let body = match method {
                    Method::BindPublicip => update_body(Some(&input)),
                    Method::UnbindPublicip => update_body(None),
                    _ => input,
                };
                Call::UpdatePublicip { name, id, body: self.checked(name, Operation::UpdatePublicip, body)? }
            }
            Method::ShowPublicip => Call::ShowPublicip(self.id(name, &id)?),
            Method::DeletePublicip => Call::DeletePublicip(self.id(name, &id)?),
            Method::ListPublicips => {
                Call::ListPublicips(self.checked(name, Operation::ListPublicips, or_empty(input))?)
            }
            Method::ListPorts => Call::ListPorts(self.checked(name, Operation::ListPorts, or_empty(input))?),
        })
    }
}
