//! `laurel studio`: the real server on a free port, spoken to with raw requests over TCP, so
//! that each security rule is seen as a browser (or an attacker's page) would meet it.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// A running `laurel studio`, stopped when dropped.
pub struct Studio {
    child: Child,
    /// The first line it printed: `http://127.0.0.1:PORT/?key=…`.
    pub url: String,
    /// `127.0.0.1:PORT`.
    pub address: String,
    /// The session's secret.
    pub key: String,
}

impl Drop for Studio {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw answer: status, head, body.
pub struct Raw {
    pub status: u16,
    pub head: String,
    pub body: String,
    /// The body as sent.
    pub bytes: Vec<u8>,
}

impl Raw {
    /// The value of header `name` (case-insensitive), if any.
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }
}

impl Studio {
    /// Starts `laurel studio --no-open` on a free port for `site` (in its default language).
    pub fn start(site: &TestSite) -> Studio {
        Studio::start_at(site.root())
    }

    /// Starts `laurel studio --no-open` on a free port for the site at `root`.
    pub fn start_at(root: &std::path::Path) -> Studio {
        let mut child = Command::new(env!("CARGO_BIN_EXE_laurel"))
            .args(["studio", "--no-open", "--port", "0", "--root"])
            .arg(root)
            .env("LAUREL_FFMPEG", "off")
            .env_remove("LAUREL_LANG")
            // A deploy's key is typed in the page in the tests that need one.
            .env_remove("LAUREL_DEPLOY_ACCESS_KEY_ID")
            .env_remove("LAUREL_DEPLOY_SECRET_ACCESS_KEY")
            .env_remove("AWS_ACCESS_KEY_ID")
            .env_remove("AWS_SECRET_ACCESS_KEY")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start laurel studio");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let url = lines.next().expect("a first line").unwrap();
        std::thread::spawn(move || lines.for_each(drop));
        let rest = url.strip_prefix("http://").expect("an http address");
        let (address, key) = rest
            .split_once("/?key=")
            .expect("the address holds the key");
        Studio {
            address: address.to_string(),
            key: key.to_string(),
            url: url.clone(),
            child,
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.address.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// The cookie header line a browser sends after entering.
    pub fn cookie(&self) -> String {
        format!("Cookie: laurel_studio_{}={}\r\n", self.port(), self.key)
    }

    /// The headers of the studio's own page writing: same origin and the key.
    pub fn write_headers(&self) -> String {
        format!(
            "{}Origin: http://{}\r\nX-Laurel-Key: {}\r\nContent-Type: application/json\r\n",
            self.cookie(),
            self.address,
            self.key
        )
    }

    /// A raw request with the studio's own `Host` and the given header lines.
    pub fn request(
        &self,
        method: &str,
        target: &str,
        headers: &str,
        body: impl AsRef<[u8]>,
    ) -> Raw {
        let host = format!("Host: {}\r\n", self.address);
        self.raw(method, target, &format!("{host}{headers}"), body)
    }

    /// A raw request with exactly the given header lines (no `Host` unless given).
    pub fn raw(&self, method: &str, target: &str, headers: &str, body: impl AsRef<[u8]>) -> Raw {
        let body = body.as_ref();
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .unwrap();
        // A server may answer (413) before it has read all of a large body.
        let _ = stream.write_all(body);
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a whole answer");
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        let mut body = response[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = dechunk(&body);
        }
        Raw {
            status: head[9..12].parse().unwrap(),
            head,
            body: String::from_utf8_lossy(&body).into_owned(),
            bytes: body,
        }
    }

    /// GET with the cookie, expecting 200; the body.
    pub fn get(&self, target: &str) -> String {
        let answer = self.request("GET", target, &self.cookie(), "");
        assert_eq!(answer.status, 200, "{target}: {}", answer.body);
        answer.body
    }
}

/// A chunked body's bytes (large answers come in chunks).
fn dechunk(mut chunked: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(end) = chunked.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&chunked[..end]).unwrap().trim();
        let size = usize::from_str_radix(size, 16).unwrap();
        if size == 0 {
            break;
        }
        body.extend_from_slice(&chunked[end + 2..end + 2 + size]);
        chunked = &chunked[end + 4 + size..];
    }
    body
}

