//! Norwegian date expressions: "Den 10. mai 2023", "fredag 5. april", "13.–14.
//! november", "16.05.2023", "07.12.23", "i starten av desember i år", "i går".
//!
//! Dates without a year take it from the report's own context (its publish date or
//! the meeting date) and are left out when nothing gives one: a wrong year is worse
//! than none. Impossible dates ("31.02.2023") are rejected, never rounded.

use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;

use super::prefilter::{AnyCase, captures_where};

/// A point in time as precise as the text makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateValue {
    Day(Date),
    /// Only a month is named ("i starten av desember i år").
    Month {
        year: i16,
        month: i8,
    },
}

impl DateValue {
    /// ISO form: `2023-12-07` or `2023-12`.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(date) => date.to_string(),
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
        }
    }

    pub fn day(&self) -> Option<Date> {
        match self {
            DateValue::Day(date) => Some(*date),
            DateValue::Month { .. } => None,
        }
    }

    pub fn year(&self) -> i16 {
        match self {
            DateValue::Day(date) => date.year(),
            DateValue::Month { year, .. } => *year,
        }
    }
}

/// A date found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub value: DateValue,
    /// Last day of a range ("13.–14. november"), when the text gives one.
    pub until: Option<Date>,
    /// Byte span of the phrase in the searched text.
    pub start: usize,
    pub end: usize,
    pub phrase: String,
    /// The text named no year; it came from the context.
    pub year_from_context: bool,
}

/// What the rest of the page says about when it was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    /// The date relative expressions ("i går", "neste veke") count from, and near
    /// which a date without a year is placed.
    pub reference: Option<Date>,
    /// The year for "i år" and for dates without a year when there is no reference day.
    pub year: Option<i16>,
}

impl DateContext {
    fn year(&self) -> Option<i16> {
        self.year.or(self.reference.map(|d| d.year()))
    }
}

const MONTHS: &str = r"januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|febr|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|des";
const WEEKDAYS: &str =
    r"måndag|mandag|tysdag|tirsdag|onsdag|torsdag|fredag|laurdag|lørdag|sundag|søndag";

/// "fredag 5. april 2024", "Den 10. mai 2023", "13.–14. november", "24.-26. mai".
///
/// Minutes written in haste run the day into the month ("27.august", "1.des."), name
/// the weekday of both ends of a range ("fredag 21. til laurdag 22. april") and join
/// the year with a hyphen ("1. september-2015"): the same date all the same.
static TEXTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:({WEEKDAYS})\s+)?(?:(?:den|d\.)\s+)?(\d{{1,2}})(?:\.?\s*(?:[-–—]|til|og)\s*(?:(?:{WEEKDAYS})\s+)?(\d{{1,2}}))?(?:\.\s*|\s+)({MONTHS})(?-u:\b)\.?(?:(?:,?\s+|-)(\d{{4}})(?-u:\b))?"
    ))
    .expect("valid date regex")
});

/// "30. september–1. oktober 2024": a range across two months.
static CROSS_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})\.?\s*({MONTHS})(?-u:\b)\.?\s*(?:[-–—]|til)\s*(\d{{1,2}})\.?\s*({MONTHS})(?-u:\b)\.?(?:,?\s+(\d{{4}})(?-u:\b))?"
    ))
    .expect("valid date regex")
});

/// "16.05.2023", "07.12.23", "2023-11-14"; "22.11. 2022" with a space before a
/// four-digit year, as a typed header line has it.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})\.(\d{1,2})\.(?: (\d{4})|(\d{4}|\d{2}))(?-u:\b)")
        .expect("valid date regex")
});
/// "24.08 - 26.08.2011", "24.-26.08.2011": a range of numeric dates whose year (and
/// perhaps month) only the last day gives.
static NUMERIC_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})\.(?:(\d{1,2})\.?)?\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?-u:\b)")
        .expect("valid date regex")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").expect("valid date regex")
});

