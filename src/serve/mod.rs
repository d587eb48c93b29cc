//! `serve`: builds the site into memory, serves it over HTTP (loopback by default), watches
//! the sources and rebuilds what changed, and tells open pages to reload.
//!
//! A story edit re-renders only that laureate's pages and touches no media; any other change
//! re-runs load, the (cached) media stage and render. A broken change keeps the last good site
//! served, and pages show the problem until it is fixed.

pub mod changes;
mod http;
mod live;
mod watch;

pub use live::{Live, Outcome};

use crate::diagnostics::Diagnostic;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root (holding `site.yaml`).
    pub root: PathBuf,
    /// The address to listen on; loopback unless the user asks otherwise.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
}

/// A preview server, bound and with its first build done.
pub struct Server {
    listener: TcpListener,
    live: Arc<Live>,
    root: PathBuf,
    first: Outcome,
}

impl Server {
    /// Binds the address and builds the site once. A failed first build still starts the
    /// server: pages show the problem until it is fixed.
    pub fn start(options: &ServeOptions) -> Result<Server, Diagnostic> {
        let root = options.root.canonicalize().map_err(|e| {
            Diagnostic::new(
                &options.root,
                crate::tr!("serve-cannot-open", error = e.to_string()),
            )
        })?;
        let address = SocketAddr::new(options.bind, options.port);
        let listener = TcpListener::bind(address).map_err(|e| {
            let (address, error) = (address.to_string(), e.to_string());
            Diagnostic::new(
                &root,
                crate::tr!("serve-cannot-listen", address = address, error = error),
            )
            .hint(crate::tr!("serve-cannot-listen-hint"))
        })?;
        let live = Arc::new(Live::new(&root));
        let first = live.rebuild(&[]);
        Ok(Server {
            listener,
            live,
            root,
            first,
        })
    }

    /// How the first build went.
    pub fn first_build(&self) -> &Outcome {
        &self.first
    }

    /// The URL of the site's front page.
    pub fn url(&self) -> String {
        let address = self.listener.local_addr().expect("bound listener");
        format!("http://{address}{}", self.live.snapshot().root_path)
    }

    /// Serves until the process ends, rebuilding on changes; `report` is told of each rebuild.
    pub fn run(self, report: impl Fn(&[PathBuf], &Outcome) + Send + 'static) -> Diagnostic {
        let live = self.live.clone();
        let watcher = watch::watch(&self.root, move |changed| {
            let outcome = live.rebuild(&changed);
            report(&changed, &outcome);
        });
        let _watcher = match watcher {
            Ok(watcher) => watcher,
            Err(e) => {
                let error = e.to_string();
                return Diagnostic::new(
                    &self.root,
                    crate::tr!("serve-cannot-watch", error = error),
                );
            }
        };
        for stream in self.listener.incoming().flatten() {
            let live = self.live.clone();
            std::thread::spawn(move || http::handle(stream, &live));
        }
        Diagnostic::new(&self.root, crate::tr!("serve-stopped"))
    }
}