/// A campaign of two nominees, one with a problem check reports.
pub fn two_nominees() -> TestSite {
    let site = TestSite::new(
        "title: 测试评选\nbase_url: https://example.org/zuimei/\n\
         campaign:\n  categories: [乡村振兴]\n  rules:\n    photo_min_bytes: 0\n    portrait_min_width: 0\n",
    );
    site.laureate(
        "王芳",
        "gender: 女\nbirth: 1990-03\norganization: 市农科院\ncategory: 乡村振兴\n\
         channel: county\nrecommender: 城区科协\nsummary: 扎根田间。\nfield: 小麦育种\n",
        "## 第一章\n\n最初的故事。",
        3,
    );
    // No photos: his would be the same bytes as hers.
    site.write(
        "content/laureates/李强/profile.yaml",
        "name: 李强\ngender: 男\n",
    );
    site.write("content/laureates/李强/story.md", "故事。");
    site
}

#[test]
fn the_first_line_is_a_loopback_address_with_a_random_secret() {
    let site = two_nominees();
    let (one, two) = (Studio::start(&site), Studio::start(&site));
    assert!(one.url.starts_with("http://127.0.0.1:"), "{}", one.url);
    assert_eq!(one.key.len(), 32, "{}", one.url);
    assert!(one.key.chars().all(|c| c.is_ascii_hexdigit()));
    assert_ne!(one.key, two.key, "a new secret each session");
    // Not reachable on the machine's network address (when it has one).
    let outward = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("10.255.255.1:80").map(|_| s))
        .and_then(|s| s.local_addr());
    if let Some(addr) = outward.ok().map(|a| a.ip()).filter(|ip| !ip.is_loopback()) {
        let reached = TcpStream::connect((addr, one.port()));
        assert!(reached.is_err(), "the studio answered on {addr}");
    }
}

#[test]
fn without_the_secret_everything_is_forbidden_and_says_nothing() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    for target in [
        "/",
        "/api/campaign",
        "/api/messages",
        "/studio.js",
        "/?key=0000",
    ] {
        let answer = studio.request("GET", target, "", "");
        assert_eq!(answer.status, 403, "{target}");
        assert!(!answer.body.contains("王芳") && !answer.body.contains("测试评选"));
    }
    let wrong = format!(
        "Cookie: laurel_studio_{}=00000000000000000000000000000000\r\n",
        studio.port()
    );
    assert_eq!(
        studio.request("GET", "/api/campaign", &wrong, "").status,
        403
    );
}

#[test]
fn the_secret_in_the_address_becomes_a_strict_cookie() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let entered = studio.request("GET", &format!("/?key={}", studio.key), "", "");
    assert_eq!(entered.status, 303);
    assert_eq!(
        entered.header("Location").as_deref(),
        Some("/"),
        "the key leaves the address"
    );
    let cookie = entered.header("Set-Cookie").unwrap();
    assert!(cookie.starts_with(&format!("laurel_studio_{}={}", studio.port(), studio.key)));
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let data = studio.get("/api/campaign");
    assert!(data.contains("王芳") && data.contains("李强"), "{data}");
}

#[test]
fn a_foreign_host_is_refused_dns_rebinding() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let port = studio.port();
    for host in [
        format!("evil.example:{port}"),
        "127.0.0.1".into(),
        format!("127.0.0.1:{}", port + 1),
    ] {
        let headers = format!("Host: {host}\r\n{}", studio.cookie());
        let answer = studio.raw("GET", "/api/campaign", &headers, "");
        assert_eq!(answer.status, 403, "{host}");
        assert!(!answer.body.contains("王芳"));
    }
    assert_eq!(
        studio
            .raw("GET", "/api/campaign", &studio.cookie(), "")
            .status,
        403,
        "no Host"
    );
    let local = format!("Host: localhost:{port}\r\n{}", studio.cookie());
    assert_eq!(studio.raw("GET", "/api/campaign", &local, "").status, 200);
}

#[test]
fn writes_need_the_same_origin_and_the_key_in_a_header() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let origin = format!("Origin: http://{}\r\n", studio.address);
    let key = format!("X-Laurel-Key: {}\r\n", studio.key);
    let cookie = studio.cookie();
    let refused = [
        ("a form post from elsewhere", format!("{cookie}Origin: http://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n")),
        ("text/plain from elsewhere", format!("{cookie}{key}Origin: http://evil.example\r\nContent-Type: text/plain\r\n")),
        ("same origin, cookie only", format!("{cookie}{origin}")),
        ("no origin, cross-site fetch", format!("{cookie}{key}Sec-Fetch-Site: cross-site\r\n")),
        ("no origin at all", format!("{cookie}{key}")),
    ];
    let body = r#"{"name": "张三"}"#;
    let folder = site.root().join("content/laureates/张三");
    for (case, headers) in refused {
        let answer = studio.request("POST", "/api/nominees", &headers, body);
        assert_eq!(answer.status, 403, "{case}");
        assert!(!folder.exists(), "{case} wrote nothing");
    }
    let own = studio.request("POST", "/api/nominees", &studio.write_headers(), body);
    assert_eq!(own.status, 201, "{}", own.body);
    assert!(folder.join("profile.yaml").is_file(), "laurel new's folder");
    let fetch = format!("{cookie}{key}Sec-Fetch-Site: same-origin\r\n");
    let again = studio.request("POST", "/api/nominees", &fetch, body);
    assert_eq!(
        again.status, 400,
        "an existing folder is refused: {}",
        again.body
    );
    for name in ["../../outside", "..", "a/b"] {
        let body = format!(r#"{{"name": "{name}"}}"#);
        let answer = studio.request("POST", "/api/nominees", &studio.write_headers(), &body);
        assert_eq!(answer.status, 400, "{name}");
    }
    assert!(!site.root().join("../outside").exists());
}

