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
        let mut child = Command::new(env!("CARGO_BIN_EXE_laurel"))
            .args(["studio", "--no-open", "--port", "0", "--root"])
            .arg(site.root())
            .env("LAUREL_FFMPEG", "off")
            .env_remove("LAUREL_LANG")
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
