//! Which date is the meeting: the day it began, or its month when the text gives
//! no day, told apart from the other dates a report mentions (deadlines, the
//! publication, history, the next meeting), and where a date without a year takes
//! its year from.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::dates::{DateContext, DateValue, FoundDate, find_dates};
use super::prefilter::first_captures;
use crate::report::{DateMention, Passage};

/// A year in the title or in the page's lines before the title ("Møtebok 2019").
pub(super) fn header_year(title: &str, page_lines: &[String]) -> Option<i16> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?-u:\b)(19[5-9]\d|20\d\d)(?-u:\b)").expect("valid regex"));
    let before_title = page_lines.iter().take_while(|l| l.as_str() != title);
    std::iter::once(title)
        .chain(before_title.map(String::as_str))
        .find_map(|line| first_captures(&YEAR, line))
        .and_then(|c| c[1].parse().ok())
}

/// Words that make a sentence about a meeting taking place.
static MEETING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)møte|møtt|samling|samla|konferanse|seminar|kommunestyre|bystyre|fylkesting|utval|råd(?:et)?(?-u:\b)|forum|halde|haldt|holdt|gjennomført|gjennomførd|arrangert|samankalla|sammenkalt|sakliste|protokoll|dagsorden|frukostmøte|webinar|kurs|dialog|^\s*dato\s*:|^\s*tid\s*:")
        .expect("valid regex")
});
/// Words just before a date that make it something other than the meeting day.
static NOT_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:publisert|oppdatert|frist|fristen|innan|innen|planlagt|gjeld frå|gjelder fra|frå og med|fra og med|til og med|sidan|siden|fødd|født|vedteke|vedtatt|sist|neste møte|rapport)(?:[^\p{L}\p{N}_.!?][^.!?]{0,59})?$")
        .expect("valid regex")
});

/// When the meeting was, and the other dates a report mentions.
pub(super) struct MeetingDates {
    /// The meeting's days, first = the day it began.
    pub days: Vec<Date>,
    /// `YYYY-MM` when the text gives only the meeting's month.
    pub month: Option<String>,
    pub others: Vec<DateMention>,
}

/// Picks the meeting day(s) and lists every other date with its phrase.
///
/// The meeting is the first full date in the title, else the first full date in a
/// sentence about a meeting taking place that is not introduced as a deadline, a
/// publication or a plan. Without such a day, the first month named the same way
/// ("årsmøtet i oktober 2019") is the meeting's month. A report about no meeting
/// gets neither.
pub(super) fn meeting_and_other_dates(
    title: &str,
    passages: &[Passage],
    ctx: &DateContext,
) -> MeetingDates {
    let in_title = find_dates(title, ctx);
    let mut meeting: Option<FoundDate> = in_title.iter().find(|f| f.value.day().is_some()).cloned();
    let mut month: Option<DateValue> = in_title
        .iter()
        .find(|f| f.value.day().is_none() && MEETING_WORDS.is_match(title))
        .map(|f| f.value);
    let mut mentions: Vec<DateMention> = Vec::new();
    for passage in passages {
        for found in find_dates(&passage.text, ctx) {
            let sentence = sentence_around(&passage.text, found.start, found.end);
            let before = &passage.text[sentence.0..found.start];
            let about_meeting = meeting.is_none()
                && MEETING_WORDS.is_match(&passage.text[sentence.0..sentence.1])
                && !NOT_MEETING.is_match(before);
            if about_meeting && found.value.day().is_some() {
                meeting = Some(found);
                continue;
            }
            if about_meeting && month.is_none() {
                month = Some(found.value);
            }
            // The meeting day itself, or its month ("Frå møtet mai 2023"), adds nothing.
            let is_same_as_meeting = meeting.as_ref().is_some_and(|m| {
                m.value == found.value
                    || matches!((m.value, found.value), (DateValue::Day(d), DateValue::Month { year, month }) if d.year() == year && d.month() == month)
            });
            if !is_same_as_meeting {
                push_mention(&mut mentions, &found);
            }
        }
    }
    // Minutes and agendas put the date on a line of its own under a headline that
    // names the meeting ("Referat frå møte i SU" / "19.09.2018 kl. 16.00").
    if meeting.is_none() && MEETING_WORDS.is_match(title) {
        meeting = passages.iter().take(3).find_map(|passage| {
            find_dates(&passage.text, ctx).into_iter().find(|found| {
                found.value.day().is_some()
                    && found.start <= 12
                    && !NOT_MEETING.is_match(&passage.text[..found.start])
            })
        });
        if let Some(found) = &meeting {
            let date = found.value.iso();
            mentions.retain(|m| m.date != date || m.phrase != found.phrase);
        }
    }
    let days = match meeting {
        Some(found) => {
            let first = found.value.day().into_iter();
            let mut days: Vec<Date> = first.collect();
            if let (Some(start), Some(until)) = (days.first().copied(), found.until) {
                let mut day = start;
                while day < until {
                    match day.tomorrow() {
                        Ok(next) => day = next,
                        Err(_) => break,
                    }
                    days.push(day);
                }
            }
            days
        }
        None => Vec::new(),
    };
    let month = month.filter(|_| days.is_empty()).map(|m| m.iso());
    if let Some(month) = &month {
        mentions.retain(|m| &m.date != month);
    }
    MeetingDates {
        days,
        month,
        others: mentions,
    }
}

fn push_mention(mentions: &mut Vec<DateMention>, found: &FoundDate) {
    let date = match found.value {
        DateValue::Day(d) => d.to_string(),
        month @ DateValue::Month { .. } => month.iso(),
    };
    if !mentions
        .iter()
        .any(|m| m.date == date && m.phrase == found.phrase)
    {
        mentions.push(DateMention {
            date,
            phrase: found.phrase.clone(),
        });
    }
}

/// Byte range of the sentence holding `start..end`.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_stop = |c: char| matches!(c, '!' | '?' | '\n');
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|(i, c)| {
            is_stop(*c)
                || (*c == '.' && text[i + 1..].starts_with(' ') && !ends_with_number(&text[..*i]))
        })
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let to = text[end..]
        .char_indices()
        .find(|(i, c)| is_stop(*c) || (*c == '.' && text[end + i + 1..].starts_with(' ')))
        .map(|(i, _)| end + i)
        .unwrap_or(text.len());
    (from, to)
}

fn ends_with_number(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| c.is_ascii_digit())
}