#[test]
fn every_answer_carries_a_policy_without_inline_script_and_speaks_chinese() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    for (target, headers) in [
        ("/", studio.cookie()),
        ("/studio.js", studio.cookie()),
        ("/", String::new()),
    ] {
        let answer = studio.request("GET", target, &headers, "");
        let csp = answer.header("Content-Security-Policy").unwrap_or_default();
        assert!(csp.contains("script-src 'self'"), "{target}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{target}: {csp}");
    }
    let page = studio.get("/");
    assert!(!page.contains("<script>"), "no inline script: {page}");
    assert!(page.contains("lang=\"zh-CN\""), "{page}");
    assert!(studio.get("/api/messages").contains("评选工作台"));
}

impl Studio {
    /// A write by the studio's own page, as JSON; the status and the parsed answer.
    pub fn post(&self, target: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        let answer = self.request("POST", target, &self.write_headers(), body.to_string());
        let value = serde_json::from_str(&answer.body).unwrap_or(serde_json::Value::Null);
        (answer.status, value)
    }

    /// A file's text and version as the studio hands them out.
    pub fn source(&self, path: &str) -> serde_json::Value {
        let target = format!("/api/source?path={}", encode(path));
        serde_json::from_str(&self.get(&target)).unwrap()
    }
}

/// `text` percent-encoded for a query.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(
            |b| match b.is_ascii_alphanumeric() || b"/._-".contains(&b) {
                true => (b as char).to_string(),
                false => format!("%{b:02X}"),
            },
        )
        .collect()
}

/// A file of the site as it is on disk.
fn disk(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

const STORY: &str = "content/laureates/王芳/story.md";
const PROFILE: &str = "content/laureates/王芳/profile.yaml";

#[test]
fn a_save_replaces_the_file_keeps_the_old_one_in_the_history_and_undo_brings_it_back() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let read = studio.source(STORY);
    assert_eq!(read["text"], "## 第一章\n\n最初的故事。");
    let (status, saved) = studio.post(
        "/api/source",
        &serde_json::json!({"path": STORY, "text": "## 第一章\n\n改过的故事。", "version": read["version"]}),
    );
    assert_eq!(status, 200, "{saved}");
    assert_eq!(disk(&site, STORY), "## 第一章\n\n改过的故事。");
    assert_ne!(saved["version"], read["version"]);
    let folder = site.root().join("content/laureates/王芳");
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("tmp")), "{names:?}");
    let history: serde_json::Value =
        serde_json::from_str(&studio.get(&format!("/api/history?path={}", encode(STORY)))).unwrap();
    assert_eq!(history["entries"].as_array().unwrap().len(), 1, "{history}");
    let (status, undone) = studio.post(
        "/api/undo",
        &serde_json::json!({"path": STORY, "version": saved["version"]}),
    );
    assert_eq!(status, 200, "{undone}");
    assert_eq!(disk(&site, STORY), "## 第一章\n\n最初的故事。");
    assert_eq!(undone["version"], read["version"]);
    let (status, _) = studio.post(
        "/api/undo",
        &serde_json::json!({"path": STORY, "version": undone["version"]}),
    );
    assert_eq!(status, 404, "nothing earlier left");
    // The history stays out of what check and build read.
    let check = laurel(&["check", "--root", site.root().to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&check.stdout).contains(".laurel-studio"));
    site.build_ok();
    assert!(!site.public().join(".laurel-studio").exists());
}

