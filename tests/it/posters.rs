//! 海报 and 长图: drawn at build time in the system's CJK font, with the card's QR code.

use crate::support::*;
use laurel::poster::fonts::{Fonts, FONT_DIRS_ENV};
use laurel::poster::text::wrap;
use std::path::Path;

const SITE: &str = "title: 最美科技工作者
subtitle: 弘扬科学家精神 · 讲好科技工作者故事
organizer: 中共衡水市委宣传部 衡水市科学技术协会
base_url: https://kx.example.cn/zuimei/
campaign:
  year: 2022
  categories: [科技创新, 乡村振兴]
";

const PROFILE: &str = "organization: 衡水市农业科学研究院
position: 小麦育种室主任
title: 研究员
category: 乡村振兴
quote: 把论文写在大地上，把成果留在农民家。
summary: 长期从事小麦育种研究，育成节水抗旱品种3个，累计推广1200万亩。
";

/// The poster font, or `None` after saying the test is skipped.
fn poster_font() -> Option<Fonts> {
    match Fonts::find(Path::new("."), &[]) {
        Ok(fonts) => Some(fonts),
        Err(_) => {
            skipped("a CJK font", " (Debian/Ubuntu: apt install fonts-noto-cjk)");
            None
        }
    }
}

/// The `href`s of the kit's links whose text contains `label`.
fn kit_links(kit: &str, label: &str) -> Vec<String> {
    kit.split("<a ")
        .filter(|a| a.split("</a>").next().unwrap_or("").contains(label))
        .filter_map(|a| {
            let start = a.find("href=")? + 5;
            let rest = a[start..].trim_start_matches('"');
            let end = rest.find(['"', ' ', '>'])?;
            Some(rest[..end].to_string())
        })
        .collect()
}

fn published(site: &TestSite, url: &str) -> Vec<u8> {
    let rel = url
        .strip_prefix("/zuimei/")
        .expect("URL under base_url's path");
    std::fs::read(site.public().join(rel)).unwrap_or_else(|e| panic!("{url}: {e}"))
}

fn story(chapters: usize, paragraph: &str) -> String {
    (1..=chapters)
        .map(|n| format!("## 第{n}章 扎根田野\n\n{paragraph}\n\n{paragraph}\n"))
        .collect()
}

#[test]
fn posters_carry_the_card_qr_code_at_their_sizes_and_the_kit_offers_them() {
    if poster_font().is_none() {
        return;
    }
    let site = TestSite::new(SITE);
    site.laureate("李明远", PROFILE, &story(2, "他走遍全市的麦田。"), 3);
    site.build_ok();
    let kit = site.read("kit/index.html");
    for (label, width, height) in [("海报 9:16", 1080, 1920), ("海报 3:4", 1080, 1440)] {
        let links = kit_links(&kit, label);
        assert_eq!(links.len(), 1, "{label} in the kit");
        let bytes = published(&site, &links[0]);
        assert!(bytes.len() < 600_000, "{label}: {} bytes", bytes.len());
        let image = decode(&links[0], &bytes);
        assert_eq!(image.dimensions(), (width, height), "{label}");
        let gray = image::DynamicImage::ImageRgb8(image).to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(gray);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "{label}: one QR code");
        let (_, content) = grids[0].decode().expect("the QR code decodes");
        assert_eq!(content, "https://kx.example.cn/zuimei/cards/li-ming-yuan/");
    }
    let long = kit_links(&kit, "长图");
    assert_eq!(long.len(), 1, "a short story is one 长图");
    let image = decode(&long[0], &published(&site, &long[0]));
    assert_eq!(image.width(), 1080);
    assert!(image.height() > 1920 && image.height() <= 10_000);
    // The card's closing page links the 9:16 poster.
    let card = site.read("cards/li-ming-yuan/index.html");
    assert!(
        card.contains(&kit_links(&kit, "海报 9:16")[0]),
        "card links the poster"
    );
}

#[test]
fn a_long_story_is_cut_into_numbered_parts_under_ten_thousand_pixels() {
    if poster_font().is_none() {
        return;
    }
    let site = TestSite::new(SITE);
    let paragraph = "他带着团队在盐碱地上做了十二年试验，记下了三万多条数据。".repeat(8);
    site.laureate("李明远", PROFILE, &story(14, &paragraph), 5);
    site.build_ok();
    let kit = site.read("kit/index.html");
    let parts = kit_links(&kit, "长图");
    assert!(parts.len() >= 2, "{} parts", parts.len());
    assert!(kit.contains(&format!("长图（1/{}）", parts.len())));
    for part in &parts {
        let image = decode(part, &published(&site, part));
        assert_eq!(image.width(), 1080);
        assert!(image.height() <= 10_000, "{part}: {} px", image.height());
    }
}

