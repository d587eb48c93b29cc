//! The `laurel` binary: a thin layer over the library (see `cli`).

mod cli;
mod help;

fn main() -> std::process::ExitCode {
    #[cfg(windows)]
    console::use_utf8();
    if std::env::args_os().len() == 1 && double_clicked() {
        return cli::double_clicked();
    }
    cli::run()
}

/// Started with a console window of its own, as Explorer gives a double-clicked program; a
/// program started from cmd.exe or PowerShell shares their console. Never on Linux or macOS.
fn double_clicked() -> bool {
    #[cfg(windows)]
    {
        console::is_its_own()
    }
    #[cfg(not(windows))]
    {
        false
    }
}

/// The console of a Chinese Windows, whose code page is GBK (936) unless told otherwise.
#[cfg(windows)]
mod console {
    #[link(name = "kernel32")]
    extern "system" {
        fn SetConsoleOutputCP(code_page: u32) -> i32;
        fn GetConsoleProcessList(process_ids: *mut u32, count: u32) -> u32;
    }

    /// Whether this process is the only one attached to its console: Explorer made the
    /// console for it. (0, no console at all, is not: a service, or wine without a console.)
    pub fn is_its_own() -> bool {
        let mut ids = [0u32; 2];
        // SAFETY: the buffer holds `count` u32s; the call writes at most that many.
        unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) == 1 }
    }

    /// Sets the console's output code page to UTF-8 (65001). Rust writes to a console window
    /// in UTF-16 anyway; the code page is how cmd.exe and PowerShell read laurel's UTF-8 bytes
    /// when its output goes through a pipe (`laurel check | more`, `| Out-File`).
    pub fn use_utf8() {
        // SAFETY: a plain Win32 call with a constant; without a console it fails harmlessly.
        unsafe {
            SetConsoleOutputCP(65001);
        }
    }
}
