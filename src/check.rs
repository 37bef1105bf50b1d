//! `mdbib check`: what a list's author should look at. Paper lines that gave no entry, entries
//! without any identifier, duplicates, and malformed links (`[paper]((url))`, empty targets, a
//! title where the URL belongs).

use crate::error::Result;
use crate::model::Reference;
use crate::{ids, inputs, merge, read};
use regex::Regex;
use std::collections::HashSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// A line names a paper (an arXiv id or DOI) that no entry carries.
    NoEntry,
    /// An entry has neither an arXiv id nor a DOI.
    NoIdentifier,
    /// The same paper again.
    Duplicate,
    /// A link written wrongly.
    MalformedLink,
    /// An author's name of six words or more, or in lower case: names typed without separators
    /// between them, or a letter lost.
    OddName,
    /// A warning from a reader (a BibTeX entry that could not be read).
    Unreadable,
    /// A whole input could not be read (missing, invalid UTF-8, invalid CSL-JSON): an input
    /// error, which makes `check` exit 1 once every other input is checked.
    NotRead,
}

impl Problem {
    fn name(self) -> &'static str {
        match self {
            Problem::NoEntry => "no entry",
            Problem::NoIdentifier => "no identifier",
            Problem::Duplicate => "duplicate",
            Problem::MalformedLink => "malformed link",
            Problem::OddName => "odd name",
            Problem::Unreadable => "unreadable",
            Problem::NotRead => "not read",
        }
    }
}

/// One finding, printed as `file:line: problem: detail`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// The input.
    pub file: PathBuf,
    /// 1-based line (0 when a reader could not say).
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
    /// Which entry or text.
    pub detail: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.problem == Problem::NotRead {
            // The reader's error, which names the file itself.
            return f.write_str(&self.detail);
        }
        if self.line == 0 {
            write!(f, "{}: ", self.file.display())?;
        } else {
            write!(f, "{}:{}: ", self.file.display(), self.line)?;
        }
        // A title of 200 KB (a malformed link swallowing the line) is cut, to keep one line short.
        const LONGEST: usize = 200;
        match self.detail.char_indices().nth(LONGEST) {
            Some((cut, _)) => write!(f, "{}: {}…", self.problem.name(), &self.detail[..cut]),
            None => write!(f, "{}: {}", self.problem.name(), self.detail),
        }
    }
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'\]\)]+"#).expect("valid regex"));

/// `[label]((url))`, `[label]()`, `[label]( )`, and `[label](Text with spaces)`.
static MALFORMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\]\(\s*\(|\]\(\s*\)|\]\(([A-Za-z][^()\s:]*(?: [^()]*)+)\)").expect("valid regex")
});

/// Checks every input; findings are sorted by file and line.
pub fn check(input_paths: &[PathBuf], stdin: &mut dyn Read) -> Result<Vec<Finding>> {
    let (paths, failed) = if input_paths.is_empty() {
        (vec![PathBuf::from("-")], Vec::new())
    } else {
        let expanded = inputs::expand(input_paths, None);
        let paths = expanded.files.into_iter().map(|i| i.path).collect();
        (paths, expanded.failed)
    };
    // A directory that could not be read, or holds no list, is an input that was not read.
    let mut findings: Vec<Finding> = failed
        .into_iter()
        .map(|err| Finding {
            file: PathBuf::new(),
            line: 0,
            problem: Problem::NotRead,
            detail: err.to_string(),
        })
        .collect();
    let mut all = Vec::new();
    for path in &paths {
        let mut warnings = Vec::new();
        // A file that cannot be read is a finding; the other files are still checked.
        let read = read_text(path, stdin).and_then(|text| {
            let refs = read::read(&text, path, &mut warnings)?;
            Ok((text, refs))
        });
        let (text, refs) = match read {
            Ok(read) => read,
            Err(err) => {
                // The error names the file (and line or byte) itself.
                findings.push(Finding {
                    file: path.clone(),
                    line: 0,
                    problem: Problem::NotRead,
                    detail: err.to_string(),
                });
                continue;
            }
        };
        for w in warnings {
            findings.push(Finding {
                file: path.clone(),
                line: w.line,
                problem: Problem::Unreadable,
                detail: w.message,
            });
        }
        if read::detect(path, &text) == read::Format::Markdown {
            check_lines(&text, path, &refs, &mut findings);
        }
        all.extend(refs);
    }
    for r in &all {
        if r.arxiv.is_none() && r.doi.is_none() {
            findings.push(Finding {
                file: r.origin.file.to_path_buf(),
                line: r.origin.line,
                problem: Problem::NoIdentifier,
                detail: r.title.clone(),
            });
        }
    }
    for r in &all {
        if let Some(name) = r.authors.iter().find_map(odd_name) {
            findings.push(Finding {
                file: r.origin.file.to_path_buf(),
                line: r.origin.line,
                problem: Problem::OddName,
                detail: format!("{name} (in {})", r.title),
            });
        }
    }
    // Each duplicate is named by its own title; merging may keep another copy's.
    let titles: std::collections::HashMap<(std::sync::Arc<Path>, usize), String> = (all.iter())
        .map(|r| ((r.origin.file.clone(), r.origin.line), r.title.clone()))
        .collect();
    let title_at = |origin: &crate::model::Origin| {
        (titles.get(&(origin.file.clone(), origin.line))).map_or("", String::as_str)
    };
    let (kept, duplicates) = merge::dedupe_tracked(all);
    for (origin, i) in duplicates {
        let first = &kept[i];
        let own = title_at(&origin);
        let (at, first_title) = (&first.origin, title_at(&first.origin));
        let detail = if merge::similar_titles(own, first_title) {
            format!("{own} (first at {}:{})", at.file.display(), at.line)
        } else {
            // Two works for one identifier: a slip in the list, worth its own words.
            format!(
                "{own} has the identifier of {first_title} ({}:{})",
                at.file.display(),
                at.line
            )
        };
        findings.push(Finding {
            file: origin.file.to_path_buf(),
            line: origin.line,
            problem: Problem::Duplicate,
            detail,
        });
    }
    findings.sort();
    findings.dedup();
    Ok(findings)
}

