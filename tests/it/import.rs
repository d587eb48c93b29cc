//! `laurel import`: three units' submissions as they arrive (推荐表 .docx with merged cells,
//! a 汇总表 .xlsx, camera-named photos, a video, a 事迹材料, a zip with GBK names) become
//! laureate folders that build; re-imports never overwrite an editor's changes.

use crate::support::*;
use std::io::Write;
use std::path::Path;

/// A .docx holding `body` (WordprocessingML inside <w:body>), written as Word does: a zip with
/// the content types and word/document.xml.
fn docx(body: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("[Content_Types].xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", stored).unwrap();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A table cell; `span` columns wide; `merge` continues the cell above.
fn cell(text: &str, span: usize, merge: bool) -> String {
    let mut props = String::new();
    if span > 1 {
        props.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
    }
    if merge {
        props.push_str("<w:vMerge/>");
    }
    let paragraphs: String = text.split('\n').map(paragraph).collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{paragraphs}</w:tc>")
}

/// The notice's 推荐表 (附件1) laid out as units fill it in: label cells, a merged photo cell,
/// the long 主要事迹 cell.
fn form(fields: &[(&str, &str)], story: &str) -> Vec<u8> {
    let value = |label: &str| {
        fields
            .iter()
            .find(|(l, _)| *l == label)
            .map_or("", |(_, v)| *v)
    };
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let rows = [
        row(&[
            cell("姓  名", 1, false),
            cell(value("姓名"), 1, false),
            cell("性  别", 1, false),
            cell(value("性别"), 1, false),
            cell("照片", 1, false),
        ]),
        row(&[
            cell("出生年月", 1, false),
            cell(value("出生年月"), 1, false),
            cell("民  族", 1, false),
            cell("汉族", 1, false),
            cell("", 1, true),
        ]),
        row(&[
            cell("工作单位", 1, false),
            cell(value("工作单位"), 3, false),
            cell("", 1, true),
        ]),
        row(&[
            cell("职务职称", 1, false),
            cell(value("职务职称"), 2, false),
            cell("联系电话", 1, false),
            cell(value("联系电话"), 1, false),
        ]),
        row(&[
            cell("专业领域", 1, false),
            cell(value("专业领域"), 2, false),
            cell("类别", 1, false),
            cell(value("类别"), 1, false),
        ]),
        row(&[
            cell("推荐单位", 1, false),
            cell(value("推荐单位"), 4, false),
        ]),
        row(&[cell("主要事迹（1500字以内）", 5, false)]),
        row(&[cell(story, 5, false)]),
        row(&[
            cell("曾获荣誉", 1, false),
            cell(value("曾获荣誉"), 4, false),
        ]),
    ];
    docx(&format!(
        "{}<w:tbl>{}</w:tbl>{}",
        paragraph("附件1 “最美科技工作者”推荐表"),
        rows.concat(),
        paragraph("推荐单位（盖章）")
    ))
}

/// A zip whose entry names are GBK bytes, as Windows' built-in zip writes them.
fn gbk_zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let (name, _, _) = encoding_rs::GBK.encode(name);
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0u16.to_le_bytes()); // flags: no UTF-8 bit
            h.extend(0u16.to_le_bytes()); // stored
            h.extend([0u8; 4]); // time, date
            h.extend(crc.sum().to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 10]); // comment length, disk, internal and external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.iter());
            h
        };
        out.extend(header(0x04034b50, false));
        out.extend(data);
        central.extend(header(0x02014b50, true));
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// The 汇总表 (附件2) as a unit sends it, written with rust_xlsxwriter.
fn summary_xlsx(rows: &[[&str; 9]]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "推荐人选汇总表").unwrap();
    let header = [
        "序号",
        "姓名",
        "性别",
        "出生年月",
        "工作单位及职务职称",
        "推荐单位",
        "类别",
        "联系电话",
        "备注",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 2, c as u16, *v).unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// Three units' submissions in one folder.
