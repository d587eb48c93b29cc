//! A site of several years (`content/2022/`, `content/2023/` …): what one year's render needs
//! to know of the others, and what each year gives the pages of the whole site (the sitemap,
//! the search index and the 历届 page). The newest year's render writes those pages; every
//! year's pages live under `/<year>/`.

use super::views::{filters_of, page_count, page_route, publicity_published, FilterView, YearLink};
use crate::config::Phase;
use crate::content::{Laureate, Site};
use crate::routes::{filter_slug, Route, Routes};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the render of one year of a site of several years knows of the whole site.
#[derive(Debug, Clone, Default)]
pub struct YearsContext {
    /// Every year, newest first, with its front page.
    pub years: Vec<YearLink>,
    /// For the newest year, which writes the pages of the whole site: what the other years
    /// give them. `None` for the other years.
    pub others: Option<Vec<YearSummary>>,
    /// This year's pages were at the site root before the site held several years: pages at
    /// those old addresses lead to the new ones.
    pub old_urls: bool,
    /// By slug of this year, for a person honoured in several years: their page of each
    /// year, oldest first.
    pub person_years: BTreeMap<String, Vec<YearLink>>,
}

/// What one year gives the pages of the whole site.
#[derive(Debug, Clone, Default)]
pub struct YearSummary {
    /// The absolute URLs of the year's pages, for the sitemap.
    pub sitemap: Vec<String>,
    /// The year's entries of `search.json`.
    pub search: Vec<SearchEntry>,
    /// The year's rows of the 历届 page.
    pub archive: Vec<ArchiveEntry>,
}

/// One entry of `search.json`.
#[derive(Debug, Clone, Serialize)]
pub struct SearchEntry {
    /// 姓名.
    pub name: String,
    /// The profile page.
    pub url: String,
    /// 工作单位.
    pub organization: String,
    /// 专业领域.
    pub field: String,
    /// 县市区.
    pub region: String,
    /// 类别.
    pub category: String,
    /// The campaign year.
    pub year: u32,
    /// The name's pinyin, syllables joined by `-` ([`super::search::pinyin`]).
    pub pinyin: String,
    /// The story's frequent words, two characters each ([`super::search::words`]).
    pub words: String,
}

/// One laureate on the 历届 page.
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveEntry {
    /// The campaign year.
    pub year: u32,
    /// 姓名.
    pub name: String,
    /// The profile page (the 公示 while that year is in its 公示 phase).
    pub url: String,
    /// 工作单位.
    pub organization: String,
    /// 类别, with the slug the filter uses.
    pub category: Option<FilterView>,
    /// 县市区, with the slug the filter uses.
    pub region: Option<FilterView>,
}

/// The 历届 page's filters: one group of choices per key, each choice with its count.
#[derive(Debug, Serialize)]
pub struct ArchiveFilters {
    /// The years, newest first.
    pub years: Vec<FilterView>,
    /// The categories.
    pub categories: Vec<FilterView>,
    /// The regions.
    pub regions: Vec<FilterView>,
}

impl ArchiveFilters {
    /// The choices found in `entries`.
    pub fn of(entries: &[ArchiveEntry]) -> ArchiveFilters {
        let mut years: Vec<FilterView> =
            filters_of(entries.iter().map(|e| e.year.to_string()), |_| {
                String::new()
            });
        years.sort_by(|a, b| b.name.cmp(&a.name));
        let named = |pick: fn(&ArchiveEntry) -> &Option<FilterView>| {
            filters_of(
                entries
                    .iter()
                    .filter_map(|e| pick(e).as_ref().map(|f| f.name.clone())),
                |_| String::new(),
            )
        };
        ArchiveFilters {
            years,
            categories: named(|e| &e.category),
            regions: named(|e| &e.region),
        }
    }
}

/// What `site` (one year) gives the pages of the whole site. In the 公示 phase its people
/// are listed with the 公示 as their page, and only the 公示 is in the sitemap.
pub fn summary(site: &Site) -> YearSummary {
    let routes = site.routes();
    let showcase = site.config.campaign.phase == Phase::Showcase;
    let year = site.config.campaign.year;
    let page = |l: &Laureate| match showcase {
        true => routes.url(&Route::Profile(&l.slug)),
        false => routes.url(&Route::Publicity),
    };
    let filter = |name: &str| {
        (!name.is_empty()).then(|| FilterView {
            name: name.to_string(),
            slug: filter_slug(name),
            url: String::new(),
            count: 0,
        })
    };
    let search = match showcase {
        true => site
            .laureates
            .iter()
            .map(|l| search_entry(l, &routes, year))
            .collect(),
        false => Vec::new(),
    };
    YearSummary {
        sitemap: year_sitemap(site, &routes),
        search,
        archive: site
            .laureates
            .iter()
            .map(|l| ArchiveEntry {
                year,
                name: l.name.clone(),
                url: page(l),
                organization: l.organization.clone(),
                category: filter(&l.category),
                region: filter(&l.region),
            })
            .collect(),
    }
}

