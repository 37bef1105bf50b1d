//! Filters on the references to write: `--section`, `--since`, `--until`, `--kind`.

use crate::model::{Kind, Reference};

/// Which references to keep. The default keeps every one.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep references with a section path that contains this text (case-insensitive).
    pub section: Option<String>,
    /// Keep references from this year or later (references without a year are dropped).
    pub since: Option<i32>,
    /// Keep references from this year or earlier (references without a year are dropped).
    pub until: Option<i32>,
    /// Keep references of this kind.
    pub kind: Option<Kind>,
}

impl Filter {
    /// Whether `r` passes every filter that is set.
    pub fn keeps(&self, r: &Reference) -> bool {
        let section_ok = self.section.as_ref().is_none_or(|want| {
            let want = want.to_lowercase();
            r.sections
                .iter()
                .any(|path| path.join(" > ").to_lowercase().contains(&want))
        });
        let year = r.year();
        let since_ok = self.since.is_none_or(|s| year.is_some_and(|y| y >= s));
        let until_ok = self.until.is_none_or(|u| year.is_some_and(|y| y <= u));
        let kind_ok = self.kind.is_none_or(|k| r.kind == k);
        section_ok && since_ok && until_ok && kind_ok
    }

    /// Keeps the references that pass.
    pub fn apply(&self, refs: Vec<Reference>) -> Vec<Reference> {
        refs.into_iter().filter(|r| self.keeps(r)).collect()
    }
}

/// The kind called `name` on the command line (`preprint`, `conference-paper`, ...).
pub fn parse_kind(name: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| k.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Origin};

    fn reference(sections: &[&str], year: Option<i32>, kind: Kind) -> Reference {
        let mut r = Reference::new(
            "A Title".into(),
            Origin {
                file: std::path::Path::new("t.md").into(),
                line: 1,
            },
        );
        r.sections = vec![sections.iter().map(|s| s.to_string()).collect()];
        r.date = year.map(Date::year);
        r.kind = kind;
        r
    }

    #[test]
    fn section_is_a_case_insensitive_substring_of_any_path() {
        let f = Filter {
            section: Some("pre-TRAINING".into()),
            ..Filter::default()
        };
        assert!(f.keeps(&reference(&["Papers", "Pre-training"], None, Kind::Other)));
        assert!(!f.keeps(&reference(&["Papers", "Segmentation"], None, Kind::Other)));
        let mut two = reference(&["Segmentation"], None, Kind::Other);
        two.sections.push(["Pre-training".to_string()].into());
        assert!(f.keeps(&two));
    }

    #[test]
    fn years_are_inclusive_and_unknown_years_are_dropped() {
        let f = Filter {
            since: Some(2021),
            until: Some(2022),
            ..Filter::default()
        };
        assert!(f.keeps(&reference(&[], Some(2021), Kind::Other)));
        assert!(f.keeps(&reference(&[], Some(2022), Kind::Other)));
        assert!(!f.keeps(&reference(&[], Some(2020), Kind::Other)));
        assert!(!f.keeps(&reference(&[], Some(2023), Kind::Other)));
        assert!(!f.keeps(&reference(&[], None, Kind::Other)));
        assert!(Filter::default().keeps(&reference(&[], None, Kind::Other)));
    }

    #[test]
    fn kind_names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(parse_kind(k.name()), Some(k));
        }
        assert_eq!(parse_kind("paper"), None);
        let f = Filter {
            kind: Some(Kind::Dataset),
            ..Filter::default()
        };
        assert!(!f.keeps(&reference(&[], None, Kind::Preprint)));
    }
}
