//! `review`: the jury's round (评审) between the nominations and the 公示. [`sheets`] writes a
//! 评分表 per judge, [`tally`] reads the filled sheets back, ranks the nominees by the
//! campaign's method and measures the proposed selection against the campaign's rules, and
//! [`select`] records the decision in the profiles. Nothing here is published: the sheets and
//! proposals are written outside `public/`, and profiles are edited as text, so the editors'
//! comments and key order stay.
//!
//! The messages editors read are in [`messages`], one place for the whole round.

pub mod messages;
pub mod select;
pub mod sheets;
pub mod tally;

use crate::content::{Laureate, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// A nominee as the jury sees them.
#[derive(Debug, Clone, Copy)]
pub struct Nominee<'a> {
    /// 编号: 1-based, in the campaign's order (as the 汇总表's 序号).
    pub number: usize,
    /// The profile.
    pub laureate: &'a Laureate,
}

/// Every nominee of `site`, whatever their status, numbered in the campaign's order.
pub fn nominees(site: &Site) -> Vec<Nominee<'_>> {
    site.laureates
        .iter()
        .enumerate()
        .map(|(i, laureate)| Nominee {
            number: i + 1,
            laureate,
        })
        .collect()
}

/// Loads every nominee of one year (`None`: a site of one year). A nominee folder whose
/// profile cannot be read stops the round: a sheet without them would be unfair to them.
pub fn load(root: &Path, year: Option<u32>) -> Result<Site, Diagnostics> {
    let partial = crate::content::load_partial_year(root, year)?;
    if partial.unloaded.is_empty() {
        return Ok(partial.site);
    }
    Err(Diagnostics(
        partial
            .unloaded
            .iter()
            .map(|folder| {
                Diagnostic::new(folder, messages::unloaded()).hint(messages::unloaded_hint())
            })
            .collect(),
    ))
}

/// Where the jury's files go unless told otherwise: `review/<year>/` beside site.yaml.
pub fn default_dir(site: &Site) -> PathBuf {
    site.root
        .join("review")
        .join(site.config.campaign.year.to_string())
}
