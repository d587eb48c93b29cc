//! `laurel check`: every rule reported once with its file and severity; exit codes; JSON.

use crate::support::*;

const RULES_YAML: &str = "title: 测试\ncampaign:\n  categories: [科技创新, 乡村振兴]\n  rules:\n    laureates: 3\n    photo_min_bytes: 1000\n    photos_min: 2\n    photos_max: 3\n    young_share: 0.5\n";

fn profile(extra: &str) -> String {
    format!("gender: 女\nbirth: 1990-03\norganization: 测试研究院\nfield: 育种\ncategory: 乡村振兴\nchannel: county\nrecommender: 甲县科协\nsummary: 简要事迹。\n{extra}")
}

fn captions(name: &str, count: usize) -> String {
    let mut yaml = "photos:\n".to_string();
    for i in 1..=count {
        yaml.push_str(&format!(
            "  - file: photos/{name}{i}.jpg\n    caption: 图说{i}\n"
        ));
    }
    yaml
}

#[test]
fn a_clean_campaign_passes() {
    let site = TestSite::new(RULES_YAML);
    site.laureate(
        "王芳",
        &profile(&format!(
            "province_pick: true\nconsent: {{date: 2022-04-18}}\n{}",
            captions("王芳", 2)
        )),
        "故事",
        2,
    );
    site.write(
        "site.yaml",
        &RULES_YAML
            .replace(
                "young_share: 0.5",
                "young_share: 0.5\n    province_picks: 1",
            )
            .replace(
                "title: 测试\n",
                "title: 测试\nbase_url: https://example.org/\n",
            ),
    );
    let (code, report) = check_json(&site);
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
    assert_eq!(code, Some(0));
    assert_eq!(report["laureates"], 1);
}

/// The portrait rule's findings of a clean campaign whose portrait is `width`x`height`.
fn portrait_findings(width: u32, height: u32) -> Vec<serde_json::Value> {
    let site = TestSite::new(RULES_YAML);
    site.laureate("王芳", &profile(&captions("王芳", 2)), "故事", 2);
    site.write_bytes(
        "content/laureates/王芳/photos/王芳0.jpg",
        &jpeg(width, height, [200, 80, 60]),
    );
    let (_, report) = check_json(&site);
    let findings = report["findings"].as_array().unwrap();
    findings
        .iter()
        .filter(|f| f["rule"] == "portrait")
        .cloned()
        .collect()
}

#[test]
fn a_big_two_inch_portrait_passes_and_a_phone_photo_is_questioned() {
    // 大二寸 (35x49 mm, 5:7): the photo naming and import take for the portrait, so check
    // takes it too (it warned at 0.06 from 35:45 while naming took up to 0.08).
    assert_eq!(portrait_findings(350, 490), Vec::<serde_json::Value>::new());
    // A 2:3 photo (0.111 from 35:45) is not a 2-inch portrait.
    let findings = portrait_findings(300, 450);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["severity"], "warning");
}

/// A campaign that breaks every rule of `laurel check` at least once.
pub(crate) fn broken_campaign() -> TestSite {
    let site = TestSite::new(RULES_YAML);
    // 甲: old (young share), over-long summary, excluded identity, provincial honour, and a
    // photo without caption named by the camera.
    site.laureate("甲", "", "故事", 3);
    let long = "长".repeat(301);
    let extra = "identity: 公务员\nhonors: [2019年 全国劳动模范]\nphotos:\n  - file: photos/甲1.jpg\n    caption: 图\n  - file: photos/IMG_0003.jpg\n";
    let jia = profile(extra)
        .replace("birth: 1990-03", "birth: 1950-01")
        .replace("简要事迹。", &long);
    site.write(
        "content/laureates/甲/profile.yaml",
        &format!("name: 甲\n{jia}"),
    );
    std::fs::rename(
        site.root().join("content/laureates/甲/photos/甲3.jpg"),
        site.root().join("content/laureates/甲/photos/IMG_0003.jpg"),
    )
    .unwrap();
    // 乙 and 丙: same county unit (quota 2 is fine), 丁 makes it 3 and the campaign 4 > 3.
    for name in ["乙", "丙", "丁"] {
        site.laureate(
            name,
            &profile(&captions(name, 2)).replace("birth: 1990-03", "birth: 1960-03"),
            "故事",
            2,
        );
    }
    // 丙 has no gender, an empty story and only one photo.
    site.write(
        "content/laureates/丙/profile.yaml",
        &format!(
            "name: 丙\n{}",
            profile(&captions("丙", 1))
                .replace("gender: 女\n", "")
                .replace("birth: 1990-03", "birth: 1960-03")
        ),
    );
    site.write("content/laureates/丙/story.md", "");
    // 丁 reuses 乙's photo and has a small photo file.
    std::fs::copy(
        site.root().join("content/laureates/乙/photos/乙1.jpg"),
        site.root().join("content/laureates/丁/photos/丁1.jpg"),
    )
    .unwrap();
    site.write_bytes(
        "content/laureates/丁/photos/丁2.jpg",
        &jpeg(8, 8, [1, 1, 1])[..],
    );
    // 戊: a square portrait and a PNG photo.
    let wu = profile("photos:\n  - file: photos/戊1.png\n    caption: 图\n  - file: photos/戊2.jpg\n    caption: 图\n")
        .replace("channel: county\nrecommender: 甲县科协", "channel: society\nrecommender: 市农学会");
    site.laureate("戊", &wu, "故事", 2);
    site.write_bytes(
        "content/laureates/戊/photos/戊0.jpg",
        &jpeg(400, 400, [9, 9, 9]),
    );
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(300, 200)
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    site.write_bytes("content/laureates/戊/photos/戊1.png", &png.into_inner());
    site
}

