//! The studio's long operations (生成 and 发布): one at a time, followed and stopped.
//!
//! An operation runs on a thread of its own over the library's call (the same the command line
//! makes), with a [`Progress`] callback that counts what is done and a [`Cancel`] token that
//! 「停止」 sets and the library looks at between its steps. A second start while one runs is
//! refused (409, with what is running).
//!
//! The page follows an operation by server-sent events (`GET /api/jobs/events`, an
//! `EventSource`): the operation's status as JSON each time it changes, the last one when it
//! ends. Events rather than polling: the studio's preview already streams its reloads this way
//! through tiny_http ([`crate::serve::http::event_stream`]), one request shows the whole run,
//! and a test reads the same stream a browser does. The stream looks at the status ten times a
//! second and sends only changes, so an image loop of thousands costs the page a few events.

use super::Answer;
use crate::build::{Cancel, Progress, Step};
use crate::diagnostics::Diagnostics;
use crate::finding::{Finding, Rule, Severity};
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The operation running now, or the last one.
#[derive(Default)]
pub struct Jobs {
    current: Mutex<Option<Arc<Job>>>,
}

/// One operation.
struct Job {
    /// `build`, `plan` (a deploy's dry run) or `deploy`.
    kind: &'static str,
    /// The deploy target, for a deploy.
    target: Option<String>,
    cancel: Cancel,
    done: AtomicUsize,
    all: AtomicUsize,
    started: Instant,
    ended: Mutex<Option<Ended>>,
}

/// How an operation ended.
#[derive(Clone)]
pub struct Ended {
    state: &'static str,
    findings: Vec<Finding>,
    summary: serde_json::Value,
    seconds: f64,
}

/// What the page is told of an operation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    /// `build`, `plan` or `deploy`.
    kind: &'static str,
    /// The deploy target, for a deploy.
    target: Option<String>,
    /// `running`, `done`, `failed` or `stopped`.
    state: &'static str,
    /// The step reached last.
    step: Step,
    /// Images (of a build) or files (of a deploy) done, of `all`.
    done: usize,
    /// Images or files in all (0 before the step that counts them).
    all: usize,
    /// Whether 「停止」 was asked for.
    stopping: bool,
    /// The build's warnings, or the problems that stopped it.
    findings: Vec<Finding>,
    /// What the operation made (its summary), when it is done.
    summary: serde_json::Value,
    /// Seconds from the start to the end (or to now).
    seconds: f64,
}

impl Ended {
    /// A finished operation's summary and warnings.
    pub fn done(summary: serde_json::Value, warnings: Vec<Finding>) -> Ended {
        Ended {
            state: "done",
            findings: warnings,
            summary,
            seconds: 0.0,
        }
    }

    /// An operation that failed with `problems`, or was stopped (`cancel` was set).
    pub fn failed(problems: &Diagnostics, cancel: &Cancel) -> Ended {
        let findings = problems
            .0
            .iter()
            .map(|d| Finding::of_diagnostic(d, Rule::LoadError, Severity::Error))
            .collect();
        Ended {
            state: if cancel.is_cancelled() {
                "stopped"
            } else {
                "failed"
            },
            findings,
            summary: serde_json::Value::Null,
            seconds: 0.0,
        }
    }
}

impl Jobs {
    /// Starts `work` as the one running operation (202 with its status), or says what runs
    /// already (409). `work` is given the progress callback and the cancel token.
    pub fn start(
        &self,
        kind: &'static str,
        target: Option<String>,
        work: impl FnOnce(Progress, Cancel) -> Ended + Send + 'static,
    ) -> Answer {
        let mut current = self.current.lock().expect("the jobs' lock");
        if let Some(running) = current.as_ref().filter(|job| job.is_running()) {
            let status = running.status();
            let error = crate::tr!("studio-job-running");
            return Answer::json_status(
                409,
                &serde_json::json!({"error": error, "running": status}),
            );
        }
        let job = Arc::new(Job {
            kind,
            target,
            cancel: Cancel::default(),
            done: AtomicUsize::new(0),
            all: AtomicUsize::new(0),
            started: Instant::now(),
            ended: Mutex::new(None),
        });
        *current = Some(job.clone());
        let status = job.status();
        std::thread::spawn(move || {
            let counted = job.clone();
            let progress: Progress = Arc::new(move |done, all| {
                counted.done.fetch_max(done, Ordering::Relaxed);
                counted.all.store(all, Ordering::Relaxed);
            });
            let mut ended = work(progress, job.cancel.clone());
            ended.seconds = job.started.elapsed().as_secs_f64();
            *job.ended.lock().expect("the job's end") = Some(ended);
        });
        Answer::json_status(202, &status)
    }

