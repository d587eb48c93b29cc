//! The jury's round: 30 nominees for 20 places and 3 picks, a 评分表 per judge, five judges'
//! filled sheets tallied by both methods, a rule the top 20 breaks, the selection recorded in
//! the profiles, and a build that publishes exactly the 20.

use crate::support::*;
use calamine::Reader;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;

const JUDGES: [&str; 5] = ["甲评委", "乙评委", "丙评委", "丁评委", "戊评委"];

/// Thirty names, none inside another, each with its own pinyin.
const NAMES: [&str; 30] = [
    "王晓岚",
    "李振东",
    "张雨桐",
    "刘思远",
    "陈嘉树",
    "杨慕白",
    "赵青禾",
    "黄启航",
    "周望舒",
    "吴知秋",
    "徐川柏",
    "孙映雪",
    "胡远帆",
    "朱砚池",
    "高云岫",
    "林听澜",
    "何星野",
    "郭念慈",
    "马识途",
    "罗栖梧",
    "梁曜文",
    "宋临溪",
    "郑怀瑾",
    "谢南枝",
    "韩屿安",
    "唐鹤鸣",
    "冯若谷",
    "于沐阳",
    "董澄江",
    "萧一苇",
];

/// The 评分表's header with the default criteria.
const HEADER: [&str; 9] = [
    "编号",
    "姓名",
    "工作单位",
    "类别",
    "政治坚定",
    "业绩突出",
    "事迹感人",
    "总分",
    "备注",
];

/// The three nominees of one district, which may nominate only 2.
const CROWDED: [usize; 3] = [2, 5, 8];

fn site_yaml(method: &str) -> String {
    format!(
        "title: 最美科技工作者\nbase_url: https://kx.example.cn/zuimei/\ncampaign:\n  year: 2022\n  round: selection\n  order: strokes\n  review:\n    method: {method}  # 去掉最高分和最低分\n    judges: [{}]\n",
        JUDGES.join(", ")
    )
}

/// The campaign: nominee k of [`NAMES`] from their own district (the crowded three share one).
fn campaign(method: &str) -> TestSite {
    let site = TestSite::new(&site_yaml(method));
    for (k, name) in NAMES.iter().enumerate() {
        let unit = match CROWDED.contains(&k) {
            true => "冀州区科协".to_string(),
            false => format!("第{k}县科协"),
        };
        let profile = format!(
            "# 编辑备注：{name}的材料已核对\ngender: 女\nbirth: 1985-03\norganization: 第{k}研究所\ntitle: 研究员\nrecommender: {unit}\ncategory: 科技创新\nchannel: county\n# status: nominated   # 评选状态\nprovince_pick: false\nsummary: {name}的简要事迹。\n"
        );
        site.laureate(name, &profile, &format!("## 故事\n\n{name}的故事。"), 1);
    }
    site
}

/// Judge j's scores (政治坚定, 业绩突出, 事迹感人) for nominee k. Everyone scores k at
/// 95 − k on each criterion (a total of 95 − k), except: 王晓岚 (k 0) gets 100/90/95 (a
/// weighted 94.5), and 罗栖梧 (k 19) gets 40 from the fifth judge — 76 by the trimmed mean,
/// 68.8 by the mean, so that 梁曜文 (k 20, 75) takes the 20th place by the mean.
fn scores(j: usize, k: usize) -> [f64; 3] {
    match (j, k) {
        (_, 0) => [100.0, 90.0, 95.0],
        (4, 19) => [40.0; 3],
        _ => [(95 - k) as f64; 3],
    }
}

fn str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The (编号, 姓名) rows of a written sheet, and its header.
fn sheet_rows(file: &Path) -> (Vec<String>, Vec<(f64, String)>) {
    let mut workbook = calamine::open_workbook_auto(file).unwrap();
    let range = workbook.worksheet_range("评分表").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[1][..2], ["评委".to_string(), "甲评委".into()]);
    let nominees = rows[3..]
        .iter()
        .map(|r| (r[0].parse().unwrap(), r[1].clone()))
        .collect();
    (rows[2].clone(), nominees)
}

