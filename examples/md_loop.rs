//! The Markdown reader alone, or pulldown-cmark's bare event loop with the reader's options, over
//! one file, as a program of its own: for timing and profiling the two side by side (README,
//! Performance).
//!
//! `cargo build --release --example md_loop`, then
//! `target/release/examples/md_loop read|loop FILE [PASSES]`. Each pass is timed; the median and
//! the fastest pass go to standard error.

use pulldown_cmark::Parser;
use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: md_loop read|loop FILE [PASSES]");
        return ExitCode::from(2);
    };
    let passes: usize = match args.get(3).map(|n| n.parse()) {
        None => 1,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("md_loop: PASSES must be a positive number");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("md_loop: {file}: {err}");
            return ExitCode::from(1);
        }
    };
    let mut times = Vec::with_capacity(passes);
    for _ in 0..passes {
        let start = Instant::now();
        match mode.as_str() {
            "read" => {
                black_box(mdbib::read::markdown::read(
                    black_box(&text),
                    Path::new(file),
                ));
            }
            "loop" => {
                for event in Parser::new_ext(black_box(&text), mdbib::read::markdown::OPTIONS) {
                    black_box(event);
                }
            }
            _ => {
                eprintln!("md_loop: the mode is `read` or `loop`, not `{mode}`");
                return ExitCode::from(2);
            }
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    eprintln!(
        "{mode}: median {:.2} ms, fastest {:.2} ms, {passes} passes",
        times[passes / 2],
        times[0]
    );
    ExitCode::SUCCESS
}
