//! Performance marks and measures: how long the app's own work takes, readable by the benchmarks
//! (`scripts/bench*.mjs`) and in the browser's performance panel. A measure `name` runs from the
//! mark `{name}:start` to the mark `{name}:end`, so work spread over many tasks is measured as one.

use leptos::prelude::window;

/// Milliseconds since navigation started (0 where the browser has no clock to give).
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Sets the mark `name`.
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Measures `name` from its mark `{name}:start` to now.
pub fn measure(name: &str) {
    measure_from(name, &format!("{name}:start"));
}

/// Measures `name` from the mark `start` to now (ending at the mark `{name}:end`): for a second
/// measure of the same work, or one whose start mark is its own.
pub fn measure_from(name: &str, start: &str) {
    if let Some(p) = window().performance() {
        let end = format!("{name}:end");
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, start, &end);
    }
}

/// Removes the marks named `name`.
pub fn clear_mark(name: &str) {
    if let Some(p) = window().performance() {
        p.clear_marks_with_mark_name(name);
    }
}

/// Runs `f` as the measure `name`.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    mark(&format!("{name}:start"));
    let out = f();
    measure(name);
    out
}

/// Awaits `work` as the measure `name` (the tasks between its steps included).
pub async fn measured_async<T>(name: &str, work: impl std::future::Future<Output = T>) -> T {
    mark(&format!("{name}:start"));
    let out = work.await;
    measure(name);
    out
}
