//! `laurel review tally`: the judges' filled 评分表 read back (calamine), each nominee's score
//! by the campaign's method, the ranking, the proposed selection (the top `rules.laureates`)
//! and where it breaks the campaign's rules, with what swapping in the next ranked nominee
//! would change. The result is data ([`Proposal`]): text, JSON or .xlsx; nothing is written
//! into `content/`.

use super::sheets::{FIXED, JUDGE};
use super::{messages, nominees, Nominee};
use crate::check;
use crate::config::{Method, Review};
use crate::content::{Laureate, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use calamine::{Data, Reader};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The version of the proposal's JSON shape.
pub const PROPOSAL_VERSION: u32 = 1;

/// The tally's result: the ranking, the proposed selection and the rules it breaks.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Proposal {
    /// The shape's version, [`PROPOSAL_VERSION`].
    pub version: u32,
    /// The campaign's official name.
    pub campaign: String,
    /// How the scores were made.
    pub method: Method,
    /// The places (`rules.laureates`).
    pub places: usize,
    /// The highest total a judge can give.
    pub max_total: f64,
    /// The judges whose sheets were read, in the order of their totals below.
    pub judges: Vec<String>,
    /// Every nominee, best first.
    pub ranking: Vec<Ranked>,
    /// Where the proposed selection breaks the campaign's rules, ties at the cut, judges
    /// without a sheet.
    pub findings: Vec<Finding>,
}

/// One nominee in the ranking.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ranked {
    /// 名次 (equal scores share one).
    pub rank: usize,
    /// 编号 in the 评分表.
    pub number: usize,
    /// 姓名.
    pub name: String,
    /// 推荐单位.
    pub unit: String,
    /// 类别.
    pub category: String,
    /// The score by the method, rounded to 3 decimals.
    pub score: f64,
    /// Each judge's weighted total, in the order of `judges`.
    pub totals: Vec<f64>,
    /// In the proposed selection (建议入选).
    pub proposed: bool,
}

/// Something the editors should weigh before they confirm.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    /// `channel-quota`, `young-share` and `category` (check's rules over the proposed
    /// selection), `tie` (equal scores at the cut) or `judges` (a judge without a sheet).
    pub rule: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The swap that would address it, when there is one.
    pub swap: Option<Swap>,
}

/// Taking one proposed nominee out and the best ranked fitting nominee in.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Swap {
    /// The rank of the nominee taken out.
    pub out_rank: usize,
    /// Their name.
    pub out: String,
    /// The rank of the nominee taken in.
    pub in_rank: usize,
    /// Their name.
    #[serde(rename = "in")]
    pub take_in: String,
    /// The rules the selection would still break after the swap (empty: none).
    pub remaining: Vec<String>,
}

/// One judge's sheet as read: the scores per 编号.
struct Sheet {
    judge: String,
    scores: BTreeMap<usize, Vec<f64>>,
}

/// Reads the filled sheets `files` and makes the proposal for the nominees of `site`. Every
/// unreadable sheet, unknown nominee, missing or out-of-range score is reported, naming the
/// file, sheet and row.
pub fn tally(site: &Site, files: &[PathBuf]) -> Result<Proposal, Diagnostics> {
    let review = &site.config.campaign.review;
    let nominees = nominees(site);
    let mut problems = Diagnostics::default();
    let mut sheets: Vec<Sheet> = Vec::new();
    for file in files {
        match read(file, review, &nominees) {
            Ok(sheet) if sheets.iter().any(|s| s.judge == sheet.judge) => problems.push(
                Diagnostic::new(file, messages::judge_twice(&sheet.judge))
                    .hint(messages::judge_twice_hint()),
            ),
            Ok(sheet) => sheets.push(sheet),
            Err(found) => problems.extend(found),
        }
    }
    if review.method == Method::TrimmedMean && problems.is_empty() && sheets.len() < 3 {
        problems.push(Diagnostic::new(
            files.first().cloned().unwrap_or_default(),
            messages::too_few_for_trimmed(sheets.len()),
        ));
    }
    if sheets.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::new(&site.root, messages::no_sheets()));
    }
    problems.into_result(())?;
    Ok(propose(site, &nominees, &sheets))
}