    /// Asks the running operation to stop (200 with its status), or 409 when none runs.
    pub fn stop(&self) -> Answer {
        match self.running() {
            Some(job) => {
                job.cancel.cancel();
                Answer::json(&job.status())
            }
            None => Answer::json_status(
                409,
                &serde_json::json!({"error": crate::tr!("studio-job-none")}),
            ),
        }
    }

    /// The status of the running operation, or of the last one (`null` before any).
    pub fn status(&self) -> Option<Status> {
        let current = self.current.lock().expect("the jobs' lock");
        current.as_ref().map(|job| job.status())
    }

    fn running(&self) -> Option<Arc<Job>> {
        let current = self.current.lock().expect("the jobs' lock");
        current.clone().filter(|job| job.is_running())
    }

    /// Streams the operation's status to one browser as server-sent events (`status`), each
    /// change once, until the operation ends (its last status is the last event) or the
    /// browser goes away; a comment every 15 s in between keeps the connection.
    pub fn follow(&self, request: tiny_http::Request) {
        let mut last: Option<Option<Status>> = None;
        let mut ended = false;
        let next = || {
            if ended {
                return None;
            }
            let since = Instant::now();
            loop {
                if last.is_some() {
                    std::thread::sleep(Duration::from_millis(100));
                }
                let status = self.status();
                ended = status.as_ref().is_none_or(|s| s.state != "running");
                let moment = status.as_ref().map(Status::without_time);
                if ended || last.as_ref() != Some(&moment) {
                    let json = serde_json::to_string(&status).expect("a status serialises");
                    last = Some(moment);
                    return Some(format!("event: status\ndata: {json}\n\n"));
                }
                if since.elapsed() > Duration::from_secs(15) {
                    return Some(": still here\n\n".to_string());
                }
            }
        };
        // An error means the browser went away; there is no one left to tell.
        let _ = crate::serve::http::event_stream(request, &super::answer::PROTECTION, next);
    }
}

impl Status {
    /// The status without its time, which changes at every look.
    fn without_time(&self) -> Status {
        Status {
            seconds: 0.0,
            ..self.clone()
        }
    }
}

impl Job {
    fn is_running(&self) -> bool {
        self.ended.lock().expect("the job's end").is_none()
    }

    fn status(&self) -> Status {
        let ended = self.ended.lock().expect("the job's end").clone();
        let seconds = ended
            .as_ref()
            .map_or_else(|| self.started.elapsed().as_secs_f64(), |e| e.seconds);
        let (state, findings, summary) = match ended {
            Some(e) => (e.state, e.findings, e.summary),
            None => ("running", Vec::new(), serde_json::Value::Null),
        };
        Status {
            kind: self.kind,
            target: self.target.clone(),
            state,
            step: self.cancel.step(),
            done: self.done.load(Ordering::Relaxed),
            all: self.all.load(Ordering::Relaxed),
            stopping: self.cancel.is_cancelled(),
            findings,
            summary,
            seconds,
        }
    }
}

/// Starts the build of the site at `root` into its `public/`, as `laurel build` makes it.
pub fn build(jobs: &Jobs, root: &std::path::Path) -> Answer {
    let campaign = crate::campaign::Campaign::newest(root);
    jobs.start("build", None, move |progress, cancel| {
        let output = campaign.root().join("public");
        match campaign.build(&output, Some(progress), cancel.clone()) {
            Ok(summary) => {
                let json = serde_json::json!({
                    "laureates": summary.laureates,
                    "pages": summary.rendered_files,
                    "media": summary.media_files,
                    "up_to_date": summary.up_to_date,
                });
                Ended::done(json, summary.warnings)
            }
            Err(problems) => Ended::failed(&problems, &cancel),
        }
    })
}
