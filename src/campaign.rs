//! A campaign site opened once, and what can be done with it. [`Campaign::open`] knows the
//! site's years and chooses the one to work on; site.yaml is read at most once (when an
//! operation needs it). The operations return data and never print: the command line and the
//! studio call the same ones and show what they return.
//!
//! ```no_run
//! use laurel::campaign::Campaign;
//! let campaign = Campaign::open("campaign-site".as_ref(), None).expect("a year it has");
//! let report = campaign.check().report;
//! println!("{} errors", report.errors);
//! ```

use crate::build::{self, BuildOptions, BuildSummary, Cancel, Progress};
use crate::check::{self, Memo, Report};
use crate::config::{Phase, SiteConfig};
use crate::content::{self, PartialSite};
use crate::deploy::{self, DeployOptions};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::import::{self, ImportOptions, ImportReport};
use crate::media::{self, Cache};
use crate::naming::{self, Rename};
use crate::scaffold::{self, Start};
use crate::years::{self, NoSuchYear};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A site and the year a command works on.
#[derive(Debug)]
pub struct Campaign {
    root: PathBuf,
    year: Option<u32>,
    /// The year's configuration, read when first needed (problems relative to the root).
    config: OnceLock<Result<SiteConfig, Diagnostics>>,
}

/// What `check` found, and the site it checked (`None` when site.yaml does not load).
#[derive(Debug)]
pub struct Checked {
    /// Every nominee that loaded, with the problems met on the way.
    pub site: Option<PartialSite>,
    /// The findings of every rule.
    pub report: Report,
}

/// The renames `check --fix-names` makes: each laureate's portrait and photos to the
/// notice's names (姓名0, 姓名1 …).
#[derive(Debug)]
pub struct RenamePlan {
    site: PartialSite,
    renames: Vec<Vec<Rename>>,
}

/// A laureate whose files could not be renamed.
#[derive(Debug)]
pub struct RenameFailed {
    /// The laureate's name.
    pub laureate: String,
    /// Why.
    pub error: std::io::Error,
}

impl Campaign {
    /// Opens the site at `root` on `year` (a year of a site of several years, or the year of a
    /// site of one year), else on the newest year. A year the site does not have is refused.
    pub fn open(root: &Path, year: Option<u32>) -> Result<Campaign, NoSuchYear> {
        let years = years::of_site(root);
        let mut campaign = Campaign::on(root, years.last().copied());
        // A site of one year has the year its site.yaml says.
        let single = match (year, years.is_empty()) {
            (Some(_), true) => campaign.config().ok().map(|c| c.campaign.year),
            _ => None,
        };
        campaign.year = years::choose(&years, single, year)?;
        Ok(campaign)
    }

    /// Opens the site at `root` on its newest year (a site of one year: its year).
    pub fn newest(root: &Path) -> Campaign {
        Campaign::on(root, years::newest(root))
    }

    fn on(root: &Path, year: Option<u32>) -> Campaign {
        Campaign {
            root: root.to_path_buf(),
            year,
            config: OnceLock::new(),
        }
    }

    /// Creates a new site in `dir`: the example campaign, or an empty real one.
    pub fn init(dir: &Path, start: Start) -> Result<(), Diagnostic> {
        scaffold::init(dir, start)
    }

    /// The site folder, as given.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The year folder worked on; `None` in a site of one year.
    pub fn year(&self) -> Option<u32> {
        self.year
    }

    /// The configuration of the year worked on (site.yaml, with the year's `campaign.yaml`),
    /// or why it does not load.
    pub fn config(&self) -> Result<&SiteConfig, &Diagnostics> {
        self.config
            .get_or_init(|| {
                years::config(&self.root, self.year).map_err(|p| p.relative_to(&self.root))
            })
            .as_ref()
    }

    /// Every nominee of the year that loads, whatever their status, with the problems met on
    /// the way; fails only when site.yaml does not load.
    pub fn nominees(&self) -> Result<PartialSite, Diagnostics> {
        let config = self.config().map_err(Clone::clone)?;
        Ok(content::load_partial_with(&self.root, config.clone()))
    }

    /// Checks every nomination of the year against the campaign's rules. What it learns of
    /// each photo and video is kept in the site's cache folder ([`Campaign::check_memo`]), so
    /// the next check reads only the files that changed.
    pub fn check(&self) -> Checked {
        let mut memo = self.check_memo();
        let checked = self.check_with(&mut memo);
        memo.save();
        checked
    }

    /// What earlier checks of the year learnt of its photos and videos, from the site's cache
    /// folder (`.laurel-cache/check.json`; a year of several: under `years/<year>/`).
    pub fn check_memo(&self) -> Memo {
        let mut dir = self.root.join(crate::layout::CACHE_DIR);
        if let Some(year) = self.year {
            dir = dir.join("years").join(year.to_string());
        }
        Memo::open(&self.root, &dir)
    }

