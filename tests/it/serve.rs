//! `laurel serve`: the real server on an ephemeral port, fetched over TCP, edited live.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

const SITE_YAML: &str = "title: 测试\nbase_url: https://example.org/zuimei/\n";

/// A running `laurel serve`, stopped when dropped.
pub struct Preview {
    child: Child,
    /// `host:port` it listens on.
    pub address: String,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Preview {
    /// Starts `laurel serve` on a free port for `site` (without ffmpeg).
    pub fn start(site: &TestSite) -> Preview {
        Preview::start_with(site, &[])
    }

    /// Starts `laurel serve` like [`Preview::start`], with extra environment variables.
    pub fn start_with(site: &TestSite, env: &[(&str, &str)]) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_laurel"))
            .args([
                "serve",
                "--port",
                "0",
                "--root",
                site.root().to_str().unwrap(),
            ])
            .env("LAUREL_FFMPEG", "off")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start laurel serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut address = None;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("Serving http://") {
                address = Some(rest.split('/').next().unwrap().to_string());
                break;
            }
        }
        // Keep reading, as a terminal would.
        std::thread::spawn(move || lines.for_each(drop));
        Preview {
            child,
            address: address.expect("laurel serve printed its URL"),
        }
    }

    /// Sends a raw GET for `target` with extra header lines; returns status, head and body.
    /// It asks for the connection to be closed after the answer (HTTP/1.1 keeps it open
    /// otherwise), so that the answer is read to its end.
    fn get(&self, target: &str, headers: &str) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{headers}\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        let status = head[9..12].parse().unwrap();
        (status, head, response[split + 4..].to_vec())
    }

    fn page(&self, target: &str) -> String {
        let (status, _, body) = self.get(target, "");
        assert_eq!(status, 200, "{target}");
        String::from_utf8(body).unwrap()
    }

    /// The reload events stream, one event name (or data line) per message.
    fn events(&self) -> Receiver<String> {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(stream, "GET /__laurel/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { return };
                if (line.starts_with("event:") || line.starts_with("data:"))
                    && sender.send(line).is_err()
                {
                    return;
                }
            }
        });
        receiver
    }
}

/// Waits for the event `name` and returns its data lines.
fn wait_for(events: &Receiver<String>, name: &str) -> String {
    let mut seen = Vec::new();
    let mut current: Option<String> = None;
    let mut data = String::new();
    while let Ok(line) = events.recv_timeout(Duration::from_secs(20)) {
        seen.push(line.clone());
        if let Some(event) = line.strip_prefix("event: ") {
            current = Some(event.to_string());
            data.clear();
        } else if current.as_deref() == Some(name) {
            data.push_str(line.trim_start_matches("data: "));
            return data;
        }
    }
    panic!("no {name} event came; saw {seen:?}");
}

/// A small site with one laureate, a video and a static file.
pub fn site_with_a_laureate() -> TestSite {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "quote: 一句话\n", "## 第一章\n\n最初的故事。", 1);
    site.write_bytes(
        "content/laureates/王芳/videos/王芳.mp4",
        &fixture_video("landscape.mp4"),
    );
    site.write("static/notes.txt", "static file");
    site
}

#[test]
fn edits_are_served_at_once_and_open_pages_reload() {
    let site = site_with_a_laureate();
    let preview = Preview::start(&site);
    let page = preview.page("/zuimei/laureates/wang-fang/");
    assert!(page.contains("最初的故事"));
    assert!(
        page.contains("/__laurel/events"),
        "the reload script is injected"
    );
    let (status, head, _) = preview.get("/", "");
    assert_eq!(status, 302);
    assert!(head.contains("Location: /zuimei/"));

    let events = preview.events();
    wait_for(&events, "fine");
    site.write(
        "content/laureates/王芳/story.md",
        "## 第一章\n\n改过的故事。",
    );
    wait_for(&events, "reload");
    let page = preview.page("/zuimei/laureates/wang-fang/");
    assert!(page.contains("改过的故事"), "the edit is served");
    assert!(preview
        .page("/zuimei/cards/wang-fang/")
        .contains("改过的故事"));

    // A broken profile: the last good site stays, the problem names file and line.
    site.write(
        "content/laureates/王芳/profile.yaml",
        "name: 王芳\nquote: [unclosed\n",
    );
    let problem = wait_for(&events, "problem");
    assert!(
        problem.contains("content/laureates/王芳/profile.yaml:"),
        "{problem}"
    );
    assert!(preview
        .page("/zuimei/laureates/wang-fang/")
        .contains("改过的故事"));
    site.write(
        "content/laureates/王芳/profile.yaml",
        "name: 王芳\nquote: 修好了\n",
    );
    wait_for(&events, "reload");
    assert!(preview
        .page("/zuimei/laureates/wang-fang/")
        .contains("修好了"));

    // `build` output never carries the reload script.
    site.build_ok();
    let built = site.read("laureates/wang-fang/index.html");
    assert!(!built.contains("__laurel"));
}

