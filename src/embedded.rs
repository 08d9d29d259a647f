//! The built-in glossary: the tables `build.rs` generated from `data/`,
//! included in this one place.

use std::borrow::Cow;

use crate::index::{Key, Via};
use crate::model::{Duty, Entry, Kind, Section, SectionKey, SkillGroup, Text};

include!(concat!(env!("OUT_DIR"), "/glossary.rs"));
