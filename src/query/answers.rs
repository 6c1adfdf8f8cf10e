//! Answers about people, themes and meetings, aggregated over the stored reports.
//!
//! Every answer is backed by reports (and, for `people --about`, by the passages
//! that name the person), so a user can always see where it came from.

use std::collections::{BTreeSet, HashMap, HashSet};

use jiff::civil::Date;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::filter::{ReportFilter, combine, kind_clause};
use super::{QueryError, parse_fields};
use crate::analysis::names::name_key;
use crate::index::OpenIndex;
use crate::index::schema::{KIND_PASSAGE, KIND_REPORT};
use crate::report::{Action, Organisation, Passage, Report};

/// Every document in the index: the limit of a search that must not leave any out.
fn all_documents(searcher: &Searcher) -> usize {
    usize::try_from(searcher.num_docs())
        .unwrap_or(usize::MAX)
        .max(1)
}

/// The reports matching `query` (all when `None`) and `filter`, best first: every
/// one of them, however large the archive.
pub fn reports(
    open: &OpenIndex,
    query: Option<&str>,
    filter: &ReportFilter,
) -> Result<Vec<(f32, Report)>, QueryError> {
    matching(open, query, filter, None)
}

/// The `limit` best reports matching `query` and `filter`.
pub fn best_reports(
    open: &OpenIndex,
    query: Option<&str>,
    filter: &ReportFilter,
    limit: usize,
) -> Result<Vec<(f32, Report)>, QueryError> {
    matching(open, query, filter, Some(limit))
}

/// Reads a list of passages, keeping the first and skipping over the rest.
fn first_passage<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Passage>, D::Error> {
    struct First;
    impl<'de> serde::de::Visitor<'de> for First {
        type Value = Vec<Passage>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of passages")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let first: Option<Passage> = seq.next_element()?;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok(first.into_iter().collect())
        }
    }
    deserializer.deserialize_seq(First)
}

/// The `limit` best reports matching `query` and `filter` (all of them without a
/// limit).
fn matching(
    open: &OpenIndex,
    query: Option<&str>,
    filter: &ReportFilter,
    limit: Option<usize>,
) -> Result<Vec<(f32, Report)>, QueryError> {
    let searcher = open.searcher()?;
    let parsed = match query.filter(|q| !q.trim().is_empty()) {
        Some(q) => Some(super::parse(open, q)?),
        None => None,
    };
    let mut clauses = filter_clauses(open, filter)?;
    if super::needs_kind_clause(query.filter(|_| parsed.is_some())) {
        clauses.push(kind_clause(open, KIND_REPORT));
    }
    let query = combine(parsed, clauses);
    let limit = limit.unwrap_or_else(|| all_documents(&searcher)).max(1);
    let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
    let read = |&(score, address): &(f32, DocAddress)| {
        Ok((score, stored_report(open, &searcher, address)?))
    };
    // Many reports are read on all cores, in order; a few at once, without waking
    // threads for them.
    const READ_IN_PARALLEL: usize = 256;
    if top.len() >= READ_IN_PARALLEL {
        use rayon::prelude::*;
        top.par_iter().map(read).collect()
    } else {
        top.iter().map(read).collect()
    }
}

fn filter_clauses(
    open: &OpenIndex,
    filter: &ReportFilter,
) -> Result<super::filter::Clauses, QueryError> {
    filter.clauses(open).map_err(|e| QueryError::Syntax {
        query: format!("{filter:?}"),
        reason: e.to_string(),
    })
}

/// The reports that match `filter` (and `within`, if given).
fn reports_query(
    open: &OpenIndex,
    filter: &ReportFilter,
    within: Option<Box<dyn Query>>,
) -> Result<Box<dyn Query>, QueryError> {
    let mut clauses = filter_clauses(open, filter)?;
    clauses.push(kind_clause(open, KIND_REPORT));
    Ok(combine(within, clauses))
}

/// Every document `query` matches, in index order: neighbouring reports share
/// their compressed blocks and a segment's columns are opened once.
fn addresses(searcher: &Searcher, query: &dyn Query) -> Result<Vec<DocAddress>, QueryError> {
    let mut found: Vec<DocAddress> = searcher
        .search(query, &tantivy::collector::DocSetCollector)?
        .into_iter()
        .collect();
    found.sort_unstable();
    Ok(found)
}

/// The date a report counts for: the meeting, else the publish date.
fn dated(meeting_dates: &[Date], published: Option<Date>) -> Option<Date> {
    meeting_dates.first().copied().or(published)
}

pub(crate) fn stored_report(
    open: &OpenIndex,
    searcher: &Searcher,
    address: DocAddress,
) -> Result<Report, QueryError> {
    stored(open, searcher, address)
}

