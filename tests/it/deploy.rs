//! `laurel deploy` against a real S3-compatible server (moto's server mode, from PyPI
//! `moto[server]` in target/e2e-tools/venv, as `.ci/run` installs it) on 127.0.0.1, and to
//! a folder.

use crate::support::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub const KEY_ID: &str = "AKIALAURELTESTKEY";
pub const SECRET: &str = "laurel-test-secret-do-not-print";

/// The virtual environment holding moto and boto3.
fn venv() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-tools/venv/bin");
    if dir.join("moto_server").is_file() {
        return Some(dir);
    }
    skipped(
        "moto[server]",
        " (python3 -m venv target/e2e-tools/venv && target/e2e-tools/venv/bin/pip install 'moto[server]')",
    );
    None
}

/// moto's S3 server on a free port of 127.0.0.1, stopped when dropped.
pub struct Moto {
    child: Child,
    pub port: u16,
    venv: PathBuf,
}

impl Moto {
    pub fn start() -> Option<Moto> {
        let venv = venv()?;
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(venv.join("moto_server"))
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start moto_server");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(std::time::Instant::now() < deadline, "moto did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let moto = Moto { child, port, venv };
        moto.boto("create", "kx-site");
        Some(moto)
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Runs boto3 against the server: `create` a bucket, `lose-manifest` (delete the deploy
    /// manifest), or `dump` every object under `zuimei/` with its size, Content-Type and
    /// Cache-Control.
    pub fn boto(&self, command: &str, bucket: &str) -> Value {
        let script = r#"
import boto3, json, sys
command, endpoint, bucket = sys.argv[1:4]
s3 = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="k", aws_secret_access_key="s", region_name="us-east-1")
if command == "create":
    s3.create_bucket(Bucket=bucket)
    print("{}")
elif command == "lose-manifest":
    s3.delete_object(Bucket=bucket, Key="zuimei/.laurel-deploy.json")
    print("{}")
else:
    out = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="zuimei/"):
        for o in page.get("Contents", []):
            head = s3.head_object(Bucket=bucket, Key=o["Key"])
            out[o["Key"]] = [o["Size"], head.get("ContentType"), head.get("CacheControl")]
    print(json.dumps(out))
"#;
        let output = Command::new(self.venv.join("python"))
            .args(["-c", script, command, &self.endpoint(), bucket])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A small site deploying to `endpoint` (bucket `bucket`, prefix `zuimei/`) and to a folder.
pub fn site(endpoint: &str, bucket: &str, extra: &str) -> TestSite {
    let site = TestSite::new(&format!(
        "title: 最美科技工作者\nbase_url: https://kx.example.cn/zuimei/\ndeploy:\n  - name: oss\n    kind: s3\n    endpoint: {endpoint}\n    bucket: {bucket}\n    prefix: zuimei/\n{extra}  - name: www\n    kind: folder\n    path: www\n"
    ));
    site.laureate(
        "李明远",
        "organization: 衡水市农业科学研究院\n",
        "## 扎根\n\n他走遍麦田。\n",
        2,
    );
    site.laureate(
        "吕静",
        "organization: 衡水学院\n",
        "## 发酵\n\n她在实验室。\n",
        2,
    );
    site.build_ok();
    site
}

fn deploy(site: &TestSite, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_laurel"))
        .arg("deploy")
        .args(args)
        .args(["--root", site.root().to_str().unwrap()])
        .env("LAUREL_DEPLOY_ACCESS_KEY_ID", KEY_ID)
        .env("LAUREL_DEPLOY_SECRET_ACCESS_KEY", SECRET)
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .output()
        .expect("run laurel deploy");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
    assert!(
        !all.contains(SECRET) && !all.contains(KEY_ID),
        "a credential was printed: {all}"
    );
    output
}

fn deploy_ok(site: &TestSite, args: &[&str]) -> String {
    let output = deploy(site, args);
    assert!(
        output.status.success(),
        "deploy failed: {}",
        stderr(&output)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The number before ` uploaded` / ` deleted` in the summary line.
fn count(summary: &str, what: &str) -> usize {
    let at = summary
        .find(&format!(" {what}"))
        .unwrap_or_else(|| panic!("{summary}"));
    let start = summary[..at].rfind([' ', ',']).map_or(0, |s| s + 1);
    summary[start..at]
        .parse()
        .unwrap_or_else(|_| panic!("{summary}"))
}

/// The files of `public/` as bucket keys with their sizes.
pub fn published(site: &TestSite) -> Vec<(String, u64)> {
    published_from(&site.public())
}

/// The files of the built site in `public` as bucket keys (prefix `zuimei/`) with their sizes.
pub fn published_from(public: &Path) -> Vec<(String, u64)> {
    tree(public)
        .into_iter()
        .map(|(path, bytes)| (format!("zuimei/{path}"), bytes.len() as u64))
        .collect()
}

pub fn objects(bucket: &Value) -> Vec<(String, u64)> {
    let mut objects: Vec<(String, u64)> = bucket
        .as_object()
        .unwrap()
        .iter()
        .filter(|(key, _)| !key.ends_with(".laurel-deploy.json"))
        .map(|(key, v)| (key.clone(), v[0].as_u64().unwrap()))
        .collect();
    objects.sort();
    objects
}

#[test]
fn deploys_upload_what_changed_in_order_and_delete_what_is_gone() {
    let Some(moto) = Moto::start() else {
        return;
    };
    let site = site(&moto.endpoint(), "kx-site", "");
    // --dry-run lists every upload and changes nothing.
    let dry = deploy_ok(&site, &["oss", "--dry-run"]);
    assert!(dry.contains("new") && dry.contains("media/"), "{dry}");
    assert_eq!(objects(&moto.boto("dump", "kx-site")), []);
    // The first deploy uploads every file with its type and caching.
    let first = deploy_ok(&site, &["oss"]);
    let bucket = moto.boto("dump", "kx-site");
    assert_eq!(objects(&bucket), published(&site));
    assert_eq!(count(&first, "uploaded"), published(&site).len());
    let header = |key: &str, n: usize| bucket[key][n].as_str().unwrap_or_default().to_string();
    assert_eq!(header("zuimei/index.html", 1), "text/html; charset=utf-8");
    assert!(header("zuimei/index.html", 2).contains("max-age=0"));
    assert_eq!(header("zuimei/sitemap.xml", 1), "text/xml; charset=utf-8");
    let media = bucket
        .as_object()
        .unwrap()
        .keys()
        .find(|k| k.ends_with(".webp"))
        .unwrap()
        .clone();
    assert_eq!(header(&media, 1), "image/webp");
    assert!(header(&media, 2).contains("immutable"));
    // A second deploy uploads nothing.
    assert_eq!(count(&deploy_ok(&site, &["oss"]), "uploaded"), 0);
    // An edited story uploads only pages that changed, no media.
    site.write(
        "content/laureates/吕静/story.md",
        "## 发酵\n\n她在实验室里做了十年。\n",
    );
    site.build_ok();
    let dry = deploy_ok(&site, &["oss", "--dry-run"]);
    let changed: Vec<&str> = dry.lines().filter(|l| l.starts_with("changed")).collect();
    assert!(!changed.is_empty(), "{dry}");
    assert!(
        changed.iter().all(|l| !l.contains("media/")),
        "media re-uploaded: {changed:?}"
    );
    let second = deploy_ok(&site, &["oss"]);
    assert_eq!(
        count(&second, "uploaded"),
        changed.len() + dry.lines().filter(|l| l.starts_with("new")).count()
    );
    // A removed laureate's files are deleted, after the new pages are up.
    std::fs::remove_dir_all(site.root().join("content/laureates/李明远")).unwrap();
    site.build_ok();
    let dry = deploy_ok(&site, &["oss", "--dry-run"]);
    let kinds: Vec<&str> = dry
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let first_delete = kinds
        .iter()
        .position(|k| *k == "delete")
        .expect("deletions");
    assert!(
        kinds[first_delete..kinds.len() - 1]
            .iter()
            .all(|k| *k == "delete"),
        "{dry}"
    );
    assert!(dry.contains("laureates/li-ming-yuan/index.html"), "{dry}");
    deploy_ok(&site, &["oss"]);
    assert_eq!(objects(&moto.boto("dump", "kx-site")), published(&site));
}

#[test]
fn more_deletions_than_max_deletes_need_force() {
    let Some(moto) = Moto::start() else {
        return;
    };
    let site = site(&moto.endpoint(), "kx-site", "    max_deletes: 2\n");
    deploy_ok(&site, &["oss"]);
    let before = moto.boto("dump", "kx-site");
    std::fs::remove_dir_all(site.root().join("content/laureates/李明远")).unwrap();
    site.build_ok();
    let refused = deploy(&site, &["oss"]);
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(
        err.contains("max_deletes") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(moto.boto("dump", "kx-site"), before, "nothing changed");
    deploy_ok(&site, &["oss", "--force"]);
    assert_eq!(objects(&moto.boto("dump", "kx-site")), published(&site));
}

#[test]
fn a_server_failing_every_third_request_still_ends_complete() {
    let Some(moto) = Moto::start() else {
        return;
    };
    moto.boto("create", "flaky");
    let proxy = FlakyProxy::start(moto.port, Flaw::Fails);
    let site = site(&format!("http://127.0.0.1:{}", proxy.port), "flaky", "");
    let summary = deploy_ok(&site, &["oss"]);
    assert_eq!(objects(&moto.boto("dump", "flaky")), published(&site));
    assert!(
        proxy.failed.load(Ordering::Relaxed) > 10,
        "the proxy failed requests"
    );
    let requests: usize = summary
        .split(';')
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(
        requests > published(&site).len(),
        "retries are counted: {summary}"
    );
    // A lost manifest is rebuilt from the listing: nothing is uploaded again.
    moto.boto("lose-manifest", "flaky");
    let again = deploy_ok(&site, &["oss"]);
    assert_eq!(count(&again, "uploaded"), 0, "{again}");
}

#[test]
fn a_folder_is_swapped_whole_and_a_failed_deploy_leaves_it() {
    let site = site("http://127.0.0.1:9", "unused", "");
    let first = deploy_ok(&site, &["www"]);
    let www = site.root().join("www");
    let before = tree(&www);
    assert_eq!(count(&first, "uploaded"), published(&site).len());
    assert!(www.join("index.html").is_file() && www.join(".laurel-deploy.json").is_file());
    assert_eq!(count(&deploy_ok(&site, &["www"]), "uploaded"), 0);
    // A file that cannot be read stops the deploy; the old tree stays, nothing half-made.
    site.write(
        "content/laureates/吕静/story.md",
        "## 发酵\n\n改过的故事。\n",
    );
    site.build_ok();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent", site.public().join("broken.html")).unwrap();
    let failed = deploy(&site, &["www"]);
    assert!(!failed.status.success());
    assert_eq!(tree(&www), before, "the served tree changed");
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("laurel-deploy"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    std::fs::remove_file(site.public().join("broken.html")).unwrap();
    deploy_ok(&site, &["www"]);
    assert!(
        std::fs::read_to_string(www.join("laureates/lyu-jing/index.html"))
            .unwrap()
            .contains("改过的故事")
    );
}

#[test]
fn without_credentials_an_s3_deploy_says_which_variables_to_set() {
    let site = site("http://127.0.0.1:9", "unused", "");
    let output = Command::new(env!("CARGO_BIN_EXE_laurel"))
        .args(["deploy", "oss", "--root", site.root().to_str().unwrap()])
        .env_remove("LAUREL_DEPLOY_ACCESS_KEY_ID")
        .env_remove("LAUREL_DEPLOY_SECRET_ACCESS_KEY")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("LAUREL_DEPLOY_ACCESS_KEY_ID"));
}

/// A proxy in front of the server that answers every third request with 503 itself, or
/// (`slow`) passes each on after a pause.
pub struct FlakyProxy {
    pub port: u16,
    failed: Arc<AtomicUsize>,
}

/// How the proxy treats requests.
#[derive(Clone, Copy)]
pub enum Flaw {
    /// Every third answered 503.
    Fails,
    /// Each passed on after this pause.
    Slow(Duration),
}

impl FlakyProxy {
    pub fn start(upstream: u16, flaw: Flaw) -> FlakyProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let failed = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicUsize::new(0));
        let counter = failed.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (seen, counter) = (seen.clone(), counter.clone());
                std::thread::spawn(move || {
                    let _ = relay(client, upstream, flaw, &seen, &counter);
                });
            }
        });
        FlakyProxy { port, failed }
    }
}

