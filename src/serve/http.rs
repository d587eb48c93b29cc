//! The preview's HTTP answers, on tiny_http, the studio's server library, so that `serve` and
//! the studio's preview of the site share one HTTP layer: GET and HEAD of the built site, byte
//! ranges for videos, server-sent events for reloads. Only the built site is served: pages
//! from memory, media from the cache, files from `static/`; anything else is 404.
//!
//! tiny_http sends a response body through its own buffers (a body of unknown length in
//! chunks of 8 KB), so an event stream given as a body would reach the browser only once 8 KB
//! had gathered. The events are written to the connection's raw writer instead
//! ([`tiny_http::Request::into_writer`]) after a head of their own, flushed after each event.

use super::live::{Event, Live, Snapshot};
use crate::routes::MEDIA_DIR;
use std::io::{self, Cursor, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, ResponseBox};

/// The path browsers listen on for reload events.
pub const EVENTS_PATH: &str = "/__laurel/events";

/// The script added to every served HTML page (never to `build` output).
const RELOAD_SCRIPT: &str = include_str!("reload.js");

/// Answers one request for the site in `live`, with `extra` headers on every answer (the
/// studio's policies; none for `serve`).
pub fn answer(request: Request, live: &Live, extra: &[(&str, &str)]) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let range = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Range"))
        .map(|h| h.value.as_str().to_string());
    let response = match request.method() {
        Method::Get | Method::Head if path == EVENTS_PATH => {
            // An error means the browser went away; there is no one left to tell.
            let _ = events(request, live, extra);
            return;
        }
        Method::Get | Method::Head => site_response(live, path, range.as_deref()),
        _ => Ok(text(405, "only GET and HEAD")),
    };
    let response = response.unwrap_or_else(|_| text(404, "not found"));
    let _ = request.respond(with_headers(response, extra));
}

/// A short plain-text answer.
fn text(status: u16, words: &str) -> ResponseBox {
    Response::from_string(words)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .boxed()
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn with_headers(mut response: ResponseBox, extra: &[(&str, &str)]) -> ResponseBox {
    for (name, value) in extra {
        response.add_header(header(name, value));
    }
    response
}

/// What a URL path leads to.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A rendered page or asset.
    Page(String),
    /// A file on disk (media from the cache, or `static/`).
    File(PathBuf),
    /// The same path with a trailing slash, or the site's root path.
    Redirect(String),
}

/// Resolves a URL path against a build; a path above the site's root path leads to its front
/// page. Percent-escapes are decoded first, then any `.` or `..`
/// segment, backslash or NUL refuses the request; `static/` files must really lie inside
/// `static/` (no symlinks out).
fn resolve(snapshot: &Snapshot, url_path: &str) -> Option<Target> {
    let decoded = percent_decode(url_path)?;
    let root = &snapshot.root_path;
    if root.starts_with(&decoded) && decoded != *root {
        // `/`, or `/site` and `/site/` in the studio: the site's front page.
        return Some(Target::Redirect(root.clone()));
    }
    let rel = decoded.strip_prefix(&snapshot.root_path)?;
    let unsafe_segment = rel
        .split('/')
        .any(|s| s == ".." || s == "." || s.contains(['\\', '\0']));
    if unsafe_segment || rel.starts_with('/') {
        return None;
    }
    if rel.is_empty() || rel.ends_with('/') {
        let index = format!("{rel}index.html");
        return snapshot
            .pages
            .contains_key(&index)
            .then_some(Target::Page(index));
    }
    if snapshot.pages.contains_key(rel) {
        return Some(Target::Page(rel.to_string()));
    }
    if let Some(name) = rel
        .strip_prefix(MEDIA_DIR)
        .and_then(|r| r.strip_prefix('/'))
    {
        return snapshot.media.get(name).map(|p| Target::File(p.clone()));
    }
    if let Some(file) = inside(&snapshot.static_dir, rel) {
        return Some(Target::File(file));
    }
    snapshot
        .pages
        .contains_key(&format!("{rel}/index.html"))
        .then(|| Target::Redirect(format!("{decoded}/")))
}

/// `dir/rel` if it is a file that, with symlinks resolved, is still inside `dir`, and not
/// [junk](crate::layout::is_junk) (which the build does not publish either).
fn inside(dir: &Path, rel: &str) -> Option<PathBuf> {
    if crate::layout::is_junk_path(Path::new(rel)) {
        return None;
    }
    let base = dir.canonicalize().ok()?;
    let file = base.join(rel).canonicalize().ok()?;
    (file.starts_with(&base) && file.is_file()).then_some(file)
}

fn percent_decode(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    Some(decoded.into_owned())
}

