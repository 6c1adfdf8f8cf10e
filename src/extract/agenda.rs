//! Agenda: the numbered cases of minutes and agendas ("Sak 12/24 Budsjett 2025"),
//! whose titles are the report's themes.
//!
//! Cases come in three shapes: one per line ("PS 12/24 Budsjett 2025"), the number
//! on its own line with the title on the next ("Sak 046/2020" / "Godkjenning av
//! innkalling"), and, in the text layer of PDF minutes, a whole case list run
//! together on one line ("Saksliste: Sak nr. Saktittel 091/16 GODKJENNING AV MØTEBOK
//! 092/16 BUSETTING AV FLYKNINGAR …"). A bare number ("091/16") is only a case where
//! the passage is a case list (it says "saksliste" or "sak nr.") or numbers follow
//! one another as a list does: elsewhere "12/24" may be a date or a file number.

use std::sync::LazyLock;

use regex::Regex;

use crate::report::{ListMarker, Passage};

/// A case number, with the word before it when there is one ("Sak", "PS", "RS").
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(•\-–])((?:(?:sak|saksnr\.?|sak\s+nr\.?|ps|rs|ds|os|fs|ks|fsak|ksak)\s*)?)(\d{1,3})\s*/\s*(\d{2,4})(?:\s*[:.)–—-](?:\s|$)|\s|$)")
        .expect("valid regex")
});

/// "Sak 2: Val av møtestyrar", "Sak 1 18/19" (a school year), "Sak 3" alone: a case
/// numbered without a year, only at the start of a line, where it heads the case.
static LINE_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t•\-–]*(?:sak|ps|rs)[ \t]*(?:nr\.?[ \t]*)?(\d{1,3})(?:[ \t]+\d{2}/\d{2})?[ \t]*(?:[:.)–—-][ \t]*|[ \t]+|$)([^\n]*)$")
        .expect("valid regex")
});

/// Words that make a passage a case list, where bare numbers are cases.
static CASE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)sakliste|saksliste|sak\s*nr|saksnr|sakstittel|saktittel|saksoversikt|sakskart|dagsorden",
    )
    .expect("valid regex")
});

/// Where a run-together title ends: a page number, a table header, a section label.
static TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s(?:side\s+\d+(?:\s+av\s+\d+)?|saksprotokoll|saksframlegg|sakspapir|arkivsak(?:-dok\.?)?|vedtak\s*:|tilråding|innstilling\s*:|rådmannen\s+tilrår|kommunedirektøren\s+tilrår)(?:\s|$)")
        .expect("valid regex")
});

/// One case number found in a passage.
struct CaseNumber {
    /// Where the number (with its label) starts and where its title may start.
    start: usize,
    end: usize,
    labelled: bool,
    /// "12/24": the number and the year, to tell repeats of one case apart.
    key: (u32, u32),
}

/// "/13" alone: a case number whose number a PDF text layer lost, leaving the slash
/// and the year ("… Herad skule 9 51/13 /13 Byggjing av kontor …").
static LOST_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)/(\d{2,4})(?:\s|$)").expect("valid regex"));

/// "13/", "/13", "/" before a title: the archive number a case list prints beside
/// each case, whose other half the text layer lost ("49/13 13/ Ny skole").
static ARCHIVE_STUBS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s*\d{0,4}/\d{0,4}(?:\s|$))+").expect("valid regex"));

/// The case numbers of `text`, with the lost ones of a list of two or more: a stub
/// "/13" between cases of 2013 starts a case as well (each its own, never a repeat).
fn case_numbers(text: &str) -> Vec<CaseNumber> {
    let mut numbers = numbered_cases(text);
    if numbers.len() >= 2 {
        let years: Vec<u32> = numbers.iter().map(|n| n.key.1).collect();
        let lost = LOST_NUMBER.captures_iter(text).filter_map(|caps| {
            let year: u32 = caps[1].parse().ok()?;
            let slash = caps.get(0)?.as_str().find('/')? + caps.get(0)?.start();
            // A stub right after a case number is its archive number, not a case.
            let after_case = numbers.iter().any(|n| {
                text.get(n.end..slash)
                    .is_some_and(|gap| gap.trim().is_empty())
            });
            (years.contains(&(year % 100)) && !after_case).then_some(CaseNumber {
                start: slash,
                end: caps.get(0)?.end(),
                labelled: false,
                key: (u32::MAX - slash as u32, year % 100),
            })
        });
        let lost: Vec<CaseNumber> = lost.collect();
        numbers.extend(lost);
        numbers.sort_by_key(|n| n.start);
    }
    numbers
}