/// "i starten av desember i år", "mai 2023", "i slutten av januar neste år", "no i
/// januar" (this January: the month of the report's own year).
static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:no\s+i\s+|i\s+)?(?:(starten|byrjinga|begynnelsen|midten|slutten|løpet|utgangen)\s+av\s+)?({MONTHS})(?-u:\b)\.?(?:\s+(\d{{4}})(?-u:\b)|\s+(i\s+år|neste\s+år|i\s+fjor|førre\s+år|forrige\s+år)(?-u:\b))?"
    ))
    .expect("valid date regex")
});

/// "i dag", "i går", "i morgon", "neste veke", "førre veke".
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(i\s+dag|i\s+går|i\s+gar|i\s+morgon|i\s+morgen|i\s+kveld|i\s+går\s+kveld|neste\s+veke|neste\s+uke|førre\s+veke|forrige\s+uke|i\s+førre\s+veke)(?-u:\b)")
        .expect("valid date regex")
});

/// A weekday named without its date ("Torsdag vedtok kommunestyret", "på måndag",
/// "neste tysdag"): the day it points to is counted from the reference.
static BARE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(på|sist|førre|forrige|neste|kommande|komande)\s+)?({WEEKDAYS})(?-u:\b)"
    ))
    .expect("valid date regex")
});
/// Words after a weekday that make it one to come ("Torsdag skal rådet …").
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.!?]{0,40}?(?-u:\b)(?:skal|blir|vert|vil|kjem|har møte)(?-u:\b)")
        .expect("valid regex")
});

/// The day a weekday named without its date points to: the last such day up to the
/// reference, or, when the text speaks of it as to come, the next one after it.
fn weekday_from_reference(text: &str, caps: &regex::Captures, reference: Date) -> Option<Date> {
    let whole = caps.get(0)?;
    // "fredag 21." whose year was not found is that date, not the last Friday.
    let after = text[whole.end()..].trim_start();
    let after = after
        .strip_prefix("den ")
        .or_else(|| after.strip_prefix("Den "))
        .unwrap_or(after)
        .trim_start();
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let wd = weekday(&caps[2])?;
    let prefix = caps.get(1).map(|m| m.as_str().to_lowercase());
    let ahead = matches!(prefix.as_deref(), Some("neste" | "kommande" | "komande"))
        || (prefix.is_none() && FUTURE.is_match(&text[whole.end()..]));
    let gap = i64::from(reference.weekday().to_monday_zero_offset())
        - i64::from(wd.to_monday_zero_offset());
    let days = if ahead {
        match (-gap).rem_euclid(7) {
            0 => 7,
            d => d,
        }
    } else {
        -gap.rem_euclid(7)
    };
    reference.checked_add(days.days()).ok()
}

/// Substrings every month name or abbreviation contains (for a quick pre-check).
const MONTH_STEMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des",
];
/// Substrings every relative day expression contains.
const RELATIVE_HINTS: &[&str] = &["i g", "i d", "i m", "i k", "neste", "førre", "forrige"];

/// Month number for a Nynorsk or Bokmål month name or abbreviation.
pub fn month_number(name: &str) -> Option<i8> {
    let name = name.to_lowercase();
    let name = name.trim_end_matches('.');
    let month = match name {
        "januar" | "jan" => 1,
        "februar" | "febr" | "feb" => 2,
        "mars" | "mar" => 3,
        "april" | "apr" => 4,
        "mai" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "desember" | "des" => 12,
        _ => return None,
    };
    Some(month)
}

fn weekday(name: &str) -> Option<Weekday> {
    Some(match name.to_lowercase().as_str() {
        "måndag" | "mandag" => Weekday::Monday,
        "tysdag" | "tirsdag" => Weekday::Tuesday,
        "onsdag" => Weekday::Wednesday,
        "torsdag" => Weekday::Thursday,
        "fredag" => Weekday::Friday,
        "laurdag" | "lørdag" => Weekday::Saturday,
        "sundag" | "søndag" => Weekday::Sunday,
        _ => return None,
    })
}