/// Without change notifications (a network share, wine) the preview finds edits by polling.
#[test]
fn edits_are_found_by_polling_where_notifications_do_not_come() {
    let site = site_with_a_laureate();
    let preview = Preview::start_with(&site, &[("LAUREL_WATCH", "poll")]);
    let events = preview.events();
    wait_for(&events, "fine");
    site.write(
        "content/laureates/王芳/story.md",
        "## 第一章\n\n轮询看到的故事。",
    );
    wait_for(&events, "reload");
    assert!(preview
        .page("/zuimei/laureates/wang-fang/")
        .contains("轮询看到的故事"));
    site.write(
        "content/laureates/王芳/profile.yaml",
        "name: 王芳\nquote: 新的一句话\n",
    );
    wait_for(&events, "reload");
    assert!(preview
        .page("/zuimei/laureates/wang-fang/")
        .contains("新的一句话"));
}

#[test]
fn only_the_site_is_served_with_the_right_types_and_ranges() {
    let site = site_with_a_laureate();
    std::fs::write(site.root().join("secret.txt"), "secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.root().join("secret.txt"),
        site.root().join("static/out.txt"),
    )
    .unwrap();
    let preview = Preview::start(&site);
    for bad in [
        "/zuimei/../secret.txt",
        "/zuimei/%2e%2e/secret.txt",
        "/zuimei/%2e%2e%2fsecret.txt",
        "/zuimei/..%5csecret.txt",
        "/zuimei/out.txt",
        "/zuimei/../site.yaml",
        "/zuimei/media/../../site.yaml",
        "/secret.txt",
    ] {
        let (status, _, body) = preview.get(bad, "");
        assert_eq!(status, 404, "{bad}");
        assert!(!String::from_utf8_lossy(&body).contains("secret"), "{bad}");
    }
    assert_eq!(preview.page("/zuimei/notes.txt"), "static file");

    let page = preview.page("/zuimei/laureates/wang-fang/");
    let first = |tag: &str, attribute: &str| {
        start_tags(&page, tag)
            .into_iter()
            .find_map(|t| t.get(attribute).cloned())
            .unwrap_or_else(|| panic!("no <{tag} {attribute}>"))
    };
    let video = first("source", "src");
    let webp = first("source", "srcset");
    let webp = webp.split(' ').next().unwrap();
    let stylesheet = start_tags(&page, "link")
        .into_iter()
        .find(|l| l["rel"] == "stylesheet")
        .map(|l| l["href"].clone())
        .unwrap();
    for (target, kind) in [
        ("/zuimei/laureates/wang-fang/".to_string(), "text/html"),
        (video.clone(), "video/mp4"),
        (first("img", "src"), "image/jpeg"),
        (webp.to_string(), "image/webp"),
        (stylesheet, "text/css"),
        (first("script", "src"), "text/javascript"),
        ("/zuimei/feed.xml".to_string(), "text/xml; charset=utf-8"),
        ("/zuimei/kit/wang-fang/qr.svg".to_string(), "image/svg+xml"),
    ] {
        let (status, head, _) = preview.get(&target, "");
        assert_eq!(status, 200, "{target}");
        assert!(
            head.contains(&format!("Content-Type: {kind}")),
            "{target}: {head}"
        );
    }

    let (status, head, body) = preview.get(&video, "Range: bytes=0-99\r\n");
    assert_eq!(status, 206);
    assert_eq!(body.len(), 100);
    assert!(head.contains("Content-Range: bytes 0-99/"), "{head}");
    let (status, _, _) = preview.get(&video, "Range: bytes=99999999-\r\n");
    assert_eq!(status, 416);
}
