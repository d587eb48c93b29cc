//! The 公示: in the publicity phase only the list of candidates is published; in the
//! showcase it stays online, linked from the footer and the 关于评选 page.

use crate::support::*;

/// The 公示 fixture (张悦 and 王振国, a 关于评选 page, the publicity phase) with its
/// site.yaml changed by `change`.
fn publicity_site(change: impl FnOnce(String) -> String) -> TestSite {
    let site = TestSite::fixture("publicity");
    site.edit("site.yaml", change);
    site
}

#[test]
fn the_heading_uses_the_official_name_as_written() {
    // The site's title is the campaign's full name: no second year, no quotes in quotes. A
    // short title with the official name set keeps the city.
    let full = (
        "title: 最美科技工作者",
        "title: 2022年衡水市“最美科技工作者”",
    );
    let named = (
        "  year: 2022\n",
        "  year: 2022\n  name: 2022年衡水市“最美科技工作者”\n",
    );
    for (from, to) in [full, named] {
        let site = publicity_site(|yaml| yaml.replace(from, to));
        site.build_ok();
        let page = site.read("publicity/index.html");
        let between = |open: &str, close: &str| {
            let start = page.find(open).expect(open);
            text_of(&page[start..start + page[start..].find(close).expect(close)])
        };
        assert_eq!(
            between("<h1", "</h1>"),
            "2022年衡水市“最美科技工作者”推荐人选公示"
        );
        assert!(between("<caption", "</caption>")
            .starts_with("2022年衡水市“最美科技工作者”推荐人选名单"));
        assert!(!page.contains("2022年度“2022年"));
        let front = site.read("index.html");
        assert!(front.contains("2022年衡水市“最美科技工作者”"), "{front}");
    }
}

#[test]
fn in_the_publicity_phase_only_the_list_is_published_with_every_field() {
    let site = publicity_site(|yaml| yaml);
    let output = site.build_ok();
    let page = site.read("publicity/index.html");
    for fact in [
        "2022年“最美科技工作者”推荐人选公示",
        "2022年5月9日至2022年5月13日",
        "0318-2123456",
        "衡水市人民西路 123 号",
        "中共衡水市委宣传部 衡水市科学技术协会",
        "按姓氏笔画排序",
        "安平县气象局 气象台副台长 · 工程师",
        "安平县科协",
        "科学普及",
        "累计发布作品260余期",
        "衡水市地热资源勘查院 教授级高级工程师",
    ] {
        assert!(text_of(&page).contains(fact), "the 公示 lacks {fact}");
    }
    // 王 (4 strokes) before 张 (7), numbered in that order.
    let (wang, zhang) = (page.find("王振国").unwrap(), page.find("张悦").unwrap());
    assert!(wang < zhang);
    assert!(site.read("index.html").contains("推荐人选公示"));
    // Nothing that presumes the result: no profiles, cards, kit, gallery, media, feed.
    let files: Vec<String> = tree(&site.public()).into_iter().map(|(p, _)| p).collect();
    for file in &files {
        for kind in [
            "laureates/",
            "cards/",
            "kit/",
            "gallery/",
            "media/",
            "categories/",
            "regions/",
        ] {
            assert!(
                !file.starts_with(kind),
                "{file} is published in the publicity phase"
            );
        }
    }
    assert!(
        !files.iter().any(|f| f == "feed.xml" || f == "search.json"),
        "{files:?}"
    );
    for (file, bytes) in tree(&site.public()) {
        let text = String::from_utf8_lossy(&bytes);
        for path in ["/cards/", "/kit/", "/laureates/", "/gallery/"] {
            assert!(!text.contains(path), "{file} links {path}");
        }
    }
    // A key the 公示 needs and lacks is a warning at its line of site.yaml.
    let err = stderr(&output);
    assert!(
        err.contains("site.yaml:8") && err.contains("campaign.publicity.email"),
        "{err}"
    );
    assert!(!err.contains("campaign.publicity.phone"), "{err}");
}

#[test]
fn in_the_showcase_the_publicity_page_stays_and_is_linked() {
    let site = publicity_site(|yaml| yaml.replace("phase: publicity", "phase: showcase"));
    let output = site.build_ok();
    assert!(
        !stderr(&output).contains("campaign.publicity"),
        "no warnings in the showcase"
    );
    assert!(site.read("publicity/index.html").contains("0318-2123456"));
    let about = site.read("about/index.html");
    assert!(
        about.contains("/zuimei/publicity/"),
        "关于评选 links the 公示"
    );
    assert!(
        site.read("index.html").contains("/zuimei/publicity/"),
        "the footer links it"
    );
    assert!(site
        .read("sitemap.xml")
        .contains("https://kx.example.cn/zuimei/publicity/"));
    assert!(site.public().join("cards/zhang-yue/index.html").is_file());
}

#[test]
fn without_publicity_settings_a_showcase_has_no_publicity_page() {
    let site = publicity_site(|_| "title: 最美科技工作者\n".into());
    site.build_ok();
    assert!(!site.public().join("publicity").exists());
    assert!(!site.read("index.html").contains("评选公示"));
}