/// A laureate's entry in `search.json`.
fn search_entry(laureate: &Laureate, routes: &Routes, year: u32) -> SearchEntry {
    let known = [
        &laureate.name,
        &laureate.organization,
        &laureate.field,
        &laureate.region,
        &laureate.category,
    ]
    .map(String::as_str)
    .join(" ");
    SearchEntry {
        pinyin: super::search::pinyin(&laureate.name),
        words: super::search::words(laureate, &known),
        name: laureate.name.clone(),
        url: routes.url(&Route::Profile(&laureate.slug)),
        organization: laureate.organization.clone(),
        field: laureate.field.clone(),
        region: laureate.region.clone(),
        category: laureate.category.clone(),
        year,
    }
}

/// The absolute URLs of one year's own pages (not the extra pages, which belong to the whole
/// site).
fn year_sitemap(site: &Site, routes: &Routes) -> Vec<String> {
    let (categories, regions) = (
        filter_slugs(site, |l| &l.category),
        filter_slugs(site, |l| &l.region),
    );
    let mut pages = vec![Route::Home];
    if publicity_published(&site.config) {
        pages.push(Route::Publicity);
    }
    if site.config.campaign.phase == Phase::Showcase {
        pages.push(Route::Gallery);
        pages.extend(site.laureates.iter().map(|l| Route::Profile(&l.slug)));
        pages.extend(categories.iter().map(|s| Route::Category(s)));
        pages.extend(regions.iter().map(|s| Route::Region(s)));
    }
    let mut urls: Vec<String> = pages.iter().filter_map(|r| routes.absolute(r)).collect();
    if site.config.campaign.phase == Phase::Showcase {
        urls.extend(later_pages(site, routes));
    }
    urls
}

/// The distinct filter slugs of one value of the laureates (category or region), sorted.
fn filter_slugs(site: &Site, value: fn(&Laureate) -> &str) -> Vec<String> {
    let mut slugs: Vec<String> = site
        .laureates
        .iter()
        .map(value)
        .filter(|v| !v.is_empty())
        .map(filter_slug)
        .collect();
    slugs.sort();
    slugs.dedup();
    slugs
}

/// The absolute URLs of the pages after the first of the lists split into pages: the front
/// page's grid, the gallery and each filter (the kit is not for search engines).
fn later_pages(site: &Site, routes: &Routes) -> Vec<String> {
    let paginate = site.config.paginate;
    let with_photos = site
        .laureates
        .iter()
        .filter(|l| !l.photos.is_empty())
        .count();
    let count_of = |value: fn(&Laureate) -> &str, slug: &str| {
        site.laureates
            .iter()
            .filter(|l| filter_slug(value(l)) == slug)
            .count()
    };
    let (categories, regions) = (
        filter_slugs(site, |l| &l.category),
        filter_slugs(site, |l| &l.region),
    );
    let mut lists: Vec<(Route, usize, usize)> = vec![
        (Route::Home, site.laureates.len(), paginate.grid),
        (Route::Gallery, with_photos, paginate.gallery),
    ];
    lists.extend(categories.iter().map(|s| {
        (
            Route::Category(s),
            count_of(|l| &l.category, s),
            paginate.grid,
        )
    }));
    lists.extend(
        regions
            .iter()
            .map(|s| (Route::Region(s), count_of(|l| &l.region, s), paginate.grid)),
    );
    lists
        .iter()
        .flat_map(|(list, items, per_page)| {
            (2..=page_count(*items, *per_page))
                .filter_map(move |n| routes.absolute(&page_route(list, n)))
        })
        .collect()
}

/// For each year of `sites`, by slug: the pages of a person in every year they were honoured,
/// when that is more than one. A person is the same when name and 出生年月 agree (name and
/// 工作单位 when a birth is missing).
pub fn person_years(sites: &[Site]) -> Vec<BTreeMap<String, Vec<YearLink>>> {
    let key = |l: &Laureate| match l.birth {
        Some(birth) => format!("{}|{birth}", l.name),
        None => format!("{}|{}", l.name, l.organization),
    };
    let mut people: BTreeMap<String, Vec<YearLink>> = BTreeMap::new();
    for site in sites {
        let routes = site.routes();
        for laureate in &site.laureates {
            people.entry(key(laureate)).or_default().push(YearLink {
                year: site.config.campaign.year,
                url: routes.url(&Route::Profile(&laureate.slug)),
            });
        }
    }
    sites
        .iter()
        .map(|site| {
            site.laureates
                .iter()
                .filter_map(|l| {
                    let years = &people[&key(l)];
                    (years.len() > 1).then(|| (l.slug.clone(), years.clone()))
                })
                .collect()
        })
        .collect()
}
