//! The `Report`: the one type shared by extraction, the index and rendering.
//!
//! Extraction produces exactly one `Report` per input file; the index stores it whole
//! (as JSON) next to the searchable fields, and `show`/`extract --json` print it. Its
//! serialized shape is part of the command-line contract, so fields are only added,
//! never renamed.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One extracted meeting report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Stable identifier: the indexed root's name joined with the path below it.
    pub id: String,
    /// The path the report was read from, as given on the command line.
    pub path: String,
    /// Canonical link, when the page declares one.
    pub url: Option<String>,
    pub title: String,
    pub language: Language,
    /// Dates of the meeting itself, first = the (first) meeting day.
    pub meeting_dates: Vec<Date>,
    /// The meeting's month (`2023-10`) when the text names only the month ("årsmøtet
    /// i oktober 2023"); absent when a day is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_month: Option<String>,
    pub published: Option<Date>,
    pub places: Vec<String>,
    /// Number of participants, when the report states it.
    pub participants: Option<u32>,
    pub people: Vec<Person>,
    pub themes: Vec<String>,
    pub organisations: Vec<Organisation>,
    pub dates_mentioned: Vec<DateMention>,
    /// The body, split into paragraphs, list items, headings and captions, in order.
    pub passages: Vec<Passage>,
}

impl Report {
    /// The date of the meeting the report is about, if the text gives one.
    pub fn meeting_date(&self) -> Option<Date> {
        self.meeting_dates.first().copied()
    }

    /// All passage text joined, as indexed in the body field.
    pub fn body_text(&self) -> String {
        let mut body = String::new();
        for passage in &self.passages {
            if !body.is_empty() {
                body.push('\n');
            }
            body.push_str(&passage.text);
        }
        body
    }
}

/// Which written standard the report is in (a guess from function words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Nynorsk.
    #[default]
    Nn,
    /// Bokmål.
    Nb,
}

/// A named person and what the report says about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form of the name seen in the report.
    pub name: String,
    /// Other forms seen for the same person ("Leni A. Brækhus", a surname alone).
    pub variants: Vec<String>,
    /// Roles and organisations, as written.
    pub roles: Vec<String>,
    pub actions: Vec<Action>,
    /// Indexes into `Report::passages` where the person is named or referred to.
    pub passages: Vec<usize>,
}

/// What a person did in the meeting, as far as the report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Spoke,
    Led,
    Moderated,
    Photographed,
    Absent,
    Mentioned,
}

/// An organisation with the abbreviations the text defines for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub abbreviations: Vec<String>,
}

/// A date found in the text, with the words it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// ISO form: `2023-12-07`, or `2023-12` when the text names only a month.
    pub date: String,
    pub phrase: String,
}

/// One block of body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub kind: PassageKind,
    pub text: String,
    /// Passages of one top-level list item share a section: the paragraphs under a
    /// bullet belong to it ("who spoke about this theme").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<u32>,
    /// The number or letter a list item was marked with: numbered items in a row
    /// are the points of an agenda.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<ListMarker>,
}

/// How a list item was marked: "3." or "3)", "c)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListMarker {
    Number(u32),
    Letter(char),
}

impl Passage {
    pub fn new(kind: PassageKind, text: impl Into<String>) -> Passage {
        Passage {
            kind,
            text: text.into(),
            section: None,
            marker: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    Paragraph,
    Heading,
    ListItem,
    Caption,
}