/// The stored report at `address`, read as `T` (a [`Report`], or part of one).
fn stored<T: DeserializeOwned>(
    open: &OpenIndex,
    searcher: &Searcher,
    address: DocAddress,
) -> Result<T, QueryError> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let json = doc
        .get_first(open.fields.report)
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    serde_json::from_str(json).map_err(|e| QueryError::Stored(e.to_string()))
}

/// The stored report with `id`, if the index has one.
pub(crate) fn report_by_id(
    open: &OpenIndex,
    searcher: &Searcher,
    id: &str,
) -> Result<Option<Report>, QueryError> {
    let term = Term::from_field_text(open.fields.id, id);
    let query = combine(
        Some(Box::new(TermQuery::new(term, IndexRecordOption::Basic))),
        vec![kind_clause(open, KIND_REPORT)],
    );
    let top = searcher.search(&*query, &TopDocs::with_limit(1).order_by_score())?;
    match top.first() {
        Some((_, address)) => Ok(Some(stored_report(open, searcher, *address)?)),
        None => Ok(None),
    }
}

/// The report's date: the meeting, else the publish date.
pub fn report_date(report: &Report) -> Option<Date> {
    dated(&report.meeting_dates, report.published)
}

/// One person across the reports.
#[derive(Debug, Clone, Serialize)]
pub struct PersonSummary {
    pub name: String,
    /// Number of reports the person appears in.
    pub reports: usize,
    /// Roles as written, most recent first.
    pub roles: Vec<String>,
    pub first: Option<Date>,
    pub last: Option<Date>,
    pub actions: Vec<Action>,
}

/// What `people` reads of a stored report.
#[derive(Deserialize)]
struct PeopleOfReport {
    meeting_dates: Vec<Date>,
    published: Option<Date>,
    people: Vec<PersonOfReport>,
}

#[derive(Deserialize)]
struct PersonOfReport {
    name: String,
    roles: Vec<String>,
    actions: Vec<Action>,
}

/// Where something was seen, in newest-first order: the report's date (undated
/// last), then the report's place in the index, then the person's place in the
/// report and the role's among the person's. The earliest sighting of a name or
/// role decides how it is shown and listed, so the answer does not depend on the
/// order the reports were read in.
type Sighting = (std::cmp::Reverse<Option<Date>>, DocAddress, (usize, usize));

/// One person's standing while the reports are read.
struct PersonTally {
    name: (Sighting, String),
    reports: usize,
    roles: HashMap<String, Sighting>,
    actions: BTreeSet<Action>,
    first: Option<Date>,
    last: Option<Date>,
}

impl Merge for PersonTally {
    fn merge(&mut self, other: PersonTally) {
        if other.name.0 < self.name.0 {
            self.name = other.name;
        }
        self.reports += other.reports;
        for (role, seen) in other.roles {
            let best = self.roles.entry(role).or_insert(seen);
            *best = (*best).min(seen);
        }
        self.actions.extend(other.actions);
        self.first = min_date(self.first, other.first);
        self.last = self.last.max(other.last);
    }
}

