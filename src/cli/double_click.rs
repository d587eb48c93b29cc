//! `laurel.exe` double-clicked in Explorer: started with no arguments in a console window of
//! its own. It opens the studio on the campaign in the program's folder, or offers to create
//! one there first; its window says how to stop it. When it ends without the studio running
//! (declined, or an error), it waits for Enter, so the window does not close before it is read.

use super::{report, studio};
use laurel::i18n::{self, Lang};
use laurel::scaffold::{self, Start};
use laurel::tr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs laurel as a double-click starts it.
pub fn run() -> ExitCode {
    // Chinese, as the studio speaks, unless LAUREL_LANG asks for English.
    let lang = std::env::var("LAUREL_LANG").ok();
    i18n::set_language(lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Zh));
    println!("{}", tr!("double-click-title"));
    let Some(folder) = program_folder() else {
        eprintln!("{}", tr!("double-click-no-folder"));
        return wait_for_enter(ExitCode::FAILURE);
    };
    if !folder.join(laurel::config::FILE_NAME).is_file() && !offer_new_campaign(&folder) {
        return wait_for_enter(ExitCode::SUCCESS);
    }
    let code = studio::serve(
        folder,
        0,
        true,
        lang.as_deref(),
        &tr!("double-click-how-to-stop"),
    );
    wait_for_enter(code)
}

/// The folder laurel.exe is in: Explorer starts it there, and the campaign sits beside it.
fn program_folder() -> Option<PathBuf> {
    let program = std::env::current_exe().ok()?;
    program.parent().map(Path::to_path_buf)
}

/// Asks whether to create a campaign in `folder`, and creates it (as `laurel init --empty`)
/// when the answer is yes. True when there is a campaign now.
fn offer_new_campaign(folder: &Path) -> bool {
    let folder_name = folder.display().to_string();
    println!(
        "{}",
        tr!("double-click-no-campaign", folder = folder_name.as_str())
    );
    print!("{}", tr!("double-click-ask-create"));
    let _ = io::stdout().flush();
    let mut answer = String::new();
    if io::stdin().read_line(&mut answer).is_err() || !is_yes(&answer) {
        return false;
    }
    match scaffold::init(folder, Start::Empty) {
        Ok(()) => {
            println!("{}", tr!("double-click-created"));
            true
        }
        Err(d) => {
            report(&d.into(), &tr!("failed-init"));
            false
        }
    }
}

/// Y, yes, 是 or 好, in any case and with any spaces around.
fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "是" | "好"
    )
}

/// Says to press Enter, waits for it, and gives back `code`.
fn wait_for_enter(code: ExitCode) -> ExitCode {
    println!("{}", tr!("double-click-press-enter"));
    let _ = io::stdin().read_line(&mut String::new());
    code
}

#[cfg(test)]
mod tests {
    use super::is_yes;

    #[test]
    fn yes_is_y_yes_or_chinese_and_anything_else_is_no() {
        for answer in ["y\r\n", " Y\n", "yes\n", "是\r\n", "好"] {
            assert!(is_yes(answer), "{answer:?}");
        }
        for answer in ["\n", "n\n", "no", "否", "yy"] {
            assert!(!is_yes(answer), "{answer:?}");
        }
    }
}
