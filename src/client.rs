//! `EipClient`'s engine (exported as `RawClient`; the package's JS entry wraps it). One entry,
//! `call(method, args, options)`, serves every operation of the core's registry: the arguments
//! become a validated call as the registry says (invalid input rejects with no network call),
//! and the core's retry machine runs in the driver.

use crate::driver::{Credential, Driver};
use crate::errors::{Secrets, validation_error};
use crate::options::CallOptions;
use crate::options::{AuthConfig, ClientConfig};
use crate::snapshot::Snapshot;
use crate::to_js;
use crate::transport::Transport;
use eipkit_core::auth::Auth;
use eipkit_core::machine::{Attempts, Policy};
use eipkit_core::operation::{Call, ClientMethod, Input, Param};
use eipkit_core::{Allowed, Checked, Issue, IssueCode, Operation, Options, Params, validate};
use js_sys::{Array, Function, Object, Promise, Reflect};
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

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
            AuthConfig::Headers(headers) => headers.iter().map(|(_, value)| value.expose().to_owned()).collect(),
        });
        Ok(RawClient {
            inner: Rc::new(Inner {
                transport: Transport::new(fetch, config.max_response_bytes),
                config,
                provider,
                secrets,
            }),
        })
    }

    /// Sends one registered operation through the client method `method` (`createPublicip`,
    /// `bindPublicip`, ...: the registry's names), with `args` before the call options.
    pub fn call(&self, method: String, args: Array, options: JsValue) -> Promise {
        self.send(&method, &args, &options, false)
    }

    /// [`RawClient::call`] for a proxy (`eipkit/proxy`): sent once as the options say, and
    /// resolved with the upstream answer as it is, `{ status, requestId, contentType, retryAfter, body }`,
    /// whatever its status (a redirect, an over-long answer or a 401 still reject).
    pub fn forward(&self, method: String, args: Array, options: JsValue) -> Promise {
        self.send(&method, &args, &options, true)
    }
}

impl RawClient {
    fn send(&self, method: &str, args: &Array, options: &JsValue, forward: bool) -> Promise {
        let inner = &self.inner;
        let Some((operation, method)) = Operation::client_method(method) else {
            let names = Operation::ALL.iter().flat_map(|op| op.spec().client_methods().map(|m| m.name.to_owned()));
            let params = Params { allowed: Some(Allowed::Owned(names.collect())), ..Params::default() };
            let issue = Issue::error("method", IssueCode::Enum, params);
            return Promise::reject(&validation_error("EipClient", vec![issue], inner.config.locale));
        };
        let prepared = inner.prepare(operation, method, args).and_then(|call| {
            let options = CallOptions::read(options, crate::options::PLAIN)
                .map_err(|issues| validation_error(method.name, issues, inner.config.locale))?;
            Ok((call, options))
        });
        let (call, options) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return Promise::reject(&error),
        };
        let policy = inner.policy(&options);
        if forward {
            let machine = Attempts::forward(&call, &inner.config.service, policy);
            return inner.driver(options).spawn(Box::new(machine), Box::new(|outcome| outcome.map(to_js)));
        }
        let machine = Attempts::new(&call, &inner.config.service, policy);
        inner
            .driver(options)
            .spawn(Box::new(machine), Box::new(move |outcome| outcome.map(|value| answer(&call, value))))
    }
}

/// What a call resolves to in JS: the answer's JSON; nothing for an operation that answers
/// nothing; for a page of a list, `{ page, next }`, `next` being the next page's query.
fn answer(call: &Call, value: &Value) -> JsValue {
    let answer = &call.operation().spec().answer;
    if answer.shape.is_none() {
        JsValue::UNDEFINED
    } else if answer.page_of.is_some() {
        to_js(&serde_json::json!({ "page": value, "next": call.next_page(value) }))
    } else {
        to_js(value)
    }
}

/// Puts `value` at a dotted `path` of `object`, making the objects on the way.
fn set_path(object: &JsValue, path: &str, value: &JsValue) {
    let mut target = object.clone();
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        if keys.peek().is_none() {
            let _ = Reflect::set(&target, &key.into(), value);
            return;
        }
        let next = Reflect::get(&target, &key.into()).ok().filter(JsValue::is_object).unwrap_or_else(|| {
            let fresh: JsValue = Object::new().into();
            let _ = Reflect::set(&target, &key.into(), &fresh);
            fresh
        });
        target = next;
    }
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
    pub(crate) fn driver(&self, options: CallOptions) -> Driver {
        let credential = match (&self.config.auth, &self.provider) {
            (AuthConfig::Token(token), _) => Credential::Fixed(Auth::Token(token.clone())),
            (AuthConfig::AkSk(keys), _) => Credential::Fixed(Auth::AkSk(keys.clone())),
            (AuthConfig::Headers(headers), _) => Credential::Fixed(Auth::Headers(headers.clone())),
            (AuthConfig::Provider, Some(provider)) => Credential::Provider(provider.clone()),
            (AuthConfig::Provider, None) => Credential::None,
        };
        Driver {
            transport: self.transport.clone(),
            credential,
            project_id: self.config.service.project_id.clone(),
            signal: options.signal,
            on_progress: options.on_progress,
            locale: self.config.locale,
            secrets: self.secrets.clone(),
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

    /// Turns a client method's arguments into a validated call (no network yet), as the
    /// registry says: the path id, the input or the fields put into the method's base input.
    pub(crate) fn prepare(&self, operation: Operation, method: ClientMethod, args: &Array) -> Result<Call, JsValue> {
        let name = method.name;
        let mut id = None;
        let mut input = method.base.map(|base| to_js(&base()));
        for (index, param) in method.params.iter().enumerate() {
            let arg = args.get(index as u32);
            match *param {
                Param::PublicipId => id = Some(self.id(name, &arg)?),
                Param::Body => input = Some(arg),
                Param::Query => input = Some(or_empty(arg)),
                Param::Field { path, .. } => set_path(input.get_or_insert_with(|| Object::new().into()), path, &arg),
            }
        }
        let checked = match operation.spec().input {
            Input::Nothing => None,
            _ => Some(self.checked(name, operation, input.unwrap_or(JsValue::UNDEFINED))?),
        };
        Ok(Call::new(operation, id.as_deref(), checked).named(name))
    }
}