fn min_date(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// People in the matching reports, most reports first.
///
/// The facet counts say how many reports name each person, so only the reports
/// of the people who make the list are read: the `limit` with most reports, and
/// everyone tied with the last of them (the tie is broken by date and name, which
/// only the reports tell). Those reports are folded into tallies as they are read,
/// on all cores, and never kept.
pub fn people(
    open: &OpenIndex,
    filter: &ReportFilter,
    limit: usize,
) -> Result<Vec<PersonSummary>, QueryError> {
    if limit == 0 {
        // Still an error for a filter that is one.
        filter_clauses(open, filter)?;
        return Ok(Vec::new());
    }
    let (listed, names) = people_on_the_list(open, filter, limit)?;
    // A few thousand names are looked up at once; a list of more (a long tie at
    // the bottom) reads every report instead.
    const MAX_NAMES_LOOKED_UP: usize = 4096;
    let within: Option<Box<dyn Query>> = (names.len() <= MAX_NAMES_LOOKED_UP).then(|| {
        let terms = names.iter().map(|name| {
            Term::from_facet(
                open.fields.facet,
                &Facet::from_path(["person", name.as_str()]),
            )
        });
        Box::new(tantivy::query::TermSetQuery::new(terms)) as Box<dyn Query>
    });
    type Tallies = HashMap<String, PersonTally>;
    let add = |mut tallies: Tallies, report: PeopleOfReport, address: DocAddress| {
        let date = dated(&report.meeting_dates, report.published);
        let newest = std::cmp::Reverse(date);
        for (no, person) in report.people.into_iter().enumerate() {
            let key = name_key(&person.name);
            if !listed.contains(&key) {
                continue;
            }
            let roles = person.roles.into_iter().enumerate();
            let tally = PersonTally {
                name: ((newest, address, (no, 0)), person.name),
                reports: 1,
                roles: roles
                    .map(|(i, role)| (role, (newest, address, (no, i))))
                    .collect(),
                actions: person.actions.into_iter().collect(),
                first: date,
                last: date,
            };
            tally_into(&mut tallies, key, tally);
        }
        tallies
    };
    let tallies = fold_reports(open, filter, within, Tallies::default, add, merge_tallies)?;
    let mut people: Vec<PersonSummary> = tallies
        .into_values()
        .map(|tally| {
            let mut roles: Vec<(String, Sighting)> = tally.roles.into_iter().collect();
            roles.sort_by_key(|(_, seen)| *seen);
            PersonSummary {
                name: tally.name.1,
                reports: tally.reports,
                roles: roles.into_iter().map(|(role, _)| role).collect(),
                first: tally.first,
                last: tally.last,
                actions: tally.actions.into_iter().collect(),
            }
        })
        .collect();
    people.sort_by(|a, b| {
        b.reports
            .cmp(&a.reports)
            .then_with(|| b.last.cmp(&a.last))
            .then_with(|| a.name.cmp(&b.name))
    });
    people.truncate(limit);
    Ok(people)
}

/// The name keys of the people who make a `people` list of `limit`, and every
/// spelling of their names, from the facet counts of the reports matching
/// `filter`. A report names each person once (extraction merges the spellings it
/// sees), so a key's count is the number of reports the list will show.
fn people_on_the_list(
    open: &OpenIndex,
    filter: &ReportFilter,
    limit: usize,
) -> Result<(HashSet<String>, Vec<String>), QueryError> {
    let searcher = open.searcher()?;
    let query = reports_query(open, filter, None)?;
    let mut collector = FacetCollector::for_field("fasett");
    collector.add_facet("/person");
    let counts = searcher.search(&*query, &collector)?;
    let mut by_key: HashMap<String, (u64, Vec<String>)> = HashMap::new();
    for (facet, count) in counts.get("/person") {
        if let Some(name) = facet.to_path().last() {
            let entry = by_key.entry(name_key(name)).or_default();
            entry.0 += count;
            entry.1.push((*name).to_string());
        }
    }
    let mut totals: Vec<u64> = by_key.values().map(|(count, _)| *count).collect();
    totals.sort_unstable_by(|a, b| b.cmp(a));
    let least = totals.get(limit - 1).copied().unwrap_or(0);
    let mut listed = HashSet::new();
    let mut names = Vec::new();
    for (key, (count, spellings)) in by_key {
        if count >= least {
            listed.insert(key);
            names.extend(spellings);
        }
    }
    Ok((listed, names))
}

/// What an answer knows about one person or theme while reports are folded; the
/// tallies of two runs of reports merge into one.
trait Merge {
    fn merge(&mut self, other: Self);
}

/// Adds `tally` to the one kept under `key`.
fn tally_into<T: Merge>(tallies: &mut HashMap<String, T>, key: String, tally: T) {
    match tallies.entry(key) {
        std::collections::hash_map::Entry::Occupied(mut slot) => slot.get_mut().merge(tally),
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert(tally);
        }
    }
}

/// The tallies of two runs of reports, merged.
fn merge_tallies<T: Merge>(mut a: HashMap<String, T>, b: HashMap<String, T>) -> HashMap<String, T> {
    for (key, tally) in b {
        tally_into(&mut a, key, tally);
    }
    a
}

/// Folds every report matching `filter` (and `within`, if given), read from the
/// store as `T`, into an aggregate: each core folds a run of neighbouring reports,
/// and the aggregates are merged.
fn fold_reports<T, A>(
    open: &OpenIndex,
    filter: &ReportFilter,
    within: Option<Box<dyn Query>>,
    start: impl Fn() -> A + Sync + Send,
    add: impl Fn(A, T, DocAddress) -> A + Sync + Send,
    merge: impl Fn(A, A) -> A + Sync + Send,
) -> Result<A, QueryError>
where
    T: DeserializeOwned,
    A: Send,
{
    use rayon::prelude::*;
    let searcher = open.searcher()?;
    addresses(&searcher, &*reports_query(open, filter, within)?)?
        .par_iter()
        .with_min_len(64)
        .try_fold(&start, |aggregate, &address| {
            Ok(add(
                aggregate,
                stored::<T>(open, &searcher, address)?,
                address,
            ))
        })
        .try_reduce(&start, |a, b| Ok(merge(a, b)))
}

/// A passage that backs an answer.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub report: String,
    pub title: String,
    pub date: Option<Date>,
    pub passage: String,
}

/// A person ranked by the passages about a query.
#[derive(Debug, Clone, Serialize)]
pub struct PersonAnswer {
    pub name: String,
    pub score: f32,
    pub roles: Vec<String>,
    /// Was absent from the meeting the evidence comes from.
    pub absent: bool,
    pub evidence: Evidence,
}

/// A passage matching a question about people, read from fast-field columns only.
struct PassageHit {
    score: f32,
    report: String,
    passage_no: usize,
    /// People named in the passage.
    named: Vec<String>,
    /// People named elsewhere in its list item.
    near: Vec<String>,
}

