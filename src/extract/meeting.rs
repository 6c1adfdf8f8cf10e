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
///
/// A year stands apart from letters and digits, not only at a word boundary: file
/// names join it with underscores ("Elevstemnet_2016_5"). When the title is not one
/// of the page's lines (a plain text whose title is its opening words), only the
/// title is read: the body's years are of anything.
pub(super) fn header_year(title: &str, page_lines: &[String]) -> Option<i16> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}\p{N}])(19[5-9]\d|20\d\d)(?:$|[^\p{L}\p{N}])")
            .expect("valid regex")
    });
    let before_title = match page_lines.iter().position(|l| l == title) {
        Some(at) => &page_lines[..at],
        None => &[],
    };
    std::iter::once(title)
        .chain(before_title.iter().map(String::as_str))
        .find_map(|line| first_captures(&YEAR, line))
        .and_then(|c| c[1].parse().ok())
}

/// The year of a meeting or case number ("Møte 3/2018", "Møte nr. 3/2018", "Sak
/// 12/18", "Saksnr.: 001/15"), or of a case number opening a line of minutes
/// ("52/2015 Referat", "001/15 Godkjenning"): the year the minutes are of.
pub(super) fn case_number_year(passages: &[Passage]) -> Option<i16> {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?im)(?:^|[^\p{L}])(?:møte|sak|saks?\s*nr|ps|fs)(?:\s*nr)?\.?\s*:?\s*\d{1,3}\s*/\s*(\d{4}|\d{2})(?:$|[^\p{L}\p{N}/])")
            .expect("valid regex")
    });
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^\s*(?:\d{1,3}/(\d{4})|\d{3}/(\d{2}))\s+\p{Lu}").expect("valid regex")
    });
    passages
        .iter()
        .filter(|p| p.text.contains('/'))
        .find_map(|p| {
            first_captures(&LABELLED, &p.text).or_else(|| first_captures(&OPENING, &p.text))
        })
        .and_then(|c| {
            let digits = c.get(1).or(c.get(2))?.as_str();
            let n: i16 = digits.parse().ok()?;
            let year = if digits.len() == 2 { 2000 + n } else { n };
            (1950..=2099).contains(&year).then_some(year)
        })
}

/// The year of the first full date in the body that names its year ("skal opp i
/// kommunestyret 13. desember 2018"): the last place a date without one looks.
/// Bare years and months ("fram til februar 2022") are not read: they are of budgets, reports and history as often as of
/// the meeting.
pub(super) fn first_dated_year(passages: &[Passage]) -> Option<i16> {
    passages.iter().find_map(|p| {
        find_dates(&p.text, &DateContext::default())
            .iter()
            .find(|f| !f.year_from_context && f.value.day().is_some())
            .map(|f| f.value.year())
    })
}

/// The latest year the first passages name alone ("i 2021", "for 2021"), for a
/// report that gives no year otherwise: a meeting date there with a weekday is placed
/// by it (see [`weekday_placed_meeting`]).
pub(super) fn named_year(passages: &[Passage]) -> Option<i16> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\p{L}\p{N}./-])(19[5-9]\d|20\d\d)(?:$|[^\p{L}\p{N}/-])")
            .expect("valid regex")
    });
    passages
        .iter()
        .take(20)
        .filter(|p| p.text.contains("19") || p.text.contains("20"))
        .flat_map(|p| YEAR.captures_iter(&p.text))
        .filter_map(|c| c[1].parse().ok())
        .max()
}

/// Words that make a sentence about a meeting taking place: meetings, gatherings
/// and the events a report may be about (a jubilee, an opening, a premiere, a
/// reunion, a service).
static MEETING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)møte|møtt|samling|samla|konferanse|seminar|kommunestyre|bystyre|fylkesting|utval|forum|halde|haldt|holdt|gjennomført|gjennomførd|arrangert|samankalla|sammenkalt|sakliste|protokoll|dagsorden|frukostmøte|webinar|kurs|dialog|jubileum|premiere|opna|opning|stemne|gudsteneste|feira|feiring|markering|^\s*dato\s*:|^\s*tid\s*:")
        .expect("valid regex")
});

/// A council ("rådet", "soknerådet", "ungdomsråd"), but not the "råd" that ends
/// other words ("i tråd med", "gråd", "forråd").
static COUNCIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\p{L}*)råd(?:et)?(?-u:\b)").expect("valid regex"));

