//! The markdown layout: the same content as text, as a document.

use std::fmt::Write as _;

use super::{Content, View};

pub fn render(view: &View) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", view.term);
    let _ = write!(out, "*{}*", view.kind.label(view.lang));
    if !view.filtered && !view.aliases.is_empty() {
        let _ = write!(out, " · alias: {}", view.aliases.join(", "));
    }
    out.push_str("\n\n");
    for block in &view.blocks {
        let _ = writeln!(out, "## {}\n", view.title(block.key));
        match &block.content {
            Content::Paragraphs(paragraphs) => paras(&mut out, paragraphs, ""),
            Content::Duties(duties) => {
                for (n, (title, body)) in duties.iter().enumerate() {
                    let _ = writeln!(out, "{}. **{title}**\n", n + 1);
                    paras(&mut out, body, "   ");
                }
            }
            Content::Skills(groups) => {
                for (group, items) in groups {
                    let _ = writeln!(out, "### {group}\n");
                    bullets(&mut out, items);
                }
            }
            Content::Prose { body, items } => {
                paras(&mut out, body, "");
                bullets(&mut out, items);
            }
            Content::Related(related) => {
                let pairs: Vec<(String, String)> = related
                    .iter()
                    .map(|(s, t)| (format!("`{s}`"), (*t).to_owned()))
                    .collect();
                let lines: Vec<String> = pairs.iter().map(|(s, t)| format!("{s} — {t}")).collect();
                bullets(&mut out, &lines);
            }
            Content::Sources(sources) => {
                let lines: Vec<String> = sources
                    .iter()
                    .map(|(title, url)| format!("[{}](<{url}>)", escape_link_text(title)))
                    .collect();
                bullets(&mut out, &lines);
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn paras(out: &mut String, paragraphs: &[String], indent: &str) {
    for paragraph in paragraphs {
        let _ = writeln!(out, "{indent}{paragraph}\n");
    }
}

fn bullets(out: &mut String, items: &[String]) {
    if items.is_empty() {
        return;
    }
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}

/// Link text with the brackets and backslashes that would end it escaped.
fn escape_link_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
