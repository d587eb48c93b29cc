//! A long operation's cancel token, handed to the library alongside its
//! [`Progress`](crate::build::Progress): whoever started a build or a deploy may ask it to stop,
//! and the operation looks at the token between its steps (each stage of a build, each image,
//! each upload). A stopped operation ends as a failed one does: a build leaves the last good
//! output as it was, a deploy leaves the target as an interrupted `laurel deploy` does. The
//! token also says which step was reached last, for a page following the operation.

use crate::diagnostics::Diagnostic;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::Arc;

/// A step of a build or a deploy, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Not started yet.
    Waiting,
    /// Reading site.yaml and every laureate, checking links and private data.
    Load,
    /// Making the images' and videos' variants.
    Media,
    /// Drawing the 海报 and 长图.
    Posters,
    /// Rendering the pages.
    Render,
    /// Writing the output and swapping it in.
    Write,
    /// Comparing the built site with what the target holds.
    Compare,
    /// Uploading new and changed files.
    Upload,
    /// Deleting files the site no longer has.
    Delete,
}

const STEPS: [Step; 9] = [
    Step::Waiting,
    Step::Load,
    Step::Media,
    Step::Posters,
    Step::Render,
    Step::Write,
    Step::Compare,
    Step::Upload,
    Step::Delete,
];

/// Asked between steps whether to stop; clones share one token. The default never stops
/// unless told to.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<State>);

#[derive(Debug, Default)]
struct State {
    stopped: AtomicBool,
    step: AtomicU8,
}

impl Cancel {
    /// Asks the operation to stop at its next step.
    pub fn cancel(&self) {
        self.0.stopped.store(true, Ordering::SeqCst);
    }

    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.0.stopped.load(Ordering::SeqCst)
    }

    /// The step reached last.
    pub fn step(&self) -> Step {
        STEPS[usize::from(self.0.step.load(Ordering::SeqCst))]
    }

    /// Marks `step` as reached, or fails with [`Cancel::check`]'s problem.
    pub fn reach(&self, step: Step) -> Result<(), Diagnostic> {
        self.check()?;
        let index = STEPS.iter().position(|&s| s == step).unwrap_or(0);
        self.0.step.store(index as u8, Ordering::SeqCst);
        Ok(())
    }

    /// Fails, saying the operation was stopped, when stopping was asked for.
    pub fn check(&self) -> Result<(), Diagnostic> {
        match self.is_cancelled() {
            true => Err(stopped()),
            false => Ok(()),
        }
    }
}

/// The problem a stopped operation ends with.
pub fn stopped() -> Diagnostic {
    Diagnostic::new("", crate::tr!("operation-stopped")).hint(crate::tr!("operation-stopped-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancelled_token_refuses_the_next_step_and_keeps_the_last() {
        let cancel = Cancel::default();
        assert_eq!(cancel.step(), Step::Waiting);
        cancel.reach(Step::Media).unwrap();
        let shared = cancel.clone();
        shared.cancel();
        assert!(cancel.reach(Step::Render).is_err());
        assert_eq!(cancel.step(), Step::Media);
        assert!(cancel.check().is_err());
    }
}
