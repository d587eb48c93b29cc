//! 发布 in the studio over HTTP, against moto's S3 server on 127.0.0.1 (as the deploy tests
//! use it): the plan first with nothing changed, then the deploy, with a key sent by the page
//! for those runs only and found in no file afterwards; a deploy stopped half way finished by
//! the next.

use crate::deploy::{objects, published, site, FlakyProxy, Flaw, Moto, KEY_ID, SECRET};
use crate::studio::Studio;
use crate::studio_campaign::files_holding;
use crate::studio_publish::{follow, post, wait_for};
use serde_json::{json, Value};
use std::time::Duration;

/// What the page sends to plan (`plan`) or publish to the `oss` target with the typed key.
fn with_key(plan: bool) -> String {
    json!({"target": "oss", "plan": plan, "key_id": KEY_ID, "secret": SECRET}).to_string()
}

/// Runs a plan or deploy to its end; its last status.
fn run(studio: &Studio, body: &str) -> Value {
    let started = post(studio, "/api/deploy", body);
    assert_eq!(started.status, 202, "{}", started.body);
    follow(studio).pop().unwrap()
}

#[test]
fn the_studio_plans_then_deploys_with_a_key_typed_for_that_run_only() {
    let Some(moto) = Moto::start() else {
        return;
    };
    let site = site(&moto.endpoint(), "kx-site", "");
    let studio = Studio::start(&site);
    let targets: Value = serde_json::from_str(&studio.get("/api/deploy")).unwrap();
    assert_eq!(targets["built"], true, "{targets}");
    assert_eq!(targets["targets"][0]["name"], "oss", "{targets}");
    assert_eq!(targets["targets"][0]["needs_key"], true, "{targets}");
    assert_eq!(targets["targets"][0]["max_deletes"], 256, "{targets}");
    assert_eq!(
        targets["targets"][1]["needs_key"], false,
        "a folder needs none"
    );
    // Without a key in the environment or the page: the plan says what is missing.
    let keyless = run(&studio, r#"{"target":"oss","plan":true}"#);
    assert_eq!(keyless["state"], "failed", "{keyless}");
    assert!(
        keyless["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("访问密钥"),
        "{keyless}"
    );
    // The plan lists every upload and changes nothing.
    let plan = run(&studio, &with_key(true));
    assert_eq!(plan["state"], "done", "{plan}");
    assert_eq!(plan["kind"], "plan");
    assert_eq!(plan["summary"]["dry_run"], true);
    let files = published(&site).len() as u64;
    assert_eq!(plan["summary"]["uploaded"], files, "{plan}");
    assert_eq!(objects(&moto.boto("dump", "kx-site")), []);
    // Confirmed: the bucket holds the site, and the status the page saw says so.
    let deployed = run(&studio, &with_key(false));
    assert_eq!(deployed["state"], "done", "{deployed}");
    assert_eq!(deployed["summary"]["uploaded"], files, "{deployed}");
    assert_eq!(objects(&moto.boto("dump", "kx-site")), published(&site));
    // The key went to no file of the site (public/, the cache, the studio's history and
    // inbox) and is not in what the studio says of the runs.
    assert_eq!(files_holding(site.root(), SECRET), Vec::<String>::new());
    assert_eq!(files_holding(site.root(), KEY_ID), Vec::<String>::new());
    let said = format!("{keyless}{plan}{deployed}{}", studio.get("/api/jobs"));
    assert!(!said.contains(SECRET) && !said.contains(KEY_ID), "{said}");
    // Nothing to do the second time.
    let again = run(&studio, &with_key(true));
    assert_eq!(again["summary"]["all_changes"], 0, "{again}");
    crate::studio_settings::refuses_strangers(&studio, "POST", "/api/deploy", &with_key(false));
    crate::studio_settings::refuses_strangers(&studio, "GET", "/api/deploy", "");
}

#[test]
fn a_deploy_stopped_half_way_is_finished_by_the_next() {
    let Some(moto) = Moto::start() else {
        return;
    };
    let proxy = FlakyProxy::start(moto.port, Flaw::Slow(Duration::from_millis(400)));
    let site = site(&format!("http://127.0.0.1:{}", proxy.port), "kx-site", "");
    let studio = Studio::start(&site);
    assert_eq!(post(&studio, "/api/deploy", &with_key(false)).status, 202);
    wait_for(&studio, |s| {
        s["step"] == "upload" && s["done"].as_u64() >= Some(1)
    });
    assert_eq!(post(&studio, "/api/jobs/stop", "{}").status, 200);
    let stopped = follow(&studio).pop().unwrap();
    assert_eq!(stopped["state"], "stopped", "{stopped}");
    let (done, all) = (stopped["done"].as_u64(), stopped["all"].as_u64());
    assert!(done < all, "stopped after {done:?} of {all:?} files");
    let bucket = moto.boto("dump", "kx-site");
    assert!(
        objects(&bucket).len() < published(&site).len(),
        "some files are not up yet"
    );
    assert!(
        !bucket
            .as_object()
            .unwrap()
            .contains_key("zuimei/.laurel-deploy.json"),
        "no manifest says the stopped deploy was whole"
    );
    let finished = run(&studio, &with_key(false));
    assert_eq!(finished["state"], "done", "{finished}");
    assert_eq!(objects(&moto.boto("dump", "kx-site")), published(&site));
}

#[test]
fn deletions_past_the_limit_are_planned_and_need_the_editors_confirmation() {
    let Some(moto) = Moto::start() else {
        return;
    };
    let site = site(&moto.endpoint(), "kx-site", "    max_deletes: 2\n");
    let studio = Studio::start(&site);
    assert_eq!(run(&studio, &with_key(false))["state"], "done");
    let before = moto.boto("dump", "kx-site");
    std::fs::remove_dir_all(site.root().join("content/laureates/李明远")).unwrap();
    site.build_ok();
    // The plan lists every deletion, past the limit too, for the page to show.
    let plan = run(&studio, &with_key(true));
    assert_eq!(plan["state"], "done", "{plan}");
    let deleted = plan["summary"]["deleted"].as_u64().unwrap();
    assert!(deleted > 2, "{plan}");
    // Not confirmed: refused, nothing changed; confirmed (`force`): done.
    let refused = run(&studio, &with_key(false));
    assert_eq!(refused["state"], "failed", "{refused}");
    assert!(refused["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("max_deletes"));
    assert_eq!(moto.boto("dump", "kx-site"), before, "nothing changed");
    let mut confirmed: Value = serde_json::from_str(&with_key(false)).unwrap();
    confirmed["force"] = Value::Bool(true);
    let done = run(&studio, &confirmed.to_string());
    assert_eq!(done["summary"]["deleted"], deleted, "{done}");
    assert_eq!(objects(&moto.boto("dump", "kx-site")), published(&site));
}
