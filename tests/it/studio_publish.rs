//! The studio's long operations over HTTP: a build started, followed by its events to the
//! end, refused a second time while it runs, stopped half way (the last good public/ kept)
//! and started again.

use crate::studio::Studio;
use crate::support::*;
use serde_json::Value;
use std::time::{Duration, Instant};

/// The statuses of a stream of events, in order.
pub fn statuses(stream: &str) -> Vec<Value> {
    stream
        .split("\n\n")
        .filter_map(|event| event.lines().find_map(|l| l.strip_prefix("data: ")))
        .map(|data| serde_json::from_str(data).unwrap())
        .collect()
}

/// Follows the running operation's events to its end; every status it sent.
pub fn follow(studio: &Studio) -> Vec<Value> {
    let stream = studio.request("GET", "/api/jobs/events", &studio.cookie(), "");
    assert_eq!(stream.status, 200, "{}", stream.body);
    assert_eq!(
        stream.header("Content-Type").as_deref(),
        Some("text/event-stream")
    );
    assert!(stream.header("Content-Security-Policy").is_some());
    statuses(&stream.body)
}

/// POST to the studio as its own page does.
pub fn post(studio: &Studio, path: &str, body: &str) -> crate::studio::Raw {
    studio.request("POST", path, &studio.write_headers(), body)
}

/// Waits up to 60 s for the running operation's status to meet `condition`; the status.
pub fn wait_for(studio: &Studio, condition: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let status: Value = serde_json::from_str(&studio.get("/api/jobs")).unwrap();
        if condition(&status) {
            return status;
        }
        assert!(Instant::now() < deadline, "still {status}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_build_in_the_studio_streams_its_steps_and_image_counts_then_its_result() {
    let site = TestSite::new("title: 最美科技工作者\n");
    site.laureate(
        "李明远",
        "organization: 市农科院\n",
        "## 扎根\n\n他走遍麦田。\n",
        3,
    );
    let studio = Studio::start(&site);
    assert_eq!(studio.get("/api/jobs"), "null", "nothing ran yet");
    let started = post(&studio, "/api/build", "{}");
    assert_eq!(started.status, 202, "{}", started.body);
    let events = follow(&studio);
    assert_eq!(events[0]["state"], "running", "{events:?}");
    let last = events.last().unwrap();
    assert_eq!(last["state"], "done", "{last}");
    assert_eq!(last["step"], "write", "{last}");
    assert_eq!(last["summary"]["laureates"], 1, "{last}");
    assert!(last["summary"]["media"].as_u64().unwrap() > 0, "{last}");
    assert_eq!(last["all"], 4, "the portrait and three photos: {last}");
    assert_eq!(last["done"], 4, "{last}");
    assert!(site.read("index.html").contains("李明远"));
    // The stream of a finished operation is its last status, once.
    assert_eq!(follow(&studio), std::slice::from_ref(last));
    // Again, with nothing changed: up to date, as `laurel build` says.
    assert_eq!(post(&studio, "/api/build", "{}").status, 202);
    let again = follow(&studio);
    assert_eq!(again.last().unwrap()["summary"]["up_to_date"], true);
    // Nothing to stop now.
    assert_eq!(post(&studio, "/api/jobs/stop", "{}").status, 409);
    // Starting and stopping are writes: refused from another origin.
    let foreign = studio.request(
        "POST",
        "/api/build",
        &format!(
            "{}Origin: http://evil.example\r\nX-Laurel-Key: {}\r\n",
            studio.cookie(),
            studio.key
        ),
        "{}",
    );
    assert_eq!(foreign.status, 403);
    let no_key = studio.request("GET", "/api/jobs/events", "", "");
    assert_eq!(no_key.status, 403, "{}", no_key.body);
}

#[test]
fn a_build_stopped_half_way_keeps_the_last_good_site_and_the_next_build_succeeds() {
    let site = TestSite::new("title: 旧的标题\n");
    site.laureate("李明远", "organization: 市农科院\n", "他走遍麦田。\n", 1);
    site.build_ok();
    let before = tree(&site.public());
    // New nominees with large photos, so that the images take a while.
    for (n, name) in ["张一", "王二", "赵三", "钱四", "孙五"].iter().enumerate() {
        site.laureate(name, "organization: 市科协\n", "故事。\n", 0);
        for i in 1..=4u8 {
            let colour = [30 * n as u8, 60 * i, 90];
            let photo = format!("content/laureates/{name}/photos/{name}{i}.jpg");
            site.write_bytes(&photo, &jpeg(1600, 1200, colour));
        }
    }
    site.edit("site.yaml", |yaml| yaml.replace("旧的标题", "新的标题"));
    let studio = Studio::start(&site);
    assert_eq!(post(&studio, "/api/build", "{}").status, 202);
    let half = wait_for(&studio, |s| {
        s["step"] == "media" && s["done"].as_u64() >= Some(1)
    });
    // A second start while it runs: refused, saying what runs.
    let second = post(&studio, "/api/build", "{}");
    assert_eq!(second.status, 409, "{}", second.body);
    let said: Value = serde_json::from_str(&second.body).unwrap();
    assert_eq!(said["running"]["kind"], "build", "{said}");
    assert!(
        said["error"].as_str().unwrap().contains("正在进行"),
        "{said}"
    );
    let stop = post(&studio, "/api/jobs/stop", "{}");
    assert_eq!(stop.status, 200, "{}", stop.body);
    let last = follow(&studio).pop().unwrap();
    assert_eq!(last["state"], "stopped", "{last}");
    let (done, all) = (
        last["done"].as_u64().unwrap(),
        last["all"].as_u64().unwrap(),
    );
    assert!(
        done < all,
        "stopped after {done} of {all} images (at {half})"
    );
    assert!(
        last["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("停止"),
        "{last}"
    );
    assert!(
        tree(&site.public()) == before,
        "public/ is the last good build"
    );
    let beside: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("public") && name != "public")
        .collect();
    assert!(beside.is_empty(), "nothing left half-written: {beside:?}");
    // Built again: the whole site, with the new title.
    assert_eq!(post(&studio, "/api/build", "{}").status, 202);
    let again = follow(&studio).pop().unwrap();
    assert_eq!(again["state"], "done", "{again}");
    assert_eq!(again["summary"]["laureates"], 6, "{again}");
    assert!(site.read("index.html").contains("新的标题"));
}