/// A real calendar day in a plausible range, or nothing.
fn checked_date(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1900..=2100).contains(&year) {
        return None;
    }
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// Two-digit years: "23" is 2023, "98" is 1998.
fn full_year(digits: &str) -> Option<i32> {
    let n: i32 = digits.parse().ok()?;
    Some(match digits.len() {
        2 if n < 70 => 2000 + n,
        2 => 1900 + n,
        _ => n,
    })
}

/// Places a day and month without a year: the weekday decides when the text names
/// one; otherwise the year that puts the date nearest the reference. A weekday that
/// fits none of the years near the context's says the context is not the date's
/// year: the date is left without one.
fn infer_year(month: i8, day: i8, weekday: Option<Weekday>, ctx: &DateContext) -> Option<Date> {
    let base = ctx.year()?;
    let candidates: Vec<Date> = [base, base - 1, base + 1]
        .iter()
        .filter_map(|&y| checked_date(y.into(), month.into(), day.into()))
        .collect();
    if let Some(wd) = weekday {
        return candidates.into_iter().find(|d| d.weekday() == wd);
    }
    match ctx.reference {
        Some(reference) => candidates.into_iter().min_by_key(|d| {
            let days = (*d - reference).get_days().abs();
            // Prefer the context year on ties, and keep close dates in it.
            if d.year() == base && days <= 200 {
                0
            } else {
                days
            }
        }),
        None => candidates.into_iter().find(|d| d.year() == base),
    }
}

/// Part of a longer dotted number (a version, "1.12.11.2023"): not a date.
fn in_dotted_number(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    before == Some('.')
        || (after.next() == Some('.') && after.next().is_some_and(|c| c.is_ascii_digit()))
}

fn overlaps(found: &[FoundDate], start: usize, end: usize) -> bool {
    found.iter().any(|f| start < f.end && f.start < end)
}

/// Whether `text` may have a month stem and a relative-day hint in it, in any case:
/// the gates in front of the month and relative-day patterns.
fn date_hints(text: &str) -> (bool, bool) {
    static MONTHS: LazyLock<AnyCase> = LazyLock::new(|| AnyCase::new(MONTH_STEMS));
    static RELATIVE: LazyLock<AnyCase> = LazyLock::new(|| AnyCase::new(RELATIVE_HINTS));
    (MONTHS.may_occur_in(text), RELATIVE.may_occur_in(text))
}

/// A line that is only a full date with its year and no weekday ("07.11.2021",
/// "21. februar 2018"): how a news page prints its posting date above or under the
/// headline. Minutes head their meeting's date with its weekday or its hour
/// ("Tirsdag 8. mars 2005", "19.09.2018 kl. 16.00") or join its year with a dash
/// under a "Møtedato" label ("1. mars-2015"), so those lines are not this.
pub fn bare_date_line(line: &str) -> Option<Date> {
    let line = line.trim();
    if line.len() > 24
        || !line.starts_with(|c: char| c.is_ascii_digit())
        || line.contains(['-', '–', '—'])
    {
        return None;
    }
    let found = find_dates(line, &DateContext::default());
    let [date] = found.as_slice() else {
        return None;
    };
    let whole_line = date.start == 0 && date.end == line.len();
    (whole_line && !date.year_from_context && date.until.is_none())
        .then(|| date.value.day())
        .flatten()
}