/// A person's name as written, when it has six words or more (`Liqiang Zhang Ye Tian Dongyan
/// Wei`) or starts in lower case (`unhong Zhao`); an organisation's name is never odd.
fn odd_name(p: &crate::model::Person) -> Option<String> {
    if !p.literal.is_empty() {
        return None;
    }
    let parts = [p.given.as_str(), p.particle.as_str(), p.family.as_str()];
    let words = parts
        .iter()
        .map(|s| s.split_whitespace().count())
        .sum::<usize>();
    let first = parts.iter().find(|s| !s.is_empty())?;
    let lower = first.starts_with(char::is_lowercase);
    (words >= 6 || lower).then(|| {
        let written: Vec<&str> = parts.into_iter().filter(|s| !s.is_empty()).collect();
        written.join(" ")
    })
}

/// The input, as `export` reads it: at most [`read::limit::MAX_INPUT_BYTES`], valid UTF-8.
fn read_text(path: &Path, stdin: &mut dyn Read) -> Result<String> {
    read::decode(read::limit::read_input(path, stdin)?, path)
}

/// Line checks on Markdown text: ids no entry carries, and malformed links. Fenced code and HTML
/// comments are not list content and are left alone.
fn check_lines(text: &str, path: &Path, refs: &[Reference], findings: &mut Vec<Finding>) {
    let arxiv: HashSet<&str> = refs
        .iter()
        .filter_map(|r| r.arxiv.as_ref())
        .map(|a| a.id.as_str())
        .collect();
    let dois: HashSet<String> = refs
        .iter()
        .filter_map(|r| r.doi.as_deref())
        .map(ids::doi_key)
        .collect();
    let mut in_fence = false;
    let mut in_comment = false;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if in_comment {
            in_comment = !line.contains("-->");
            continue;
        }
        if in_fence {
            continue;
        }
        let mut push = |problem, detail: String| {
            findings.push(Finding {
                file: path.to_path_buf(),
                line: n + 1,
                problem,
                detail,
            })
        };
        for m in MALFORMED.find_iter(line) {
            push(
                Problem::MalformedLink,
                line[m.start()..].chars().take(60).collect(),
            );
        }
        let mut missing: Vec<String> = Vec::new();
        for url in URL.find_iter(line).map(|m| m.as_str()) {
            if let Some(id) = ids::arxiv_from_url(url).filter(|id| !arxiv.contains(id.id.as_str()))
            {
                missing.push(format!("arXiv {}", id.id));
            }
            if let Some(doi) = ids::doi_from_url(url).filter(|d| !dois.contains(&ids::doi_key(d))) {
                missing.push(format!("DOI {doi}"));
            }
        }
        for id in ids::arxiv_in_text(line) {
            if !arxiv.contains(id.id.as_str()) {
                missing.push(format!("arXiv {}", id.id));
            }
        }
        missing.dedup();
        for m in missing {
            push(Problem::NoEntry, format!("{m} gave no entry"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_on_the_check_fixture() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/markdown/check.md");
        let findings = check(&[path], &mut std::io::empty()).unwrap();
        let got: Vec<(usize, Problem)> = findings.iter().map(|f| (f.line, f.problem)).collect();
        assert_eq!(
            got,
            [
                (5, Problem::NoIdentifier),
                (6, Problem::Duplicate),
                (7, Problem::MalformedLink),
                (8, Problem::NoIdentifier),
                (8, Problem::MalformedLink),
                (9, Problem::NoIdentifier),
                (9, Problem::MalformedLink),
                (11, Problem::NoEntry),
                (15, Problem::NoIdentifier),
                (15, Problem::OddName),
                (16, Problem::NoIdentifier),
            ],
            "{findings:#?}"
        );
    }

    /// The later copy is the duplicate, named by its own title; two works sharing one identifier
    /// say so, in either order of the lines.
    #[test]
    fn a_duplicate_is_the_later_line_under_its_own_title() {
        let sema = "- SEMA-RAG: A Self-Evolving Multi-Agent Framework for Medical Reasoning. [[paper]](https://arxiv.org/abs/2605.00001)\n";
        let derm = "- [**MICCAI, 2026**] DermAgent: A Self-Reflective Agentic System for Dermatology. [[paper]](https://arxiv.org/abs/2605.00001)\n";
        for (md, own, other) in [
            (format!("{sema}{derm}"), "DermAgent", "SEMA-RAG"),
            (format!("{derm}{sema}"), "SEMA-RAG", "DermAgent"),
        ] {
            let findings = check(&[PathBuf::from("-")], &mut md.as_bytes()).unwrap();
            let [f] = &findings[..] else {
                panic!("{findings:#?}");
            };
            assert_eq!((f.line, f.problem), (2, Problem::Duplicate));
            assert!(f.detail.starts_with(own), "{}", f.detail);
            assert!(
                f.detail.contains(&format!("has the identifier of {other}")),
                "{}",
                f.detail
            );
            assert!(f.detail.ends_with("(-:1)"), "{}", f.detail);
        }
    }
}
