//! The `private-data` rule: no laureate's `private:` value, and nothing shaped like a mobile
//! number, an ID number or an e-mail address, reaches the site. `laurel check` reports each at
//! its file and line; the build stops before touching `public/`; what site.yaml publishes on
//! purpose (an office hotline in `public_contacts`, the footer's contact, the 公示's phone and
//! e-mail) passes.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::Path;

const SITE: &str = "title: 测试\nbase_url: https://example.org/\nfooter:\n  contact: 0318-2123456 · kx@example.cn\ncampaign:\n  categories: [乡村振兴]\n  publicity:\n    phone: \"13803189999\"\n    email: gongshi@example.cn\n  rules:\n    laureates: 3\n    province_picks: 1\n    photo_min_bytes: 1000\n    photos_min: 1\n    young_share: 0.5\nimages:\n  widths: [200]\n  thumbnail: 120\n";

const PROFILE: &str = "gender: 女\nbirth: 1990-03\norganization: 测试研究院\nfield: 育种\ncategory: 乡村振兴\nchannel: county\nrecommender: 甲县科协\nconsent: {date: 2022-04-18}\n";

/// 王芳 (whose phone is private) and 李强, each with one captioned photo, and an extra page.
fn two_laureates() -> TestSite {
    let site = TestSite::new(SITE);
    let wang = format!("{PROFILE}province_pick: true\nsummary: 简要事迹。\nphotos:\n  - file: photos/王芳1.jpg\n    caption: 在田间\nprivate:\n  phone: \"13803180003\"\n  id_number: 13110219680315001X\n");
    site.laureate("王芳", &wang, "第一段。\n", 1);
    let li = format!("{PROFILE}summary: 简要事迹。\nphotos:\n  - file: photos/李强1.jpg\n    caption: 在实验室\n");
    site.laureate("李强", &li, "第一段。\n\n第二段。\n", 1);
    site.write("content/pages/about.md", "# 关于\n\n主办单位。\n");
    site
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let name = e.path().strip_prefix(dir).unwrap().display().to_string();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The `private-data` findings of `laurel check --format json` as `file:line message`.
fn private_findings(site: &TestSite) -> Vec<String> {
    let (_, report) = check_json(site);
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "private-data")
        .map(|f| {
            assert_eq!(f["severity"], "error", "{f}");
            format!(
                "{}:{} {}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["message"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn private_data_in_a_story_caption_page_or_profile_field_stops_check_and_build_at_its_line() {
    let site = two_laureates();
    site.build_ok();
    let before = files(&site.public());
    assert!(private_findings(&site).is_empty());
    // 王芳's own phone, typed into 李强's story with other spacing; an e-mail address in a
    // caption; an ID number in an extra page; a mobile number in a summary.
    site.write(
        "content/laureates/李强/story.md",
        "第一段。\n\n如需采访请联系王芳：138 0318 0003。\n",
    );
    let wang = site.root().join("content/laureates/王芳/profile.yaml");
    let profile = std::fs::read_to_string(&wang).unwrap();
    let profile = profile
        .replace("caption: 在田间", "caption: 在田间（wang.fang@example.cn）")
        .replace(
            "summary: 简要事迹。",
            "summary: 简要事迹。电话 139-1234-5678",
        );
    std::fs::write(&wang, &profile).unwrap();
    let line = |needle: &str| profile.lines().position(|l| l.contains(needle)).unwrap() + 1;
    site.write(
        "content/pages/about.md",
        "# 关于\n\n主办单位。\n\n联系人身份证号：11010519491231002X\n",
    );
    let want = [
        "content/laureates/王芳/profile.yaml:{summary} `summary` holds a mobile number (139-****-5678)".replace("{summary}", &line("summary:").to_string()),
        format!("content/laureates/王芳/profile.yaml:{} `caption` holds an e-mail address (w***@example.cn)", line("caption:")),
        "content/laureates/李强/story.md:3 the story holds 王芳's private `phone` (138 **** 0003)".to_string(),
        "content/pages/about.md:5 the page holds an ID card number (身份证号) (110***********002X)".to_string(),
    ];
    let found = private_findings(&site);
    for want in &want {
        assert!(
            found.iter().any(|f| f.starts_with(want.as_str())),
            "{want} not in {found:#?}"
        );
    }
    assert_eq!(found.len(), want.len(), "{found:#?}");

    let text = laurel(&["check", "--root", site.root().to_str().unwrap()]);
    assert_eq!(text.status.code(), Some(1));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("content/laureates/李强/story.md:3 [private-data]"),
        "{text}"
    );
    assert!(
        text.contains("public_contacts"),
        "the fix names the allowed list: {text}"
    );

    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for place in [
        format!("content/laureates/王芳/profile.yaml:{}:", line("summary:")),
        format!("content/laureates/王芳/profile.yaml:{}:", line("caption:")),
        "content/laureates/李强/story.md:3:".to_string(),
        "content/pages/about.md:5:".to_string(),
    ] {
        assert!(err.contains(&place), "{place} not in {err}");
    }
    for secret in [
        "13803180003",
        "138 0318 0003",
        "1234-5678",
        "wang.fang@",
        "11010519491231002X",
    ] {
        assert!(!err.contains(secret), "the message repeats {secret}: {err}");
    }
    assert!(
        files(&site.public()) == before,
        "the last good public/ stays as it was"
    );
}

#[test]
fn a_hotline_listed_in_site_yaml_and_the_sites_own_contacts_may_be_published() {
    let site = two_laureates();
    site.write(
        "content/laureates/李强/story.md",
        "第一段。\n\n采访热线：139 0318 5678。\n",
    );
    site.write(
        "content/pages/about.md",
        "# 关于\n\n来信请寄 kx@example.cn，公示期间电话 138-0318-9999、邮箱 gongshi@example.cn。\n",
    );
    let found = private_findings(&site);
    assert_eq!(
        found.len(),
        1,
        "only the hotline, not yet listed: {found:#?}"
    );
    assert!(
        found[0].starts_with("content/laureates/李强/story.md:3"),
        "{found:#?}"
    );
    site.write(
        "site.yaml",
        &SITE.replace(
            "title: 测试\n",
            "title: 测试\npublic_contacts: [13903185678]\n",
        ),
    );
    assert!(private_findings(&site).is_empty());
    site.build_ok();
    assert!(site
        .read("laureates/li-qiang/index.html")
        .contains("139 0318 5678"));
}

#[test]
fn an_unknown_key_beside_public_contacts_is_an_error() {
    let site = two_laureates();
    site.write(
        "site.yaml",
        &SITE.replace(
            "title: 测试\n",
            "title: 测试\npublic_contact: [13903185678]\n",
        ),
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("public_contacts"),
        "{}",
        stderr(&output)
    );
}