#[test]
fn text_stays_inside_the_margins_of_a_poster() {
    if poster_font().is_none() {
        return;
    }
    let site = TestSite::new(SITE);
    let profile = PROFILE
        .replace(
            "衡水市农业科学研究院",
            "衡水市农业科学研究院旱作节水农业研究所国家小麦改良中心衡水分中心",
        )
        .replace(
            "把论文写在大地上，把成果留在农民家。",
            "把论文写在大地上（而不是只写在期刊里），把成果留在农民家——让每一亩麦田都多打粮、多增收、少用水！这是我一辈子的追求。",
        );
    site.laureate("李明远", &profile, "正文。", 3);
    site.build_ok();
    let kit = site.read("kit/index.html");
    let url = &kit_links(&kit, "海报 9:16")[0];
    let image = decode(url, &published(&site, url));
    // Between the photo (1100 px) and the red band (330 px), the side margins are paper.
    for y in 1100..1920 - 330 {
        for x in (0..60).chain(1080 - 60..1080) {
            let [r, g, b] = image.get_pixel(x, y).0;
            let paper = [0xfa, 0xf7, 0xf1];
            let near = |a: u8, b: u8| a.abs_diff(b) <= 12;
            assert!(
                near(r, paper[0]) && near(g, paper[1]) && near(b, paper[2]),
                "ink at ({x}, {y}): {r},{g},{b}"
            );
        }
    }
}

#[test]
fn line_breaking_with_the_real_font_keeps_the_rules_of_chinese_punctuation() {
    let Some(fonts) = poster_font() else {
        return;
    };
    let text = "“创新”从哪里来？从田间来，从实验室来，从一次次失败里来！（他说。）".repeat(4)
        + "2022年，他们把亩产提高了12.5%，推广面积达1,200万亩。";
    let (width, size) = (600.0, 40.0);
    fonts.with_metrics(false, |metrics| {
        let advance = |c: char| metrics.advance(c) * size;
        let lines = wrap(&text, width, &advance);
        assert_eq!(lines.concat(), text.replace(' ', ""), "no text lost");
        for line in &lines {
            let measured: f32 = line.chars().map(advance).sum();
            assert!(measured <= width, "{line:?} is {measured} px wide");
            let first = line.chars().next().unwrap();
            let last = line.chars().last().unwrap();
            assert!(
                !"。，、；：？！」）”".contains(first),
                "{line:?} starts with {first}"
            );
            assert!(!"「（“".contains(last), "{line:?} ends with {last}");
        }
        assert!(lines.iter().any(|l| l.contains("12.5%")), "{lines:?}");
    });
}

#[test]
fn a_character_the_font_lacks_is_a_warning_naming_laureate_and_character() {
    let Some(fonts) = poster_font() else {
        return;
    };
    // U+31350, of CJK Extension H (Unicode 15, 2022), is in no Noto CJK release.
    assert_eq!(fonts.missing("李\u{31350}"), ['\u{31350}']);
    let site = TestSite::new(SITE);
    site.laureate(
        "李明远",
        &PROFILE.replace("把论文", "一碗\u{31350}\u{31350}面，把论文"),
        "正文。",
        3,
    );
    let output = site.build_ok();
    let err = stderr(&output);
    assert!(
        err.contains("李明远") && err.contains("「\u{31350}」") && err.contains("fonts:"),
        "{err}"
    );
    assert_eq!(err.matches("no glyph").count(), 1, "{err}");
}

#[test]
fn without_a_chinese_font_the_site_builds_and_says_once_what_to_install() {
    let site = TestSite::new(SITE);
    site.laureate("李明远", PROFILE, "正文。", 3);
    site.laureate("吕静", PROFILE, "正文。", 3);
    let empty = tempfile::tempdir().unwrap();
    let output = site.build_with_env(&[(FONT_DIRS_ENV, empty.path().to_str().unwrap())]);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert_eq!(err.matches("fonts-noto-cjk").count(), 1, "{err}");
    let kit = site.read("kit/index.html");
    assert!(kit_links(&kit, "海报 9:16").is_empty());
    assert!(kit_links(&kit, "长图").is_empty());
}

