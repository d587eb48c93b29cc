//! The years of a site. A site holds one campaign (`content/laureates/`), or — once it has
//! run for several years — one folder per year (`content/2022/`, `content/2023/` …, each with
//! its `laureates/` and its own `campaign.yaml`), published under `/<year>/`. This module says
//! which years a site has, which year a command works on, where new nominees go, and which
//! year's pages had the old addresses at the site root.

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::{self, CONTENT_DIR, YEAR_CAMPAIGN_FILE};
use std::path::{Path, PathBuf};

/// The years of a site of several years, oldest first: the folders of `content/` named by a
/// year (`2022`) that hold a `laureates/` folder. Empty for a site of one year.
pub fn of_site(root: &Path) -> Vec<u32> {
    years_with(root, |dir| dir.join("laureates").is_dir())
}

/// The newest year of a site of several years; `None` for a site of one year.
pub fn newest(root: &Path) -> Option<u32> {
    of_site(root).last().copied()
}

/// The folders of `content/` named by a year whose folder passes `is_year`, oldest first.
fn years_with(root: &Path, is_year: impl Fn(&Path) -> bool) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir(root.join(CONTENT_DIR)) else {
        return Vec::new();
    };
    let mut years: Vec<u32> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let year = name.parse().ok().filter(|_| name.len() == 4)?;
            is_year(&entry.path()).then_some(year)
        })
        .collect();
    years.sort_unstable();
    years
}

/// Where new laureate folders go (`laurel new`, `laurel import`): `content/laureates/`, or
/// the newest year's in a site of several years, counting a year just begun (its
/// `campaign.yaml` written, no `laureates/` yet).
pub fn current_laureates_dir(root: &Path) -> PathBuf {
    if of_site(root).is_empty() {
        return layout::laureates_dir(root, None);
    }
    let begun = years_with(root, |dir| {
        dir.join("laureates").is_dir() || dir.join(YEAR_CAMPAIGN_FILE).is_file()
    });
    layout::laureates_dir(root, begun.last().copied())
}

/// The configuration of `year` (site.yaml with the year's `campaign.yaml`), or of a site of
/// one year (`None`: site.yaml).
pub fn config(root: &Path, year: Option<u32>) -> Result<SiteConfig, Diagnostics> {
    let config = SiteConfig::load(root)?;
    match year {
        Some(year) => config.for_year(year),
        None => Ok(config),
    }
}

/// A year asked for (`--year`) that the site does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSuchYear {
    /// The year asked for.
    pub asked: u32,
    /// The years of the site of several years; empty for a site of one year.
    pub years: Vec<u32>,
    /// The year of a site of one year (site.yaml's `campaign.year`), when it could be read.
    pub single: Option<u32>,
}

/// The year folder a command works on: `asked`, else the newest of `years` (a site of
/// several years); `None` for a site of one year, whose year (`single`) is the only one that
/// may be asked for.
pub fn choose(
    years: &[u32],
    single: Option<u32>,
    asked: Option<u32>,
) -> Result<Option<u32>, NoSuchYear> {
    match asked {
        None => Ok(years.last().copied()),
        Some(year) if years.contains(&year) => Ok(Some(year)),
        Some(year) if years.is_empty() && single == Some(year) => Ok(None),
        Some(asked) => Err(NoSuchYear {
            asked,
            years: years.to_vec(),
            single,
        }),
    }
}

/// The year whose pages were at the site root before (their old addresses get pages that
/// lead to the new ones): `old_urls_year` in site.yaml, else the year of site.yaml's own
/// `campaign:` (the one year the site had) when the site has it, else the oldest of `years`.
/// A year the site does not have is a problem at its line.
pub fn old_urls_year(root: &Path, config: &SiteConfig, years: &[u32]) -> Result<u32, Diagnostics> {
    match config.old_urls_year {
        None if years.contains(&config.campaign.year) => Ok(config.campaign.year),
        None => Ok(years[0]),
        Some(year) if years.contains(&year) => Ok(year),
        Some(year) => {
            let text = std::fs::read_to_string(root.join(layout::SITE_CONFIG)).unwrap_or_default();
            let listed: Vec<String> = years.iter().map(u32::to_string).collect();
            let said = crate::said!(
                "old-urls-year-unknown",
                year = year.to_string(),
                years = listed.join(&crate::tr!("list-separator"))
            );
            Err(Diagnostic::said(layout::SITE_CONFIG, said)
                .at_line(crate::yaml::line_of(&text, "old_urls_year", ""))
                .into())
        }
    }
}

/// What starting the next year's campaign did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Begun {
    /// The year begun.
    pub year: u32,
    /// The year whose nominees moved from `content/laureates/` to `content/<year>/laureates/`
    /// (the site had one year until then), if any.
    pub moved: Option<u32>,
}

/// The keys of a campaign that belong to its year and are not copied to the next one: the
/// year, the reference date, the phase and the 公示 (its dates and contacts).
const KEYS_OF_THE_YEAR: &[&str] = &["year", "reference_date", "phase", "publicity"];

