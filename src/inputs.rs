//! Input paths: files as given, directories searched recursively for `*.md`, sorted so that every
//! run reads them in the same order.

use crate::error::Error;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What [`expand`] found: the files to read, and the inputs that could not be expanded.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Files (and `-`, standard input) in the order to read them.
    pub files: Vec<PathBuf>,
    /// A directory without any `*.md` file, or one that could not be read (a subdirectory
    /// included): each an error of its own, so the other inputs are still read.
    pub failed: Vec<Error>,
}

/// Expands `inputs`: files and `-` (standard input, even where a directory is named `-`) stay as
/// given; a directory becomes every `*.md` file below it, sorted, leaving out hidden directories
/// (`.git`, `.github`) and `skip` (the `--out-dir` of the run, whose outputs are no inputs). A
/// directory without any is a failure, so a typo does not silently produce nothing. A file or
/// `-` named twice is read once.
pub fn expand(inputs: &[PathBuf], skip: Option<&Path>) -> Expanded {
    let mut expanded = Expanded::default();
    for input in inputs {
        if input != Path::new("-") && input.is_dir() {
            let (mut found, errors) = (Vec::new(), expanded.failed.len());
            // A directory already visited is not read.
            let mut visited: HashSet<PathBuf> = skip
                .and_then(|s| s.canonicalize().ok())
                .into_iter()
                .collect();
            collect_markdown(input, &mut found, &mut expanded.failed, &mut visited);
            // One that could not be read has said so already.
            if found.is_empty() && expanded.failed.len() == errors {
                expanded.failed.push(Error::NoMarkdown {
                    path: input.clone(),
                });
            }
            found.sort();
            expanded.files.extend(found);
        } else {
            expanded.files.push(input.clone());
        }
    }
    let mut seen = HashSet::new();
    expanded
        .files
        .retain(|p| seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone())));
    expanded
}

/// Adds the `*.md` files below `dir` to `found`, and a directory that cannot be read to
/// `failed`. A directory reached again (through a symbolic link to itself or to another
/// directory already read) is skipped: `visited` holds the real paths of those read.
fn collect_markdown(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    failed: &mut Vec<Error>,
    visited: &mut HashSet<PathBuf>,
) {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let entries = dir
        .canonicalize()
        .and_then(|real| Ok((visited.insert(real), std::fs::read_dir(dir)?)));
    let entries = match entries {
        Ok((true, entries)) => entries,
        Ok((false, _)) => return,
        Err(source) => return failed.push(read_error(source)),
    };
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(source) => {
                failed.push(read_error(source));
                continue;
            }
        };
        if path.is_dir() {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if !hidden {
                collect_markdown(&path, found, failed, visited);
            }
        } else if path.is_file()
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md"))
        {
            // Regular files only: a FIFO or device named `*.md` would block the run or never end.
            found.push(path);
        }
    }
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
    fn hidden_directories_and_the_output_directory_are_no_inputs() {
        let dir = tempfile::tempdir().unwrap();
        for sub in [".github", "out", "lists"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
            std::fs::write(dir.path().join(sub).join("a.md"), "").unwrap();
        }
        let names = |skip: Option<&Path>| -> Vec<PathBuf> {
            let got = expand(&[dir.path().to_path_buf()], skip).files;
            got.iter()
                .map(|p| p.strip_prefix(dir.path()).unwrap().to_path_buf())
                .collect()
        };
        assert_eq!(
            names(None),
            [Path::new("lists/a.md"), Path::new("out/a.md")]
        );
        let out = dir.path().join("out");
        assert_eq!(names(Some(&out)), [Path::new("lists/a.md")]);
        // A file named on the command line is read wherever it is.
        let hidden = dir.path().join(".github/a.md");
        assert_eq!(
            expand(std::slice::from_ref(&hidden), Some(&out)).files,
            [hidden]
        );
    }

    #[test]
    fn directories_are_searched_recursively_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for f in ["b.md", "a.md", "notes.txt", "sub/c.md"] {
            std::fs::write(dir.path().join(f), "").unwrap();
        }
        let got = expand(&[dir.path().to_path_buf()], None).files;
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
        let got = expand(&[dir.path().to_path_buf()], None).files;
        assert_eq!(got, [dir.path().join("z/c.md")]);
    }

    #[test]
    fn a_directory_without_markdown_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.txt"), "").unwrap();
        let a = dir.path().join("a.md");
        std::fs::write(&a, "").unwrap();
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        // The other inputs are still expanded.
        let got = expand(&[empty.clone(), a.clone()], None);
        assert_eq!(got.files, [a]);
        let [err] = &got.failed[..] else {
            panic!("{:?}", got.failed)
        };
        assert_eq!(
            err.to_string(),
            format!("{}: no *.md files in this directory", empty.display())
        );
    }

    #[test]
    fn an_input_named_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        std::fs::write(&a, "").unwrap();
        let got = expand(
            &["-".into(), a.clone(), "-".into(), dir.path().to_path_buf()],
            None,
        );
        assert_eq!(got.files, [PathBuf::from("-"), a]);
    }

    #[cfg(unix)]
    #[test]
    fn an_unreadable_subdirectory_fails_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::write(dir.path().join("a.md"), "").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let got = expand(&[dir.path().to_path_buf()], None);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(got.files, [dir.path().join("a.md")]);
        // Root reads any directory: then nothing fails.
        if std::fs::read_dir(&locked).is_err() {
            assert_eq!(got.failed.len(), 1);
        }
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
