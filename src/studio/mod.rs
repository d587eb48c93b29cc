//! `studio`: the campaign edited in a browser. A small HTTP server on 127.0.0.1 serves the
//! studio's own pages (plain HTML, CSS and JS under `src/studio/assets/`, embedded in the
//! binary) and a JSON API over the same library calls the command line makes (load, check).
//!
//! The server is `tiny_http`, as `serve`'s (one HTTP layer: [`crate::serve::listen`],
//! [`crate::serve::answer_each`]): synchronous, a handful of small crates, no async runtime.
//! Every request passes [`guard::admit`] first (the session's secret, the `Host`, same-origin
//! writes), and every page carries a Content-Security-Policy that allows no inline script.
//! Under `/site/` the studio serves the whole site as `laurel serve` does (the same
//! [`Live`] build, rebuilt on the same watch path when the studio saves, its pages reloading),
//! behind the same guard.

mod answer;
mod arrange;
mod changes;
mod dashboard;
mod deploy;
mod draft;
pub mod files;
pub mod guard;
mod handouts;
mod jobs;
mod nominee;
mod phases;
mod photos;
mod profile;
mod receive;
pub mod save;
mod settings;
mod thumbs;

pub use answer::Answer;

use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::serve::Live;
use guard::{Access, Facts, Refusal, Secret};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// Where and how to run the studio.
#[derive(Debug, Clone)]
pub struct StudioOptions {
    /// The site root (holding `site.yaml`).
    pub root: PathBuf,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// The language of the studio's pages (the process's messages should be the same).
    pub lang: Lang,
}

/// What every request handler sees: the site and the session.
struct Context {
    root: PathBuf,
    port: u16,
    secret: Secret,
    lang: Lang,
    previews: std::sync::Mutex<nominee::Previews>,
    /// The site's images of nominees given photos, made in the background.
    images: photos::ImageMaker,
    /// What the session's checks learnt of the photos and videos (opened on the first).
    memo: std::sync::Mutex<Option<crate::check::Memo>>,
    /// The whole site as `serve` shows it, under [`SITE_PATH`]; built on the first visit.
    live: OnceLock<Arc<Live>>,
    /// The long operation running (生成, 发布), or the last one.
    jobs: jobs::Jobs,
}

impl Context {
    /// The live site, its first build and its watcher started on the first call: the
    /// studio's saves rebuild it on `serve`'s path and its open pages reload.
    fn live(&self) -> Arc<Live> {
        let live = self.live.get_or_init(|| {
            let live = Arc::new(Live::new(&self.root, SITE_PATH));
            let started = live.clone();
            std::thread::spawn(move || {
                // Watching first, so that a save during the first build is not missed;
                // without change notifications the preview still shows the first build.
                let _watcher = crate::serve::follow(&started, |_, _| {});
                started.rebuild(&[]);
                loop {
                    std::thread::park();
                }
            });
            live
        });
        live.clone()
    }
}

/// The path the studio serves the live site under.
pub const SITE_PATH: &str = "/site";

/// The policies of the live site's pages: the theme's own scripts and styles (its inline ones
/// too, and the reload script; story HTML in them is the site's sanitised HTML, as
/// published), requests to the studio only, framed by the studio only.
const SITE_HEADERS: &[(&str, &str)] = &[
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; media-src 'self'; font-src 'self'; connect-src 'self'; \
manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "SAMEORIGIN"),
];

/// The stream of the long operation's status (see [`jobs`]).
const JOB_EVENTS: &str = "/api/jobs/events";

