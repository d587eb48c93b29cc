//! A nominee's page: the form's fields and values, check's findings on the unsaved form (at
//! their field), and the preview, the real profile page and H5 card rendered by laurel from
//! the unsaved form and story (into memory, served under the site's own paths), their photos
//! small JPEGs the studio makes when the page asks for them (never the originals).

use super::draft::Draft;
use super::profile::{self, FIELDS};
use super::{save, Answer};
use crate::check::{Finding, Severity};
use crate::content::{Channel, Focus, Laureate, Status};
use crate::media::{Format, MediaIndex, ProcessedImage, Shape, ShapeSet, Variant};
use crate::render::{Collect, RenderOptions};
use crate::routes::Route;
use crate::yaml::{edit::Document, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The files of the newest preview, by path below the site's root path, and its images.
#[derive(Debug, Default)]
pub struct Previews {
    root: String,
    files: BTreeMap<String, Vec<u8>>,
    /// The images its pages show, by file name under `media/`.
    images: BTreeMap<String, Thumbnail>,
}

/// An image of the preview: a photo of the site in one shape around its focal point.
#[derive(Debug, Clone)]
struct Thumbnail {
    source: PathBuf,
    shape: Shape,
    focus: (f32, f32),
}

impl Thumbnail {
    /// The small JPEG, kept by the browser (its name changes with the file and the focus).
    fn answer(&self) -> Answer {
        let width = super::photos::PREVIEW_WIDTH;
        match crate::media::preview_jpeg(&self.source, width, self.shape, self.focus) {
            Ok(jpeg) => Answer::new(200, "image/jpeg", jpeg)
                .header("Cache-Control", "private, max-age=86400"),
            Err(_) => Answer::not_found(),
        }
    }
}

/// The folder of nominee `name` (a folder name of the newest year), relative to `root`, when
/// the studio may write in it.
fn folder_of(root: &Path, name: &str) -> Option<PathBuf> {
    let year = crate::years::newest(root);
    let dir = crate::layout::laureates_dir(root, year).join(name);
    let rel = dir
        .strip_prefix(root)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    let resolved = save::writable(root, &rel)?;
    let single = !name.is_empty() && !name.contains(['/', '\\']) && resolved.is_dir();
    single.then(|| resolved.strip_prefix(root).map(Path::to_path_buf).ok())?
}

/// One field as the form shows it.
#[derive(Debug, Serialize)]
struct FieldView {
    key: &'static str,
    label: String,
    kind: &'static str,
    required: bool,
    choices: Vec<(String, String)>,
}

/// `GET /api/nominee?folder=…`: the profile and story (with their versions), the form's
/// fields and their values.
pub fn open(root: &Path, name: &str) -> Answer {
    let Some(rel) = folder_of(root, name) else {
        return Answer::not_found();
    };
    let profile = save::read(root, &root.join(&rel).join(crate::layout::PROFILE_FILE));
    let story = save::read(root, &root.join(&rel).join(crate::layout::STORY_FILE));
    let parsed: Value = serde_yaml::from_str(&profile.text).unwrap_or(Value::Null);
    let values: BTreeMap<&str, Value> = FIELDS
        .iter()
        .map(|f| (f.key, profile::value_of(&parsed, f)))
        .collect();
    Answer::json(&serde_json::json!({
        "folder": name,
        "name": crate::yaml::scalar_text(&values["name"]),
        "profile": profile,
        "story": story,
        "values": values,
        "fields": fields(root),
    }))
}

/// The form's fields, with the choices of `site.yaml`.
fn fields(root: &Path) -> Vec<FieldView> {
    let categories = crate::years::config(root, crate::years::newest(root))
        .map(|c| c.campaign.categories)
        .unwrap_or_default();
    FIELDS
        .iter()
        .map(|f| FieldView {
            key: f.key,
            label: crate::tr!("studio-field", key = f.key),
            kind: f.kind,
            required: f.required,
            choices: match f.key {
                "gender" => ["男", "女"].map(|g| (g.to_string(), g.to_string())).into(),
                "category" => categories.iter().map(|c| (c.clone(), c.clone())).collect(),
                "channel" => [
                    ("county", Channel::County),
                    ("society", Channel::Society),
                    ("university", Channel::University),
                ]
                .map(|(v, c)| (v.to_string(), c.label().to_string()))
                .into(),
                "status" => ["nominated", "selected", "not_selected"]
                    .map(|s| (s.to_string(), crate::tr!("studio-status", status = s)))
                    .into(),
                _ => Vec::new(),
            },
        })
        .collect()
}

/// What the page sends to check or preview: the nominee, the form's values, the story.
#[derive(Debug, Deserialize)]
struct Unsaved {
    folder: String,
    values: BTreeMap<String, Value>,
    story: String,
}

/// The draft of the unsaved nominee of `body`, or the answer saying why there is none.
fn draft(root: &Path, body: &[u8]) -> Result<Draft, Answer> {
    let unsaved: Unsaved = serde_json::from_slice(body).map_err(|_| save::bad_request())?;
    let rel = folder_of(root, &unsaved.folder).ok_or_else(Answer::not_found)?;
    let current = std::fs::read_to_string(root.join(&rel).join(crate::layout::PROFILE_FILE))
        .unwrap_or_default();
    let text = profile::apply(&current, &unsaved.values).map_err(|key| {
        Answer::json_status(
            400,
            &save::error(&crate::tr!("studio-unknown-field", key = key)),
        )
    })?;
    Draft::new(root, &rel, &text, &unsaved.story).map_err(|e| {
        Answer::json_status(
            500,
            &save::error(&crate::tr!("studio-cannot-write", reason = e.to_string())),
        )
    })
}

/// A finding with the form's field it is about.
#[derive(Debug, Serialize)]
struct AtField {
    #[serde(flatten)]
    finding: Finding,
    field: Option<&'static str>,
}

/// `POST /api/validate`: check's findings about the unsaved nominee, each at its field.
pub fn validate(root: &Path, body: &[u8]) -> Answer {
    let draft = match draft(root, body) {
        Ok(draft) => draft,
        Err(refusal) => return refusal,
    };
    let profile =
        std::fs::read_to_string(draft.folder.join(crate::layout::PROFILE_FILE)).unwrap_or_default();
    let document = Document::new(&profile);
    at_fields(draft.findings(), |finding| field_of(finding, &document))
}

/// The answer of a check of an unsaved form: the counts, and each finding with the field
/// `field` says it is about.
pub(super) fn at_fields(
    findings: Vec<Finding>,
    field: impl Fn(&Finding) -> Option<&'static str>,
) -> Answer {
    let findings: Vec<AtField> = findings
        .into_iter()
        .map(|finding| AtField {
            field: field(&finding),
            finding,
        })
        .collect();
    let errors = findings
        .iter()
        .filter(|f| f.finding.severity == Severity::Error)
        .count();
    Answer::json(&serde_json::json!({
        "errors": errors,
        "warnings": findings.len() - errors,
        "findings": findings,
    }))
}

/// The form's field a finding is about: the key of its line in profile.yaml, else the field
/// its message's `key` argument is (`field-missing` of `recommender`), else the field its message names (`性别（gender）`) or its message id starts with (`birth-missing`).
fn field_of(finding: &Finding, profile: &Document) -> Option<&'static str> {
    let in_profile = finding.place.file.ends_with(crate::layout::PROFILE_FILE);
    let by_line = finding
        .place
        .line
        .filter(|_| in_profile)
        .and_then(|line| profile.key_at(line))
        .and_then(|key| {
            FIELDS
                .iter()
                .find(|f| f.key == key || f.aliases.contains(&key.as_str()))
        });
    let by_key_argument = || match &finding.message {
        crate::finding::Message::Said(said) => {
            said.args.iter().find_map(|(name, value)| match value {
                crate::i18n::Arg::Text(key) if *name == "key" => {
                    FIELDS.iter().find(|f| f.key == key)
                }
                _ => None,
            })
        }
        _ => None,
    };
    let by_words = || {
        let text = finding.text();
        FIELDS.iter().find(|f| {
            let id = finding.message.id().unwrap_or_default();
            id.split('-').next() == Some(f.key)
                || text.contains(&format!("（{}）", f.key))
                || text.contains(&format!("`{}`", f.key))
        })
    };
    by_line
        .or_else(by_key_argument)
        .or_else(by_words)
        .map(|f| f.key)
}