/// Serves requests on one client connection until it closes.
fn relay(
    client: TcpStream,
    upstream: u16,
    flaw: Flaw,
    seen: &AtomicUsize,
    failed: &AtomicUsize,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut client = client;
    loop {
        let mut head = Vec::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
            let end = line == "\r\n";
            if !line.to_ascii_lowercase().starts_with("connection:") && !end {
                head.extend_from_slice(line.as_bytes());
            }
            if end {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        if let Flaw::Slow(pause) = flaw {
            std::thread::sleep(pause);
        } else if seen.fetch_add(1, Ordering::Relaxed) % 3 == 2 {
            failed.fetch_add(1, Ordering::Relaxed);
            client.write_all(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")?;
            continue;
        }
        let mut server = TcpStream::connect(("127.0.0.1", upstream))?;
        server.write_all(&head)?;
        server.write_all(b"Connection: close\r\n\r\n")?;
        server.write_all(&body)?;
        let mut answer = Vec::new();
        server.read_to_end(&mut answer)?;
        // Keep the client's connection open: drop the server's `Connection: close`.
        let text_end = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(0);
        let head = String::from_utf8_lossy(&answer[..text_end])
            .replace("Connection: close\r\n", "")
            .replace("\r\nConnection: close", "");
        client.write_all(head.as_bytes())?;
        client.write_all(&answer[text_end..])?;
    }
}
