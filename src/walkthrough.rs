//! `waitForPublicip` and `bindNewPublicipToServer`: the input is read and checked, then the
//! core's machine ([`Wait`], [`BindNew`]) runs in the driver. Every step, wait and cleanup
//! decision is the machine's.

use crate::client::RawClient;
use crate::errors::validation_error;
use crate::options::{CallOptions, PLAIN, WITH_PROGRESS, read_bind_new, read_wait};
use crate::snapshot::Snapshot;
use crate::to_js;
use eipkit_core::machine::{BindNew, Wait};
use eipkit_core::{Issue, Options};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl RawClient {
    /// Polls the EIP until its status is one of `wait.until`.
    #[wasm_bindgen(js_name = waitForPublicip)]
    pub fn wait_for_publicip(&self, publicip_id: JsValue, wait: JsValue, options: JsValue) -> Promise {
        let inner = &self.inner;
        let fail = |issues: Vec<Issue>| validation_error(Wait::OPERATION, issues, inner.config.locale);
        let prepared = (|| {
            let id = inner.id(Wait::OPERATION, &publicip_id)?;
            let wait = read_wait(&Snapshot::of(&wait).node()).map_err(fail)?;
            let options = CallOptions::read(&options, PLAIN).map_err(fail)?;
            let now = js_sys::Date::now() as u64;
            Ok::<_, JsValue>((Wait::new(&id, wait, &inner.config.service, inner.policy(&options), now), options))
        })();
        match prepared {
            Ok((machine, options)) => inner.driver(options).spawn(Box::new(machine), Box::new(answer)),
            Err(error) => Promise::reject(&error),
        }
    }

    /// The whole walkthrough; resolves to `{ publicip, port, orderId? }`.
    #[wasm_bindgen(js_name = bindNewPublicipToServer)]
    pub fn bind_new_publicip_to_server(&self, input: JsValue, options: JsValue) -> Promise {
        let inner = &self.inner;
        let fail = |issues: Vec<Issue>| validation_error(BindNew::OPERATION, issues, inner.config.locale);
        let region = Options { region: inner.config.region.clone() };
        let prepared = read_bind_new(&Snapshot::of(&input).node(), &region)
            .and_then(|input| Ok((input, CallOptions::read(&options, WITH_PROGRESS)?)))
            .map_err(fail);
        match prepared {
            Ok((input, options)) => {
                // The cleanup runs with the client's own timeout, whatever the call's.
                let cleanup = inner.policy(&CallOptions::default());
                let policy = inner.policy(&options);
                let now = js_sys::Date::now() as u64;
                let machine = BindNew::new(input, &inner.config.service, policy, cleanup, now);
                inner.driver(options).spawn(Box::new(machine), Box::new(answer))
            }
            Err(error) => Promise::reject(&error),
        }
    }
}

/// The machine's answer as plain JS objects.
fn answer(outcome: Result<&serde_json::Value, JsValue>) -> Result<JsValue, JsValue> {
    outcome.map(to_js)
}