/// Reads the string values of a fast-field column for one document.
fn column_strings(
    column: &tantivy::columnar::StrColumn,
    doc: tantivy::DocId,
    out: &mut Vec<String>,
) -> Result<(), QueryError> {
    for ord in column.term_ords(doc) {
        let mut value = String::new();
        column
            .ord_to_str(ord, &mut value)
            .map_err(|e| QueryError::Tantivy(e.into()))?;
        out.push(value);
    }
    Ok(())
}

/// The ids of the reports matching `filter`, from the id column.
fn report_ids(open: &OpenIndex, filter: &ReportFilter) -> Result<BTreeSet<String>, QueryError> {
    let searcher = open.searcher()?;
    let found = addresses(&searcher, &*reports_query(open, filter, None)?)?;
    let mut ids = BTreeSet::new();
    let mut values = Vec::new();
    for segment_hits in found.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let segment = searcher.segment_reader(segment_hits[0].segment_ord);
        let Some(column) = segment.fast_fields().str("id")? else {
            continue;
        };
        for address in segment_hits {
            column_strings(&column, address.doc_id, &mut values)?;
        }
    }
    ids.extend(values);
    Ok(ids)
}

/// The passages that name someone and match `query`, best first.
fn passages(
    open: &OpenIndex,
    query: &str,
    filter: &ReportFilter,
    limit: usize,
) -> Result<Vec<PassageHit>, QueryError> {
    let searcher = open.searcher()?;
    let parsed = parse_fields(
        open,
        query,
        &[
            open.fields.passage,
            open.fields.passage_parts,
            open.fields.passage_person,
        ],
    )?;
    let date_only = ReportFilter {
        from: filter.from,
        to: filter.to,
        ..ReportFilter::default()
    };
    let mut clauses = filter_clauses(open, &date_only)?;
    if super::needs_kind_clause(Some(query)) {
        clauses.push(kind_clause(open, KIND_PASSAGE));
    }
    let query = combine(Some(parsed), clauses);
    let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
    // The passage columns, opened once per segment rather than once per hit.
    type Columns = (
        tantivy::columnar::StrColumn,
        tantivy::columnar::StrColumn,
        tantivy::columnar::StrColumn,
        tantivy::columnar::Column<u64>,
    );
    let mut columns: HashMap<u32, Option<Columns>> = HashMap::new();
    let mut found = Vec::with_capacity(top.len());
    let mut ids = Vec::new();
    for (score, address) in top {
        if let std::collections::hash_map::Entry::Vacant(slot) = columns.entry(address.segment_ord)
        {
            let fast = searcher.segment_reader(address.segment_ord).fast_fields();
            let opened = match (
                fast.str("passage_of")?,
                fast.str("named")?,
                fast.str("near")?,
            ) {
                (Some(of), Some(named), Some(near)) => {
                    Some((of, named, near, fast.u64("passage_no")?))
                }
                _ => None,
            };
            slot.insert(opened);
        }
        let Some(Some((of, named, near, numbers))) = columns.get(&address.segment_ord) else {
            continue;
        };
        ids.clear();
        column_strings(of, address.doc_id, &mut ids)?;
        let Some(report) = ids.pop() else {
            continue;
        };
        let mut hit = PassageHit {
            score,
            report,
            passage_no: numbers.first(address.doc_id).unwrap_or_default() as usize,
            named: Vec::new(),
            near: Vec::new(),
        };
        column_strings(named, address.doc_id, &mut hit.named)?;
        column_strings(near, address.doc_id, &mut hit.near)?;
        found.push(hit);
    }
    Ok(found)
}

/// Loads stored reports by id, once each.
struct ReportCache<'a> {
    open: &'a OpenIndex,
    searcher: Searcher,
    reports: HashMap<String, Option<Report>>,
}

impl<'a> ReportCache<'a> {
    fn new(open: &'a OpenIndex) -> Result<Self, QueryError> {
        Ok(ReportCache {
            open,
            searcher: open.searcher()?,
            reports: HashMap::new(),
        })
    }

    fn get(&mut self, id: &str) -> Result<Option<&Report>, QueryError> {
        if !self.reports.contains_key(id) {
            let report = report_by_id(self.open, &self.searcher, id)?;
            self.reports.insert(id.to_string(), report);
        }
        Ok(self.reports.get(id).and_then(Option::as_ref))
    }
}

/// A person's standing while passages are counted.
struct Tally {
    name: String,
    score: f32,
    /// The passage shown as evidence: the best one naming the person, else the
    /// best one in a list item that names them.
    evidence: (String, usize),
    evidence_named: bool,
}

