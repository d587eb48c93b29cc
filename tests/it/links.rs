//! Links editors write in stories: resolved through the routes to URLs under base_url, and a
//! link to nothing stops `build` and `check` at its file and line. Serve and build run the
//! same stages and say the same warnings.

use crate::support::*;
use laurel::finding::{Finding, Rule};

/// The `href` values of `<a>` tags in `html`.
fn hrefs(html: &str) -> Vec<String> {
    start_tags(html, "a")
        .into_iter()
        .filter_map(|a| a.get("href").cloned())
        .collect()
}

#[test]
fn the_example_story_links_lead_to_pages_under_base_url() {
    let site = TestSite::example();
    site.build_ok();
    let links = hrefs(&site.read("laureates/li-ming-yuan/index.html"));
    for (written, resolved) in [
        ("/laureates/lyu-jing/", "/zuimei/laureates/lyu-jing/"),
        (
            "../王振国/ (folder name)",
            "/zuimei/laureates/wang-zhen-guo/",
        ),
        ("/gallery/", "/zuimei/gallery/"),
    ] {
        assert!(links.iter().any(|l| l == resolved), "{written}: {links:?}");
        let path = resolved
            .trim_start_matches("/zuimei/")
            .split('#')
            .next()
            .unwrap();
        assert!(
            site.public().join(path).join("index.html").is_file(),
            "{resolved} has no page"
        );
    }
    // The card shows the same story, with the same resolved links.
    let card = hrefs(&site.read("cards/li-ming-yuan/index.html"));
    assert!(card.iter().any(|l| l == "/zuimei/laureates/lyu-jing/"));
    let check = laurel(&["check", "--root", site.root().to_str().unwrap()]);
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(!text.contains("broken-link"), "{text}");
}

#[test]
fn every_link_form_resolves_and_relative_ones_are_rewritten() {
    // The address the story links to is public on purpose (the `private-data` rule).
    let site = TestSite::new(
        "title: 测试\nbase_url: https://example.org/sub/\npublic_contacts: [a@example.org]\n",
    );
    let story = "[一](../赵强/) [二](@/laureates/赵强/story.md) [三](/laureates/zhao-qiang) \
                 [四](/sub/cards/zhao-qiang/embed/) [五](@/pages/about.md) [六](/about/) \
                 [七](/favicon.svg) [八](https://example.com/x) [九](#chapter-1) \
                 [十](mailto:a@example.org) [十一](/kit/#kit-zhao-qiang)\n";
    site.laureate("王芳", "", story, 1);
    site.laureate("赵强", "", "故事", 1);
    site.write(
        "content/pages/about.md",
        "---\ntitle: 关于\n---\n回到[首页](/)。\n",
    );
    site.write(
        "static/favicon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.build_ok();
    let links = hrefs(&site.read("laureates/wang-fang/index.html"));
    for want in [
        "/sub/laureates/zhao-qiang/",
        "/sub/cards/zhao-qiang/embed/",
        "/sub/about/",
        "/sub/favicon.svg",
        "https://example.com/x",
        "#chapter-1",
        "mailto:a@example.org",
        "/sub/kit/#kit-zhao-qiang",
    ] {
        assert!(links.iter().any(|l| l == want), "{want} not in {links:?}");
    }
    let to_zhao = links
        .iter()
        .filter(|l| *l == "/sub/laureates/zhao-qiang/")
        .count();
    assert_eq!(to_zhao, 3, "{links:?}");
    assert!(hrefs(&site.read("about/index.html")).contains(&"/sub/".to_string()));
}

#[test]
fn a_link_to_nobody_stops_build_and_check_at_its_line() {
    let site = TestSite::new("title: 测试\n");
    site.laureate("王芳", "", "第一段。\n\n见[图说](/gallery/)。\n", 1);
    site.build_ok();
    let before = site.read("index.html");
    site.write(
        "content/laureates/王芳/story.md",
        "第一段。\n\n见[无此人](/laureates/nobody/)和[他](../不存在/)。\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("content/laureates/王芳/story.md:3: link `/laureates/nobody/`"),
        "{err}"
    );
    assert!(err.contains("`../不存在/`"), "{err}");
    assert_eq!(
        site.read("index.html"),
        before,
        "the last good output stays"
    );
    let (_, report) = check_json(&site);
    let broken: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "broken-link")
        .collect();
    assert_eq!(broken.len(), 2, "{report:#}");
    for finding in broken {
        assert_eq!(finding["severity"], "error");
        assert_eq!(finding["line"], 3);
        assert_eq!(finding["file"], "content/laureates/王芳/story.md");
    }
}

/// Gives 王芳 a clip longer than the notice allows and builds the site.
fn build_with_a_long_clip(site: &TestSite) -> laurel::build::BuildSummary {
    site.write_bytes(
        "content/laureates/王芳/videos/长视频.mp4",
        &fixture_video("four-minutes.mp4"),
    );
    laurel::build::build(&laurel::build::BuildOptions {
        root: site.root().to_path_buf(),
        output: site.public(),
        progress: None,
        cancel: Default::default(),
    })
    .expect("the site builds")
}

