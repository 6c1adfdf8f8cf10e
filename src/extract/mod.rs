//! Extract: turns a decoded document (HTML page or plain text) into a [`Report`].
//!
//! The format-specific readers ([`html`], [`text`]) find the title and the body
//! passages; the rules here are the ones every report shares: which date is the
//! publish date and which written standard the text is in. Which date is the
//! meeting, and which other dates are mentioned, is [`meeting`]'s.
//!
//! Word boundaries in the rules' patterns are ASCII ones, `(?-u:\b)`, next to
//! keywords that begin and end in ASCII letters: the regex engine's fast automata
//! give up on Unicode `\b` as soon as the text has an "æ", "ø" or "å", and fall
//! back to an engine many times slower. Where a keyword begins or ends in one of
//! those letters, the pattern says "not a letter or digit" instead.

mod agenda;
mod business;
pub mod dates;
pub mod facts;
pub mod html;
mod meeting;
pub mod people;
pub mod places;
mod prefilter;
pub mod text;
pub mod themes;

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::report::{Language, Passage, Report};
use crate::source::{Document, Format};
use dates::{DateContext, find_dates};
use meeting::{
    MeetingDates, case_number_year, first_dated_year, header_year, meeting_and_other_dates,
};

/// Why a document yields no report.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ExtractError {
    #[error("no report text found (a page without article text)")]
    NoText,
}

/// Fewer letters than this in the body is not a report (an empty template, a redirect).
const MIN_BODY_LETTERS: usize = 40;

/// Extracts one report. `doc.id` and `doc.path` are carried over unchanged.
pub fn extract(doc: &Document) -> Result<Report, ExtractError> {
    let (title, url, published_meta, passages, page_lines) = match doc.format {
        Format::Html => {
            // The page's lines are wanted for the first "Publisert" line: the walk
            // of the page stops there, usually just under the headline.
            let page = html::parse(&doc.text, &|line| published_in_line(line).is_some());
            (
                page.title,
                page.url,
                page.published_meta,
                page.passages,
                page.page_lines,
            )
        }
        Format::Text => {
            let report = text::parse(&doc.text);
            let lines = report
                .title
                .iter()
                .cloned()
                .chain(report.passages.iter().map(|p| p.text.clone()))
                .collect();
            (report.title, None, None, report.passages, lines)
        }
    };

    let published = page_lines
        .iter()
        .find_map(|line| published_in_line(line))
        .or(published_meta)
        .or_else(|| {
            page_lines
                .iter()
                .flat_map(|l| l.lines())
                .take(POSTING_LINES)
                .find_map(posting_line)
        });

    // The title is its own field and "Publisert …" lines are metadata: neither is
    // body text, wherever the page put them.
    let passages: Vec<Passage> = passages
        .into_iter()
        .filter_map(|mut p| {
            if p.text.contains('\n')
                || is_metadata_line(&p.text)
                || title.as_deref() == Some(&p.text)
            {
                p.text = p
                    .text
                    .lines()
                    .filter(|l| !is_metadata_line(l) && title.as_deref() != Some(*l))
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            (!p.text.is_empty()).then_some(p)
        })
        .collect();
    // Counted only as far as the least a report must have.
    let letters = passages
        .iter()
        .flat_map(|p| p.text.chars())
        .filter(|c| c.is_alphabetic())
        .take(MIN_BODY_LETTERS)
        .count();
    if letters < MIN_BODY_LETTERS {
        return Err(ExtractError::NoText);
    }
    let headline = title
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let title = title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| first_words(&passages[0].text, 12));

    // The report's own year, where the page says when it was written or what year
    // it is of; failing that, dates without a year take the body's first full date's.
    let own_year = published
        .map(|d| d.year())
        .or_else(|| header_year(&title, &page_lines))
        .or_else(|| case_number_year(&passages));
    let ctx = DateContext {
        reference: published,
        year: own_year.or_else(|| first_dated_year(&passages)),
    };
    let MeetingDates {
        days: meeting_dates,
        month: meeting_month,
        others: dates_mentioned,
    } = meeting_and_other_dates(&title, &passages, &ctx, own_year);
    let language = guess_language(&passages);
    let people = people::find_people_in_report(&title, &passages);
    let mut themes = themes::find_themes(&passages, |index, sentence| {
        people.iter().any(|p| {
            p.passages.contains(&index)
                && std::iter::once(&p.name)
                    .chain(&p.variants)
                    .any(|n| sentence.contains(n.as_str()))
        })
    });
    // The subject a headline gives ("Styremøte om legevakta"), after the body's.
    if let Some(headline) = &headline {
        themes::add_headline_themes(headline, &mut themes);
    }

    let places = places::find_places(&title, &passages);
    Ok(Report {
        id: doc.id.clone(),
        path: doc.path.clone(),
        url,
        title,
        language,
        meeting_dates,
        meeting_month,
        published,
        places,
        participants: facts::find_participants(&passages),
        people,
        themes,
        organisations: facts::find_organisations(&passages),
        dates_mentioned,
        passages,
    })
}

