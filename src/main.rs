//! The `laurel` binary: a thin layer over the library (see `cli`).

mod cli;
mod help;

fn main() -> std::process::ExitCode {
    #[cfg(windows)]
    console::use_utf8();
    cli::run()
}

/// The console of a Chinese Windows, whose code page is GBK (936) unless told otherwise.
#[cfg(windows)]
mod console {
    #[link(name = "kernel32")]
    extern "system" {
        fn SetConsoleOutputCP(code_page: u32) -> i32;
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
