//! Problems found in a site's input, each tied to the file (and line) it concerns.
//!
//! Loading and processing collect every problem they meet instead of stopping at the first, so
//! an editor sees all of them in one run. The CLI prints them; the library never does.

use crate::finding::Rule;
use crate::i18n::Said;
use crate::{said, tr};
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem with the input: which file, where in it, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file concerned, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// 1-based column in the file, when known.
    pub column: Option<u32>,
    /// The id of the message in laurel's message files, when the words come from there.
    pub message_id: Option<&'static str>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something useful to say (boxed: a `Result` carrying a
    /// diagnostic stays small).
    pub hint: Option<Box<str>>,
    /// The `laurel check` rule this problem is reported under (`load-error` when unset).
    pub rule: Option<Rule>,
}

impl Diagnostic {
    /// A problem with a whole file (no line known).
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            message_id: None,
            message: message.into(),
            hint: None,
            rule: None,
        }
    }

    /// A problem with a whole file in the reader's language: the message of `said`, its
    /// `.fix` as the hint.
    pub fn said(file: impl Into<PathBuf>, said: Said) -> Self {
        let hint = said.fix();
        Diagnostic {
            message_id: Some(said.id),
            hint: (!hint.is_empty()).then(|| hint.into_boxed_str()),
            ..Diagnostic::new(file, said.message())
        }
    }

    /// Names the `laurel check` rule this problem is reported under.
    pub fn rule(mut self, rule: Rule) -> Self {
        self.rule = Some(rule);
        self
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = u32::try_from(column).ok();
        self
    }

    /// Sets the 1-based line only, when the line is known but no column.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// Adds advice on how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into().into_boxed_str());
        self
    }

    /// Rewrites the file path relative to `root`, for shorter messages.
    pub fn relative_to(mut self, root: &Path) -> Self {
        if let Ok(rel) = self.file.strip_prefix(root) {
            self.file = rel.to_path_buf();
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, ":{line}:{column}")?,
            (Some(line), None) => write!(f, ":{line}")?,
            _ => {}
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}", tr!("diagnostic-help", hint = &**hint))?;
        }
        Ok(())
    }
}

/// Everything that went wrong in one run; non-empty when it is returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds all problems of another collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// True when nothing went wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when empty, otherwise these diagnostics as the error.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// These problems with their files relative to the site root `root`.
    pub fn relative_to(self, root: &Path) -> Diagnostics {
        Diagnostics(self.0.into_iter().map(|d| d.relative_to(root)).collect())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", tr!("diagnostic-error", diagnostic = d.to_string()))?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// Reads a text file as UTF-8 (a leading BOM removed); UTF-16 with a BOM is decoded too.
/// Anything else that is not UTF-8 is a problem that says which encoding it looks like and how
/// to save it as UTF-8.
pub fn read_text(file: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(file)
        .map_err(|e| Diagnostic::said(file, said!("file-unreadable", why = e.to_string())))?;
    decode_text(&bytes).map_err(|encoding| {
        Diagnostic::said(file, said!("file-not-utf8", encoding = encoding)).rule(Rule::TextEncoding)
    })
}

/// The text of `bytes`: UTF-8 (BOM removed) or UTF-16 with a BOM; else the name of the
/// encoding the bytes look like (the key of `file-not-utf8`'s `$encoding`).
fn decode_text(bytes: &[u8]) -> Result<String, &'static str> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        String::from_utf16(&units).map_err(|_| "utf16-broken")
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(str::to_string)
            .map_err(|_| "utf8-broken"),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_string()),
            Err(_) if looks_like_gbk(bytes) => Err("gbk"),
            Err(_) => Err("legacy"),
        },
    }
}

/// True when every non-ASCII byte of `bytes` pairs up as a GBK double-byte character.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F => i += 1,
            0x81..=0xFE if matches!(bytes.get(i + 1), Some(0x40..=0xFE)) => i += 2,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_column_and_hint() {
        let d = Diagnostic::new("content/a/profile.yaml", "unknown field `nmae`")
            .at(3, 1)
            .hint("did you mean `name`?");
        assert_eq!(
            d.to_string(),
            "content/a/profile.yaml:3:1: unknown field `nmae`\n  help: did you mean `name`?"
        );
    }

    #[test]
    fn utf16_is_read_and_gbk_is_named() {
        let text = "姓名：王芳\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(&le).unwrap(), text);
        // 王芳 in GBK.
        let gbk = [b'n', b':', b' ', 0xCD, 0xF5, 0xB7, 0xBC, b'\n'];
        assert_eq!(decode_text(&gbk).unwrap_err(), "gbk");
        assert_eq!(decode_text("\u{feff}x".as_bytes()).unwrap(), "x");
    }

    #[test]
    fn relative_to_strips_the_root() {
        let d = Diagnostic::new("/site/content/x.md", "bad").relative_to(Path::new("/site"));
        assert_eq!(d.file, PathBuf::from("content/x.md"));
    }
}