fn numbered_cases(text: &str) -> Vec<CaseNumber> {
    CASE_NUMBER
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let label = caps.get(1)?;
            let number: u32 = caps[2].parse().ok()?;
            let year: u32 = caps[3].parse().ok()?;
            // A date ("12/3") or a fraction is not a case: cases carry a year.
            let year_ok = matches!(caps[3].len(), 2 | 4);
            // "Saknr.: 8/13-13/13": the end of a range of cases is no case of its own.
            let before = &text.as_bytes()[..caps.get(2)?.start()];
            let range_end = before.ends_with(b"-")
                && before.len() >= 2
                && before[before.len() - 2].is_ascii_digit();
            let year_ok = year_ok && !range_end;
            year_ok.then_some(CaseNumber {
                start: label.start().min(caps.get(2)?.start()),
                end: whole.end(),
                labelled: !label.as_str().trim().is_empty(),
                key: (number, year % 100),
            })
        })
        .collect()
}

/// The titles of the numbered cases in `passages`, in order, each case once, with
/// the passage each case number is in.
///
/// A case named in passing before the case list ("synfaring i sak 12/24 …", "Møte
/// nr.: 1/24") would otherwise take the place of its entry in the list: an entry
/// of a run of cases replaces the title a lone mention gave.
pub fn case_titles(passages: &[Passage]) -> Vec<(usize, String)> {
    let mut seen: Vec<(u32, u32)> = Vec::new();
    let mut titles: Vec<(usize, String)> = Vec::new();
    // The keys of cases whose title came from a lone mention, with where it is.
    let mut lone: Vec<((u32, u32), usize)> = Vec::new();
    let line_runs = numbers_opening_lines_in_a_run(passages);
    for (index, passage) in passages.iter().enumerate() {
        let text = passage.text.as_str();
        let numbers = if text.contains('/') {
            case_numbers(text)
        } else {
            Vec::new()
        };
        let is_list = CASE_LIST.is_match(text);
        for (i, number) in numbers.iter().enumerate() {
            let next_start = numbers.get(i + 1).map_or(text.len(), |n| n.start);
            // Bare numbers count in a case list, or when another number follows
            // one title later, as in a run-together list, or when the passages
            // around open with the numbers before and after it ("53/2015 Meldingar",
            // "54/2015 Gudstenesteliste").
            let in_run = (numbers.len() >= 3 && (i + 1 < numbers.len() || i > 0))
                || (i == 0 && line_runs[index]);
            if !(number.labelled || is_list || in_run) {
                continue;
            }
            let mut title = title_from(&text[number.end.min(next_start)..next_start]);
            if title.is_empty() && next_start == text.len() && text[number.end..].trim().is_empty()
            {
                // The number alone on its line: the title is the next line.
                title = passages
                    .get(index + 1)
                    .filter(|next| case_numbers(&next.text).is_empty())
                    .map(|next| title_from(&next.text))
                    .unwrap_or_default();
            }
            if title.is_empty() {
                continue;
            }
            // In a list, the case before or after is numbered one less or more.
            let follows =
                |a: &CaseNumber, b: &CaseNumber| a.key.1 == b.key.1 && a.key.0 + 1 == b.key.0;
            let listed = (i > 0 && follows(&numbers[i - 1], number))
                || numbers.get(i + 1).is_some_and(|next| follows(number, next));
            if seen.contains(&number.key) {
                let earlier = lone.iter().position(|(key, _)| *key == number.key);
                if let (true, Some(at)) = (listed, earlier) {
                    let (_, slot) = lone.swap_remove(at);
                    titles[slot].1.clear();
                    titles.push((index, title));
                }
                continue;
            }
            if !listed {
                lone.push((number.key, titles.len()));
            }
            seen.push(number.key);
            titles.push((index, title));
        }
        // No case with a year here: cases may be numbered without one.
        if titles.last().is_none_or(|(at, _)| *at != index) {
            line_cases(passages, index, &mut seen, &mut titles);
        }
    }
    titles.retain(|(_, title)| !title.is_empty());
    titles
}

