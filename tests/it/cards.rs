//! H5 story cards and the media kit: what new-media staff publish from the site.

use crate::support::*;
use std::io::Write;

const BASE: &str = "https://kx.example.cn/zuimei/";

/// The `content` of the `<meta>` whose `property` or `name` is `key`.
fn meta(html: &str, key: &str) -> Option<String> {
    start_tags(html, "meta")
        .into_iter()
        .find(|m| {
            m.get("property")
                .or(m.get("name"))
                .is_some_and(|k| k == key)
        })
        .and_then(|m| m.get("content").cloned())
}

fn gzipped_len(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len()
}

/// Where the section of page `n` of a card starts (minified: `id=p1>` or `id=p1 `).
fn page_start(card: &str, n: usize) -> usize {
    let id = format!("id=p{n}");
    card.match_indices(&id)
        .map(|(at, _)| at)
        .find(|at| card[at + id.len()..].starts_with([' ', '>']))
        .unwrap_or_else(|| panic!("no page {n}"))
}

/// The bytes a phone may fetch for the images of a piece of HTML: the largest candidate of
/// each srcset (WebP where offered), plus each plain `<img src>` without a srcset.
fn image_bytes(site: &TestSite, html: &str) -> u64 {
    let size = |url: &str| {
        let path = site.public().join(url.strip_prefix("/zuimei/").unwrap());
        std::fs::metadata(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .len()
    };
    let largest = |srcset: &str| {
        srcset
            .split(',')
            .map(|c| size(c.split_whitespace().next().unwrap()))
            .max()
            .unwrap_or(0)
    };
    let webp: u64 = start_tags(html, "source")
        .iter()
        .map(|s| largest(&s["srcset"]))
        .sum();
    let plain: u64 = start_tags(html, "img")
        .iter()
        .filter(|img| !img.contains_key("srcset"))
        .map(|img| size(&img["src"]))
        .sum();
    webp + plain
}

#[test]
fn example_cards_tell_the_story_share_well_and_stay_small() {
    let site = TestSite::example();
    site.build_ok();
    let card = site.read("cards/li-ming-yuan/index.html");
    let folder = site.root().join("content/laureates/李明远");
    let story = std::fs::read_to_string(folder.join("story.md")).unwrap();
    let profile = std::fs::read_to_string(folder.join("profile.yaml")).unwrap();
    let headings = story.lines().filter_map(|l| l.strip_prefix("## "));
    let captions = profile
        .lines()
        .filter_map(|l| l.trim().strip_prefix("caption: "));
    for text in headings.chain(captions) {
        assert!(card.contains(text), "the card lacks {text}");
    }
    assert!(card.contains("把论文写在大地上"), "quote page");
    assert!(card.contains("<video"), "video page");
    assert!(
        card.contains("<svg") && card.contains("二维码"),
        "QR code on the last page"
    );
    assert!(
        !card.contains("<script src"),
        "no external script without wechat:"
    );

    // Sharing: absolute URLs, a 3:4 poster of at least 640x853, a square image of 300+.
    assert_eq!(
        meta(&card, "og:url").unwrap(),
        format!("{BASE}cards/li-ming-yuan/")
    );
    let poster = meta(&card, "og:image").unwrap();
    assert!(poster.starts_with(BASE), "{poster}");
    let width: u32 = meta(&card, "og:image:width").unwrap().parse().unwrap();
    let height: u32 = meta(&card, "og:image:height").unwrap().parse().unwrap();
    assert!(width >= 640 && height >= 853, "poster {width}x{height}");
    assert_eq!(width * 4, height * 3, "poster is 3:4");
    let poster_file = site.public().join(poster.strip_prefix(BASE).unwrap());
    let poster_image = decode(&poster, &std::fs::read(poster_file).unwrap());
    assert_eq!(poster_image.dimensions(), (width, height));
    assert!(meta(&card, "twitter:image").unwrap().starts_with(BASE));
    assert!(meta(&card, "og:title").unwrap().contains("李明远"));
    assert!(!meta(&card, "og:description").unwrap().is_empty());
    let share = &start_tags(&card, "img")[0];
    assert_eq!(
        share["alt"], "",
        "the share image comes first and is decorative"
    );
    let side: u32 = share["width"].parse().unwrap();
    assert!(
        side >= 300 && share["height"] == share["width"],
        "{share:?}"
    );

    // Budgets, from the built files.
    let html = gzipped_len(card.as_bytes());
    assert!(html < 30 * 1024, "card HTML+CSS+JS is {html} bytes gzipped");
    let first = image_bytes(&site, &card[..page_start(&card, 2)]);
    assert!(first < 200 * 1024, "first page's images are {first} bytes");
    let later = &card[page_start(&card, 2)..];
    for img in start_tags(later, "img") {
        assert_eq!(
            img.get("loading").map(String::as_str),
            Some("lazy"),
            "{img:?}"
        );
    }

    // The embeddable card has no site navigation and is not indexed.
    let embed = site.read("cards/li-ming-yuan/embed/index.html");
    assert!(card.contains("<nav"));
    assert!(!embed.contains("<nav"), "embed has no navigation");
    assert_eq!(meta(&embed, "robots").as_deref(), Some("noindex"));
    assert!(embed.contains("盐碱地上找“种子”"));
}

#[test]
fn the_kit_gives_links_snippets_qr_codes_covers_and_texts() {
    let site = TestSite::example();
    site.build_ok();
    let kit = site.read("kit/index.html");
    let card_url = format!("{BASE}cards/li-ming-yuan/");
    assert!(kit.contains(&card_url));
    assert!(
        kit.contains(&format!("<iframe src=\"{card_url}embed/\"")),
        "iframe snippet"
    );
    assert!(kit.contains("扎根冀州盐碱地十三年"), "summary to copy");
    assert!(kit.contains("复制"));

    // The QR code scans as the card's URL.
    let png = std::fs::read(site.public().join("kit/li-ming-yuan/qr.png")).unwrap();
    let image = image::load_from_memory(&png).unwrap().to_luma8();
    assert!(
        image.width() >= 300,
        "print-ready PNG: {} px",
        image.width()
    );
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, content) = grids[0].decode().expect("the QR code decodes");
    assert_eq!(content, card_url);
    let svg = site.read("kit/li-ming-yuan/qr.svg");
    assert!(svg.starts_with("<svg") && svg.contains("viewBox"));

    // Downloads: a 900x383 cover, a square of at least 300, the video.
    let links: Vec<_> = start_tags(&kit, "a")
        .into_iter()
        .filter(|a| a.get("download").is_some_and(|d| d.starts_with("李明远")))
        .collect();
    let find = |prefix: &str| {
        links
            .iter()
            .find(|a| a["download"].starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} download in {links:?}"))["href"]
            .clone()
    };
    let dimensions = |url: &str| {
        let file = site.public().join(url.strip_prefix("/zuimei/").unwrap());
        decode(url, &std::fs::read(file).unwrap()).dimensions()
    };
    assert_eq!(dimensions(&find("李明远-封面-900x383")), (900, 383));
    let (w, h) = dimensions(&find("李明远-封面-4"));
    assert!(w == h && w >= 300, "square cover {w}x{h}");
    let video = find("李明远-视频1");
    assert!(site
        .public()
        .join(video.strip_prefix("/zuimei/").unwrap())
        .is_file());
    find("李明远-二维码.svg");
}

