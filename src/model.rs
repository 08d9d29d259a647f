//! The glossary's entry type and its closed vocabularies (kinds, languages,
//! section keys). Shared with `build.rs`, which validates data into these
//! types and emits them as `static` tables.
//!
//! Strings and lists are `Cow<'static, _>` so that one type serves both the
//! built-in glossary (borrowed from `static` data, no allocation at start-up)
//! and entries loaded at run time (owned).

use std::borrow::Cow;

/// A string in the glossary.
pub type Str = Cow<'static, str>;
/// A list in the glossary.
pub type List<T> = Cow<'static, [T]>;

/// A content language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The language a code names, in any case (`EN`, ` id `).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language code, as in `--lang` and the data files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One piece of text in both languages, side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(pub [Str; 2]);

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        &self.0[lang.index()]
    }
}

/// Declares a closed vocabulary: a `Copy` enum whose variants each have a
/// data key and labels in both languages.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal, $id:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key used in data files and on the command line.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The label in a content language.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Id) => $id, ($name::$variant, Lang::En) => $en,)+
                }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

vocabulary! {
    /// What a term is; decides which sections an entry must have.
    Kind {
        Role => "role", "profesi", "role";
        Concept => "concept", "konsep", "concept";
        Technology => "technology", "teknologi", "technology";
        Technique => "technique", "teknik", "technique";
        Metric => "metric", "metrik", "metric";
        Security => "security", "keamanan", "security";
    }
}

vocabulary! {
    /// Every section an entry can print, in the order of `--section` names.
    /// `Definition`, `Duties`, `Skills` and `Related` have their own fields;
    /// the others are the keys of `[[sections]]` in the data.
    SectionKey {
        Definition => "definition", "Definisi", "Definition";
        Duties => "duties", "Tugas", "Duties";
        Skills => "skills", "Keahlian", "Skills";
        HowItWorks => "how-it-works", "Cara kerja", "How it works";
        Types => "types", "Jenis", "Types";
        Examples => "examples", "Contoh", "Examples";
        Benefits => "benefits", "Manfaat", "Benefits";
        Impact => "impact", "Dampak", "Impact";
        Prevention => "prevention", "Pencegahan", "Prevention";
        Formula => "formula", "Rumus", "Formula";
        Factors => "factors", "Faktor yang memengaruhi", "What moves it";
        BestPractices => "best-practices", "Praktik terbaik", "Best practices";
        Comparison => "comparison", "Perbandingan", "Compared with";
        Related => "related", "Lihat juga", "See also";
        Sources => "sources", "Referensi", "References";
    }
}

impl SectionKey {
    /// Whether this key names a `[[sections]]` entry in the data, rather than
    /// a field of its own.
    pub fn is_generic(self) -> bool {
        !matches!(
            self,
            SectionKey::Definition
                | SectionKey::Duties
                | SectionKey::Skills
                | SectionKey::Related
                | SectionKey::Sources
        )
    }
}

impl Kind {
    /// The `[[sections]]` keys an entry of this kind must have.
    pub fn required_sections(self) -> &'static [SectionKey] {
        match self {
            Kind::Security => &[SectionKey::HowItWorks, SectionKey::Prevention],
            Kind::Metric => &[SectionKey::Formula],
            Kind::Technology | Kind::Technique => &[SectionKey::HowItWorks],
            Kind::Role | Kind::Concept => &[],
        }
    }
}

/// A role's duty: a title and a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duty {
    pub title: Text,
    pub body: Text,
}

/// A group of skills (technical, communication, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillGroup {
    pub group: Text,
    pub items: List<Text>,
}

/// A titled section: prose, bullets, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub key: SectionKey,
    pub body: Option<Text>,
    pub items: List<Text>,
}

/// A page the entry's facts were checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub title: Str,
    pub url: Str,
}

/// One glossary entry, both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub slug: Str,
    pub kind: Kind,
    /// `YYYY-MM-DD`.
    pub updated: Str,
    pub term: Text,
    /// Aliases as written, per language (`[id, en]`).
    pub aliases: [List<Str>; 2],
    pub definition: Text,
    pub duties: List<Duty>,
    pub skills: List<SkillGroup>,
    pub sections: List<Section>,
    pub related: List<Str>,
    /// The pages the facts were checked against, shown last.
    pub sources: List<Reference>,
}

impl Entry {
    /// The aliases of `lang` first, then the other language's, each once.
    pub fn aliases_for(&self, lang: Lang) -> Vec<&str> {
        let other = match lang {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        };
        let mut out: Vec<&str> = Vec::new();
        for l in [lang, other] {
            for alias in self.aliases[l.index()].iter() {
                if !out.iter().any(|seen| seen.eq_ignore_ascii_case(alias)) {
                    out.push(alias);
                }
            }
        }
        out
    }

    /// The section keys this entry has content for, in printing order.
    pub fn section_keys(&self) -> Vec<SectionKey> {
        let mut keys = vec![SectionKey::Definition];
        if !self.duties.is_empty() {
            keys.push(SectionKey::Duties);
        }
        if !self.skills.is_empty() {
            keys.push(SectionKey::Skills);
        }
        keys.extend(self.sections.iter().map(|s| s.key));
        if !self.related.is_empty() {
            keys.push(SectionKey::Related);
        }
        if !self.sources.is_empty() {
            keys.push(SectionKey::Sources);
        }
        keys
    }
}
