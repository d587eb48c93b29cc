//! Every message of the jury's round that editors read, in one place; the sentences are in
//! the message files (`locales/*/review.ftl`). The score sheet's own words (its title,
//! instructions, columns and the box a wrong score opens) are part of a Chinese document for
//! the judges, like the pages, and stay Chinese here.

use super::select::Plan;
use super::tally::{Breach, Finding, Proposal, Ranked};
use crate::config::{Criterion, Method, Review, Rules};
use crate::content::Status;
use crate::tr;

/// A nominee's folder whose profile cannot be read.
pub fn unloaded() -> String {
    tr!("review-unloaded")
}
/// How to fix it.
pub fn unloaded_hint() -> String {
    tr!("review-unloaded-hint")
}
/// Sheets asked for under public/.
pub fn sheets_in_public() -> String {
    tr!("review-sheets-in-public")
}
/// How to fix it.
pub fn sheets_in_public_hint() -> String {
    tr!("review-sheets-in-public-hint")
}
/// No nominees.
pub fn no_nominees() -> String {
    tr!("review-no-nominees")
}
/// A file that cannot be written.
pub fn cannot_write(error: &dyn std::fmt::Display) -> String {
    tr!("review-cannot-write", error = error.to_string())
}
/// The error box of a score cell.
pub const VALIDATION_TITLE: &str = "分数超出范围";
/// A sheet given twice.
pub fn judge_twice_hint() -> String {
    tr!("review-judge-twice-hint")
}
/// No sheet given.
pub fn no_sheets() -> String {
    tr!("review-no-sheets")
}
/// A file that is not a spreadsheet.
pub fn unreadable_hint() -> String {
    tr!("review-unreadable-hint")
}
/// A spreadsheet without the sheet's header.
pub fn no_header() -> String {
    tr!("review-no-header")
}
/// How to fix it.
pub fn no_header_hint() -> String {
    tr!("review-no-header-hint")
}
/// A proposal file of another kind.
pub fn proposal_format() -> String {
    tr!("review-proposal-format")
}
/// The columns of the proposal's sheet before the judges' totals.
pub const PROPOSAL_COLUMNS: [&str; 7] =
    ["名次", "编号", "姓名", "推荐单位", "类别", "得分", "建议"];
/// A stale proposal row.
pub fn stale_hint() -> String {
    tr!("review-stale-hint")
}
/// `--by` left empty.
pub fn no_decider() -> String {
    tr!("review-no-decider")
}
/// A profile the edit would break.
pub fn edit_failed() -> String {
    tr!("review-edit-failed")
}
/// How to fix it.
pub fn edit_failed_hint() -> String {
    tr!("review-edit-failed-hint")
}

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
    tr!("review-judge-twice", judge = judge)
}

/// Too few sheets for the trimmed mean.
pub fn too_few_for_trimmed(sheets: usize) -> String {
    tr!("review-too-few-for-trimmed", sheets = sheets)
}

/// A judge of the settings without a sheet.
pub fn judge_missing(judge: &str) -> String {
    tr!("review-judge-missing", judge = judge)
}

/// Equal scores across the cut.
pub fn tie(places: usize, last: &Ranked, next: &Ranked) -> String {
    tr!(
        "review-tie",
        places = places,
        last = &last.name,
        next = &next.name,
        score = format!("{:.2}", last.score)
    )
}

/// A broken rule: its id and what is wrong.
pub(super) fn breach(breach: &Breach, rules: &Rules) -> (&'static str, String) {
    match breach {
        Breach::Quota(q) => (
            "channel-quota",
            tr!(
                "review-breach-quota",
                unit = &q.unit,
                channel = q.channel.label(),
                count = q.names.len(),
                names = q.names.join("、"),
                quota = q.quota
            ),
        ),
        Breach::Young(share) => (
            "young-share",
            tr!(
                "review-breach-young",
                age = rules.young_age,
                young = share.young,
                counted = share.counted,
                share = format!("{:.0}", rules.young_share * 100.0)
            ),
        ),
        Breach::Category(category) => (
            "category",
            tr!("review-breach-category", category = category),
        ),
    }
}

/// A sheet that is not a readable spreadsheet.
pub fn unreadable(error: &str) -> String {
    tr!("review-unreadable", error = error)
}

