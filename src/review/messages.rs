//! Every message of the jury's round that editors read, in Chinese, in one place (so that
//! moving them into Fluent files touches this file only).

use super::select::Plan;
use super::tally::{Breach, Finding, Proposal, Ranked};
use crate::config::{Criterion, Method, Review, Rules};
use crate::content::Status;

/// A nominee's folder whose profile cannot be read.
pub const UNLOADED: &str = "这位推荐人选的 profile.yaml 无法读取，评审材料不能缺少任何人";
/// How to fix it.
pub const UNLOADED_HINT: &str = "运行 laurel check 查看原因并修正后再试";
/// Sheets asked for under public/.
pub const SHEETS_IN_PUBLIC: &str = "评分表不能写进 public/：那里的文件会被发布";
/// How to fix it.
pub const SHEETS_IN_PUBLIC_HINT: &str = "去掉 --out，默认写到 review/<年度>/";
/// No nominees.
pub const NO_NOMINEES: &str = "content/laureates/ 下没有推荐人选";
/// A file that cannot be written.
pub const CANNOT_WRITE: &str = "无法写入";
/// The error box of a score cell.
pub const VALIDATION_TITLE: &str = "分数超出范围";
/// A sheet given twice.
pub const JUDGE_TWICE_HINT: &str = "每位评委只交一份评分表：去掉重复的文件";
/// No sheet given.
pub const NO_SHEETS: &str = "没有读入任何评分表";
/// A file that is not a spreadsheet.
pub const UNREADABLE_HINT: &str = "用 Excel 或 WPS 打开后另存为 .xlsx 再试";
/// A spreadsheet without the sheet's header.
pub const NO_HEADER: &str =
    "找不到以「编号」开头的表头行：这不是 laurel review sheets 写出的评分表";
/// How to fix it.
pub const NO_HEADER_HINT: &str = "请评委在 laurel review sheets 写出的评分表上打分，不要改动表头";
/// A proposal file of another kind.
pub const PROPOSAL_FORMAT: &str = "建议名单只能写成 .xlsx 或 .json";
/// The columns of the proposal's sheet before the judges' totals.
pub const PROPOSAL_COLUMNS: [&str; 7] =
    ["名次", "编号", "姓名", "推荐单位", "类别", "得分", "建议"];
/// A stale proposal row.
pub const STALE_HINT: &str = "推荐人选有变动：重新运行 laurel review tally 生成建议名单";
/// `--by` left empty.
pub const NO_DECIDER: &str = "请用 --by 写明作出决定的人或机构（如 评审委员会）";
/// A profile the edit would break.
pub const EDIT_FAILED: &str = "改写后的 profile.yaml 读不出新的评选状态，文件未改动";
/// How to fix it.
pub const EDIT_FAILED_HINT: &str = "请手工写入 status: selected 或 status: not_selected";

/// The title of a 评分表.
pub fn sheet_title(campaign: &str) -> String {
    format!("{campaign}评审评分表")
}

/// The line under the title: the criteria with weight and max, and how the total is made.
pub fn instructions(review: &Review) -> String {
    let criteria: Vec<String> = review
        .criteria
        .iter()
        .map(|c| format!("{}（满分{}，权重{}）", c.name, c.max, c.weight))
        .collect();
    format!(
        "评分标准：{}。总分 = 各项分数 × 权重之和，满分{}。请只在黄色的分数格和备注栏填写，不要改动编号和姓名。",
        criteria.join("；"),
        review.max_total()
    )
}

/// The error box of a score cell.
pub fn validation_message(criterion: &Criterion) -> String {
    format!("{}的分数应在 0 到 {} 之间", criterion.name, criterion.max)
}

/// Two sheets of one judge.
pub fn judge_twice(judge: &str) -> String {
    format!("评委「{judge}」的评分表读入了两次")
}

/// Too few sheets for the trimmed mean.
pub fn too_few_for_trimmed(sheets: usize) -> String {
    format!("去掉最高分和最低分至少需要 3 份评分表，只读入了 {sheets} 份")
}

/// A judge of the settings without a sheet.
pub fn judge_missing(judge: &str) -> String {
    format!("评委「{judge}」的评分表没有读入，得分不含其评分")
}

/// Equal scores across the cut.
pub fn tie(places: usize, last: &Ranked, next: &Ranked) -> String {
    format!(
        "第{places}名{}与其后的{}同分（{:.2}）：名额分界处并列，请评审委员会决定",
        last.name, next.name, last.score
    )
}

/// A broken rule: its id and what is wrong.
pub(super) fn breach(breach: &Breach, rules: &Rules) -> (&'static str, String) {
    match breach {
        Breach::Quota(q) => (
            "channel-quota",
            format!(
                "{}（{}）有 {} 人在建议名单中（{}），每个推荐单位至多 {} 名",
                q.unit,
                q.channel.label(),
                q.names.len(),
                q.names.join("、"),
                q.quota
            ),
        ),
        Breach::Young(share) => (
            "young-share",
            format!(
                "建议名单中 {} 岁以下 {} 人（共 {} 人），通知要求不少于 {:.0}%",
                rules.young_age,
                share.young,
                share.counted,
                rules.young_share * 100.0
            ),
        ),
        Breach::Category(category) => (
            "category",
            format!("类别「{category}」的推荐人选无人在建议名单中"),
        ),
    }
}