/// Whether each passage opens with a case number that continues or is continued by
/// the number opening another passage nearby: 53/2015, 54/2015, ….
fn numbers_opening_lines_in_a_run(passages: &[Passage]) -> Vec<bool> {
    let opening: Vec<Option<(u32, u32)>> = passages
        .iter()
        .map(|p| {
            let text = p.text.trim_start();
            if !text.starts_with(|c: char| c.is_ascii_digit()) || !text.contains('/') {
                return None;
            }
            case_numbers(text)
                .first()
                .filter(|n| n.start == 0 && !n.labelled)
                .map(|n| n.key)
        })
        .collect();
    let numbered: Vec<(usize, (u32, u32))> = opening
        .iter()
        .enumerate()
        .filter_map(|(i, key)| key.map(|k| (i, k)))
        .collect();
    let mut in_run = vec![false; passages.len()];
    for pair in numbered.windows(2) {
        let ((a, (na, ya)), (b, (nb, yb))) = (pair[0], pair[1]);
        if ya == yb && nb == na + 1 && b - a <= 40 {
            in_run[a] = true;
            in_run[b] = true;
        }
    }
    in_run
}

/// Cases numbered without a year, at the start of the passage's lines.
fn line_cases(
    passages: &[Passage],
    index: usize,
    seen: &mut Vec<(u32, u32)>,
    titles: &mut Vec<(usize, String)>,
) {
    let text = passages[index].text.as_str();
    for caps in LINE_CASE.captures_iter(text) {
        let Some(number) = caps.get(1).and_then(|n| n.as_str().parse::<u32>().ok()) else {
            continue;
        };
        let rest = caps.get(2).map_or("", |r| r.as_str());
        let mut title = title_from(rest);
        if title.is_empty()
            && rest.trim().is_empty()
            && caps
                .get(0)
                .is_some_and(|m| m.end() == text.trim_end().len())
        {
            title = passages
                .get(index + 1)
                .filter(|next| !LINE_CASE.is_match(&next.text))
                .map(|next| title_from(&next.text))
                .unwrap_or_default();
        }
        let key = (number, u32::MAX);
        if title.is_empty() || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        titles.push((index, title));
    }
}

/// "1. Konstituering", "2 Val", "a) Opprop": the numbered or lettered items of the
/// minutes of an annual or board meeting, each at the start of a line.
static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:(\d{1,2})(?:[ \t]*[.)][ \t]*|[ \t]+)|([a-hA-H])[ \t]?\)[ \t]*|([a-h])\.[ \t]+)([\p{L}«][^\n]*)$")
        .expect("valid regex")
});

/// Where an item's title ends: its first sentence, or the verb that says what the
/// meeting did with it ("Innkalling vart godkjend").
static ITEM_TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.:!?](?:\s|\p{L}|$)|\s[–—-]\s|\s(?:vart|blei|ble|var|er|vert|blir|skal|kan|må|godkjent|godkjend|godkjenning\s+av\s+møtet)(?:\s|$)")
        .expect("valid regex")
});

/// "c)" counts as 3.
fn letter_number(letter: char) -> u32 {
    u32::from(letter.to_ascii_lowercase()).saturating_sub(u32::from('a')) + 1
}

/// The title of an item from the text after its marker, or `None` when the text is
/// no agenda point ("1. mars 2024", "2. klasse").
fn item_title(rest: &str, lettered: bool) -> Option<String> {
    let first_word = rest.split_whitespace().next().unwrap_or_default();
    let lower = first_word.chars().next().is_some_and(char::is_lowercase);
    if super::dates::month_number(first_word).is_some() || (lower && !lettered) {
        return None;
    }
    let end = ITEM_TITLE_END.find(rest).map_or(rest.len(), |m| m.start());
    let title = rest[..end].trim();
    let words = title.split_whitespace().count();
    (title.chars().count() >= 3 && words <= 20).then(|| title.to_string())
}

/// One numbered item: where it is, its number (letters count from 1) and its title.
struct Item {
    passage: usize,
    number: u32,
    lettered: bool,
    title: String,
}