/// Finds every date expression in `text`, in order of appearance.
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<FoundDate> {
    let mut found: Vec<FoundDate> = Vec::new();
    // Day-and-month phrases that are not real dates ("30. februar 2023") still
    // claim their words, so "februar 2023" is not read from them as a month.
    let mut rejected: Vec<(usize, usize)> = Vec::new();
    // Cheap checks first: most passages hold no date at all.
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    let (has_month, has_relative) = date_hints(text);
    // Day and month in figures ("14.11", "2023-11-14") need a digit, a stop or dash
    // and a digit; in words, a month's name.
    let digits_joined_by = |mark: u8| {
        has_digit
            && text
                .as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == mark && w[2].is_ascii_digit())
    };
    let (has_dotted, has_dashed) = (digits_joined_by(b'.'), digits_joined_by(b'-'));
    let has_textual = has_digit && has_month;

    for caps in captures_where(&CROSS_MONTH, text, has_textual) {
        let whole = caps.get(0).expect("match");
        let (Some(m1), Some(m2)) = (month_number(&caps[2]), month_number(&caps[4])) else {
            continue;
        };
        let (Ok(d1), Ok(d2)) = (caps[1].parse::<i8>(), caps[3].parse::<i8>()) else {
            continue;
        };
        rejected.push((whole.start(), whole.end()));
        // The year belongs to the end; a range over new year starts the year before.
        let end = match caps.get(5).and_then(|y| y.as_str().parse::<i32>().ok()) {
            Some(year) => checked_date(year, m2.into(), d2.into()),
            None => infer_year(m2, d2, None, ctx),
        };
        let Some(end) = end else {
            continue;
        };
        let start_year = if m1 > m2 { end.year() - 1 } else { end.year() };
        let Some(start) =
            checked_date(start_year.into(), m1.into(), d1.into()).filter(|s| *s < end)
        else {
            continue;
        };
        found.push(FoundDate {
            value: DateValue::Day(start),
            until: Some(end),
            start: whole.start(),
            end: whole.end(),
            phrase: whole.as_str().trim().trim_end_matches('.').to_string(),
            year_from_context: caps.get(5).is_none(),
        });
    }

    for caps in captures_where(&TEXTUAL, text, has_textual) {
        let whole = caps.get(0).expect("match");
        if overlaps(&found, whole.start(), whole.end()) {
            continue;
        }
        rejected.push((whole.start(), whole.end()));
        let Some(month) = caps.get(4).and_then(|m| month_number(m.as_str())) else {
            continue;
        };
        let day: i8 = match caps[2].parse() {
            Ok(d) => d,
            Err(_) => continue,
        };
        let wd = caps.get(1).and_then(|m| weekday(m.as_str()));
        let (start_date, from_context) = match caps.get(5) {
            Some(year) => {
                let Ok(year) = year.as_str().parse::<i32>() else {
                    continue;
                };
                (checked_date(year, month.into(), day.into()), false)
            }
            None => (infer_year(month, day, wd, ctx), true),
        };
        let Some(start_date) = start_date else {
            continue;
        };
        let until = caps
            .get(3)
            .and_then(|m| m.as_str().parse::<i8>().ok())
            .and_then(|d| {
                checked_date(start_date.year().into(), month.into(), d.into())
                    .filter(|u| *u > start_date)
            });
        found.push(FoundDate {
            value: DateValue::Day(start_date),
            until,
            start: whole.start(),
            end: whole.end(),
            phrase: whole.as_str().trim().trim_end_matches('.').to_string(),
            year_from_context: from_context,
        });
    }

    for caps in captures_where(&NUMERIC_RANGE, text, has_dotted) {
        let whole = caps.get(0).expect("match");
        if in_dotted_number(text, whole.start(), whole.end()) {
            continue;
        }
        let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
        let (Some(d1), Some(d2), Some(m2), Some(year)) =
            (number(1), number(3), number(4), full_year(&caps[5]))
        else {
            continue;
        };
        let m1 = number(2).unwrap_or(m2);
        let (Some(start), Some(until)) = (checked_date(year, m1, d1), checked_date(year, m2, d2))
        else {
            continue;
        };
        if start >= until {
            continue;
        }
        found.push(FoundDate {
            value: DateValue::Day(start),
            until: Some(until),
            start: whole.start(),
            end: whole.end(),
            phrase: whole.as_str().trim().to_string(),
            year_from_context: false,
        });
    }

    for caps in captures_where(&ISO, text, has_dashed) {
        let whole = caps.get(0).expect("match");
        if overlaps(&found, whole.start(), whole.end()) {
            continue;
        }
        let parts: Vec<i32> = (1..=3).filter_map(|i| caps[i].parse().ok()).collect();
        if let [y, m, d] = parts[..]
            && let Some(date) = checked_date(y, m, d)
        {
            push_simple(&mut found, date, whole.start(), whole.end(), whole.as_str());
        }
    }

    for caps in captures_where(&NUMERIC, text, has_dotted) {
        let whole = caps.get(0).expect("match");
        let (start, end) = (whole.start(), whole.end());
        if in_dotted_number(text, start, end) {
            continue;
        }
        if overlaps(&found, start, end) {
            continue;
        }
        let year = caps.get(3).or(caps.get(4)).map(|y| y.as_str());
        let (Ok(day), Ok(month), Some(year)) = (
            caps[1].parse::<i32>(),
            caps[2].parse::<i32>(),
            year.and_then(full_year),
        ) else {
            continue;
        };
        if let Some(date) = checked_date(year, month, day) {
            push_simple(&mut found, date, start, end, &text[start..end]);
        }
    }

    for caps in captures_where(&MONTH_ONLY, text, has_month) {
        let whole = caps.get(0).expect("match");
        let claimed = rejected
            .iter()
            .any(|&(s, e)| whole.start() < e && s < whole.end());
        if claimed || overlaps(&found, whole.start(), whole.end()) {
            continue;
        }
        let now = whole
            .as_str()
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("no "));
        let qualified =
            now || caps.get(1).is_some() || caps.get(3).is_some() || caps.get(4).is_some();
        // A bare month name ("mai") is too often a word or a loose reference.
        if !qualified {
            continue;
        }
        let Some(month) = month_number(&caps[2]) else {
            continue;
        };
        // "mar", "jun" and friends only count with a year after them.
        if caps[2].len() <= 4 && caps.get(3).is_none() && caps[2].to_lowercase() != "mai" {
            continue;
        }
        let (year, from_context) = if let Some(y) = caps.get(3) {
            (y.as_str().parse::<i16>().ok(), false)
        } else {
            let base = ctx.year();
            let relative = caps.get(4).map(|m| m.as_str().to_lowercase());
            let offset = match relative.as_deref().map(|r| r.split_whitespace().next()) {
                Some(Some("neste")) => 1,
                Some(Some("i")) if relative.as_deref().is_some_and(|r| r.ends_with("fjor")) => -1,
                Some(Some("førre" | "forrige")) => -1,
                _ => 0,
            };
            (base.map(|b| b + offset), true)
        };
        let Some(year) = year.filter(|y| (1900..=2100).contains(y)) else {
            continue;
        };
        found.push(FoundDate {
            value: DateValue::Month { year, month },
            until: None,
            start: whole.start(),
            end: whole.end(),
            phrase: whole.as_str().trim().to_string(),
            year_from_context: from_context,
        });
    }

    if let Some(reference) = ctx.reference {
        static WEEKDAY_HINT: LazyLock<AnyCase> = LazyLock::new(|| AnyCase::new(&["dag"]));
        let has_weekday = WEEKDAY_HINT.may_occur_in(text);
        for caps in captures_where(&BARE_WEEKDAY, text, has_weekday) {
            let whole = caps.get(0).expect("match");
            if overlaps(&found, whole.start(), whole.end()) {
                continue;
            }
            if let Some(date) = weekday_from_reference(text, &caps, reference) {
                found.push(FoundDate {
                    value: DateValue::Day(date),
                    until: None,
                    start: whole.start(),
                    end: whole.end(),
                    phrase: whole.as_str().to_string(),
                    year_from_context: true,
                });
            }
        }
        for m in RELATIVE.find_iter(if has_relative { text } else { "" }) {
            if overlaps(&found, m.start(), m.end()) {
                continue;
            }
            let phrase = m.as_str().to_lowercase();
            let words: Vec<&str> = phrase.split_whitespace().collect();
            let days: i64 = match words.as_slice() {
                ["i", "dag"] | ["i", "kveld"] => 0,
                ["i", "går" | "gar", ..] => -1,
                ["i", "morgon" | "morgen"] => 1,
                ["neste", _] => 7,
                [.., "førre" | "forrige", _] => -7,
                _ => continue,
            };
            let Ok(date) = reference.checked_add(days.days()) else {
                continue;
            };
            found.push(FoundDate {
                value: DateValue::Day(date),
                until: None,
                start: m.start(),
                end: m.end(),
                phrase: m.as_str().to_string(),
                year_from_context: true,
            });
        }
    }

    found.sort_by_key(|f| f.start);
    found
}

