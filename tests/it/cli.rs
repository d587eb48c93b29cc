//! `laurel init` and `laurel new` make sites that build.

use crate::support::*;

#[test]
fn init_then_new_then_build() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("my-campaign");
    let site_arg = site.to_str().unwrap();
    assert!(laurel(&["init", site_arg]).status.success());
    assert!(site.join("site.yaml").is_file());
    assert!(site
        .join("content/laureates/李明远/photos/李明远1.jpg")
        .is_file());
    let output = laurel(&["new", "欧阳明", "--root", site_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let profile =
        std::fs::read_to_string(site.join("content/laureates/欧阳明/profile.yaml")).unwrap();
    assert!(profile.contains("name: 欧阳明"));
    // The example runs the selection round: a new nominee is published once selected.
    let output = laurel(&["build", "--root", site_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.join("public/laureates/ou-yang-ming/index.html");
    assert!(!page.exists(), "published before the jury selected them");
    let profile_path = site.join("content/laureates/欧阳明/profile.yaml");
    std::fs::write(
        &profile_path,
        profile.replace("# status: nominated", "status: selected"),
    )
    .unwrap();
    let output = laurel(&["build", "--root", site_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(page.is_file());
    assert!(site
        .join("public/laureates/li-ming-yuan/index.html")
        .is_file());
}

#[test]
fn init_refuses_an_existing_site_and_new_an_existing_laureate() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "", "故事", 0);
    let root = site.root().to_str().unwrap();
    assert_eq!(laurel(&["init", root]).status.code(), Some(1));
    let output = laurel(&["new", "甲", "--root", root]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("already exists"));
}

#[test]
fn a_real_campaign_starts_empty_and_template_text_never_goes_live() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("zuimei-2023");
    let root = site.to_str().unwrap();
    assert!(laurel(&["init", "--empty", root]).status.success());
    let yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(yaml.contains("photo_min_bytes: 2000000"), "{yaml}");
    assert!(std::fs::read_dir(site.join("content/laureates"))
        .unwrap()
        .next()
        .is_none());
    assert!(!site.join("content/index.md").exists());
    assert!(laurel(&["new", "李娜", "--root", root]).status.success());
    let profile =
        std::fs::read_to_string(site.join("content/laureates/李娜/profile.yaml")).unwrap();
    assert!(
        profile.contains("# gender:") && profile.contains("# birth:"),
        "no guessed gender or birth"
    );
    let check = laurel(&["check", "--root", root, "--format", "json"]);
    assert_eq!(check.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let placeholder = |field: &str| {
        report["findings"].as_array().unwrap().iter().any(|f| {
            f["rule"] == "placeholder"
                && f["message"].as_str().unwrap().contains(field)
                && f["line"].is_u64()
        })
    };
    for field in [
        "`organization`",
        "`field`",
        "`region`",
        "`quote`",
        "the story",
    ] {
        assert!(placeholder(field), "{field}: {report:#}");
    }
    let base_url = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "base-url");
    assert!(base_url, "{report:#}");
    // The build publishes, but says which template text is still there.
    let build = laurel(&["build", "--root", root]);
    assert!(build.status.success(), "{}", stderr(&build));
    let warnings = stderr(&build);
    assert!(
        warnings.contains(
            "profile.yaml:7: `organization` still holds placeholder text: 「请填写工作单位」"
        ),
        "{warnings}"
    );
    // Filled in, with photos, the campaign checks clean (warnings aside).
    let folder = site.join("content/laureates/李娜");
    std::fs::write(folder.join("profile.yaml"), "name: 李娜\ngender: 女\nbirth: 1988-03\norganization: 衡水市人民医院\ntitle: 主任医师\nposition: 心内科主任\nfield: 心血管介入治疗\nregion: 桃城区\ncategory: 服务民生\nchannel: county\nrecommender: 桃城区科协\nquote: 守护每一颗心\nsummary: 她在心内科工作十五年。\nphotos:\n  - file: photos/李娜1.jpg\n    caption: 查房\n  - file: photos/李娜2.jpg\n    caption: 手术\n  - file: photos/李娜3.jpg\n    caption: 义诊\n").unwrap();
    std::fs::write(
        folder.join("story.md"),
        "她在心内科工作十五年。\n\n## 守护\n\n每天清晨查房。\n",
    )
    .unwrap();
    std::fs::write(
        folder.join("photos/李娜0.jpg"),
        jpeg(700, 900, [200, 180, 170]),
    )
    .unwrap();
    for i in 1..=3 {
        let mut photo = jpeg(2400, 1800, [40 * i as u8, 90, 120]);
        photo.resize(2_100_000, 0); // padding after the end marker, as camera files carry
        std::fs::write(folder.join(format!("photos/李娜{i}.jpg")), photo).unwrap();
    }
    let check = laurel(&["check", "--root", root, "--only", "errors"]);
    let text = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "{text}");
}

#[test]
fn new_files_a_person_under_a_year_just_begun() {
    let site = TestSite::new(SITE_YAML);
    site.write("content/2022/campaign.yaml", "year: 2022\n");
    site.write("content/2022/laureates/王芳/profile.yaml", "name: 王芳\n");
    // 2023 has begun: its rules are written, nobody is in it yet.
    site.write("content/2023/campaign.yaml", "year: 2023\n");
    let root = site.root().to_str().unwrap();
    let output = laurel(&["new", "李娜", "--root", root]);
    assert!(output.status.success(), "{}", stderr(&output));
    let content = site.root().join("content");
    assert!(content.join("2023/laureates/李娜/profile.yaml").is_file());
    assert!(!content.join("2022/laureates/李娜").exists());
}

#[test]
fn the_build_speaks_chinese_when_asked() {
    let site = TestSite::new("title: 测试\n");
    site.laureate("王芳", "", "故事。\n", 1);
    let root = site.root().to_str().unwrap();
    let built = laurel_in("zh", &["build", "--root", root]);
    let (out, err) = (String::from_utf8_lossy(&built.stdout), stderr(&built));
    assert!(built.status.success(), "{err}");
    assert!(out.starts_with("已生成 1 位人选的网站："), "{out}");
    assert!(
        err.contains("提醒：site.yaml: 没有填写网站地址（base_url）"),
        "{err}"
    );
    site.write("content/laureates/王芳/story.md", "见[别处](/nowhere/)。\n");
    let failed = laurel_in("zh", &["build", "--root", root]);
    let err = stderr(&failed);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        err.contains("生成失败，上一次生成的网站保持原样（1 个问题）"),
        "{err}"
    );
    let english = laurel_in("en", &["build", "--root", root]);
    assert!(
        stderr(&english)
            .contains("build failed; the previous output was left as it was (1 problem)"),
        "{}",
        stderr(&english)
    );
}
