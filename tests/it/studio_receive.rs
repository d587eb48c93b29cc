//! 接收材料 in the studio (issue 31): received files are staged inside the site, import's dry
//! run is the plan, nothing reaches `content/` before 「确认导入」, and every new endpoint keeps
//! the studio's security rules.

use crate::studio::{encode, Studio};
use crate::support::*;
use std::io::Write;

/// A reference 推荐表 of `tests/fixtures/forms/`.
pub fn form(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/forms/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A unit's zip as it arrives: two 推荐表 in a folder each, and the `extra` entries.
pub fn forms_zip(extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let (first, second) = (form("inline-colon.docx"), form("story-after-table.docx"));
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("王芳/推荐表.docx", &first),
        ("赵建国/推荐表.docx", &second),
    ];
    entries.extend_from_slice(extra);
    for (name, bytes) in entries {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn empty_campaign() -> TestSite {
    TestSite::new("title: 测试评选\n")
}

/// A new batch, as the page opens one.
fn open_batch(studio: &Studio) -> String {
    let (status, json) = studio.post("/api/receive", &serde_json::json!({}));
    assert_eq!(status, 201, "{json}");
    json["batch"].as_str().unwrap().to_string()
}

/// One received file sent as the page sends it.
fn send(studio: &Studio, batch: &str, path: &str, bytes: &[u8]) -> (u16, serde_json::Value) {
    let target = format!("/api/receive/file?batch={batch}&path={}", encode(path));
    let answer = studio.request("POST", &target, &studio.write_headers(), bytes);
    let json = serde_json::from_str(&answer.body).unwrap_or(serde_json::Value::Null);
    (answer.status, json)
}

/// An empty campaign's studio with a batch holding one unit's zip.
fn zip_received() -> (TestSite, Studio, String) {
    let site = empty_campaign();
    let studio = Studio::start(&site);
    let batch = open_batch(&studio);
    let (status, json) = send(&studio, &batch, "城区科协.zip", &forms_zip(&[]));
    assert_eq!(status, 201, "{json}");
    (site, studio, batch)
}

fn plan(studio: &Studio, batch: &str) -> serde_json::Value {
    serde_json::from_str(&studio.get(&format!("/api/receive/plan?batch={batch}"))).unwrap()
}

fn names(report: &serde_json::Value) -> Vec<&str> {
    report["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect()
}

#[test]
fn a_zip_received_is_planned_first_and_written_only_when_confirmed() {
    let site = empty_campaign();
    let studio = Studio::start(&site);
    let batch = open_batch(&studio);
    let (status, json) = send(&studio, &batch, "城区科协.zip", &forms_zip(&[]));
    assert_eq!((status, &json["path"]), (201, &"城区科协.zip".into()));
    let staged = site.root().join(".laurel-studio/inbox").join(&batch);
    assert!(staged.join("城区科协.zip").is_file());

    let planned = plan(&studio, &batch);
    let report = &planned["report"];
    assert_eq!(report["dry_run"], true);
    assert_eq!(names(report), ["王芳", "赵建国"], "{report:#}");
    let hers = &report["candidates"][0]["files"];
    assert!(
        hers.as_array()
            .unwrap()
            .iter()
            .any(|f| f["from"] == "城区科协.zip!王芳/推荐表.docx"
                && f["to"] == "profile.yaml"
                && f["action"] == "new"),
        "which received file becomes her profile, named inside the batch: {hers:#}"
    );
    assert_eq!(planned["files"][0]["path"], "城区科协.zip");
    assert!(
        !site.root().join("content").exists(),
        "nothing written before confirming"
    );
    let check = laurel(&["check", "--root", &site.root().to_string_lossy()]);
    assert!(
        !stderr(&check).contains("inbox")
            && !String::from_utf8_lossy(&check.stdout).contains("inbox"),
        "check does not read the staging folder"
    );

    let (status, done) = studio.post(
        "/api/receive/confirm",
        &serde_json::json!({ "batch": batch }),
    );
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["report"]["dry_run"], false);
    assert_eq!(
        done["report"]["candidates"][0]["folder"],
        "content/laureates/王芳"
    );
    let profile = std::fs::read_to_string(site.root().join("content/laureates/王芳/profile.yaml"))
        .expect("her profile is written");
    assert!(profile.contains("王芳"));
    assert!(site
        .root()
        .join("content/laureates/赵建国/story.md")
        .is_file());
    assert!(!staged.exists(), "the staging folder goes after the import");
    let status: serde_json::Value = serde_json::from_str(&studio.get("/api/receive")).unwrap();
    assert_eq!(status["pending"], serde_json::json!([]));
}

#[test]
fn discarding_deletes_the_staging_folder_and_imports_nothing() {
    let (site, studio, batch) = zip_received();
    let status: serde_json::Value = serde_json::from_str(&studio.get("/api/receive")).unwrap();
    assert_eq!(
        status["pending"],
        serde_json::json!([batch]),
        "a page opened again finds it"
    );
    assert_eq!(status["limits"]["file_mb"], 600);
    let (status, _) = studio.post(
        "/api/receive/discard",
        &serde_json::json!({ "batch": batch }),
    );
    assert_eq!(status, 200);
    assert!(!site
        .root()
        .join(".laurel-studio/inbox")
        .join(&batch)
        .exists());
    assert!(!site.root().join("content").exists());
    let (status, _) = studio.post(
        "/api/receive/confirm",
        &serde_json::json!({ "batch": batch }),
    );
    assert_eq!(status, 404, "a discarded batch cannot be imported");
}

#[test]
fn received_files_and_zip_entries_stay_inside_the_batch() {
    let site = empty_campaign();
    let studio = Studio::start(&site);
    let batch = open_batch(&studio);
    let (status, json) = send(
        &studio,
        &batch,
        "../../content/laureates/x/profile.yaml",
        b"name: x\n",
    );
    assert_eq!(status, 201, "{json}");
    assert_eq!(json["path"], "_/_/content/laureates/x/profile.yaml");
    assert!(!site.root().join("content").exists());
    assert_eq!(
        send(
            &studio,
            &batch,
            "../../content/laureates/x/profile.yaml",
            b"again"
        )
        .0,
        409,
        "a path received twice is refused, not overwritten"
    );
    let zip = forms_zip(&[("../x.md", b"escape"), ("../../../evil.md", b"escape")]);
    assert_eq!(send(&studio, &batch, "单位.zip", &zip).0, 201);
    let planned = plan(&studio, &batch);
    let problems = planned["report"]["problems"].to_string();
    assert!(
        problems.contains("单位.zip!../x.md") && problems.contains("单位.zip!../../../evil.md"),
        "the escaping entries are named as problems: {problems}"
    );
    let (status, _) = studio.post(
        "/api/receive/confirm",
        &serde_json::json!({ "batch": batch }),
    );
    assert_eq!(status, 200);
    for outside in [
        "x.md",
        "evil.md",
        "../evil.md",
        ".laurel-studio/x.md",
        ".laurel-studio/inbox/x.md",
    ] {
        assert!(!site.root().join(outside).exists(), "{outside}");
    }
    let written: Vec<String> = tree(&site.root().join("content"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert!(
        written
            .iter()
            .all(|p| p.starts_with("laureates/王芳/") || p.starts_with("laureates/赵建国/")),
        "only the two nominees' folders: {written:?}"
    );
    for batch in ["..", "../../content", "123", ""] {
        assert_eq!(
            send(&studio, batch, "a.zip", b"x").0,
            404,
            "batch {batch:?}"
        );
        let target = format!("/api/receive/plan?batch={}", encode(batch));
        assert_eq!(
            studio.request("GET", &target, &studio.cookie(), "").status,
            404
        );
    }
}

#[test]
fn every_receive_endpoint_keeps_the_studios_security_rules() {
    let (site, studio, batch) = zip_received();
    let named = serde_json::json!({ "batch": batch }).to_string();
    let file = format!("/api/receive/file?batch={batch}&path=b.zip");
    let plan = format!("/api/receive/plan?batch={batch}");
    let endpoints: [(&str, &str, &str); 6] = [
        ("GET", "/api/receive", ""),
        ("GET", &plan, ""),
        ("POST", "/api/receive", "{}"),
        ("POST", &file, "PK"),
        ("POST", "/api/receive/confirm", &named),
        ("POST", "/api/receive/discard", &named),
    ];
    for (method, target, body) in endpoints {
        let no_key = studio.request(method, target, "", body);
        assert_eq!(no_key.status, 403, "{method} {target} without the secret");
        assert!(!no_key.body.contains("王芳"));
        crate::studio_settings::refuses_strangers(&studio, method, target, body);
    }
    let staged = site.root().join(".laurel-studio/inbox").join(&batch);
    assert!(
        staged.join("城区科协.zip").is_file(),
        "the batch is untouched"
    );
    assert!(!staged.join("b.zip").exists());
    assert!(!site.root().join("content").exists(), "nothing imported");
}
