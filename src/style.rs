//! The look of text output: semantic pieces mapped to colours, decided once.

use colored::Colorize;

/// A piece of output that may be coloured.
#[derive(Clone, Copy, Debug)]
pub enum Piece {
    Title,
    Kind,
    Alias,
    Heading,
    Number,
    ItemTitle,
    Group,
    Bullet,
    Slug,
    Url,
    /// A word of a search snippet that matched the query.
    Match,
}

/// Whether to colour, decided once from the flags, environment and terminal.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn new(color: bool) -> Style {
        // The decision is ours: stop `colored` from second-guessing it.
        colored::control::set_override(color);
        Style { color }
    }

    pub fn paint(&self, piece: Piece, text: &str) -> String {
        if !self.color {
            return text.to_owned();
        }
        let painted = match piece {
            Piece::Title => text.bold(),
            Piece::Kind | Piece::Alias => text.dimmed(),
            Piece::Heading => text.yellow().bold(),
            Piece::Number | Piece::Bullet => text.cyan(),
            Piece::ItemTitle | Piece::Group => text.bold(),
            Piece::Slug => text.green(),
            Piece::Url => text.underline(),
            Piece::Match => text.bold(),
        };
        painted.to_string()
    }
}
