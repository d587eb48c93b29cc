//! One [`Finding`] for everything laurel finds in a site's input: load problems, the rules of
//! `laurel check`, import's report and the build's warnings. A finding names its [`Rule`], its
//! [`Severity`], its [`Place`] and its [`Message`] (an id of laurel's message files with its
//! arguments, worded in the reader's language when it is shown).
//!
//! `--format json` gives a finding as `rule`, `severity`, `laureate`, `unit`, `laureates`,
//! `file`, `line`, `message_id`, `message` and `fix` (README: *laurel check*); import's report
//! gives its problems in their own shape ([`as_problems`]).

use crate::diagnostics::Diagnostic;
use crate::i18n::Said;
use crate::tr;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks a rule of the notice: the nomination cannot go forward like this.
    Error,
    /// Worth a look; the notice allows it in principle, or the editors' choice is pending.
    Warning,
}

/// Declares [`Rule`] with the stable id of each rule (README: *laurel check*, *Rules*).
macro_rules! rules {
    ($($(#[$doc:meta])* $rule:ident = $id:literal,)*) => {
        /// What a finding is about: a rule of the campaign, or the kind of load problem.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($(#[$doc])* $rule,)*
        }

        impl Rule {
            /// Every rule, in the order of the README's list.
            pub const ALL: &'static [Rule] = &[$(Rule::$rule,)*];

            /// Its stable id, as `--format json` and the text report give it.
            pub fn id(self) -> &'static str {
                match self {
                    $(Rule::$rule => $id,)*
                }
            }
        }
    };
}

rules! {
    /// A required profile field is missing or invalid.
    RequiredField = "required-field",
    /// The summary is missing or too long.
    SummaryLength = "summary-length",
    /// The story is empty.
    StoryEmpty = "story-empty",
    /// The laureate has not (yet) given consent.
    ConsentMissing = "consent-missing",
    /// An identity the notice excludes.
    ExcludedIdentity = "excluded-identity",
    /// An honour that makes a nomination unlikely.
    PriorHonor = "prior-honor",
    /// The portrait is missing, of the wrong shape or too small.
    Portrait = "portrait",
    /// Too few or too many life/work photos.
    PhotoCount = "photo-count",
    /// A photo that is not a JPEG.
    PhotoFormat = "photo-format",
    /// A photo below the notice's size.
    PhotoSize = "photo-size",
    /// A photo not named 姓名+序号.
    PhotoName = "photo-name",
    /// A photo without a caption.
    PhotoCaption = "photo-caption",
    /// An image that cannot be read.
    PhotoUnreadable = "photo-unreadable",
    /// A video that cannot be read as MP4/MOV.
    VideoFormat = "video-format",
    /// A video longer than the notice allows.
    VideoDuration = "video-duration",
    /// A video of a size the notice does not allow.
    VideoResolution = "video-resolution",
    /// A video without captions.
    VideoCaptions = "video-captions",
    /// The same photo for two laureates.
    SharedPhoto = "shared-photo",
    /// Template text left in a profile or story.
    Placeholder = "placeholder",
    /// Raw HTML the sanitiser removes.
    HtmlRemoved = "html-removed",
    /// `base_url` is missing.
    BaseUrl = "base-url",
    /// A link that leads to no page.
    BrokenLink = "broken-link",
    /// An image in a story.
    BrokenImage = "broken-image",
    /// Personal data in public text.
    PrivateData = "private-data",
    /// More selected laureates than places.
    LaureateQuota = "laureate-quota",
    /// The province picks.
    ProvincePicks = "province-picks",
    /// A recommending unit over its quota.
    ChannelQuota = "channel-quota",
    /// Too few young workers.
    YoungShare = "young-share",
    /// Some laureates could not be loaded and are not counted.
    CampaignPartial = "campaign-partial",
    /// Bad YAML or an unknown key.
    Yaml = "yaml",
    /// A file named in a profile that does not exist.
    FileMissing = "file-missing",
    /// A category not in `campaign.categories`.
    Category = "category",
    /// A text file that is not UTF-8.
    TextEncoding = "text-encoding",
    /// A footer number or 公示 key in `site.yaml` to look at.
    Footer = "footer",
    /// A problem with `site.yaml` itself.
    SiteConfig = "site-config",
    /// Any other problem met while loading.
    LoadError = "load-error",
    /// What the media stage has to say (a program it lacks).
    Media = "media",
    /// A problem with the material import received.
    Import = "import",
}

