//! `laurel export`: the summary table as xlsx and CSV, the one place private data goes.

use crate::support::*;
use calamine::{open_workbook, Reader, Xlsx};

/// Runs `laurel export` on the site into `file`, with `extra` arguments.
fn export(site: &TestSite, file: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let root = site.root().to_str().unwrap();
    let mut args = vec!["export", "--root", root, "-o", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    laurel(&args)
}

#[test]
fn xlsx_has_title_headers_rows_and_private_phone() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", FULL_PROFILE, "故事", 0);
    site.laureate(
        "赵强",
        "recommender: 桃城区科协\norganization: 研究所\n",
        "故事",
        0,
    );
    let file = site.root().join("汇总表.xlsx");
    let output = export(&site, &file, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut workbook: Xlsx<_> = open_workbook(&file).unwrap();
    let range = workbook.worksheet_range("推荐人选汇总表").unwrap();
    let cell = |row: usize, col: usize| {
        range
            .get((row, col))
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    assert_eq!(cell(0, 0), "2022年“测试评选”推荐人选汇总表");
    let headers: Vec<String> = (0..9).map(|c| cell(1, c)).collect();
    assert_eq!(
        headers,
        [
            "序号",
            "姓名",
            "性别",
            "出生年月",
            "工作单位及职务职称",
            "推荐单位",
            "类别",
            "联系电话",
            "备注"
        ]
    );
    assert_eq!(range.height(), 4, "title, header and two laureates");
    let wang = (2..4).find(|&r| cell(r, 1) == "王芳").expect("王芳's row");
    assert_eq!(cell(wang, 3), "1990年3月");
    assert_eq!(cell(wang, 4), "测试研究院 主任 研究员");
    assert_eq!(
        cell(wang, 7),
        "13999990000",
        "the private phone is exported"
    );
    assert_eq!(cell(wang, 8), "县市区推荐；未见公开同意书");
    assert!(
        matches!(range.get((wang, 0)), Some(calamine::Data::Float(n)) if *n >= 1.0),
        "序号 is a number: {:?}",
        range.get((wang, 0))
    );
    let xls = laurel(&[
        "export",
        "--root",
        site.root().to_str().unwrap(),
        "-o",
        "x.xls",
    ]);
    assert_eq!(
        xls.status.code(),
        Some(2),
        "a wrong extension is a usage error"
    );
    assert!(stderr(&xls).contains(".xlsx"));

    // …and nowhere in the published site.
    site.build_ok();
    for (path, bytes) in tree(&site.public()) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("13999990000"),
            "phone leaked into {path}"
        );
    }
}

#[test]
fn csv_has_bom_and_groups_by_unit() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "recommender: 桃城区科协\n", "故事", 0);
    site.laureate("赵强", "recommender: 安平县科协\n", "故事", 0);
    let file = site.root().join("table.csv");
    let output = export(&site, &file, &["--group-by-unit"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("\u{feff}序号,姓名,"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[1].contains("赵强") && lines[2].contains("王芳"),
        "安平 (an) before 桃城 (tao): {text}"
    );
}

#[test]
fn unknown_extension_is_a_clear_error() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "", "故事", 0);
    let output = export(&site, std::path::Path::new("x.pdf"), &[]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a usage error, as the README says"
    );
    assert!(stderr(&output).contains(".xlsx"));
}

#[test]
fn the_table_holds_everyone_who_loads_with_a_photo_missing_and_names_who_is_left_out() {
    let site = TestSite::new(SITE_YAML);
    // A photo named in the profile is missing: check's error, not the table's business.
    site.laureate(
        "王芳",
        "recommender: 桃城区科协\nportrait: photos/王芳证件照.jpg\n",
        "故事",
        0,
    );
    site.laureate("赵强", "recommender: 安平县科协\n", "故事", 0);
    // A profile that cannot be read at all.
    site.write("content/laureates/李四/profile.yaml", "name: [李四\n");
    let file = site.root().join("table.csv");
    let output = export(&site, &file, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("王芳") && text.contains("赵强"), "{text}");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("left out 1 folder") && said.contains("李四"),
        "{said}"
    );
}
