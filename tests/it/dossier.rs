//! The jury's, the 联审's and the province's material (`laurel export --dossier`,
//! `--joint-review`, `--province`): written outside `public/`, with whom each is for.

use crate::support::*;
use std::path::Path;

pub const ROUND_SITE: &str = "title: 最美科技工作者
organizer: 衡水市科学技术协会
base_url: https://kx.example.cn/zuimei/
campaign:
  year: 2022
  round: selection
";

/// A profile after `name:`: the status lines given, the rest made of `words`.
fn nominee(status: &str, words: &str, id: &str) -> String {
    format!(
        "{status}gender: 女\nbirth: 1985-03\norganization: {words}研究所\ntitle: 研究员\nposition: 主任\nrecommender: {words}科协\ncategory: 科技创新\nchannel: county\nhonors: [\"2020年 {words}奖\"]\nprivate:\n  phone: \"1390318{id}\"\n{}",
        match id.len() {
            4 => format!("  id_number: \"13110219850301{id}\"\n  opinion: 同意推荐{words}。\n"),
            _ => String::new(),
        }
    )
}

/// Two selected (one a province pick), one nominee not decided, two not selected.
pub fn round_site() -> TestSite {
    let site = TestSite::new(ROUND_SITE);
    let people = [
        (
            "张悦",
            "status: selected\nprovince_pick: true\n",
            "气象",
            "0012",
        ),
        ("王振国", "status: 入选\n", "地热", "0020"),
        ("赵未定", "", "琥珀", "0031"),
        ("钱落选", "status: not_selected\n", "珊瑚", "0041"),
        ("孙未入", "status: 未入选\n", "翡翠", "0051"),
    ];
    for (name, status, words, id) in people {
        site.laureate(
            name,
            &nominee(status, words, id),
            &format!("## {words}的故事\n\n{name}的事迹：{words}。"),
            2,
        );
    }
    // 王振国's 身份证号 is missing (the 联审 asks for it).
    site.write(
        "content/laureates/王振国/profile.yaml",
        &format!("name: 王振国\n{}", nominee("status: 入选\n", "地热", "20")),
    );
    site
}

