//! The index schema and how a [`Report`] becomes tantivy documents.
//!
//! Two kinds of document share one schema, told apart by `kind`: one per report
//! (title, whole body, dates, the stored `Report`) and one per passage that names
//! someone (its text, its people and the report it belongs to), so that answers
//! about people can always point at the passage that backs them.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Facet, FacetOptions, Field, IndexRecordOption, STORED,
    Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DateTime, TantivyDocument};

use crate::analysis::{ANALYZER, NAME_ANALYZER, PARTS_ANALYZER};
use crate::report::{Person, Report};
use crate::source::{ContentHash, FileStamp};

pub const KIND_REPORT: &str = "report";
pub const KIND_PASSAGE: &str = "passage";

/// Handles to every field, resolved once per opened index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    pub id: Field,
    pub path: Field,
    pub title: Field,
    pub body: Field,
    /// Compound parts of title and body words, ranked below whole words.
    pub parts: Field,
    /// A passage's text and its compound parts, on passage documents. Kept apart
    /// from `body` and `parts` so that searching reports never walks the postings
    /// of the (ten times as many) passages, nor the other way round.
    pub passage: Field,
    pub passage_parts: Field,
    /// The people named in a passage, as name keys (`person` is the report's).
    pub passage_person: Field,
    /// Names (people, and capitalised words until people are extracted), folded.
    pub names: Field,
    /// People of the report (of the passage, on passage documents), as name keys.
    /// Named `person` so that `person:Storøy` works in queries.
    pub person: Field,
    /// Roles as written.
    pub role: Field,
    /// Themes (`tema:`).
    pub theme: Field,
    /// Venue and town (`stad:`).
    pub place: Field,
    /// Facets: `/person/…`, `/tema/…`, `/stad/…`, `/år/…`.
    pub facet: Field,
    /// On passage documents: the id of their report. Not stored, unlike `id`: a
    /// passage is found through fast-field columns and shown from its report.
    pub passage_of: Field,
    /// On passage documents, as fast-field columns: the people named in the passage,
    /// and those named elsewhere in its list item. `people --about` ranks people from
    /// these columns alone and reads stored reports only for the evidence it shows.
    pub named: Field,
    pub near: Field,
    /// The report's own date (meeting, else published), one value, for `--sort date`.
    pub sort_date: Field,
    pub meeting_date: Field,
    pub published: Field,
    /// The report's date for filters and sorting: the meeting, else the publish date.
    pub date: Field,
    pub report: Field,
    pub passage_no: Field,
    /// The source file's [`ContentHash`], and its size and modification time when
    /// it was read, as numeric columns: update runs scan them for every report.
    pub content_hash: Field,
    pub file_size: Field,
    pub file_modified: Field,
}

pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    // Not stored: the text is kept once, in the stored report JSON.
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let date = DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored()
        .set_precision(DateTimePrecision::Seconds);
    // Exact-value fields are filters: no length norms (one byte per document each).
    let exact = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_fieldnorms(false)
            .set_index_option(IndexRecordOption::Basic),
    );
    builder.add_text_field("kind", exact.clone());
    builder.add_text_field("id", exact.clone() | STORED | FAST);
    builder.add_text_field("path", STORED);
    builder.add_text_field("title", text.clone());
    builder.add_text_field("body", text.clone());
    builder.add_text_field("passage", text);
    // Secondary fields: positions only where users write phrases (`person:"…"`,
    // `tema:"…"`), and length norms only where the length of the text is news.
    let unstored = |analyzer: &str, record: IndexRecordOption, norms: bool| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_fieldnorms(norms)
                .set_index_option(record),
        )
    };
    let (freqs, positions) = (
        IndexRecordOption::WithFreqs,
        IndexRecordOption::WithFreqsAndPositions,
    );
    // The parts fields hold only compounds, so their length says how many
    // compounds a text has, not how long it is: no length norms, or a short page
    // with one compound would outrank a long one with four.
    builder.add_text_field("parts", unstored(PARTS_ANALYZER, freqs, false));
    builder.add_text_field("passage_parts", unstored(PARTS_ANALYZER, freqs, false));
    builder.add_text_field("passage_person", unstored(NAME_ANALYZER, freqs, false));
    builder.add_text_field("names", unstored(NAME_ANALYZER, freqs, false));
    builder.add_text_field("person", unstored(NAME_ANALYZER, positions, false));
    builder.add_text_field("rolle", unstored(ANALYZER, positions, false));
    builder.add_text_field("tema", unstored(ANALYZER, positions, false));
    builder.add_text_field("stad", unstored(ANALYZER, positions, false));
    builder.add_facet_field("fasett", FacetOptions::default());
    builder.add_text_field("passage_of", exact | FAST);
    builder.add_text_field("named", FAST);
    builder.add_text_field("near", FAST);
    builder.add_date_field("meeting_date", date.clone());
    builder.add_date_field("published", date.clone());
    builder.add_date_field("dato", date);
    builder.add_text_field("report", STORED);
    builder.add_u64_field("passage_no", FAST);
    builder.add_u64_field("content_hash", FAST);
    builder.add_u64_field("file_size", FAST);
    builder.add_i64_field("file_modified", FAST);
    builder.add_date_field(
        "sort_date",
        DateOptions::default()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    builder.build()
}

