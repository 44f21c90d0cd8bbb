//! The IAM token provider: exchanges a user's password for a project-scoped token
//! (`POST {iam}/v3/auth/tokens`), caches it, and renews it before it expires, with one renewal
//! in flight however many calls wait for it (they share one JS promise).

use crate::driver::{Credential, Driver};
use crate::errors::{Secrets, validation_error};
use crate::options::IamConfig;
use crate::snapshot::Snapshot;
use crate::transport::Transport;
use eipkit_core::Locale;
use eipkit_core::machine::{Attempts, Policy};
use eipkit_core::node::{Node, Shape};
use eipkit_core::operation::iam_token::{self, IamToken};
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct RawIamTokenProvider {
    inner: Rc<Inner>,
}

struct Inner {
    config: IamConfig,
    transport: Transport,
    state: RefCell<State>,
    /// The password, and the tokens issued.
    secrets: Secrets,
}

#[derive(Default)]
struct State {
    token: Option<IamToken>,
    /// The renewal in flight; every caller awaits this same promise.
    renewing: Option<Promise>,
    /// Tokens issued so far (for tests and metrics).
    issued: u32,
}

const OPERATION: &str = "iamToken";

#[wasm_bindgen]
impl RawIamTokenProvider {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<RawIamTokenProvider, JsValue> {
        let config = IamConfig::from_node(&Snapshot::of(&options).node())
            .map_err(|issues| validation_error(OPERATION, issues, Locale::En))?;
        let fetch = config
            .custom_fetch
            .then(|| Reflect::get(&options, &"fetch".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()))
            .flatten();
        Ok(RawIamTokenProvider {
            inner: Rc::new(Inner {
                secrets: Secrets::new([config.auth.password.expose().to_owned()]),
                transport: Transport::new(fetch, config.max_response_bytes),
                config,
                state: RefCell::default(),
            }),
        })
    }

    /// A valid token: the cached one, or a new one (`{ forceRefresh: true }` skips the cache).
    #[wasm_bindgen(js_name = getToken)]
    pub fn get_token(&self, options: JsValue) -> Promise {
        let force = matches!(Snapshot::of(&options).node().member("forceRefresh").shape(), Shape::Bool(true));
        let now = js_sys::Date::now() as i64;
        let mut state = self.inner.state.borrow_mut();
        if let Some(renewing) = &state.renewing {
            return renewing.clone();
        }
        let renew_at = |t: &IamToken| t.expires_at_ms - i64::from(self.inner.config.renew_before_ms);
        if let Some(token) = state.token.as_ref().filter(|t| !force && now < renew_at(t)) {
            return Promise::resolve(&JsValue::from(token.token.expose()));
        }
        let inner = self.inner.clone();
        let renewing = self.inner.driver().spawn(
            Box::new(self.inner.machine()),
            Box::new(move |outcome| {
                let mut state = inner.state.borrow_mut();
                state.renewing = None;
                let token = IamToken::from_value(outcome?).ok_or(JsValue::UNDEFINED)?;
                let value = JsValue::from(token.token.expose());
                inner.secrets.add(token.token.expose());
                state.issued += 1;
                state.token = Some(token);
                Ok(value)
            }),
        );
        state.renewing = Some(renewing.clone());
        renewing
    }

    /// Forgets the cached token; the next `getToken` asks IAM again.
    pub fn invalidate(&self) {
        self.inner.state.borrow_mut().token = None;
    }

    /// When the cached token expires (Unix ms), if there is one.
    #[wasm_bindgen(getter, js_name = expiresAt)]
    pub fn expires_at(&self) -> Option<f64> {
        self.inner.state.borrow().token.as_ref().map(|t| t.expires_at_ms as f64)
    }

    /// How many tokens this provider has obtained.
    #[wasm_bindgen(getter)]
    pub fn issued(&self) -> u32 {
        self.inner.state.borrow().issued
    }
}

impl Inner {
    /// One sign-in: asking for a token twice is harmless, so transient failures are retried.
    fn machine(&self) -> Attempts {
        let request = iam_token::build(&self.config.endpoint, &self.config.auth);
        let policy = Policy { retries: 2, timeout_ms: self.config.timeout_ms, abortable: false, ..Policy::default() };
        Attempts::of(OPERATION, Ok(request), iam_token::parse_value, policy).safe_to_repeat(true)
    }

    fn driver(&self) -> Driver {
        Driver {
            transport: self.transport.clone(),
            credential: Credential::None,
            project_id: String::new(),
            signal: None,
            on_progress: None,
            locale: Locale::En,
            secrets: self.secrets.clone(),
        }
    }
}