/// People ranked by the passages where `query` matches and they are named or
/// referred to (by surname, or in the same list item as the matching passage).
///
/// Ranking reads only fast-field columns of the matching passages; stored reports
/// are read afterwards, for the evidence of the people shown.
pub fn people_about(
    open: &OpenIndex,
    query: &str,
    filter: &ReportFilter,
    limit: usize,
) -> Result<Vec<PersonAnswer>, QueryError> {
    let allowed = if filter.person.is_some() || filter.theme.is_some() || filter.place.is_some() {
        Some(report_ids(open, filter)?)
    } else {
        None
    };
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    for hit in passages(open, query, filter, 300)? {
        if allowed.as_ref().is_some_and(|a| !a.contains(&hit.report)) {
            continue;
        }
        let weighted = hit
            .named
            .iter()
            .map(|name| (name, 1.0))
            .chain(hit.near.iter().map(|name| (name, 0.5)));
        for (name, weight) in weighted {
            let named = weight == 1.0;
            let tally = tallies.entry(name_key(name)).or_insert_with(|| Tally {
                name: name.clone(),
                score: 0.0,
                evidence: (hit.report.clone(), hit.passage_no),
                evidence_named: named,
            });
            if named && !tally.evidence_named {
                tally.evidence = (hit.report.clone(), hit.passage_no);
                tally.evidence_named = true;
            }
            tally.score += hit.score * weight;
        }
    }
    let mut ranked: Vec<Tally> = tallies.into_values().collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.name.cmp(&b.name))
    });
    ranked.truncate(limit);
    let mut cache = ReportCache::new(open)?;
    let mut answers = Vec::with_capacity(ranked.len());
    for tally in ranked {
        let (id, no) = &tally.evidence;
        let Some(report) = cache.get(id)? else {
            continue;
        };
        let key = name_key(&tally.name);
        let person = report.people.iter().find(|p| name_key(&p.name) == key);
        answers.push(PersonAnswer {
            name: tally.name.clone(),
            score: tally.score,
            roles: person.map(|p| p.roles.clone()).unwrap_or_default(),
            absent: person.is_some_and(|p| p.actions.contains(&Action::Absent)),
            evidence: Evidence {
                report: report.id.clone(),
                title: report.title.clone(),
                date: report_date(report),
                passage: report
                    .passages
                    .get(*no)
                    .map(|p| p.text.clone())
                    .unwrap_or_default(),
            },
        });
    }
    Ok(answers)
}

/// One report in a person's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    pub report: String,
    pub title: String,
    pub date: Option<Date>,
    pub places: Vec<String>,
    pub roles: Vec<String>,
    pub actions: Vec<Action>,
    pub passages: Vec<String>,
}

/// A person and the reports they appear in, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct PersonTimeline {
    pub name: String,
    pub variants: Vec<String>,
    pub entries: Vec<TimelineEntry>,
}

#[derive(Debug, thiserror::Error)]
pub enum PersonError {
    #[error("no person matches '{query}'{}", closest_hint(.closest))]
    NoMatch { query: String, closest: Vec<String> },
    #[error("{} people match '{query}': {}; give more of the name", .matches.len(), some_of(.matches))]
    Ambiguous { query: String, matches: Vec<String> },
    #[error(transparent)]
    Query(#[from] QueryError),
}

/// The first names of a long list, and how many more there are: a surname shared
/// by hundreds must still make a one-line error.
fn some_of(names: &[String]) -> String {
    const SHOWN: usize = 12;
    if names.len() <= SHOWN {
        names.join(", ")
    } else {
        format!(
            "{} and {} more",
            names[..SHOWN].join(", "),
            names.len() - SHOWN
        )
    }
}

fn closest_hint(closest: &[String]) -> String {
    if closest.is_empty() {
        String::new()
    } else {
        format!("; the closest names are {}", closest.join(", "))
    }
}

/// Every person name in the index, read from the term dictionaries of the person
/// facets: a walk over the names, where collecting the facets of every report grew
/// with the archive (160 ms at 100,000 reports). A name can stay in a dictionary
/// after its last report was replaced, until segments merge: [`has_reports`] tells.
fn known_people(open: &OpenIndex) -> Result<BTreeSet<String>, QueryError> {
    let searcher = open.searcher()?;
    // The encoded path of a name under /person, less the name.
    let probe = Facet::from_path(["person", "x"]);
    let encoded = probe.encoded_str().as_bytes();
    let prefix = encoded[..encoded.len() - 1].to_vec();
    let mut end = prefix.clone();
    if let Some(last) = end.last_mut() {
        *last += 1;
    }
    let mut names = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(open.fields.facet)?;
        let mut terms = inverted
            .terms()
            .range()
            .ge(&prefix)
            .lt(&end)
            .into_stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            if let Ok(name) = std::str::from_utf8(&terms.key()[prefix.len()..]) {
                names.insert(name.to_string());
            }
        }
    }
    Ok(names)
}

