//! The jury's scoring (`campaign.review`, 评审) as the build uses it, and the values the
//! jury's round cannot work with.

use crate::diagnostics::Diagnostic;
use crate::i18n::Said;
use crate::{said, yaml};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// How the jury scores the nominees (`campaign.review`, 评审): `laurel review sheets` writes
/// a 评分表 per judge from it, `laurel review tally` reads them back. The places are
/// `rules.laureates`.
#[derive(Debug, Clone)]
pub struct Review {
    /// The criteria, each scored from 0 to its `max` (评分标准); the notice's 遴选标准 by
    /// default.
    pub criteria: Vec<Criterion>,
    /// How the judges' totals make a nominee's score (计分方法).
    pub method: Method,
    /// The judges: their names, or how many there are (评委).
    pub judges: Judges,
}

/// One criterion of the 评分表.
#[derive(Debug, Clone)]
pub struct Criterion {
    /// Its name, the column's heading (名称).
    pub name: String,
    /// What a point of it counts in a judge's total (权重, 1 by default).
    pub weight: f64,
    /// The highest score a judge may give (满分, 100 by default).
    pub max: f64,
}

/// How a nominee's score is made from the judges' totals (`campaign.review.method`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The mean of every judge's total (平均).
    #[default]
    #[serde(alias = "平均")]
    Mean,
    /// The mean without each nominee's highest and lowest total (去掉最高分和最低分).
    #[serde(alias = "去掉最高最低", alias = "去掉最高分和最低分")]
    TrimmedMean,
}

/// The judges (`campaign.review.judges`): a list of names, or a count (评委1, 评委2 …).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Judges {
    /// So many judges, named 评委1, 评委2 ….
    Count(usize),
    /// The judges by name.
    Names(Vec<String>),
}

impl Judges {
    /// The judges' names, in order.
    pub fn names(&self) -> Vec<String> {
        match self {
            Judges::Count(n) => (1..=*n).map(|i| format!("评委{i}")).collect(),
            Judges::Names(names) => names.iter().map(|n| n.trim().to_string()).collect(),
        }
    }
}

impl Review {
    /// The highest total a judge can give: Σ weight × max.
    pub fn max_total(&self) -> f64 {
        self.criteria.iter().map(|c| c.weight * c.max).sum()
    }

    /// Values the jury's round cannot work with, each at its line of `text` (the file
    /// holding `campaign:`).
    pub(super) fn problems(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let at = |line: Option<usize>, said: Said| Diagnostic::said(file, said).at_line(line);
        let mut problems = Vec::new();
        if self.criteria.is_empty() {
            problems.push(at(
                yaml::line_of(text, "criteria", ""),
                said!("criteria-empty"),
            ));
        }
        for (i, c) in self.criteria.iter().enumerate() {
            let own = yaml::line_of(text, "name", &c.name);
            let line = |key: &str| line_after(text, own, key).or(own);
            if !(c.weight.is_finite() && c.weight > 0.0) {
                problems.push(at(
                    line("weight"),
                    said!(
                        "criterion-weight",
                        weight = c.weight.to_string(),
                        name = &c.name
                    ),
                ));
            }
            if !(c.max.is_finite() && c.max > 0.0) {
                problems.push(at(
                    line("max"),
                    said!("criterion-max", max = c.max.to_string(), name = &c.name),
                ));
            }
            if c.name.trim().is_empty() || self.criteria[..i].iter().any(|o| o.name == c.name) {
                problems.push(at(own, said!("criterion-name", name = &c.name)));
            }
        }
        problems.extend(self.judge_problems(text, file));
        problems
    }

    /// Judges who could not each have their own sheet, and too few for the method.
    fn judge_problems(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let names = self.judges.names();
        let line = yaml::line_of(text, "judges", "");
        let mut problems = Vec::new();
        let unusable = |(i, n): (usize, &String)| {
            n.is_empty()
                || n.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|'])
                || names[..i].contains(n)
        };
        if names.is_empty() || names.iter().enumerate().any(unusable) {
            let judges = format!("{names:?}");
            problems.push(
                Diagnostic::said(file, said!("judges-unnamed", judges = judges)).at_line(line),
            );
        }
        if self.method == Method::TrimmedMean && names.len() < 3 {
            problems.push(
                Diagnostic::said(file, said!("trimmed-mean-judges", count = names.len()))
                    .at_line(yaml::line_of(text, "method", "")),
            );
        }
        problems
    }
}

/// The 1-based line of the first line from `from` on that holds `key:`.
fn line_after(text: &str, from: Option<usize>, key: &str) -> Option<usize> {
    let from = from?;
    let key = format!("{key}:");
    text.lines()
        .enumerate()
        .skip(from - 1)
        .find(|(_, l)| l.contains(&key))
        .map(|(i, _)| i + 1)
}
