//! BibTeX name lists: `A and B`, each `First von Last`, `von Last, First` or
//! `von Last, Jr, First`; braces protect (`{World Health Organization}`, `R {La Joie}`).

use super::latex;
use crate::model::Person;

/// What reading a name list found besides its people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// Every `$` had its partner.
    pub balanced: bool,
    /// The list named `others` (BibTeX's "et al."), which is no person.
    pub others: bool,
}

/// Appends the people of the raw (LaTeX) name list `raw` to `out`.
pub fn people(raw: &str, out: &mut Vec<Person>) -> Listed {
    let mut listed = Listed {
        balanced: true,
        others: false,
    };
    let mut words = Vec::new();
    for name in split_and(raw) {
        if name.trim() == "others" {
            listed.others = true;
        } else if let Some(person) = person(name, &mut words, &mut listed.balanced) {
            out.push(person);
        }
    }
    listed
}

/// Top-level (brace depth 0) byte positions of `raw` where `pred` holds.
fn top_level(raw: &str, mut pred: impl FnMut(usize, u8) -> bool) -> Option<usize> {
    let b = raw.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            c if depth == 0 && pred(i, c) => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The names of a list, split at ` and ` (any case) outside braces.
fn split_and(raw: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(raw);
    std::iter::from_fn(move || {
        let text = rest?;
        let b = text.as_bytes();
        let found = top_level(text, |i, c| {
            c.is_ascii_whitespace()
                && b.get(i + 1..i + 4)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"and"))
                && b.get(i + 4).is_some_and(u8::is_ascii_whitespace)
        });
        match found {
            Some(i) => {
                rest = Some(&text[i + 4..]);
                Some(&text[..i])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Splits `part` into words at blanks outside braces.
fn split_words<'t>(part: &'t str, words: &mut Vec<&'t str>) {
    words.clear();
    let mut rest = part.trim();
    while !rest.is_empty() {
        let end = top_level(rest, |_, c| c.is_ascii_whitespace()).unwrap_or(rest.len());
        words.push(&rest[..end]);
        rest = rest[end..].trim_start();
    }
}

/// Whether `word` is a lower-case (`von`) word: its first letter outside braces is lower case.
/// A word that starts with a plain brace group is protected, never `von`.
fn is_von(word: &str) -> bool {
    let b = word.as_bytes();
    if b.first() == Some(&b'{') && b.get(1) != Some(&b'\\') {
        return false;
    }
    if b.first().is_some_and(u8::is_ascii_alphabetic) {
        return b[0].is_ascii_lowercase();
    }
    let mut text = String::new();
    latex::to_unicode(word, false, &mut text);
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
}

/// The Unicode text of `words`, one space between them.
fn join(words: &[&str], balanced: &mut bool) -> String {
    if words.iter().all(|w| latex::is_plain(w)) {
        return words.join(" ");
    }
    let mut out = String::new();
    for (n, w) in words.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        *balanced &= latex::to_unicode(w, false, &mut out);
    }
    crate::text::clean_owned(out)
}

/// BibLaTeX's `family=Ackooij, prefix=van, given=W.` form.
fn extended(name: &str, balanced: &mut bool) -> Person {
    let mut person = Person::default();
    let mut rest = name;
    while !rest.is_empty() {
        let end = top_level(rest, |_, c| c == b',').unwrap_or(rest.len());
        if let Some((key, value)) = rest[..end].split_once('=') {
            let value = join(&[value.trim()], balanced);
            match key.trim() {
                "family" => person.family = value,
                "given" => person.given = value,
                "prefix" => person.particle = value,
                "suffix" => person.suffix = value,
                _ => {}
            }
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    person
}

fn person<'t>(name: &'t str, words: &mut Vec<&'t str>, balanced: &mut bool) -> Option<Person> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if top_level(name, |_, c| c == b'=').is_some() {
        return Some(extended(name, balanced));
    }
    let comma = top_level(name, |_, c| c == b',');
    let mut suffix = String::new();
    let (von_last, first) = match comma {
        None => (name, None),
        Some(i) => {
            let rest = &name[i + 1..];
            // `von Last, Jr, First`.
            match top_level(rest, |_, c| c == b',') {
                Some(j) => {
                    suffix = join(&[rest[..j].trim()], balanced);
                    (&name[..i], Some(&rest[j + 1..]))
                }
                None => (&name[..i], Some(rest)),
            }
        }
    };
    split_words(von_last, words);
    let n = words.len();
    let (given, particle, family) = match first {
        Some(first) => {
            // `von Last, First`: von runs to the last lower-case word before the final one.
            let von_end = words[..n.saturating_sub(1)]
                .iter()
                .rposition(|w| is_von(w))
                .map_or(0, |k| k + 1);
            (
                join(&[first.trim()], balanced),
                join(&words[..von_end], balanced),
                join(&words[von_end..], balanced),
            )
        }
        None => {
            // `First von Last`: von from the first to the last lower-case word before the final one.
            let inner = &words[..n.saturating_sub(1)];
            match inner.iter().position(|w| is_von(w)) {
                Some(start) => {
                    let end = inner.iter().rposition(|w| is_von(w)).map_or(start, |k| k) + 1;
                    (
                        join(&words[..start], balanced),
                        join(&words[start..end], balanced),
                        join(&words[end..], balanced),
                    )
                }
                None => (
                    join(inner, balanced),
                    String::new(),
                    join(&words[n.saturating_sub(1)..], balanced),
                ),
            }
        }
    };
    Some(
        if given.is_empty() && particle.is_empty() && family.contains(' ') {
            Person::literal(&family)
        } else {
            Person {
                given,
                family,
                particle,
                suffix,
                ..Person::default()
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(raw: &str) -> Vec<String> {
        let mut out = Vec::new();
        assert!(people(raw, &mut out).balanced);
        out.iter()
            .map(|p| {
                if !p.suffix.is_empty() {
                    format!("{}|{}|{}|{}", p.given, p.particle, p.family, p.suffix)
                } else if p.literal.is_empty() {
                    format!("{}|{}|{}", p.given, p.particle, p.family)
                } else {
                    format!("={}", p.literal)
                }
            })
            .collect()
    }

    #[test]
    fn others_is_et_al_not_a_person() {
        let mut out = Vec::new();
        let listed = people("Vaswani, Ashish and Shazeer, Noam and others", &mut out);
        assert!(listed.others && listed.balanced);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].family, "Shazeer");
        // Only the word itself: a person named Others, or others in braces, stays a person.
        assert!(!people("Others, Ann and {others}", &mut out).others);
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn first_von_last() {
        assert_eq!(
            parts("C A Lindbergh and R {La Joie} AND Laurens van der Maaten and van Gogh"),
            [
                "C A||Lindbergh",
                "R||La Joie",
                "Laurens|van der|Maaten",
                "|van|Gogh"
            ]
        );
    }

    #[test]
    fn von_last_first_and_jr() {
        assert_eq!(
            parts("de la Fontaine, Jean and Smith, Jr, John and M{\\\"u}ller, K and van Berg, III, Anna and family=Ackooij, suffix=Jr., given=W."),
            ["Jean|de la|Fontaine", "John||Smith|Jr", "K||Müller", "Anna|van|Berg|III", "W.||Ackooij|Jr."]
        );
    }

    #[test]
    fn braces_protect_and_organisations_are_literal() {
        assert_eq!(
            parts("{World Health Organization} and {Barnes and Noble} and Sch{\\\"o}lkopf"),
            [
                "=World Health Organization",
                "=Barnes and Noble",
                "||Schölkopf"
            ]
        );
    }

    #[test]
    fn extended_name_format() {
        assert_eq!(
            parts("family=Ackooij, prefix=van, useprefix=true, given=W. and given={Jean}, family=Dupont"),
            ["W.|van|Ackooij", "Jean||Dupont"]
        );
    }

    #[test]
    fn accents_decide_von_by_their_letter() {
        assert_eq!(parts("Jean {\\'e}tienne Martin"), ["Jean|étienne|Martin"]);
    }
}