/// The titles of numbered and lettered items that follow one another as a list
/// does ("1.", "2.", "3." or "a)", "b)"), with the passage of each. A number that
/// does not continue a list ("1. mars", a lone "3 Val") is not an item.
pub fn numbered_items(passages: &[Passage]) -> Vec<(usize, String)> {
    let mut items = Vec::new();
    for (index, passage) in passages.iter().enumerate() {
        // A list item keeps its marker apart from its text; a paragraph may start
        // with one ("1.Ordstyrar vart vald").
        if let Some(marker) = passage.marker {
            let (number, lettered) = match marker {
                ListMarker::Number(n) => (n, false),
                ListMarker::Letter(l) => (letter_number(l), true),
            };
            if let Some(title) = item_title(&passage.text, lettered) {
                items.push(Item {
                    passage: index,
                    number,
                    lettered,
                    title,
                });
            }
            continue;
        }
        for caps in NUMBERED_ITEM.captures_iter(&passage.text) {
            let (number, lettered) = match (caps.get(1), caps.get(2).or_else(|| caps.get(3))) {
                (Some(n), _) => (n.as_str().parse().unwrap_or(0), false),
                (None, Some(l)) => (
                    letter_number(l.as_str().chars().next().unwrap_or('a')),
                    true,
                ),
                _ => continue,
            };
            let rest = caps.get(4).map_or("", |r| r.as_str());
            if let Some(title) = item_title(rest, lettered) {
                items.push(Item {
                    passage: index,
                    number,
                    lettered,
                    title,
                });
            }
        }
    }
    // Keep the items in runs: each number one more than the last of its kind.
    let mut keep = vec![false; items.len()];
    for lettered in [false, true] {
        let kind: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].lettered == lettered)
            .collect();
        let mut run: Vec<usize> = Vec::new();
        let mut flush = |run: &mut Vec<usize>| {
            if run.len() >= if lettered { 2 } else { 3 } {
                for &i in run.iter() {
                    keep[i] = true;
                }
            }
            run.clear();
        };
        for &i in &kind {
            let continues = run
                .last()
                .is_some_and(|&last| items[i].number == items[last].number + 1);
            if !continues {
                flush(&mut run);
            }
            if run.is_empty() && items[i].number > 2 {
                continue;
            }
            run.push(i);
        }
        flush(&mut run);
    }
    items
        .into_iter()
        .zip(keep)
        .filter(|(_, keep)| *keep)
        .map(|(item, _)| (item.passage, item.title))
        .collect()
}

/// A case title from the text after its number: its first line, cut where the
/// next part of the minutes begins, without trailing punctuation.
fn title_from(after: &str) -> String {
    let after = ARCHIVE_STUBS
        .find(after)
        .map_or(after, |stubs| &after[stubs.end()..]);
    let line = after.trim_start().lines().next().unwrap_or_default();
    let line = match TITLE_END.find(line) {
        Some(end) => &line[..end.start()],
        None => line,
    };
    let line = upper_case_part(line);
    let title = line
        .trim()
        .trim_end_matches(['.', ',', ':', ';', '-', '–', ' '])
        .trim();
    let words = title.split_whitespace().count();
    let starts_with_letter = title.chars().next().is_some_and(char::is_alphabetic);
    // "og 055/2020 blir …": a conjunction between two numbers is no title.
    let conjunction = matches!(title.split_whitespace().next(), Some("og" | "and" | "-"));
    if !starts_with_letter || conjunction || words > 25 || title.chars().count() < 3 {
        return String::new();
    }
    title.to_string()
}

