//! Converting what laurel cannot read itself: HEIC photos from iPhones with libheif's
//! `heif-convert`, old Word `.doc` and WPS files with LibreOffice. Each program is looked for
//! on first use ([`crate::programs::find`]: PATH, and on Windows where its installer puts it);
//! its absence is a problem saying what to install.

/// HEIC photos from iPhones, converted to JPEG with libheif's `heif-convert`, found lazily.
pub mod heif {
    use super::super::sources::Received;
    use crate::diagnostics::Diagnostic;
    use std::sync::OnceLock;

    /// `heif-convert`, looked for on first use.
    #[derive(Default)]
    pub struct Converter {
        program: OnceLock<Option<std::path::PathBuf>>,
    }

    impl Converter {
        /// The photo as JPEG, or a problem saying how to get it converted.
        pub fn to_jpeg(&self, photo: &Received) -> Result<Vec<u8>, Diagnostic> {
            self.heic_to_jpeg(&photo.origin, &photo.bytes)
        }

        /// A HEIC file's `bytes` (from `origin`, for reports) as JPEG, or a problem saying how
        /// to get it converted.
        pub fn heic_to_jpeg(&self, origin: &str, bytes: &[u8]) -> Result<Vec<u8>, Diagnostic> {
            let program = self
                .program
                .get_or_init(|| crate::programs::find("heif-convert", &[]))
                .as_ref()
                .ok_or_else(|| {
                    Diagnostic::said(origin, crate::said!("import-heic-no-converter"))
                })?;
            let dir = tempfile_dir()?;
            let input = dir.join("photo.heic");
            let output = dir.join("photo.jpg");
            let fail = |why: String| {
                Diagnostic::said(origin, crate::said!("import-heic-failed", why = why))
            };
            std::fs::write(&input, bytes).map_err(|e| fail(e.to_string()))?;
            let status = std::process::Command::new(program)
                .args(["-q", "92"])
                .arg(&input)
                .arg(&output)
                .output()
                .map_err(|e| fail(e.to_string()))?;
            let jpeg = std::fs::read(&output);
            let _ = std::fs::remove_dir_all(&dir);
            match (status.status.success(), jpeg) {
                (true, Ok(jpeg)) => Ok(jpeg),
                _ => Err(fail(
                    String::from_utf8_lossy(&status.stderr).trim().to_string(),
                )),
            }
        }
    }

    /// A fresh folder under the system's temporary folder.
    pub fn tempfile_dir() -> Result<std::path::PathBuf, Diagnostic> {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("laurel-import-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| {
            Diagnostic::said(
                &dir,
                crate::said!("import-temp-folder", why = e.to_string()),
            )
        })?;
        Ok(dir)
    }
}

/// `.doc` and `.wps` forms, converted to `.docx` with LibreOffice (`soffice`), found lazily.
pub mod office {
    use super::super::sources::Received;
    use crate::diagnostics::Diagnostic;

    /// LibreOffice, looked for on first use; its absence is said once.
    #[derive(Default)]
    pub struct Converter {
        program: Option<Option<std::path::PathBuf>>,
        missing_said: bool,
    }

    impl Converter {
        /// The document as `.docx` bytes.
        pub fn convert(&mut self, file: &Received) -> Result<Vec<u8>, Diagnostic> {
            let program = self
                .program
                .get_or_insert_with(|| {
                    crate::programs::find("soffice", crate::programs::LIBREOFFICE_PLACES)
                        .or_else(|| crate::programs::find("libreoffice", &[]))
                })
                .clone();
            let Some(program) = program else {
                let said = match std::mem::replace(&mut self.missing_said, true) {
                    false => crate::said!("import-office-missing"),
                    true => crate::said!("import-office-missing-again"),
                };
                return Err(Diagnostic::said(&file.origin, said));
            };
            let dir = super::heif::tempfile_dir()?;
            let input = dir.join(format!("form.{}", file.extension()));
            let fail = |why: String| {
                Diagnostic::said(
                    &file.origin,
                    crate::said!("import-office-failed", why = why),
                )
            };
            std::fs::write(&input, &file.bytes).map_err(|e| fail(e.to_string()))?;
            let output = std::process::Command::new(program)
                .args(["--headless", "--convert-to", "docx", "--outdir"])
                .arg(&dir)
                .arg(&input)
                .output()
                .map_err(|e| fail(e.to_string()))?;
            let converted = std::fs::read(dir.join("form.docx"));
            let _ = std::fs::remove_dir_all(&dir);
            converted.map_err(|_| fail(String::from_utf8_lossy(&output.stderr).trim().to_string()))
        }
    }
}
