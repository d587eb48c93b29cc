//! Finding the outside programs laurel runs (ffmpeg, LibreOffice, libheif's `heif-convert`):
//! on `PATH`, and on Windows also beside `laurel.exe` and where the programs' Windows
//! installers put them, which are often not on `PATH`.

use std::ffi::OsString;
use std::path::PathBuf;

/// Where ffmpeg's Windows builds usually end up: unpacked to `C:\ffmpeg` or Program Files,
/// or linked by winget, Chocolatey and Scoop.
pub const FFMPEG_PLACES: &[(&str, &str)] = &[
    ("ProgramFiles", "ffmpeg/bin"),
    ("SystemDrive", "ffmpeg/bin"),
    ("LOCALAPPDATA", "Microsoft/WinGet/Links"),
    ("ProgramData", "chocolatey/bin"),
    ("USERPROFILE", "scoop/shims"),
];

/// Where LibreOffice's Windows installer puts `soffice.exe`.
pub const LIBREOFFICE_PLACES: &[(&str, &str)] = &[
    ("ProgramFiles", "LibreOffice/program"),
    ("ProgramFiles(x86)", "LibreOffice/program"),
];

/// The file of `program` (`ffmpeg`, `soffice` …): the first on `PATH`, else on Windows the
/// one beside laurel's own executable or in one of `places` (an environment variable naming a
/// folder, and a folder under it).
pub fn find(program: &str, places: &[(&str, &str)]) -> Option<PathBuf> {
    let beside_laurel = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(PathBuf::from));
    candidates(
        program,
        places,
        |name| std::env::var_os(name),
        cfg!(windows).then_some(beside_laurel).flatten(),
    )
    .into_iter()
    .find(|file| file.is_file())
}

/// The files `find` looks at, in order: `program` in each folder of `PATH`, then (when
/// `windows_home`, laurel's own folder on Windows, is given) `program.exe` there and in each
/// of `places`.
fn candidates(
    program: &str,
    places: &[(&str, &str)],
    var: impl Fn(&str) -> Option<OsString>,
    windows_home: Option<PathBuf>,
) -> Vec<PathBuf> {
    let windows = windows_home.is_some();
    let file = match windows {
        true => format!("{program}.exe"),
        false => program.to_string(),
    };
    let mut folders: Vec<PathBuf> = var("PATH")
        .map(|path| std::env::split_paths(&path).collect())
        .unwrap_or_default();
    if let Some(home) = windows_home {
        folders.push(home);
        for (variable, under) in places {
            if let Some(base) = var(variable) {
                // `C:` alone means the current folder of drive C; the drive's root is meant.
                let base = match base.to_string_lossy().ends_with(':') {
                    true => PathBuf::from(format!("{}\\", base.to_string_lossy())),
                    false => PathBuf::from(base),
                };
                folders.push(under.split('/').fold(base, |path, part| path.join(part)));
            }
        }
    }
    folders
        .into_iter()
        .map(|folder| folder.join(&file))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn env(name: &str) -> Option<OsString> {
        match name {
            "PATH" => Some(OsString::from("/usr/bin")),
            "ProgramFiles" => Some(OsString::from("C:/Program Files")),
            "SystemDrive" => Some(OsString::from("C:")),
            _ => None,
        }
    }

    #[test]
    fn programs_are_looked_for_on_path_and_where_windows_installers_put_them() {
        assert_eq!(
            candidates("ffmpeg", FFMPEG_PLACES, env, None),
            [PathBuf::from("/usr/bin/ffmpeg")]
        );
        let on_windows = candidates(
            "ffmpeg",
            FFMPEG_PLACES,
            env,
            Some(PathBuf::from("D:/办公软件")),
        );
        let bin = |base: &str| {
            Path::new(base)
                .join("ffmpeg")
                .join("bin")
                .join("ffmpeg.exe")
        };
        assert_eq!(
            on_windows,
            [
                PathBuf::from("/usr/bin/ffmpeg.exe"),
                PathBuf::from("D:/办公软件/ffmpeg.exe"),
                bin("C:/Program Files"),
                bin("C:\\"),
            ]
        );
        let soffice = candidates(
            "soffice",
            LIBREOFFICE_PLACES,
            env,
            Some(PathBuf::from("D:/")),
        );
        assert!(soffice.contains(
            &Path::new("C:/Program Files")
                .join("LibreOffice")
                .join("program")
                .join("soffice.exe")
        ));
    }
}