fn export(site: &TestSite, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["export", "--root", site.root().to_str().unwrap()];
    args.extend_from_slice(extra);
    laurel(&args)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_dossier_holds_every_nominee_for_print_and_nothing_is_published() {
    let site = round_site();
    // A phone photo's GPS position must not reach the jury's copy either.
    site.write_bytes(
        "content/laureates/钱落选/photos/钱落选0.jpg",
        &with_exif(&jpeg(700, 900, [90, 90, 200]), 1),
    );
    let output = export(&site, &["--dossier"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let folder = site.root().join("review/2022/dossier");
    let compilation = read(&folder.join("汇编.html"));
    for name in ["张悦", "王振国", "赵未定", "钱落选", "孙未入"] {
        assert!(compilation.contains(name), "{name} is in the 汇编");
    }
    for (words, status) in [("珊瑚", "未入选"), ("气象", "入选"), ("琥珀", "推荐人选")]
    {
        assert!(
            compilation.contains(&format!("{words}的故事")),
            "{words}'s story"
        );
        assert!(compilation.contains(&format!("（{status}）")), "{status}");
    }
    assert!(compilation.contains("同意推荐珊瑚。"), "the unit's opinion");
    assert!(compilation.contains("2020年 翡翠奖"), "honours");
    assert!(compilation.contains("size:A4"), "printed on A4");
    assert!(compilation.contains(".nominee{break-before:page"));
    assert!(
        compilation.contains("break-after:avoid"),
        "headings stay with text"
    );
    for private in ["13903180041", "131102198503010041"] {
        assert!(!compilation.contains(private), "no contacts, no ID numbers");
    }
    let pages: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") && n != "汇编.html")
        .collect();
    assert_eq!(pages.len(), 5, "one file per nominee: {pages:?}");
    assert!(
        read(&folder.join(pages.iter().find(|p| p.contains("孙未入")).unwrap()))
            .contains("翡翠的故事")
    );
    let photo = std::fs::read(folder.join("photos/钱落选0.jpg")).unwrap();
    for marker in [&b"Exif"[..], b"GPSSECRET"] {
        assert!(photo.windows(marker.len()).all(|w| w != marker));
    }
    assert!(compilation.contains("src=\"photos/钱落选0.jpg\""));
    assert!(!site.public().exists(), "nothing was written under public/");

    let inside = export(
        &site,
        &[
            "--dossier",
            "--out",
            site.public().join("jury").to_str().unwrap(),
        ],
    );
    assert!(
        !inside.status.success(),
        "an --out inside public/ is refused"
    );
    assert!(stderr(&inside).contains("public/"), "{}", stderr(&inside));
    assert!(!site.public().exists());
}

#[test]
fn the_joint_review_table_holds_the_selected_with_their_id_numbers_marked_private() {
    use calamine::{open_workbook, Reader, Xlsx};
    let site = round_site();
    let output = export(&site, &["--joint-review"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let file = site.root().join("review/2022/联审信息表.xlsx");
    let mut workbook: Xlsx<_> = open_workbook(&file).unwrap();
    let range = workbook.worksheet_range("联审信息表").unwrap();
    let cell = |row: usize, col: usize| {
        range
            .get((row, col))
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    assert!(cell(0, 0).contains("联审信息表"), "{}", cell(0, 0));
    assert_eq!(cell(1, 0), "内含个人信息，仅供联审使用，请勿外传");
    let header: Vec<String> = (0..8).map(|c| cell(2, c)).collect();
    assert_eq!(
        header,
        [
            "序号",
            "姓名",
            "性别",
            "民族",
            "出生年月",
            "身份证号",
            "政治面貌",
            "工作单位及职务"
        ]
    );
    let names: Vec<String> = (3..range.height()).map(|r| cell(r, 1)).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, ["张悦", "王振国"], "the selected only: {names:?}");
    let zhang = 3 + names.iter().position(|n| n == "张悦").unwrap();
    assert_eq!(
        cell(zhang, 5),
        "131102198503010012",
        "the ID number, as text"
    );
    assert_eq!(cell(zhang, 7), "气象研究所 主任 研究员");
    // 王振国 has no ID number: a warning at his profile's `private:` line.
    let said = stderr(&output);
    assert!(
        said.contains("王振国 has no ID number")
            && said.contains("content/laureates/王振国/profile.yaml:12"),
        "{said}"
    );
    assert!(!site.public().exists(), "nothing was written under public/");
}

/// The names in a zip file.
fn zip_names(file: &Path) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect()
}

#[test]
fn the_province_package_holds_the_picks_forms_photos_and_table_named_as_the_notice_asks() {
    let site = round_site();
    let output = export(&site, &["--province"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stem = "衡水市科学技术协会-2022-最美科技工作者推荐材料";
    let file = site.root().join(format!("review/2022/{stem}.zip"));
    let mut names = zip_names(&file);
    names.sort();
    let expected: Vec<String> = [
        "推荐人选汇总表.xlsx",
        "张悦/张悦0.jpg",
        "张悦/张悦1.jpg",
        "张悦/张悦2.jpg",
        "张悦/张悦推荐表.docx",
    ]
    .iter()
    .map(|n| format!("{stem}/{n}"))
    .collect();
    let mut expected = expected;
    expected.sort();
    assert_eq!(names, expected, "the pick only, her photos named 姓名+序号");
    assert!(!site.public().exists(), "nothing was written under public/");

    // The form opens in LibreOffice.
    let Some(soffice) = find_program("soffice") else {
        skipped("soffice", " (LibreOffice: the 推荐表 is not opened)");
        return;
    };
    let unpacked = tempfile::tempdir().unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    archive.extract(unpacked.path()).unwrap();
    let form = unpacked.path().join(format!("{stem}/张悦/张悦推荐表.docx"));
    let converted = std::process::Command::new(soffice)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(unpacked.path())
        .arg(&form)
        .output()
        .unwrap();
    let pdf = unpacked.path().join("张悦推荐表.pdf");
    assert!(
        pdf.is_file() && std::fs::metadata(&pdf).unwrap().len() > 1000,
        "LibreOffice made no PDF: {}",
        String::from_utf8_lossy(&converted.stderr)
    );
}

/// A story as paragraphs of text: comments left out, links as their text, no spaces.
fn paragraphs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in markdown.split("\n\n").map(str::trim) {
        if block.is_empty() || block.starts_with("<!--") {
            continue;
        }
        let mut text = String::new();
        let mut rest = block;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find("](").map(|i| open + i);
            let end = close.and_then(|c| rest[c..].find(')').map(|i| c + i));
            match (close, end) {
                (Some(close), Some(end)) => {
                    text.push_str(&rest[open + 1..close]);
                    rest = &rest[end + 1..];
                }
                _ => {
                    text.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        text.push_str(rest);
        out.push(text.split_whitespace().collect());
    }
    out
}

#[test]
fn the_province_package_imports_back_to_the_same_profiles_for_every_person_of_the_example() {
    let example = TestSite::example();
    let laureates = example.root().join("content/laureates");
    let people: Vec<String> = std::fs::read_dir(&laureates)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // Only the selected can go to the province; the example's others stay behind.
    let selected = |name: &String| {
        read(&laureates.join(name).join("profile.yaml")).contains("\nstatus: selected")
    };
    let people: Vec<String> = people.into_iter().filter(selected).collect();
    assert_eq!(people.len(), 9, "{people:?}");
    for name in &people {
        let file = laureates.join(name).join("profile.yaml");
        let text = read(&file).replace("province_pick: false", "province_pick: true");
        std::fs::write(&file, text).unwrap();
    }
    let package = example.root().join("报省.zip");
    let output = export(
        &example,
        &["--province", "--out", package.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));

    let campaign = tempfile::tempdir().unwrap();
    let root = campaign.path().join("site");
    let init = laurel(&["init", "--empty", root.to_str().unwrap()]);
    assert!(init.status.success(), "{}", stderr(&init));
    let import = laurel(&[
        "import",
        "--root",
        root.to_str().unwrap(),
        package.to_str().unwrap(),
    ]);
    assert!(import.status.success(), "{}", stderr(&import));

    let yaml = |path: &Path| -> serde_yaml::Value { serde_yaml::from_str(&read(path)).unwrap() };
    for name in &people {
        let (before, after) = (
            laureates.join(name),
            root.join("content/laureates").join(name),
        );
        let (was, now) = (
            yaml(&before.join("profile.yaml")),
            yaml(&after.join("profile.yaml")),
        );
        for key in [
            "name",
            "gender",
            "birth",
            "organization",
            "title",
            "position",
            "category",
            "recommender",
            "channel",
        ] {
            assert_eq!(was[key], now[key], "{name}'s {key}");
        }
        let honours = |v: &serde_yaml::Value| v.as_sequence().cloned().unwrap_or_default();
        assert_eq!(
            honours(&was["honors"]),
            honours(&now["honors"]),
            "{name}'s honours"
        );
        assert_eq!(
            paragraphs(&read(&before.join("story.md"))),
            paragraphs(&read(&after.join("story.md"))),
            "{name}'s story"
        );
        let portrait = after.join("photos").join(format!("{name}0.jpg"));
        assert!(portrait.is_file(), "{name}'s portrait");
    }
}
