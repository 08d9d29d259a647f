//! The text layout: a title line, then each section under an upper-case
//! heading in the content language, wrapped to the chosen width.

use std::fmt::Write as _;

use super::{Block, Content, View};
use crate::style::{Piece, Style};

/// Indentation of section content.
const INDENT: &str = "  ";

/// Lays out `view`; `width` is the wrap column, `None` for no wrapping.
pub fn render(view: &View, style: Style, width: Option<usize>) -> String {
    let mut out = String::new();
    let mut page = Page {
        out: &mut out,
        style,
        width,
    };
    // The title line comes first even with only some sections, so what
    // is shown always says which term it is about.
    let kind = format!("({})", view.kind.label(view.lang));
    let _ = writeln!(
        page.out,
        "{}  {}",
        style.paint(Piece::Title, &view.term),
        style.paint(Piece::Kind, &kind)
    );
    if !view.filtered && !view.aliases.is_empty() {
        let aliases = format!("alias: {}", view.aliases.join(", "));
        page.wrapped(&style.paint(Piece::Alias, &aliases), "", "");
    }
    for block in &view.blocks {
        page.out.push('\n');
        page.block(view, block);
    }
    out
}

struct Page<'o> {
    out: &'o mut String,
    style: Style,
    width: Option<usize>,
}

impl Page<'_> {
    fn block(&mut self, view: &View, block: &Block) {
        let heading = view.title(block.key).to_uppercase();
        let _ = writeln!(self.out, "{}", self.style.paint(Piece::Heading, &heading));
        match &block.content {
            Content::Paragraphs(paragraphs) => self.paragraphs(paragraphs, INDENT),
            Content::Duties(duties) => {
                for (n, (title, body)) in duties.iter().enumerate() {
                    if n > 0 {
                        self.out.push('\n');
                    }
                    let number = format!("{}.", n + 1);
                    let hang = " ".repeat(INDENT.len() + number.len() + 1);
                    let _ = writeln!(
                        self.out,
                        "{INDENT}{} {}",
                        self.style.paint(Piece::Number, &number),
                        self.style.paint(Piece::ItemTitle, title)
                    );
                    self.paragraphs(body, &hang);
                }
            }
            Content::Skills(groups) => {
                for (group, items) in groups {
                    let _ = writeln!(
                        self.out,
                        "{INDENT}{}",
                        self.style.paint(Piece::Group, group)
                    );
                    self.bullets(items, "    ");
                }
            }
            Content::Prose { body, items } => {
                self.paragraphs(body, INDENT);
                if !body.is_empty() && !items.is_empty() {
                    self.out.push('\n');
                }
                self.bullets(items, INDENT);
            }
            Content::Related(related) => {
                let slugs: Vec<String> = related
                    .iter()
                    .map(|(slug, _)| self.style.paint(Piece::Slug, slug))
                    .collect();
                self.wrapped(&slugs.join(", "), INDENT, INDENT);
            }
            Content::Sources(sources) => {
                // The title wraps; the address stays whole on its own line
                // so a terminal can recognise it as a link.
                for (title, url) in sources {
                    self.bullets(std::slice::from_ref(title), INDENT);
                    let _ = writeln!(self.out, "{INDENT}  {}", self.style.paint(Piece::Url, url));
                }
            }
        }
    }

    fn paragraphs(&mut self, paragraphs: &[String], indent: &str) {
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            self.wrapped(paragraph, indent, indent);
        }
    }

    fn bullets(&mut self, items: &[String], indent: &str) {
        let hang = format!("{indent}  ");
        let bullet = format!("{indent}{} ", self.style.paint(Piece::Bullet, "•"));
        for item in items {
            let plain_first = format!("{indent}• ");
            let start = self.out.len();
            self.wrapped(item, &plain_first, &hang);
            // Colour the bullet after wrapping, so escape codes never count
            // toward the line's width.
            self.out
                .replace_range(start..start + plain_first.len(), &bullet);
        }
    }

    /// Writes `text` from `first` on, wrapped with `rest` on later lines.
    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        let Some(width) = self.width else {
            let _ = writeln!(self.out, "{first}{text}");
            return;
        };
        let width = width.max(textwrap::core::display_width(first) + 20);
        // Break only between words: a slug such as `content-writer` stays whole.
        let options = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for line in textwrap::wrap(text, options) {
            let _ = writeln!(self.out, "{line}");
        }
    }
}