fn site_response(live: &Live, path: &str, range: Option<&str>) -> io::Result<ResponseBox> {
    let snapshot = live.snapshot();
    Ok(match resolve(&snapshot, path) {
        Some(Target::Redirect(location)) => Response::empty(302)
            .with_header(header("Location", &location))
            .boxed(),
        Some(Target::Page(page)) => page_response(200, &page, &snapshot.pages[&page], range),
        Some(Target::File(file)) => {
            let kind = crate::routes::content_type(&file.to_string_lossy());
            let file = std::fs::File::open(&file)?;
            let total = file.metadata()?.len();
            ranged(200, &kind, file, total, range)?
        }
        None => match snapshot.pages.get("404.html") {
            Some(page) => page_response(404, "404.html", page, range),
            None => page_response(404, "404.html", &not_built_page(live, &snapshot), range),
        },
    })
}

/// The page shown before any build has succeeded: failed, building (asking again each
/// second), or no such page.
fn not_built_page(live: &Live, snapshot: &Snapshot) -> Vec<u8> {
    let (why, again) = if live.problem().is_some() {
        ("构建失败，请查看错误信息。", "")
    } else if snapshot.pages.is_empty() {
        (
            "正在构建网站预览，完成后本页自动刷新。",
            "<meta http-equiv=\"refresh\" content=\"1\">",
        )
    } else {
        ("页面不存在。", "")
    };
    format!("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\">{again}<title>laurel</title><p>{why}</p></html>").into_bytes()
}

/// A page or asset from memory; HTML pages get the reload script.
fn page_response(status: u16, path: &str, bytes: &[u8], range: Option<&str>) -> ResponseBox {
    let kind = crate::routes::content_type(path);
    let mut body = bytes.to_vec();
    if kind.starts_with("text/html") {
        inject_reload_script(&mut body);
    }
    let total = body.len() as u64;
    ranged(status, &kind, Cursor::new(body), total, range).expect("memory reads and seeks")
}

/// Adds the reload script before `</body>`, or at the end of pages that leave it out.
fn inject_reload_script(page: &mut Vec<u8>) {
    let script = format!("<script>{RELOAD_SCRIPT}</script>");
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    page.splice(at..at, script.into_bytes());
}

/// `body` (of `total` bytes) whole with `status`, or the part a `Range` header asks for
/// (206), or 416 when that part is not there. tiny_http leaves the body out for HEAD.
fn ranged<R: Read + Seek + Send + 'static>(
    status: u16,
    kind: &str,
    mut body: R,
    total: u64,
    range: Option<&str>,
) -> io::Result<ResponseBox> {
    let (status, start, length) = match range.map(|r| parse_range(r, total)) {
        Some(Some((start, end))) => (206, start, end - start + 1),
        Some(None) => {
            return Ok(Response::empty(416)
                .with_header(header("Content-Range", &format!("bytes */{total}")))
                .boxed())
        }
        None => (status, 0, total),
    };
    body.seek(SeekFrom::Start(start))?;
    let mut headers = vec![
        header("Content-Type", kind),
        header("Accept-Ranges", "bytes"),
        header("Cache-Control", "no-cache"),
    ];
    if status == 206 {
        let end = start + length - 1;
        headers.push(header(
            "Content-Range",
            &format!("bytes {start}-{end}/{total}"),
        ));
    }
    let length = usize::try_from(length).map_err(io::Error::other)?;
    Ok(Response::new(
        status.into(),
        headers,
        body.take(length as u64),
        Some(length),
        None,
    )
    .boxed())
}

/// The first range of a `Range: bytes=…` header as inclusive offsets, or `None` when it
/// cannot be satisfied.
fn parse_range(header: &str, total: u64) -> Option<(u64, u64)> {
    let spec = header.strip_prefix("bytes=")?.split(',').next()?.trim();
    let (first, last) = spec.split_once('-')?;
    let (start, end) = if first.is_empty() {
        let suffix: u64 = last.parse().ok()?;
        (total.checked_sub(suffix.min(total))?, total.checked_sub(1)?)
    } else {
        let start: u64 = first.parse().ok()?;
        let end = if last.is_empty() {
            total.checked_sub(1)?
        } else {
            last.parse::<u64>().ok()?.min(total.checked_sub(1)?)
        };
        (start, end)
    };
    (start <= end && end < total).then_some((start, end))
}

