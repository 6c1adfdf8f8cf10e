//! Plain questions in Nynorsk or Bokmål: "Kven snakka om Helseplattformen?",
//! "Kva var hovudtema i mai 2023?", "Når var utvida samarbeidsmøte?", "Kvar vart
//! partnarskapsmøtet halde?".
//!
//! The question word picks the kind of answer (people, themes, dates, places), date
//! words become a filter ("i 2023", "i november", "i haust"), and the remaining
//! content words are the query. Every answer carries the report and passage it
//! comes from.

use jiff::civil::Date;
use serde::Serialize;

use super::answers::{self, Evidence, report_date};
use super::filter::{DateRange, ReportFilter};
use super::{QueryError, SearchOptions};
use crate::index::OpenIndex;

/// What kind of answer a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    /// kven / hvem
    Who,
    /// kva / hva
    What,
    /// når
    When,
    /// kvar / hvor
    Where,
}

/// A question taken apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub intent: Option<Intent>,
    pub query: String,
    pub range: Option<DateRange>,
}

/// Words that only shape a question: they are neither the query nor a filter.
const QUESTION_WORDS: &[&str] = &[
    "kven",
    "hvem",
    "kva",
    "hva",
    "når",
    "kvar",
    "hvor",
    "korleis",
    "hvordan",
    "for",
    "snakka",
    "snakket",
    "snakkar",
    "snakker",
    "sa",
    "sagt",
    "fortalde",
    "fortalte",
    "var",
    "vart",
    "ble",
    "blei",
    "er",
    "har",
    "hadde",
    "halde",
    "haldt",
    "holdt",
    "held",
    "om",
    "på",
    "i",
    "det",
    "den",
    "dei",
    "de",
    "som",
    "tema",
    "hovudtema",
    "hovedtema",
    "temaet",
    "hovudtemaet",
    "hovedtemaet",
    "temaa",
    "temaene",
    "møttest",
    "møttes",
    "skjedde",
    "arrangert",
    "gjennomført",
    "med",
    "og",
    "til",
    "av",
    "frå",
    "fra",
    "ein",
    "en",
    "eit",
    "et",
    "ei",
];

const SEASONS: &[(&str, i8, i8)] = &[
    ("haust", 9, 11),
    ("høst", 9, 11),
    ("vår", 3, 5),
    ("sommar", 6, 8),
    ("sommer", 6, 8),
];

/// Takes a question apart. `latest_year` is the newest year in the index, for date
/// words without a year ("i november", "i haust").
pub fn parse_question(text: &str, latest_year: i16) -> Question {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let intent = words.iter().find_map(|w| match *w {
        "kven" | "hvem" => Some(Intent::Who),
        "kva" | "hva" => Some(Intent::What),
        "når" => Some(Intent::When),
        "kvar" | "hvor" => Some(Intent::Where),
        _ => None,
    });
    let mut range: Option<DateRange> = None;
    let mut used = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let next = words.get(i + 1).copied();
        let year_of = |w: Option<&str>| {
            w.filter(|w| w.len() == 4)
                .and_then(|w| w.parse::<i16>().ok())
                .filter(|y| (1900..=2100).contains(y))
        };
        if let Some(year) = year_of(Some(word)) {
            range = DateRange::parse(&year.to_string()).ok();
            used[i] = true;
        } else if let Some(month) =
            crate::extract::dates::month_number(word).filter(|_| word.len() >= 3)
        {
            let year = year_of(next);
            let y = year.unwrap_or(latest_year);
            range = DateRange::parse(&format!("{y}-{month:02}")).ok();
            used[i] = true;
            if year.is_some() {
                used[i + 1] = true;
                i += 1;
            }
        } else if let Some((_, first, last)) = SEASONS.iter().find(|(name, _, _)| *name == word) {
            // "i vår" is a season only after "i"; "vår" alone is "our".
            if i > 0 && words[i - 1] == "i" {
                let start = Date::new(latest_year, *first, 1).ok();
                let end = Date::new(latest_year, *last, 1)
                    .ok()
                    .map(|d| d.last_of_month());
                if let (Some(first), Some(last)) = (start, end) {
                    range = Some(DateRange { first, last });
                }
                used[i] = true;
            }
        } else if word == "fjor" && i > 0 && words[i - 1] == "i" {
            range = DateRange::parse(&(latest_year - 1).to_string()).ok();
            used[i] = true;
        }
        i += 1;
    }
    let query: Vec<&str> = words
        .iter()
        .zip(&used)
        .filter(|(w, used)| {
            !**used && !QUESTION_WORDS.contains(w) && !crate::analysis::stopwords::is_stopword(w)
        })
        .map(|(w, _)| *w)
        .collect();
    Question {
        intent,
        query: query.join(" "),
        range,
    }
}

/// One answer with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerItem {
    pub answer: String,
    /// Extra facts: roles for people, "absent", the number of reports for themes.
    pub detail: String,
    pub evidence: Evidence,
}

/// The answer to a question.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub question: String,
    pub intent: Option<Intent>,
    pub query: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The question could not be read as one; these are search results instead.
    pub fallback: bool,
    pub answers: Vec<AnswerItem>,
}