/// A judge's filled sheet in the layout of the written one; `edit` may spoil a row.
fn fill(
    dir: &Path,
    j: usize,
    rows: &[(f64, String)],
    edit: impl Fn(usize, &mut Vec<String>),
) -> PathBuf {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("评分表").unwrap();
    sheet
        .write(0, 0, "2022年“最美科技工作者”评审评分表")
        .unwrap();
    sheet.write(1, 0, "评委").unwrap();
    sheet.write(1, 1, JUDGES[j]).unwrap();
    for (col, h) in HEADER.iter().enumerate() {
        sheet.write(2, col as u16, *h).unwrap();
    }
    for (i, (number, name)) in rows.iter().enumerate() {
        let k = NAMES.iter().position(|n| n == name).unwrap();
        let mut cells: Vec<String> = vec![
            number.to_string(),
            name.clone(),
            String::new(),
            String::new(),
        ];
        cells.extend(scores(j, k).iter().map(|s| s.to_string()));
        edit(i, &mut cells);
        let row = i as u32 + 3;
        for (col, cell) in cells.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(n) if col != 1 => sheet.write(row, col as u16, n).unwrap(),
                _ => sheet.write(row, col as u16, cell.as_str()).unwrap(),
            };
        }
    }
    let file = dir.join(format!("评分表-{}.xlsx", JUDGES[j]));
    workbook.save(&file).unwrap();
    file
}