static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:publisert|publiseringsdato|lagt ut|først publisert)(?-u:\b)|publ\.)\s*:?\s*")
        .expect("valid regex")
});
static METADATA_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:(?:publisert|sist oppdatert|sist endra|sist endret|oppdatert|lagt ut)(?-u:\b)|publ\.)[\s:]*[\d.\-:/ ]*(?:kl\.?\s*[\d.:]+)?\s*(?:[|·,–-]\s*)?)+$")
        .expect("valid regex")
});

/// The date right after "Publisert" on a line, if any.
fn published_in_line(line: &str) -> Option<Date> {
    let found = PUBLISHED.find(line)?;
    let rest = &line[found.end()..];
    let dates = find_dates(rest, &DateContext::default());
    dates
        .first()
        .filter(|d| d.start <= 12)
        .and_then(|d| d.value.day())
}

/// How far down the page a posting line without the word "Publisert" is looked for:
/// it stands under the headline, and lower down a bare date is of something else.
const POSTING_LINES: usize = 20;

/// A posting date the page gives without saying "Publisert": a line that is only a
/// date in brackets ("(04.03.2019)"), or a byline of a name, a dash and the date
/// with or without its time ("Kari Nes – 26.02.2014 09:22:40"), or a line of only a
/// full date without weekday or hour (see [`dates::bare_date_line`]).
fn posting_line(line: &str) -> Option<Date> {
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\(\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s*\)\s*$").expect("valid regex")
    });
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\p{Lu}[\p{L}.'-]*\s+){1,3}\p{Lu}[\p{L}'-]*\s*[–—-]\s*\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s+(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?\s*$")
            .expect("valid regex")
    });
    if let Some(date) = english_post_line(line) {
        return Some(date);
    }
    if let Some(date) = byline_in_words(line) {
        return Some(date);
    }
    if let Some(date) = dates::bare_date_line(line) {
        return Some(date);
    }
    if !line.contains('.') || !(BRACKETED.is_match(line) || BYLINE.is_match(line)) {
        return None;
    }
    find_dates(line, &DateContext::default())
        .first()
        .and_then(|d| d.value.day())
}

/// A byline of the writer's name and the posting date in words, the weekday
/// optional: "Kari Nes Tysdag 27. februar 2018", "Ola Lid – 3. mai 2021". The name
/// must start with a given name, so that a heading with a date ("Styremøte Helse
/// Førde 14. mai 2019") is no byline; the date must end the line and give its year.
fn byline_in_words(line: &str) -> Option<Date> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*((?:\p{Lu}[\p{L}.'-]*[ \t]+){1,3})(?:[–—-][ \t]*)?").expect("valid regex")
    });
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let name = NAME.captures(line)?;
    let first = name[1].split_whitespace().next()?;
    if !people::is_given_name(first) {
        return None;
    }
    let rest = &line[name.get(0)?.end()..];
    let found = find_dates(rest, &DateContext::default());
    let date = found.first()?;
    let whole_line = date.start == 0 && rest[date.end..].trim().is_empty();
    (whole_line && !date.year_from_context)
        .then(|| date.value.day())
        .flatten()
}

