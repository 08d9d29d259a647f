//! The things kamus can be asked to do, one module each. Each takes the
//! settings and the glossary and returns a [`Report`](crate::report::Report);
//! none of them writes anywhere.

pub mod check;
pub mod find;
pub mod generate;
pub mod list;
pub mod show;
