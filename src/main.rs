//! The `kamus` binary: everything it does is in [`kamus::app`].

fn main() -> std::process::ExitCode {
    kamus::app::main()
}