/// Whether `text` speaks of a meeting or an event taking place.
fn names_a_meeting(text: &str) -> bool {
    MEETING_WORDS.is_match(text)
        || (text.contains("råd") || text.contains("RÅD") || text.contains("Råd"))
            && COUNCIL
                .captures_iter(text)
                .any(|c| !matches!(c[1].to_lowercase().as_str(), "t" | "g" | "b" | "for"))
}
/// Words just before a date that make it something other than the meeting day.
static NOT_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:publisert|oppdatert|frist|fristen|innan|innen|planlagt|gjeld frå|gjelder fra|frå og med|fra og med|til og med|sidan|siden|fødd|født|vedteke|vedtatt|sist|neste møte|rapport|godkjenning av (?:protokoll|referat)|(?:møteboka|protokollen|referatet) (?:frå|fra))(?:[^\p{L}\p{N}_.!?][^.!?]{0,59})?$")
        .expect("valid regex")
});

/// The summons' letter and the public notice before a date ("innkalla i skriv dat.
/// 12.03.19", "møtet var kunngjort i avisa 2.3.19"): minutes give them in their
/// opening formula, and they are not the meeting day. Read on the passage, not the
/// sentence: the stop of "dat." would cut the sentence there.
static SUMMONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:innkalla|innkalt|innkalte|kalla inn|kunngjort|kunngjord|kunngjorde)(?-u:\b)[^.!?]{0,30}(?:dat(?:ert|\.)?[ \t]*)?$")
        .expect("valid regex")
});

/// Whether the date starting at byte `start` of `text` is the summons' or the
/// notice's (see [`SUMMONS`]).
fn is_summons_date(text: &str, start: usize) -> bool {
    let head = &text[..start];
    if !(head.contains("kalla") || head.contains("kalt") || head.contains("kunngj")) {
        return false;
    }
    let mut from = start.saturating_sub(48);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    SUMMONS.is_match(&head[from..])
}

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
/// The meeting is, in this order: the date of a field that names the meeting
/// ("Møtedato: …"); the first full date in the title; the date of a general date
/// field ("Dato:", "Tid:"); the date line under a headline that names a meeting; the
/// first full date in a sentence about a meeting taking place that is not
/// introduced as a deadline, a publication or a plan. Without such a day, the first
/// month named the same way ("årsmøtet i oktober 2019") is the meeting's month. A
/// report about no meeting gets neither.
///
/// `own_year` is the year the page says it is of (publication, header, case
/// numbers): a date years away from it is history or plan, not this meeting.
pub(super) fn meeting_and_other_dates(
    title: &str,
    passages: &[Passage],
    ctx: &DateContext,
    own_year: Option<i16>,
) -> MeetingDates {
    let of_this_report = |f: &FoundDate| {
        own_year.is_none_or(|y| (i32::from(f.value.year()) - i32::from(y)).abs() <= 1)
    };
    let is_day = |f: &FoundDate| f.value.day().is_some() && of_this_report(f);
    let in_title = find_dates(title, ctx);
    let mut meeting: Option<FoundDate> = field_date(passages, ctx, true)
        .or_else(|| in_title.iter().find(|f| is_day(f)).cloned())
        .or_else(|| field_date(passages, ctx, false))
        .or_else(|| headline_date_line(title, passages, ctx).filter(is_day));
    let mut month: Option<DateValue> = in_title
        .iter()
        .find(|f| f.value.day().is_none() && of_this_report(f) && names_a_meeting(title))
        .map(|f| f.value);
    let mut mentions: Vec<DateMention> = Vec::new();
    for passage in passages {
        for found in find_dates(&passage.text, ctx) {
            let sentence = sentence_around(&passage.text, found.start, found.end);
            let before = &passage.text[sentence.0..found.start];
            let about_meeting = meeting.is_none()
                && of_this_report(&found)
                && names_a_meeting(&passage.text[sentence.0..sentence.1])
                && !NOT_MEETING.is_match(before)
                && !is_summons_date(&passage.text, found.start);
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
    if meeting.is_none() && ctx.year.is_none() && ctx.reference.is_none() {
        meeting = weekday_placed_meeting(passages);
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

/// In a report that gives no year, the meeting date whose weekday places it near the
/// latest year the text names alone: "Tysdag 15. mars var det årsmøte" in a report
/// about the year 2021 is 15 March 2022, the only Tuesday of the three years around.
/// A date without its weekday stays unplaced.
fn weekday_placed_meeting(passages: &[Passage]) -> Option<FoundDate> {
    let ctx = DateContext {
        reference: None,
        year: Some(named_year(passages)?),
    };
    passages.iter().take(20).find_map(|passage| {
        find_dates(&passage.text, &ctx).into_iter().find(|found| {
            let sentence = sentence_around(&passage.text, found.start, found.end);
            found.year_from_context
                && found.value.day().is_some()
                && found
                    .phrase
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| WEEKDAY.is_match(w))
                && names_a_meeting(&passage.text[sentence.0..sentence.1])
                && !NOT_MEETING.is_match(&passage.text[sentence.0..found.start])
        })
    })
}

/// A weekday's name, as a date's phrase may start with one.
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:måndag|mandag|tysdag|tirsdag|onsdag|torsdag|fredag|laurdag|lørdag|sundag|søndag)$")
        .expect("valid regex")
});

