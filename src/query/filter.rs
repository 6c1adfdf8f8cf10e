//! Filters: which reports a question is about (dates, person, theme, place), and the
//! date forms users type on the command line.

use std::ops::Bound;

use jiff::ToSpan;
use jiff::civil::Date;
use tantivy::Term;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, InvertedIndexRangeQuery, Occur, Query, QueryParser, RangeQuery,
    TermQuery,
};
use tantivy::schema::IndexRecordOption;

use crate::extract::dates::month_number;
use crate::index::OpenIndex;
use crate::index::schema::to_index_date;

/// A span of days, from a date as typed: `2023`, `2023-11`, `2023-11-14`,
/// `november 2023`, `nov. 2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub first: Date,
    pub last: Date,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("cannot read the date '{0}': use 2023, 2023-11, 2023-11-14 or «november 2023»")]
pub struct BadDate(pub String);

impl DateRange {
    pub fn parse(text: &str) -> Result<DateRange, BadDate> {
        let bad = || BadDate(text.to_string());
        let t = text.trim().to_lowercase();
        let parts: Vec<&str> = t.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
        let year = |s: &str| -> Result<i16, BadDate> {
            s.parse::<i16>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
                .ok_or_else(bad)
        };
        let number = |s: &str, max: i8| -> Result<i8, BadDate> {
            s.parse::<i8>()
                .ok()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(bad)
        };
        let month_range = |y: i16, m: i8| -> Result<DateRange, BadDate> {
            let first = Date::new(y, m, 1).map_err(|_| bad())?;
            Ok(DateRange {
                first,
                last: first.last_of_month(),
            })
        };
        match parts.as_slice() {
            [y] if y.len() == 4 => {
                let y = year(y)?;
                Ok(DateRange {
                    first: Date::new(y, 1, 1).map_err(|_| bad())?,
                    last: Date::new(y, 12, 31).map_err(|_| bad())?,
                })
            }
            [y, m] if y.len() == 4 && (y.to_string() + m).chars().all(|c| c.is_ascii_digit()) => {
                month_range(year(y)?, number(m, 12)?)
            }
            [y, m, d] if y.len() == 4 => {
                let day = Date::new(year(y)?, number(m, 12)?, number(d, 31)?).map_err(|_| bad())?;
                Ok(DateRange {
                    first: day,
                    last: day,
                })
            }
            [m, y] => {
                let m = month_number(m).ok_or_else(bad)?;
                month_range(year(y)?, m)
            }
            _ => Err(bad()),
        }
    }

    pub fn contains(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }
}

/// Required clauses of a boolean query.
pub type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// What reports to consider.
#[derive(Debug, Clone, Default)]
pub struct ReportFilter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub person: Option<String>,
    pub theme: Option<String>,
    pub place: Option<String>,
}

impl ReportFilter {
    pub fn is_empty(&self) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && self.person.is_none()
            && self.theme.is_none()
            && self.place.is_none()
    }

    /// Narrows the date span to `range` as well.
    pub fn within(&mut self, range: DateRange) {
        self.from = Some(self.from.map_or(range.first, |f| f.max(range.first)));
        self.to = Some(self.to.map_or(range.last, |t| t.min(range.last)));
    }

    /// The filter as query clauses (scoring nothing), for report or passage documents.
    pub fn clauses(&self, open: &OpenIndex) -> Result<Clauses, tantivy::query::QueryParserError> {
        let fields = open.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if self.from.is_some() || self.to.is_some() {
            let bound = |d: Option<Date>, inclusive_end: bool| match d {
                None => Bound::Unbounded,
                Some(date) => {
                    let date = if inclusive_end {
                        date.checked_add(1.day()).unwrap_or(date)
                    } else {
                        date
                    };
                    let term = Term::from_field_date_for_search(fields.date, to_index_date(date));
                    if inclusive_end {
                        Bound::Excluded(term)
                    } else {
                        Bound::Included(term)
                    }
                }
            };
            let (lower, upper) = (bound(self.from, false), bound(self.to, true));
            // A span of days or months is a few dozen day terms: their postings are
            // cheaper to merge than the date column is to scan, which costs the same
            // for any span (a tenth of a search at 100,000 reports). Over years it
            // is the other way round.
            let short_span = match (self.from, self.to) {
                (Some(from), Some(to)) => from.until(to).is_ok_and(|span| span.get_days() <= 366),
                _ => false,
            };
            let range: Box<dyn Query> = if short_span {
                Box::new(InvertedIndexRangeQuery::new(lower, upper))
            } else {
                Box::new(RangeQuery::new(lower, upper))
            };
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(range, 0.0))));
        }
        let mut text_clause =
            |field, value: &Option<String>| -> Result<(), tantivy::query::QueryParserError> {
                if let Some(value) = value {
                    let mut parser = QueryParser::for_index(&open.index, vec![field]);
                    parser.set_conjunction_by_default();
                    let query = parser.parse_query(&quote_free(value))?;
                    clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0))));
                }
                Ok(())
            };
        text_clause(fields.person, &self.person)?;
        text_clause(fields.theme, &self.theme)?;
        text_clause(fields.place, &self.place)?;
        Ok(clauses)
    }
}

/// Filter values are plain words, never query syntax.
fn quote_free(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// Documents of one kind, scoring nothing.
pub fn kind_clause(open: &OpenIndex, kind: &str) -> (Occur, Box<dyn Query>) {
    let term = Term::from_field_text(open.fields.kind, kind);
    (
        Occur::Must,
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            0.0,
        )),
    )
}

/// `query` (if any) within `clauses`.
pub fn combine(
    query: Option<Box<dyn Query>>,
    mut clauses: Vec<(Occur, Box<dyn Query>)>,
) -> Box<dyn Query> {
    match query {
        // Alone, the query runs as it is, so tantivy can skip blocks of documents
        // that cannot reach the top results (block-max WAND).
        Some(query) if clauses.is_empty() => query,
        Some(query) => {
            clauses.insert(0, (Occur::Must, query));
            Box::new(BooleanQuery::new(clauses))
        }
        None => Box::new(BooleanQuery::new(clauses)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date_forms() {
        let r = DateRange::parse("2023").unwrap();
        assert_eq!((r.first, r.last), (date(2023, 1, 1), date(2023, 12, 31)));
        let r = DateRange::parse("2023-11").unwrap();
        assert_eq!((r.first, r.last), (date(2023, 11, 1), date(2023, 11, 30)));
        let r = DateRange::parse("2023-11-14").unwrap();
        assert_eq!((r.first, r.last), (date(2023, 11, 14), date(2023, 11, 14)));
        let r = DateRange::parse("november 2023").unwrap();
        assert_eq!((r.first, r.last), (date(2023, 11, 1), date(2023, 11, 30)));
        let r = DateRange::parse("Febr 2024").unwrap();
        assert_eq!(r.last, date(2024, 2, 29));
    }

    #[test]
    fn bad_dates_say_what_is_accepted() {
        for bad in ["2023-13", "2023-02-30", "neste år", "23", "mai", ""] {
            let err = DateRange::parse(bad).unwrap_err();
            assert!(err.to_string().contains("2023-11-14"), "{bad}");
        }
    }
}
