//! Progress bars on long work (many documents, big workbooks, many dossiers), drawn on
//! standard error only when it is a terminal and `--quiet` was not given: pipes, files and
//! tests see nothing. The work itself is the same with or without a bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A bar, or nothing when nobody is watching.
pub(crate) struct Progress(ProgressBar);

/// Whether a bar would be seen.
fn shown() -> bool {
    !crate::report::quiet() && std::io::stderr().is_terminal()
}

fn target() -> ProgressDrawTarget {
    if shown() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    }
}

impl Progress {
    /// A bar of `len` steps: "what [=====>    ] 12/40 name".
    pub(crate) fn bar(len: usize, what: &str) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(len as u64), target());
        let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_prefix(what.to_owned());
        Progress(bar)
    }

    /// A spinner with the time spent, for one long step whose size is not known ahead.
    pub(crate) fn spinner(what: &str) -> Progress {
        let bar = ProgressBar::with_draw_target(None, target());
        let style = ProgressStyle::with_template("{spinner} {prefix} {elapsed} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_prefix(what.to_owned());
        if shown() {
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
        }
        Progress(bar)
    }

    /// One more step done, naming what comes next.
    pub(crate) fn step(&self, name: &str) {
        self.0.inc(1);
        self.0.set_message(name.to_owned());
    }

    /// Steps done so far (for work that reports a count).
    pub(crate) fn set(&self, done: usize, name: &str) {
        self.0.set_position(done as u64);
        self.0.set_message(name.to_owned());
    }

    /// The number of steps, once known.
    pub(crate) fn length(&self, len: usize) {
        self.0.set_length(len as u64);
    }

    /// Prints a line without tearing the bar.
    pub(crate) fn suspend(&self, f: impl FnOnce()) {
        self.0.suspend(f);
    }

    /// What is being done now.
    pub(crate) fn say(&self, name: &str) {
        self.0.set_message(name.to_owned());
    }
}

impl Drop for Progress {
    /// The bar leaves the screen when the work ends, whichever way it ends.
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