/// Whether a report in the index (not one replaced since) names `name`.
fn has_reports(open: &OpenIndex, searcher: &Searcher, name: &str) -> Result<bool, QueryError> {
    let facet = Facet::from_path(["person", name]);
    let query = combine(
        Some(Box::new(TermQuery::new(
            Term::from_facet(open.fields.facet, &facet),
            IndexRecordOption::Basic,
        ))),
        vec![kind_clause(open, KIND_REPORT)],
    );
    Ok(searcher.search(&*query, &Count)? > 0)
}

/// Edit distance between two short keys.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut previous = row[0];
        row[0] = i;
        for j in 1..=b.len() {
            let current = row[j];
            row[j] = (row[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous + usize::from(a[i - 1] != b[j - 1]));
            previous = current;
        }
    }
    row[b.len()]
}

/// Finds the person `query` means: a full name, a surname, a name without
/// diacritics (`Storoy`) or with a small typo (`Follesøe`).
pub fn resolve_person(open: &OpenIndex, query: &str) -> Result<String, PersonError> {
    let people = known_people(open)?;
    let searcher = open.searcher().map_err(QueryError::from)?;
    // Without deletions every name in the dictionaries is on a live report.
    let replaced = searcher
        .segment_readers()
        .iter()
        .any(|segment| segment.num_deleted_docs() > 0);
    let is_live = |name: &str| -> Result<bool, QueryError> {
        Ok(!replaced || has_reports(open, &searcher, name)?)
    };
    let wanted = name_key(&query.split_whitespace().collect::<Vec<_>>().join(" "));
    let wanted_words = wanted.split_whitespace().count();
    let mut tiers: [Vec<String>; 3] = Default::default();
    for name in &people {
        let key = name_key(name);
        let last = key.split_whitespace().last().unwrap_or_default();
        let tolerance = if wanted.len() >= 8 { 2 } else { 1 };
        if key == wanted {
            tiers[0].push(name.clone());
        } else if wanted_words == 1
            && (last == wanted || key.split_whitespace().next() == Some(&wanted))
        {
            tiers[1].push(name.clone());
        } else if key.chars().next() == wanted.chars().next()
            && distance(&key, &wanted) <= tolerance
            || (wanted_words == 1
                && last.chars().next() == wanted.chars().next()
                && distance(last, &wanted) <= tolerance.min(1))
        {
            tiers[2].push(name.clone());
        }
    }
    for tier in tiers {
        let mut live = Vec::with_capacity(tier.len());
        for name in tier {
            if is_live(&name)? {
                live.push(name);
            }
        }
        let tier = live;
        match tier.len() {
            0 => continue,
            1 => return Ok(tier.into_iter().next().unwrap_or_default()),
            _ => {
                let mut matches = tier;
                matches.sort();
                return Err(PersonError::Ambiguous {
                    query: query.to_string(),
                    matches,
                });
            }
        }
    }
    let mut closest: Vec<(usize, String)> = people
        .iter()
        .map(|name| {
            let key = name_key(name);
            let last = key
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_string();
            (
                distance(&key, &wanted).min(distance(&last, &wanted)),
                name.clone(),
            )
        })
        .collect();
    closest.sort();
    let mut nearest = Vec::new();
    for (_, name) in closest {
        if nearest.len() == 3 {
            break;
        }
        if is_live(&name)? {
            nearest.push(name);
        }
    }
    Err(PersonError::NoMatch {
        query: query.to_string(),
        closest: nearest,
    })
}

/// The timeline of the person `query` resolves to.
pub fn person_timeline(
    open: &OpenIndex,
    query: &str,
    filter: &ReportFilter,
) -> Result<PersonTimeline, PersonError> {
    let name = resolve_person(open, query)?;
    let searcher = open.searcher().map_err(QueryError::from)?;
    let facet = Facet::from_path(["person", name.as_str()]);
    let term = TermQuery::new(
        Term::from_facet(open.fields.facet, &facet),
        IndexRecordOption::Basic,
    );
    let query = reports_query(open, filter, Some(Box::new(term)))?;
    let top = searcher
        .search(
            &*query,
            &TopDocs::with_limit(all_documents(&searcher)).order_by_score(),
        )
        .map_err(QueryError::from)?;
    let mut entries = Vec::new();
    let mut variants: Vec<String> = Vec::new();
    for (_, address) in top {
        let report = stored_report(open, &searcher, address)?;
        let Some(person) = report.people.iter().find(|p| p.name == name) else {
            continue;
        };
        for variant in &person.variants {
            if !variants.contains(variant) {
                variants.push(variant.clone());
            }
        }
        entries.push(TimelineEntry {
            report: report.id.clone(),
            title: report.title.clone(),
            date: report_date(&report),
            places: report.places.clone(),
            roles: person.roles.clone(),
            actions: person.actions.clone(),
            passages: person
                .passages
                .iter()
                .filter_map(|&i| report.passages.get(i).map(|p| p.text.clone()))
                .collect(),
        });
    }
    entries.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.report.cmp(&b.report)));
    Ok(PersonTimeline {
        name,
        variants,
        entries,
    })
}

