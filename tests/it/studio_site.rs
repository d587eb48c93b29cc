//! The studio's `/site/`: the whole site as `laurel serve` shows it, on the studio's server,
//! behind the studio's guard, rebuilt and reloaded when the studio saves.

use crate::serve::site_with_a_laureate;
use crate::studio::{Raw, Studio};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const STORY: &str = "content/laureates/王芳/story.md";
const PAGE: &str = "/site/zuimei/laureates/wang-fang/";

/// Asks for `target` with the studio's cookie until it answers 200 (the first visit starts
/// the build), at most a minute.
fn when_built(studio: &Studio, target: &str) -> Raw {
    let started = Instant::now();
    loop {
        let answer = studio.request("GET", target, &studio.cookie(), "");
        if answer.status == 200 || started.elapsed() > Duration::from_secs(60) {
            return answer;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The reload events as a browser on the studio hears them: event names and data lines.
fn events(studio: &Studio) -> Receiver<String> {
    let mut stream = TcpStream::connect(&studio.address).unwrap();
    write!(
        stream,
        "GET /__laurel/events HTTP/1.1\r\nHost: {}\r\n{}\r\n",
        studio.address,
        studio.cookie()
    )
    .unwrap();
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    receiver
}

/// Waits (at most 30 s) for the line `event: {name}`.
fn wait_for(events: &Receiver<String>, name: &str) {
    let mut seen = Vec::new();
    while let Ok(line) = events.recv_timeout(Duration::from_secs(30)) {
        if line == format!("event: {name}") {
            return;
        }
        seen.push(line);
    }
    panic!("no {name} event came; saw {seen:?}");
}

#[test]
fn the_studio_shows_the_whole_site_under_site_behind_its_guard() {
    let site = site_with_a_laureate();
    let studio = Studio::start(&site);
    for target in ["/site/", PAGE, "/__laurel/events", "/site/zuimei/notes.txt"] {
        let refused = studio.request("GET", target, "", "");
        assert_eq!(refused.status, 403, "{target} without the key");
        assert!(!refused.body.contains("王芳") && !refused.body.contains("static file"));
    }
    let page = when_built(&studio, PAGE);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("最初的故事"), "{}", page.body);
    assert!(page.body.contains("/__laurel/events"), "the reload script");
    assert!(
        page.body.contains("href=\"/site/zuimei/assets/"),
        "the site's own links lead under /site/"
    );
    let csp = page.header("Content-Security-Policy").unwrap();
    assert!(csp.contains("frame-ancestors 'self'"), "{csp}");
    assert_eq!(
        page.header("X-Content-Type-Options").as_deref(),
        Some("nosniff")
    );
    let front = studio.request("GET", "/site/", &studio.cookie(), "");
    assert_eq!(front.status, 302);
    assert_eq!(front.header("Location").as_deref(), Some("/site/zuimei/"));
    assert_eq!(studio.get("/site/zuimei/notes.txt"), "static file");
    let entered = studio.request("GET", &format!("{PAGE}?key={}", studio.key), "", "");
    assert_eq!(
        entered.status, 303,
        "the key in the address sets the cookie"
    );
    let rebinding = format!(
        "Host: evil.example:{}\r\n{}",
        studio.port(),
        studio.cookie()
    );
    assert_eq!(studio.raw("GET", PAGE, &rebinding, "").status, 403);
    // The studio's own pages are where they were.
    assert!(studio.get("/").contains("<html"));
}

#[test]
fn a_save_in_the_studio_rebuilds_the_site_and_its_open_pages_reload() {
    let site = site_with_a_laureate();
    let studio = Studio::start(&site);
    assert_eq!(when_built(&studio, PAGE).status, 200);
    let events = events(&studio);
    wait_for(&events, "fine");
    let read = studio.source(STORY);
    let (status, saved) = studio.post(
        "/api/source",
        &serde_json::json!({"path": STORY, "text": "## 第一章\n\n工作室里写的新句子。", "version": read["version"]}),
    );
    assert_eq!(status, 200, "{saved}");
    wait_for(&events, "reload");
    assert!(studio.get(PAGE).contains("工作室里写的新句子"));
}
