//! Input paths: files as given, directories searched recursively for `*.md`, sorted so that every
//! run reads them in the same order.

use crate::error::{Error, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Expands `inputs`: files (and `-`) stay as given; a directory becomes every `*.md` file below
/// it, sorted. A directory without any is an error, so a typo does not silently produce nothing.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            collect_markdown(input, &mut found, &mut HashSet::new())?;
            if found.is_empty() {
                return Err(Error::NoMarkdown {
                    path: input.clone(),
                });
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    // A file named twice (`lists/ lists/a.md`) is read once.
    let mut seen = HashSet::new();
    out.retain(|p| {
        p == Path::new("-") || seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone()))
    });
    Ok(out)
}

/// Adds the `*.md` files below `dir` to `found`. A directory reached again (through a symbolic
/// link to itself or to another directory already read) is skipped: `visited` holds the real
/// paths of those read.
fn collect_markdown(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    visited: &mut HashSet<PathBuf>,
) -> Result<()> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    if !visited.insert(dir.canonicalize().map_err(read_error)?) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        if path.is_dir() {
            collect_markdown(&path, found, visited)?;
        } else if path.is_file()
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            // Regular files only: a FIFO or device named `*.md` would block the run or never end.
            found.push(path);
        }
    }
    Ok(())
}

/// The file that `--out-dir DIR` writes for `input` in a format with `extension`:
/// `lists/a.md` → `DIR/a.bib`. Standard input is called `stdin`.
pub fn output_path(dir: &Path, input: &Path, extension: &str) -> PathBuf {
    let stem = match input.file_stem() {
        Some(s) if input != Path::new("-") => s.to_os_string(),
        _ => "stdin".into(),
    };
    let mut name = stem;
    name.push(".");
    name.push(extension);
    dir.join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_searched_recursively_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in ["b.md", "a.md", "notes.txt", "sub/c.md"] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        let got = expand(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = got
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a.md"),
                PathBuf::from("b.md"),
                PathBuf::from("sub/c.md")
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_that_loop_are_read_once() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["sub", "z"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
            std::os::unix::fs::symlink("..", dir.path().join(sub).join("loop")).unwrap();
        }
        std::fs::write(dir.path().join("z/c.md"), "").unwrap();
        let got = expand(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(got, [dir.path().join("z/c.md")]);
    }

    #[test]
    fn a_directory_without_markdown_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), "").unwrap();
        let err = expand(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("no *.md files"), "{err}");
    }

    #[test]
    fn output_names_follow_the_input() {
        let d = Path::new("out");
        assert_eq!(
            output_path(d, Path::new("lists/a.md"), "bib"),
            d.join("a.bib")
        );
        assert_eq!(output_path(d, Path::new("-"), "csv"), d.join("stdin.csv"));
    }
}