#[test]
fn without_base_url_there_are_no_qr_codes_and_the_build_says_why() {
    let site = TestSite::new("title: 测试\n");
    site.laureate(
        "王芳",
        "quote: 一句话\nsummary: 简介\n",
        "## 第一章\n\n正文",
        1,
    );
    let output = site.build_ok();
    assert!(stderr(&output).contains("QR codes"), "{}", stderr(&output));
    let card = site.read("cards/wang-fang/index.html");
    assert!(!card.contains("<svg"), "no QR code without an absolute URL");
    assert_eq!(meta(&card, "og:url"), None, "no relative share URLs");
    assert_eq!(meta(&card, "og:image"), None, "no relative share images");
    assert!(!site.public().join("kit/wang-fang/qr.png").exists());
    assert!(site.read("kit/index.html").contains("base_url"));
}

#[test]
fn a_laureate_without_photos_shares_the_portrait() {
    let site = TestSite::new("title: 测试\nbase_url: https://example.org/\n");
    site.laureate("李强", "", "故事", 0);
    site.build_ok();
    let card = site.read("cards/li-qiang/index.html");
    let poster = meta(&card, "og:image").expect("a share poster");
    let file = site
        .public()
        .join(poster.strip_prefix("https://example.org/").unwrap());
    let image = decode(&poster, &std::fs::read(file).unwrap());
    let (w, h) = image.dimensions();
    assert!(
        (w * 4).abs_diff(h * 3) <= 4,
        "3:4 crop of the portrait: {w}x{h}"
    );
}

