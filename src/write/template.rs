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
        env.add_filter("mdurl", |url: Cow<'_, str>| markdown_url(&url));
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
            // The expression that failed (`undefined value in `entry.nosuch.deeper``).
            let what = e
                .range()
                .and_then(|r| self.source.get(r))
                .map(|expr| format!(" in `{}`", expr.trim()))
                .unwrap_or_default();
            io::Error::other(crate::Error::Template {
                path: self.file.as_ref().into(),
                line: e.line(),
                message: format!("{}{what}", message(&e)),
            })
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

/// A URL as a Markdown link target: white space, parentheses and angle brackets percent-encoded,
/// so that the target ends where the URL does and no second link can start inside it.
pub(crate) fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_whitespace() || c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The template context: `references` in output order and `sections` grouping them by section
/// path (first appearance first; a reference listed under two sections is in both). Sections
/// share each reference's template value rather than copy it.
fn context(refs: &[Reference], options: &WriteOptions) -> minijinja::Value {
    use minijinja::{context, Value as V};
    let items: Vec<V> = refs
        .iter()
        .map(|r| {
            V::from_object(Item {
                r: r.clone(),
                abstracts: options.abstracts,
                made: Default::default(),
            })
        })
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

/// One reference as templates see it: a map whose values are made when a template first reads
/// them, since most templates read only a few of them.
#[derive(Debug)]
struct Item {
    r: Reference,
    abstracts: bool,
    /// The values made so far, by their key's place in [`FIELDS`].
    made: [std::sync::OnceLock<minijinja::Value>; FIELDS.len()],
}

/// The keys of a reference in a template, in the order a map lists them (sorted).
const FIELDS: &[&str] = &[
    "abstract",
    "arxiv",
    "arxiv_version",
    "authors",
    "categories",
    "citekey",
    "date",
    "day",
    "doi",
    "et_al",
    "file",
    "journal_ref",
    "line",
    "links",
    "month",
    "primary_category",
    "sections",
    "title",
    "type",
    "url",
    "venue",
    "venue_as_written",
    "year",
];

impl minijinja::value::Object for Item {
    fn get_value(self: &std::sync::Arc<Self>, key: &minijinja::Value) -> Option<minijinja::Value> {
        let key = key.as_str()?;
        let at = FIELDS.binary_search(&key).ok()?;
        let value = self.made[at].get_or_init(|| {
            let value = field(&self.r, self.abstracts, key).unwrap_or_default();
            minijinja::Value::from_serialize(&value)
        });
        Some(value.clone())
    }

    fn enumerate(self: &std::sync::Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Str(FIELDS)
    }
}

fn person(p: &Person) -> Value {
    json!({
        "name": p.display(),
        "given": p.given,
        "family": p.family,
        "particle": p.particle,
        "suffix": p.suffix,
        "literal": p.literal,
    })
}

/// The value of one of [`FIELDS`] for `r`.
fn field(r: &Reference, abstracts: bool, key: &str) -> Option<Value> {
    Some(match key {
        "citekey" => json!(r.citekey),
        "type" => json!(r.kind.name()),
        "title" => json!(r.title),
        "authors" => Value::Array(r.authors.iter().map(person).collect()),
        "year" => json!(r.date.map(|d| d.year)),
        "month" => json!(r.date.and_then(|d| d.month)),
        "day" => json!(r.date.and_then(|d| d.day)),
        "date" => json!(r.date.map(|d| d.iso())),
        "venue" => json!(r.venue.as_ref().map(|v| &v.name)),
        "venue_as_written" => json!(r.venue.as_ref().map(|v| &v.written)),
        "arxiv" => json!(r.arxiv.as_ref().map(|a| &a.id)),
        "arxiv_version" => json!(r.arxiv.as_ref().and_then(|a| a.version)),
        "doi" => json!(r.doi),
        "et_al" => json!(r.et_al),
        "url" => json!(paper_url(r)),
        "links" => json!({
            "paper": r.links.paper,
            "code": r.links.code,
            "project": r.links.project,
            "dataset": r.links.dataset,
            "other": r.links.other.iter().map(|(label, url)| json!({ "label": label, "url": url })).collect::<Vec<_>>(),
        }),
        "abstract" => json!(if abstracts {
            r.abstract_text.as_deref()
        } else {
            None
        }),
        "primary_category" => json!(r.primary_category),
        "categories" => json!(r.categories),
        "journal_ref" => json!(r.journal_ref),
        "sections" => json!(r.sections.iter().map(|p| p.join(" > ")).collect::<Vec<_>>()),
        "file" => json!(r.origin.file.display().to_string()),
        "line" => json!(r.origin.line),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Origin};

    #[test]
    fn a_reference_reads_like_a_map_of_its_fields() {
        let mut r = Reference::new(
            "A Title".into(),
            Origin {
                file: std::path::Path::new("list.md").into(),
                line: 3,
            },
        );
        r.authors.push(Person::parse("Ada Lovelace"));
        r.date = Some(Date::year(2022));
        r.links.code = Some("https://github.com/a/b".into());
        r.sections
            .push(["Models", "Vision"].map(String::from).into());
        let source = "{% set r = references[0] %}{{ r | list | join(',') }}\n\
             {{ r.doi is none }} {{ r.nosuch is defined }} {{ r.abstract is none }}\n\
             {{ r.links.code }} {{ r.authors[0].name }} {{ r.year + 1 }} {{ r.line }}\n\
             {{ sections[0].title }}: {{ sections[0].references[0].title }}\n\
             {{ r | length }} {{ r.authors[0] | list | join(',') }}";
        let env = minijinja::Environment::new();
        let text = env
            .render_str(source, context(&[r], &WriteOptions::default()))
            .unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "abstract,arxiv,arxiv_version,authors,categories,citekey,date,day,doi,et_al,file,\
             journal_ref,line,links,month,primary_category,sections,title,type,url,venue,\
             venue_as_written,year"
        );
        assert_eq!(lines.next().unwrap(), "True False True");
        assert_eq!(
            lines.next().unwrap(),
            "https://github.com/a/b Ada Lovelace 2023 3"
        );
        assert_eq!(lines.next().unwrap(), "Models > Vision: A Title");
        assert_eq!(
            lines.next().unwrap(),
            "23 family,given,literal,name,particle,suffix"
        );
    }
}
