//! `laurel import` on 推荐表 in the layouts units really send (tests/fixtures/forms/, made by
//! the shared corpus script `make-forms.py` with python-docx): the national grid with a pasted
//! portrait, label and value in one cell, the story after the table, a team, a re-typed table
//! with merged labels. Each form comes with `FORM.expected.json`: the fields import must read,
//! the chapters, and the strings that must never leave `private:`.

use crate::support::*;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};

const LAYOUTS: &[&str] = &[
    "national-grid",
    "inline-colon",
    "story-after-table",
    "team",
    "retyped",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/forms")
        .join(name)
}

fn expected(layout: &str) -> Value {
    let text = std::fs::read_to_string(fixture(&format!("{layout}.expected.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn import(site: &TestSite, sources: &[&Path]) -> Value {
    let mut args = vec![
        "import",
        "--root",
        site.root().to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend(sources.iter().map(|s| s.to_str().unwrap()));
    let output = laurel(&args);
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&output)))
}

fn folder(site: &TestSite, name: &str) -> PathBuf {
    site.root().join("content/laureates").join(name)
}

fn profile(site: &TestSite, name: &str) -> serde_yaml::Value {
    let text = std::fs::read_to_string(folder(site, name).join("profile.yaml"))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_yaml::from_str(&text).unwrap()
}

/// The pictures stored in a .docx (word/media/…).
fn pictures_in(docx: &Path) -> Vec<Vec<u8>> {
    let bytes = std::fs::read(docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let mut data = Vec::new();
            archive.by_name(n).unwrap().read_to_end(&mut data).unwrap();
            data
        })
        .collect()
}