fn propose(site: &Site, nominees: &[Nominee], sheets: &[Sheet]) -> Proposal {
    let review = &site.config.campaign.review;
    let places = site.config.campaign.rules.laureates;
    let ranking = rank(review, nominees, sheets, places);
    let mut findings = rule_findings(site, nominees, &ranking);
    findings.extend(tie_at_cut(&ranking, places));
    let read: Vec<&str> = sheets.iter().map(|s| s.judge.as_str()).collect();
    for judge in review.judges.names() {
        if !read.contains(&judge.as_str()) {
            findings.push(Finding {
                rule: "judges".into(),
                message: messages::judge_missing(&judge),
                swap: None,
            });
        }
    }
    Proposal {
        version: PROPOSAL_VERSION,
        campaign: site.config.official_name(),
        method: review.method,
        places,
        max_total: review.max_total(),
        judges: sheets.iter().map(|s| s.judge.clone()).collect(),
        ranking,
        findings,
    }
}

/// The score of one nominee from the judges' totals.
pub fn score(method: Method, totals: &[f64]) -> f64 {
    let mut sorted = totals.to_vec();
    sorted.sort_by(f64::total_cmp);
    let kept = match method {
        Method::TrimmedMean if sorted.len() > 2 => &sorted[1..sorted.len() - 1],
        _ => &sorted[..],
    };
    kept.iter().sum::<f64>() / kept.len().max(1) as f64
}

/// A score compared to another without floating-point noise.
fn key(score: f64) -> i64 {
    (score * 1e6).round() as i64
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn rank(review: &Review, nominees: &[Nominee], sheets: &[Sheet], places: usize) -> Vec<Ranked> {
    let mut ranking: Vec<Ranked> = nominees
        .iter()
        .map(|n| {
            let totals: Vec<f64> = sheets
                .iter()
                .map(|s| weighted(review, &s.scores[&n.number]))
                .collect();
            Ranked {
                rank: 0,
                number: n.number,
                name: n.laureate.name.clone(),
                unit: n.laureate.recommender.clone(),
                category: n.laureate.category.clone(),
                score: score(review.method, &totals),
                totals: totals.into_iter().map(round3).collect(),
                proposed: false,
            }
        })
        .collect();
    // Best first; equal scores keep the campaign's order (a stable sort).
    ranking.sort_by_key(|r| std::cmp::Reverse(key(r.score)));
    for i in 0..ranking.len() {
        ranking[i].rank = match i {
            0 => 1,
            _ if key(ranking[i].score) == key(ranking[i - 1].score) => ranking[i - 1].rank,
            _ => i + 1,
        };
        ranking[i].proposed = i < places;
        ranking[i].score = round3(ranking[i].score);
    }
    ranking
}

/// A judge's total for one nominee: Σ weight × score.
fn weighted(review: &Review, scores: &[f64]) -> f64 {
    review
        .criteria
        .iter()
        .zip(scores)
        .map(|(c, s)| c.weight * s)
        .sum()
}

/// Equal scores on both sides of the cut: the ranking alone does not decide.
fn tie_at_cut(ranking: &[Ranked], places: usize) -> Option<Finding> {
    let (last, next) = (ranking.get(places.checked_sub(1)?)?, ranking.get(places)?);
    (key(last.score) == key(next.score)).then(|| Finding {
        rule: "tie".into(),
        message: messages::tie(places, last, next),
        swap: None,
    })
}

/// A rule the proposed selection breaks.
pub(super) enum Breach {
    /// A unit with more people than its quota.
    Quota(check::QuotaBreach),
    /// Too few young people.
    Young(check::YoungShare),
    /// A category of the nominations with no one in the selection.
    Category(String),
}

/// The rules `people` break, with check's own rule code: the unit quotas, the young share,
/// and a category of the nominations left without anyone.
fn breaches(site: &Site, people: &[&Laureate]) -> Vec<Breach> {
    let rules = &site.config.campaign.rules;
    let mut found: Vec<Breach> = check::quota_breaches(people, rules)
        .into_iter()
        .map(Breach::Quota)
        .collect();
    let share = check::young_share(people, rules, site.config.campaign.reference_date);
    if share.falls_short(rules) {
        found.push(Breach::Young(share));
    }
    let mut categories: Vec<&str> = Vec::new();
    for l in &site.laureates {
        if !l.category.is_empty() && !categories.contains(&l.category.as_str()) {
            categories.push(&l.category);
        }
    }
    for category in categories {
        if !people.iter().any(|l| l.category == category) {
            found.push(Breach::Category(category.to_string()));
        }
    }
    found
}

/// Whether `l` adds to `breach` (someone to take out of `chosen`) and whether taking them in
/// would mend it.
fn adds_and_mends(
    site: &Site,
    breach: &Breach,
    l: &Laureate,
    chosen: &[&Laureate],
) -> (bool, bool) {
    let rules = &site.config.campaign.rules;
    match breach {
        Breach::Quota(q) => (l.recommender == q.unit, l.recommender != q.unit),
        Breach::Young(_) => {
            let young = check::is_young(l, rules, site.config.campaign.reference_date);
            (young == Some(false), young == Some(true))
        }
        Breach::Category(category) => {
            let shared = chosen.iter().filter(|o| o.category == l.category).count() > 1;
            (shared, l.category == *category)
        }
    }
}

fn rule_findings(site: &Site, nominees: &[Nominee], ranking: &[Ranked]) -> Vec<Finding> {
    let laureate = |i: usize| nominees[ranking[i].number - 1].laureate;
    let people = |set: &[usize]| set.iter().map(|&i| laureate(i)).collect::<Vec<_>>();
    let chosen: Vec<usize> = (0..ranking.len())
        .filter(|&i| ranking[i].proposed)
        .collect();
    let rules = &site.config.campaign.rules;
    breaches(site, &people(&chosen))
        .into_iter()
        .map(|breach| {
            // Out: the lowest ranked proposed nominee who adds to the breach; in: the best
            // ranked other nominee who mends it.
            let sides = |i: usize| adds_and_mends(site, &breach, laureate(i), &people(&chosen));
            let out = chosen.iter().rev().copied().find(|&i| sides(i).0);
            let take_in = (0..ranking.len()).find(|&i| !ranking[i].proposed && sides(i).1);
            let swap = out.zip(take_in).map(|(out, take_in)| {
                let mut after: Vec<usize> = chosen.iter().copied().filter(|&i| i != out).collect();
                after.push(take_in);
                Swap {
                    out_rank: ranking[out].rank,
                    out: ranking[out].name.clone(),
                    in_rank: ranking[take_in].rank,
                    take_in: ranking[take_in].name.clone(),
                    remaining: breaches(site, &people(&after))
                        .iter()
                        .map(|b| messages::breach(b, rules).1)
                        .collect(),
                }
            });
            let (rule, message) = messages::breach(&breach, rules);
            Finding {
                rule: rule.into(),
                message,
                swap,
            }
        })
        .collect()
}

/// Reads one judge's sheet: the first worksheet with a header row starting 编号.
fn read(file: &Path, review: &Review, nominees: &[Nominee]) -> Result<Sheet, Diagnostics> {
    let mut workbook = calamine::open_workbook_auto(file).map_err(|e| {
        Diagnostics::from(
            Diagnostic::new(file, messages::unreadable(&e.to_string()))
                .hint(messages::unreadable_hint()),
        )
    })?;
    for name in workbook.sheet_names() {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let grid: Vec<&[Data]> = range.rows().collect();
        let Some(header) = grid.iter().position(|row| text(row.first()) == FIXED[0]) else {
            continue;
        };
        let place = Place {
            file,
            sheet: &name,
            first_row,
        };
        return read_grid(&place, &grid, header, review, nominees);
    }
    Err(Diagnostic::new(file, messages::no_header())
        .hint(messages::no_header_hint())
        .into())
}

/// Where a cell is, for messages.
struct Place<'a> {
    file: &'a Path,
    sheet: &'a str,
    /// The 0-based row of the grid's first row in the worksheet.
    first_row: usize,
}

