//! Query: answers searches against an opened index.
//!
//! Queries use tantivy's query language (AND/OR/NOT, `+`/`-`, "phrases",
//! `field:term`) with every word required by default: a user who types two words
//! means both. Only report documents are ranked here; passage documents serve the
//! people and question commands.

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;
use tantivy::Order;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::query::{Query, QueryParser};
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;

pub mod answers;
pub mod ask;
pub mod filter;

pub use filter::{BadDate, DateRange, ReportFilter};

use crate::analysis::stopwords::is_stopword;
use crate::index::schema::{KIND_REPORT, from_index_date};
use crate::index::{IndexError, OpenIndex};
use crate::report::Report;

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("empty query: give one or more words to search for")]
    Empty,
    #[error("cannot read query '{query}': {reason}")]
    Syntax { query: String, reason: String },
    #[error("no report with id '{0}' in the index (ids are printed by `referat search`)")]
    UnknownId(String),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("search failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("stored report is unreadable: {0}")]
    Stored(String),
    #[error(transparent)]
    Date(#[from] BadDate),
}

/// One ranked report.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub path: String,
    pub title: String,
    pub meeting_date: Option<Date>,
    pub published: Option<Date>,
    pub score: f32,
    /// A passage of the body around the best matches, as plain text.
    pub snippet: String,
    /// Byte ranges of the matched words within `snippet`.
    pub highlights: Vec<Range<usize>>,
}

/// Search options.
#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub limit: usize,
    pub filter: ReportFilter,
    /// Newest first instead of best first.
    pub by_date: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            filter: ReportFilter::default(),
            by_date: false,
        }
    }
}

/// Takes `dato:2023-11` and `dato:2023-09..2023-12` out of a query and into the
/// filter: dates are spans, not words.
pub fn take_date_terms(text: &str, filter: &mut ReportFilter) -> Result<String, QueryError> {
    static DATO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?i)\bdato:(?:"([^"]+)"|(\S+))"#).expect("valid regex")
    });
    // Most queries have no date: they need not pay for building the pattern.
    if !text.to_lowercase().contains("dato:") {
        return Ok(text.trim().to_string());
    }
    let mut rest = String::with_capacity(text.len());
    let mut at = 0;
    for caps in DATO.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        rest.push_str(&text[at..whole.start()]);
        at = whole.end();
        let value = caps
            .get(1)
            .or_else(|| caps.get(2))
            .map_or("", |m| m.as_str());
        let (from, to) = value.split_once("..").unwrap_or((value, value));
        let from = if from.is_empty() {
            None
        } else {
            Some(DateRange::parse(from)?)
        };
        let to = if to.is_empty() {
            None
        } else {
            Some(DateRange::parse(to)?)
        };
        if let Some(from) = from {
            filter.from = Some(filter.from.map_or(from.first, |f| f.max(from.first)));
        }
        if let Some(to) = to {
            filter.to = Some(filter.to.map_or(to.last, |t| t.min(to.last)));
        }
    }
    rest.push_str(&text[at..]);
    Ok(rest.trim().to_string())
}

/// Length of snippets, in characters.
const SNIPPET_CHARS: usize = 180;

/// Parses `text` in tantivy's query language over titles (boosted) and bodies.
pub fn parse(open: &OpenIndex, text: &str) -> Result<Box<dyn Query>, QueryError> {
    let fields = open.fields;
    parse_fields(
        open,
        text,
        &[
            fields.title,
            fields.body,
            fields.parts,
            fields.names,
            fields.person,
            fields.theme,
            fields.place,
        ],
    )
}

/// Parses `text` with `default_fields` searched when a word names no field.
pub fn parse_fields(
    open: &OpenIndex,
    text: &str,
    default_fields: &[tantivy::schema::Field],
) -> Result<Box<dyn Query>, QueryError> {
    if text.trim().is_empty() {
        return Err(QueryError::Empty);
    }
    let fields = open.fields;
    let mut parser = QueryParser::new(
        open.index.schema(),
        default_fields.to_vec(),
        crate::analysis::query_tokenizers(),
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.title, 2.0);
    // A compound's part is a weaker match than the word itself.
    parser.set_field_boost(fields.parts, 0.3);
    parser.set_field_boost(fields.passage_parts, 0.3);
    parser.set_field_boost(fields.names, 0.8);
    parser.set_field_boost(fields.person, 1.5);
    parser.set_field_boost(fields.theme, 1.5);
    let text = without_stopwords(&nested_not(text));
    let text = text.as_str();
    parser.parse_query(text).map_err(|e| QueryError::Syntax {
        query: text.to_string(),
        reason: e.to_string(),
    })
}