/// A theme (or a group of similar ones) across the reports.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeSummary {
    pub theme: String,
    /// Other spellings grouped with it ("Helseplattformen (HP)", "HP").
    pub variants: Vec<String>,
    pub reports: usize,
    pub dates: Vec<Date>,
    pub report_ids: Vec<String>,
}

/// The grouping key of a theme: without brackets, with abbreviations the report
/// defines spelled out, through the text analyzer.
fn theme_key(theme: &str, organisations: &[Organisation]) -> String {
    let mut text = theme.to_string();
    while let (Some(open), Some(close)) = (text.find('('), text.find(')')) {
        if close <= open {
            break;
        }
        text.replace_range(open..=close, " ");
    }
    let text = text.trim();
    let text = organisations
        .iter()
        .find(|o| o.abbreviations.iter().any(|a| a == text))
        .map_or(text.to_string(), |o| o.name.clone());
    crate::analysis::terms(crate::analysis::Analyzer::Text, &text).join(" ")
}

/// What `themes` reads of a stored report.
#[derive(Deserialize)]
struct ThemesOfReport {
    id: String,
    meeting_dates: Vec<Date>,
    published: Option<Date>,
    themes: Vec<String>,
    organisations: Vec<Organisation>,
}

/// Where a theme was seen, oldest first: the report's date (undated first), its
/// place in the index, the theme's place in the report.
type ThemeSighting = (Option<Date>, DocAddress, usize);

/// One group of themes while the reports are read.
struct ThemeTally {
    /// The spellings seen, each with its first sighting; the first of all names
    /// the group.
    spellings: HashMap<String, ThemeSighting>,
    reports: Vec<(ThemeSighting, String)>,
    dates: BTreeSet<Date>,
}

impl Merge for ThemeTally {
    fn merge(&mut self, other: ThemeTally) {
        for (spelling, seen) in other.spellings {
            let first = self.spellings.entry(spelling).or_insert(seen);
            *first = (*first).min(seen);
        }
        self.reports.extend(other.reports);
        self.dates.extend(other.dates);
    }
}

/// Themes of the matching reports, most reports first.
///
/// The reports are folded into groups as they are read, on all cores: memory grows
/// with the themes and the reports they list, not with the whole reports.
pub fn themes(
    open: &OpenIndex,
    filter: &ReportFilter,
    limit: usize,
) -> Result<Vec<ThemeSummary>, QueryError> {
    type Groups = HashMap<String, ThemeTally>;
    let add = |mut groups: Groups, report: ThemesOfReport, address: DocAddress| {
        let date = dated(&report.meeting_dates, report.published);
        let mut seen_here = BTreeSet::new();
        for (no, theme) in report.themes.into_iter().enumerate() {
            let key = theme_key(&theme, &report.organisations);
            if key.is_empty() || !seen_here.insert(key.clone()) {
                continue;
            }
            let seen = (date, address, no);
            let tally = ThemeTally {
                spellings: HashMap::from([(theme, seen)]),
                reports: vec![(seen, report.id.clone())],
                dates: date.into_iter().collect(),
            };
            tally_into(&mut groups, key, tally);
        }
        groups
    };
    let groups = fold_reports(open, filter, None, Groups::default, add, merge_tallies)?;
    let mut themes: Vec<(ThemeSighting, ThemeSummary)> = groups
        .into_values()
        .filter_map(|mut tally| {
            let mut spellings: Vec<(String, ThemeSighting)> = tally.spellings.into_iter().collect();
            spellings.sort_by_key(|(_, seen)| *seen);
            let mut spellings = spellings.into_iter();
            let (theme, first) = spellings.next()?;
            tally.reports.sort();
            let summary = ThemeSummary {
                theme,
                variants: spellings.map(|(spelling, _)| spelling).collect(),
                reports: tally.reports.len(),
                dates: tally.dates.into_iter().collect(),
                report_ids: tally.reports.into_iter().map(|(_, id)| id).collect(),
            };
            Some((first, summary))
        })
        .collect();
    // Most reports first, then the most recent, then the group seen first.
    themes.sort_by(|(a_first, a), (b_first, b)| {
        b.reports
            .cmp(&a.reports)
            .then_with(|| b.dates.last().cmp(&a.dates.last()))
            .then_with(|| a_first.cmp(b_first))
    });
    themes.truncate(limit);
    Ok(themes.into_iter().map(|(_, summary)| summary).collect())
}

/// One meeting in the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub date: Option<Date>,
    pub kind: String,
    pub title: String,
    pub report: String,
    pub places: Vec<String>,
    pub people: Vec<String>,
    pub themes: Vec<String>,
}

