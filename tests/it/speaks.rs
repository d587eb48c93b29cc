//! laurel speaks Chinese when asked (`--lang zh`, `LAUREL_LANG`, a Chinese system): the words
//! of build, deploy, export, init and new on a good site and a broken one, `--help`, and golden
//! transcripts under tests/golden/ (re-blessed with `LAUREL_BLESS=1`).

use crate::check::broken_campaign;
use crate::support::*;
use std::path::Path;

/// Compares `actual` with the golden file `tests/golden/<name>` line by line; with
/// `LAUREL_BLESS=1` in the environment writes it instead.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("LAUREL_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run the test with LAUREL_BLESS=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from the golden file (- golden, + now; LAUREL_BLESS=1 re-blesses it):\n{}",
        line_diff(&expected, actual)
    );
}

/// The lines only in `old` (`-`) and only in `new` (`+`), with their line numbers, in order.
fn line_diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // lcs[i][j]: the longest common run of lines of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = match a[i] == b[j] {
                true => lcs[i + 1][j + 1] + 1,
                false => lcs[i + 1][j].max(lcs[i][j + 1]),
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("{:>4} + {}\n", j + 1, b[j]));
            j += 1;
        } else {
            out.push_str(&format!("{:>4} - {}\n", i + 1, a[i]));
            i += 1;
        }
    }
    out
}

/// What a run printed, with the site's temporary folder written `<根目录>`.
fn said(output: &std::process::Output, root: &str) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    text.replace(root, "<根目录>")
}

/// The English words of `text` (see `english_words`) but the names of programs, rule ids in
/// brackets, options, commands after `laurel`, HTML elements and MP4 boxes, line by line.
fn english_lines(text: &str) -> Vec<String> {
    const NAMES: [&str; 4] = ["laurel", "Excel", "WPS", "Ctrl"];
    text.lines()
        .map(|line| {
            let words = english_words(&without_names(line));
            let words: Vec<_> = words
                .iter()
                .filter(|w| !NAMES.contains(&w.as_str()))
                .collect();
            (line, format!("{words:?}"), words.is_empty())
        })
        .filter(|(_, _, clean)| !clean)
        .map(|(line, words, _)| format!("{line}  {words}"))
        .collect()
}

/// `line` without what is a name rather than prose: `[rule-id]`, `--option`, `<element>`,
/// commands, what the person typed and MP4 box names.
fn without_names(line: &str) -> String {
    let mut kept = String::new();
    let mut words = line.split(' ').peekable();
    while let Some(word) = words.next() {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
        let named = word.starts_with('[') && word.ends_with(']')
            || bare.starts_with("--")
            || word.contains("--")
            || ["moov", "mvhd"].contains(&bare);
        if word.ends_with("laurel") {
            words.next();
        }
        if !named {
            kept.push_str(&strip_elements(word));
            kept.push(' ');
        }
    }
    kept
}

/// `word` without `<element>` names, what the person typed (“biuld”), laurel's commands and
/// the values of `--format`.
fn strip_elements(word: &str) -> String {
    const COMMANDS: [&str; 7] = [
        "build", "check", "import", "export", "deploy", "text", "json",
    ];
    let mut kept = String::new();
    let mut rest = word;
    while let Some(start) = rest.find(['<', '“']) {
        kept.push_str(&rest[..start]);
        let close = if rest[start..].starts_with('<') {
            '>'
        } else {
            '”'
        };
        rest = rest[start..]
            .split_once(close)
            .map_or("", |(_, after)| after);
    }
    kept.push_str(rest);
    COMMANDS
        .iter()
        .fold(kept, |kept, command| kept.replace(command, ""))
}

#[test]
fn the_chinese_check_report_of_a_broken_campaign_is_as_blessed() {
    let site = broken_campaign();
    let root = site.root().to_str().unwrap();
    let output = laurel_in("zh", &["check", "--root", root]);
    assert_eq!(output.status.code(), Some(1));
    golden("check-broken-zh.txt", &said(&output, root));
}

/// The help pages of laurel and of every command, in `lang`.
fn help_pages(lang: &str) -> String {
    let commands: [&[&str]; 14] = [
        &[],
        &["build"],
        &["init"],
        &["new"],
        &["check"],
        &["export"],
        &["serve"],
        &["import"],
        &["deploy"],
        &["review"],
        &["review", "sheets"],
        &["review", "tally"],
        &["review", "select"],
        &["studio"],
    ];
    let mut pages = String::new();
    for command in commands {
        let args: Vec<&str> = command.iter().copied().chain(["--help"]).collect();
        let output = laurel_in(lang, &args);
        assert!(output.status.success(), "{}", stderr(&output));
        pages.push_str(&format!("$ laurel {}\n", args.join(" ")));
        pages.push_str(&String::from_utf8_lossy(&output.stdout));
        pages.push('\n');
    }
    pages
}

