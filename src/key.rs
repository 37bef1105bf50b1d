//! Citation keys: `wang2022medclip`, stable across runs and input orderings.

use crate::model::Reference;
use crate::text;
use std::collections::BTreeMap;

/// Title words that never make a key.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "from", "by", "at", "via",
    "is", "are", "as", "towards", "toward", "does", "do", "how", "what", "when", "why", "can",
    "its",
];

/// Assigns every reference a unique key: first author's family name (or the first significant title
/// word), year, first significant title word; ASCII, lower case. References that would share a key
/// get the suffixes `a`, `b`, ... in an order that depends only on their ids and titles, never on
/// where they stand in the input.
pub fn assign(refs: &mut [Reference]) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in refs.iter().enumerate() {
        groups.entry(base_key(r)).or_default().push(i);
    }
    for (base, mut members) in groups {
        if members.len() == 1 {
            refs[members[0]].citekey = base;
            continue;
        }
        members.sort_by_cached_key(|&i| order_key(&refs[i]));
        for (n, i) in members.into_iter().enumerate() {
            refs[i].citekey = format!("{base}{}", suffix(n));
        }
    }
}

/// `a`..`z`, then `aa`, `ab`, ...
fn suffix(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// What orders references that share a key: identifiers, then the title.
fn order_key(r: &Reference) -> (String, String, String, String) {
    (
        r.arxiv.as_ref().map(|a| a.id.clone()).unwrap_or_default(),
        r.doi
            .as_deref()
            .map(crate::ids::doi_key)
            .unwrap_or_default(),
        text::normalize_title(&r.title),
        r.title.clone(),
    )
}

fn ascii_word(word: &str) -> String {
    deunicode::deunicode(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

fn significant_words(title: &str) -> impl Iterator<Item = String> + '_ {
    title
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(ascii_word)
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(&w.as_str()))
}

/// The key before de-duplication.
pub fn base_key(r: &Reference) -> String {
    let mut words = significant_words(&r.title);
    let author = r
        .authors
        .first()
        .map(|p| {
            if p.literal.is_empty() {
                ascii_word(&p.family)
            } else {
                ascii_word(&p.literal)
            }
        })
        .filter(|a| !a.is_empty());
    let (lead, word) = match author {
        Some(a) => (a, words.next()),
        None => (
            words.next().unwrap_or_else(|| "anon".to_string()),
            words.next(),
        ),
    };
    let year = r.year().map(|y| y.to_string()).unwrap_or_default();
    format!("{lead}{year}{}", word.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Origin, Person};
    use std::path::PathBuf;

    fn r(title: &str, author: Option<&str>, year: i32) -> Reference {
        let mut r = Reference::new(
            title.into(),
            Origin {
                file: PathBuf::from("t.md"),
                line: 1,
            },
        );
        r.authors = author.map(Person::parse).into_iter().collect();
        r.date = Some(Date::year(year));
        r
    }

    #[test]
    fn author_year_word() {
        assert_eq!(
            base_key(&r(
                "MedCLIP: Contrastive Learning",
                Some("Zifeng Wang"),
                2022
            )),
            "wang2022medclip"
        );
        assert_eq!(
            base_key(&r("The Élan of Things", Some("José Núñez"), 2020)),
            "nunez2020elan"
        );
        assert_eq!(
            base_key(&r("MedCLIP: Contrastive Learning", None, 2022)),
            "medclip2022contrastive"
        );
    }

    #[test]
    fn collisions_are_independent_of_input_order() {
        let a = r("Deep Learning for X", Some("Li Wang"), 2022);
        let b = r("Deep learning for Y", Some("Wei Wang"), 2022);
        let mut one = vec![a.clone(), b.clone()];
        let mut two = vec![b, a];
        assign(&mut one);
        assign(&mut two);
        assert_eq!(one[0].citekey, two[1].citekey);
        assert_eq!(one[1].citekey, two[0].citekey);
        assert_ne!(one[0].citekey, one[1].citekey);
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(26), "aa");
    }
}