/// What kind of meeting a report is about, from the words of its title or first
/// sentence ("partnarskapsmøte", "kommunestyre", "strategisk samarbeidsutval").
pub fn meeting_kind(report: &Report) -> String {
    let first = report.passages.first().map_or("", |p| p.text.as_str());
    kind_of_meeting(&report.title, first)
}

/// [`meeting_kind`] from a report's title and first passage.
fn kind_of_meeting(title: &str, first_passage: &str) -> String {
    for text in [title, first_passage] {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        for (i, word) in words.iter().enumerate() {
            let is_kind = [
                "møte",
                "utval",
                "styre",
                "råd",
                "konferanse",
                "seminar",
                "samling",
                "sakliste",
                "protokoll",
                "forum",
            ]
            .iter()
            .any(|k| {
                word.ends_with(k)
                    || word.starts_with("kommunestyre")
                    || word.starts_with("styremøte")
            });
            if is_kind {
                // Keep a preceding adjective ("utvida samarbeidsmøte", "strategisk …").
                let start = if i > 0
                    && (words[i - 1].ends_with('a')
                        || words[i - 1].ends_with("isk")
                        || words[i - 1].ends_with("leg"))
                {
                    i - 1
                } else {
                    i
                };
                return words[start..=i].join(" ");
            }
        }
    }
    String::new()
}

/// What `timeline` reads of a stored report.
#[derive(Deserialize)]
struct MeetingOfReport {
    id: String,
    title: String,
    meeting_dates: Vec<Date>,
    published: Option<Date>,
    places: Vec<String>,
    people: Vec<NameOfPerson>,
    themes: Vec<String>,
    #[serde(deserialize_with = "first_passage")]
    passages: Vec<Passage>,
}

#[derive(Deserialize)]
struct NameOfPerson {
    name: String,
}

/// Meetings in date order. Each report becomes its line as it is read, on all
/// cores, so only the lines are kept.
pub fn timeline(open: &OpenIndex, filter: &ReportFilter) -> Result<Vec<Meeting>, QueryError> {
    let add = |mut meetings: Vec<Meeting>, report: MeetingOfReport, _: DocAddress| {
        let first = report.passages.first().map_or("", |p| p.text.as_str());
        meetings.push(Meeting {
            date: dated(&report.meeting_dates, report.published),
            kind: kind_of_meeting(&report.title, first),
            title: report.title,
            report: report.id,
            places: report.places,
            people: report.people.into_iter().map(|p| p.name).collect(),
            themes: report.themes,
        });
        meetings
    };
    let merge = |mut a: Vec<Meeting>, b: Vec<Meeting>| {
        a.extend(b);
        a
    };
    let mut meetings = fold_reports(open, filter, None, Vec::new, add, merge)?;
    meetings.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.report.cmp(&b.report)));
    Ok(meetings)
}

/// Top values of the facets over the reports matching a search.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Facets {
    pub people: Vec<(String, u64)>,
    pub themes: Vec<(String, u64)>,
    pub places: Vec<(String, u64)>,
    pub years: Vec<(String, u64)>,
}

pub fn facets(open: &OpenIndex, query: &dyn Query, top: usize) -> Result<Facets, QueryError> {
    let searcher = open.searcher()?;
    let mut collector = FacetCollector::for_field("fasett");
    for root in ["/person", "/tema", "/stad", "/år"] {
        collector.add_facet(root);
    }
    let counts = searcher.search(query, &collector)?;
    let top_of = |root: &str| -> Vec<(String, u64)> {
        counts
            .top_k(root, top)
            .into_iter()
            .filter_map(|(facet, count)| facet.to_path().last().map(|v| ((*v).to_string(), count)))
            .collect()
    };
    let mut years: Vec<(String, u64)> = counts
        .get("/år")
        .filter_map(|(facet, count)| facet.to_path().last().map(|v| ((*v).to_string(), count)))
        .collect();
    years.sort_by(|a, b| b.0.cmp(&a.0));
    years.truncate(top);
    Ok(Facets {
        people: top_of("/person"),
        themes: top_of("/tema"),
        places: top_of("/stad"),
        years,
    })
}

/// The newest year any report in the index is dated in, from the date column.
pub fn latest_year(open: &OpenIndex) -> Result<Option<i16>, QueryError> {
    let searcher = open.searcher()?;
    let query = combine(None, vec![kind_clause(open, KIND_REPORT)]);
    let newest = TopDocs::with_limit(1)
        .order_by_fast_field::<tantivy::DateTime>("sort_date", tantivy::Order::Desc);
    let top = searcher.search(&*query, &newest)?;
    Ok(top
        .into_iter()
        .find_map(|(date, _)| date.and_then(crate::index::schema::from_index_date))
        .map(|date| date.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance() {
        assert_eq!(distance("foleso", "foleso"), 0);
        assert_eq!(distance("storoy", "storey"), 1);
        assert_eq!(distance("abc", ""), 3);
    }
}