impl Place<'_> {
    fn problem(&self, grid_row: usize, message: String) -> Diagnostic {
        Diagnostic::new(
            self.file,
            messages::at_row(self.sheet, self.first_row + grid_row + 1, &message),
        )
    }
}

fn read_grid(
    place: &Place,
    grid: &[&[Data]],
    header: usize,
    review: &Review,
    nominees: &[Nominee],
) -> Result<Sheet, Diagnostics> {
    let heading: Vec<String> = grid[header].iter().map(|c| text(Some(c))).collect();
    let mut problems = Diagnostics::default();
    let columns: Vec<usize> = review
        .criteria
        .iter()
        .filter_map(|c| {
            let found = heading.iter().position(|h| *h == c.name);
            if found.is_none() {
                problems.push(place.problem(header, messages::no_column(&c.name)));
            }
            found
        })
        .collect();
    problems.into_result(())?;
    let judge = grid[..header]
        .iter()
        .find(|row| text(row.first()) == JUDGE)
        .map(|row| text(row.get(1)))
        .filter(|j| !j.is_empty())
        .unwrap_or_else(|| judge_from_file(place.file));
    let mut scores = BTreeMap::new();
    let mut problems = Diagnostics::default();
    for (i, row) in grid.iter().enumerate().skip(header + 1) {
        if text(row.first()).is_empty() && text(row.get(1)).is_empty() {
            continue;
        }
        match read_row(row, &columns, review, nominees) {
            Ok((number, _)) if scores.contains_key(&number) => {
                problems.push(place.problem(i, messages::row_twice(number)))
            }
            Ok((number, row_scores)) => {
                scores.insert(number, row_scores);
            }
            Err(message) => problems.push(place.problem(i, message)),
        }
    }
    let missing: Vec<&str> = nominees
        .iter()
        .filter(|n| !scores.contains_key(&n.number))
        .map(|n| n.laureate.name.as_str())
        .collect();
    if !missing.is_empty() {
        problems.push(Diagnostic::new(
            place.file,
            messages::rows_missing(place.sheet, &missing),
        ));
    }
    problems.into_result(Sheet { judge, scores })
}

