//! 公众号 article drafts in the kit: every chapter, caption and the quote, WeChat-safe HTML
//! (inline styles, absolute JPEG sources), title and 摘要 within WeChat's limits.

use crate::support::*;

/// The draft between its markers in `kit/<slug>/article.html`.
pub fn draft(site: &TestSite, slug: &str) -> String {
    let file = site.read(&format!("kit/{slug}/article.html"));
    let start = file.find("<!--draft-->").expect("draft start") + "<!--draft-->".len();
    let end = file.find("<!--/draft-->").expect("draft end");
    file[start..end].to_string()
}

#[test]
fn every_laureate_gets_a_wechat_safe_draft_with_the_whole_story() {
    let site = TestSite::example();
    site.build_ok();
    let root = site.root().join("content/laureates");
    for entry in std::fs::read_dir(&root).unwrap() {
        let folder = entry.unwrap().path();
        let profile: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(folder.join("profile.yaml")).unwrap())
                .unwrap();
        if profile["status"] != "selected" {
            continue; // a nominee the jury did not select has no page and no draft
        }
        let name = profile["name"].as_str().unwrap();
        let slug = profile["slug"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| {
                let index = site.read("search.json");
                let entries: serde_json::Value = serde_json::from_str(&index).unwrap();
                let url = entries
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|e| e["name"] == name)
                    .unwrap()["url"]
                    .as_str()
                    .unwrap()
                    .to_string();
                url.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            });
        let html = draft(&site, &slug);
        let story = std::fs::read_to_string(folder.join("story.md")).unwrap();
        for heading in story.lines().filter_map(|l| l.strip_prefix("## ")) {
            assert!(html.contains(heading.trim()), "{name}: chapter {heading}");
        }
        if let Some(photos) = profile["photos"].as_sequence() {
            for caption in photos.iter().filter_map(|p| p["caption"].as_str()) {
                assert!(html.contains(caption), "{name}: caption {caption}");
            }
        }
        let quote = profile["quote"]
            .as_str()
            .unwrap_or("")
            .trim_end_matches('。');
        assert!(html.contains(quote), "{name}: quote");
        let card = format!("https://kx.example.cn/zuimei/cards/{slug}/");
        assert!(html.contains(&card), "{name}: 阅读原文 {card}");
        for bad in ["<style", "<script", "<iframe", "<form", "class=", "<link"] {
            assert!(!html.contains(bad), "{name}: {bad} in the draft");
        }
        for tag in start_tags(&html, "img") {
            let src = &tag["src"];
            let jpeg_or_qr = src.ends_with(".jpg") || src.ends_with("/qr.png");
            assert!(src.starts_with("https://") && jpeg_or_qr, "{name}: {src}");
            let width: u32 = tag.get("width").map_or(0, |w| w.parse().unwrap());
            assert!(width <= 1080, "{name}: {src} is {width} px wide");
        }
        for tag in ["p", "h2", "section"] {
            for t in start_tags(&html, tag) {
                assert!(
                    t.contains_key("style"),
                    "{name}: <{tag}> without an inline style"
                );
            }
        }
        let page = site.read(&format!("kit/{slug}/article/index.html"));
        let input = start_tags(&page, "input")
            .into_iter()
            .find(|t| t.get("id").map(String::as_str) == Some("article-title"))
            .expect("the title field");
        let title = input["value"].clone();
        assert!(
            title.chars().count() <= 64 && title.contains(name),
            "{title}"
        );
        let digest = page
            .split("id=article-digest")
            .nth(1)
            .and_then(|rest| rest.split('>').nth(1))
            .and_then(|rest| rest.split("</textarea").next())
            .expect("the digest field");
        assert!(digest.chars().count() <= 120, "{digest}");
        assert!(page.contains("noindex"));
    }
}

#[test]
fn a_long_quote_is_shortened_to_fit_the_title() {
    let site = TestSite::new("title: 最美科技工作者\nbase_url: https://example.org/\n");
    let quote = "育种是接力跑，一代人跑一段，不能让棒子掉在地上，更不能让农民的期待落空，这是我一辈子的事业和追求，也是我们这一代农业科技工作者的责任";
    site.laureate(
        "王芳",
        &format!("quote: {quote}\nsummary: {}\n", "长".repeat(200)),
        "故事",
        1,
    );
    site.build_ok();
    let page = site.read("kit/wang-fang/article/index.html");
    let title = start_tags(&page, "input")
        .into_iter()
        .find(|t| t.get("id").map(String::as_str) == Some("article-title"))
        .unwrap()["value"]
        .clone();
    assert_eq!(title.chars().count(), 64, "{title}");
    assert!(title.starts_with("最美科技工作者风采 | 王芳：育种是接力跑") && title.ends_with('…'));
}

#[test]
fn the_draft_shows_each_photo_once_and_no_cover_in_the_body() {
    let site = TestSite::example();
    site.build_ok();
    let html = draft(&site, "li-ming-yuan");
    let profile = site.read("laureates/li-ming-yuan/index.html");
    let photos = start_tags(&profile, "a")
        .into_iter()
        .filter(|a| a.get("class").map(String::as_str) == Some("zoom"))
        .count();
    let images: Vec<String> = start_tags(&html, "img")
        .into_iter()
        .map(|img| img["src"].clone())
        .collect();
    // Every photo once (the first after chapter 1, not also as a header), and the QR code.
    assert_eq!(images.len(), photos + 1, "{images:#?}");
    let cover = start_tags(&site.read("kit/li-ming-yuan/article/index.html"), "a")
        .into_iter()
        .find(|a| a.get("download").is_some_and(|d| d.contains("封面-900")))
        .expect("the cover's download link")["href"]
        .clone();
    assert!(
        !images.iter().any(|src| src.ends_with(&cover)),
        "the 2.35:1 cover of the first photo is in the body: {cover}"
    );
}

#[test]
fn the_kit_preview_gives_read_more_as_an_absolute_url() {
    let site = TestSite::example();
    site.build_ok();
    let page = site.read("kit/li-ming-yuan/article/index.html");
    let preview = &page[page.find("id=draft").expect("the preview")..];
    let read_more = &preview[preview.find("阅读原文").expect("阅读原文")..];
    let link = start_tags(read_more, "a").remove(0);
    let card = "https://kx.example.cn/zuimei/cards/li-ming-yuan/";
    assert_eq!(link["href"], card);
    assert!(
        read_more.contains(&format!(">{card}</a>")),
        "{read_more:.300}"
    );
}