#[test]
fn help_speaks_chinese_and_english_as_asked() {
    let zh = help_pages("zh");
    golden("help-zh.txt", &zh);
    // What stays Latin: commands, options and their values, file types, YAML keys,
    // environment variables and the date's pattern.
    const KEPT: [&str; 12] = [
        "laurel", "text", "json", "xlsx", "docx", "csv", "zip", "status", "BOM", "UTF", "YYYY",
        "Ctrl",
    ];
    let commands = [
        "build", "init", "new", "check", "export", "serve", "import", "deploy", "review", "sheets",
        "tally", "select", "help", "errors", "public", "studio",
    ];
    let english: Vec<String> = zh
        .lines()
        .filter(|line| !line.starts_with("$ "))
        .flat_map(|line| line.split_whitespace())
        .filter(|word| !word.starts_with('-'))
        .flat_map(english_words)
        .filter(|word| !KEPT.contains(&word.as_str()) && !commands.contains(&word.as_str()))
        .collect();
    assert!(
        english.is_empty(),
        "English in the Chinese help: {english:?}"
    );
    assert!(zh.contains("用法：laurel build [选项]"), "{zh}");
    assert!(zh.contains("--root <文件夹>"), "{zh}");
    let en = help_pages("en");
    assert!(en.contains("Usage: laurel build [OPTIONS]"), "{en}");
    assert!(
        en.contains("Build the site into the output folder (public/ by default)"),
        "{en}"
    );
    // A Chinese system's LANG, and --lang over LAUREL_LANG.
    let system = std::process::Command::new(env!("CARGO_BIN_EXE_laurel"))
        .args(["build", "--help"])
        .env_remove("LAUREL_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&system.stdout).contains("生成网站，写入输出目录"));
    let asked = laurel_in("zh", &["--lang", "en", "build", "--help"]);
    assert!(String::from_utf8_lossy(&asked.stdout).contains("Usage: laurel build"));
}

/// A folder deploy target for the site at `site`, added to its site.yaml.
fn with_folder_target(site: &TestSite) {
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &format!("{yaml}deploy:\n  - name: 正式\n    kind: folder\n    path: www\n"),
    );
}

/// Build, deploy (dry run and real) and export on `site`, in `lang`: what each printed.
fn round_trip(site: &TestSite, lang: &str) -> Vec<String> {
    let root = site.root().to_str().unwrap();
    let table = site.root().join("汇总表.xlsx");
    let runs: [Vec<&str>; 5] = [
        vec!["build", "--root", root],
        vec!["deploy", "--root", root, "--dry-run"],
        vec!["deploy", "--root", root],
        vec!["export", "--root", root, "-o", table.to_str().unwrap()],
        vec!["check", "--root", root],
    ];
    runs.iter()
        .map(|args| said(&laurel_in(lang, args), root))
        .collect()
}

#[test]
fn build_deploy_and_export_speak_chinese_on_a_good_site_and_a_broken_one() {
    let good = TestSite::new("title: 测试\nbase_url: https://kx.example.cn/\n");
    good.laureate("王芳", "", "故事。\n", 1);
    with_folder_target(&good);
    let said = round_trip(&good, "zh");
    let [build, dry_run, deploy, export, _] = &said[..] else {
        unreachable!()
    };
    assert!(build.starts_with("已生成 1 位人选的网站："), "{build}");
    assert!(dry_run.contains("新增 "), "{dry_run}");
    assert!(
        dry_run.contains("试运行，「正式」上什么也没有改：将上传 "),
        "{dry_run}"
    );
    assert!(deploy.contains("已发布到「正式」：上传 "), "{deploy}");
    assert!(
        export.contains("已写入 <根目录>/汇总表.xlsx（1 位人选）。"),
        "{export}"
    );
    assert!(
        export.contains("内含联系方式等个人信息，请勿发布。"),
        "{export}"
    );
    // (check's report is the golden transcript's business: its rule ids are Latin.)
    let english: Vec<String> = said[..4].iter().flat_map(|s| english_lines(s)).collect();
    assert!(english.is_empty(), "English:\n{}", english.join("\n"));

    // A campaign that breaks every rule and has a folder that cannot be read: the build
    // fails, so there is nothing to deploy; export leaves the folder out and says so.
    let broken = broken_campaign();
    broken.write("content/laureates/李四/profile.yaml", "name: [李四\n");
    with_folder_target(&broken);
    let said = round_trip(&broken, "zh");
    let [build, dry_run, _, export, check] = &said[..] else {
        unreachable!()
    };
    assert!(
        build.contains("生成失败，上一次生成的网站保持原样"),
        "{build}"
    );
    assert!(dry_run.contains("还没有生成网站，无可发布"), "{dry_run}");
    assert!(dry_run.contains("请先运行 `laurel build`"), "{dry_run}");
    assert!(
        export.contains("提示：1 个文件夹无法读取，未列入：李四。"),
        "{export}"
    );
    assert!(
        export.contains("已写入 <根目录>/汇总表.xlsx（5 位人选）。"),
        "{export}"
    );
    assert!(english_lines(export).is_empty(), "{export}");
    assert!(check.contains("共检查 5 位人选（1 位未能读取）"), "{check}");

    let english = round_trip(&good, "en");
    assert!(
        english[1].contains("Dry run, nothing changed on `正式`"),
        "{english:?}"
    );
    assert!(english[3].contains("Wrote "), "{english:?}");
}

