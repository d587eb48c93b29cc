//! `laurel review select`: the editors' decision recorded in the profiles. Each nominee of the
//! chosen set gets `status: selected`, every other nominee `status: not_selected`, and all of
//! them `decided_by` and `decided_on`. profile.yaml is edited as text, line by line, so the
//! editors' comments and key order stay; [`plan`] says what would change, [`apply`] writes it.

use super::tally::Proposal;
use super::{messages, nominees};
use crate::config::Date;
use crate::content::{Site, Status};
use crate::diagnostics::{Diagnostic, Diagnostics};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What `select` would write.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Who decided.
    pub decided_by: String,
    /// When.
    pub decided_on: Date,
    /// Each profile that changes.
    pub changes: Vec<Change>,
    /// How many are selected after it.
    pub selected: usize,
    /// How many are not.
    pub not_selected: usize,
}

/// One profile's change.
#[derive(Debug, Clone)]
pub struct Change {
    /// The nominee's name.
    pub name: String,
    /// Their profile.yaml.
    pub profile: PathBuf,
    /// Their status before.
    pub from: Status,
    /// And after.
    pub to: Status,
}

/// The 编号 and 姓名 of the proposal's rows, as `tally --format json` wrote them (an editor
/// may have changed `proposed`).
#[derive(Deserialize)]
struct ProposalFile {
    ranking: Vec<ProposalRow>,
}

#[derive(Deserialize)]
struct ProposalRow {
    number: usize,
    name: String,
    proposed: bool,
}

/// The 编号 of the nominees a proposal file (JSON) proposes; each row's 编号 and 姓名 must
/// still be the site's.
pub fn chosen_from_file(site: &Site, file: &Path) -> Result<BTreeSet<usize>, Diagnostics> {
    let text = crate::diagnostics::read_text(file)?;
    let proposal: ProposalFile = serde_json::from_str(&text)
        .map_err(|e| Diagnostic::new(file, messages::bad_proposal(&e.to_string())))?;
    let nominees = nominees(site);
    let mut problems = Diagnostics::default();
    for row in &proposal.ranking {
        let matches = nominees
            .get(row.number.wrapping_sub(1))
            .is_some_and(|n| n.laureate.name == row.name);
        if !matches {
            problems.push(
                Diagnostic::new(file, messages::stale_row(row.number, &row.name))
                    .hint(messages::stale_hint()),
            );
        }
    }
    problems.into_result(
        proposal
            .ranking
            .iter()
            .filter(|r| r.proposed)
            .map(|r| r.number)
            .collect(),
    )
}

/// The 编号 of the nominees a tally proposes (its top places).
pub fn chosen_from_tally(proposal: &Proposal) -> BTreeSet<usize> {
    proposal.proposed().map(|r| r.number).collect()
}

/// What recording `chosen` (编号) as the selection, decided by `by` on `on`, changes.
pub fn plan(site: &Site, chosen: &BTreeSet<usize>, by: &str, on: Date) -> Result<Plan, Diagnostic> {
    let places = site.config.campaign.rules.laureates;
    let file = crate::layout::campaign_file(&site.root, site.config.year_folder());
    if chosen.is_empty() || chosen.len() > places {
        return Err(Diagnostic::new(
            file,
            messages::wrong_count(chosen.len(), places),
        ));
    }
    if by.trim().is_empty() {
        return Err(Diagnostic::new(&site.root, messages::no_decider()));
    }
    let nominees = nominees(site);
    let changes = nominees
        .iter()
        .filter_map(|n| {
            let l = n.laureate;
            let to = match chosen.contains(&n.number) {
                true => Status::Selected,
                false => Status::NotSelected,
            };
            let same = l.status == to && l.decided_by == by.trim() && l.decided_on == Some(on);
            (!same).then(|| Change {
                name: l.name.clone(),
                profile: l.profile_file(),
                from: l.status,
                to,
            })
        })
        .collect();
    Ok(Plan {
        decided_by: by.trim().to_string(),
        decided_on: on,
        changes,
        selected: chosen.len(),
        not_selected: nominees.len() - chosen.len(),
    })
}

impl Plan {
    /// The plan for people (Chinese).
    pub fn text(&self) -> String {
        messages::plan_text(self)
    }
}

/// Writes the plan into the profiles. Each file is edited as text and checked to read back
/// with its new status before it replaces the old one.
pub fn apply(plan: &Plan) -> Result<(), Diagnostics> {
    let mut problems = Diagnostics::default();
    for change in &plan.changes {
        if let Err(problem) = apply_one(plan, change) {
            problems.push(problem);
        }
    }
    problems.into_result(())
}