/// A date field: its label on a line's start, the date after it or alone on the
/// next line ("Møtedato: 12.03.2024", "Dato:15.12.2020 10:00", "Tid: torsdag
/// 1.des. kl. 20", "Møtedato" / "1. september-2015").
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(møtedato|dato for møtet|møtetid|tid for møtet|tid og stad|tid og sted|tidspunkt|dato|tid)(?-u:\b)[ \t]*:?[ \t]*(.*)$")
        .expect("valid regex")
});

/// How many passages from the top a date field is looked for in.
const FIELD_PASSAGES: usize = 40;

/// The day a date field gives: of the fields that name the meeting ("Møtedato")
/// when `naming_the_meeting`, else of the general ones ("Dato", "Tid"). Minutes and
/// notices state their meeting's date in such a field, whatever the text mentions.
fn field_date(
    passages: &[Passage],
    ctx: &DateContext,
    naming_the_meeting: bool,
) -> Option<FoundDate> {
    let lines: Vec<&str> = passages
        .iter()
        .take(FIELD_PASSAGES)
        .flat_map(|p| p.text.lines())
        .collect();
    lines.iter().enumerate().find_map(|(i, line)| {
        let caps = FIELD.captures(line)?;
        if caps[1].to_lowercase().contains("møte") != naming_the_meeting {
            return None;
        }
        let rest = caps.get(2).map_or("", |m| m.as_str());
        let value = if rest.trim().is_empty() {
            lines.get(i + 1)?
        } else {
            rest
        };
        find_dates(value, ctx)
            .into_iter()
            .next()
            .filter(|f| f.start <= 1 && f.value.day().is_some())
    })
}

