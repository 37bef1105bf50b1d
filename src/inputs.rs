//! Input paths: files as given, directories searched recursively for `*.md`, sorted so that every
//! run reads them in the same order.

use crate::error::Error;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A file to read, and the name of its outputs under `--out-dir`.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The file as found (`-` for standard input).
    pub path: PathBuf,
    /// Its outputs' path inside the output directory, without the extension: the file's stem
    /// for a file named on the command line (`lists/a.md` → `a`), its path below the directory
    /// for one found in a directory given (`repos/` → `x/README` for `repos/x/README.md`), so
    /// that lists of the same name in different folders keep apart; `stdin` for standard input.
    pub name: PathBuf,
}

impl Input {
    fn named(path: &Path) -> Input {
        let name = match path.file_stem() {
            Some(s) if path != Path::new("-") => PathBuf::from(s),
            _ => PathBuf::from("stdin"),
        };
        Input {
            path: path.to_path_buf(),
            name,
        }
    }

    /// `path`, found below the directory `dir`.
    fn found_in(dir: &Path, path: PathBuf) -> Input {
        let name = path
            .strip_prefix(dir)
            .map(|rel| rel.with_extension(""))
            .unwrap_or_else(|_| Input::named(&path).name);
        Input { path, name }
    }
}

/// What [`expand`] found: the files to read, and the inputs that could not be expanded.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Files (and `-`, standard input) in the order to read them.
    pub files: Vec<Input>,
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
            (expanded.files).extend(found.into_iter().map(|f| Input::found_in(input, f)));
        } else {
            expanded.files.push(Input::named(input));
        }
    }
    let mut seen = HashSet::new();
    expanded.files.retain(|i| {
        let path = &i.path;
        seen.insert(path.canonicalize().unwrap_or_else(|_| path.clone()))
    });
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
/// `lists/a.md` → `DIR/a.bib`, `DIR/x/README.bib` for `repos/x/README.md` found in `repos/`.
pub fn output_path(dir: &Path, input: &Input, extension: &str) -> PathBuf {
    let mut name = input.name.clone().into_os_string();
    name.push(".");
    name.push(extension);
    dir.join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files found, without their output names.
    fn paths(expanded: &Expanded) -> Vec<PathBuf> {
        expanded.files.iter().map(|i| i.path.clone()).collect()
    }

    #[test]
    fn hidden_directories_and_the_output_directory_are_no_inputs() {
        let dir = tempfile::tempdir().unwrap();
        for sub in [".github", "out", "lists"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
            std::fs::write(dir.path().join(sub).join("a.md"), "").unwrap();
        }
        let names = |skip: Option<&Path>| -> Vec<PathBuf> {
            let got = paths(&expand(&[dir.path().to_path_buf()], skip));
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
            paths(&expand(std::slice::from_ref(&hidden), Some(&out))),
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
        let got = paths(&expand(&[dir.path().to_path_buf()], None));
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
        let got = paths(&expand(&[dir.path().to_path_buf()], None));
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
        assert_eq!(paths(&got), [a]);
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
        assert_eq!(paths(&got), [PathBuf::from("-"), a]);
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
        assert_eq!(paths(&got), [dir.path().join("a.md")]);
        // Root reads any directory: then nothing fails.
        if std::fs::read_dir(&locked).is_err() {
            assert_eq!(got.failed.len(), 1);
        }
    }

    #[test]
    fn output_names_follow_the_input_and_its_folder_below_a_directory_given() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["x", "y/z"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
            std::fs::write(dir.path().join(sub).join("README.md"), "").unwrap();
        }
        std::fs::write(dir.path().join("top.list.md"), "").unwrap();
        let d = Path::new("out");
        let got = expand(
            &[
                dir.path().to_path_buf(),
                "-".into(),
                dir.path().join("x/README.md"),
            ],
            None,
        );
        let outputs: Vec<PathBuf> = (got.files.iter())
            .map(|i| output_path(d, i, "bib"))
            .collect();
        // The file named again on its own is read once, as found in the directory.
        assert_eq!(
            outputs,
            [
                d.join("top.list.bib"),
                d.join("x/README.bib"),
                d.join("y/z/README.bib"),
                d.join("stdin.bib"),
            ]
        );
        let named = expand(&[PathBuf::from("lists/a.md")], None);
        assert_eq!(output_path(d, &named.files[0], "csv"), d.join("a.csv"));
    }
}
