//! Long work cut into short tasks, so that the page keeps painting and answering while 1,000
//! plans are extracted: [`next_task`] gives the event loop a turn, [`TimeSlice`] says when to.

use std::cell::RefCell;
use std::collections::VecDeque;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// How long one slice of work may run before the event loop gets a turn. Under the 50 ms a browser
/// counts as a long task with room to spare: one plan (about 10 ms in wasm, 40 ms for the largest
/// on a loaded machine) is never cut, so a slice ends up to one plan past this.
const SLICE_MS: f64 = 20.0;

/// Whether the current slice of work has run long enough.
pub struct TimeSlice {
    started: f64,
}

impl TimeSlice {
    pub fn start() -> TimeSlice {
        TimeSlice {
            started: crate::perf::now(),
        }
    }

    pub fn is_over(&self) -> bool {
        crate::perf::now() - self.started >= SLICE_MS
    }

    /// Yields to the event loop when the slice is over, and starts the next one.
    pub async fn maybe_yield(&mut self) {
        if self.is_over() {
            next_task().await;
            self.started = crate::perf::now();
        }
    }
}

/// One message channel for every yield, and who waits on it. A `MessageChannel` message is a new
/// task at once: not clamped like a nested `setTimeout` (4 ms), not throttled to once a second in a
/// background tab, and unlike `requestAnimationFrame` it runs in a hidden tab too.
struct Yielder {
    port: web_sys::MessagePort,
    waiting: std::rc::Rc<RefCell<VecDeque<Function>>>,
    // Kept alive as long as the channel: it is the channel's message handler.
    _on_message: Closure<dyn FnMut()>,
}

thread_local! {
    static YIELDER: Option<Yielder> = make_yielder();
}

fn make_yielder() -> Option<Yielder> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let waiting = std::rc::Rc::new(RefCell::new(VecDeque::<Function>::new()));
    let queue = waiting.clone();
    let on_message = Closure::<dyn FnMut()>::new(move || {
        // One message per waiter, so one waiter per message.
        let next = queue.borrow_mut().pop_front();
        if let Some(resolve) = next {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    Some(Yielder {
        port: channel.port2(),
        waiting,
        _on_message: on_message,
    })
}

/// Resolves in a later task: everything already queued (input, painting, timers) runs first.
pub async fn next_task() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let queued = YIELDER.with(|yielder| match yielder {
            // The message is handled in a later task, so the waiter is queued in time.
            Some(y) if y.port.post_message(&JsValue::UNDEFINED).is_ok() => {
                y.waiting.borrow_mut().push_back(resolve.clone());
                true
            }
            _ => false,
        });
        if !queued {
            // No message channel (never seen in a browser that runs the app): a timer does it.
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits about `ms` milliseconds (a timer; used to wait for other work to finish).
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
