//! What a changed file means for the preview: [`classify`] names the kind of change (a pure
//! function of the path), [`plan`] picks the cheapest rebuild that covers every change.

use crate::layout::{
    INTRO_FILE, LAUREATES_DIR, PAGES_DIR, PHOTOS_DIR, PROFILE_FILE, SITE_CONFIG, STATIC_DIR,
    STORY_FILE, TEMPLATES_DIR, THEMES_DIR, VIDEOS_DIR,
};
use std::path::{Path, PathBuf};

/// The kind of a changed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A laureate's `story.md`.
    Story(PathBuf),
    /// A laureate's `profile.yaml`, or a laureate folder appearing or going.
    Profile,
    /// A photo of a laureate.
    Photo,
    /// A video of a laureate.
    Video,
    /// An extra page or the front page's introduction.
    Page,
    /// A template or theme file.
    Template,
    /// A file under `static/`.
    Static,
    /// `site.yaml`.
    Config,
    /// Anything else under the watched folders.
    Other,
}

/// The kind of change `path` (absolute, under `root`) is.
pub fn classify(root: &Path, path: &Path) -> Change {
    let Ok(relative) = path.strip_prefix(root) else {
        return Change::Other;
    };
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    let laureates: Vec<&str> = LAUREATES_DIR.split('/').collect();
    let pages: Vec<&str> = PAGES_DIR.split('/').collect();
    match parts.as_slice() {
        [SITE_CONFIG] => Change::Config,
        [first, ..] if *first == TEMPLATES_DIR || *first == THEMES_DIR => Change::Template,
        [first, ..] if *first == STATIC_DIR => Change::Static,
        _ if relative == Path::new(INTRO_FILE) => Change::Page,
        [a, b, ..] if [*a, *b] == pages[..] => Change::Page,
        [a, b, _folder, STORY_FILE] if [*a, *b] == laureates[..] => {
            Change::Story(path.to_path_buf())
        }
        [a, b, _folder, PHOTOS_DIR, ..] if [*a, *b] == laureates[..] => Change::Photo,
        [a, b, _folder, VIDEOS_DIR, ..] if [*a, *b] == laureates[..] => Change::Video,
        [a, b, _folder, PROFILE_FILE] | [a, b, _folder] if [*a, *b] == laureates[..] => {
            Change::Profile
        }
        _ => Change::Other,
    }
}

/// The rebuild a set of changes needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Only these stories changed: read them again and render their laureates' pages.
    Stories(Vec<PathBuf>),
    /// Only templates changed: render every page again from the loaded site and its media.
    Rerender,
    /// Only `static/` changed (served from disk): tell the browsers to reload.
    Reload,
    /// Anything else: load the site again, run the (cached) media stage and render it all.
    Everything,
}

/// The cheapest rebuild that covers every change in `changes`.
pub fn plan(changes: &[Change]) -> Plan {
    if changes.is_empty() {
        return Plan::Everything;
    }
    if changes.iter().all(|c| *c == Change::Static) {
        return Plan::Reload;
    }
    if changes
        .iter()
        .all(|c| matches!(c, Change::Template | Change::Static))
    {
        return Plan::Rerender;
    }
    let stories: Option<Vec<PathBuf>> = changes
        .iter()
        .map(|c| match c {
            Change::Story(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    stories.map_or(Plan::Everything, Plan::Stories)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_is_classified_by_its_place() {
        let root = Path::new("/site");
        let story = "content/laureates/李明远/story.md";
        let table: &[(&str, Change)] = &[
            ("site.yaml", Change::Config),
            (story, Change::Story(root.join(story))),
            ("content/laureates/李明远/profile.yaml", Change::Profile),
            ("content/laureates/李明远", Change::Profile),
            ("content/laureates/李明远/photos/李明远1.jpg", Change::Photo),
            ("content/laureates/李明远/videos/a.mp4", Change::Video),
            ("content/pages/about.md", Change::Page),
            ("content/index.md", Change::Page),
            ("templates/laureate.html", Change::Template),
            ("themes/red/templates/base.html", Change::Template),
            ("static/favicon.svg", Change::Static),
            ("static/img/logo.png", Change::Static),
            ("content/CREDITS.md", Change::Other),
            ("content/laureates/李明远/notes.txt", Change::Other),
        ];
        for (path, want) in table {
            assert_eq!(classify(root, &root.join(path)), *want, "{path}");
        }
    }

    #[test]
    fn the_plan_is_the_cheapest_that_covers_all_changes() {
        let story = Change::Story(PathBuf::from("/s/story.md"));
        let table: &[(&[Change], Plan)] = &[
            (&[], Plan::Everything),
            (
                std::slice::from_ref(&story),
                Plan::Stories(vec![PathBuf::from("/s/story.md")]),
            ),
            (&[Change::Static], Plan::Reload),
            (&[Change::Template, Change::Static], Plan::Rerender),
            (&[story.clone(), Change::Template], Plan::Everything),
            (&[story.clone(), Change::Photo], Plan::Everything),
            (&[Change::Config], Plan::Everything),
            (&[Change::Profile], Plan::Everything),
        ];
        for (changes, want) in table {
            assert_eq!(plan(changes), *want, "{changes:?}");
        }
    }
}
