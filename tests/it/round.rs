//! The selection round: every nominee has a folder, only the selected are published. A
//! nominee who was not selected leaves no trace in `public/`: no page, feed entry, sitemap
//! line, search entry, poster, QR code, kit row, article draft or media file.

use crate::support::*;

const SITE: &str = "title: 最美科技工作者
organizer: 衡水市科学技术协会
base_url: https://kx.example.cn/zuimei/
campaign:
  year: 2022
  round: selection
  publicity:
    start: 2022-05-09
    end: 2022-05-13
    phone: 0318-2123456
";

/// A profile's YAML after `name:`, with the unit and summary made of `words`.
fn profile(status: &str, words: &str) -> String {
    format!(
        "{status}gender: 女\nbirth: 1985-03\norganization: {words}研究所\ntitle: 研究员\nrecommender: {words}科协\ncategory: 科技创新\nchannel: county\nsummary: {words}的简要事迹。\n"
    )
}

/// Three selected (one of them a province pick), one nominee never decided on, two not
/// selected; the not-selected have their own words and photos.
fn round_site(with_unselected: bool) -> TestSite {
    let site = TestSite::new(SITE);
    site.laureate(
        "张悦",
        &profile("status: selected\nprovince_pick: true\n", "气象"),
        "## 故事\n\n观测云层。",
        3,
    );
    site.laureate(
        "王振国",
        &profile("status: 入选\n", "地热"),
        "## 故事\n\n勘查地热。",
        3,
    );
    site.laureate(
        "李明远",
        &profile("status: selected\n", "小麦"),
        "## 故事\n\n培育小麦。",
        3,
    );
    site.laureate(
        "赵未定",
        &profile("", "琥珀"),
        "## 故事\n\n琥珀色的故事。",
        3,
    );
    if with_unselected {
        site.laureate(
            "钱落选",
            &profile("status: not_selected\n", "珊瑚"),
            "## 故事\n\n珊瑚礁边的故事。",
            3,
        );
        site.laureate(
            "孙未入",
            &profile("status: 未入选\n", "翡翠"),
            "## 故事\n\n翡翠谷的故事。",
            3,
        );
        // Their photos are not the selected ones' (the generated photos differ by size).
        for (name, colour) in [("钱落选", [10, 200, 30]), ("孙未入", [240, 10, 220])] {
            site.write_bytes(
                &format!("content/laureates/{name}/photos/{name}1.jpg"),
                &jpeg(820, 610, colour),
            );
        }
    }
    site
}

fn sha(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

#[test]
fn a_nominee_not_selected_appears_in_no_public_file() {
    let site = round_site(true);
    site.build_ok();
    let files = tree(&site.public());
    let sources: Vec<String> = ["钱落选", "孙未入", "赵未定"]
        .iter()
        .flat_map(|name| tree(&site.root().join("content/laureates").join(name)))
        .map(|(_, bytes)| sha(&bytes))
        .collect();
    let words = [
        "钱落选",
        "孙未入",
        "赵未定",
        "qian-luo-xuan",
        "sun-wei-ru",
        "zhao-wei-ding",
        "珊瑚",
        "翡翠",
        "琥珀",
    ];
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for word in words {
            assert!(!text.contains(word), "{path} holds {word}");
            assert!(!path.contains(word), "{path} is named after {word}");
        }
        assert!(!sources.contains(&sha(bytes)), "{path} is a nominee's file");
    }
    // The selected are all there, the 公示 lists exactly them.
    let publicity = site.read("publicity/index.html");
    for name in ["张悦", "王振国", "李明远"] {
        assert!(publicity.contains(name), "the 公示 lacks {name}");
    }
    // Nothing at all differs from a campaign whose folders never held the not selected.
    let without = round_site(false);
    without.build_ok();
    let files_without = tree(&without.public());
    let paths = |f: &[(String, Vec<u8>)]| f.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&files), paths(&files_without));
    assert!(
        files == files_without,
        "the not selected change the site's bytes"
    );
}

#[test]
fn a_campaign_that_publicises_nominees_lists_them_in_the_publicity_phase_only() {
    let yaml = SITE.replace(
        "  round: selection\n",
        "  round: selection\n  phase: publicity\n  publicise_nominees: true\n",
    );
    let site = round_site(true);
    site.write("site.yaml", &yaml);
    site.build_ok();
    let publicity = site.read("publicity/index.html");
    assert!(publicity.contains("赵未定"), "the nominee is on the 公示");
    for (path, bytes) in tree(&site.public()) {
        let text = String::from_utf8_lossy(&bytes);
        for word in ["钱落选", "孙未入", "珊瑚", "翡翠"] {
            assert!(!text.contains(word), "{path} holds {word}");
        }
    }
    // In the showcase the same setting publishes only the selected.
    site.write("site.yaml", &yaml.replace("  phase: publicity\n", ""));
    site.build_ok();
    assert!(!site.read("publicity/index.html").contains("赵未定"));
    assert!(!site.public().join("laureates/zhao-wei-ding").exists());
}

#[test]
fn without_a_recorded_round_every_profile_is_a_laureate_but_the_not_selected() {
    let site = round_site(true);
    site.write("site.yaml", &SITE.replace("  round: selection\n", ""));
    site.build_ok();
    assert!(site
        .public()
        .join("laureates/zhao-wei-ding/index.html")
        .exists());
    assert!(!site.public().join("laureates/qian-luo-xuan").exists());
}

#[test]
fn check_counts_nominations_for_quotas_and_the_selected_for_the_places() {
    let site = round_site(true);
    // 20 places → 2; the three selected are one too many. Quotas count the nominees: six
    // nominations from six units is within each unit's 2.
    site.write(
        "site.yaml",
        &SITE.replace(
            "  round: selection\n",
            "  round: selection\n  rules:\n    laureates: 2\n",
        ),
    );
    let (_, report) = check_json(&site);
    let rules: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    let quota = rules.iter().find(|(r, _)| *r == "laureate-quota");
    assert!(
        quota.is_some_and(|(_, m)| m.starts_with("3 laureates selected")),
        "{rules:?}"
    );
    // The young share counts all six nominees (born 1985: all young).
    assert!(!rules.iter().any(|(r, _)| *r == "young-share"), "{rules:?}");
}

#[test]
fn a_province_pick_who_is_not_selected_is_an_error_at_its_line() {
    let site = round_site(false);
    site.write(
        "content/laureates/赵未定/profile.yaml",
        &format!("name: 赵未定\n{}province_pick: true\n", profile("", "琥珀")),
    );
    let (code, report) = check_json(&site);
    assert_eq!(code, Some(1));
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("province_pick"))
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(finding["line"], 10);
    // The site does not publish the nominee, so the build does not stop on them.
    site.build_ok();
}