impl Fields {
    /// Resolves the fields of `schema`; fails if the index was made with another schema.
    pub fn new(schema: &Schema) -> tantivy::Result<Fields> {
        let field = |name: &str| schema.get_field(name);
        Ok(Fields {
            kind: field("kind")?,
            id: field("id")?,
            path: field("path")?,
            title: field("title")?,
            body: field("body")?,
            parts: field("parts")?,
            passage: field("passage")?,
            passage_parts: field("passage_parts")?,
            passage_person: field("passage_person")?,
            names: field("names")?,
            person: field("person")?,
            role: field("rolle")?,
            theme: field("tema")?,
            place: field("stad")?,
            facet: field("fasett")?,
            passage_of: field("passage_of")?,
            named: field("named")?,
            near: field("near")?,
            sort_date: field("sort_date")?,
            meeting_date: field("meeting_date")?,
            published: field("published")?,
            date: field("dato")?,
            report: field("report")?,
            passage_no: field("passage_no")?,
            content_hash: field("content_hash")?,
            file_size: field("file_size")?,
            file_modified: field("file_modified")?,
        })
    }

    /// The report document followed by one document per passage.
    pub fn documents(
        &self,
        report: &Report,
        content_hash: ContentHash,
        file_stamp: Option<FileStamp>,
    ) -> Vec<TantivyDocument> {
        let mut docs = Vec::with_capacity(report.passages.len() + 1);
        let mut doc = TantivyDocument::default();
        doc.add_text(self.kind, KIND_REPORT);
        doc.add_text(self.id, &report.id);
        doc.add_text(self.path, &report.path);
        doc.add_text(self.title, &report.title);
        doc.add_text(self.parts, &report.title);
        // One value per passage: a phrase does not run on from one passage into the
        // next, and each passage's terms are made once for the body and again
        // (remembered, see `analysis::register`) for its passage document.
        for passage in &report.passages {
            doc.add_text(self.body, &passage.text);
            doc.add_text(self.parts, &passage.text);
        }
        doc.add_text(self.names, name_words(report));
        for date in &report.meeting_dates {
            doc.add_date(self.meeting_date, to_index_date(*date));
        }
        if let Some(published) = report.published {
            doc.add_date(self.published, to_index_date(published));
        }
        // The report and each of its passage documents count for the same days.
        let days: Vec<DateTime> = filter_dates(report)
            .into_iter()
            .map(to_index_date)
            .collect();
        for &day in &days {
            doc.add_date(self.date, day);
        }
        for person in &report.people {
            doc.add_text(self.person, person_names(person));
            for role in &person.roles {
                doc.add_text(self.role, role);
            }
            doc.add_facet(
                self.facet,
                Facet::from_path(["person", person.name.as_str()]),
            );
        }
        for theme in &report.themes {
            doc.add_text(self.theme, theme);
            doc.add_facet(self.facet, Facet::from_path(["tema", theme.as_str()]));
        }
        for place in &report.places {
            doc.add_text(self.place, place);
            doc.add_facet(self.facet, Facet::from_path(["stad", place.as_str()]));
        }
        if let Some(date) = report.meeting_date().or(report.published) {
            doc.add_date(self.sort_date, to_index_date(date));
            doc.add_facet(
                self.facet,
                Facet::from_path(["år", date.year().to_string().as_str()]),
            );
        }
        let json = serde_json::to_string(report).unwrap_or_default();
        doc.add_text(self.report, json);
        doc.add_u64(self.content_hash, content_hash.0);
        if let Some(stamp) = file_stamp {
            doc.add_u64(self.file_size, stamp.size);
            doc.add_i64(self.file_modified, stamp.modified_ns);
        }
        docs.push(doc);

        // Passages that name no one (in themselves or their list item) are never
        // an answer about people, and are left out before anything is built.
        for (no, passage) in report.passages.iter().enumerate() {
            let in_section = |person: &&Person| {
                passage.section.is_some()
                    && person.passages.iter().any(|&i| {
                        report
                            .passages
                            .get(i)
                            .is_some_and(|q| q.section == passage.section)
                    })
            };
            let (named, others): (Vec<&Person>, Vec<&Person>) = report
                .people
                .iter()
                .partition(|person| person.passages.contains(&no));
            let near: Vec<&Person> = others.into_iter().filter(in_section).collect();
            if named.is_empty() && near.is_empty() {
                continue;
            }
            let mut doc = TantivyDocument::default();
            doc.add_text(self.kind, KIND_PASSAGE);
            doc.add_text(self.passage_of, &report.id);
            doc.add_text(self.passage, &passage.text);
            doc.add_text(self.passage_parts, &passage.text);
            doc.add_u64(self.passage_no, no as u64);
            for person in named {
                doc.add_text(self.passage_person, person_names(person));
                doc.add_text(self.named, &person.name);
            }
            for person in near {
                doc.add_text(self.near, &person.name);
            }
            if let Some(date) = report.meeting_date() {
                doc.add_date(self.meeting_date, to_index_date(date));
            }
            for &day in &days {
                doc.add_date(self.date, day);
            }
            docs.push(doc);
        }
        docs
    }
}

