//! The `mdbib` executable: parses arguments, runs the library, maps the outcome to an exit code.

mod cli;

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Exit code when the run finished but `--strict` found work left undone.
const EXIT_INCOMPLETE: u8 = 3;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`mdbib export ... | head`) is not an error.
            if let Some(mdbib::Error::Write { source, .. }) = err.downcast_ref::<mdbib::Error>() {
                if source.kind() == io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("mdbib: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: cli::Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        cli::Command::Formats => {
            let mut out = io::stdout().lock();
            for w in mdbib::write::REGISTRY {
                writeln!(
                    out,
                    "{:<10} .{:<5} {}",
                    w.name(),
                    w.extension(),
                    w.description()
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Export(args) => {
            let (config, strict, quiet) = (*args).into_config(io::stderr().is_terminal())?;
            let report = mdbib::run(&config, &mut io::stdin().lock(), &mut io::stdout().lock())?;
            if !quiet {
                for w in &report.warnings {
                    eprintln!("mdbib: warning: {w}");
                }
                eprintln!("mdbib: {}", report.summary());
            }
            if strict && report.enrich.not_enriched > 0 && config.enrich.enabled {
                return Ok(ExitCode::from(EXIT_INCOMPLETE));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
