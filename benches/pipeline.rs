//! Criterion benchmarks: the Markdown reader against pulldown-cmark's bare event loop over the
//! same file, and every writer in the registry.
//!
//! The input is the largest list of the shared corpus when present (`MDBIB_BENCH_LIST` names
//! another file), else a generated list of 9,000 items in the same style.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pulldown_cmark::Parser;
use std::path::{Path, PathBuf};

const CORPUS_LIST: &str = "/work/shared/corpus/Vincentqyw__cv-arxiv-daily__README.md";

fn input() -> (PathBuf, String) {
    let path = std::env::var_os("MDBIB_BENCH_LIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(CORPUS_LIST));
    if let Ok(text) = std::fs::read_to_string(&path) {
        return (path, text);
    }
    let mut text = String::from("# Generated list\n\n## Papers\n\n");
    for i in 0..9_000 {
        text.push_str(&format!(
            "|**2023-01-{:02}**|**Paper Number {i} on Vision and Language**|Ada Lovelace et al.|[2301.{:05}](http://arxiv.org/abs/2301.{:05}v1)|**[link](https://github.com/example/repo{i})**|\n",
            i % 28 + 1,
            i,
            i
        ));
        if i % 500 == 0 {
            text.push_str("\n## More Papers\n\n|Publish Date|Title|Authors|PDF|Code|\n|---|---|---|---|---|\n");
        }
    }
    (PathBuf::from("generated.md"), text)
}

fn reader(c: &mut Criterion) {
    let (path, text) = input();
    let mut group = c.benchmark_group("markdown");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("pulldown-cmark bare loop", |b| {
        b.iter(|| {
            // The options mdbib's reader parses with, so the bare loop does the same parsing work.
            for event in Parser::new_ext(black_box(&text), mdbib::read::markdown::OPTIONS) {
                black_box(event);
            }
        })
    });
    group.bench_function("mdbib reader", |b| {
        b.iter(|| mdbib::read::markdown::read(black_box(&text), Path::new(&path)))
    });
    group.finish();
}

fn writers(c: &mut Criterion) {
    let (path, text) = input();
    let mut refs = mdbib::merge::dedupe(mdbib::read::markdown::read(&text, &path));
    mdbib::key::assign(&mut refs);
    let options = mdbib::write::WriteOptions::default();
    let mut group = c.benchmark_group("write");
    group.throughput(Throughput::Elements(refs.len() as u64));
    group.sample_size(20);
    for writer in mdbib::write::REGISTRY {
        group.bench_function(writer.name(), |b| {
            let mut out = Vec::with_capacity(text.len() * 2);
            b.iter(|| {
                out.clear();
                writer.write(black_box(&refs), &options, &mut out).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, reader, writers);
criterion_main!(benches);