/// Answers `text`.
pub fn ask(
    open: &OpenIndex,
    text: &str,
    latest_year: i16,
    limit: usize,
) -> Result<Answer, QueryError> {
    let question = parse_question(text, latest_year);
    let mut filter = ReportFilter::default();
    if let Some(range) = question.range {
        filter.within(range);
    }
    let query = (!question.query.is_empty()).then_some(question.query.as_str());
    let mut answer = Answer {
        question: text.to_string(),
        intent: question.intent,
        query: question.query.clone(),
        from: filter.from,
        to: filter.to,
        fallback: false,
        answers: Vec::new(),
    };
    match question.intent {
        Some(Intent::Who) => {
            let people = match query {
                Some(q) => answers::people_about(open, q, &filter, limit)?,
                None => Vec::new(),
            };
            answer.answers = people
                .into_iter()
                .map(|p| AnswerItem {
                    detail: if p.absent {
                        format!("absent; {}", p.roles.join("; "))
                    } else {
                        p.roles.join("; ")
                    },
                    answer: p.name,
                    evidence: p.evidence,
                })
                .collect();
        }
        Some(Intent::What) => {
            for (_, report) in answers::best_reports(open, query, &filter, limit)?
                .into_iter()
                .take(limit)
            {
                for theme in &report.themes {
                    if answer.answers.iter().any(|a| a.answer == *theme) {
                        continue;
                    }
                    answer.answers.push(AnswerItem {
                        answer: theme.clone(),
                        detail: String::new(),
                        evidence: evidence_for(&report, theme),
                    });
                }
            }
            answer.answers.truncate(limit.max(1) * 3);
        }
        Some(Intent::When) => {
            for (_, report) in answers::best_reports(open, query, &filter, limit)?
                .into_iter()
                .take(limit)
            {
                let Some(date) = report_date(&report) else {
                    continue;
                };
                let days: Vec<String> = if report.meeting_dates.is_empty() {
                    vec![format!("{date} (published)")]
                } else {
                    report.meeting_dates.iter().map(|d| d.to_string()).collect()
                };
                answer.answers.push(AnswerItem {
                    answer: days.join(", "),
                    detail: answers::meeting_kind(&report),
                    evidence: evidence_for(&report, &date_phrase(&report)),
                });
            }
        }
        Some(Intent::Where) => {
            for (_, report) in answers::best_reports(open, query, &filter, limit)?
                .into_iter()
                .take(limit)
            {
                if report.places.is_empty() {
                    continue;
                }
                let places = report.places.join(", ");
                if answer.answers.iter().any(|a| a.answer == places) {
                    continue;
                }
                answer.answers.push(AnswerItem {
                    answer: places,
                    detail: answers::meeting_kind(&report),
                    evidence: evidence_for(&report, &report.places[0]),
                });
            }
        }
        None => {}
    }
    if question.intent.is_none() {
        answer.fallback = true;
        let options = SearchOptions {
            limit,
            filter: filter.clone(),
            by_date: false,
        };
        let text = if question.query.is_empty() {
            text
        } else {
            question.query.as_str()
        };
        for hit in super::search(open, text, &options)? {
            answer.answers.push(AnswerItem {
                answer: hit.title.clone(),
                detail: hit.id.clone(),
                evidence: Evidence {
                    report: hit.id,
                    title: hit.title,
                    date: hit.meeting_date.or(hit.published),
                    passage: hit.snippet,
                },
            });
        }
    }
    Ok(answer)
}

/// The words of a report's meeting date as they stand in its text.
fn date_phrase(report: &crate::report::Report) -> String {
    let Some(date) = report.meeting_date() else {
        return String::new();
    };
    let ctx = crate::extract::dates::DateContext {
        reference: report.published,
        year: Some(date.year()),
    };
    report
        .passages
        .iter()
        .find_map(|p| {
            crate::extract::dates::find_dates(&p.text, &ctx)
                .into_iter()
                .find(|f| f.value.day() == Some(date))
                .map(|f| f.phrase)
        })
        .unwrap_or_default()
}

/// The first passage of `report` that contains `needle` (else the first passage).
fn evidence_for(report: &crate::report::Report, needle: &str) -> Evidence {
    let passage = report
        .passages
        .iter()
        .find(|p| !needle.is_empty() && p.text.contains(needle))
        .or(report.passages.first())
        .map(|p| p.text.clone())
        .unwrap_or_default();
    Evidence {
        report: report.id.clone(),
        title: report.title.clone(),
        date: report_date(report),
        passage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn question_words_dates_and_query() {
        let q = parse_question("Kven snakka om Helseplattformen?", 2024);
        assert_eq!(q.intent, Some(Intent::Who));
        assert_eq!(q.query, "helseplattformen");
        assert_eq!(q.range, None);

        let q = parse_question("Kva var hovudtema i mai 2023?", 2024);
        assert_eq!(q.intent, Some(Intent::What));
        assert_eq!(q.query, "");
        let range = q.range.unwrap();
        assert_eq!(
            (range.first, range.last),
            (date(2023, 5, 1), date(2023, 5, 31))
        );

        let q = parse_question("Når var utvida samarbeidsmøte?", 2024);
        assert_eq!(
            (q.intent, q.query.as_str()),
            (Some(Intent::When), "utvida samarbeidsmøte")
        );

        let q = parse_question("Kvar vart partnarskapsmøtet halde?", 2024);
        assert_eq!(
            (q.intent, q.query.as_str()),
            (Some(Intent::Where), "partnarskapsmøtet")
        );

        let q = parse_question("Hvem snakket om legevakt i høst?", 2023);
        assert_eq!(
            (q.intent, q.query.as_str()),
            (Some(Intent::Who), "legevakt")
        );
        let range = q.range.unwrap();
        assert_eq!(
            (range.first, range.last),
            (date(2023, 9, 1), date(2023, 11, 30))
        );

        let q = parse_question("Kva skjedde i 2023 med legevakta?", 2024);
        assert_eq!(q.range.unwrap().first, date(2023, 1, 1));
        assert_eq!(q.query, "legevakta");
    }

    #[test]
    fn a_statement_has_no_intent() {
        let q = parse_question("legevakt Ålesund", 2024);
        assert_eq!(q.intent, None);
        assert_eq!(q.query, "legevakt ålesund");
    }
}
