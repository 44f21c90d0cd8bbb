//! `setTimeout` with cleanup: every timer is cleared when its guard drops, so a finished call
//! leaves nothing scheduled (a pending timer would keep a Node process alive).

use js_sys::Function;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// A scheduled callback, cancelled on drop.
pub struct Timer {
    id: JsValue,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn new(ms: u32, callback: impl FnMut() + 'static) -> Timer {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let id = set_timeout(callback.as_ref().unchecked_ref(), f64::from(ms));
        Timer { id, _callback: callback }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

/// An `abort` listener on a caller's signal, removed on drop.
pub struct AbortListener {
    signal: AbortSignal,
    callback: Closure<dyn FnMut()>,
}

impl AbortListener {
    pub fn new(signal: &AbortSignal, callback: impl FnMut() + 'static) -> AbortListener {
        let callback = Closure::<dyn FnMut()>::new(callback);
        // Adding a listener to an AbortSignal cannot throw; a failure would only mean no listener.
        let _ = signal.add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref());
        AbortListener { signal: signal.clone(), callback }
    }
}

impl Drop for AbortListener {
    fn drop(&mut self) {
        let _ = self.signal.remove_event_listener_with_callback("abort", self.callback.as_ref().unchecked_ref());
    }
}

/// Waits `ms`, or until `signal` aborts (then `Err(())`).
pub async fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Result<(), ()> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(());
    }
    let mut guards: (Option<Timer>, Option<AbortListener>) = (None, None);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let on_time = resolve.clone();
        guards.0 = Some(Timer::new(ms, move || {
            let _ = on_time.call0(&JsValue::UNDEFINED);
        }));
        if let Some(signal) = signal {
            guards.1 = Some(AbortListener::new(signal, move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }));
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(guards);
    if signal.is_some_and(AbortSignal::aborted) { Err(()) } else { Ok(()) }
}
