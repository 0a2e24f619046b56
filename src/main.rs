//! The `referat` binary: parses the command line and calls the library. Stdout is data,
//! stderr is for people. Exit codes: 0 all good, 1 some inputs failed, 2 usage or fatal.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = <cli::Cli as clap::Parser>::parse();
    match cli::run(args) {
        Ok(code) => code.into(),
        Err(err) => {
            // A closed pipe (`referat search x | head`) is not an error.
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
