//! 阶段与年度: the campaign's phase (公示 ↔ 展示) with what each makes public, starting the
//! next year's campaign, and the years before to look at. What is public comes from the
//! library's own rules ([`crate::content::Laureate::is_published`], the pages the render
//! makes in each phase); the phase is written where the year's campaign lives (site.yaml's
//! `campaign.phase`, or the year's `campaign.yaml`) through [`super::save`]; the next year is
//! begun by [`crate::years::begin_next`].

use super::{save, Answer};
use crate::config::Phase;
use crate::yaml::{edit::Document, Value};
use serde::Deserialize;
use std::path::Path;

/// The file that holds the newest year's campaign, and the keys of its phase there.
fn phase_file(root: &Path) -> (std::path::PathBuf, &'static [&'static str]) {
    let file = crate::layout::campaign_file(root, crate::years::newest(root));
    match file == root.join(crate::layout::SITE_CONFIG) {
        true => (file, &["campaign", "phase"]),
        false => (file, &["phase"]),
    }
}

/// `phase` as site.yaml writes it.
fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Publicity => "publicity",
        Phase::Showcase => "showcase",
    }
}

/// What the site makes public in `phase`: who is listed and which pages, in words.
fn statement(site: &crate::content::Site, phase: Phase) -> serde_json::Value {
    let campaign = crate::config::Campaign {
        phase,
        ..site.config.campaign.clone()
    };
    let listed: Vec<&str> = site
        .laureates
        .iter()
        .filter(|l| l.is_published(&campaign))
        .map(|l| l.name.as_str())
        .collect();
    let publicity = match campaign.publicity_published() {
        true => "yes",
        false => "no",
    };
    let pages = crate::tr!(
        "studio-phase-pages",
        phase = phase_name(phase),
        count = listed.len(),
        publicity = publicity
    );
    serde_json::json!({
        "phase": phase_name(phase),
        "label": crate::tr!("studio-setting-choice", value = phase_name(phase)),
        "listed": listed,
        "pages": pages,
    })
}

/// `GET /api/phases`: the newest year's phase and what each phase makes public, the file
/// the phase is written in (with its version), the years of the site and the next one.
pub fn open(root: &Path) -> Answer {
    let opened = crate::campaign::Campaign::newest(root);
    let site = match opened.nominees() {
        Ok(partial) => partial.site,
        Err(problems) => return Answer::json_status(422, &save::error(&problems.to_string())),
    };
    let (file, _) = phase_file(root);
    let year = site.config.campaign.year;
    let years = match crate::years::of_site(root) {
        years if years.is_empty() => vec![year],
        years => years,
    };
    Answer::json(&serde_json::json!({
        "phase": phase_name(site.config.campaign.phase),
        "year": year,
        "years": years,
        "next": year + 1,
        "source": save::read(root, &file),
        "phases": [statement(&site, Phase::Publicity), statement(&site, Phase::Showcase)],
    }))
}

/// What switching the phase sends: the phase and the version of the file it is written in.
#[derive(Debug, Deserialize)]
struct Switch {
    phase: Phase,
    version: String,
}

/// `POST /api/phase`: the newest year's phase written (409 when its file changed on disk
/// since the page read it).
pub fn switch(root: &Path, body: &[u8]) -> Answer {
    let Ok(switch) = serde_json::from_slice::<Switch>(body) else {
        return save::bad_request();
    };
    let (file, keys) = phase_file(root);
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut document = Document::new(&text);
    document.set_path(keys, &[], &Value::from(phase_name(switch.phase)));
    save::answer(save::write_checked(
        root,
        &file,
        &document.text(),
        &switch.version,
    ))
}

/// `POST /api/years/next`: the next year's campaign begun (the settings copied, a site of one
/// year made one of several, its old addresses kept); the studio's history of the nominees
/// that moved goes with them.
pub fn begin_next(root: &Path) -> Answer {
    match crate::years::begin_next(root) {
        Ok(begun) => {
            if let Some(year) = begun.moved {
                let history = root.join(save::HISTORY_DIR);
                let old = history.join(crate::layout::LAUREATES_DIR);
                let laureates = crate::layout::laureates_dir(Path::new(""), Some(year));
                if old.is_dir() {
                    let _ = std::fs::create_dir_all(
                        history.join(&laureates).parent().unwrap_or(&history),
                    );
                    let _ = std::fs::rename(&old, history.join(&laureates));
                }
            }
            Answer::json(&serde_json::json!({ "year": begun.year, "moved": begun.moved }))
        }
        Err(problem) => Answer::json_status(409, &save::error(&problem.to_string())),
    }
}