#[test]
fn the_wechat_block_loads_the_js_sdk_with_the_signing_endpoint() {
    let site = TestSite::new(
        "title: 测试\nbase_url: https://example.org/\nwechat:\n  app_id: wx1234567890abcdef\n  signature_url: https://example.org/wx/sign\n",
    );
    site.laureate("王芳", "", "故事", 1);
    site.build_ok();
    let card = site.read("cards/wang-fang/index.html");
    assert!(card.contains("jweixin-1.6.0.js"));
    let script = start_tags(&card, "script")
        .into_iter()
        .find(|s| s.contains_key("data-app-id"))
        .expect("the WeChat share script");
    assert_eq!(script["data-app-id"], "wx1234567890abcdef");
    assert_eq!(script["data-signature-url"], "https://example.org/wx/sign");

    site.write(
        "site.yaml",
        "title: 测试\nwechat:\n  app_id: 123\n  signature_url: http://x\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(
        errors.contains("site.yaml:3") && errors.contains("not a WeChat AppID"),
        "{errors}"
    );
    assert!(errors.contains("not an https:// URL"), "{errors}");
}

#[test]
fn every_kit_file_is_the_size_the_kit_and_readme_state() {
    let site = TestSite::example();
    site.build_ok();
    let kit = site.read("kit/index.html");
    assert!(
        kit.contains("2.35:1（900×383）"),
        "the kit's lead states 900×383"
    );
    let mut covers = 0;
    for link in start_tags(&kit, "a") {
        let Some(name) = link.get("download") else {
            continue;
        };
        let file = site
            .public()
            .join(link["href"].strip_prefix("/zuimei/").unwrap());
        if name.ends_with("-二维码.png") {
            // README: the QR code as a 450 px PNG.
            let png = decode(name, &std::fs::read(&file).unwrap());
            assert_eq!(png.dimensions(), (450, 450), "{name}");
        }
        let Some(size) = name
            .strip_suffix(".jpg")
            .and_then(|n| n.split("-封面-").nth(1))
        else {
            continue;
        };
        let (w, h) = size.split_once('x').unwrap();
        let stated: (u32, u32) = (w.parse().unwrap(), h.parse().unwrap());
        let real = decode(name, &std::fs::read(&file).unwrap()).dimensions();
        assert_eq!(real, stated, "{name}");
        if stated.0 != stated.1 {
            assert_eq!(real, (900, 383), "{name}: the 2.35:1 cover WeChat asks for");
            covers += 1;
        }
    }
    assert_eq!(covers, 9, "one 2.35:1 cover per laureate");
}

#[test]
fn links_of_an_embedded_card_open_a_new_tab() {
    let site = TestSite::example();
    site.build_ok();
    let embed = site.read("cards/li-ming-yuan/embed/index.html");
    // A link's target is its own, else the page's <base target>.
    let base = start_tags(&embed, "base")
        .first()
        .and_then(|b| b.get("target").cloned());
    let staying: Vec<_> = start_tags(&embed, "a")
        .into_iter()
        .filter(|a| !a["href"].starts_with('#'))
        .filter(|a| a.get("target").or(base.as_ref()).map(String::as_str) != Some("_blank"))
        .map(|a| a["href"].clone())
        .collect();
    assert!(
        staying.is_empty(),
        "open inside the host's iframe: {staying:?}"
    );
    for registry in ["https://beian.miit.gov.cn/", "https://beian.mps.gov.cn/"] {
        assert!(
            start_tags(&embed, "a")
                .iter()
                .any(|a| a["href"].starts_with(registry)),
            "{registry} in the embed's footer"
        );
    }
}

#[test]
fn every_profile_links_its_card_and_its_entry_in_the_kit() {
    let site = TestSite::example();
    site.write(
        "site.yaml",
        &format!(
            "{}\npaginate:\n  kit: 4\n",
            std::fs::read_to_string(site.root().join("site.yaml")).unwrap()
        ),
    );
    site.build_ok();
    let mut profiles = 0;
    for entry in std::fs::read_dir(site.public().join("laureates")).unwrap() {
        let slug = entry.unwrap().file_name().into_string().unwrap();
        let profile = site.read(&format!("laureates/{slug}/index.html"));
        let links: Vec<String> = start_tags(&profile, "a")
            .into_iter()
            .map(|a| a["href"].clone())
            .collect();
        let card = format!("/zuimei/cards/{slug}/");
        assert!(links.contains(&card), "{slug}: no link to {card}");
        let anchor = format!("#kit-{slug}");
        let kit = links
            .iter()
            .find(|l| l.starts_with("/zuimei/kit/") && l.ends_with(&anchor))
            .unwrap_or_else(|| panic!("{slug}: no link into the kit"));
        // The kit is split into pages: the link leads to the page that holds the entry.
        let page = site.read(&format!(
            "{}index.html",
            kit.trim_start_matches("/zuimei/").trim_end_matches(&anchor)
        ));
        let entry = format!("kit-{slug}");
        assert!(
            start_tags(&page, "section")
                .iter()
                .any(|s| s.get("id") == Some(&entry)),
            "{kit}"
        );
        profiles += 1;
    }
    assert_eq!(profiles, 9);
}