/// Starts the campaign of the year after the newest: `content/<year>/campaign.yaml` with the
/// newest year's campaign settings (categories, rules and quotas, order, round, review; the
/// official name with its year moved on), without what belongs to a year (its dates, phase
/// and 公示), and an empty `laureates/` for its nominees, so that the studio, `laurel new` and
/// `laurel import` work on it. A site of one year first becomes a site of several: its
/// `content/laureates/` moves to `content/<its year>/laureates/`, and that year's pages keep their old addresses (see [`old_urls_year`]).
pub fn begin_next(root: &Path) -> Result<Begun, Diagnostic> {
    let site_yaml = root.join(layout::SITE_CONFIG);
    let config = SiteConfig::load(root).map_err(|problems| {
        let first = problems.0.into_iter().next();
        first.unwrap_or_else(|| Diagnostic::new(&site_yaml, crate::tr!("studio-load-failed")))
    })?;
    let years = of_site(root);
    let current = years.last().copied().unwrap_or(config.campaign.year);
    let next = current + 1;
    let next_dir = layout::year_dir(root, next);
    if next_dir.exists() {
        let said = crate::said!("year-begun-already", year = next.to_string());
        return Err(Diagnostic::said(&next_dir, said));
    }
    let campaign = match years.last() {
        Some(&year) if layout::year_campaign_file(root, year).is_file() => {
            let text = crate::diagnostics::read_text(&layout::year_campaign_file(root, year))?;
            serde_yaml::from_str(&text).unwrap_or_default()
        }
        _ => {
            let text = std::fs::read_to_string(&site_yaml).unwrap_or_default();
            let document: crate::yaml::Value = serde_yaml::from_str(&text).unwrap_or_default();
            document.get("campaign").cloned().unwrap_or_default()
        }
    };
    let moved = match years.is_empty() {
        true => Some(make_several(root, current)?),
        false => None,
    };
    let io = |e: std::io::Error| Diagnostic::new(&next_dir, e.to_string());
    std::fs::create_dir_all(next_dir.join("laureates")).map_err(io)?;
    let text = next_campaign(campaign, current, next);
    std::fs::write(layout::year_campaign_file(root, next), text).map_err(io)?;
    Ok(Begun { year: next, moved })
}

/// `content/laureates/` moved to `content/<year>/laureates/`; the year.
fn make_several(root: &Path, year: u32) -> Result<u32, Diagnostic> {
    let from = layout::laureates_dir(root, None);
    let to = layout::laureates_dir(root, Some(year));
    let io = |e: std::io::Error| Diagnostic::new(&from, e.to_string());
    std::fs::create_dir_all(layout::year_dir(root, year)).map_err(io)?;
    if from.is_dir() {
        std::fs::rename(&from, &to).map_err(io)?;
    } else {
        std::fs::create_dir_all(&to).map_err(io)?;
    }
    Ok(year)
}

/// The text of the next year's `campaign.yaml`: `campaign` (a year's settings) without
/// [`KEYS_OF_THE_YEAR`], its name's year moved on, and `year: next`.
fn next_campaign(campaign: crate::yaml::Value, current: u32, next: u32) -> String {
    let mut kept = campaign.as_mapping().cloned().unwrap_or_default();
    for key in KEYS_OF_THE_YEAR {
        kept.remove(*key);
    }
    for key in ["name", "名称"] {
        if let Some(crate::yaml::Value::String(name)) = kept.get_mut(key) {
            *name = name.replace(&current.to_string(), &next.to_string());
        }
    }
    let mut settings = serde_yaml::Mapping::new();
    settings.insert("year".into(), next.into());
    settings.extend(kept);
    let yaml = serde_yaml::to_string(&settings).unwrap_or_default();
    let said = crate::tr!(
        "year-begun-header",
        year = next.to_string(),
        from = current.to_string()
    );
    format!("# {said}\n{yaml}")
}

#[cfg(test)]
mod tests {
    use super::{choose, NoSuchYear};

    #[test]
    fn the_year_asked_for_else_the_newest_and_a_single_year_only_as_itself() {
        let several = [2022, 2023, 2024];
        assert_eq!(choose(&several, Some(2021), None), Ok(Some(2024)));
        assert_eq!(choose(&several, None, Some(2023)), Ok(Some(2023)));
        assert_eq!(choose(&[], Some(2024), None), Ok(None));
        assert_eq!(choose(&[], Some(2024), Some(2024)), Ok(None));
        let missing = NoSuchYear {
            asked: 2021,
            years: several.to_vec(),
            single: None,
        };
        assert_eq!(choose(&several, None, Some(2021)), Err(missing));
        let single = NoSuchYear {
            asked: 2023,
            years: Vec::new(),
            single: Some(2024),
        };
        assert_eq!(choose(&[], Some(2024), Some(2023)), Err(single));
    }
}
