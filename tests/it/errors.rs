//! Bad input: every problem reported in one run, naming the file and line, exit code 1.

use crate::support::*;

#[test]
fn every_problem_of_every_laureate_is_reported_at_once() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "organisation: 研究院\n", "故事", 1);
    site.laureate(
        "乙",
        "photos:\n  - file: photos/不存在.jpg\n    caption: 丢失\n",
        "故事",
        1,
    );
    site.laureate("丙", "birth: 去年\n", "故事", 1);
    site.laureate("丁", "portrait: ../../../../etc/passwd\n", "故事", 1);
    site.laureate("戊", "category: 不存在的类别\n", "故事", 1);
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let expected = [
        (
            "content/laureates/甲/profile.yaml:2:1",
            "did you mean `organization`?",
        ),
        (
            "content/laureates/乙/profile.yaml:3",
            "photos/不存在.jpg` does not exist",
        ),
        (
            "content/laureates/丙/profile.yaml:2",
            "birth `去年` is not a year and month",
        ),
        (
            "content/laureates/丁/profile.yaml:2",
            "leaves the laureate's folder",
        ),
        (
            "content/laureates/戊/profile.yaml:2",
            "use one of: 科技创新、乡村振兴",
        ),
    ];
    for (place, message) in expected {
        assert!(err.contains(place), "missing {place} in:\n{err}");
        assert!(err.contains(message), "missing {message} in:\n{err}");
    }
    assert!(err.contains("5 problems"), "{err}");
    assert!(!site.public().exists(), "no output from a failed build");
}

#[test]
fn yaml_syntax_errors_name_line_and_column() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "honors: [未闭合\n", "故事", 0);
    let err = stderr(&site.build());
    assert!(err.contains("content/laureates/甲/profile.yaml:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bom_and_crlf_files_load() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "", "故事", 0);
    site.write(
        "content/laureates/甲/profile.yaml",
        "\u{feff}name: 甲\r\norganization: 研究院\r\n",
    );
    site.write(
        "content/laureates/甲/story.md",
        "\u{feff}## 第一章\r\n\r\n内容\r\n",
    );
    site.build_ok();
    let page = site.read("laureates/jia/index.html");
    assert!(page.contains("研究院") && page.contains("第一章"));
}

#[test]
fn corrupt_and_heic_photos_are_named_with_advice_and_all_reported() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "", "故事", 1);
    site.write_bytes(
        "content/laureates/甲/photos/甲2.jpg",
        b"\xFF\xD8\xFF\xE0 not really a jpeg",
    );
    site.laureate("乙", "", "故事", 1);
    let mut heic = vec![0, 0, 0, 24];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    site.write_bytes("content/laureates/乙/photos/乙2.jpg", &heic);
    site.write_bytes("content/laureates/乙/photos/乙3.HEIC", &heic);
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("乙3.HEIC") && err.contains("convert it to JPEG"),
        "{err}"
    );
    // The HEIC file stops loading, so the corrupt one is reported once it is removed.
    std::fs::remove_file(site.root().join("content/laureates/乙/photos/乙3.HEIC")).unwrap();
    let err = stderr(&site.build());
    assert!(err.contains("content/laureates/甲/photos/甲2.jpg"), "{err}");
    assert!(
        err.contains("content/laureates/乙/photos/乙2.jpg") && err.contains("HEIC"),
        "{err}"
    );
}

#[test]
fn missing_site_and_bad_arguments_are_usage_errors() {
    let empty = tempfile::tempdir().unwrap();
    let output = laurel(&["build", "--root", empty.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("site.yaml"));
    assert_eq!(laurel(&["build", "--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn unknown_site_yaml_key_is_reported_with_hint() {
    let site = TestSite::new("title: x\nimages:\n  widht: [100]\n");
    let err = stderr(&site.build());
    assert!(
        err.contains("site.yaml:3:3") && err.contains("did you mean `widths`?"),
        "{err}"
    );
}

#[test]
fn output_folder_may_not_be_the_site_itself() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "", "故事", 0);
    let output = laurel(&[
        "build",
        "--root",
        site.root().to_str().unwrap(),
        "--output",
        site.root().join("content").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("refusing"));
    assert!(site
        .root()
        .join("content/laureates/甲/profile.yaml")
        .is_file());
}

/// A profile of each kind of mistake an editor makes in YAML: a syntax error, an unknown
/// key, a wrong type, a missing required field and a value that is not a date.
fn broken_profiles() -> TestSite {
    let site = TestSite::new(SITE_YAML);
    site.laureate("甲", "honors: [未闭合\n", "故事", 1);
    site.laureate("乙", "organisation: 研究院\n", "故事", 1);
    site.laureate("丙", "photos: 一张照片\n", "故事", 1);
    site.laureate("丁", "photos:\n  - caption: 没有文件\n", "故事", 1);
    site.laureate("戊", "birth: 去年\n", "故事", 1);
    site
}

#[test]
fn load_errors_speak_chinese_with_file_line_and_fix() {
    let site = broken_profiles();
    let root = site.root().to_str().unwrap();
    let output = laurel_in("zh", &["build", "--root", root]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for (place, said) in [
        ("content/laureates/甲/profile.yaml:", "YAML 格式有误"),
        (
            "content/laureates/乙/profile.yaml:2:1",
            "没有 `organisation` 这一项",
        ),
        (
            "content/laureates/乙/profile.yaml:2:1",
            "是不是要写工作单位（organization）？",
        ),
        ("content/laureates/丙/profile.yaml:2", "写成列表"),
        ("content/laureates/丁/profile.yaml:3", "缺少文件（file）"),
        (
            "content/laureates/戊/profile.yaml:2",
            "出生年月（birth）“去年”不是年和月",
        ),
    ] {
        assert!(err.contains(place), "missing {place} in:\n{err}");
        assert!(err.contains(said), "missing {said} in:\n{err}");
    }
    assert_eq!(err.matches("错误：").count(), 5, "{err}");
    assert_eq!(err.matches("改法：").count(), 5, "a fix for each: {err}");
    let english: Vec<_> = err
        .lines()
        .filter(|l| !english_words(l).is_empty())
        .collect();
    assert!(
        english.is_empty(),
        "English in the Chinese report: {english:#?}"
    );

    let json = laurel_in("zh", &["check", "--root", root, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let ids: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "yaml")
        .map(|f| f["message_id"].as_str().unwrap_or("none").to_string())
        .collect();
    assert!(
        ids.contains(&"yaml-unknown-field-guess".to_string()),
        "{ids:?}"
    );
    assert!(ids.contains(&"yaml-missing-field".to_string()), "{ids:?}");
}

#[test]
fn load_errors_stay_english_when_english_is_asked_for() {
    let site = broken_profiles();
    let root = site.root().to_str().unwrap();
    let err = stderr(&laurel_in("zh", &["build", "--root", root, "--lang", "en"]));
    for said in [
        "error: content/laureates/乙/profile.yaml:2:1: unknown field `organisation`",
        "help: did you mean `organization`?",
        "invalid type: string",
        "help: write a list, one `- item` per line under the key",
        "missing field `file`",
        "birth `去年` is not a year and month",
        "5 problems",
    ] {
        assert!(err.contains(said), "missing {said} in:\n{err}");
    }
}