#[test]
fn each_broken_rule_is_reported_with_file_and_severity() {
    let site = broken_campaign();
    let (code, report) = check_json(&site);
    assert_eq!(code, Some(1));
    let findings = report["findings"].as_array().unwrap();
    let has = |rule: &str, laureate: Option<&str>, severity: &str, place: &str| {
        let (file_part, line) = match place.split_once(':') {
            Some((file, line)) => (file, Some(line.parse::<u64>().unwrap())),
            None => (place, None),
        };
        findings.iter().any(|f| {
            f["rule"] == rule
                && f["severity"] == severity
                && f["laureate"].as_str() == laureate
                && f["file"].as_str().unwrap().contains(file_part)
                && f["line"].as_u64() == line
        })
    };
    let expected = [
        ("summary-length", Some("甲"), "error", "甲/profile.yaml:9"),
        (
            "excluded-identity",
            Some("甲"),
            "error",
            "甲/profile.yaml:10",
        ),
        ("prior-honor", Some("甲"), "warning", "甲/profile.yaml:11"),
        (
            "photo-caption",
            Some("甲"),
            "warning",
            "甲/photos/IMG_0003.jpg",
        ),
        ("photo-name", Some("甲"), "error", "甲/photos/IMG_0003.jpg"),
        ("required-field", Some("丙"), "error", "丙/profile.yaml"),
        ("story-empty", Some("丙"), "error", "丙/story.md"),
        ("photo-count", Some("丙"), "error", "丙/photos"),
        ("shared-photo", Some("丁"), "error", "丁/photos/丁1.jpg"),
        ("photo-size", Some("丁"), "error", "丁/photos/丁2.jpg"),
        ("portrait", Some("戊"), "warning", "戊/photos/戊0.jpg"),
        ("photo-format", Some("戊"), "error", "戊/photos/戊1.png"),
        ("laureate-quota", None, "error", "site.yaml"),
        ("province-picks", None, "warning", "site.yaml"),
        ("channel-quota", None, "error", "site.yaml"),
        ("young-share", None, "error", "site.yaml"),
    ];
    for (rule, laureate, severity, file) in expected {
        assert!(
            has(rule, laureate, severity, file),
            "missing {rule} for {laureate:?} in {report:#}"
        );
    }
    // The quota is the unit's: it names the unit and its nominees.
    let quota = findings
        .iter()
        .find(|f| f["rule"] == "channel-quota")
        .unwrap();
    assert_eq!(quota["unit"], "甲县科协");
    let mut names: Vec<&str> = quota["laureates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["丁", "丙", "乙", "甲"]);
    assert_eq!(
        report["errors"].as_u64().unwrap() as usize,
        findings.iter().filter(|f| f["severity"] == "error").count()
    );
}

#[test]
fn findings_speak_chinese_unless_english_is_asked_for() {
    let site = broken_campaign();
    let root = site.root().to_str().unwrap();
    let zh = laurel_in("zh", &["check", "--root", root, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&zh.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let mut english = Vec::new();
    for finding in findings {
        assert!(
            finding["message_id"].is_string(),
            "a finding without a message id: {finding:#}"
        );
        for part in ["message", "fix"] {
            let text = finding[part].as_str().unwrap();
            let words = english_words(text);
            if !words.is_empty() {
                english.push(format!("{}: {text} {words:?}", finding["rule"]));
            }
        }
    }
    assert!(
        english.is_empty(),
        "English in the Chinese report:\n{}",
        english.join("\n")
    );
    let text = laurel_in("zh", &["check", "--root", root]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("缺少性别（gender）"), "{text}");
    assert!(
        text.contains("简要事迹共 301 字，通知要求不超过 300 字"),
        "{text}"
    );
    assert!(text.contains("改法："), "{text}");
    assert!(text.contains("共检查 5 位人选："), "{text}");
    assert!(
        text.contains("甲县科协推荐了 4 位（") && text.contains("县市区推荐最多推荐 2 位"),
        "{text}"
    );
    // LANG as a Chinese system sets it, and --lang over it.
    let system = std::process::Command::new(env!("CARGO_BIN_EXE_laurel"))
        .args(["check", "--root", root])
        .env_remove("LAUREL_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&system.stdout), text);
    let en = laurel_in("zh", &["check", "--root", root, "--lang", "en"]);
    let en = String::from_utf8_lossy(&en.stdout);
    assert!(en.contains("`gender` is missing"), "{en}");
    assert!(
        en.contains("summary has 301 characters, the notice allows 300"),
        "{en}"
    );
    assert!(en.contains("5 laureates checked: "), "{en}");
}

#[test]
fn text_report_groups_by_laureate() {
    let site = TestSite::new(RULES_YAML);
    site.laureate("王芳", &profile(""), "故事", 1);
    let output = laurel(&["check", "--root", site.root().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("\n王芳\n"), "{text}");
    assert!(
        text.contains("[photo-count]") && text.contains("fix: "),
        "{text}"
    );
    assert!(!text.contains("\u{1b}["), "no colour when not a terminal");
}

#[test]
fn example_campaign_has_no_errors() {
    let site = TestSite::example();
    let (code, report) = check_json(&site);
    assert_eq!(code, Some(0), "{report:#}");
    // Every nominee of the round is checked: the 9 selected and the 2 not selected.
    assert_eq!(report["laureates"], 11);
}

#[test]
fn videos_are_checked_for_format_length_and_size() {
    let site = TestSite::new(RULES_YAML);
    site.laureate("王芳", &profile(&captions("王芳", 2)), "故事", 2);
    for (from, to) in [
        ("landscape.mp4", "a.mp4"),
        ("portrait-rotated.mp4", "b.mp4"),
        ("portrait.mov", "c.mov"),
        ("four-minutes.mp4", "d.mp4"),
    ] {
        site.write_bytes(
            &format!("content/laureates/王芳/videos/{to}"),
            &fixture_video(from),
        );
    }
    site.write_bytes("content/laureates/王芳/videos/e.mp4", b"not a video");
    let (_, report) = check_json(&site);
    let video_findings: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let rule = f["rule"].as_str().unwrap();
            rule.starts_with("video") && rule != "video-captions"
        })
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    let expected = [
        ("video-duration", "d.mp4"),
        ("video-resolution", "d.mp4"),
        ("video-format", "e.mp4"),
    ];
    assert_eq!(
        video_findings,
        expected.map(|(r, f)| (r.to_string(), f.to_string())),
        "{report:#}"
    );
}

#[test]
fn story_links_and_images_must_resolve() {
    let site = TestSite::new(RULES_YAML);
    let story = "见[赵强](/laureates/zhao-qiang/)、[图说](/gallery/)和[外站](https://example.org/)。\n\n坏链接：[无此人](/laureates/nobody/)\n\n![照片](photos/王芳1.jpg)";
    site.laureate("王芳", &profile(&captions("王芳", 2)), story, 2);
    site.laureate("赵强", &profile(&captions("赵强", 2)), "故事", 2);
    let (_, report) = check_json(&site);
    let rules: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"].as_str().unwrap().ends_with("story.md"))
        .map(|f| {
            format!(
                "{} {}",
                f["rule"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(rules.len(), 2, "{rules:#?}");
    let lines: Vec<u64> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["line"].as_u64())
        .collect();
    assert!(lines.contains(&3) && lines.contains(&5), "{report:#}");
    assert!(
        rules[0].starts_with("broken-link") && rules[0].contains("/laureates/nobody/"),
        "{rules:#?}"
    );
    assert!(
        rules[1].starts_with("broken-image") && rules[1].contains("photos/王芳1.jpg"),
        "{rules:#?}"
    );
}

/// Asserts the documented shape of the JSON report (README, *laurel check*).
fn assert_report_shape(report: &serde_json::Value) {
    assert_eq!(report["version"], 1, "{report:#}");
    for key in ["laureates", "unloaded", "errors", "warnings"] {
        assert!(report[key].is_u64(), "{key} in {report:#}");
    }
    for finding in report["findings"].as_array().unwrap() {
        assert!(finding["rule"].is_string() && finding["file"].is_string());
        assert!(finding["message"].is_string() && finding["fix"].is_string());
        assert!(["error", "warning"].contains(&finding["severity"].as_str().unwrap()));
        assert!(finding["laureate"].is_string() || finding["laureate"].is_null());
        assert!(finding["line"].is_u64() || finding["line"].is_null());
    }
}

#[test]
fn one_run_reports_every_problem_whatever_state_the_nominations_are_in() {
    let site = TestSite::new(RULES_YAML);
    // 甲 names a photo that is not there; 乙's first photo was cut short in transfer; 丙's
    // profile was saved as GBK; 丁 loads, but has one photo too few for the rules.
    site.laureate(
        "甲",
        &profile("photos:\n  - file: photos/甲1.jpg\n    caption: 图\n  - file: photos/甲9.jpg\n    caption: 图\n"),
        "故事",
        2,
    );
    site.laureate("乙", &profile(&captions("乙", 2)), "故事", 2);
    let whole = std::fs::read(site.root().join("content/laureates/乙/photos/乙1.jpg")).unwrap();
    site.write_bytes(
        "content/laureates/乙/photos/乙1.jpg",
        &whole[..whole.len() / 3],
    );
    site.laureate("丙", "", "故事", 2);
    let gbk: Vec<u8> = [
        b"name: ".as_slice(),
        &[0xB1, 0xFB],
        b"\ngender: ",
        &[0xC5, 0xAE],
        b"\n",
    ]
    .concat();
    site.write_bytes("content/laureates/丙/profile.yaml", &gbk);
    site.laureate(
        "丁",
        &profile(&captions("丁", 1)),
        "和[丙](../丙/)同一批推荐。",
        1,
    );

    let (code, report) = check_json(&site);
    assert_eq!(code, Some(1));
    assert_report_shape(&report);
    let findings = report["findings"].as_array().unwrap();
    let find = |rule: &str, file: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule && f["file"].as_str().unwrap().ends_with(file))
            .unwrap_or_else(|| panic!("no {rule} for {file} in {report:#}"))
    };
    let missing = find("file-missing", "甲/profile.yaml");
    assert_eq!(missing["laureate"], "甲");
    assert!(missing["line"].is_u64());
    let cut = find("photo-unreadable", "乙/photos/乙1.jpg");
    assert!(cut["fix"]
        .as_str()
        .unwrap()
        .contains("ask the nominating unit"));
    let gbk = find("text-encoding", "丙/profile.yaml");
    assert_eq!(
        gbk["laureate"], "丙",
        "an unloadable laureate is named by its folder"
    );
    assert!(gbk["message"].as_str().unwrap().contains("GBK"));
    let rule = find("photo-count", "丁/photos");
    assert_eq!(rule["laureate"], "丁");
    // 甲 loaded without the missing photo: its rules still ran.
    find("photo-count", "甲/photos");
    assert_eq!(report["laureates"], 3);
    assert_eq!(report["unloaded"], 1);
    find("campaign-partial", "site.yaml");
    let broken = findings.iter().any(|f| f["rule"] == "broken-link");
    assert!(
        !broken,
        "a link to the unloadable 丙 is not a second problem: {report:#}"
    );
}

#[test]
fn a_broken_site_yaml_is_still_a_json_report() {
    let site = TestSite::new("title: [unclosed\n");
    let (code, report) = check_json(&site);
    assert_eq!(code, Some(1));
    assert_report_shape(&report);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report:#}");
    assert_eq!(findings[0]["file"], "site.yaml");
}

#[test]
fn the_text_report_has_totals_and_can_hide_warnings() {
    let site = TestSite::new(RULES_YAML);
    site.laureate(
        "丁",
        &profile("photos:\n  - file: photos/丁1.jpg\n"),
        "故事",
        1,
    );
    let root = site.root().to_str().unwrap();
    let text = String::from_utf8(laurel(&["check", "--root", root]).stdout).unwrap();
    assert!(
        text.contains("photo-caption") && text.contains("warning"),
        "{text}"
    );
    assert!(text.contains("丁: "), "a total for the laureate: {text}");
    assert!(text.contains("1 laureate checked: "), "{text}");
    let errors = laurel(&["check", "--root", root, "--only", "errors"]);
    let only = String::from_utf8(errors.stdout).unwrap();
    assert!(!only.contains("photo-caption"), "{only}");
    assert!(only.contains("photo-count"), "{only}");
}

#[test]
fn camera_names_get_one_renaming_plan_that_fix_names_carries_out() {
    let site = TestSite::new(RULES_YAML);
    site.laureate("王芳", &profile(""), "故事", 0);
    let folder = "content/laureates/王芳/photos";
    std::fs::remove_file(site.root().join(folder).join("王芳0.jpg")).unwrap();
    site.write_bytes(
        &format!("{folder}/IMG_0001.JPG"),
        &jpeg(700, 900, [200, 190, 180]),
    );
    site.write_bytes(
        &format!("{folder}/IMG_0002.JPG"),
        &jpeg(800, 600, [20, 90, 180]),
    );
    site.write_bytes(
        &format!("{folder}/微信图片_20220301.jpg"),
        &jpeg(800, 600, [90, 20, 180]),
    );
    let (_, report) = check_json(&site);
    let fixes: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "photo-name" || f["rule"] == "portrait")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["fix"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let fix_of = |file: &str| {
        fixes
            .iter()
            .find(|(f, _)| f.ends_with(file))
            .map(|(_, fix)| fix.clone())
            .unwrap_or_else(|| panic!("no fix for {file}: {fixes:#?}"))
    };
    assert!(
        fix_of("IMG_0001.JPG").starts_with("rename it to 王芳0.jpg"),
        "{fixes:#?}"
    );
    assert!(fix_of("IMG_0002.JPG").starts_with("rename it to 王芳1.jpg"));
    assert!(fix_of("微信图片_20220301.jpg").starts_with("rename it to 王芳2.jpg"));
    assert!(
        fix_of("photos").contains("IMG_0001.JPG"),
        "the portrait rule points at it"
    );

    let root = site.root().to_str().unwrap();
    let output = laurel(&["check", "--root", root, "--fix-names", "--format", "json"]);
    let said = stderr(&output);
    assert!(said.contains("IMG_0001.JPG → 王芳0.jpg"), "{said}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let names = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "photo-name" || f["rule"] == "portrait")
        .count();
    assert_eq!(names, 0, "{report:#}");
    for name in ["王芳0.jpg", "王芳1.jpg", "王芳2.jpg"] {
        assert!(site.root().join(folder).join(name).is_file(), "{name}");
    }
}

#[test]
fn check_and_build_give_a_png_named_jpg_the_same_advice() {
    let site = TestSite::new(RULES_YAML);
    site.laureate("王芳", &profile(&captions("王芳", 2)), "故事", 2);
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(300, 200)
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let file = "content/laureates/王芳/photos/王芳2.jpg";
    site.write_bytes(file, &png.into_inner());
    let (_, report) = check_json(&site);
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "photo-unreadable")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert_eq!(finding["file"], file);
    let advice = finding["fix"].as_str().unwrap();
    assert!(advice.starts_with("convert it to JPEG"), "{advice}");
    let build = stderr(&site.build());
    assert!(build.contains(file) && build.contains(advice), "{build}");
}

#[test]
fn without_base_url_the_sitemap_lists_nothing_relative() {
    let site = TestSite::new("title: 测试\n");
    site.laureate("王芳", "", "故事", 1);
    let output = site.build_ok();
    assert!(stderr(&output).contains("base_url is not set"));
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("<loc>"), "{sitemap}");
    let profile = site.read("laureates/wang-fang/index.html");
    assert!(!profile.contains("og:image") && !profile.contains("rel=\"canonical\""));
}

#[test]
fn consent_is_checked_shown_in_the_kit_and_export_and_its_form_stays_private() {
    let yaml = "title: 测试\nbase_url: https://example.org/\n";
    let site = TestSite::new(yaml);
    site.laureate(
        "王芳",
        "consent: {date: 2022-04-18, file: 同意书.pdf}\n",
        "故事",
        1,
    );
    site.laureate("赵强", "", "故事", 1);
    site.write_bytes(
        "content/laureates/王芳/同意书.pdf",
        b"%PDF-1.4 signed form 13911112222",
    );
    let consent_findings = |report: &serde_json::Value| -> Vec<(String, String)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "consent-missing")
            .map(|f| {
                (
                    f["laureate"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let (_, report) = check_json(&site);
    assert_eq!(
        consent_findings(&report),
        [("赵强".to_string(), "warning".to_string())]
    );
    site.write(
        "site.yaml",
        &format!("{yaml}campaign:\n  rules:\n    require_consent: true\n"),
    );
    let (_, report) = check_json(&site);
    assert_eq!(
        consent_findings(&report),
        [("赵强".to_string(), "error".to_string())]
    );

    site.build_ok();
    let kit = site.read("kit/index.html");
    assert!(
        kit.contains("公开同意书：已签（2022-04-18）"),
        "王芳 consented"
    );
    assert!(
        kit.contains("公开同意书：<strong>未见</strong>"),
        "赵强 did not"
    );
    for (path, bytes) in tree(&site.public()) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("signed form"),
            "the form leaked into {path}"
        );
        assert!(!path.ends_with(".pdf"), "{path}");
    }
    let csv = site.root().join("汇总表.csv");
    let output = laurel(&[
        "export",
        "--root",
        site.root().to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(csv).unwrap();
    assert!(
        text.contains("已签公开同意书（2022-04-18）") && text.contains("未见公开同意书"),
        "{text}"
    );
}

/// A JPEG of the same size as `whole` whose end-of-image marker is gone: a photo cut short in
/// transfer and padded back to its length.
fn cut_short_same_size(whole: &[u8]) -> Vec<u8> {
    let mut cut = whole.to_vec();
    let end = cut.len() - 2;
    cut[end..].copy_from_slice(&[0, 0]);
    cut
}

/// The files of `report`'s `photo-unreadable` findings.
fn unreadable(report: &serde_json::Value) -> Vec<String> {
    let findings = report["findings"].as_array().unwrap();
    let found = findings.iter().filter(|f| f["rule"] == "photo-unreadable");
    found
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect()
}

fn set_modified(path: &std::path::Path, at: std::time::SystemTime) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(at).unwrap();
}

#[test]
fn a_photo_replaced_by_a_broken_one_is_found_on_the_next_check() {
    let site = TestSite::new(RULES_YAML);
    site.laureate("王芳", &profile(&captions("王芳", 2)), "故事", 2);
    let rel = "content/laureates/王芳/photos/王芳1.jpg";
    let (_, first) = check_json(&site);
    assert_eq!(unreadable(&first), Vec::<String>::new());
    assert!(site.root().join(".laurel-cache/check.json").is_file());
    // The same name and size, written later: the kept facts do not hide it.
    let path = site.root().join(rel);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    site.write_bytes(rel, &cut_short_same_size(&std::fs::read(&path).unwrap()));
    set_modified(&path, modified + std::time::Duration::from_secs(2));
    let (code, second) = check_json(&site);
    assert_eq!(unreadable(&second), vec![rel.to_string()], "{second:#}");
    assert_eq!(code, Some(1));
    // And again on the check after that: only what a photo passed is kept.
    assert_eq!(unreadable(&check_json(&site).1), vec![rel.to_string()]);
}

#[test]
fn a_second_check_does_not_read_photos_whose_size_and_time_did_not_change() {
    let site = TestSite::new(RULES_YAML);
    site.laureate("王芳", &profile(&captions("王芳", 2)), "故事", 2);
    let rel = "content/laureates/王芳/photos/王芳2.jpg";
    assert_eq!(unreadable(&check_json(&site).1), Vec::<String>::new());
    // Cut short behind check's back: the same size, its modification time put back. A check
    // that read the photo would say so; one that kept what it learnt does not.
    let path = site.root().join(rel);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    site.write_bytes(rel, &cut_short_same_size(&std::fs::read(&path).unwrap()));
    set_modified(&path, modified);
    assert_eq!(unreadable(&check_json(&site).1), Vec::<String>::new());
    // Without the kept facts it is read, and found.
    std::fs::remove_file(site.root().join(".laurel-cache/check.json")).unwrap();
    assert_eq!(unreadable(&check_json(&site).1), vec![rel.to_string()]);
}