#[test]
fn posters_are_cached_and_the_same_in_every_build() {
    if poster_font().is_none() {
        return;
    }
    let site = TestSite::new(SITE);
    site.laureate("李明远", PROFILE, &story(2, "他走遍全市的麦田。"), 3);
    site.build_ok();
    let first = site.read("kit/index.html");
    let share = site.root().join(".laurel-cache/share");
    let stamps = |dir: &Path| {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| (e.file_name(), e.metadata().unwrap().modified().unwrap()))
            .collect();
        files.sort();
        files
    };
    let before = stamps(&share);
    site.build_ok();
    assert_eq!(stamps(&share), before, "nothing redrawn");
    // A new site with the same content gets the same files.
    let again = TestSite::new(SITE);
    again.laureate("李明远", PROFILE, &story(2, "他走遍全市的麦田。"), 3);
    again.build_ok();
    let url = &kit_links(&first, "海报 9:16")[0];
    assert_eq!(published(&again, url), published(&site, url));
    // A changed quote draws new posters; the old ones leave the cache.
    site.write(
        "content/laureates/李明远/profile.yaml",
        &format!("name: 李明远\n{}", PROFILE.replace("农民家", "千万家")),
    );
    site.build_ok();
    let second = site.read("kit/index.html");
    assert_ne!(
        kit_links(&second, "海报 9:16"),
        kit_links(&first, "海报 9:16")
    );
    assert_eq!(stamps(&share).len(), before.len(), "stale posters pruned");
}

/// The 海报 of `label` (「海报 9:16」 or 「海报 3:4」) of the site's only laureate.
fn poster(site: &TestSite, label: &str) -> image::RgbImage {
    let kit = site.read("kit/index.html");
    let url = &kit_links(&kit, label)[0];
    decode(url, &published(site, url))
}

#[test]
fn a_long_campaign_name_and_organisers_stay_clear_of_the_qr_code() {
    if poster_font().is_none() {
        return;
    }
    let site = TestSite::new(
        &SITE
            .replace(
                "title: 最美科技工作者",
                "title: 衡水市“最美科技工作者”学习宣传活动",
            )
            .replace(
                "organizer: 中共衡水市委宣传部 衡水市科学技术协会",
                "organizer: 中共衡水市委宣传部 衡水市科学技术协会 衡水市科学技术局 \
                 衡水市国防科技工业办公室 衡水市人力资源和社会保障局",
            ),
    );
    site.laureate("李明远", PROFILE, "正文。", 3);
    site.build_ok();
    for (label, height) in [("海报 9:16", 1920), ("海报 3:4", 1440)] {
        let image = poster(&site, label);
        // The QR code's white box is 232 px wide at the right margin (72 px); the 40 px
        // before it belong to neither the band's text nor the box: only the band's red.
        let qr_left = 1080 - 72 - 232;
        for y in height - 330 + 4..height - 4 {
            for x in qr_left - 36..qr_left - 4 {
                let [r, g, b] = image.get_pixel(x, y).0;
                assert!(
                    r > 0x60 && g < 0x40 && b < 0x40,
                    "{label}: ink at ({x}, {y}) beside the QR code: {r},{g},{b}"
                );
            }
        }
        let gray = image::DynamicImage::ImageRgb8(image).to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(gray);
        assert_eq!(
            prepared.detect_grids().len(),
            1,
            "{label}: the QR code is whole"
        );
    }
}

/// A 1200x1600 grey photo with a green block 160 px square centred at (600, 320): its
/// "subject", at focus [0.5, 0.2].
fn photo_with_a_subject() -> Vec<u8> {
    let image = image::RgbImage::from_fn(1200, 1600, |x, y| {
        let inside = x.abs_diff(600) < 80 && y.abs_diff(320) < 80;
        image::Rgb(if inside { [0, 200, 0] } else { [128, 128, 128] })
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92)
        .encode_image(&image)
        .unwrap();
    bytes
}

#[test]
fn the_photos_focus_stays_clear_of_the_badge_and_the_name_on_both_posters() {
    if poster_font().is_none() {
        return;
    }
    let site = TestSite::new(SITE);
    let profile =
        format!("{PROFILE}photos:\n  - file: photos/subject.jpg\n    focus: [0.5, 0.2]\n");
    site.laureate("李明远", &profile, "正文。", 0);
    site.write_bytes(
        "content/laureates/李明远/photos/subject.jpg",
        &photo_with_a_subject(),
    );
    site.build_ok();
    for (label, photo_height) in [("海报 9:16", 1100), ("海报 3:4", 620)] {
        let image = poster(&site, label);
        let green: Vec<(u32, u32)> = image
            .enumerate_pixels()
            .filter(|(_, _, p)| p[1] > 150 && p[0] < 80 && p[2] < 80)
            .map(|(x, y, _)| (x, y))
            .collect();
        assert!(
            green.len() > 10_000,
            "{label}: the subject shows ({} px)",
            green.len()
        );
        // Below the badge (which ends at 140) and above the category and name (which start
        // at least 230 px above the photo's foot).
        let (top, bottom) = (
            green.iter().map(|p| p.1).min().unwrap(),
            green.iter().map(|p| p.1).max().unwrap(),
        );
        assert!(
            top > 140 && bottom < photo_height - 230,
            "{label}: the subject is at rows {top}–{bottom}, under the text"
        );
    }
}