/// An upper-case title and the sentence a PDF text layer ran on after it
/// ("MØTEPLAN FOR 2025 Dersom nokon …"): only the upper-case part, which must hold
/// a word of five letters or more, so that an acronym ("NAV Vestland") is kept whole.
fn upper_case_part(line: &str) -> &str {
    let is_upper =
        |word: &str| word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
    let mut long_word = false;
    let mut end = 0;
    for (at, word) in line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
    {
        if is_upper(word) || word.chars().all(|c| !c.is_alphabetic()) {
            long_word |= word.chars().filter(|c| c.is_alphabetic()).count() >= 5;
            end = at + word.len();
            continue;
        }
        // The sentence after the title opens with a capital.
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        return if long_word && capital && end > 0 {
            &line[..end]
        } else {
            line
        };
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::PassageKind;

    fn titles(texts: &[&str]) -> Vec<String> {
        let passages: Vec<Passage> = texts
            .iter()
            .map(|t| Passage::new(PassageKind::Paragraph, *t))
            .collect();
        case_titles(&passages).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn a_case_mentioned_before_the_list_takes_its_title_from_the_list() {
        assert_eq!(
            titles(&[
                "Møte nr.: 2/23 Tid: kl. 10 Saksliste: PS 02/23 Godkjenning av protokoll \
                 PS 03/23 Rekneskap 2022 PS 04/23 Ny brannstasjon"
            ]),
            [
                "Godkjenning av protokoll",
                "Rekneskap 2022",
                "Ny brannstasjon"
            ]
        );
        assert_eq!(
            titles(&[
                "Synfaring før sak 41/23 Bustadfelt på Nesheim.",
                "40/23 Meldingar 41/23 Reguleringsplan for Nesheim 42/23 Vegljos i Lia",
            ]),
            ["Meldingar", "Reguleringsplan for Nesheim", "Vegljos i Lia"]
        );
    }

    #[test]
    fn an_upper_case_title_ends_where_the_sentence_after_it_begins() {
        assert_eq!(
            titles(&[
                "PS 07/22 MØTEPLAN 2023 PS 08/22 TILSYNSRAPPORT Om nokon vil melde forfall, ring kontoret."
            ]),
            ["MØTEPLAN 2023", "TILSYNSRAPPORT"]
        );
        assert_eq!(
            titles(&["Saknr.: 4/22-6/22 LEIAR Kari Nes MØTTE Ola Li"]),
            Vec::<String>::new()
        );
        assert_eq!(
            upper_case_part("NAV Vestland orienterer"),
            "NAV Vestland orienterer"
        );
        assert_eq!(upper_case_part("BUDSJETT 2024"), "BUDSJETT 2024");
        assert_eq!(
            upper_case_part("ÅRSMELDING 2023 vart godkjend"),
            "ÅRSMELDING 2023 vart godkjend"
        );
    }

    #[test]
    fn one_case_per_line() {
        assert_eq!(
            titles(&["PS 12/24 Budsjett 2025\nSak 13/24: Godkjenning av protokoll."]),
            ["Budsjett 2025", "Godkjenning av protokoll"]
        );
    }

    #[test]
    fn the_title_on_the_line_after_the_number() {
        assert_eq!(
            titles(&[
                "Sak 046/2020",
                "Godkjenning av innkalling og dagsorden",
                "Sak 047/2020",
                "Orientering frå direktøren",
            ]),
            [
                "Godkjenning av innkalling og dagsorden",
                "Orientering frå direktøren"
            ]
        );
    }

    #[test]
    fn a_case_list_run_together_by_a_pdf_text_layer() {
        assert_eq!(
            titles(&[
                "SAKLISTE Sak nr. Sakstittel 001/19 Godkjenning av innkalling 002/19 Val av leiar til styret 003/19 Bustadplan for Indre bygd Side 1"
            ]),
            [
                "Godkjenning av innkalling",
                "Val av leiar til styret",
                "Bustadplan for Indre bygd"
            ]
        );
        // Without a case-list word, three numbers in a row still make a list.
        assert_eq!(
            titles(&["010/21 VEGLYS 011/21 KYRKJEGARDEN 012/21 BUDSJETT 2022 RÅDMANNEN TILRÅR"]),
            ["VEGLYS", "KYRKJEGARDEN", "BUDSJETT 2022"]
        );
    }

    #[test]
    fn archive_stubs_and_lost_numbers_in_a_case_list() {
        // Each case prints its archive number beside it, of which the text layer
        // kept "21/" only; one case kept only "/21" of its own number.
        assert_eq!(
            titles(&[
                "SAKSKART Side Saker til behandling 12/21 21/ Ny brannstasjon - val av tomt 3 13/21 21/ Kjøp av tenestebil /21 21/ / Gatelys i sentrum 14/21 21/ Meldingar"
            ]),
            [
                "Ny brannstasjon - val av tomt 3",
                "Kjøp av tenestebil",
                "Gatelys i sentrum",
                "Meldingar"
            ]
        );
        // The title stops at the archive line of the case's own page.
        assert_eq!(
            titles(&["4 15/21 Vegljos Arkivsak-dok. 21/ Arkivkode. 033 Saksbehandlar Kari Nes"]),
            Vec::<String>::new()
        );
        assert_eq!(
            titles(&["Sak 15/21 Vegljos Arkivsak-dok. 21/ Arkivkode. 033"]),
            ["Vegljos"]
        );
        // A stub of another year, or one number alone, starts no case.
        assert_eq!(
            titles(&["Saksliste: 12/21 Vegar /19 og 13/21 Bruer"]),
            ["Vegar /19 og", "Bruer"]
        );
    }

    #[test]
    fn cases_that_open_passages_one_after_another() {
        assert_eq!(
            titles(&[
                "53/2015 Meldingar",
                "Det skal veljast ein representant.",
                "54/2015 Gudstenesteliste",
                "14/6: kl.11.00. Gudsteneste.",
            ]),
            ["Meldingar", "Gudstenesteliste"]
        );
        // Numbers that do not follow one another are references.
        assert!(titles(&["12/2015 er arkivsaka.", "40/2015 kom seinare."]).is_empty());
    }

    #[test]
    fn a_case_repeated_later_is_taken_once() {
        assert_eq!(
            titles(&[
                "Saksliste: 091/16 GODKJENNING AV MØTEBOK 092/16 BUSETTING AV FLYKNINGAR",
                "091/16: GODKJENNING AV MØTEBOK RÅDMANNEN TILRÅR Møteboka vert godkjend",
            ]),
            ["GODKJENNING AV MØTEBOK", "BUSETTING AV FLYKNINGAR"]
        );
    }

    #[test]
    fn dates_file_numbers_and_references_are_not_cases() {
        assert!(titles(&["Arkivsaknr.: 15/40-1. Møtet er 12/3 kl 10."]).is_empty());
        assert!(titles(&["Han viste til 2019/20 og meinte at dette var nok."]).is_empty());
        assert!(titles(&["Sak 054/2020 og 055/2020 blir behandla i lukka del"]).is_empty());
    }

    fn items(texts: &[&str]) -> Vec<String> {
        let passages: Vec<Passage> = texts
            .iter()
            .map(|t| Passage::new(PassageKind::Paragraph, *t))
            .collect();
        numbered_items(&passages)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn the_numbered_items_of_annual_meeting_minutes() {
        assert_eq!(
            items(&[
                "1. Opning og konstituering",
                "a) Godkjenning av innkalling",
                "b) Val av ordstyrar Per Lid",
                "2. Årsmelding vart lesen opp og godkjend.",
                "3 Rekneskap. Revisor hadde ingen merknader.",
                "4.Val",
            ]),
            [
                "Opning og konstituering",
                "Godkjenning av innkalling",
                "Val av ordstyrar Per Lid",
                "Årsmelding",
                "Rekneskap",
                "Val"
            ]
        );
    }

    #[test]
    fn numbers_that_make_no_list_are_not_items() {
        // A date, a lone number, two numbers that do not follow one another.
        assert!(items(&["1. mars møttest styret.", "2. mars kom svaret."]).is_empty());
        assert!(items(&["3 Val", "Styret vart attvalt."]).is_empty());
        assert!(items(&["1. Budsjett", "4. Val", "9. Eventuelt"]).is_empty());
        assert!(items(&["a) Budsjett", "Ingen merknader."]).is_empty());
    }

    #[test]
    fn cases_numbered_without_a_year_at_the_start_of_a_line() {
        assert_eq!(
            titles(&[
                "Sak 2: Val av møtestyrar",
                "Sak 3 Val av skrivar",
                "Sak 1 18/19",
                "Konstituering"
            ]),
            ["Val av møtestyrar", "Val av skrivar", "Konstituering"]
        );
        // Inside a sentence, "sak 2" is a reference, not a case heading.
        assert!(titles(&["Ordføraren foreslo å handsame sak 2 etter sak 5."]).is_empty());
    }
}
