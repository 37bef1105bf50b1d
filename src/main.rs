//! The `mdbib` executable: parses arguments, runs the library, maps the outcome to an exit code.

mod cli;

/// mimalloc rather than the system's allocator: on the largest list, glibc's malloc and free were
/// a tenth of a run's instructions, and the page faults of its growing heap a sixth of its time.
/// Its version 2 (the `v2` feature): version 3 was as fast but kept half as much memory again,
/// 5.6 times the input on the 10 × corpus against the 5 times allowed (README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Writes a line to standard error: one line, whatever a file name or a library's message holds
/// (a line break is written `\n`). A closed or full standard error loses the line, not the run
/// (`eprintln!` would panic, and exit 101).
macro_rules! say {
    ($($arg:tt)*) => {{
        let line = one_line(format!($($arg)*));
        let _ = writeln!(io::stderr().lock(), "{line}");
    }};
}

/// `text` with its line breaks written as `\n` and `\r`, so that a message stays one line.
fn one_line(text: String) -> String {
    if !text.contains(['\n', '\r']) {
        return text;
    }
    text.replace('\r', "\\r").replace('\n', "\\n")
}

/// Exit code of a usage error (clap uses the same).
const EXIT_USAGE: u8 = 2;

/// Exit code when the run finished but `--strict` found work left undone.
const EXIT_INCOMPLETE: u8 = 3;

/// Exit code of a run stopped by Ctrl-C, SIGTERM or SIGHUP (128 + SIGINT, as shells report it).
const EXIT_INTERRUPTED: i32 = 130;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version, and the help shown for a missing subcommand, as clap prints them.
        Err(e)
            if !e.use_stderr()
                || e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            e.exit()
        }
        // A usage error on one line, like every other error.
        Err(e) => {
            let text = e.render().to_string();
            let first: Vec<&str> = text
                .lines()
                .map(str::trim)
                .take_while(|l| !l.is_empty())
                .collect();
            let first = first.join(" ");
            let first = first.strip_prefix("error: ").unwrap_or(&first);
            say!("mdbib: error: {first} (see mdbib --help)");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    // An interrupted run removes the output it was writing; the previous one stays as it was.
    let _ = ctrlc::set_handler(|| {
        mdbib::remove_partial_outputs();
        std::process::exit(EXIT_INTERRUPTED);
    });
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`mdbib export ... | head`) is not an error.
            // The chain holds the I/O error behind mdbib's own `Write` error too.
            let closed_pipe = err.chain().any(|e| {
                e.downcast_ref::<io::Error>()
                    .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            });
            if closed_pipe {
                return ExitCode::SUCCESS;
            }
            // Several inputs that could not be read: one line each.
            match err.downcast_ref::<mdbib::Error>() {
                Some(mdbib::Error::Inputs(errors)) => {
                    for e in errors {
                        say!("mdbib: error: {e}");
                    }
                }
                _ => say!("mdbib: error: {}", message(&err)),
            }
            // Options that do not go together are a usage error, like clap's own.
            if let Some(mdbib::Error::Usage(_)) = err.downcast_ref::<mdbib::Error>() {
                return ExitCode::from(EXIT_USAGE);
            }
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each cause once: mdbib's errors already end with the
/// text of their cause (`refs.md: No such file or directory`), which `{:#}` would repeat.
fn message(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let cause = cause.to_string();
        if !text.ends_with(&cause) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&cause);
        }
    }
    text
}

/// No input named and standard input a terminal: someone forgot the file, and would otherwise
/// wait for a list typed in. `-` still reads the terminal.
fn no_input_at_a_terminal(inputs: &[std::path::PathBuf]) -> anyhow::Result<()> {
    if inputs.is_empty() && io::stdin().is_terminal() {
        return Err(mdbib::Error::Usage(
            "no input: name list files or directories, `-` for standard input, or pipe a list in"
                .into(),
        )
        .into());
    }
    Ok(())
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
        cli::Command::Completions { shell } => {
            let mut cmd = <cli::Cli as clap::CommandFactory>::command();
            // Generated whole, then written: clap_complete panics on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "mdbib", &mut script);
            io::stdout().lock().write_all(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Check(args) => {
            no_input_at_a_terminal(&args.inputs)?;
            let findings = mdbib::check::check(&args.inputs, &mut io::stdin().lock())?;
            let (not_read, findings): (Vec<_>, Vec<_>) = findings
                .into_iter()
                .partition(|f| f.problem == mdbib::check::Problem::NotRead);
            let mut out = io::stdout().lock();
            for f in findings.iter().filter(|_| !args.quiet) {
                match writeln!(out, "{f}") {
                    // A reader that stopped early wants no more; the exit code still tells.
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
                    written => written?,
                }
            }
            // An input that could not be read is an input error, as in `export`: on standard
            // error, exit 1, once the other inputs are checked.
            for f in &not_read {
                say!("mdbib: error: {f}");
            }
            if !not_read.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
            if args.strict && !findings.is_empty() {
                return Ok(ExitCode::from(EXIT_INCOMPLETE));
            }
            Ok(ExitCode::SUCCESS)
        }
        cli::Command::Export(args) => {
            no_input_at_a_terminal(&args.inputs)?;
            let (config, strict, quiet, unused) =
                (*args).into_config(io::stderr().is_terminal())?;
            for w in unused.iter().filter(|_| !quiet) {
                say!("mdbib: warning: {w}");
            }
            let report = mdbib::run(&config, &mut io::stdin().lock(), &mut io::stdout().lock())?;
            if !quiet {
                for w in &report.warnings {
                    say!("mdbib: warning: {w}");
                }
                say!("mdbib: {}", report.summary());
            }
            for err in &report.failed {
                say!("mdbib: error: {err}");
            }
            if !report.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
            // Work a later run could do: lookups left unanswered. An entry that no service knows
            // is as complete as it can be.
            let incomplete = report.enrich.unanswered > 0;
            if strict && incomplete && config.enrich.enabled {
                return Ok(ExitCode::from(EXIT_INCOMPLETE));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