/// `POST /api/render`: the unsaved nominee's profile page and H5 card rendered into
/// `previews`; their addresses.
pub fn preview(root: &Path, body: &[u8], previews: &Mutex<Previews>) -> Answer {
    let draft = match draft(root, body) {
        Ok(draft) => draft,
        Err(refusal) => return refusal,
    };
    match render(root, &draft) {
        Ok((rendered, profile, card)) => {
            let at = rendered.root.clone();
            *previews.lock().unwrap_or_else(|e| e.into_inner()) = rendered;
            Answer::json(&serde_json::json!({
                "profile": format!("{at}{profile}"),
                "card": format!("{at}{card}"),
            }))
        }
        Err(why) => Answer::json_status(422, &save::error(&why)),
    }
}

/// The draft's nominee rendered as a published laureate of a showcase, with their photos as
/// the studio's small images, without videos and without anything private: the files, and
/// the profile page's and embeddable card's paths (the card made for frames, which does not
/// take the cursor from the form).
fn render(root: &Path, draft: &Draft) -> Result<(Previews, String, String), String> {
    let partial = draft.load().map_err(|problems| problems.to_string())?;
    let mut site = partial.site;
    let mut laureate = site
        .laureates
        .pop()
        .ok_or_else(|| crate::tr!("studio-preview-unloaded"))?;
    laureate.status = Status::Selected;
    laureate.videos.clear();
    laureate.private.clear();
    let (media, images) = thumbnails(&laureate, &draft.root, root);
    let slug = laureate.slug.clone();
    site.laureates = vec![laureate];
    site.config.campaign.phase = crate::config::Phase::Showcase;
    let options = RenderOptions {
        minify: false,
        only_laureates: None,
        years: None,
    };
    let sink = Collect::default();
    crate::render::render_into(&site, &media, &options, &sink)
        .map_err(|problems| problems.to_string())?;
    let routes = site.routes();
    let previews = Previews {
        root: routes.root().to_string(),
        files: sink.into_site().files,
        images,
    };
    let page = |route: Route| {
        routes
            .url(&route)
            .trim_start_matches(routes.root())
            .to_string()
    };
    Ok((
        previews,
        page(Route::Profile(&slug)),
        page(Route::CardEmbed(&slug)),
    ))
}

