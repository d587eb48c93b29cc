//! `serve`: builds the site into memory, serves it over HTTP (loopback by default), watches
//! the sources and rebuilds what changed, and tells open pages to reload.
//!
//! A story edit re-renders only that laureate's pages and touches no media; any other change
//! re-runs load, the (cached) media stage and render. A broken change keeps the last good site
//! served, and pages show the problem until it is fixed.
//!
//! The studio serves the same live site under `/site/` with the same pieces: [`listen`] and
//! [`answer_each`] (tiny_http, one thread per request), [`Live`] and [`follow`] (the watch and
//! rebuild path) and [`http::answer`].

pub mod changes;
pub mod http;
mod live;
mod watch;

pub use live::{Live, Outcome};

use crate::diagnostics::Diagnostic;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
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
    server: tiny_http::Server,
    live: Arc<Live>,
    first: Outcome,
}

impl Server {
    /// Binds the address and builds the site once. A failed first build still starts the
    /// server: pages show the problem until it is fixed.
    pub fn start(options: &ServeOptions) -> Result<Server, Diagnostic> {
        let root = site_root(&options.root)?;
        let server = listen(&root, SocketAddr::new(options.bind, options.port))?;
        let live = Arc::new(Live::new(&root, ""));
        let first = live.rebuild(&[]);
        Ok(Server {
            server,
            live,
            first,
        })
    }

    /// How the first build went.
    pub fn first_build(&self) -> &Outcome {
        &self.first
    }

    /// The URL of the site's front page.
    pub fn url(&self) -> String {
        let address = self.server.server_addr();
        format!("http://{address}{}", self.live.snapshot().root_path)
    }

    /// Serves until the process ends, rebuilding on changes; `report` is told of each rebuild.
    pub fn run(self, report: impl Fn(&[PathBuf], &Outcome) + Send + 'static) -> Diagnostic {
        let _watcher = match follow(&self.live, report) {
            Ok(watcher) => watcher,
            Err(stopped) => return stopped,
        };
        let live = self.live.clone();
        answer_each(&self.server, move |request| {
            http::answer(request, &live, &[])
        });
        Diagnostic::new(self.live.root(), crate::tr!("serve-stopped"))
    }
}

/// `root` made absolute, or why it cannot be opened.
pub fn site_root(root: &Path) -> Result<PathBuf, Diagnostic> {
    root.canonicalize()
        .map_err(|e| Diagnostic::new(root, crate::tr!("serve-cannot-open", error = e.to_string())))
}

/// An HTTP server listening on `address`, or why it cannot (the port taken …).
pub fn listen(root: &Path, address: SocketAddr) -> Result<tiny_http::Server, Diagnostic> {
    tiny_http::Server::http(address).map_err(|e| {
        let (address, error) = (address.to_string(), e.to_string());
        Diagnostic::new(
            root,
            crate::tr!("serve-cannot-listen", address = address, error = error),
        )
        .hint(crate::tr!("serve-cannot-listen-hint"))
    })
}

/// Hands every request to `answer` on a thread of its own (an event stream keeps its thread
/// as long as its page is open), until the server stops.
pub fn answer_each(
    server: &tiny_http::Server,
    answer: impl Fn(tiny_http::Request) + Clone + Send + 'static,
) {
    for request in server.incoming_requests() {
        let answer = answer.clone();
        std::thread::spawn(move || answer(request));
    }
}

/// Watches the sources of `live`'s site and rebuilds it after each change (the pages open on
/// it reload); `report` is told of each rebuild. The watcher must be kept as long as the
/// rebuilds should go on.
pub fn follow(
    live: &Arc<Live>,
    report: impl Fn(&[PathBuf], &Outcome) + Send + 'static,
) -> Result<Option<notify::RecommendedWatcher>, Diagnostic> {
    let rebuilt = live.clone();
    watch::watch(live.root(), move |changed| {
        let outcome = rebuilt.rebuild(&changed);
        report(&changed, &outcome);
    })
    .map_err(|e| {
        let error = e.to_string();
        Diagnostic::new(live.root(), crate::tr!("serve-cannot-watch", error = error))
    })
}