/// The days a report counts for in date filters: every day of the meeting, else
/// the publish date.
fn filter_dates(report: &Report) -> Vec<Date> {
    if report.meeting_dates.is_empty() {
        report.published.into_iter().collect()
    } else {
        report.meeting_dates.clone()
    }
}

/// A person's name and the other spellings seen, for the `person` field.
fn person_names(person: &Person) -> String {
    std::iter::once(person.name.as_str())
        .chain(person.variants.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words searched as names: the people found in the report, and every
/// capitalised word (people not recognised as such are still found by name).
fn name_words(report: &Report) -> String {
    let mut words = String::new();
    for person in &report.people {
        words.push_str(&person.name);
        words.push(' ');
    }
    for passage in std::iter::once(report.title.as_str())
        .chain(report.passages.iter().map(|p| p.text.as_str()))
    {
        for word in passage.split(|c: char| !c.is_alphanumeric() && c != '-') {
            if word.chars().next().is_some_and(char::is_uppercase) {
                words.push_str(word);
                words.push(' ');
            }
        }
    }
    words
}

/// A calendar day as stored in the index: midnight UTC.
pub fn to_index_date(date: Date) -> DateTime {
    let seconds = date
        .to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or_default();
    DateTime::from_timestamp_secs(seconds)
}

/// The calendar day of an index date.
pub fn from_index_date(value: DateTime) -> Option<Date> {
    let ts = jiff::Timestamp::from_second(value.into_timestamp_secs()).ok()?;
    Some(ts.to_zoned(TimeZone::UTC).date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_round_trip_through_the_index() {
        for day in [date(1998, 1, 1), date(2023, 11, 14), date(2024, 2, 29)] {
            assert_eq!(from_index_date(to_index_date(day)), Some(day));
        }
    }
}