/// One nominee's row: their 编号 (matching 姓名) and a score per criterion, or what is wrong.
fn read_row(
    row: &[Data],
    columns: &[usize],
    review: &Review,
    nominees: &[Nominee],
) -> Result<(usize, Vec<f64>), String> {
    let (number_text, name) = (text(row.first()), text(row.get(1)));
    let nominee = number_text
        .parse::<f64>()
        .ok()
        .filter(|n| n.fract() == 0.0 && *n >= 1.0)
        .and_then(|n| nominees.get(n as usize - 1))
        .filter(|n| n.laureate.name == name)
        .ok_or_else(|| messages::unknown_nominee(&number_text, &name))?;
    let scores = review
        .criteria
        .iter()
        .zip(columns)
        .map(|(criterion, &col)| {
            let value = row.get(col).map(|c| text(Some(c))).unwrap_or_default();
            match value.parse::<f64>() {
                Ok(v) if (0.0..=criterion.max).contains(&v) => Ok(v),
                _ if value.is_empty() => Err(messages::score_missing(&name, &criterion.name)),
                _ => Err(messages::score_out_of_range(&name, criterion, &value)),
            }
        })
        .collect::<Result<Vec<f64>, String>>()?;
    Ok((nominee.number, scores))
}

/// A cell's text, trimmed; numbers as Excel shows them (12, 85.5).
fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(cell) => cell.to_string().trim().to_string(),
    }
}

/// The judge's name from a sheet's file name (评分表-张三.xlsx → 张三).
fn judge_from_file(file: &Path) -> String {
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    stem.strip_prefix("评分表-").unwrap_or(&stem).to_string()
}

impl Proposal {
    /// The nominees proposed for selection, best first.
    pub fn proposed(&self) -> impl Iterator<Item = &Ranked> {
        self.ranking.iter().filter(|r| r.proposed)
    }

    /// The report for people (Chinese).
    pub fn text(&self) -> String {
        messages::proposal_text(self)
    }

    /// Writes the proposal as .xlsx (建议名单 and 规则 sheets) or .json, by extension.
    pub fn write(&self, file: &Path) -> Result<(), Diagnostic> {
        let ext = file
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let written = match ext.as_str() {
            "json" => std::fs::write(
                file,
                serde_json::to_string_pretty(self).expect("serialises"),
            )
            .map_err(|e| e.to_string()),
            "xlsx" => self.write_xlsx(file).map_err(|e| e.to_string()),
            _ => return Err(Diagnostic::new(file, messages::proposal_format())),
        };
        written.map_err(|e| Diagnostic::new(file, messages::cannot_write(&e)))
    }

    fn write_xlsx(&self, file: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = workbook.add_worksheet();
        sheet.set_name("建议名单")?;
        let header: Vec<String> = messages::PROPOSAL_COLUMNS
            .iter()
            .map(|c| c.to_string())
            .chain(self.judges.iter().cloned())
            .collect();
        for (col, h) in header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, h, &bold)?;
        }
        for (i, r) in self.ranking.iter().enumerate() {
            let row = i as u32 + 1;
            sheet.write_number(row, 0, r.rank as f64)?;
            sheet.write_number(row, 1, r.number as f64)?;
            sheet.write_string(row, 2, &r.name)?;
            sheet.write_string(row, 3, &r.unit)?;
            sheet.write_string(row, 4, &r.category)?;
            sheet.write_number(row, 5, r.score)?;
            sheet.write_string(row, 6, messages::proposed_mark(r.proposed))?;
            for (j, total) in r.totals.iter().enumerate() {
                sheet.write_number(row, 7 + j as u16, *total)?;
            }
        }
        sheet.set_column_width(3, 24)?;
        let rules = workbook.add_worksheet();
        rules.set_name("规则")?;
        for (i, line) in messages::finding_lines(&self.findings).iter().enumerate() {
            rules.write_string(i as u32, 0, line)?;
        }
        rules.set_column_width(0, 120)?;
        workbook.save(file)
    }
}