    /// [`Campaign::check`] with what `memo` knows of the files, kept in it for the next
    /// check (the studio holds one for its session).
    pub fn check_with(&self, memo: &mut Memo) -> Checked {
        match self.nominees() {
            Ok(site) => Checked {
                report: check::check_partial_with(&site, memo),
                site: Some(site),
            },
            Err(problems) => Checked {
                report: Report::of_broken_config(&problems),
                site: None,
            },
        }
    }

    /// What `check --fix-names` would rename; `None` when the site does not load (the check
    /// says why).
    pub fn rename_plan(&self) -> Option<RenamePlan> {
        let site = self.nominees().ok()?;
        let renames = site.site.laureates.iter().map(naming::plan).collect();
        Some(RenamePlan { site, renames })
    }

    /// Builds the site into `output`, unless nothing changed since the last good build;
    /// `cancel` may stop it between steps (the output then stays as it was).
    pub fn build(
        &self,
        output: &Path,
        progress: Option<Progress>,
        cancel: Cancel,
    ) -> Result<BuildSummary, Diagnostics> {
        build::build(&BuildOptions {
            root: self.root.clone(),
            output: output.to_path_buf(),
            progress,
            cancel,
        })
    }

    /// Makes the site's images of the nominee in `folder` ahead of the build, into the cache
    /// the build takes them from, so that the next build finds them made (the studio does this
    /// after an upload). `progress` is told (made, in all) after each image. Nothing is made in
    /// the 公示 phase, which publishes no photo. The problems are those of images that could
    /// not be made; `Ok` holds how many were asked for.
    pub fn make_images_of(
        &self,
        folder: &Path,
        progress: &dyn Fn(usize, usize),
    ) -> Result<usize, Diagnostics> {
        let site = self.nominees()?.site;
        let laureate = site.laureates.iter().find(|l| l.folder == folder);
        let (Some(laureate), Phase::Showcase) = (laureate, site.config.campaign.phase) else {
            return Ok(0);
        };
        let settings = &site.config.images;
        let requests = media::laureate_image_requests(laureate, settings);
        let cache = self.media_cache();
        let mut problems = Diagnostics::default();
        for (made, request) in requests.iter().enumerate() {
            if let Err(e) = media::process_image(request, settings, &cache) {
                let problem = e.into_diagnostic(&request.source);
                problems.push(problem.relative_to(&self.root));
            }
            progress(made + 1, requests.len());
        }
        problems.into_result(requests.len())
    }

    /// The cache the build keeps this year's images in (a site of several years keeps one
    /// folder per year).
    fn media_cache(&self) -> Cache {
        let cache = Cache::new(self.root.join(crate::layout::CACHE_DIR));
        match self.year {
            Some(year) if !years::of_site(&self.root).is_empty() => cache.for_year(year),
            _ => cache,
        }
    }

    /// Imports nominations as received (or, when `dry_run`, only plans it).
    pub fn import(&self, sources: Vec<PathBuf>, dry_run: bool) -> ImportReport {
        import::import(&ImportOptions {
            root: self.root.clone(),
            sources,
            dry_run,
        })
    }

    /// Publishes `options.public` to the deploy target (or, when `dry_run`, lists the
    /// changes); the site is this campaign's whatever `options.root` says. `options.cancel`
    /// may stop it between uploads (the target then is as an interrupted deploy leaves it).
    pub fn deploy(&self, options: DeployOptions) -> Result<deploy::Summary, Diagnostics> {
        deploy::deploy(&DeployOptions {
            root: self.root.clone(),
            ..options
        })
    }

    /// Adds a laureate folder named `name` where new nominees go; returns it.
    pub fn new_laureate(&self, name: &str) -> Result<PathBuf, Diagnostic> {
        scaffold::new_laureate(&self.root, name)
    }
}

impl RenamePlan {
    /// The site folder the renamed files are in.
    pub fn root(&self) -> &Path {
        &self.site.site.root
    }

    /// Every rename, laureate by laureate.
    pub fn renames(&self) -> impl Iterator<Item = &Rename> {
        self.renames.iter().flatten()
    }

    /// Renames the files and updates each profile.yaml; the number of files renamed. Stops
    /// at the first laureate whose files cannot be renamed.
    pub fn apply(&self) -> Result<usize, RenameFailed> {
        for (laureate, renames) in self.site.site.laureates.iter().zip(&self.renames) {
            naming::apply(laureate, renames).map_err(|error| RenameFailed {
                laureate: laureate.name.clone(),
                error,
            })?;
        }
        Ok(self.renames().count())
    }
}

#[cfg(test)]
mod tests {
    use super::Campaign;

    #[test]
    fn a_site_of_one_year_is_opened_on_its_year_and_refuses_another() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            "title: 测试\ncampaign:\n  year: 2024\n",
        )
        .unwrap();
        let campaign = Campaign::open(dir.path(), Some(2024)).expect("its own year");
        assert_eq!(campaign.year(), None);
        let refused = Campaign::open(dir.path(), Some(2023)).unwrap_err();
        assert_eq!((refused.asked, refused.single), (2023, Some(2024)));
    }
}
