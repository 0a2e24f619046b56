//! The progress bar of `ingest`: the CLI's implementation of `ingest::Reporter`.
//! Hidden when stderr is not a terminal, under `-q`, or in CI.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use referat::ingest::{FileOutcome, Reporter};
use std::io::IsTerminal;

pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    pub fn new(quiet: bool) -> Self {
        let visible = !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let bar = ProgressBar::with_draw_target(
            None,
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files  {per_sec}  ETA {eta}  {wide_msg}",
        ) {
            bar.set_style(style);
        }
        Progress { bar }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Reporter for Progress {
    fn start(&self, files: usize) {
        self.bar.set_length(files as u64);
    }
    fn file_done(&self, outcome: &FileOutcome) {
        self.bar.set_message(outcome.path.clone());
        self.bar.inc(1);
    }
}
