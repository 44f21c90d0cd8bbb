//! `EipClient`'s engine (exported as `RawClient`; the package's JS entry wraps it). Each method
//! validates its input with the core first (invalid input rejects with no network call), then
//! runs the core's builder and parser around the retry loop.

use crate::attempts::Attempts;
use crate::call_options::CallOptions;
use crate::errors::{Context, Secrets};
use crate::snapshot::Snapshot;
use crate::to_js;
use crate::transport::settle;
use crate::transport::{Transport, describe};
use eipkit_core::auth::{Auth, authorize};
use eipkit_core::config::{AuthConfig, ClientConfig};
use eipkit_core::http::{Request, Response};
use eipkit_core::operation::{self as op, Config};
use eipkit_core::sign::Secret;
use eipkit_core::{Checked, Error, Issue, IssueCode, Operation, Options, Params, validate};
use js_sys::{Function, Object, Promise, Reflect};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

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
        let fail = |issues: &[Issue], locale| {
            Context { operation: "EipClient", locale, safe_to_repeat: false, secrets: None }.validation(issues)
        };
        let config = ClientConfig::from_node(&Snapshot::of(&options).node())
            .map_err(|issues| fail(&issues, Default::default()))?;
        let fetch = if config.custom_fetch { function(&options, "fetch") } else { None };
        let provider = match config.auth {
            AuthConfig::Provider => {
                let auth = Reflect::get(&options, &"auth".into()).unwrap_or(JsValue::UNDEFINED);
                let provider = function(&auth, "tokenProvider");
                if provider.is_none() {
                    let params = Params { expected: Some("function"), ..Params::default() };
                    return Err(fail(&[Issue::error("auth.tokenProvider", IssueCode::Type, params)], config.locale));
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
    /// Every method takes the same road: one future type, one retry loop.
    fn spawn(&self, method: Method, args: [JsValue; 2], options: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let call = inner.prepare(method, args)?;
            let value = inner.execute(&call, &options).await?;
            Ok(match (&call, value) {
                (Call::ListPublicips(query), page) => {
                    // The next page's query: this one's, with the marker after this page.
                    let limit = query.body().get("limit").and_then(serde_json::Value::as_u64);
                    let next = op::list_publicips::next_marker_of_value(limit, &page).map(|marker| {
                        let mut next = query.body().clone();
                        if let Some(fields) = next.as_object_mut() {
                            fields.insert("marker".to_owned(), marker.into());
                        }
                        next
                    });
                    to_js(&serde_json::json!({ "page": page, "next": next }))
                }
                (Call::DeletePublicip(_), _) => JsValue::UNDEFINED,
                (_, value) => to_js(&value),
            })
        })
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
    fn name(self) -> &'static str {
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

/// A validated call, ready to build as often as attempts need.
pub(crate) enum Call {
    CreatePublicip(Checked),
    CreatePrepaidPublicip(Checked),
    UpdatePublicip { name: &'static str, id: String, body: Checked },
    ShowPublicip(String),
    DeletePublicip(String),
    ListPublicips(Checked),
    ListPorts(Checked),
}

impl Call {
    fn name(&self) -> &'static str {
        match self {
            Call::CreatePublicip(_) => "createPublicip",
            Call::CreatePrepaidPublicip(_) => "createPrepaidPublicip",
            Call::UpdatePublicip { name, .. } => name,
            Call::ShowPublicip(_) => "showPublicip",
            Call::DeletePublicip(_) => "deletePublicip",
            Call::ListPublicips(_) => "listPublicips",
            Call::ListPorts(_) => "listPorts",
        }
    }

    fn build(&self, config: &Config) -> Result<Request, Error> {
        match self {
            Call::CreatePublicip(body) => op::create_publicip::build(config, body),
            Call::CreatePrepaidPublicip(body) => op::create_prepaid_publicip::build(config, body),
            Call::UpdatePublicip { id, body, .. } => op::update_publicip::build(config, id, body),
            Call::ShowPublicip(id) => op::show_publicip::build(config, id),
            Call::DeletePublicip(id) => op::delete_publicip::build(config, id),
            Call::ListPublicips(query) => op::list_publicips::build(config, query),
            Call::ListPorts(query) => op::list_ports::build(config, query),
        }
    }

    fn parse(&self, response: &Response) -> Result<serde_json::Value, Error> {
        match self {
            Call::CreatePublicip(_) => op::create_publicip::parse_value(response),
            Call::CreatePrepaidPublicip(_) => op::create_prepaid_publicip::parse_value(response),
            Call::UpdatePublicip { .. } => op::update_publicip::parse_value(response),
            Call::ShowPublicip(_) => op::show_publicip::parse_value(response),
            Call::DeletePublicip(_) => op::delete_publicip::parse_value(response),
            Call::ListPublicips(_) => op::list_publicips::parse_value(response),
            Call::ListPorts(_) => op::list_ports::parse_value(response),
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
    pub(crate) fn context<'a>(&'a self, operation: &'a str, safe_to_repeat: bool) -> Context<'a> {
        Context { operation, locale: self.config.locale, safe_to_repeat, secrets: Some(&self.secrets) }
    }

    /// Validates an input for `operation`, with the client's region.
    pub(crate) fn checked(&self, name: &str, operation: Operation, input: JsValue) -> Result<Checked, JsValue> {
        let options = Options { region: self.config.region.clone() };
        validate(operation, &Snapshot::of(&input).node(), &options)
            .into_checked()
            .map_err(|issues| self.context(name, false).validation(&issues))
    }

    /// A path id given by the caller: a string (its format is checked by the builder).
    pub(crate) fn id(&self, name: &str, value: &JsValue) -> Result<String, JsValue> {
        value.as_string().ok_or_else(|| {
            let received = eipkit_core::node::Node::shape(&Snapshot::of(value).node()).type_name();
            let params = Params { expected: Some("string"), received: Some(received), ..Params::default() };
            self.context(name, false).validation(&[Issue::error("publicip_id", IssueCode::Type, params)])
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

    /// Runs one call with the caller's options (`{ signal?, timeoutMs? }`).
    pub(crate) async fn execute(&self, call: &Call, options: &JsValue) -> Result<serde_json::Value, JsValue> {
        let options = CallOptions::read(options, crate::call_options::PLAIN)
            .map_err(|issues| self.context(call.name(), false).validation(&issues))?;
        self.execute_with(call, &options).await
    }

    /// Runs one call: a first build (so a bad id fails before any network), then the retry
    /// loop. The answer is the service's JSON. Boxed: every caller shares one state machine
    /// instead of embedding its own copy (a large saving in module size).
    pub(crate) fn execute_with<'a>(
        &'a self,
        call: &'a Call,
        options: &'a CallOptions,
    ) -> Pin<Box<dyn Future<Output = Result<serde_json::Value, JsValue>> + 'a>> {
        Box::pin(self.execute_inner(call, options))
    }

    async fn execute_inner(&self, call: &Call, options: &CallOptions) -> Result<serde_json::Value, JsValue> {
        let first = call.build(&self.config.service);
        let safe = first.as_ref().is_ok_and(|r| r.method.is_idempotent());
        let context = self.context(call.name(), safe);
        first.map_err(|e| context.error(&e))?;
        let attempts = Attempts {
            transport: &self.transport,
            retries: self.config.retries,
            timeout_ms: options.timeout_ms.unwrap_or(self.config.timeout_ms),
            signal: options.signal.as_ref(),
            context: &context,
            renewable_auth: self.provider.is_some(),
        };
        let prepare = async |renew| {
            let mut request = call.build(&self.config.service).map_err(|e| context.error(&e))?;
            self.authorize(&mut request, renew, &context).await?;
            Ok(request)
        };
        attempts.run(prepare, |response| call.parse(response)).await
    }

    async fn authorize(&self, request: &mut Request, renew: bool, context: &Context<'_>) -> Result<(), JsValue> {
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let auth = match &self.config.auth {
            AuthConfig::Token(token) => Auth::Token(token.clone()),
            AuthConfig::AkSk(credentials) => Auth::AkSk(credentials.clone()),
            AuthConfig::Provider => Auth::Token(self.provider_token(renew, context).await?),
        };
        authorize(request, &auth, &self.config.service.project_id, now);
        Ok(())
    }

    /// Asks `auth.tokenProvider({ forceRefresh })` for a token.
    async fn provider_token(&self, renew: bool, context: &Context<'_>) -> Result<Secret, JsValue> {
        let Some(provider) = &self.provider else { return Err(JsValue::UNDEFINED) };
        let failed = |message: String| {
            context.dispatch(&crate::transport::DispatchError::Network(format!("the token provider failed: {message}")))
        };
        let arg = Object::new();
        let _ = Reflect::set(&arg, &"forceRefresh".into(), &renew.into());
        let returned = provider.call1(&JsValue::UNDEFINED, &arg).map_err(|e| failed(describe(&e)))?;
        let token = JsFuture::from(settle(&returned)).await.map_err(|e| {
            // An eipkit failure (e.g. from the IAM provider) passes through as it is.
            if Reflect::get(&e, &"__eipkit".into()).is_ok_and(|m| m.is_truthy()) { e } else { failed(describe(&e)) }
        })?;
        let token = token.as_string().filter(|t| !t.trim().is_empty());
        let Some(token) = token else { return Err(failed("it did not resolve to a token string".to_owned())) };
        self.secrets.add(&token);
        if !eipkit_core::error::is_header_value(&token) {
            let params = Params { format: Some("header_value"), ..Params::default() };
            return Err(context.validation(&[Issue::error("auth.tokenProvider", IssueCode::Format, params)]));
        }
        Ok(Secret::new(token))
    }
}