fn push_simple(found: &mut Vec<FoundDate>, date: Date, start: usize, end: usize, phrase: &str) {
    found.push(FoundDate {
        value: DateValue::Day(date),
        until: None,
        start,
        end,
        phrase: phrase.trim().to_string(),
        year_from_context: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_line_of_only_a_full_date_is_a_posting_date() {
        assert_eq!(bare_date_line("03.09.2020"), Some(date(2020, 9, 3)));
        assert_eq!(bare_date_line(" 14. mars 2017 "), Some(date(2017, 3, 14)));
        // The weekday or hour of a minutes' header, a missing year, a range or more
        // words make it something else.
        assert_eq!(bare_date_line("Onsdag 14. mars 2018"), None);
        assert_eq!(bare_date_line("03.09.2020 kl. 18.00"), None);
        assert_eq!(bare_date_line("14. mars"), None);
        assert_eq!(bare_date_line("13.-14. mars 2019"), None);
        assert_eq!(bare_date_line("2. mai-2016"), None);
        assert_eq!(bare_date_line("14. mars 2017: Årsmøte i laget"), None);
    }

    fn days(text: &str, ctx: DateContext) -> Vec<String> {
        find_dates(text, &ctx)
            .iter()
            .map(|f| f.value.iso())
            .collect()
    }

    fn none() -> DateContext {
        DateContext::default()
    }

    #[test]
    fn date_hints_are_found_in_any_case() {
        let slow = |text: &str| {
            let lower = text.to_lowercase();
            (
                MONTH_STEMS.iter().any(|m| lower.contains(m)),
                RELATIVE_HINTS.iter().any(|h| lower.contains(h)),
            )
        };
        for text in [
            "Møtet i FØRRE veke",
            "Førre månad",
            "fØRRE",
            "I GÅR",
            "Neste Okt.",
            "MAI",
            "Ingen dato her",
            "Det var \u{212A}aldt i \u{212A}ommunen",
            "\u{130} dag",
            "Dei gjekk heim.",
        ] {
            let (month, relative) = date_hints(text);
            let (slow_month, slow_relative) = slow(text);
            assert!(month >= slow_month && relative >= slow_relative, "{text}");
            if text.is_ascii() || text.contains(['ø', 'Ø', 'å', 'Å']) {
                assert_eq!((month, relative), (slow_month, slow_relative), "{text}");
            }
        }
    }

    #[test]
    fn textual_dates_with_year() {
        assert_eq!(
            days("Den 10. mai 2023 blei møtet halde", none()),
            ["2023-05-10"]
        );
        assert_eq!(
            days("Den 14. november 2023 vart det", none()),
            ["2023-11-14"]
        );
        assert_eq!(days("fredag 5. april 2024", none()), ["2024-04-05"]);
        assert_eq!(
            days("møte 3. sept. 2021 og 4 okt 2022", none()),
            ["2021-09-03", "2022-10-04"]
        );
        assert_eq!(days("Mandag 4. September 2023", none()), ["2023-09-04"]);
    }

    #[test]
    fn numeric_dates_with_two_and_four_digit_years() {
        assert_eq!(days("Publisert 16.05.2023", none()), ["2023-05-16"]);
        assert_eq!(
            days("planlagt 27.04.24 og styremøte 07.12.23.", none()),
            ["2024-04-27", "2023-12-07"]
        );
        assert_eq!(days("publisert 07.09.2023.", none()), ["2023-09-07"]);
        assert_eq!(days("sak 2023-11-14", none()), ["2023-11-14"]);
        assert_eq!(days("1.1.98", none()), ["1998-01-01"]);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(days("31.02.2023 og 30. februar 2023 og 12.13.2023", none()).is_empty());
        assert!(days("2023-02-29", none()).is_empty());
        assert_eq!(days("29.02.2024", none()), ["2024-02-29"]);
    }

    #[test]
    fn times_versions_and_case_numbers_are_not_dates() {
        assert!(
            days(
                "kl. 09.00–09.15, versjon 1.2.3.4, NOU 4:23, sak 12/24",
                none()
            )
            .is_empty()
        );
    }

    #[test]
    fn ranges_across_months() {
        let found = find_dates("samla 30. september–1. oktober 2024 på Stord", &none());
        assert_eq!(found[0].value, DateValue::Day(date(2024, 9, 30)));
        assert_eq!(found[0].until, Some(date(2024, 10, 1)));
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn ranges_keep_first_and_last_day() {
        let found = find_dates("samling 13.–14. november 2024", &none());
        assert_eq!(found[0].value, DateValue::Day(date(2024, 11, 13)));
        assert_eq!(found[0].until, Some(date(2024, 11, 14)));
        let found = find_dates("24.-26. mai 2023", &none());
        assert_eq!(found[0].until, Some(date(2023, 5, 26)));
    }

    #[test]
    fn year_comes_from_context_or_date_is_left_out() {
        let ctx = DateContext {
            reference: Some(date(2019, 6, 17)),
            year: None,
        };
        assert_eq!(days("Torsdag 13. juni", ctx), ["2019-06-13"]);
        assert!(days("Torsdag 13. juni", none()).is_empty());
        let found = find_dates("Torsdag 13. juni", &ctx);
        assert!(found[0].year_from_context);
    }

    #[test]
    fn weekday_picks_the_year() {
        // Published in January 2024 about "tysdag 12. desember": that is 2023.
        let ctx = DateContext {
            reference: Some(date(2024, 1, 8)),
            year: Some(2024),
        };
        assert_eq!(days("tysdag 12. desember", ctx), ["2023-12-12"]);
        // 12 December falls on a Tuesday, a Thursday and a Friday in 2023-2025: on a
        // Wednesday in none of them.
        assert!(days("onsdag 12. desember", ctx).is_empty());
        assert_eq!(days("12. desember", ctx), ["2023-12-12"]);
    }

    #[test]
    fn month_expressions() {
        let ctx = DateContext {
            reference: Some(date(2023, 11, 14)),
            year: Some(2023),
        };
        assert_eq!(
            days("koplar seg på i starten av desember i år.", ctx),
            ["2023-12"]
        );
        assert_eq!(days("i slutten av januar neste år", ctx), ["2024-01"]);
        assert_eq!(days("Frå Partnarskapsmøte mai 2023", ctx), ["2023-05"]);
        assert!(days("i mai var det fint", ctx).is_empty());
        assert_eq!(days("På første møtet no i januar", ctx), ["2023-01"]);
        assert!(days("Ikkje no, i januar kanskje", ctx).is_empty());
    }

    #[test]
    fn relative_days_count_from_the_reference() {
        let ctx = DateContext {
            reference: Some(date(2024, 3, 14)),
            year: None,
        };
        assert_eq!(days("I går møttest dei", ctx), ["2024-03-13"]);
        assert_eq!(days("neste veke", ctx), ["2024-03-21"]);
        assert_eq!(days("i dag", ctx), ["2024-03-14"]);
        assert!(days("i går", none()).is_empty());
    }

    #[test]
    fn day_run_into_the_month() {
        assert_eq!(days("Styremøte måndag 3.mars 2025", none()), ["2025-03-03"]);
        assert_eq!(days("Tid: onsdag 4.des. kl. 19", none()).len(), 0);
        let ctx = DateContext {
            reference: None,
            year: Some(2025),
        };
        assert_eq!(days("Tid: onsdag 3.des. kl. 19", ctx), ["2025-12-03"]);
        // A number before a word that only begins like a month is no date.
        assert!(days("med 3.marsjering og 8. maifest", ctx).is_empty());
    }

    #[test]
    fn weekdays_on_both_ends_of_a_range() {
        let ctx = DateContext {
            reference: Some(date(2023, 10, 2)),
            year: Some(2023),
        };
        // A range over a month's end without the first month is not read as a range.
        let found = find_dates("Frå fredag 29. til sundag 1. oktober var laget samla", &ctx);
        assert_eq!(found.first().and_then(|f| f.until), None);
        let found = find_dates("Frå fredag 6. til sundag 8. oktober", &ctx);
        assert_eq!(found[0].value, DateValue::Day(date(2023, 10, 6)));
        assert_eq!(found[0].until, Some(date(2023, 10, 8)));
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_year_joined_by_a_hyphen() {
        assert_eq!(days("Møtedato 3. november-2017", none()), ["2017-11-03"]);
        // Spaced out, a four-digit number after a dash is a count, not a year.
        assert!(days("3. november - 1500 deltakarar", none()).is_empty());
    }

    #[test]
    fn a_space_before_a_four_digit_year() {
        assert_eq!(days("Møte 14.03. 2024 kl 18", none()), ["2024-03-14"]);
        assert_eq!(days("Møte 14.03. 24 kl 18", none()).len(), 0);
    }

    #[test]
    fn numeric_ranges_give_their_year_to_the_first_day() {
        let found = find_dates("samla på hotellet 12.09 - 14.09.2019, med tur", &none());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, DateValue::Day(date(2019, 9, 12)));
        assert_eq!(found[0].until, Some(date(2019, 9, 14)));
        let found = find_dates("kurs 30.-31.1.2020", &none());
        assert_eq!(found[0].value, DateValue::Day(date(2020, 1, 30)));
        assert_eq!(found[0].until, Some(date(2020, 1, 31)));
        let found = find_dates("frå 28.02–02.03.2022", &none());
        assert_eq!(found[0].value, DateValue::Day(date(2022, 2, 28)));
        // Backwards or impossible ranges are not ranges; the last date still counts.
        assert_eq!(days("14.09 - 12.09.2019", none()), ["2019-09-12"]);
        assert_eq!(days("kl. 09.00 - 10.09.2019", none()), ["2019-09-10"]);
    }

    #[test]
    fn a_weekday_without_its_date_counts_from_the_reference() {
        // Friday 15 March 2024.
        let ctx = DateContext {
            reference: Some(date(2024, 3, 15)),
            year: Some(2024),
        };
        assert_eq!(
            days("Torsdag vedtok kommunestyret planen", ctx),
            ["2024-03-14"]
        );
        assert_eq!(days("På måndag var det møte", ctx), ["2024-03-11"]);
        assert_eq!(days("Fredag kveld var det fest", ctx), ["2024-03-15"]);
        assert_eq!(days("Torsdag skal rådet møtast", ctx), ["2024-03-21"]);
        assert_eq!(days("neste fredag", ctx), ["2024-03-22"]);
        // With its date the weekday is part of that date; without a reference, nothing.
        assert_eq!(days("Torsdag 14. mars var det møte", ctx), ["2024-03-14"]);
        assert!(days("fredag 21. var det møte", ctx).is_empty());
        assert!(days("Torsdag vedtok kommunestyret planen", none()).is_empty());
        assert!(days("Torsdagskafeen og dagane", ctx).is_empty());
    }

    #[test]
    fn month_names_in_both_standards() {
        for (name, n) in [
            ("januar", 1),
            ("febr", 2),
            ("des", 12),
            ("Sept", 9),
            ("okt.", 10),
        ] {
            assert_eq!(month_number(name), Some(n), "{name}");
        }
        assert_eq!(month_number("møte"), None);
    }
}
