//! The studio's 设置 screen over HTTP: site.yaml as a form, checked at its settings, saved
//! with its comments kept; and the security rules for its endpoints.

use crate::studio::Studio;
use crate::support::*;

/// A campaign whose site.yaml an editor has commented.
pub fn commented_site() -> TestSite {
    let site = TestSite::new(
        "# 本届评选的设置（办公室 2022-03 核对）\ntitle: 测试评选   # 网站名称\n\
         base_url: https://example.org/zuimei/\ncampaign:\n  categories: [乡村振兴]\n  rules:\n\
         \x20   # 名额按通知第三条\n    quotas:\n      county: 2   # 每个县市区\n      society: 1\n\
         \x20   photo_min_bytes: 0\n    portrait_min_width: 0\nfooter:\n  icp: 冀ICP备12345678号   # 备案\n",
    );
    site.laureate(
        "王芳",
        "gender: 女\nbirth: 1990-03\norganization: 市农科院\ncategory: 乡村振兴\n\
         channel: county\nrecommender: 城区科协\nsummary: 扎根田间。\nfield: 小麦育种\n",
        "## 第一章\n\n最初的故事。",
        3,
    );
    site
}

/// The text of the site's file `rel`.
pub fn on_disk(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Asserts that `target` refuses a request without the key, with a foreign `Host`, and (for
/// a write) from another site or without the key in a header; and that nothing changed.
pub fn refuses_strangers(studio: &Studio, method: &str, target: &str, body: &str) {
    let cookie = studio.cookie();
    let key = format!("X-Laurel-Key: {}\r\n", studio.key);
    let own = format!("Origin: http://{}\r\n", studio.address);
    let foreign_host = format!("Host: evil.example:{}\r\n", studio.port());
    let without_key = studio.request(method, target, &own, body);
    assert_eq!(without_key.status, 403, "{target} without the key");
    let rebound = studio.raw(
        method,
        target,
        &format!("{foreign_host}{cookie}{key}{own}"),
        body,
    );
    assert_eq!(rebound.status, 403, "{target} with a foreign Host");
    if method != "GET" {
        let cross =
            format!("{cookie}{key}Origin: http://evil.example\r\nContent-Type: text/plain\r\n");
        let answer = studio.request(method, target, &cross, body);
        assert_eq!(answer.status, 403, "{target} from another site");
        let form_post = studio.request(method, target, &format!("{cookie}{own}"), body);
        assert_eq!(
            form_post.status, 403,
            "{target} without the key in a header"
        );
    }
}

/// The settings screen's data.
fn settings(studio: &Studio) -> serde_json::Value {
    serde_json::from_str(&studio.get("/api/settings")).unwrap()
}

#[test]
fn a_setting_saved_keeps_the_comments_and_order_of_site_yaml() {
    let site = commented_site();
    let before = on_disk(&site, "site.yaml");
    let studio = Studio::start(&site);
    let data = settings(&studio);
    assert!(
        data["campaign_source"].is_null(),
        "one year: site.yaml holds it"
    );
    let value = |key: &str| {
        data["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .unwrap_or_else(|| panic!("{key}: {data}"))
            .clone()
    };
    assert_eq!(value("campaign.rules.quotas.county")["value"], 2);
    assert_eq!(
        value("campaign.rules.quotas.county")["label"],
        "每个县市区推荐名额"
    );
    assert_eq!(value("campaign.phase")["kind"], "choice");
    assert_eq!(value("campaign.categories")["value"][0], "乡村振兴");
    let keys = data.to_string();
    for secret in ["secret", "access_key", "password", "token"] {
        assert!(!keys.contains(secret), "no field for a secret: {secret}");
    }
    let version = data["source"]["version"].clone();
    let values = serde_json::json!({
        "title": "测试评选",
        "campaign.rules.quotas.county": 3,
        "campaign.publicity.phone": "0318-2123456",
        "footer.icp": "冀ICP备12345678号",
        "campaign.categories": ["乡村振兴"],
    });
    let (status, saved) = studio.post(
        "/api/settings",
        &serde_json::json!({"version": version, "values": values}),
    );
    assert_eq!(status, 200, "{saved}");
    let after = on_disk(&site, "site.yaml");
    let inserted = |line: &&str| line.starts_with("  publicity:") || line.contains("phone:");
    let kept: Vec<&str> = after.lines().filter(|l| !inserted(l)).collect();
    assert!(after.contains("\n  publicity:\n    phone: "), "{after}");
    assert_eq!(
        kept.join("\n") + "\n",
        before.replace("county: 2   # 每个县市区", "county: 3 # 每个县市区"),
        "only the changed settings; every comment stays"
    );
    assert!(
        after.contains("# 本届评选的设置（办公室 2022-03 核对）\ntitle: 测试评选   # 网站名称\n")
    );
    let (_, report) = check_json(&site);
    assert_eq!(
        report["laureates"], 1,
        "the saved site.yaml is one laurel reads: {report}"
    );
    // The history has the text before; a change on disk meanwhile is refused.
    let history = studio.get("/api/history?path=site.yaml");
    assert!(history.contains("\"id\""), "{history}");
    site.write("site.yaml", &format!("{after}# 编辑器里改过\n"));
    let stale =
        serde_json::json!({"version": saved["source"]["version"], "values": {"title": "别的"}});
    let (status, conflict) = studio.post("/api/settings", &stale);
    assert_eq!(status, 409, "{conflict}");
    assert!(on_disk(&site, "site.yaml").ends_with("# 编辑器里改过\n"));
    assert!(on_disk(&site, "site.yaml").contains("title: 测试评选"));
}

#[test]
fn a_bad_quota_and_a_bad_registration_number_are_found_at_their_settings_before_saving() {
    let site = commented_site();
    let before = on_disk(&site, "site.yaml");
    let studio = Studio::start(&site);
    let ask = |values: serde_json::Value| {
        let (status, answer) = studio.post(
            "/api/settings/check",
            &serde_json::json!({ "values": values }),
        );
        assert_eq!(status, 200, "{answer}");
        answer["findings"].as_array().unwrap().clone()
    };
    let at = |findings: &[serde_json::Value], field: &str, severity: &str| {
        findings
            .iter()
            .filter(|f| f["field"] == field && f["severity"] == severity)
            .count()
    };
    assert!(
        ask(serde_json::json!({})).is_empty(),
        "the fixture is clean"
    );
    let quota = ask(serde_json::json!({"campaign.rules.quotas.county": -1}));
    assert_eq!(
        at(&quota, "campaign.rules.quotas.county", "error"),
        1,
        "{quota:?}"
    );
    let icp = ask(serde_json::json!({"footer.icp": "ICP备123号", "base_url": ""}));
    assert_eq!(at(&icp, "footer.icp", "warning"), 1, "{icp:?}");
    assert_eq!(at(&icp, "base_url", "warning"), 1, "{icp:?}");
    let publicity = ask(serde_json::json!({"campaign.phase": "publicity"}));
    assert_eq!(
        at(&publicity, "campaign.publicity.start", "warning"),
        1,
        "{publicity:?}"
    );
    assert_eq!(
        on_disk(&site, "site.yaml"),
        before,
        "checking saves nothing"
    );
    let (status, _) = studio.post(
        "/api/settings/check",
        &serde_json::json!({"values": {"deploy.secret_key": "x"}}),
    );
    assert_eq!(status, 400, "a key the form does not have");
}

#[test]
fn the_settings_endpoints_keep_the_studios_security_rules() {
    let site = commented_site();
    let before = on_disk(&site, "site.yaml");
    let studio = Studio::start(&site);
    let version = settings(&studio)["source"]["version"].clone();
    let write = serde_json::json!({"version": version, "values": {"title": "被改了"}}).to_string();
    refuses_strangers(&studio, "GET", "/api/settings", "");
    refuses_strangers(&studio, "POST", "/api/settings", &write);
    refuses_strangers(&studio, "POST", "/api/settings/check", &write);
    assert_eq!(on_disk(&site, "site.yaml"), before);
}

/// The studio's list of changes.
fn changes(studio: &Studio) -> Vec<serde_json::Value> {
    let list: serde_json::Value = serde_json::from_str(&studio.get("/api/changes")).unwrap();
    list["changes"].as_array().unwrap().clone()
}

/// Saves `values` into site.yaml through the settings form; the new version.
fn save_settings(studio: &Studio, values: serde_json::Value) -> serde_json::Value {
    let version = settings(studio)["source"]["version"].clone();
    let body = serde_json::json!({"version": version, "values": values});
    let (status, saved) = studio.post("/api/settings", &body);
    assert_eq!(status, 200, "{saved}");
    saved["source"]["version"].clone()
}

#[test]
fn every_change_is_listed_newest_first_and_going_back_restores_the_file() {
    let site = commented_site();
    let original = on_disk(&site, "site.yaml");
    let studio = Studio::start(&site);
    assert!(changes(&studio).is_empty());
    save_settings(&studio, serde_json::json!({"title": "第一次改名"}));
    save_settings(&studio, serde_json::json!({"title": "第二次改名"}));
    let story = "content/laureates/王芳/story.md";
    let read = studio.source(story);
    let body = serde_json::json!({"path": story, "text": "## 第一章\n\n改过的故事。", "version": read["version"]});
    assert_eq!(studio.post("/api/source", &body).0, 200);
    let listed = changes(&studio);
    let files: Vec<&str> = listed.iter().map(|c| c["path"].as_str().unwrap()).collect();
    assert_eq!(files, [story, "site.yaml", "site.yaml"], "{listed:?}");
    let ids: Vec<&str> = listed.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids[0] > ids[1] && ids[1] > ids[2], "newest first: {ids:?}");
    assert_eq!(listed[0]["removed"][0], "最初的故事。");
    assert_eq!(listed[0]["added"][0], "改过的故事。");
    assert_eq!(listed[1]["removed"][0], "title: 第一次改名 # 网站名称");
    assert_eq!(listed[1]["added"][0], "title: 第二次改名 # 网站名称");
    assert_eq!(listed[2]["removed"][0], "title: 测试评选   # 网站名称");
    // Back to before the first change: site.yaml as it was, the restore listed in turn.
    let oldest = &listed[2];
    let back =
        serde_json::json!({"path": "site.yaml", "version": oldest["version"], "id": oldest["id"]});
    let (status, answer) = studio.post("/api/restore", &back);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(on_disk(&site, "site.yaml"), original);
    let after = changes(&studio);
    assert_eq!(after.len(), 4, "{after:?}");
    assert_eq!(after[0]["path"], "site.yaml");
    assert_eq!(after[0]["removed"][0], "title: 第二次改名 # 网站名称");
    refuses_strangers(&studio, "GET", "/api/changes", "");
}

/// The phases screen's data.
fn phases(studio: &Studio) -> serde_json::Value {
    serde_json::from_str(&studio.get("/api/phases")).unwrap()
}

/// The names a phase's statement lists.
fn listed(data: &serde_json::Value, phase: &str) -> Vec<String> {
    let statement = data["phases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["phase"] == phase)
        .unwrap();
    serde_json::from_value(statement["listed"].clone()).unwrap()
}

#[test]
fn each_phase_says_who_and_what_is_public_and_the_switch_keeps_site_yamls_comments() {
    let site = commented_site();
    site.write(
        "content/laureates/李强/profile.yaml",
        "name: 李强\ngender: 男\nstatus: nominated\n",
    );
    site.write("content/laureates/李强/story.md", "故事。");
    let before = on_disk(&site, "site.yaml");
    let studio = Studio::start(&site);
    let data = phases(&studio);
    assert_eq!(data["phase"], "showcase");
    assert_eq!(listed(&data, "showcase"), ["王芳"]);
    assert_eq!(listed(&data, "publicity"), ["王芳"]);
    let statement = |data: &serde_json::Value, phase: &str| {
        data["phases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["phase"] == phase)
            .unwrap()["pages"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        statement(&data, "publicity").contains("只发布公示页"),
        "{data}"
    );
    assert!(
        statement(&data, "showcase").contains("1 人各自的个人页面和 H5 卡片"),
        "{data}"
    );
    save_settings(
        &studio,
        serde_json::json!({"campaign.publicise_nominees": true}),
    );
    let data = phases(&studio);
    assert_eq!(listed(&data, "publicity"), ["李强", "王芳"]);
    assert_eq!(
        listed(&data, "showcase"),
        ["王芳"],
        "the nominees only on the 公示"
    );
    let switch = serde_json::json!({"phase": "publicity", "version": data["source"]["version"]});
    let (status, saved) = studio.post("/api/phase", &switch);
    assert_eq!(status, 200, "{saved}");
    assert_eq!(phases(&studio)["phase"], "publicity");
    let after = on_disk(&site, "site.yaml");
    assert!(after.contains("\n  phase: publicity\n"), "{after}");
    for line in before.lines().filter(|l| l.contains('#')) {
        assert!(after.contains(line), "{line} kept: {after}");
    }
    let stale = studio.post("/api/phase", &switch);
    assert_eq!(stale.0, 409, "a version already replaced");
    let write = serde_json::json!({"phase": "showcase", "version": saved["version"]}).to_string();
    refuses_strangers(&studio, "GET", "/api/phases", "");
    refuses_strangers(&studio, "POST", "/api/phase", &write);
    refuses_strangers(&studio, "POST", "/api/years/next", "{}");
    assert_eq!(phases(&studio)["phase"], "publicity");
    assert!(!site.root().join("content/2023").exists());
}

#[test]
fn the_next_year_copies_the_settings_keeps_the_old_addresses_and_the_old_year_can_be_read() {
    let site = commented_site();
    let studio = Studio::start(&site);
    let (status, begun) = studio.post("/api/years/next", &serde_json::json!({}));
    assert_eq!(status, 200, "{begun}");
    assert_eq!(begun["year"], 2023);
    assert_eq!(begun["moved"], 2022);
    assert!(site
        .root()
        .join("content/2022/laureates/王芳/profile.yaml")
        .is_file());
    assert!(!site.root().join("content/laureates").exists());
    let campaign: serde_json::Value =
        serde_yaml::from_str(&on_disk(&site, "content/2023/campaign.yaml")).unwrap();
    assert_eq!(campaign["year"], 2023);
    assert_eq!(campaign["categories"][0], "乡村振兴");
    assert_eq!(campaign["rules"]["quotas"]["county"], 2);
    assert!(campaign.get("phase").is_none() && campaign.get("publicity").is_none());
    let now: serde_json::Value = serde_json::from_str(&studio.get("/api/campaign")).unwrap();
    assert_eq!(now["year"], 2023);
    assert_eq!(now["nominees"].as_array().unwrap().len(), 0);
    let earlier: serde_json::Value =
        serde_json::from_str(&studio.get("/api/campaign?year=2022")).unwrap();
    assert_eq!(earlier["year"], 2022);
    assert_eq!(earlier["nominees"][0]["name"], "王芳");
    let data = phases(&studio);
    assert_eq!(data["years"], serde_json::json!([2022, 2023]));
    assert_eq!(data["source"]["path"], "content/2023/campaign.yaml");
    year_settings_go_to_the_years_campaign_yaml(&site, &studio);
    // The old year's pages keep their addresses; a new nominee goes to the new year.
    site.build_ok();
    assert!(site
        .public()
        .join("2022/laureates/wang-fang/index.html")
        .is_file());
    let old = std::fs::read_to_string(site.public().join("laureates/wang-fang/index.html"))
        .expect("her old address still answers");
    assert!(old.contains("/zuimei/2022/laureates/wang-fang/"), "{old}");
    let (status, _) = studio.post("/api/nominees", &serde_json::json!({"name": "赵敏"}));
    assert_eq!(status, 201);
    assert!(site
        .root()
        .join("content/2023/laureates/赵敏/profile.yaml")
        .is_file());
}

/// After 「开始新一届」: the settings screen reads and writes the new year's campaign settings in
/// its campaign.yaml (site.yaml untouched), and finds a bad quota there at its setting.
fn year_settings_go_to_the_years_campaign_yaml(site: &TestSite, studio: &Studio) {
    let data = settings(studio);
    assert_eq!(
        data["campaign_source"]["path"], "content/2023/campaign.yaml",
        "the settings screen says where this year's campaign is"
    );
    let county = data["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "campaign.rules.quotas.county")
        .unwrap()["value"]
        .clone();
    assert_eq!(county, 2, "read from the year's campaign.yaml");
    let site_yaml = on_disk(site, "site.yaml");
    let form = |county: i64| {
        serde_json::json!({
            "version": data["source"]["version"],
            "campaign_version": data["campaign_source"]["version"],
            "values": {"campaign.rules.quotas.county": county, "title": "测试评选"},
        })
    };
    let (status, found) = studio.post("/api/settings/check", &form(-1));
    assert_eq!(status, 200, "{found}");
    let at_county = found["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["field"] == "campaign.rules.quotas.county" && f["severity"] == "error")
        .count();
    assert_eq!(at_county, 1, "the year's bad quota at its setting: {found}");
    let (status, saved) = studio.post("/api/settings", &form(4));
    assert_eq!(status, 200, "{saved}");
    assert_eq!(
        saved["campaign_source"]["path"],
        "content/2023/campaign.yaml"
    );
    let campaign: serde_json::Value =
        serde_yaml::from_str(&on_disk(site, "content/2023/campaign.yaml")).unwrap();
    assert_eq!(campaign["rules"]["quotas"]["county"], 4);
    assert_eq!(on_disk(site, "site.yaml"), site_yaml, "site.yaml untouched");
    // A form read before the save is refused, and writes neither file.
    let (status, _) = studio.post("/api/settings", &form(5));
    assert_eq!(status, 409);
    assert!(on_disk(site, "content/2023/campaign.yaml").contains("county: 4"));
}