/// Asserts that the imported folder of `layout`'s candidate holds what its expected.json says.
fn assert_imported_as_expected(site: &TestSite, layout: &str) {
    let want = expected(layout);
    let name = want["name"].as_str().unwrap();
    let got = profile(site, name);
    let text_fields = [
        "name",
        "gender",
        "birth",
        "organization",
        "position",
        "title",
        "field",
        "recommender",
        "channel",
        "leader",
    ];
    for key in text_fields {
        if let Some(value) = want[key].as_str() {
            assert_eq!(got[key].as_str(), Some(value), "{layout}: {key} in {got:?}");
        }
    }
    if want["team"] == true {
        assert_eq!(got["kind"].as_str(), Some("team"), "{layout}");
        let members: Vec<&str> = got["members"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap())
            .collect();
        let expected_members: Vec<&str> = want["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert_eq!(members, expected_members, "{layout}");
    }
    for (key, value) in want["private"].as_object().unwrap() {
        assert_eq!(
            got["private"][key.as_str()].as_str(),
            value.as_str(),
            "{layout}: private.{key}"
        );
    }
    let honours = got["honors"].as_sequence().map_or(0, |h| h.len());
    assert_eq!(
        honours,
        want["honors"].as_u64().unwrap() as usize,
        "{layout}: honours"
    );
    let story = std::fs::read_to_string(folder(site, name).join("story.md")).unwrap();
    let chapters: Vec<&str> = story
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .collect();
    let expected_chapters: Vec<&str> = want["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(chapters, expected_chapters, "{layout}: {story}");
    for part in want["story_contains"].as_array().unwrap() {
        assert!(story.contains(part.as_str().unwrap()), "{layout}: {story}");
    }
    let portrait = folder(site, name).join(format!("photos/{name}0.jpg"));
    if want["portrait_embedded"] == true {
        let pictures = pictures_in(&fixture(&format!("{layout}.docx")));
        assert_eq!(
            std::fs::read(&portrait).unwrap(),
            pictures[0],
            "{layout}: the pasted portrait, bytes kept"
        );
    }
    assert_never_public(site, layout, name);
}

/// Each `never_public` string of `layout` is in profile.yaml's `private:` only: not in a
/// public key, not in the story.
fn assert_never_public(site: &TestSite, layout: &str, name: &str) {
    let mut got = profile(site, name);
    if let Some(map) = got.as_mapping_mut() {
        map.remove("private");
    }
    let public = serde_yaml::to_string(&got).unwrap();
    let story = std::fs::read_to_string(folder(site, name).join("story.md")).unwrap();
    for secret in expected(layout)["never_public"].as_array().unwrap() {
        let secret = secret.as_str().unwrap();
        assert!(
            !public.contains(secret) && !story.contains(secret),
            "{layout}: `{secret}` outside private: {public}\n{story}"
        );
    }
}

#[test]
fn every_reference_layout_imports_with_every_expected_field() {
    for layout in LAYOUTS {
        let site = TestSite::new("title: 测试\n");
        let report = import(&site, &[&fixture(&format!("{layout}.docx"))]);
        assert_eq!(
            report["candidates"].as_array().unwrap().len(),
            1,
            "{layout}: one candidate, {report:#}"
        );
        assert_imported_as_expected(&site, layout);
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

fn write(to: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::write(to, bytes).unwrap();
}

/// Three units' material in one folder, each candidate's photos in a subfolder beside the
/// form: named after the person (with a look-alike dot) or only numbered (`3.材料`).
fn three_units(dir: &Path) {
    let unit = |name: &str| dir.join(name);
    copy(
        &fixture("national-grid.docx"),
        &unit("冀州区科协").join("1.王建华推荐表.docx"),
    );
    copy(
        &fixture("retyped.docx"),
        &unit("衡水市医学会").join("推荐表.docx"),
    );
    copy(
        &fixture("story-after-table.docx"),
        &unit("河北工程大学科协").join("推荐表.docx"),
    );
    copy(
        &fixture("team.docx"),
        &unit("桃城区科协").join("团队推荐表.docx"),
    );
    for (i, folder) in [
        unit("冀州区科协").join("1.王建华材料"),
        unit("衡水市医学会").join("2.阿依古丽•买买提材料"),
        unit("河北工程大学科协").join("3.材料"),
        unit("桃城区科协").join("照片"),
    ]
    .iter()
    .enumerate()
    {
        for n in 1..=3u8 {
            let colour = [40 * i as u8, 60 + 30 * n, 120];
            write(
                &folder.join(format!("IMG_00{n}.JPG")),
                &jpeg(900, 600, colour),
            );
        }
    }
}

#[test]
fn three_units_at_once_give_each_photo_to_its_owner_and_build_without_private_data() {
    let site = TestSite::new(
        "title: 测试\nbase_url: https://example.org/\ncampaign:\n  rules:\n    photo_min_bytes: 1000\n",
    );
    let received = tempfile::tempdir().unwrap();
    three_units(received.path());
    let report = import(&site, &[received.path()]);
    assert!(
        report["problems"].as_array().unwrap().is_empty(),
        "{report:#}"
    );
    for (name, photos) in [
        (
            "王建华",
            ["王建华0.jpg", "王建华1.jpg", "王建华2.jpg", "王建华3.jpg"].as_slice(),
        ),
        (
            "阿依古丽·买买提",
            &[
                "阿依古丽·买买提1.jpg",
                "阿依古丽·买买提2.jpg",
                "阿依古丽·买买提3.jpg",
            ],
        ),
        ("赵建国", &["赵建国1.jpg", "赵建国2.jpg", "赵建国3.jpg"]),
        ("衡水湖湿地生态保护团队", &["衡水湖湿地生态保护团队1.jpg"]),
    ] {
        for photo in photos {
            assert!(
                folder(&site, name).join("photos").join(photo).is_file(),
                "{name}: {photo}, {report:#}"
            );
        }
    }
    for layout in ["national-grid", "retyped", "story-after-table", "team"] {
        assert_imported_as_expected(&site, layout);
    }
    // Each unit sent forms but no 汇总表: the report says so, unit by unit.
    let units = report["units"].as_array().unwrap();
    assert_eq!(units.len(), 4, "{units:#?}");
    assert!(units
        .iter()
        .all(|u| u["problems"].to_string().contains("no 汇总表")));

    let check = laurel(&["check", "--root", site.root().to_str().unwrap()]);
    assert!(
        !stderr(&check).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    site.build_ok();
    let published = tree(&site.public());
    for layout in LAYOUTS.iter().filter(|l| **l != "inline-colon") {
        for secret in expected(layout)["never_public"].as_array().unwrap() {
            let secret = secret.as_str().unwrap();
            for (path, bytes) in &published {
                assert!(
                    !String::from_utf8_lossy(bytes).contains(secret),
                    "`{secret}` published in {path}"
                );
            }
        }
    }
}

#[test]
fn junk_from_macs_windows_and_word_is_not_material() {
    let site = TestSite::new("title: 测试\n");
    let received = tempfile::tempdir().unwrap();
    let form = std::fs::read(fixture("inline-colon.docx")).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let entries: &[(&str, &[u8])] = &[
        ("王芳/推荐表.docx", &form),
        ("王芳/~$推荐表.docx", b"lock"),
        ("王芳/._推荐表.docx", b"apple double"),
        ("王芳/.DS_Store", b"x"),
        ("王芳/Thumbs.db", b"x"),
        ("王芳/desktop.ini", b"x"),
        ("王芳/~WRL0001.tmp", b"x"),
        ("__MACOSX/王芳/._推荐表.docx", b"x"),
        ("__MACOSX/王芳/IMG_0001.JPG", b"x"),
    ];
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        std::io::Write::write_all(&mut zip, bytes).unwrap();
    }
    let path = received.path().join("衡水市气象学会.zip");
    std::fs::write(&path, zip.finish().unwrap().into_inner()).unwrap();
    let report = import(&site, &[&path]);
    assert!(
        report["problems"].as_array().unwrap().is_empty(),
        "junk is neither a problem nor material: {report:#}"
    );
    let files: Vec<String> = tree(&folder(&site, "王芳"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        files,
        [".laurel-import.json", "profile.yaml", "story.md"],
        "{report:#}"
    );
}

#[test]
fn a_contact_line_in_the_story_moves_into_private() {
    let site = TestSite::new("title: 测试\n");
    let received = tempfile::tempdir().unwrap();
    let story = received.path().join("王建华事迹材料.docx");
    std::fs::write(
        &story,
        story_document(&["王建华二十年扎根盐碱地。", "如需采访请联系：139 0318 5678"]),
    )
    .unwrap();
    copy(
        &fixture("national-grid.docx"),
        &received.path().join("王建华推荐表.docx"),
    );
    let report = import(&site, &[received.path()]);
    let text = std::fs::read_to_string(folder(&site, "王建华").join("story.md")).unwrap();
    assert!(
        text.contains("扎根盐碱地") && !text.contains("5678"),
        "{text}"
    );
    assert_eq!(
        profile(&site, "王建华")["private"]["story_contact"].as_str(),
        Some("如需采访请联系：139 0318 5678")
    );
    assert!(report.to_string().contains("contact data"), "{report:#}");
}

/// A .docx of paragraphs.
fn story_document(paragraphs: &[&str]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let xml = format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#);
    std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A team's site: the reference team form with three photos, as 桃城区科协 sent it.
fn team_site(site_yaml: &str) -> TestSite {
    let site = TestSite::new(site_yaml);
    let received = tempfile::tempdir().unwrap();
    let unit = received.path().join("桃城区科协");
    copy(&fixture("team.docx"), &unit.join("团队推荐表.docx"));
    write(&unit.join("团队合影.jpg"), &jpeg(900, 600, [30, 90, 60]));
    for n in 1..=3u8 {
        write(
            &unit.join(format!("IMG_00{n}.JPG")),
            &jpeg(900, 600, [60, 30 * n, 120]),
        );
    }
    import(&site, &[received.path()]);
    site
}

#[test]
fn a_team_reads_right_on_its_pages_the_publicity_and_the_table() {
    let site = team_site(
        "title: 最美科技工作者\nbase_url: https://example.org/\ncampaign:\n  name: 2022年衡水市“最美科技工作者”\n  publicity:\n    start: 2022-05-09\n    end: 2022-05-13\n  rules:\n    photo_min_bytes: 1000\n",
    );
    // check: a team has no gender or birth of its own to ask for.
    let check = laurel(&[
        "check",
        "--root",
        site.root().to_str().unwrap(),
        "--format",
        "json",
    ]);
    let findings: Value = serde_json::from_slice(&check.stdout).unwrap();
    let text = findings.to_string();
    for absent in [
        "`gender` is missing",
        "`birth` is missing",
        "35:45",
        "no portrait",
    ] {
        assert!(!text.contains(absent), "{absent}: {findings:#}");
    }
    // The group photo (团队合影) is the team's portrait.
    let portrait =
        folder(&site, "衡水湖湿地生态保护团队").join("photos/衡水湖湿地生态保护团队0.jpg");
    assert_eq!(
        std::fs::read(portrait).unwrap(),
        jpeg(900, 600, [30, 90, 60])
    );
    site.build_ok();
    let slug = "heng-shui-hu-shi-di-sheng-tai-bao-hu-tuan-dui";
    let profile = site.read(&format!("laureates/{slug}/index.html"));
    for fact in [
        "衡水湖湿地生态保护团队",
        "依托单位",
        "衡水湖国家级自然保护区管理委员会",
        "团队成员",
        "刘洋",
        "孙丽",
        "周强",
    ] {
        assert!(profile.contains(fact), "profile lacks {fact}");
    }
    let leader = profile.find("<dt>团队负责人").expect("the leader's fact");
    assert!(
        profile[leader..]
            .chars()
            .take(30)
            .collect::<String>()
            .contains("陈晓燕"),
        "the leader named beside 团队负责人"
    );
    let card = site.read(&format!("cards/{slug}/index.html"));
    assert!(
        text_of(&card).contains("团队负责人 陈晓燕 · 4名成员"),
        "card byline"
    );
    let publicity = site.read("publicity/index.html");
    let row = publicity
        .split("<tr>")
        .find(|r| r.contains("衡水湖湿地生态保护团队"))
        .expect("the team's 公示 row");
    assert!(row.contains(">团队<"), "{row}");
    assert!(text_of(row).contains("团队负责人 陈晓燕"), "{row}");
    // The 汇总表: one row, the team's name, 团队 for 性别, the members in 备注.
    let file = site.root().join("汇总表.csv");
    let export = laurel(&[
        "export",
        "--root",
        site.root().to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(export.status.success(), "{}", stderr(&export));
    let table = std::fs::read_to_string(&file).unwrap();
    let xlsx = site.root().join("汇总表.xlsx");
    laurel(&[
        "export",
        "--root",
        site.root().to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, "推荐人选汇总表").unwrap();
    let title = sheet.get((0, 0)).map(|c| c.to_string()).unwrap_or_default();
    assert_eq!(title, "2022年衡水市“最美科技工作者”推荐人选汇总表");
    let row = table
        .lines()
        .find(|l| l.contains("衡水湖湿地生态保护团队"))
        .expect("the team's row");
    assert!(row.contains(",团队,"), "{row}");
    assert!(row.contains("团队成员：陈晓燕、刘洋、孙丽、周强"), "{row}");
}

/// A team whose leader is young and whose other three members are not, with a person of 60
/// from the same unit.
const TEAM: &str = "kind: team
leader: 陈晓燕
members:
  - {name: 陈晓燕, birth: 1990-03, role: 负责人}
  - {name: 刘洋, birth: 1962-01}
  - {name: 孙丽, birth: 1963-05}
  - {name: 周强, birth: 1964-07}
organization: 衡水湖国家级自然保护区管理委员会
recommender: 桃城区科协
channel: county
";

#[test]
fn a_team_counts_once_in_the_quota_and_by_its_leader_in_the_young_share() {
    let site = TestSite::new("title: t\ncampaign:\n  rules:\n    young_share: 0.5\n");
    site.laureate("湿地团队", TEAM, "## 故事\n\n正文。", 3);
    site.laureate(
        "王老师",
        "gender: 男\nbirth: 1962-01\nrecommender: 桃城区科协\nchannel: county\n",
        "## 故事\n\n正文。",
        3,
    );
    let check = |rules: &str| {
        site.write(
            "site.yaml",
            &format!("title: t\ncampaign:\n  rules:\n    young_share: 0.5\n{rules}"),
        );
        let output = laurel(&["check", "--root", site.root().to_str().unwrap()]);
        String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(&output)
    };
    // By default the young leader makes the team young: 1 of 2 nominations, 50%.
    let report = check("");
    assert!(!report.contains("young-share"), "{report}");
    // Most members are not young: 0 of 2, and the fix says how teams counted.
    let report = check("    young_team: majority\n");
    assert!(report.contains("0 of 2 nominees"), "{report}");
    assert!(report.contains("young_team"), "{report}");
    // Left out, the team leaves the share: 0 of 1.
    let report = check("    young_team: exclude\n");
    assert!(report.contains("0 of 1 nominees"), "{report}");
    // One team is one nomination of 桃城区科协, however many members it has: with the person,
    // two, over a quota of 1 and within one of 2.
    let report = check("    quotas: {county: 2}\n");
    assert!(!report.contains("channel-quota"), "{report}");
    let report = check("    quotas: {county: 1}\n");
    assert!(report.contains("nominated 2"), "{report}");
}

#[test]
fn leader_and_members_belong_to_teams_and_a_team_needs_its_leader() {
    let site = TestSite::new("title: t\n");
    site.laureate("张三", "gender: 男\nleader: 李四\n", "正文。", 0);
    site.laureate(
        "某团队",
        "kind: team\nmembers:\n  - {name: 王五}\n",
        "正文。",
        0,
    );
    let output = laurel(&["check", "--root", site.root().to_str().unwrap()]);
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(&output);
    assert!(text.contains("`leader` is for a team nomination"), "{text}");
    assert!(text.contains("add `kind: team`"), "{text}");
    assert!(text.contains("a team needs its `leader`"), "{text}");
}
