//! `qms`: the command line of qms. Arguments are parsed here and handed to qms-api / qms-core;
//! no domain logic lives in this crate.
//!
//! Exit codes: 0 success, 1 the input is invalid or checks found errors, 2 usage error,
//! 3 I/O error.

// The README and the guides quote only commands this CLI parses.
#[cfg(test)]
mod doc_commands;

/// `eprintln!` for text that may carry a dossier's or a workbook's content: control
/// characters are shown as escapes, never sent to the terminal.
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::output::terminal_safe(&format!($($arg)*)))
    };
}

mod cli;
mod commands;
mod help_text;
mod localize;
mod output;
mod progress;
mod report;

use std::process::ExitCode;

/// mimalloc instead of glibc's allocator: loading a dossier makes about ten small blocks per
/// checklist item, which mimalloc serves faster and without glibc's 8-byte header per block
/// (docs/benchmarks.md, "Allocator and loading (session 4)"). `--no-default-features` builds
/// with the system allocator.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A failure that maps to an exit code.
#[derive(Debug)]
enum Failure {
    /// The input is invalid (exit 1); the details were already printed.
    Invalid,
    /// Reading or writing a file failed (exit 3).
    Io(anyhow::Error),
    /// The arguments make no sense together (exit 2).
    Usage(String),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Io(e)
    }
}

fn main() -> ExitCode {
    let args = localize::parse();
    let exit = match commands::run(args) {
        Ok(()) => 0,
        Err(Failure::Invalid) => 1,
        Err(Failure::Usage(msg)) => {
            report::error(&cli_error("usage", &msg));
            say!("qms: {msg}");
            2
        }
        Err(Failure::Io(e)) => {
            let msg = format!("{e:#}");
            report::error(&cli_error("io", &msg));
            say!("qms: {msg}");
            3
        }
    };
    if let Some(json) = report::finish(exit) {
        // A closed pipe is not worth another error.
        let _ = commands::print(&json);
    }
    ExitCode::from(exit)
}

/// The error member of the JSON report for a failure of the command line itself.
fn cli_error(code: &str, message: &str) -> serde_json::Value {
    serde_json::json!({"code": code, "message": message, "path": "$"})
}