fn submissions(dir: &Path) {
    let write = |rel: &str, bytes: &[u8]| {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    // 桃城区科协: a form, the 汇总表 (with a different birth month), camera-named photos, a
    // broken document.
    write(
        "桃城区科协/推荐表-王芳.docx",
        &form(
            &[
                ("姓名", "王  芳"),
                ("性别", "女"),
                ("出生年月", "1988.03"),
                ("工作单位", "衡水市人民医院"),
                ("职务职称", "心内科主任、主任医师"),
                ("联系电话", "13911112222"),
                ("专业领域", "心血管介入治疗"),
                ("类别", "服务民生"),
                ("推荐单位", "桃城区科协"),
                ("曾获荣誉", "2020年 衡水市优秀医师"),
            ],
            "她在心内科工作十五年。\n一、守护每一颗心\n每天清晨查房，夜里随叫随到。",
        ),
    );
    write(
        "桃城区科协/汇总表.xlsx",
        &summary_xlsx(&[[
            "1",
            "王芳",
            "女",
            "1988.04",
            "衡水市人民医院 心内科主任 主任医师",
            "桃城区科协",
            "服务民生",
            "13911112222",
            "县市区推荐",
        ]]),
    );
    write("桃城区科协/IMG_0002.JPG", &jpeg(800, 600, [30, 90, 160]));
    write("桃城区科协/IMG_0001.JPG", &jpeg(700, 900, [200, 190, 180]));
    write("桃城区科协/IMG_0010.JPG", &jpeg(800, 600, [90, 30, 160]));
    write(
        "桃城区科协/坏文件.docx",
        b"PK\x03\x04 not really a document",
    );
    // 衡水市农学会: a zip with GBK names, one of which tries to leave the archive.
    let zip = gbk_zip(&[
        (
            "李强/推荐表.docx",
            form(
                &[
                    ("姓名", "李强"),
                    ("性别", "男"),
                    ("出生年月", "1979年11月"),
                    ("工作单位", "衡水市农业科学研究院"),
                    ("职务职称", "研究员"),
                    ("专业领域", "棉花育种"),
                    ("类别", "乡村振兴"),
                    ("推荐单位", "衡水市农学会"),
                ],
                "他在棉田里工作了二十年。",
            ),
        ),
        ("李强/证件照.jpg", jpeg(350, 450, [210, 200, 190])),
        ("李强/田间1.jpg", jpeg(800, 600, [20, 140, 60])),
        ("../逃出去.txt", b"x".to_vec()),
    ]);
    write("衡水市农学会.zip", &zip);
    // 衡水学院科协: a form, a separate 事迹材料 (which wins), photos and a video.
    write(
        "衡水学院科协/赵敏推荐表.docx",
        &form(
            &[
                ("姓名", "赵敏"),
                ("性别", "女"),
                ("出生年月", "1991-07"),
                ("工作单位", "衡水学院"),
                ("职务职称", "副教授"),
                ("专业领域", "发酵工程"),
                ("类别", "科技创新"),
                ("推荐单位", "衡水学院科协"),
            ],
            "表格里的简短事迹。",
        ),
    );
    write(
        "衡水学院科协/赵敏事迹材料.docx",
        &docx(
            &[
                paragraph("赵敏同志事迹材料"),
                paragraph("赵敏是衡水学院生命科学学院的青年教师。"),
                paragraph("一、把实验室搬进车间"),
                paragraph("她和企业一起改进了发酵工艺。"),
            ]
            .concat(),
        ),
    );
    write("衡水学院科协/赵敏-2.jpg", &jpeg(800, 600, [160, 60, 20]));
    write("衡水学院科协/赵敏-1.jpg", &jpeg(800, 600, [60, 160, 20]));
    write("衡水学院科协/赵敏-0.jpg", &jpeg(700, 900, [230, 220, 210]));
    write("衡水学院科协/赵敏.mp4", &fixture_video("landscape.mp4"));
}

fn import_json(site: &TestSite, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec![
        "import",
        "--root",
        site.root().to_str().unwrap(),
        "--format",
        "json",
    ];
    all.extend_from_slice(args);
    let output = laurel(&all);
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", stderr(&output)));
    (output.status.code(), report)
}

#[test]
fn three_units_submissions_become_laureate_folders_that_build() {
    let site = TestSite::new("title: 测试\nbase_url: https://example.org/\n");
    let received = tempfile::tempdir().unwrap();
    submissions(received.path());
    let source = received.path().to_str().unwrap();

    // A dry run writes nothing.
    let (_, plan) = import_json(&site, &["--dry-run", source]);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["candidates"].as_array().unwrap().len(), 3, "{plan:#}");
    assert!(!site.root().join("content/laureates").exists());

    let (code, report) = import_json(&site, &[source]);
    assert_eq!(code, Some(1), "the broken document is an error: {report:#}");
    let folder = |name: &str| site.root().join("content/laureates").join(name);
    let profile = |name: &str| -> serde_yaml::Value {
        serde_yaml::from_str(&std::fs::read_to_string(folder(name).join("profile.yaml")).unwrap())
            .unwrap()
    };

    let wang = profile("王芳");
    assert_eq!(wang["name"], "王芳");
    assert_eq!(wang["gender"], "女");
    assert_eq!(wang["birth"], "1988-03");
    assert_eq!(wang["organization"], "衡水市人民医院");
    assert_eq!(wang["position"], "心内科主任");
    assert_eq!(wang["title"], "主任医师");
    assert_eq!(wang["region"], "桃城区");
    assert_eq!(wang["channel"], "county");
    assert_eq!(wang["private"]["phone"], "13911112222");
    assert_eq!(wang["honors"][0], "2020年 衡水市优秀医师");
    let story = std::fs::read_to_string(folder("王芳").join("story.md")).unwrap();
    assert!(
        story.starts_with("她在心内科工作十五年。\n\n## 守护每一颗心\n\n每天清晨查房"),
        "{story}"
    );
    // The portrait by its shape; the photos numbered in natural order; bytes kept.
    let photo =
        |name: &str, file: &str| std::fs::read(folder(name).join("photos").join(file)).unwrap();
    assert_eq!(photo("王芳", "王芳0.jpg"), jpeg(700, 900, [200, 190, 180]));
    assert_eq!(photo("王芳", "王芳1.jpg"), jpeg(800, 600, [30, 90, 160]));
    assert_eq!(photo("王芳", "王芳2.jpg"), jpeg(800, 600, [90, 30, 160]));

    let li = profile("李强");
    assert_eq!(li["birth"], "1979-11");
    assert_eq!(li["channel"], "society");
    assert_eq!(
        photo("李强", "李强0.jpg"),
        jpeg(350, 450, [210, 200, 190]),
        "证件照 is the portrait"
    );
    assert!(folder("李强").join("photos/李强1.jpg").is_file());

    let zhao = std::fs::read_to_string(folder("赵敏").join("story.md")).unwrap();
    assert!(
        zhao.contains("## 把实验室搬进车间") && !zhao.contains("表格里"),
        "{zhao}"
    );
    assert!(
        !zhao.contains("事迹材料"),
        "the document's title is not the story: {zhao}"
    );
    assert_eq!(profile("赵敏")["channel"], "university");
    assert!(folder("赵敏").join("videos/赵敏.mp4").is_file());
    assert_eq!(photo("赵敏", "赵敏0.jpg"), jpeg(700, 900, [230, 220, 210]));

    // The report names the broken file, the escaping zip entry and the disagreement, and
    // says what check still wants (the summary) for each candidate.
    let text = report.to_string();
    assert!(text.contains("坏文件.docx"), "{report:#}");
    assert!(text.contains("逃出去.txt"));
    assert!(text.contains("1988.04"), "the 汇总表's birth month differs");
    let wang_report = report["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "王芳")
        .unwrap();
    assert!(wang_report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "summary-length"));
    assert!(
        !walk_names(site.root()).iter().any(|n| n.contains("逃出去")),
        "nothing outside content/laureates"
    );

    // The folders build as they are.
    site.build_ok();
    assert!(site
        .read("laureates/wang-fang/index.html")
        .contains("心血管介入治疗"));
    assert!(!site
        .read("laureates/wang-fang/index.html")
        .contains("13911112222"));

    // Importing again changes nothing; an editor's change is never overwritten.
    let (_, again) = import_json(&site, &[source]);
    let actions: Vec<String> = again["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            c["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["action"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(actions.iter().all(|a| a == "unchanged"), "{actions:?}");
    // An editor completes a profile: importing the same material again keeps it, quietly.
    let edited = "name: 王芳\ngender: 女\nsummary: 编辑写的简要事迹。\n";
    std::fs::write(folder("王芳").join("profile.yaml"), edited).unwrap();
    let action_of = |report: &serde_json::Value, to: &str| {
        report["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "王芳")
            .unwrap()["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["to"] == to)
            .unwrap()["action"]
            .clone()
    };
    let (_, third) = import_json(&site, &[source]);
    assert_eq!(action_of(&third, "profile.yaml"), "kept", "{third:#}");
    assert!(!third.to_string().contains("conflict"), "{third:#}");
    // The unit sends a corrected form as well: now both changed, and that is a conflict.
    std::fs::write(
        received.path().join("桃城区科协/推荐表-王芳.docx"),
        form(
            &[("姓名", "王芳"), ("性别", "女"), ("出生年月", "1988.04")],
            "新的事迹。",
        ),
    )
    .unwrap();
    let (_, fourth) = import_json(&site, &[source]);
    assert_eq!(action_of(&fourth, "profile.yaml"), "conflict", "{fourth:#}");
    assert_eq!(
        std::fs::read_to_string(folder("王芳").join("profile.yaml")).unwrap(),
        edited
    );
}

/// Every file name under `dir`.
fn walk_names(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().map(|(path, _)| path).collect()
}

#[test]
fn a_heic_photo_is_converted_when_heif_convert_is_installed() {
    let (Some(encoder), true) = (find_program("heif-enc"), installed("heif-convert")) else {
        return;
    };
    let site = TestSite::new("title: 测试\n");
    let received = tempfile::tempdir().unwrap();
    let unit = received.path().join("桃城区科协");
    std::fs::create_dir_all(&unit).unwrap();
    std::fs::write(
        unit.join("推荐表.docx"),
        form(&[("姓名", "王芳")], "故事。"),
    )
    .unwrap();
    let jpg = received.path().join("source.jpg");
    std::fs::write(&jpg, jpeg(800, 600, [10, 120, 200])).unwrap();
    let status = std::process::Command::new(encoder)
        .arg(&jpg)
        .arg("-o")
        .arg(unit.join("IMG_4001.HEIC"))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let (_, report) = import_json(&site, &[received.path().to_str().unwrap()]);
    let photo = site.root().join("content/laureates/王芳/photos/王芳1.jpg");
    let bytes = std::fs::read(&photo).unwrap_or_else(|_| panic!("{report:#}"));
    assert_eq!(
        image::guess_format(&bytes).unwrap(),
        image::ImageFormat::Jpeg
    );
}

#[test]
fn the_report_says_per_unit_what_is_missing_between_forms_and_the_summary() {
    let site = TestSite::new("title: 测试\n");
    let received = tempfile::tempdir().unwrap();
    let write = |rel: &str, bytes: &[u8]| {
        let path = received.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    let fields = |name: &'static str, unit: &'static str| {
        [("姓名", name), ("性别", "女"), ("推荐单位", unit)]
    };
    // 桃城区科协: a 汇总表 of two, a form for one. 冀州区科协: a form, no 汇总表.
    write(
        "桃城区科协/推荐表-王芳.docx",
        &form(&fields("王芳", "桃城区科协"), "事迹。"),
    );
    let row = |name: &'static str| {
        [
            "1",
            name,
            "女",
            "1988.03",
            "衡水市人民医院",
            "桃城区科协",
            "服务民生",
            "",
            "",
        ]
    };
    write(
        "桃城区科协/汇总表.xlsx",
        &summary_xlsx(&[row("王芳"), row("周敏")]),
    );
    write(
        "冀州区科协/推荐表-李娜.docx",
        &form(&fields("李娜", "冀州区科协"), "事迹。"),
    );
    let source = received.path().to_str().unwrap();
    let (_, report) = import_json(&site, &["--dry-run", source]);
    let unit = |name: &str| {
        let units = report["units"].as_array().unwrap();
        let unit = units.iter().find(|u| u["name"] == name);
        unit.unwrap_or_else(|| panic!("no {name} in {report:#}"))["problems"].to_string()
    };
    assert!(
        unit("桃城区科协").contains("周敏 with no 推荐表"),
        "{report:#}"
    );
    assert!(!unit("桃城区科协").contains("no 汇总表"), "{report:#}");
    assert!(unit("冀州区科协").contains("no 汇总表"), "{report:#}");
    let output = laurel(&[
        "import",
        "--root",
        site.root().to_str().unwrap(),
        "--dry-run",
        source,
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    let units = text
        .split("\nUnits\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        units.contains("桃城区科协") && units.contains("冀州区科协"),
        "{text}"
    );
}

/// What a new user's walk through a campaign found (issue 34's walk, this session's): each
/// shape of material that went wrong before.
#[test]
fn material_as_units_type_it_imports_without_losing_anyone() {
    let site = TestSite::new("title: 测试\n");
    let received = tempfile::tempdir().unwrap();
    let unit = received.path().join("枣强县科协");
    let write = |rel: &str, bytes: &[u8]| {
        let path = unit.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    // An e-mail address right after a full-width colon in the story; a heading typed as
    // Markdown; a birth the form gives as a year only, which the 汇总表 gives in full.
    write(
        "迪丽娜尔·吐尔逊/推荐表.docx",
        &form(
            &[
                ("姓名", "迪丽娜尔·吐尔逊"),
                ("性别", "女"),
                ("出生年月", "1977年"),
            ],
            "## 守护一方水土\n她在湖边工作二十年。\n采访请发邮件至邮箱：dilnar@163.com",
        ),
    );
    // Photos named without the middle dot, beside other units' material.
    for n in 1..=3u8 {
        write(
            &format!("迪丽娜尔吐尔逊{n}.jpg"),
            &jpeg(800, 600, [20 * n, 90, 60]),
        );
    }
    write(
        "王芳/推荐表.docx",
        &form(&[("姓名", "王芳"), ("推荐单位", "枣强县科协")], "正文。"),
    );
    // A 汇总表 without 推荐单位 values, with a row that has no form: its unit is the folder.
    write(
        "汇总表.xlsx",
        &summary_xlsx(&[
            ["1", "迪丽娜尔·吐尔逊", "女", "1977.06", "", "", "", "", ""],
            [
                "2",
                "李红梅",
                "女",
                "1985.03",
                "枣强县中学 教师",
                "",
                "",
                "",
                "",
            ],
        ]),
    );
    let (code, report) = import_json(&site, &[received.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{report:#}");
    let folder = site.root().join("content/laureates/迪丽娜尔·吐尔逊");
    for n in 1..=3 {
        let photo = folder.join(format!("photos/迪丽娜尔·吐尔逊{n}.jpg"));
        assert!(photo.is_file(), "{} {report:#}", photo.display());
    }
    let profile = std::fs::read_to_string(folder.join("profile.yaml")).unwrap();
    assert!(profile.contains("birth: 1977-06"), "{profile}");
    assert!(
        profile.contains("dilnar@163.com"),
        "kept in private: {profile}"
    );
    let story = std::fs::read_to_string(folder.join("story.md")).unwrap();
    assert!(story.contains("## 守护一方水土\n"), "{story}");
    assert!(
        !story.contains("## ##") && !story.contains("dilnar"),
        "{story}"
    );
    let li =
        std::fs::read_to_string(site.root().join("content/laureates/李红梅/profile.yaml")).unwrap();
    assert!(li.contains("recommender: 枣强县科协"), "{li}");

    // An editor renames a photo; the same material imported again does not bring it back.
    std::fs::rename(
        folder.join("photos/迪丽娜尔·吐尔逊3.jpg"),
        folder.join("photos/迪丽娜尔·吐尔逊0.jpg"),
    )
    .unwrap();
    let (_, again) = import_json(&site, &[received.path().to_str().unwrap()]);
    assert!(
        !folder.join("photos/迪丽娜尔·吐尔逊3.jpg").exists(),
        "{again:#}"
    );
}

/// The lines of an import report with English prose in them, once the `[rule]` ids of
/// check's findings are set aside.
fn english_lines(report: &str) -> Vec<String> {
    report
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            match trimmed
                .strip_prefix('[')
                .and_then(|rest| rest.split_once("] "))
            {
                Some((_rule, message)) => message,
                None => trimmed,
            }
        })
        .filter(|line| !english_words(line).is_empty())
        .map(|line| format!("{line} {:?}", english_words(line)))
        .collect()
}

#[test]
fn the_import_report_speaks_chinese_when_asked() {
    let site = TestSite::new("title: 测试\nbase_url: https://example.org/\n");
    let received = tempfile::tempdir().unwrap();
    submissions(received.path());
    let (root, source) = (
        site.root().to_str().unwrap(),
        received.path().to_str().unwrap(),
    );
    let dry = laurel_in("zh", &["import", "--root", root, "--dry-run", source]);
    let dry_text = String::from_utf8_lossy(&dry.stdout);
    assert!(
        dry_text.contains("将导入 3 位人选（试运行：没有写入任何文件）"),
        "{dry_text}"
    );
    let done = laurel_in("zh", &["import", "--root", root, source]);
    let text = String::from_utf8_lossy(&done.stdout);
    for said in [
        "新增",
        "坏文件.docx：不是能读取的 Word 文档",
        "推荐表和汇总表中王芳的出生年月不一致：“1988.03”和“1988.04”",
        "改法：请向推荐单位核实",
        "路径指到了压缩包之外",
        "还需补齐（`laurel check`）：",
        "推荐单位\n",
        "未导入\n",
        "已导入 3 位人选",
    ] {
        assert!(text.contains(said), "missing {said} in:\n{text}");
    }
    let english = english_lines(&text);
    assert!(
        english.is_empty(),
        "English in the Chinese report: {english:#?}\n{text}"
    );

    let json = laurel_in(
        "zh",
        &["import", "--root", root, "--format", "json", source],
    );
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let problems = report["problems"].as_array().unwrap();
    assert!(
        problems.iter().all(|p| p["message_id"].is_string()),
        "{report:#}"
    );

    let english = laurel(&["import", "--root", root, "--dry-run", source]);
    let english = String::from_utf8_lossy(&english.stdout);
    assert!(
        english.contains("the 推荐表 and the 汇总表 give 王芳 different birth months")
            && english.contains("would import 3 candidates (dry run: nothing was written)"),
        "{english}"
    );
}