impl Rule {
    /// The rule whose id is `id`.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.id() == id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where a finding is: a file (and line), and whose it is: a laureate, a recommending unit, or
/// the campaign as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The file concerned, relative to the site root; for campaign-level findings the file
    /// that holds the rule; empty when no file is concerned.
    pub file: PathBuf,
    /// 1-based line in the file, when the finding is about one line.
    pub line: Option<usize>,
    /// 1-based column in the line, when known.
    pub column: Option<u32>,
    /// The laureate's name, or `None` for campaign-level findings.
    pub laureate: Option<String>,
    /// For a campaign-level finding about one recommending unit: the unit.
    pub unit: Option<String>,
    /// For a campaign-level finding about one recommending unit: its nominees' names.
    pub laureates: Vec<String>,
}

impl Place {
    /// The whole file `file`, of nobody in particular.
    pub fn file(file: impl Into<PathBuf>) -> Place {
        Place {
            file: file.into(),
            ..Place::default()
        }
    }
}

/// What a finding says.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A message of laurel's files with its arguments, worded when shown.
    Said(Said),
    /// Words made before: by a parser or a decoder (no id), or a message worded when the
    /// problem was met (its id kept).
    Worded {
        /// The id of the message in laurel's message files, when the words come from there.
        id: Option<String>,
        /// What is wrong.
        message: String,
        /// How to fix it (may be empty).
        fix: String,
    },
}

impl Message {
    /// The id of the message in laurel's message files, when it has one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Message::Said(said) => Some(said.id),
            Message::Worded { id, .. } => id.as_deref(),
        }
    }

    /// What is wrong, in the reader's language.
    pub fn text(&self) -> String {
        match self {
            Message::Said(said) => said.message(),
            Message::Worded { message, .. } => message.clone(),
        }
    }

    /// How to fix it, in the reader's language; empty when there is nothing to say.
    pub fn fix(&self) -> String {
        match self {
            Message::Said(said) => said.fix(),
            Message::Worded { fix, .. } => fix.clone(),
        }
    }
}

/// One thing found in a site's input.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule it breaks, or the kind of problem.
    pub rule: Rule,
    /// Error or warning.
    pub severity: Severity,
    /// Where it is, and whose.
    pub place: Place,
    /// What is wrong and how to fix it.
    pub message: Message,
}

impl Finding {
    /// A finding of `rule` at `place` that says `said`.
    pub fn new(rule: Rule, severity: Severity, place: Place, said: Said) -> Finding {
        Finding {
            rule,
            severity,
            place,
            message: Message::Said(said),
        }
    }

    /// A problem met while loading or reading, as a finding of its own rule (else `rule`);
    /// nothing of the problem is lost.
    pub fn of_diagnostic(d: &Diagnostic, rule: Rule, severity: Severity) -> Finding {
        Finding {
            rule: d.rule.unwrap_or(rule),
            severity,
            place: Place {
                line: d.line,
                column: d.column,
                ..Place::file(&d.file)
            },
            message: Message::Worded {
                id: d.message_id.map(str::to_string),
                message: d.message.clone(),
                fix: d.hint.as_deref().unwrap_or_default().to_string(),
            },
        }
    }

    /// The same finding as a warning (the build publishes what `laurel check` calls an error).
    pub fn as_warning(self) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..self
        }
    }

    /// Sets the line the finding is about.
    pub fn at_line(mut self, line: Option<usize>) -> Finding {
        self.place.line = line;
        self
    }

    /// Rewrites the file relative to `root`, for shorter messages.
    pub fn relative_to(mut self, root: &Path) -> Finding {
        if let Ok(rel) = self.place.file.strip_prefix(root) {
            self.place.file = rel.to_path_buf();
        }
        self
    }

    /// True for an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, in the reader's language.
    pub fn text(&self) -> String {
        self.message.text()
    }

    /// How to fix it, in the reader's language (may be empty).
    pub fn fix(&self) -> String {
        self.message.fix()
    }
}