#[test]
fn serve_and_build_say_the_same_warnings() {
    // No base_url, and a clip longer than the notice allows: two kinds of warning.
    let site = TestSite::new("title: 测试\n");
    site.laureate("王芳", "", "故事", 1);
    let built = build_with_a_long_clip(&site);
    let served = laurel::serve::Live::new(site.root(), "").rebuild(&[]);
    assert!(served.problems.is_none(), "{:?}", served.problems);
    assert!(built.warnings.len() >= 2, "{:?}", built.warnings);
    let said = |w: &Finding| w.to_string();
    assert!(built.warnings.iter().any(|w| said(w).contains("base_url")));
    assert!(built
        .warnings
        .iter()
        .any(|w| said(w).contains("长视频.mp4")));
    assert_eq!(served.warnings, built.warnings);
}

#[test]
fn the_build_warns_with_checks_own_findings() {
    // No base_url, a clip longer than the notice allows, template text and a script in the
    // story: the build publishes them, but says what `laurel check` says, as warnings.
    let site = TestSite::new("title: 测试\n");
    site.laureate(
        "王芳",
        "organization: 请填写工作单位\n",
        "故事。\n\n<script>x()</script>\n",
        1,
    );
    let built = build_with_a_long_clip(&site);
    let loaded = laurel::content::load(
        site.root(),
        laurel::config::SiteConfig::load(site.root()).unwrap(),
    )
    .expect("the site loads");
    let checked = laurel::check::check(&loaded).findings;
    let rules = [
        Rule::BaseUrl,
        Rule::VideoDuration,
        Rule::Placeholder,
        Rule::HtmlRemoved,
    ];
    for rule in rules {
        let of = |findings: &[Finding]| -> Vec<Finding> {
            let found = findings.iter().filter(|f| f.rule == rule);
            found.cloned().map(Finding::as_warning).collect()
        };
        let warned = of(&built.warnings);
        assert!(
            !warned.is_empty(),
            "no {rule} warning: {:?}",
            built.warnings
        );
        assert_eq!(warned, of(&checked), "{rule}");
    }
}

#[test]
fn every_page_kind_is_a_target_and_a_whole_site_page_links_a_year() {
    let yaml = "title: 测试\nbase_url: https://example.org/zuimei/\ncampaign:\n  year: 2022\n  publicity: {start: 2022-05-01, end: 2022-05-07}\n";
    let site = TestSite::new(yaml);
    site.laureate("王芳", "", "故事", 1);
    site.write(
        "content/pages/about.md",
        "---\ntitle: 关于\n---\n[公示](/publicity/) [同上](/zuimei/publicity/) \
         [稿件](/kit/王芳/article/) [原文](/kit/wang-fang/article.html) [feed](/feed.xml)\n",
    );
    site.build_ok();
    let links = hrefs(&site.read("about/index.html"));
    for want in [
        "/zuimei/publicity/",
        "/zuimei/kit/wang-fang/article/",
        "/zuimei/kit/wang-fang/article.html",
        "/zuimei/feed.xml",
    ] {
        assert!(links.iter().any(|l| l == want), "{want} not in {links:?}");
    }
    // Both forms of the 公示 link resolved, or the build would have stopped.

    // The site becomes two years: the page links 王芳 of 2022 in every form.
    let content = site.root().join("content");
    std::fs::create_dir_all(content.join("2022")).unwrap();
    std::fs::rename(content.join("laureates"), content.join("2022/laureates")).unwrap();
    site.write("content/2023/campaign.yaml", "year: 2023\n");
    site.write("content/2023/laureates/孙三/profile.yaml", "name: 孙三\n");
    site.write(
        "content/2023/laureates/孙三/story.md",
        "见[王芳](@/2022/laureates/王芳/story.md)。\n",
    );
    site.write(
        "content/pages/about.md",
        "---\ntitle: 关于\n---\n[一](/2022/laureates/wang-fang/) [二](@/2022/laureates/王芳/story.md) \
         [三](/zuimei/2022/laureates/王芳/) [四](/laureates/孙三/) [五](/archive/) [六](/2022/publicity/)\n",
    );
    site.build_ok();
    let links = hrefs(&site.read("about/index.html"));
    let to_wang = links
        .iter()
        .filter(|l| *l == "/zuimei/2022/laureates/wang-fang/")
        .count();
    assert_eq!(to_wang, 3, "{links:?}");
    for want in [
        "/zuimei/2023/laureates/sun-san/",
        "/zuimei/archive/",
        "/zuimei/2022/publicity/",
    ] {
        assert!(links.iter().any(|l| l == want), "{want} not in {links:?}");
    }
    let sun = hrefs(&site.read("2023/laureates/sun-san/index.html"));
    assert!(
        sun.iter().any(|l| l == "/zuimei/2022/laureates/wang-fang/"),
        "{sun:?}"
    );

    // A year that does not have the person: the hint says how to name a year.
    site.write(
        "content/pages/about.md",
        "[一](/2023/laureates/wang-fang/)\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("`/2023/laureates/wang-fang/`") && err.contains("/2022/laureates/"),
        "{err}"
    );
    assert_eq!(
        err.matches("leads to no page").count(),
        1,
        "said once: {err}"
    );
}