/// The laureate's images as the preview's pages ask for them (each role's shape of each photo,
/// as the media stage would make them), each one small JPEG named after its source file (from
/// the draft at `draft` back to the site at `root`), its time, shape and focus.
fn thumbnails(
    l: &Laureate,
    draft: &Path,
    root: &Path,
) -> (MediaIndex, BTreeMap<String, Thumbnail>) {
    let mut made: BTreeMap<PathBuf, ProcessedImage> = BTreeMap::new();
    let mut images = BTreeMap::new();
    for (photo, role) in crate::media::laureate_images(l) {
        let Ok((width, height)) = crate::media::source_dimensions(&photo.source) else {
            continue;
        };
        let (Focus::Set(x, y) | Focus::Auto(x, y)) = photo.focus;
        let shape = role.shape();
        let [_, _, w, h] = crate::media::crop_fractions(width, height, shape, (x, y));
        let (crop_w, crop_h) = (w * f64::from(width), h * f64::from(height));
        let shown = f64::from(super::photos::PREVIEW_WIDTH).min(crop_w).max(1.0);
        let source = root.join(photo.source.strip_prefix(draft).unwrap_or(&photo.source));
        let time = std::fs::metadata(&source).and_then(|m| m.modified()).ok();
        let key = format!("{}|{shape:?}|{x}|{y}|{time:?}", source.display());
        let file = format!(
            "studio-{}.jpg",
            &blake3::hash(key.as_bytes()).to_hex()[..16]
        );
        let variant = Variant {
            file: file.clone(),
            width: shown.round() as u32,
            height: (shown * crop_h / crop_w).round().max(1.0) as u32,
            format: Format::Jpeg,
        };
        let processed = made
            .entry(photo.source.clone())
            .or_insert_with(|| ProcessedImage {
                placeholder: "#e6e9ec".to_string(),
                shapes: BTreeMap::new(),
                focus: (x, y),
            });
        processed.shapes.insert(
            shape,
            ShapeSet {
                variants: vec![variant],
            },
        );
        let focus = (x, y);
        images.insert(
            file,
            Thumbnail {
                source,
                shape,
                focus,
            },
        );
    }
    let mut media = MediaIndex::default();
    for (source, image) in made {
        media.add_image(source, image);
    }
    (media, images)
}

/// A file of the newest preview (`/zuimei/laureates/x/`, its images under `media/`), served
/// with a policy that lets the studio's page frame it.
pub fn preview_file(previews: &Mutex<Previews>, path: &str) -> Answer {
    let previews = previews.lock().unwrap_or_else(|e| e.into_inner());
    let Some(rel) = path.strip_prefix(previews.root.as_str()) else {
        return Answer::not_found();
    };
    let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
    let image = rel
        .strip_prefix(crate::media::MEDIA_DIR)
        .and_then(|name| name.strip_prefix('/'))
        .and_then(|name| previews.images.get(name).cloned());
    if let Some(image) = image {
        drop(previews);
        return image.answer();
    }
    let found = [rel.to_string(), format!("{rel}index.html")]
        .into_iter()
        .find_map(|p| previews.files.get(&p).map(|bytes| (p, bytes)));
    match found {
        Some((name, bytes)) => Answer::new(200, &crate::routes::content_type(&name), bytes.clone())
            .header("Content-Security-Policy", PREVIEW_CSP)
            .header("X-Frame-Options", "SAMEORIGIN"),
        None => Answer::not_found(),
    }
}

/// The preview's pages: the theme's own styles and scripts (its inline ones too: the story's
/// HTML in them is the site's sanitised HTML, as published), no requests of their own, framed
/// only by the studio.
const PREVIEW_CSP: &str = "default-src 'none'; script-src 'self' 'unsafe-inline'; \
style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'none'; \
base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
