//! Problems in glossary files and the files they are in: a problem prints
//! as `file:line:col: message`, and no character in it can drive a
//! terminal.

use std::fmt;

/// One problem in one file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    /// `file:line:col: message`, with any control character that a file's
    /// name or text put into it escaped: a message is printed to a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = format!(
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        );
        f.write_str(&escaped(&line))
    }
}

/// `text` with every character [`is_forbidden`] written as a `\u{…}`
/// escape, so that it is seen but never acts.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_forbidden(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// A glossary file to check: the path to name in messages, and its text.
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// Whether `c` may not appear in glossary text: control characters (other
/// than the newline of multi-line strings and the tab that editors paste,
/// both whitespace to the renderers) and the bidirectional overrides that
/// reorder what a terminal shows.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl Source<'_> {
    /// A problem at byte `offset` of this file.
    pub fn problem(&self, offset: usize, message: impl Into<String>) -> Problem {
        let before = &self.text[..floor_char_boundary(self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Problem {
            file: self.path.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A TOML error as a problem at its place, on one line.
    pub fn toml_problem(&self, e: &toml::de::Error) -> Problem {
        let offset = e.span().map_or(0, |s| s.start);
        self.problem(offset, e.message().trim().replace('\n', " "))
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