/// A post line in English, as blog platforms print it: "march 4, 2019".
fn english_post_line(line: &str) -> Option<Date> {
    static ENGLISH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),\s+(\d{4})\s*$")
            .expect("valid regex")
    });
    let caps = ENGLISH.captures(line)?;
    let month = match caps[1].to_lowercase().as_str() {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        _ => 12,
    };
    Date::new(caps[3].parse().ok()?, month, caps[2].parse().ok()?).ok()
}

/// "Publisert 16.05.2023", "Sist oppdatert 17.05.2023", "(16.05.2023)": page
/// metadata, not body.
fn is_metadata_line(text: &str) -> bool {
    let text = text.trim();
    METADATA_LINE.is_match(text)
        || (text.starts_with('(') && text.ends_with(')') && posting_line(text).is_some())
}

fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Nynorsk or Bokmål, by the function words that differ between them.
fn guess_language(passages: &[Passage]) -> Language {
    let mut nn = 0usize;
    let mut nb = 0usize;
    let mut lowered = String::new();
    for passage in passages {
        for written in passage.text.split(|c: char| !c.is_alphabetic()) {
            // No marker word has more than seven letters (four bytes at most each).
            if written.is_empty() || written.len() > 7 * 4 || written.chars().nth(7).is_some() {
                continue;
            }
            let word = if written
                .bytes()
                .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
            {
                lowered.clear();
                lowered.extend(written.chars().flat_map(char::to_lowercase));
                lowered.as_str()
            } else {
                written
            };
            match language_marker(word) {
                Some(Language::Nn) => nn += 1,
                Some(Language::Nb) => nb += 1,
                None => {}
            }
        }
    }
    if nb > nn { Language::Nb } else { Language::Nn }
}

/// The language a lowercase function word marks, if it is one of the words that
/// differ between Nynorsk and Bokmål.
fn language_marker(word: &str) -> Option<Language> {
    match word {
        "ikkje" | "eit" | "dei" | "vart" | "frå" | "korleis" | "kva" | "kven" | "meir"
        | "berre" | "ho" | "òg" | "eg" | "mykje" | "noko" | "nokon" | "blei" | "vere" | "ein"
        | "desse" | "då" => Some(Language::Nn),
        "ikke" | "et" | "de" | "ble" | "fra" | "hvordan" | "hva" | "hvem" | "mer" | "bare"
        | "hun" | "jeg" | "mye" | "noe" | "noen" | "være" | "en" | "disse" | "da" => {
            Some(Language::Nb)
        }
        _ => None,
    }
}