/// Whether `path` is the live site's (or its reload events).
fn is_site(path: &str) -> bool {
    path == crate::serve::http::EVENTS_PATH
        || path
            .strip_prefix(SITE_PATH)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A studio server, bound to loopback and ready to serve.
pub struct Studio {
    server: tiny_http::Server,
    context: Arc<Context>,
}

impl Studio {
    /// Binds 127.0.0.1 on the port asked for and makes the session's secret.
    pub fn start(options: &StudioOptions) -> Result<Studio, Diagnostic> {
        let root = crate::serve::site_root(&options.root)?;
        let address = std::net::SocketAddr::from(([127, 0, 0, 1], options.port));
        let server = crate::serve::listen(&root, address)?;
        let port = server
            .server_addr()
            .to_ip()
            .map_or(options.port, |a| a.port());
        let secret = Secret::random().map_err(|e| {
            Diagnostic::new(&root, crate::tr!("studio-no-secret", error = e.to_string()))
        })?;
        let images = photos::ImageMaker::new(&root);
        Ok(Studio {
            server,
            context: Arc::new(Context {
                root,
                port,
                secret,
                lang: options.lang,
                previews: Default::default(),
                images,
                memo: Default::default(),
                live: OnceLock::new(),
                jobs: jobs::Jobs::default(),
            }),
        })
    }

    /// The address to open, with the session's secret.
    pub fn url(&self) -> String {
        format!(
            "http://127.0.0.1:{}/?key={}",
            self.context.port,
            self.context.secret.as_str()
        )
    }

    /// Answers requests until the process ends.
    pub fn run(self) -> Diagnostic {
        let context = self.context.clone();
        crate::serve::answer_each(&self.server, move |request| {
            answer_request(request, &context)
        });
        Diagnostic::new(&self.context.root, crate::tr!("studio-stopped"))
    }
}

/// Guards, routes and answers one request. Write errors mean the browser went away.
fn answer_request(mut request: tiny_http::Request, context: &Context) {
    let method = request.method().to_string();
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let (host, origin, fetch_site, cookie, key_header) = (
        header("Host"),
        header("Origin"),
        header("Sec-Fetch-Site"),
        header("Cookie"),
        header(guard::KEY_HEADER),
    );
    let key_query = query_value(query, "key");
    let facts = Facts {
        method: &method,
        host: host.as_deref(),
        origin: origin.as_deref(),
        fetch_site: fetch_site.as_deref(),
        cookie: cookie.as_deref(),
        key_header: key_header.as_deref(),
        key_query: key_query.as_deref(),
    };
    let answer = match guard::admit(&facts, context.port, &context.secret) {
        Err(refusal) => refused(refusal),
        Ok(Access::Enter) => enter(context, path),
        Ok(Access::Granted) if is_site(path) => {
            return crate::serve::http::answer(request, &context.live(), SITE_HEADERS)
        }
        Ok(Access::Granted) if method == "GET" && path == JOB_EVENTS => {
            return context.jobs.follow(request)
        }
        Ok(Access::Granted) if photos::is_upload(&method, path) => {
            let length = request.body_length().map(|n| n as u64);
            let (folder, name) = (folder_in(query), query_value(query, "name"));
            let answer = photos::upload(
                &context.root,
                &folder,
                name.as_deref().unwrap_or_default(),
                length,
                request.as_reader(),
            );
            if answer.status == 201 {
                if let Some(nominee) = photos::nominee_folder(&context.root, &folder) {
                    context.images.make(nominee);
                }
            }
            answer
        }
        Ok(Access::Granted) if receive::is_upload(&method, path) => {
            let length = request.body_length().map(|n| n as u64);
            let (batch, rel) = (query_value(query, "batch"), path_in(query));
            let batch = batch.unwrap_or_default();
            receive::file(&context.root, &batch, &rel, length, request.as_reader())
        }
        Ok(Access::Granted) => {
            let mut body = Vec::new();
            let limit = answer::MAX_BODY as u64;
            let read = std::io::Read::read_to_end(
                &mut std::io::Read::take(request.as_reader(), limit + 1),
                &mut body,
            );
            match read {
                Ok(_) if body.len() as u64 > limit => Answer::too_large(),
                Ok(_) => route(context, &method, path, query, &body),
                Err(_) => save::bad_request(),
            }
        }
    };
    let _ = request.respond(answer.into_response(method == "HEAD"));
}

/// A refused request: 403 with one line saying why, and nothing of the campaign.
fn refused(refusal: Refusal) -> Answer {
    let why = match refusal {
        Refusal::ForeignHost => crate::tr!("studio-refused-host"),
        Refusal::NoSecret => crate::tr!("studio-refused-secret"),
        Refusal::CrossSite | Refusal::WriteWithoutKey => crate::tr!("studio-refused-write"),
    };
    Answer::text(403, &why)
}

/// The secret came in the address: the cookie is set and the browser sent on without it.
fn enter(context: &Context, path: &str) -> Answer {
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Strict; Path=/",
        guard::cookie_name(context.port),
        context.secret.as_str()
    );
    Answer::redirect(path)
        .header("Set-Cookie", &cookie)
        .header("Cache-Control", "no-store")
}

