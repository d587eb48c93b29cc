//! A small HTTP/1.1 server for the preview: GET and HEAD, one request per connection, byte
//! ranges for videos, server-sent events for reloads. It serves only the built site: pages from
//! memory, media from the cache, files from `static/`; anything else is 404.
//!
//! Hand-written rather than a crate: the preview needs only GET/HEAD, byte ranges and an event
//! stream flushed after every event, which is little code over `std::net` and leaves no doubt
//! about a library buffering a streamed body.

use super::live::{Event, Live, Snapshot};
use crate::routes::MEDIA_DIR;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The path browsers listen on for reload events.
pub const EVENTS_PATH: &str = "/__laurel/events";

/// The script added to every served HTML page (never to `build` output).
const RELOAD_SCRIPT: &str = include_str!("reload.js");

/// Answers one connection.
pub fn handle(stream: TcpStream, live: &Live) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(request) = Request::read(&stream) else {
        return;
    };
    let mut out = stream;
    // Write errors mean the browser went away; there is no one left to tell.
    let _ = if request.method != "GET" && request.method != "HEAD" {
        respond(
            &mut out,
            405,
            "text/plain; charset=utf-8",
            b"only GET and HEAD",
            &request,
        )
    } else if request.path == EVENTS_PATH {
        events(&mut out, live)
    } else {
        serve_path(&mut out, live, &request)
    };
}

/// The parts of a request the preview needs.
struct Request {
    method: String,
    path: String,
    range: Option<String>,
}

impl Request {
    fn read(stream: &TcpStream) -> io::Result<Request> {
        let mut reader = BufReader::new(stream.take(16 * 1024));
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("/");
        let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
        let mut range = None;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("range") {
                    range = Some(value.trim().to_string());
                }
            }
        }
        Ok(Request {
            method,
            path,
            range,
        })
    }
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

/// Resolves a URL path against a build. Percent-escapes are decoded first, then any `.` or `..`
/// segment, backslash or NUL refuses the request; `static/` files must really lie inside
/// `static/` (no symlinks out).
fn resolve(snapshot: &Snapshot, url_path: &str) -> Option<Target> {
    let decoded = percent_decode(url_path)?;
    if decoded == "/" && snapshot.root_path != "/" {
        return Some(Target::Redirect(snapshot.root_path.clone()));
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

fn serve_path(out: &mut TcpStream, live: &Live, request: &Request) -> io::Result<()> {
    let snapshot = live.snapshot();
    match resolve(&snapshot, &request.path) {
        Some(Target::Redirect(location)) => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            out.write_all(head.as_bytes())
        }
        Some(Target::Page(path)) => {
            let bytes = snapshot.pages[&path].clone();
            send_bytes(out, 200, &path, bytes, request)
        }
        Some(Target::File(file)) => send_file(out, &file, request),
        None => match snapshot.pages.get("404.html") {
            Some(page) => send_bytes(out, 404, "404.html", page.clone(), request),
            None => send_bytes(
                out,
                404,
                "404.html",
                Arc::new(not_built_page(live)),
                request,
            ),
        },
    }
}

/// The page shown before any build has succeeded.
fn not_built_page(live: &Live) -> Vec<u8> {
    let why = if live.problem().is_some() {
        "构建失败，请查看错误信息。"
    } else {
        "页面不存在。"
    };
    format!("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>laurel</title><p>{why}</p></html>").into_bytes()
}

fn send_bytes(
    out: &mut TcpStream,
    status: u16,
    path: &str,
    bytes: Arc<Vec<u8>>,
    request: &Request,
) -> io::Result<()> {
    let kind = crate::routes::content_type(path);
    if kind.starts_with("text/html") {
        let mut page = bytes.as_ref().clone();
        inject_reload_script(&mut page);
        return respond(out, status, &kind, &page, request);
    }
    respond(out, status, &kind, &bytes, request)
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

fn respond(
    out: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    request: &Request,
) -> io::Result<()> {
    let total = body.len() as u64;
    match request.range.as_deref().map(|r| parse_range(r, total)) {
        Some(Some((start, end))) => {
            let part = &body[start as usize..=end as usize];
            write_head(out, 206, kind, part.len() as u64, Some((start, end, total)))?;
            if request.method == "GET" {
                out.write_all(part)?;
            }
            Ok(())
        }
        Some(None) => unsatisfiable(out, total),
        None => {
            write_head(out, status, kind, total, None)?;
            if request.method == "GET" {
                out.write_all(body)?;
            }
            Ok(())
        }
    }
}

fn send_file(out: &mut TcpStream, path: &Path, request: &Request) -> io::Result<()> {
    let mut file = std::fs::File::open(path)?;
    let total = file.metadata()?.len();
    let kind = crate::routes::content_type(&path.to_string_lossy());
    let (status, start, len, range) = match request.range.as_deref().map(|r| parse_range(r, total))
    {
        Some(Some((start, end))) => (206, start, end - start + 1, Some((start, end, total))),
        Some(None) => return unsatisfiable(out, total),
        None => (200, 0, total, None),
    };
    write_head(out, status, &kind, len, range)?;
    if request.method == "GET" {
        file.seek(SeekFrom::Start(start))?;
        io::copy(&mut file.take(len), out)?;
    }
    Ok(())
}

fn unsatisfiable(out: &mut TcpStream, total: u64) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{total}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    out.write_all(head.as_bytes())
}

fn write_head(
    out: &mut TcpStream,
    status: u16,
    kind: &str,
    length: u64,
    range: Option<(u64, u64, u64)>,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        206 => "Partial Content",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {length}\r\nAccept-Ranges: bytes\r\nCache-Control: no-cache\r\nConnection: close\r\n"
    );
    if let Some((start, end, total)) = range {
        head.push_str(&format!("Content-Range: bytes {start}-{end}/{total}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())
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

/// Streams reload events to one browser until it goes away.
fn events(out: &mut TcpStream, live: &Live) -> io::Result<()> {
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n",
    )?;
    let events = live.subscribe();
    loop {
        let message = match events.recv_timeout(Duration::from_secs(15)) {
            Ok(Event::Reload) => "event: reload\ndata: now\n\n".to_string(),
            Ok(Event::Fine) => "event: fine\ndata: ok\n\n".to_string(),
            Ok(Event::Problem(report)) => {
                let data: String = report.lines().map(|l| format!("data: {l}\n")).collect();
                format!("event: problem\n{data}\n")
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
        };
        out.write_all(message.as_bytes())?;
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