/// A problem at a row of a sheet.
pub fn at_row(sheet: &str, row: usize, message: &str) -> String {
    tr!("review-at-row", sheet = sheet, row = row, message = message)
}

/// A criterion's column missing.
pub fn no_column(criterion: &str) -> String {
    tr!("review-no-column", criterion = criterion)
}

/// One nominee's row twice.
pub fn row_twice(number: usize) -> String {
    tr!("review-row-twice", number = number)
}

/// Nominees without a row.
pub fn rows_missing(sheet: &str, names: &[&str]) -> String {
    tr!(
        "review-rows-missing",
        sheet = sheet,
        names = names.join("、")
    )
}

/// A row whose 编号 and 姓名 are not a nominee's.
pub fn unknown_nominee(number: &str, name: &str) -> String {
    tr!("review-unknown-nominee", number = number, name = name)
}

/// An empty score cell.
pub fn score_missing(name: &str, criterion: &str) -> String {
    tr!("review-score-missing", name = name, criterion = criterion)
}

/// A score outside 0–max, or not a number.
pub fn score_out_of_range(name: &str, criterion: &Criterion, value: &str) -> String {
    tr!(
        "review-score-out-of-range",
        name = name,
        criterion = &criterion.name,
        value = value,
        max = criterion.max
    )
}

/// How the method reads.
fn method(method: Method) -> String {
    match method {
        Method::Mean => tr!("review-method-mean"),
        Method::TrimmedMean => tr!("review-method-trimmed-mean"),
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
        return vec![tr!("review-rules-met")];
    }
    let mut lines = Vec::new();
    for f in findings {
        lines.push(format!("✗ {}", f.message));
        if let Some(swap) = &f.swap {
            let after = match swap.remaining.is_empty() {
                true => tr!("review-swap-clean"),
                false => tr!(
                    "review-swap-remaining",
                    remaining = swap.remaining.join("；")
                ),
            };
            let swap = tr!(
                "review-swap",
                out_rank = swap.out_rank,
                out = &swap.out,
                in_rank = swap.in_rank,
                take_in = &swap.take_in,
                after = after
            );
            lines.push(format!("    {swap}"));
        }
    }
    lines
}

/// The tally's report for people.
pub fn proposal_text(p: &Proposal) -> String {
    let mut out = tr!("review-proposal-title", campaign = &p.campaign);
    let scoring = tr!(
        "review-proposal-scoring",
        method = method(p.method),
        judges = p.judges.len(),
        names = p.judges.join("、"),
        max = p.max_total,
        places = p.places
    );
    out.push_str(&format!(
        "\n{scoring}\n\n{}\n",
        tr!("review-ranking-header")
    ));
    for (i, r) in p.ranking.iter().enumerate() {
        if i == p.places {
            out.push_str(&tr!("review-ranking-cut", places = p.places));
            out.push('\n');
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
    out.push_str(&format!("\n{}\n", tr!("review-rules-heading")));
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
    tr!("review-bad-proposal", error = error)
}

/// A proposal row that no longer matches the nominees.
pub fn stale_row(number: usize, name: &str) -> String {
    tr!("review-stale-row", number = number, name = name)
}

/// Too many (or no) people chosen.
pub fn wrong_count(chosen: usize, places: usize) -> String {
    tr!("review-wrong-count", chosen = chosen, places = places)
}

/// How a status reads.
fn status_label(status: Status) -> String {
    match status {
        Status::Nominated => tr!("review-status-nominated"),
        Status::Selected => tr!("review-status-selected"),
        Status::NotSelected => tr!("review-status-not-selected"),
    }
}

/// The selection plan for people.
pub fn plan_text(plan: &Plan) -> String {
    let mut out = tr!(
        "review-plan",
        selected = plan.selected,
        not_selected = plan.not_selected,
        by = &plan.decided_by,
        on = plan.decided_on.to_string()
    );
    out.push('\n');
    for change in &plan.changes {
        let line = tr!(
            "review-plan-change",
            name = &change.name,
            from = status_label(change.from),
            to = status_label(change.to),
            file = change.profile.display().to_string()
        );
        out.push_str(&format!("  {line}\n"));
    }
    if plan.changes.is_empty() {
        out.push_str(&format!("  {}\n", tr!("review-plan-nothing")));
    }
    out
}