/// Passages of the given kinds and texts, for the tests of the rules that read them.
#[cfg(test)]
pub(crate) fn passages_of(texts: &[(crate::report::PassageKind, &str)]) -> Vec<Passage> {
    texts
        .iter()
        .map(|(kind, text)| Passage::new(*kind, *text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn text_report(text: &str) -> Report {
        let doc = Document {
            id: "t/r.txt".into(),
            path: "r.txt".into(),
            format: Format::Text,
            text: text.into(),
        };
        extract(&doc).unwrap()
    }

    #[test]
    fn meeting_date_is_the_first_date_of_a_meeting_sentence() {
        let r = text_report(
            "Tittel\n\nRapporten kom 07.09.2023.\n\nDen 14. november 2023 vart det halde eit møte på hotellet.\n\nPublisert 21.11.2023\n\nVedtaket kjem i styremøte 07.12.23.\n",
        );
        assert_eq!(r.meeting_dates, [date(2023, 11, 14)]);
        assert_eq!(r.published, Some(date(2023, 11, 21)));
        let other: Vec<&str> = r.dates_mentioned.iter().map(|m| m.date.as_str()).collect();
        assert_eq!(other, ["2023-09-07", "2023-12-07"]);
        assert!(!r.passages.iter().any(|p| p.text.contains("Publisert")));
    }

    #[test]
    fn a_person_named_only_in_the_headline_is_found() {
        let r = text_report(
            "Samferdselsminister Jon Georg Dale besøker Florø\n\nMinisteren kjem måndag og skal møte næringslivet i byen.\n\nDale vil òg sjå på vegen.\n",
        );
        let names: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Jon Georg Dale"]);
        assert_eq!(r.people[0].roles, ["samferdselsminister"]);
        // Passages count from the body: the surname is in the second one.
        assert_eq!(r.people[0].passages, [1]);
    }

    #[test]
    fn the_date_line_under_a_headline_that_names_a_meeting() {
        let r = text_report(
            "Referat frå møte i samarbeidsutvalet\n\n19.09.2018 kl. 16.00\n\nTil stades: alle medlemene i utvalet.\n\nVedtektene som gjeld for skulen er datert 15.03.2016.\n",
        );
        assert_eq!(r.meeting_dates, [date(2018, 9, 19)]);
        let other: Vec<&str> = r.dates_mentioned.iter().map(|m| m.date.as_str()).collect();
        assert_eq!(other, ["2016-03-15"]);
        // A headline that names no meeting gives its date line no such meaning.
        let r = text_report(
            "Nytt frå skulen\n\n19.09.2018\n\nElevane fekk nye bøker i alle fag, og lærarane er nøgde med dei.\n",
        );
        assert!(r.meeting_dates.is_empty());
    }

    #[test]
    fn a_meeting_known_only_by_its_month() {
        let r = text_report(
            "Årsmøte i laget\n\nÅrsmøtet vart halde i oktober 2019, med 30 medlemer til stades.\n\nNeste møte er 12. mars 2020.\n",
        );
        assert!(r.meeting_dates.is_empty());
        assert_eq!(r.meeting_month.as_deref(), Some("2019-10"));
        let other: Vec<&str> = r.dates_mentioned.iter().map(|m| m.date.as_str()).collect();
        assert_eq!(other, ["2020-03-12"]);
        // A day, where the text gives one, is the meeting; the month is not kept.
        let r = text_report(
            "Årsmøte i laget\n\nÅrsmøtet i oktober 2019 vart halde 17. oktober 2019 på skulen.\n",
        );
        assert_eq!(r.meeting_dates, [date(2019, 10, 17)]);
        assert_eq!(r.meeting_month, None);
    }

    #[test]
    fn deadlines_and_publications_are_not_the_meeting() {
        let r = text_report(
            "Ny plan\n\nPublisert 02.02.2024\n\nPlanen for rehabilitering gjeld frå 1. mars 2024, og fristen for innspel til utvalet er 15. februar 2024.\n",
        );
        assert!(r.meeting_dates.is_empty());
        assert_eq!(r.dates_mentioned.len(), 2);
    }

    #[test]
    fn abbreviated_publication_line() {
        let r = text_report(
            "Tittel\n\nPubl. 21.11.2023\n\nDen 14. november 2023 vart det halde eit møte i rådet, med mange saker på sakslista.\n",
        );
        assert_eq!(r.published, Some(date(2023, 11, 21)));
        assert_eq!(r.meeting_dates, [date(2023, 11, 14)]);
        assert!(!r.passages.iter().any(|p| p.text.contains("Publ.")));
    }

    #[test]
    fn a_deadline_word_ending_in_a_norwegian_letter_still_counts() {
        // "frå" ends in "å": the word boundary after it must hold all the same.
        let r = text_report(
            "Ny ordning\n\nPublisert 02.02.2024\n\nI møtet vart det semje om at den nye ordninga gjeld frå 1. mars 2024.\n",
        );
        assert!(r.meeting_dates.is_empty(), "{:?}", r.meeting_dates);
    }

    #[test]
    fn a_range_gives_every_meeting_day() {
        let r = text_report(
            "Sakliste\n\nSamlinga for utvalet 13.–14. november 2024 blir halden i bystyresalen i Ålesund.\n",
        );
        assert_eq!(r.meeting_dates, [date(2024, 11, 13), date(2024, 11, 14)]);
    }

    #[test]
    fn year_from_the_page_header_when_nothing_else_gives_it() {
        let r = text_report(
            "Møtebok 2019\n\nTorsdag 13. juni hadde kommunestyret møte i Ørsta, med budsjettet som første sak.\n",
        );
        assert_eq!(r.meeting_dates, [date(2019, 6, 13)]);
    }

    #[test]
    fn posting_dates_without_the_word_publisert() {
        let r = text_report(
            "Vårmøte i laget\n\n(03.05.2021)\n\nLaget hadde vårmøte på skulen med mange frammøtte.\n",
        );
        assert_eq!(r.published, Some(date(2021, 5, 3)));
        assert!(!r.passages.iter().any(|p| p.text.contains("(03.05.2021)")));
        let r = text_report(
            "Vårmøte i laget\n\nLaget hadde vårmøte på skulen med mange frammøtte.\nOla Nordmann – 03.05.2021 14:02:11\nMøtet tok opp vegen.\n",
        );
        assert_eq!(r.published, Some(date(2021, 5, 3)));
        // A date in brackets inside a sentence, or after words that are no name.
        let r = text_report(
            "Vårmøte i laget\n\nLaget hadde vårmøte (03.05.2021) på skulen.\nsak to – 03.05.2021\nMøtet tok opp vegen og mange andre saker.\n",
        );
        assert_eq!(r.published, None);
        let r = text_report(
            "Vårmøte i laget\n\nmarch 4, 2019\n\nLaget hadde vårmøte på skulen med mange frammøtte.\n",
        );
        assert_eq!(r.published, Some(date(2019, 3, 4)));
        assert_eq!(english_post_line("May 31, 2019"), Some(date(2019, 5, 31)));
        // A byline with the date in words, with or without weekday and dash.
        let r = text_report(
            "Vårmøte i laget\n\nKari Nes Tysdag 27. februar 2018\n\nLaget hadde vårmøte på skulen med mange frammøtte.\n",
        );
        assert_eq!(r.published, Some(date(2018, 2, 27)));
        assert_eq!(
            byline_in_words("Ola Lid – 3. mai 2021"),
            Some(date(2021, 5, 3))
        );
        assert_eq!(
            byline_in_words("Per Arne Lid Fredag 16. november 2018"),
            Some(date(2018, 11, 16))
        );
        // A heading with a date, a date without its year, a date that does not end
        // the line, a date alone.
        for line in [
            "Styremøte Helse Førde 14. mai 2019",
            "Kari Nes Tysdag 27. februar",
            "Kari Nes 27. februar 2018 om vegen",
            "27. februar 2018",
        ] {
            assert_eq!(byline_in_words(line), None, "{line}");
        }
        assert_eq!(english_post_line("february 30, 2019"), None);
        assert_eq!(english_post_line("Sak march 4, 2019"), None);
    }

    #[test]
    fn too_little_text_is_not_a_report() {
        let doc = Document {
            id: "t/r.html".into(),
            path: "r.html".into(),
            format: Format::Html,
            text:
                "<html><body><nav><a href='/'>Heim</a></nav><p>Side ikkje funnen</p></body></html>"
                    .into(),
        };
        assert_eq!(extract(&doc).unwrap_err(), ExtractError::NoText);
    }

    #[test]
    fn language_guess() {
        assert_eq!(
            text_report(
                "T\n\nDet var ikkje mykje meir å seie om korleis dei jobba med saka i kommunen.\n"
            )
            .language,
            Language::Nn
        );
        assert_eq!(
            text_report(
                "T\n\nDet var ikke mye mer å si om hvordan de jobbet med saken i kommunen.\n"
            )
            .language,
            Language::Nb
        );
    }
}
