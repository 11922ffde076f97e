//! What a command says, kept apart from how it is shown: informational lines (suppressed by
//! `--quiet`), and the one JSON shape of `--format json` (docs/cli-json.md):
//!
//! ```json
//! {"command": "check", "ok": false, "exit": 1, "file": "ho-so.json",
//!  "data": {...the qms-api response...}, "error": null, "written": []}
//! ```
//!
//! `data` is the qms-api op's response, the very JSON `qms api` and the C ABI answer (less a
//! dossier or document the command wrote to a file, which `written` names instead); `error`
//! is the qms-api error JSON (`code`, `message`, `path`, `problems`, `known`), or for a
//! failure of the command line itself `{"code": "usage" | "io", "message", "path": "$"}`.

use serde::Serialize;
use serde_json::{Map, Value, json};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

static QUIET: AtomicBool = AtomicBool::new(false);
static JSON: AtomicBool = AtomicBool::new(false);
static ENVELOPE: Mutex<Option<Envelope>> = Mutex::new(None);

#[derive(Default)]
struct Envelope {
    command: String,
    file: Option<String>,
    data: Option<Value>,
    error: Option<Value>,
    written: Vec<Value>,
}

/// Sets up the run: `--quiet`, and whether the command reports in JSON.
pub(crate) fn start(command: String, quiet: bool, json: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
    JSON.store(json, Ordering::Relaxed);
    with(|e| e.command = command);
}

/// Whether informational lines and progress are suppressed (`--quiet`).
pub(crate) fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Whether the command reports in JSON on standard output.
pub(crate) fn json() -> bool {
    JSON.load(Ordering::Relaxed)
}

fn with(f: impl FnOnce(&mut Envelope)) {
    let mut guard = ENVELOPE.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(Envelope::default));
}

/// The input file the command is about.
pub(crate) fn file(path: &Path) {
    with(|e| e.file = Some(path.display().to_string()));
}

/// The op's response, as `data`. A later call merges its members into an object already set.
pub(crate) fn data(value: &impl Serialize) {
    let v = serde_json::to_value(value).unwrap_or(Value::Null);
    with(|e| match (&mut e.data, v) {
        (Some(Value::Object(old)), Value::Object(new)) => old.extend(new),
        (slot, v) => *slot = Some(v),
    });
}

/// The op's response without the members the command wrote to files (a dossier, bytes).
pub(crate) fn data_without(value: &impl Serialize, members: &[&str]) {
    let mut v = serde_json::to_value(value).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut v {
        for m in members {
            o.remove(*m);
        }
    }
    data(&v);
}

/// One member of `data` (for commands that run several ops, like `demo`).
pub(crate) fn data_member(name: &str, value: &impl Serialize) {
    let mut m = Map::new();
    m.insert(
        name.to_owned(),
        serde_json::to_value(value).unwrap_or(Value::Null),
    );
    data(&Value::Object(m));
}

/// The error of the run (the first one recorded wins: it is the cause).
pub(crate) fn error(value: &impl Serialize) {
    let v = serde_json::to_value(value).unwrap_or(Value::Null);
    with(|e| {
        e.error.get_or_insert(v);
    });
}

/// A file the command wrote.
pub(crate) fn written(path: &Path, size: usize) {
    with(|e| {
        e.written
            .push(json!({"path": path.display().to_string(), "size": size}))
    });
}

/// The JSON report of the run, printed once at the end in JSON mode.
pub(crate) fn finish(exit: u8) -> Option<String> {
    if !json() {
        return None;
    }
    let mut guard = ENVELOPE.lock().unwrap_or_else(|e| e.into_inner());
    let e = guard.take().unwrap_or_default();
    let v = json!({
        "command": e.command,
        "ok": exit == 0,
        "exit": exit,
        "file": e.file,
        "data": e.data,
        "error": e.error,
        "written": e.written,
    });
    Some(qms_api::schema::to_pretty(&v))
}

/// An informational line on standard error ("wrote …"): not with `--quiet`, not in JSON mode
/// (where `written` says it).
macro_rules! note {
    ($($arg:tt)*) => {
        if !$crate::report::quiet() && !$crate::report::json() {
            say!($($arg)*)
        }
    };
}
pub(crate) use note;
