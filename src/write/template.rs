//! Template writers: minijinja templates that render the references. The built-in ones live in
//! `templates/` and are embedded in the binary; `--template FILE` runs a user's.

use super::bibtex::paper_url;
use super::{WriteOptions, Writer};
use crate::error::Error;
use crate::model::{Person, Reference};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::io;
use std::path::Path;

/// A writer that renders one minijinja template with the context described in the README.
pub struct Template {
    name: &'static str,
    extension: &'static str,
    description: &'static str,
    /// The file name errors point to.
    file: Cow<'static, str>,
    source: Cow<'static, str>,
    /// Write CR LF line ends (RIS asks for them).
    crlf: bool,
    /// The CSL-formatted writer that takes over when `--style` is given.
    styled: Option<&'static super::csl::Formatted>,
}

/// A reading list in Markdown, grouped by section, with links.
pub static MARKDOWN: Template = Template {
    name: "markdown",
    extension: "md",
    description: "Markdown reading list grouped by section, with links (template)",
    file: Cow::Borrowed("templates/markdown.md.j2"),
    source: Cow::Borrowed(include_str!("../../templates/markdown.md.j2")),
    crlf: false,
    styled: Some(&super::csl::MARKDOWN),
};

/// RIS for reference managers (EndNote, Zotero, Mendeley), CR LF line ends as the format asks.
pub static RIS: Template = Template {
    name: "ris",
    extension: "ris",
    description: "RIS for EndNote, Zotero and Mendeley (template)",
    file: Cow::Borrowed("templates/ris.ris.j2"),
    source: Cow::Borrowed(include_str!("../../templates/ris.ris.j2")),
    crlf: true,
    styled: None,
};

impl Template {
    /// Reads a user's template and checks its syntax, so errors show before any work is done.
    pub fn from_file(path: &Path) -> Result<Template, Error> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::Template {
            path: path.to_path_buf(),
            line: None,
            message: e.to_string(),
        })?;
        let template = Template {
            name: "template",
            extension: "txt",
            description: "a user's template (--template FILE)",
            file: Cow::Owned(path.display().to_string()),
            source: Cow::Owned(source),
            crlf: false,
            styled: None,
        };
        template.environment().map_err(|e| Error::Template {
            path: path.to_path_buf(),
            line: e.line(),
            message: message(&e),
        })?;
        Ok(template)
    }

    fn environment(&self) -> Result<minijinja::Environment<'_>, minijinja::Error> {
        let mut env = minijinja::Environment::new();
        env.set_keep_trailing_newline(true);
        env.add_filter("oneline", |text: Cow<'_, str>| {
            crate::text::collapse_whitespace(&text).into_owned()
        });
        env.add_filter("md", |text: Cow<'_, str>| markdown_escape(&text));
        env.add_template(&self.file, &self.source)?;
        Ok(env)
    }

    /// Renders the template for `refs`.
    fn render(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
    ) -> Result<String, minijinja::Error> {
        let env = self.environment()?;
        let text = env
            .get_template(&self.file)?
            .render(context(refs, options))?;
        Ok(if self.crlf {
            text.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            text
        })
    }
}

impl Writer for Template {
    fn name(&self) -> &'static str {
        self.name
    }

    fn extension(&self) -> &'static str {
        self.extension
    }

    fn description(&self) -> &'static str {
        self.description
    }

    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        if let (Some(styled), Some(_)) = (self.styled, &options.style) {
            return styled.write(refs, options, out);
        }
        let text = self.render(refs, options).map_err(|e| {
            let at = e.line().map(|l| format!(":{l}")).unwrap_or_default();
            io::Error::other(format!("{}{at}: {}", self.file, message(&e)))
        })?;
        out.write_all(text.as_bytes())
    }
}

/// minijinja's message without its own `(in file:line)` suffix, which the caller puts in front.
fn message(e: &minijinja::Error) -> String {
    match e.detail() {
        Some(detail) => format!("{}: {detail}", e.kind()),
        None => e.kind().to_string(),
    }
}

/// Backslash-escapes the characters that would turn text into Markdown markup.
pub(crate) fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '#' | '|' | '$' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The template context: `references` in output order and `sections` grouping them by section
/// path (first appearance first; a reference listed under two sections is in both). Each
/// reference becomes a template value once; sections share it rather than copy it.
fn context(refs: &[Reference], options: &WriteOptions) -> minijinja::Value {
    use minijinja::{context, Value as V};
    let items: Vec<V> = refs
        .iter()
        .map(|r| V::from_serialize(reference(r, options)))
        .collect();
    let mut sections: Vec<(String, Vec<V>)> = Vec::new();
    for (r, item) in refs.iter().zip(&items) {
        let paths: Vec<String> = if r.sections.is_empty() {
            vec![String::new()]
        } else {
            r.sections.iter().map(|p| p.join(" > ")).collect()
        };
        for path in paths {
            match sections.iter_mut().find(|(title, _)| *title == path) {
                Some((_, members)) => members.push(item.clone()),
                None => sections.push((path, vec![item.clone()])),
            }
        }
    }
    let sections: Vec<V> = sections
        .into_iter()
        .map(|(title, references)| context! { title, references })
        .collect();
    context! { references => items, sections }
}

fn person(p: &Person) -> Value {
    json!({
        "name": p.display(),
        "given": p.given,
        "family": p.family,
        "particle": p.particle,
        "literal": p.literal,
    })
}

fn reference(r: &Reference, options: &WriteOptions) -> Value {
    json!({
        "citekey": r.citekey,
        "type": r.kind.name(),
        "title": r.title,
        "authors": r.authors.iter().map(person).collect::<Vec<_>>(),
        "year": r.date.map(|d| d.year),
        "month": r.date.and_then(|d| d.month),
        "day": r.date.and_then(|d| d.day),
        "date": r.date.map(|d| d.iso()),
        "venue": r.venue.as_ref().map(|v| &v.name),
        "venue_as_written": r.venue.as_ref().map(|v| &v.written),
        "arxiv": r.arxiv.as_ref().map(|a| &a.id),
        "arxiv_version": r.arxiv.as_ref().and_then(|a| a.version),
        "doi": r.doi,
        "url": paper_url(r),
        "links": {
            "paper": r.links.paper,
            "code": r.links.code,
            "project": r.links.project,
            "dataset": r.links.dataset,
            "other": r.links.other.iter().map(|(label, url)| json!({ "label": label, "url": url })).collect::<Vec<_>>(),
        },
        "abstract": if options.abstracts { r.abstract_text.as_deref() } else { None },
        "primary_category": r.primary_category,
        "categories": r.categories,
        "journal_ref": r.journal_ref,
        "sections": r.sections.iter().map(|p| p.join(" > ")).collect::<Vec<_>>(),
        "file": r.origin.file.display().to_string(),
        "line": r.origin.line,
    })
}