#[test]
fn a_file_changed_on_disk_meanwhile_is_a_conflict_with_both_texts_never_an_overwrite() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let read = studio.source(STORY);
    site.write(STORY, "在记事本里改的。");
    let mine =
        serde_json::json!({"path": STORY, "text": "工作台里改的。", "version": read["version"]});
    let (status, conflict) = studio.post("/api/source", &mine);
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(conflict["mine"], "工作台里改的。");
    assert_eq!(conflict["theirs"], "在记事本里改的。");
    assert!(
        conflict["error"].as_str().unwrap().contains("改过"),
        "{conflict}"
    );
    assert_eq!(disk(&site, STORY), "在记事本里改的。", "not overwritten");
    // Choosing mine: sent again with the version on disk.
    let chosen = serde_json::json!({"path": STORY, "text": "工作台里改的。", "version": conflict["version"]});
    assert_eq!(studio.post("/api/source", &chosen).0, 200);
    assert_eq!(disk(&site, STORY), "工作台里改的。");
    // A file the page thinks is new, made on disk meanwhile.
    let new = serde_json::json!({"path": "content/pages/about.md", "text": "关于", "version": ""});
    site.write("content/pages/about.md", "别人先写了。");
    assert_eq!(studio.post("/api/source", &new).0, 409);
}

#[test]
fn the_form_changes_only_the_fields_that_changed_and_keeps_the_editors_comments() {
    let site = two_nominees();
    site.write(
        PROFILE,
        "# 编辑：电话已核实\nname: 王芳   # 本人确认\ngender: 女\nbirth: 1990-03\norganization: 市农科院\n\
         category: 乡村振兴\nchannel: county\nrecommender: 城区科协\nsummary: 扎根田间。\nfield: 小麦育种\n",
    );
    let studio = Studio::start(&site);
    let read = studio.source(PROFILE);
    let values = serde_json::json!({"name": "王芳", "gender": "女", "birth": "1990-03",
        "organization": "市农业科学院", "honors": ["2019年 省科技进步三等奖"],
        "private": {"phone": "13800000000"}, "quote": ""});
    let (status, saved) = studio.post(
        "/api/profile",
        &serde_json::json!({"path": PROFILE, "version": read["version"], "values": values}),
    );
    assert_eq!(status, 200, "{saved}");
    assert_eq!(
        disk(&site, PROFILE),
        "# 编辑：电话已核实\nname: 王芳   # 本人确认\ngender: 女\nbirth: 1990-03\norganization: 市农业科学院\n\
         category: 乡村振兴\nchannel: county\nrecommender: 城区科协\nsummary: 扎根田间。\nfield: 小麦育种\n\
         honors:\n  - 2019年 省科技进步三等奖\nprivate:\n  phone: '13800000000'\n"
    );
    let (code, report) = check_json(&site);
    let about_her: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"].as_str().unwrap_or("").contains("王芳") && f["severity"] == "error")
        .collect();
    assert!(about_her.is_empty(), "{code:?} {about_her:?}");
    // The form read before that save is now out of date.
    let stale = serde_json::json!({"path": PROFILE, "version": read["version"], "values": {"title": "研究员"}});
    let (status, conflict) = studio.post("/api/profile", &stale);
    assert_eq!(status, 409);
    assert!(conflict["mine"]
        .as_str()
        .unwrap()
        .contains("title: 研究员\n"));
    assert!(!disk(&site, PROFILE).contains("研究员"));
}

#[test]
fn the_studio_writes_only_content_and_site_yaml_inside_the_site_folder() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    std::fs::create_dir_all(site.root().join("../content-old")).ok();
    for path in [
        "../outside.md",
        "public/index.html",
        ".laurel-studio/history/x",
        "content/../../outside.md",
        "templates/page.html",
        "content",
        "content/laureates/王芳/Thumbs.db",
    ] {
        let body = serde_json::json!({"path": path, "text": "x", "version": ""});
        let (status, answer) = studio.post("/api/source", &body);
        assert_eq!(status, 403, "{path}: {answer}");
        assert!(
            answer["error"].as_str().unwrap().contains("content/"),
            "{answer}"
        );
    }
    assert!(!site.root().join("../outside.md").exists());
    assert!(!site.root().join("public").exists());
    let site_yaml = studio.source("site.yaml");
    let text = format!("{}\n# 工作台改过\n", site_yaml["text"].as_str().unwrap());
    let body =
        serde_json::json!({"path": "site.yaml", "text": text, "version": site_yaml["version"]});
    assert_eq!(studio.post("/api/source", &body).0, 200);
}