/// Writes the sheets and fills them as every judge would.
fn filled_sheets(site: &TestSite) -> Vec<PathBuf> {
    let out = review(site, "sheets", &[], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = site.root().join("review/2022");
    let (_, rows) = sheet_rows(&dir.join("评分表-甲评委.xlsx"));
    let filled = site.root().join("filled");
    std::fs::create_dir_all(&filled).unwrap();
    (0..5).map(|j| fill(&filled, j, &rows, |_, _| {})).collect()
}

/// Runs `laurel review COMMAND --root SITE`, then `extra`, then the sheets `files`, in Chinese
/// (the jury's words these tests look for).
fn review(site: &TestSite, command: &str, extra: &[&str], files: &[PathBuf]) -> Output {
    let mut args = vec!["review", command, "--root", str(site.root())];
    args.extend(extra);
    args.extend(files.iter().map(|f| str(f)));
    laurel_in("zh", &args)
}

fn tally_json(site: &TestSite, files: &[PathBuf]) -> serde_json::Value {
    let out = review(site, "tally", &["--format", "json"], files);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The zip entry `name` of an .xlsx as text.
fn xlsx_part(file: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Whether the cell `cell` of sheet1 has a style whose protection unlocks it.
fn unlocked(file: &Path, cell: &str) -> bool {
    let sheet = xlsx_part(file, "xl/worksheets/sheet1.xml");
    let start = sheet
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no {cell}"));
    let tag = &sheet[start..start + sheet[start..].find('>').unwrap()];
    let style: usize = tag
        .split(" s=\"")
        .nth(1)
        .map_or(0, |s| s[..s.find('"').unwrap()].parse().unwrap());
    let styles = xlsx_part(file, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    xf.contains("locked=\"0\"")
}

#[test]
fn sheets_lock_every_cell_but_the_scores_and_check_their_range() {
    let site = campaign("trimmed_mean");
    let out = review(&site, "sheets", &[], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = site.root().join("review/2022");
    for judge in JUDGES {
        assert!(
            dir.join(format!("评分表-{judge}.xlsx")).is_file(),
            "{judge}"
        );
    }
    let file = dir.join("评分表-甲评委.xlsx");
    let (header, rows) = sheet_rows(&file);
    assert_eq!(header, HEADER);
    // All 30 nominees, numbered 1–30 in the campaign's order.
    assert_eq!(rows.len(), 30);
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        (1..=30).map(f64::from).collect::<Vec<_>>()
    );
    let sheet = xlsx_part(&file, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<sheetProtection"),
        "the sheet is not protected"
    );
    for score in ["E4", "F4", "G33", "I4"] {
        assert!(unlocked(&file, score), "{score} is locked");
    }
    for fixed in ["A4", "B4", "C4", "D4", "H4", "B2", "E3"] {
        assert!(!unlocked(&file, fixed), "{fixed} can be edited");
    }
    assert!(
        sheet.contains("sqref=\"E4:E33\""),
        "no validation on the scores"
    );
    assert!(sheet.contains("<formula2>100</formula2>"));
    assert!(sheet.contains("<f>IF(COUNT(E4:G4)=0,\"\",E4*0.3+F4*0.4+G4*0.3)</f>"));
    assert!(!site.public().exists());
    // Never into public/.
    let into_public = review(&site, "sheets", &["--out", str(&site.public())], &[]);
    assert_eq!(into_public.status.code(), Some(1));
    assert!(
        stderr(&into_public).contains("public/"),
        "{}",
        stderr(&into_public)
    );
}

/// The names of the proposed, best first, and a nominee's (rank, score).
fn proposed(report: &serde_json::Value) -> (Vec<String>, BTreeMap<String, (u64, f64)>) {
    let ranking = report["ranking"].as_array().unwrap();
    let names = ranking
        .iter()
        .filter(|r| r["proposed"] == true)
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    let by_name = ranking
        .iter()
        .map(|r| {
            let name = r["name"].as_str().unwrap().to_string();
            (
                name,
                (r["rank"].as_u64().unwrap(), r["score"].as_f64().unwrap()),
            )
        })
        .collect();
    (names, by_name)
}

#[test]
fn the_tally_ranks_by_the_campaigns_method_and_names_the_broken_rule() {
    let site = campaign("trimmed_mean");
    let files = filled_sheets(&site);
    let content = tree(&site.root().join("content"));
    let trimmed = tally_json(&site, &files);
    let (top, by_name) = proposed(&trimmed);
    assert_eq!(top.len(), 20);
    // Hand-computed: 王晓岚 0.3×100 + 0.4×90 + 0.3×95 = 94.5 from every judge.
    assert_eq!(by_name["王晓岚"], (1, 94.5));
    assert_eq!(by_name["李振东"], (2, 94.0));
    // 罗栖梧: 76 76 76 76 40 → 76 without the highest and lowest: 20th, in.
    assert_eq!(by_name["罗栖梧"], (20, 76.0));
    assert_eq!(by_name["梁曜文"], (21, 75.0));
    assert!(top.contains(&"罗栖梧".to_string()) && !top.contains(&"梁曜文".to_string()));
    // The tally writes nothing into content/.
    assert!(tree(&site.root().join("content")) == content);

    // The district's three are all in the top 20; it may have 2. Swapping its lowest
    // ranked (周望舒, 9th) for the 21st mends it.
    let findings = trimmed["findings"].as_array().unwrap();
    let quota = findings
        .iter()
        .find(|f| f["rule"] == "channel-quota")
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert!(
        quota["message"].as_str().unwrap().contains("冀州区科协"),
        "{quota}"
    );
    assert_eq!(quota["swap"]["out"], "周望舒");
    assert_eq!(quota["swap"]["out_rank"], 9);
    assert_eq!(quota["swap"]["in"], "梁曜文");
    assert_eq!(quota["swap"]["remaining"].as_array().unwrap().len(), 0);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let xlsx = site.root().join("建议名单.xlsx");
    let text =
        String::from_utf8(review(&site, "tally", &["--out", str(&xlsx)], &files).stdout).unwrap();
    assert!(text.contains("  20    "), "{text}");
    assert!(text.contains("—— 以上 20 名建议入选 ——\n  21 "), "{text}");
    let mut workbook = calamine::open_workbook_auto(&xlsx).unwrap();
    let list = workbook.worksheet_range("建议名单").unwrap();
    let rows: Vec<String> = list
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(rows.len(), 31);
    assert!(
        rows[20].starts_with("20|")
            && rows[20].contains("|罗栖梧|")
            && rows[20].ends_with("|建议入选|76|76|76|76|40"),
        "{rows:?}"
    );
    assert!(
        rows[21].contains("|梁曜文|") && !rows[21].contains("建议入选"),
        "{rows:?}"
    );
    assert!(
        text.contains("若换下第9名周望舒、换上第21名梁曜文：换后符合全部评选规则"),
        "{text}"
    );

    // By the mean 罗栖梧 has (4×76 + 40) / 5 = 68.8: 27th, out; 梁曜文 takes the 20th place.
    site.write("site.yaml", &site_yaml("mean"));
    let (top, by_name) = proposed(&tally_json(&site, &files));
    assert_eq!(by_name["罗栖梧"], (27, 68.8));
    assert_eq!(by_name["梁曜文"], (20, 75.0));
    assert!(!top.contains(&"罗栖梧".to_string()) && top.contains(&"梁曜文".to_string()));
}

#[test]
fn a_sheet_that_does_not_match_is_refused_at_its_file_sheet_and_row() {
    let site = campaign("trimmed_mean");
    let mut files = filled_sheets(&site);
    let (_, rows) = sheet_rows(&site.root().join("review/2022/评分表-甲评委.xlsx"));
    let dir = site.root().join("spoilt");
    std::fs::create_dir_all(&dir).unwrap();
    files[1] = fill(&dir, 1, &rows, |i, cells| match i {
        0 => cells[1].push('甲'),
        4 => cells[5] = "150".into(),
        6 => cells[6] = String::new(),
        _ => {}
    });
    let out = review(&site, "tally", &[], &files);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let first = &rows[0].1;
    for expected in [
        format!("评分表-乙评委.xlsx: 工作表「评分表」第 4 行：编号「1」、姓名「{first}甲」与推荐人选不符"),
        "工作表「评分表」第 8 行：".into(),
        "「业绩突出」分数「150」不在 0 到 100 之间".into(),
        "工作表「评分表」第 10 行：".into(),
        "「事迹感人」没有打分".into(),
        format!("缺少这些推荐人选的评分：{first}"),
    ] {
        assert!(err.contains(&expected), "{expected} not in:\n{err}");
    }
}

#[test]
fn the_selection_is_recorded_in_the_profiles_and_the_build_publishes_exactly_the_20() {
    let site = campaign("trimmed_mean");
    let files = filled_sheets(&site);
    let proposal = site.root().join("proposal.json");
    let tallied = review(&site, "tally", &["--out", str(&proposal)], &files);
    assert!(tallied.status.success());
    let (top, _) =
        proposed(&serde_json::from_str(&std::fs::read_to_string(&proposal).unwrap()).unwrap());
    let content = tree(&site.root().join("content"));

    // Without --yes: the plan, and nothing written.
    let decided = ["--by", "评审委员会", "--on", "2022-05-06"];
    let select = |extra: &[&str]| {
        let args = [&decided[..], &["--from", str(&proposal)], extra].concat();
        review(&site, "select", &args, &[])
    };
    let dry = select(&[]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let plan = String::from_utf8(dry.stdout).unwrap();
    assert!(plan.contains("入选 20 人，未入选 10 人"), "{plan}");
    assert!(plan.contains("罗栖梧：推荐 → 入选"), "{plan}");
    // --top takes the same 20 from a tally of the sheets.
    let by_top = review(
        &site,
        "select",
        &[&decided[..], &["--top"]].concat(),
        &files,
    );
    assert_eq!(String::from_utf8(by_top.stdout).unwrap(), plan);
    assert!(tree(&site.root().join("content")) == content);

    let done = select(&["--yes"]);
    assert!(done.status.success(), "{}", stderr(&done));
    let profile = |name: &str| {
        std::fs::read_to_string(
            site.root()
                .join(format!("content/laureates/{name}/profile.yaml")),
        )
        .unwrap()
    };
    let luo = profile("罗栖梧");
    assert!(
        luo.starts_with("name: 罗栖梧\n# 编辑备注：罗栖梧的材料已核对\n"),
        "{luo}"
    );
    assert!(luo.contains("# status: nominated   # 评选状态\nstatus: selected\ndecided_by: 评审委员会\ndecided_on: 2022-05-06\nprovince_pick: false\n"), "{luo}");
    assert!(profile("梁曜文").contains("status: not_selected\n"));

    // Three picks among the selected; check is content with the 20.
    for name in &top[..3] {
        let text = profile(name).replace("province_pick: false", "province_pick: true");
        site.write(&format!("content/laureates/{name}/profile.yaml"), &text);
    }
    let (_, report) = check_json(&site);
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        !rules.contains(&"laureate-quota") && !rules.contains(&"province-picks"),
        "{rules:?}"
    );

    site.build_ok();
    let files = tree(&site.public());
    let index = String::from_utf8_lossy(&files.iter().find(|(p, _)| p == "index.html").unwrap().1)
        .into_owned();
    for name in NAMES {
        let published = files
            .iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains(name));
        assert_eq!(published, top.contains(&name.to_string()), "{name}");
    }
    for name in &top {
        assert!(
            index.contains(name.as_str()),
            "{name} is not on the front page"
        );
    }
}