/// Streams reload events to one browser until it goes away (see [`event_stream`]).
fn events(request: Request, live: &Live, extra: &[(&str, &str)]) -> io::Result<()> {
    let events = live.subscribe();
    event_stream(request, extra, || {
        Some(match events.recv_timeout(Duration::from_secs(15)) {
            Ok(Event::Reload) => "event: reload\ndata: now\n\n".to_string(),
            Ok(Event::Fine) => "event: fine\ndata: ok\n\n".to_string(),
            Ok(Event::Problem(report)) => {
                let data: String = report.lines().map(|l| format!("data: {l}\n")).collect();
                format!("event: problem\n{data}\n")
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return None,
        })
    })
}

/// Answers `request` with a stream of server-sent events on the connection's own writer (see
/// the module's note): a head with `extra` headers, then each event `next` gives (waiting as
/// long as it likes), flushed at once, until `next` gives `None` or the browser goes away.
pub fn event_stream(
    request: Request,
    extra: &[(&str, &str)],
    mut next: impl FnMut() -> Option<String>,
) -> io::Result<()> {
    let mut out = request.into_writer();
    let mut head = String::from(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n",
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\nretry: 500\n\n");
    out.write_all(head.as_bytes())?;
    out.flush()?;
    while let Some(message) = next() {
        out.write_all(message.as_bytes())?;
        out.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn snapshot(static_dir: &Path) -> Snapshot {
        let mut pages = std::collections::BTreeMap::new();
        for page in ["index.html", "laureates/li/index.html", "feed.xml"] {
            pages.insert(page.to_string(), Arc::new(b"x".to_vec()));
        }
        Snapshot {
            root_path: "/zuimei/".into(),
            pages,
            static_dir: static_dir.to_path_buf(),
            ..Snapshot::default()
        }
    }

    #[test]
    fn paths_resolve_inside_the_site_only() {
        let dir = tempfile::tempdir().unwrap();
        let static_dir = dir.path().join("static");
        std::fs::create_dir_all(&static_dir).unwrap();
        std::fs::write(static_dir.join("logo.svg"), "<svg/>").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "no").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), static_dir.join("link.txt"))
            .unwrap();
        let s = snapshot(&static_dir);
        let page = |p: &str| Some(Target::Page(p.to_string()));
        assert_eq!(resolve(&s, "/zuimei/"), page("index.html"));
        assert_eq!(
            resolve(&s, "/zuimei/laureates/li/"),
            page("laureates/li/index.html")
        );
        assert_eq!(
            resolve(&s, "/zuimei/laureates/li"),
            Some(Target::Redirect("/zuimei/laureates/li/".into()))
        );
        assert_eq!(resolve(&s, "/"), Some(Target::Redirect("/zuimei/".into())));
        assert_eq!(
            resolve(&s, "/zuimei"),
            Some(Target::Redirect("/zuimei/".into()))
        );
        assert_eq!(resolve(&s, "/zuimei/feed.xml"), page("feed.xml"));
        assert!(matches!(
            resolve(&s, "/zuimei/logo.svg"),
            Some(Target::File(_))
        ));
        for bad in [
            "/zuimei/../secret.txt",
            "/zuimei/%2e%2e/secret.txt",
            "/zuimei/%2E%2E%2Fsecret.txt",
            "/zuimei/laureates/..%5c..%5csecret.txt",
            "/zuimei/link.txt",
            "/zuimei//etc/passwd",
            "/zuimei/%00",
            "/zuimei/%zz",
            "/other/index.html",
        ] {
            assert_eq!(resolve(&s, bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_above_the_root_lead_to_the_front_page() {
        let s = Snapshot {
            root_path: "/site/zuimei/".into(),
            ..snapshot(Path::new("/nowhere"))
        };
        for above in ["/", "/site", "/site/", "/site/zuimei"] {
            let front = Some(Target::Redirect("/site/zuimei/".into()));
            assert_eq!(resolve(&s, above), front, "{above}");
        }
        let index = Some(Target::Page("index.html".into()));
        assert_eq!(resolve(&s, "/site/zuimei/"), index);
        assert_eq!(resolve(&s, "/zuimei/"), None);
    }

    #[test]
    fn byte_ranges() {
        assert_eq!(parse_range("bytes=0-99", 1000), Some((0, 99)));
        assert_eq!(parse_range("bytes=900-", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=-100", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=0-5000", 1000), Some((0, 999)));
        assert_eq!(parse_range("bytes=1000-", 1000), None);
        assert_eq!(parse_range("bytes=5-2", 1000), None);
        assert_eq!(parse_range("items=0-1", 1000), None);
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_body_or_at_the_end() {
        let mut page = b"<html><body><p>x</p></body></html>".to_vec();
        inject_reload_script(&mut page);
        let text = String::from_utf8(page).unwrap();
        assert!(text.contains("</script></body></html>"), "{text}");
        let mut bare = b"<p>x".to_vec();
        inject_reload_script(&mut bare);
        assert!(String::from_utf8(bare).unwrap().ends_with("</script>"));
    }
}