/// The answer to a request let in.
fn route(context: &Context, method: &str, path: &str, query: &str, body: &[u8]) -> Answer {
    match (method, path) {
        ("POST", "/api/nominees") => new_nominee(context, body),
        ("POST", "/api/source") => save::save(&context.root, body),
        ("POST", "/api/profile") => profile::save(&context.root, body),
        ("POST", "/api/undo" | "/api/restore") => save::back(&context.root, body),
        ("GET" | "HEAD", "/api/source") => save::source(&context.root, &path_in(query)),
        ("GET" | "HEAD", "/api/history") => save::history(&context.root, &path_in(query)),
        ("GET" | "HEAD", "/api/nominee") => nominee::open(&context.root, &folder_in(query)),
        ("POST", "/api/validate") => nominee::validate(&context.root, body),
        ("POST", "/api/render") => nominee::preview(&context.root, body, &context.previews),
        ("GET" | "HEAD", "/") => answer::page(context.secret.as_str(), context.lang),
        ("GET" | "HEAD", "/api/messages") => Answer::json(&answer::messages_json()),
        ("GET" | "HEAD", "/api/campaign") => match query_value(query, "year") {
            Some(year) => dashboard::of_year(&context.root, &year),
            None => Answer::json(&dashboard::campaign(&context.root)),
        },
        ("GET" | "HEAD", "/api/phases") => phases::open(&context.root),
        ("POST", "/api/phase") => phases::switch(&context.root, body),
        ("POST", "/api/years/next") => phases::begin_next(&context.root),
        ("POST", "/api/build") => jobs::build(&context.jobs, &context.root),
        ("GET" | "HEAD", "/api/deploy") => deploy::targets(&context.root),
        ("POST", "/api/deploy") => deploy::start(&context.jobs, &context.root, body),
        ("POST", "/api/jobs/stop") => context.jobs.stop(),
        ("GET" | "HEAD", "/api/jobs") => Answer::json(&context.jobs.status()),
        ("GET" | "HEAD", "/api/site") => site_state(context),
        ("GET" | "HEAD", "/api/verdict") => {
            Answer::json(&dashboard::verdict(&context.root, &context.memo))
        }
        ("GET" | "HEAD", "/api/thumb") => thumbs::thumbnail(&context.root, &path_in(query)),
        ("GET" | "HEAD", "/api/file") => match query_value(query, "path") {
            Some(rel) => files::image(&context.root, &rel),
            None => Answer::not_found(),
        },
        ("GET" | "HEAD", "/api/changes") => changes::list(&context.root),
        ("GET" | "HEAD", "/api/settings") => settings::open(&context.root),
        ("POST", "/api/settings") => settings::save(&context.root, body),
        ("POST", "/api/settings/check") => settings::validate(&context.root, body),
        ("POST", "/api/media") => arrange::arrange(&context.root, body),
        ("GET" | "HEAD", "/api/receive") => receive::status(&context.root),
        ("POST", "/api/receive") => receive::open(&context.root),
        ("GET" | "HEAD", "/api/handouts") => handouts::handouts(&context.root),
        ("GET" | "HEAD", "/api/handouts/summary.xlsx") => handouts::summary(&context.root, "xlsx"),
        ("GET" | "HEAD", "/api/handouts/summary.csv") => handouts::summary(&context.root, "csv"),
        ("GET" | "HEAD", built) if built.starts_with(handouts::BUILT_PATH) => {
            handouts::built(&context.root, &built[handouts::BUILT_PATH.len()..])
        }
        ("GET" | "HEAD", "/api/receive/plan") => receive::plan(
            &context.root,
            &query_value(query, "batch").unwrap_or_default(),
        ),
        ("POST", "/api/receive/confirm") => receive::confirm(&context.root, body),
        ("POST", "/api/receive/discard") => receive::discard(&context.root, body),
        ("GET" | "HEAD", "/api/media") => photos::media_of(
            &context.root,
            &query_value(query, "folder").unwrap_or_default(),
        ),
        ("GET" | "HEAD", "/api/images") => {
            match photos::nominee_folder(&context.root, &folder_in(query)) {
                Some(nominee) => Answer::json(&context.images.progress(&nominee)),
                None => Answer::not_found(),
            }
        }
        ("GET" | "HEAD", "/api/preview") => photos::preview(
            &context.root,
            &query_value(query, "path").unwrap_or_default(),
        ),
        ("GET" | "HEAD", _) => match answer::asset(path) {
            found if found.status == 200 => found,
            _ => nominee::preview_file(&context.previews, path),
        },
        _ => Answer::text(405, &crate::tr!("studio-method-not-allowed")),
    }
}

/// A new nominee's folder, made as `laurel new` makes it: `{"name": "张三"}` → 201 with the
/// folder's name, or 400 with what is wrong.
fn new_nominee(context: &Context, body: &[u8]) -> Answer {
    #[derive(serde::Deserialize)]
    struct New {
        name: String,
    }
    let Ok(New { name }) = serde_json::from_slice::<New>(body) else {
        return save::bad_request();
    };
    match crate::scaffold::new_laureate(&context.root, &name) {
        Ok(folder) => {
            let folder = folder.file_name().unwrap_or_default().to_string_lossy();
            Answer::json_status(201, &serde_json::json!({ "folder": folder }))
        }
        Err(problem) => {
            let message = format!(
                "{}（{}）",
                problem.message,
                problem.hint.unwrap_or_default()
            );
            Answer::json_status(400, &serde_json::json!({ "error": message }))
        }
    }
}

/// Whether the live site under [`SITE_PATH`] has been built (or failed to build), its first
/// build started by this asking: `{"ready": true}` once its pages can be framed.
fn site_state(context: &Context) -> Answer {
    let live = context.live();
    let ready = !live.snapshot().pages.is_empty() || live.problem().is_some();
    Answer::json(&serde_json::json!({ "ready": ready }))
}

/// The query's `path=` (empty when it has none, which no route takes).
fn path_in(query: &str) -> String {
    query_value(query, "path").unwrap_or_default()
}

/// The query's `folder=` (empty when it has none).
fn folder_in(query: &str) -> String {
    query_value(query, "folder").unwrap_or_default()
}

/// The percent-decoded value of `name` in a query string.
fn query_value(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        let value = value.replace('+', " ");
        (key == name).then(|| {
            percent_encoding::percent_decode_str(&value)
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}