/// "a AND NOT b" means "a, without b"; tantivy's parser would read the "NOT b" as a
/// group of its own that matches nothing.
fn nested_not(text: &str) -> String {
    static AND_NOT: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\bAND\s+NOT\b").expect("valid regex"));
    if !text.contains("AND") {
        return text.to_string();
    }
    AND_NOT.replace_all(text, "NOT").into_owned()
}

/// Drops function words from a plain query ("møte i Molde" → "møte Molde") so they
/// neither narrow nor dilute the ranking. Queries with quotes, operators or fields
/// are the user's own syntax and are left as typed.
fn without_stopwords(text: &str) -> String {
    let plain = !text.contains(['"', ':', '(', '+', '-'])
        && !text
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT"));
    if !plain {
        return text.to_string();
    }
    let kept: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !is_stopword(&w.to_lowercase()))
        .collect();
    if kept.is_empty() {
        text.to_string()
    } else {
        kept.join(" ")
    }
}

/// The report documents matching `text` (words, or none for every report with a
/// filter) and `filter`; `dato:` terms in the text become part of the filter.
pub fn report_query(
    open: &OpenIndex,
    text: &str,
    filter: &ReportFilter,
) -> Result<Box<dyn Query>, QueryError> {
    let mut filter = filter.clone();
    let text = take_date_terms(text, &mut filter)?;
    let parsed = if text.is_empty() {
        if filter.is_empty() {
            return Err(QueryError::Empty);
        }
        None
    } else {
        Some(parse(open, &text)?)
    };
    let mut clauses = filter.clauses(open).map_err(|e| QueryError::Syntax {
        query: text.clone(),
        reason: e.to_string(),
    })?;
    if needs_kind_clause(parsed.is_some().then_some(text.as_str())) {
        clauses.push(filter::kind_clause(open, KIND_REPORT));
    }
    Ok(filter::combine(parsed, clauses))
}

/// Whether a query needs a clause keeping it to one kind of document. The default
/// fields of report searches are on report documents only, and those of passage
/// searches on passage documents only; a query naming fields, or no query at all
/// (filters alone), could reach both kinds.
pub(crate) fn needs_kind_clause(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.contains(':'))
}

/// Ranked reports matching `text`.
pub fn search(
    open: &OpenIndex,
    text: &str,
    options: &SearchOptions,
) -> Result<Vec<Hit>, QueryError> {
    let query = report_query(open, text, &options.filter)?;
    let searcher = open.searcher()?;
    let limit = options.limit.max(1);
    let top: Vec<(f32, tantivy::DocAddress)> = if options.by_date {
        // Newest first from the date column, best first within a day.
        let newest = TopDocs::with_limit(limit).order_by((
            (
                SortByStaticFastValue::<tantivy::DateTime>::for_field("sort_date"),
                Order::Desc,
            ),
            (SortBySimilarityScore, Order::Desc),
        ));
        searcher
            .search(&*query, &newest)?
            .into_iter()
            .map(|((_, score), address)| (score, address))
            .collect()
    } else {
        searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?
    };
    let mut snippets = SnippetGenerator::create(&searcher, &*query, open.fields.body)?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    let fields = open.fields;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let date = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_datetime())
                .and_then(from_index_date)
        };
        // Titles and bodies are kept once, inside the stored report.
        let report: Report = serde_json::from_str(&text(fields.report))
            .map_err(|e| QueryError::Stored(e.to_string()))?;
        let body = report.body_text();
        let snippet = snippets.snippet(&body);
        let (snippet_text, highlights) = if snippet.is_empty() {
            (lead(&body), Vec::new())
        } else {
            (
                snippet.fragment().to_string(),
                snippet.highlighted().to_vec(),
            )
        };
        hits.push(Hit {
            id: text(fields.id),
            path: text(fields.path),
            title: report.title.clone(),
            meeting_date: date(fields.meeting_date),
            published: date(fields.published),
            score,
            snippet: snippet_text,
            highlights,
        });
    }
    // Equal scores (a report as HTML and as text) in a stable order.
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    if options.by_date {
        hits.sort_by(|a, b| {
            b.meeting_date
                .or(b.published)
                .cmp(&a.meeting_date.or(a.published))
                .then_with(|| b.score.total_cmp(&a.score))
                .then_with(|| a.id.cmp(&b.id))
        });
    }
    Ok(hits)
}

/// The start of a body, for hits that matched only in the title.
fn lead(body: &str) -> String {
    let mut end = body.len().min(SNIPPET_CHARS);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body[..end].to_string()
}

/// The stored report with `id`.
pub fn report(open: &OpenIndex, id: &str) -> Result<Report, QueryError> {
    let searcher = open.searcher()?;
    answers::report_by_id(open, &searcher, id)?.ok_or_else(|| QueryError::UnknownId(id.to_string()))
}