fn apply_one(plan: &Plan, change: &Change) -> Result<(), Diagnostic> {
    let file = &change.profile;
    let text = crate::diagnostics::read_text(file)?;
    let edited = edit_profile(&text, change.to, &plan.decided_by, plan.decided_on);
    let value: crate::yaml::Value = crate::yaml::parse(&edited, file)?;
    if value.get("status").and_then(|s| s.as_str()) != Some(status_word(change.to)) {
        return Err(
            Diagnostic::new(file, messages::edit_failed()).hint(messages::edit_failed_hint())
        );
    }
    let temporary = file.with_extension("yaml.laurel-tmp");
    std::fs::write(&temporary, edited)
        .and_then(|()| std::fs::rename(&temporary, file))
        .map_err(|e| Diagnostic::new(file, messages::cannot_write(&e)))
}

/// The word profile.yaml takes for a status.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Nominated => "nominated",
        Status::Selected => "selected",
        Status::NotSelected => "not_selected",
    }
}

/// The keys (with their Chinese aliases) `select` writes, in the order it inserts them.
const KEYS: [&[&str]; 3] = [
    &["status", "评选状态", "状态"],
    &["decided_by", "决定人"],
    &["decided_on", "决定日期"],
];

/// `text` (a profile.yaml) with `status`, `decided_by` and `decided_on` set: a top-level
/// line holding the key (or an alias) gets the new value and keeps its comment; a missing
/// key is inserted after the previous one, else after a commented-out `# status:` line,
/// else before `province_pick:`, else at the end. Every other line stays as it was.
pub fn edit_profile(text: &str, status: Status, by: &str, on: Date) -> String {
    let mut document = crate::yaml::edit::Document::new(text);
    let values = [status_word(status), by, &on.to_string()].map(crate::yaml::Value::from);
    let mut previous: Option<usize> = None;
    for (keys, value) in KEYS.iter().zip(values) {
        let missing_at = previous
            .map(|i| i + 1)
            .unwrap_or_else(|| document.insertion_point(keys[0], &["province_pick", "推荐省级"]));
        previous = Some(document.set(keys, &value, Some(missing_at)));
    }
    document.text()
}

/// Today in China (UTC+8), for `decided_on`.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((seconds + 8 * 3600) / 86_400)
}

/// The calendar date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil_date(days: u64) -> Date {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u32;
    Date { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ON: Date = Date {
        year: 2022,
        month: 5,
        day: 6,
    };

    #[test]
    fn a_status_line_is_replaced_and_its_comment_and_the_other_lines_stay() {
        let text = "name: 张悦\n# 编辑：电话已核实\nstatus: nominated   # 评审后改\norganization: 气象台\n";
        let edited = edit_profile(text, Status::Selected, "市科协党组", ON);
        assert_eq!(
            edited,
            "name: 张悦\n# 编辑：电话已核实\nstatus: selected # 评审后改\ndecided_by: 市科协党组\ndecided_on: 2022-05-06\norganization: 气象台\n"
        );
        // Applying it again changes nothing.
        assert_eq!(
            edit_profile(&edited, Status::Selected, "市科协党组", ON),
            edited
        );
    }

    #[test]
    fn missing_keys_go_after_the_commented_status_or_before_province_pick() {
        let text = "name: 王振国\nrecommender: 科协\n# status: nominated   # 评选状态\nprovince_pick: false\n";
        let edited = edit_profile(text, Status::NotSelected, "评审委员会: 终审", ON);
        assert_eq!(
            edited,
            "name: 王振国\nrecommender: 科协\n# status: nominated   # 评选状态\nstatus: not_selected\ndecided_by: \"评审委员会: 终审\"\ndecided_on: 2022-05-06\nprovince_pick: false\n"
        );
        let crlf = edit_profile(
            "name: 李\r\nprovince_pick: false\r\n",
            Status::Selected,
            "x",
            ON,
        );
        assert_eq!(
            crlf,
            "name: 李\r\nstatus: selected\r\ndecided_by: x\r\ndecided_on: 2022-05-06\r\nprovince_pick: false\r\n"
        );
    }

    #[test]
    fn a_block_value_is_not_taken_for_a_key() {
        let text = "name: 赵\nsummary: >-\n  status: 不是键\n状态: 推荐\n";
        let edited = edit_profile(text, Status::Selected, "x", ON);
        assert!(
            edited.contains("  status: 不是键\n状态: selected\n"),
            "{edited}"
        );
    }

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(civil_date(0).to_string(), "1970-01-01");
        assert_eq!(civil_date(19_118).to_string(), "2022-05-06");
        assert_eq!(civil_date(11_016).to_string(), "2000-02-29");
    }
}