/// `file:line:column: message`, and the fix on a line of its own (as a build warning reads).
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = &self.place;
        if !place.file.as_os_str().is_empty() {
            write!(f, "{}", place.file.display())?;
            match (place.line, place.column) {
                (Some(line), Some(column)) => write!(f, ":{line}:{column}")?,
                (Some(line), None) => write!(f, ":{line}")?,
                _ => {}
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.text())?;
        let fix = self.fix();
        if !fix.is_empty() {
            write!(f, "\n  {}", tr!("diagnostic-help", hint = fix))?;
        }
        Ok(())
    }
}

/// A finding as `--format json` gives it (README: *laurel check*).
#[derive(Serialize, Deserialize)]
struct Shown {
    rule: String,
    severity: Severity,
    laureate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    laureates: Vec<String>,
    file: PathBuf,
    line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    message_id: Option<String>,
    message: String,
    fix: String,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let place = self.place.clone();
        Shown {
            rule: self.rule.id().to_string(),
            severity: self.severity,
            laureate: place.laureate,
            unit: place.unit,
            laureates: place.laureates,
            file: place.file,
            line: place.line,
            message_id: self.message.id().map(str::to_string),
            message: self.text(),
            fix: self.fix(),
        }
        .serialize(serializer)
    }
}

/// Read back as written (the record of the last build): the words as they were.
impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
        let shown = Shown::deserialize(deserializer)?;
        let rule = Rule::from_id(&shown.rule)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule {}", shown.rule)))?;
        Ok(Finding {
            rule,
            severity: shown.severity,
            place: Place {
                file: shown.file,
                line: shown.line,
                column: None,
                laureate: shown.laureate,
                unit: shown.unit,
                laureates: shown.laureates,
            },
            message: Message::Worded {
                id: shown.message_id,
                message: shown.message,
                fix: shown.fix,
            },
        })
    }
}

/// A problem of import's report as `--format json` gives it (README: *laurel import*).
#[derive(Serialize)]
struct ShownProblem<'a> {
    severity: Severity,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_id: Option<&'a str>,
    message: String,
    hint: String,
}

/// Serialises findings in the shape of import's problems: `severity`, `file`, `message_id`,
/// `message`, `hint` (`#[serde(serialize_with)]`).
pub fn as_problems<S: serde::Serializer>(
    findings: &[Finding],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(findings.iter().map(|f| ShownProblem {
        severity: f.severity,
        file: f.place.file.display().to_string(),
        message_id: f.message.id(),
        message: f.text(),
        hint: f.fix(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::said;

    #[test]
    fn rule_ids_are_unique_and_read_back() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(*rule));
        }
        let ids: std::collections::BTreeSet<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), Rule::ALL.len());
    }

    #[test]
    fn a_diagnostic_converts_without_loss() {
        let d = Diagnostic::said("content/a/profile.yaml", said!("birth-missing"))
            .at(3, 7)
            .rule(Rule::Yaml);
        let f = Finding::of_diagnostic(&d, Rule::LoadError, Severity::Error);
        assert_eq!(f.rule, Rule::Yaml);
        assert_eq!(
            (f.place.file.as_path(), f.place.line, f.place.column),
            (Path::new("content/a/profile.yaml"), Some(3), Some(7))
        );
        assert_eq!(f.message.id(), Some("birth-missing"));
        assert_eq!(
            (f.text(), f.fix()),
            (d.message.clone(), d.hint.unwrap().into())
        );
        assert_eq!(f.to_string(), format!("{}", d_display(&f)));
    }

    /// The diagnostic's own words for the same problem.
    fn d_display(f: &Finding) -> String {
        let mut d = Diagnostic::new(&f.place.file, f.text()).hint(f.fix());
        d.line = f.place.line;
        d.column = f.place.column;
        d.to_string()
    }

    #[test]
    fn json_reads_back_as_written() {
        let f = Finding::new(
            Rule::Placeholder,
            Severity::Warning,
            Place {
                line: Some(7),
                laureate: Some("王芳".into()),
                ..Place::file("content/laureates/王芳/story.md")
            },
            said!("placeholder-story", text = "请填写"),
        );
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["rule"], "placeholder");
        assert_eq!(json["message_id"], "placeholder-story");
        assert!(json.get("unit").is_none());
        let back: Finding = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(serde_json::to_value(&back).unwrap(), json);
    }
}
