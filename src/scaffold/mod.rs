//! `laurel init` and `laurel new`: a ready-to-build site from the embedded example, and a new
//! laureate folder with a commented profile. Both work from an installed binary anywhere.

use crate::content::LAUREATES_DIR;
use crate::diagnostics::Diagnostic;
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

static EXAMPLE_CONTENT: Dir = include_dir!("$CARGO_MANIFEST_DIR/content");
static EXAMPLE_STATIC: Dir = include_dir!("$CARGO_MANIFEST_DIR/static");
const EXAMPLE_SITE_YAML: &str = include_str!("../../site.yaml");
const EMPTY_SITE_YAML: &str = include_str!("site.yaml");
const PROFILE_TEMPLATE: &str = include_str!("profile.yaml");
const STORY_TEMPLATE: &str = include_str!("story.md");

/// What `laurel init` starts a site from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The example campaign: nine laureates, photos, pages; for trying laurel out.
    Example,
    /// A real campaign: the notice's rules, no people, no example texts.
    Empty,
}

/// Creates a new site in `dir` (created if missing), from the example campaign or empty.
/// Refuses to touch a folder that already holds a site.
pub fn init(dir: &Path, start: Start) -> Result<(), Diagnostic> {
    let site_yaml = dir.join(crate::config::FILE_NAME);
    if site_yaml.exists() {
        return Err(Diagnostic::new(&site_yaml, crate::tr!("init-exists"))
            .hint(crate::tr!("init-exists-hint")));
    }
    let io = |e: std::io::Error| {
        Diagnostic::new(dir, crate::tr!("init-cannot-create", error = e.to_string()))
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    match start {
        Start::Example => {
            std::fs::write(&site_yaml, EXAMPLE_SITE_YAML).map_err(io)?;
            extract(&EXAMPLE_CONTENT, &dir.join(crate::layout::CONTENT_DIR)).map_err(io)?;
        }
        Start::Empty => {
            std::fs::write(
                &site_yaml,
                empty_site_yaml(crate::review::select::today().year),
            )
            .map_err(io)?;
            std::fs::create_dir_all(dir.join(LAUREATES_DIR)).map_err(io)?;
        }
    }
    extract(&EXAMPLE_STATIC, &dir.join(crate::layout::STATIC_DIR)).map_err(io)?;
    std::fs::write(dir.join(".gitignore"), "public/\n.laurel-cache/\n").map_err(io)
}

/// The empty campaign's site.yaml for a campaign of `year` (its year, the deadline ages are
/// computed at, the example of its official name): a campaign begun today is this year's.
fn empty_site_yaml(year: u32) -> String {
    EMPTY_SITE_YAML.replace("2022", &year.to_string())
}

fn extract(embedded: &Dir, target: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(target)?;
    for file in embedded.files() {
        let path = target.join(file.path());
        std::fs::create_dir_all(path.parent().expect("embedded files have a parent"))?;
        std::fs::write(path, file.contents())?;
    }
    for sub in embedded.dirs() {
        std::fs::create_dir_all(target.join(sub.path()))?;
        extract(sub, target)?;
    }
    Ok(())
}

/// Adds a laureate folder named after `name` to the site at `root`, with a commented
/// `profile.yaml`, a `story.md` and an empty `photos/` folder. Returns the folder.
pub fn new_laureate(root: &Path, name: &str) -> Result<PathBuf, Diagnostic> {
    let name = name.trim();
    let valid = !name.is_empty() && !name.contains(['/', '\\', ':']) && name != "." && name != "..";
    if !valid {
        return Err(
            Diagnostic::new(root, crate::tr!("new-bad-name", name = name))
                .hint(crate::tr!("new-bad-name-hint")),
        );
    }
    // 买买提•艾力 → 买买提·艾力, as import writes names.
    let name = &crate::import::normalise::name(name);
    let folder = crate::years::current_laureates_dir(root).join(crate::naming::windows_safe(name));
    if folder.exists() {
        return Err(
            Diagnostic::new(&folder, crate::tr!("new-exists")).hint(crate::tr!("new-exists-hint"))
        );
    }
    let io = |e: std::io::Error| {
        Diagnostic::new(
            &folder,
            crate::tr!("new-cannot-create", error = e.to_string()),
        )
    };
    std::fs::create_dir_all(folder.join(crate::layout::PHOTOS_DIR)).map_err(io)?;
    let quoted = name.replace('"', "");
    std::fs::write(
        crate::layout::profile_file(&folder),
        PROFILE_TEMPLATE.replace("张三", &quoted),
    )
    .map_err(io)?;
    std::fs::write(
        crate::layout::story_file(&folder),
        STORY_TEMPLATE.replace("张三", &quoted),
    )
    .map_err(io)?;
    Ok(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_campaign_begun_today_is_this_years() {
        let text = empty_site_yaml(2026);
        let config = crate::config::SiteConfig::parse(&text, Path::new("site.yaml")).unwrap();
        assert_eq!(config.campaign.year, 2026);
        assert!(text.contains("reference_date: 2026-04-20"), "{text}");
        assert!(!text.contains("2022"), "{text}");
    }
}