/// Minutes and agendas put the date on a line of its own under a headline that
/// names the meeting ("Referat frå møte i SU" / "19.09.2018 kl. 16.00"): it is the
/// meeting's, before any date the minutes go on to mention.
fn headline_date_line(title: &str, passages: &[Passage], ctx: &DateContext) -> Option<FoundDate> {
    if !names_a_meeting(title) {
        return None;
    }
    passages.iter().take(3).find_map(|passage| {
        find_dates(&passage.text, ctx).into_iter().find(|found| {
            found.value.day().is_some()
                && found.start <= 12
                && !NOT_MEETING.is_match(&passage.text[..found.start])
        })
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::PassageKind;
    use crate::source::{Document, Format};
    use jiff::civil::date;

    fn passages(texts: &[&str]) -> Vec<Passage> {
        let kinds: Vec<(PassageKind, &str)> =
            texts.iter().map(|t| (PassageKind::Paragraph, *t)).collect();
        super::super::passages_of(&kinds)
    }

    fn report(text: &str) -> crate::report::Report {
        let doc = Document {
            id: "t/r.txt".into(),
            path: "r.txt".into(),
            format: Format::Text,
            text: text.into(),
        };
        super::super::extract(&doc).expect("a report")
    }

    #[test]
    fn header_years_stand_apart_from_letters_and_digits() {
        let lines = |ls: &[&str]| ls.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        assert_eq!(header_year("Haustfest_2019_3", &[]), Some(2019));
        assert_eq!(header_year("Møte 2019-03", &[]), Some(2019));
        assert_eq!(header_year("Sak 120190", &[]), None);
        assert_eq!(header_year("Bilete x2019y", &[]), None);
        // Lines before the title are the page's header; a title that is no line of
        // the page has no header to read, and the body's years are not its year.
        let page = lines(&["Arkiv 2017", "Styremøte", "Rekneskapen for 2016"]);
        assert_eq!(header_year("Styremøte", &page), Some(2017));
        assert_eq!(header_year("Styremøte i laget", &page), None);
    }

    #[test]
    fn years_of_meeting_and_case_numbers() {
        let year = |t: &str| case_number_year(&passages(&[t]));
        assert_eq!(year("Møte 4/2019 i eldrerådet"), Some(2019));
        assert_eq!(year("Møte nr. 2/2021"), Some(2021));
        assert_eq!(year("Sak 14/17 Budsjett"), Some(2017));
        assert_eq!(year("Saksnr.: 010/20-015/20"), Some(2020));
        assert_eq!(year("PS 31/22 Godkjenning"), Some(2022));
        assert_eq!(year("Innleiing\n41/2016 Meldingar"), Some(2016));
        assert_eq!(year("007/23 Val av ordstyrar"), Some(2023));
        // Archive numbers lead with the year; dates and fractions are no cases.
        assert_eq!(year("Arkivsaknr.: 19/233-4"), None);
        assert_eq!(year("Tid 14/6: gudsteneste"), None);
        assert_eq!(year("12/10 Styremøte"), None);
        assert_eq!(year("Sak 3/4 av medlemene"), None);
    }

    #[test]
    fn a_weekday_places_a_meeting_near_the_year_the_text_names() {
        let text = |first: &str| {
            format!(
                "Årsmøte i Vik bygdelag\n\n{first} var det årsmøte i laget på Bakketun.\n\n\
                 Laget hadde mange tiltak i 2022, og styret fekk ros for arbeidet sitt i året \
                 som gjekk. Kasseraren la fram rekneskapen, og alle vart attvalde."
            )
        };
        assert_eq!(
            report(&text("Torsdag 9. mars")).meeting_dates,
            [date(2023, 3, 9)]
        );
        // Without its weekday, or with one no year near fits, the date has no year.
        for first in ["Den 9. mars", "Søndag 9. mars"] {
            assert!(report(&text(first)).meeting_dates.is_empty(), "{first}");
        }
        assert_eq!(
            named_year(&passages(&["Sak 12/2019 og i 2021, mot 2020."])),
            Some(2021)
        );
        assert_eq!(named_year(&passages(&["Ingen år her."])), None);
    }

    #[test]
    fn the_first_full_date_gives_its_year() {
        let year = |ts: &[&str]| first_dated_year(&passages(ts));
        assert_eq!(
            year(&["Laget vart skipa i 1990.", "Saka kjem opp 4. mars 2021."]),
            Some(2021)
        );
        assert_eq!(year(&["Bygd i 1938, bedehus til mars 2020."]), None);
        assert_eq!(year(&["Torsdag 4. mars kom dei."]), None);
    }

    #[test]
    fn councils_and_events_name_a_meeting() {
        assert!(names_a_meeting("Eldrerådet kom saman"));
        assert!(names_a_meeting("Rådet drøfta saka"));
        assert!(names_a_meeting("Det var opning av det nye biblioteket"));
        assert!(names_a_meeting("Laget feira jubileum"));
        assert!(names_a_meeting("Elevstemnet samla 200"));
        assert!(!names_a_meeting("Laget vart skipa i tråd med lova"));
        assert!(!names_a_meeting("Det var gråt og latter"));
    }

    #[test]
    fn an_earlier_meeting_s_minutes_are_not_the_meeting() {
        let r = report(
            "Nytt frå laget\n\nI møtet vart det sagt at protokollen frå 3. mars 2022 var godkjend.\n\nDet var godt frammøte, og mange saker.\n",
        );
        assert!(r.meeting_dates.is_empty(), "{:?}", r.meeting_dates);
        let r = report(
            "Nytt frå laget\n\nSak 1: Godkjenning av referat frå møtet 3. mars 2022.\n\nStyret hadde møte 5. april 2022.\n",
        );
        assert_eq!(r.meeting_dates, [date(2022, 4, 5)]);
    }

    #[test]
    fn the_summons_and_the_notice_are_not_the_meeting() {
        let r = report(
            "Møtebok for heradsstyret\n\nMedlemene vart innkalla i skriv dat. 02.09.21 og møtet var kunngjort i Bygdebladet 30.08.21.\n\nHeradsstyret gjekk gjennom sakene.\n",
        );
        assert!(r.meeting_dates.is_empty(), "{:?}", r.meeting_dates);
        let r = report(
            "Møtebok for formannskapet\n\nMedlemene var innkalte i brev datert 1. mars 2020. Formannskapet hadde møte 10. mars 2020 på rådhuset.\n",
        );
        assert_eq!(r.meeting_dates, [date(2020, 3, 10)]);
        let at = |t: &str| t.find("4.5.22").expect("a date in the example");
        let summons = "Styret vart kalla inn med skriv dat. 4.5.22";
        assert!(is_summons_date(summons, at(summons)));
        let meeting = "Rådet var kalla inn. Møtet 4.5.22";
        assert!(!is_summons_date(meeting, at(meeting)));
    }

    #[test]
    fn a_date_takes_its_year_from_case_numbers_or_a_full_date() {
        let r = report(
            "Møtebok for valstyret\n\nSak 004/19 Godkjenning av innkalling til møtet den 12. februar.\n\nValstyret godkjende innkallinga utan merknader.\n",
        );
        assert_eq!(r.meeting_dates, [date(2019, 2, 12)]);
        let r = report(
            "Det var 4. mars folkemøte i hallen om den nye skulen.\n\nSaka skal opp i kommunestyret 20. mai 2021, etter at rådmannen har lagt fram planen.\n",
        );
        assert_eq!(r.meeting_dates, [date(2021, 3, 4)]);
        // A bare year in the body gives none.
        let r = report(
            "Formannskapet har møte 4. mars i rådhuset.\n\nDei ser på rekneskapen for 2021 og på planane for skulane i kommunen.\n",
        );
        assert!(r.meeting_dates.is_empty(), "{:?}", r.meeting_dates);
    }

    #[test]
    fn a_date_field_gives_the_meeting() {
        // The label alone on its line, the date on the next: before the title's date.
        let r = report(
            "Referat frå møte 3. mai vart godkjent\n\nMØTEBOK\nMøtedato\n7. juni-2018\nMøtestad: Rådhuset\n\nSak 1 Godkjenning av innkalling.\n",
        );
        assert_eq!(r.meeting_dates, [date(2018, 6, 7)]);
        // A general field after a title without a date.
        let r = report(
            "Styremøte i laget\n\nTid: onsdag 4.des. 2019 kl. 19\nStad: Klubbhuset\n\nStyret drøfta kurset 12. januar 2020 og andre saker.\n",
        );
        assert_eq!(r.meeting_dates, [date(2019, 12, 4)]);
        // A field whose value is no date, and a label word inside a sentence.
        let r = report(
            "Nytt frå laget\n\nMøtedato: Møtetid: kl. 18\nDatoen for festen 3. mai 2019 er ikkje sett.\nLaget har hatt eit godt år med mange medlemer.\n",
        );
        assert!(r.meeting_dates.is_empty(), "{:?}", r.meeting_dates);
    }

    #[test]
    fn the_date_line_under_the_headline_comes_before_dates_in_the_minutes() {
        let r = report(
            "Referat frå årsmøtet i sogelaget\n\n12.03.2019 Grendahuset\n\nLeiaren orienterte om seminaret 20.03.2019 i byen.\n",
        );
        assert_eq!(r.meeting_dates, [date(2019, 3, 12)]);
    }

    #[test]
    fn a_date_years_from_the_report_s_own_is_not_its_meeting() {
        let r = report(
            "Årsmøte 2016\n\nI møtet vart flyet som fall ned 3. mars 1944 samla på museet.\n\nLaget hadde årsmøte 8. mars 2016 på skulen.\n",
        );
        assert_eq!(r.meeting_dates, [date(2016, 3, 8)]);
        let r = report(
            "Laget 2020\n\nSamarbeidet vart skipa på eit møte i april 2016.\n\nLaget har no mange medlemer og god økonomi.\n",
        );
        assert_eq!(r.meeting_month, None);
        // A year on either side is still the report's own.
        let r =
            report("Årsmelding 2018\n\nÅrsmøtet vart halde 14. februar 2019 i kyrkjelydshuset.\n");
        assert_eq!(r.meeting_dates, [date(2019, 2, 14)]);
    }
}