#[test]
fn init_new_and_the_command_line_errors_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("活动");
    let site = site.to_str().unwrap();
    let root = dir.path().to_str().unwrap();
    let runs: [(&[&str], &str); 8] = [
        (&["init", "--empty", site], "已在 <根目录>/活动 新建网站。"),
        (
            &["build", "--frobnicate"],
            "错误：没有 --frobnicate 这个选项",
        ),
        (
            &["biuld"],
            "错误：没有“biuld”这个命令\n提示：是不是要用 build？",
        ),
        (
            &["check", "--format", "xml"],
            "错误：--format <格式> 不能取“xml”，可以取：text、json",
        ),
        (&["new", "王芳", "--root", site], "已建好 <根目录>/活动/"),
        (
            &["build", "--root", root],
            "错误：<根目录> 中没有 site.yaml",
        ),
        (
            &["check", "--root", site, "--year", "1999"],
            "错误：网站没有 1999 年度：只有",
        ),
        (
            &["export", "--root", site, "-o", "表.doc"],
            "错误：表.doc：laurel 只能导出 .xlsx（Excel）或 .csv",
        ),
    ];
    for (args, expected) in runs {
        let text = said(&laurel_in("zh", args), root);
        assert!(text.contains(expected), "{args:?}: {text}");
        let english = english_lines(&text);
        assert!(
            english.is_empty(),
            "{args:?}: English:\n{}",
            english.join("\n")
        );
    }
}

/// The findings of media and of private data, worded in the media stage and in `privacy`, in
/// a Chinese check report and a failed build: a photo cut short in transfer, a HEIC photo named
/// .jpg, a mobile number in a story, a video player pasted into a story and a video that is
/// not one.
#[test]
fn media_and_privacy_findings_speak_chinese() {
    let site = TestSite::new(SITE_YAML);
    site.laureate(
        "王芳",
        FULL_PROFILE,
        "请拨 13912345678。\n\n<iframe src=\"https://v.qq.com/x\"></iframe>\n",
        2,
    );
    let whole = jpeg(300, 400, [90, 120, 150]);
    site.write_bytes(
        "content/laureates/王芳/photos/王芳1.jpg",
        &whole[..whole.len() / 2],
    );
    let mut heic = vec![0, 0, 0, 24];
    heic.extend_from_slice(b"ftypheic");
    heic.extend_from_slice(&[0; 2048]);
    site.write_bytes("content/laureates/王芳/photos/王芳2.jpg", &heic);
    site.write_bytes(
        "content/laureates/王芳/videos/王芳.mp4",
        b"not a video at all",
    );
    let root = site.root().to_str().unwrap();
    let report = said(&laurel_in("zh", &["check", "--root", root]), root);
    for expected in [
        "图片不完整",
        "文件是 HEIC/HEIF 图片",
        "事迹里有手机号（139",
        "<iframe> 元素：视频应放在人选的 videos/ 文件夹中",
        "不是可读的 MP4/MOV 视频：没有 moov 盒",
    ] {
        assert!(report.contains(expected), "{expected}: {report}");
    }
    let built = said(&laurel_in("zh", &["build", "--root", root]), root);
    assert!(built.contains("事迹里有手机号（139"), "{built}");
    for text in [&report, &built] {
        let english = english_lines(text);
        assert!(english.is_empty(), "English:\n{}", english.join("\n"));
    }
}
