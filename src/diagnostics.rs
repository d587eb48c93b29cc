//! Problems found in a site's input, each tied to the file (and line) it concerns.
//!
//! Loading and processing collect every problem they meet instead of stopping at the first, so
//! an editor sees all of them in one run. The CLI prints them; the library never does.

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
    pub column: Option<usize>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem with a whole file (no line known).
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the 1-based line only, when the line is known but no column.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// Adds advice on how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
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
            write!(f, "\n  help: {hint}")?;
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
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {d}")?;
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

/// Reads a UTF-8 text file (a leading BOM removed), or explains why it cannot be read.
pub fn read_text(file: &Path) -> Result<String, Diagnostic> {
    match std::fs::read_to_string(file) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Err(Diagnostic::new(
            file,
            "the file is not UTF-8 text",
        )
        .hint("save it as UTF-8 (files from Windows Notepad or WPS may be GBK: choose \"UTF-8\" when saving)")),
        Err(e) => Err(Diagnostic::new(file, format!("cannot read the file: {e}"))),
    }
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
    fn relative_to_strips_the_root() {
        let d = Diagnostic::new("/site/content/x.md", "bad").relative_to(Path::new("/site"));
        assert_eq!(d.file, PathBuf::from("content/x.md"));
    }
}