#[test]
fn every_write_endpoint_refuses_a_foreign_origin_and_a_missing_key() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let read = studio.source(STORY);
    let bodies = [
        (
            "/api/source",
            serde_json::json!({"path": STORY, "text": "x", "version": read["version"]}),
        ),
        (
            "/api/profile",
            serde_json::json!({"path": PROFILE, "version": studio.source(PROFILE)["version"], "values": {"name": "x"}}),
        ),
        (
            "/api/undo",
            serde_json::json!({"path": STORY, "version": read["version"]}),
        ),
        (
            "/api/restore",
            serde_json::json!({"path": STORY, "version": read["version"], "id": "1"}),
        ),
    ];
    let cookie = studio.cookie();
    let key = format!("X-Laurel-Key: {}\r\n", studio.key);
    for (target, body) in &bodies {
        for (case, headers) in [
            (
                "foreign origin",
                format!("{cookie}{key}Origin: http://evil.example\r\nContent-Type: text/plain\r\n"),
            ),
            (
                "no key",
                format!("{cookie}Origin: http://{}\r\n", studio.address),
            ),
            ("nothing", String::new()),
        ] {
            let answer = studio.request("POST", target, &headers, body.to_string());
            assert_eq!(answer.status, 403, "{target} {case}");
        }
    }
    assert_eq!(disk(&site, STORY), "## 第一章\n\n最初的故事。");
    assert!(disk(&site, PROFILE).contains("name: 王芳"));
    assert_eq!(
        studio
            .request(
                "GET",
                &format!("/api/source?path={}", encode(STORY)),
                "",
                ""
            )
            .status,
        403
    );
}

#[test]
fn check_runs_on_the_unsaved_form_and_says_at_which_field() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let before = disk(&site, PROFILE);
    let story = "## 第一章\n\n最初的故事。";
    let ask = |values: serde_json::Value| {
        let body = serde_json::json!({"folder": "王芳", "values": values, "story": story});
        let (status, answer) = studio.post("/api/validate", &body);
        assert_eq!(status, 200, "{answer}");
        answer["findings"].as_array().unwrap().clone()
    };
    let at = |findings: &[serde_json::Value], field: &str| {
        findings
            .iter()
            .filter(|f| f["field"] == field && f["severity"] == "error")
            .count()
    };
    let emptied = ask(serde_json::json!({"organization": "", "gender": "未知", "recommender": ""}));
    assert_eq!(at(&emptied, "organization"), 1, "{emptied:?}");
    assert_eq!(at(&emptied, "recommender"), 1, "{emptied:?}");
    assert_eq!(at(&emptied, "field"), 0, "{emptied:?}");
    assert_eq!(at(&emptied, "gender"), 1, "{emptied:?}");
    let filled = ask(serde_json::json!({"organization": "市农科院", "gender": "女"}));
    assert_eq!(
        at(&filled, "organization") + at(&filled, "gender"),
        0,
        "{filled:?}"
    );
    assert_eq!(disk(&site, PROFILE), before, "checking saves nothing");
    let drafts = site.root().join(".laurel-studio/drafts");
    let left = std::fs::read_dir(&drafts).map_or(0, |d| d.count());
    assert_eq!(left, 0, "drafts are removed");
}

#[test]
fn the_preview_renders_the_unsaved_story_and_nothing_private() {
    let site = two_nominees();
    site.write(
        PROFILE,
        &format!(
            "{}private:\n  phone: \"13912345678\"\n",
            disk(&site, PROFILE)
        ),
    );
    let studio = Studio::start(&site);
    let body = serde_json::json!({"folder": "王芳",
        "values": {"private": {"phone": "13912345678", "id_card": "110101199003070000"}},
        "story": "## 新的一章\n\n预览里的新句子。"});
    let (status, urls) = studio.post("/api/render", &body);
    assert_eq!(status, 200, "{urls}");
    let profile = studio.request(
        "GET",
        urls["profile"].as_str().unwrap(),
        &studio.cookie(),
        "",
    );
    assert_eq!(profile.status, 200, "{urls}");
    assert!(profile.body.contains("预览里的新句子"), "{}", profile.body);
    assert!(profile.body.contains("扎根田间"), "the summary");
    let csp = profile.header("Content-Security-Policy").unwrap();
    assert!(
        csp.contains("frame-ancestors 'self'") && csp.contains("connect-src 'none'"),
        "{csp}"
    );
    let card = studio.get(urls["card"].as_str().unwrap());
    assert!(card.contains("王芳"), "{card}");
    for page in [&profile.body, &card] {
        assert!(!page.contains("13912345678") && !page.contains("110101199003070000"));
    }
    assert!(
        !disk(&site, STORY).contains("新的一章"),
        "a preview saves nothing"
    );
    let refused = studio.request("GET", urls["profile"].as_str().unwrap(), "", "");
    assert_eq!(refused.status, 403, "the preview needs the key too");
}