/// A sheet that is not a readable spreadsheet.
pub fn unreadable(error: &str) -> String {
    format!("无法读取评分表（{error}）")
}

/// A problem at a row of a sheet.
pub fn at_row(sheet: &str, row: usize, message: &str) -> String {
    format!("工作表「{sheet}」第 {row} 行：{message}")
}

/// A criterion's column missing.
pub fn no_column(criterion: &str) -> String {
    format!("表头中没有评分标准「{criterion}」这一列")
}

/// One nominee's row twice.
pub fn row_twice(number: usize) -> String {
    format!("编号 {number} 出现了两次")
}

/// Nominees without a row.
pub fn rows_missing(sheet: &str, names: &[&str]) -> String {
    format!(
        "工作表「{sheet}」缺少这些推荐人选的评分：{}",
        names.join("、")
    )
}

/// A row whose 编号 and 姓名 are not a nominee's.
pub fn unknown_nominee(number: &str, name: &str) -> String {
    format!("编号「{number}」、姓名「{name}」与推荐人选不符（请不要改动编号和姓名）")
}

/// An empty score cell.
pub fn score_missing(name: &str, criterion: &str) -> String {
    format!("{name}的「{criterion}」没有打分")
}

/// A score outside 0–max, or not a number.
pub fn score_out_of_range(name: &str, criterion: &Criterion, value: &str) -> String {
    format!(
        "{name}的「{}」分数「{value}」不在 0 到 {} 之间",
        criterion.name, criterion.max
    )
}

/// How the method reads.
fn method(method: Method) -> &'static str {
    match method {
        Method::Mean => "各评委总分的平均分",
        Method::TrimmedMean => "去掉一个最高分和一个最低分后的平均分",
    }
}

/// The proposal's 建议 column.
pub fn proposed_mark(proposed: bool) -> &'static str {
    if proposed {
        "建议入选"
    } else {
        ""
    }
}

/// The findings, one line each with the swap under it.
pub fn finding_lines(findings: &[Finding]) -> Vec<String> {
    if findings.is_empty() {
        return vec!["建议名单符合评选规则（单位名额、45岁以下比例、类别）。".into()];
    }
    let mut lines = Vec::new();
    for f in findings {
        lines.push(format!("✗ {}", f.message));
        if let Some(swap) = &f.swap {
            let after = match swap.remaining.is_empty() {
                true => "换后符合全部评选规则".to_string(),
                false => format!("换后仍有：{}", swap.remaining.join("；")),
            };
            lines.push(format!(
                "    若换下第{}名{}、换上第{}名{}：{after}",
                swap.out_rank, swap.out, swap.in_rank, swap.take_in
            ));
        }
    }
    lines
}

/// The tally's report for people.
pub fn proposal_text(p: &Proposal) -> String {
    let mut out = format!(
        "{}评审结果（建议）\n计分：{}；评委 {} 位（{}）；每位评委总分满分 {}；名额 {}\n\n",
        p.campaign,
        method(p.method),
        p.judges.len(),
        p.judges.join("、"),
        p.max_total,
        p.places
    );
    out.push_str("名次  编号  姓名      得分     推荐单位 / 类别\n");
    for (i, r) in p.ranking.iter().enumerate() {
        if i == p.places {
            out.push_str(&format!("—— 以上 {} 名建议入选 ——\n", p.places));
        }
        out.push_str(&format!(
            "{:>4}  {:>4}  {}{:>7.2}   {} / {}\n",
            r.rank,
            r.number,
            padded(&r.name, 8),
            r.score,
            r.unit,
            r.category
        ));
    }
    out.push_str("\n规则核对（建议名单）\n");
    for line in finding_lines(&p.findings) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `text` followed by spaces up to `columns` terminal columns (a Chinese character takes
/// two), so that the columns after a name line up.
fn padded(text: &str, columns: usize) -> String {
    let width: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// A proposal file that is not the tally's JSON.
pub fn bad_proposal(error: &str) -> String {
    format!("不是 laurel review tally --format json 写出的建议名单（{error}）")
}

/// A proposal row that no longer matches the nominees.
pub fn stale_row(number: usize, name: &str) -> String {
    format!("建议名单中的编号 {number}、姓名「{name}」与现在的推荐人选不符")
}

/// Too many (or no) people chosen.
pub fn wrong_count(chosen: usize, places: usize) -> String {
    format!("要记录的入选者有 {chosen} 人，名额是 {places} 人（campaign.rules.laureates）")
}

/// How a status reads.
fn status_label(status: Status) -> &'static str {
    match status {
        Status::Nominated => "推荐",
        Status::Selected => "入选",
        Status::NotSelected => "未入选",
    }
}

/// The selection plan for people.
pub fn plan_text(plan: &Plan) -> String {
    let mut out = format!(
        "记录评选结果：入选 {} 人，未入选 {} 人；决定人 {}，日期 {}\n",
        plan.selected, plan.not_selected, plan.decided_by, plan.decided_on
    );
    for change in &plan.changes {
        out.push_str(&format!(
            "  {}：{} → {}（{}）\n",
            change.name,
            status_label(change.from),
            status_label(change.to),
            change.profile.display()
        ));
    }
    if plan.changes.is_empty() {
        out.push_str("  所有 profile.yaml 已是这个结果，无需改动\n");
    }
    out
}
