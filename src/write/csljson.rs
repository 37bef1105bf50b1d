//! CSL-JSON: an array of items valid against the official `csl-data.json` schema.

use super::{WriteOptions, Writer};
use crate::model::{Kind, Person, Reference};
use serde_json::{json, Map, Value};
use std::io;

/// The CSL-JSON writer.
pub struct CslJson;

impl Writer for CslJson {
    fn name(&self) -> &'static str {
        "csljson"
    }

    fn extension(&self) -> &'static str {
        "json"
    }

    fn description(&self) -> &'static str {
        "CSL-JSON for Zotero, pandoc --citeproc and other CSL processors"
    }

    fn write(
        &self,
        refs: &[Reference],
        options: &WriteOptions,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        let items: Vec<Value> = refs.iter().map(|r| item(r, options)).collect();
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)
    }
}

fn csl_type(kind: Kind) -> &'static str {
    match kind {
        // Zotero writes preprints as `article` with publisher arXiv.
        Kind::Preprint => "article",
        Kind::ConferencePaper => "paper-conference",
        Kind::JournalArticle => "article-journal",
        Kind::Dataset => "dataset",
        Kind::Other => "document",
    }
}

fn name(p: &Person) -> Value {
    if !p.literal.is_empty() {
        return json!({ "literal": p.literal });
    }
    let mut m = Map::new();
    m.insert("family".into(), p.family.clone().into());
    if !p.given.is_empty() {
        m.insert("given".into(), p.given.clone().into());
    }
    if !p.particle.is_empty() {
        m.insert("non-dropping-particle".into(), p.particle.clone().into());
    }
    Value::Object(m)
}

/// The title with protected capitals in `<span class="nocase">`, which CSL processors leave as
/// written when a style changes the case.
fn title(text: &str) -> String {
    super::capitals::segments(text)
        .into_iter()
        .map(|(run, protect)| {
            if protect {
                format!("<span class=\"nocase\">{run}</span>")
            } else {
                run.to_string()
            }
        })
        .collect()
}

fn item(r: &Reference, options: &WriteOptions) -> Value {
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    put("id", r.citekey.clone().into());
    put("type", csl_type(r.kind).into());
    put("title", title(&r.title).into());
    if !r.authors.is_empty() {
        put("author", r.authors.iter().map(name).collect());
    }
    if let Some(d) = r.date {
        let mut parts = vec![json!(d.year)];
        if let Some(month) = d.month {
            parts.push(json!(month));
            if let Some(day) = d.day {
                parts.push(json!(day));
            }
        }
        put("issued", json!({ "date-parts": [parts] }));
    }
    match (r.kind, &r.venue, &r.arxiv) {
        (Kind::Preprint, _, Some(ax)) => {
            put("publisher", "arXiv".into());
            put("number", format!("arXiv:{}", ax.id).into());
        }
        (Kind::ConferencePaper, Some(v), _) => {
            put("container-title", v.name.clone().into());
            put("event", v.name.clone().into());
        }
        (Kind::JournalArticle, Some(v), _) => put("container-title", v.name.clone().into()),
        (_, Some(v), _) => put("publisher", v.name.clone().into()),
        _ => {}
    }
    if let Some(doi) = &r.doi {
        put("DOI", doi.clone().into());
    }
    if let Some(url) = super::bibtex::paper_url(r) {
        put("URL", url.into());
    }
    if options.abstracts {
        if let Some(a) = &r.abstract_text {
            put("abstract", a.clone().into());
        }
    }
    if !r.sections.is_empty() {
        let sections: Vec<String> = r.sections.iter().map(|p| p.join(" > ")).collect();
        put("keyword", sections.join(", ").into());
    }
    if let Some(j) = &r.journal_ref {
        put("note", j.clone().into());
    }
    let mut custom = Map::new();
    if let Some(ax) = &r.arxiv {
        custom.insert("arxiv".into(), ax.to_string().into());
    }
    if let Some(c) = &r.primary_category {
        custom.insert("primary-category".into(), c.clone().into());
    }
    if let Some(code) = &r.links.code {
        custom.insert("code".into(), code.clone().into());
    }
    if let Some(project) = &r.links.project {
        custom.insert("project".into(), project.clone().into());
    }
    if !custom.is_empty() {
        put("custom", Value::Object(custom));
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::title;

    #[test]
    fn protected_capitals_become_nocase_spans() {
        assert_eq!(
            title("MedCLIP for X-ray"),
            "<span class=\"nocase\">MedCLIP</span> for <span class=\"nocase\">X</span>-ray"
        );
        assert_eq!(title("A Study"), "A Study");
    }
}
