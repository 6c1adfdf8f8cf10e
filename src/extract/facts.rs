//! Themes, places, participants and organisations of a report.
//!
//! Themes are what the report itself names as its topics: the items after
//! "hovudtema"/"tema" (in «guillemets» or as the list that follows), a sentence
//! "Temaet var …", agenda cases ("Sak 12/24 Budsjett 2025"), subheadings, and the
//! projects a report says were presented. Places come from the meeting sentence
//! ("på Scandic Alexandra hotell i Molde", "i bystyresalen i Ålesund").

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::prefilter::{AnyCase, captures_where, first_captures};
use crate::report::{Organisation, Passage, PassageKind};

static THEME_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:hovudtema|hovedtema|hovudtemaa|hovedtemaene|tema|temaa|temaene|tema(?:et)?\s+for|saker\s+knytt\s+til|saker\s+knyttet\s+til|dagsorden|program(?:met)?)(?-u:\b)")
        .expect("valid regex")
});
static GUILLEMETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"«([^»]{3,200})»").expect("valid regex"));
static THEME_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)tema(?:et)?\s+(?:for\s+\S+(?:\s+\S+)?\s+)?(?:var|er|blir|vert)\s*:?\s+([^.!?\n]{8,200})")
        .expect("valid regex")
});
static AGENDA_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d{1,2}[.:]\d{2}\s*[–—-]\s*\d{1,2}[.:]\d{2}\s+)?(?:sak|saksnr\.?|ps|rs|ds|os|fs)\s*\d{1,3}\s*/\s*\d{2,4}\s*[:.–—-]?\s*(.{3,160})$")
        .expect("valid regex")
});
static PRESENTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:presentert|presenterte|prosjekt)[^.]*\.\s*(?:Dette\s+er|Det\s+var|Dei\s+var|Det\s+gjaldt)\s+([^.]{5,300})")
        .expect("valid regex")
});
/// "dialogmøte om psykisk helse for barn og unge", "samla for å drøfte korleis …".
static MEETING_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:\p{L}*møte|seminar|konferanse|samling|fagdag|webinar)\s+om\s+([^.,;!?\n]{4,120})|(?-u:\b)(?:drøfte|drøfta|drøftar|drøfter|diskutere|diskuterte|diskuterer|sjå på|se på)\s+((?:korleis|kva|kven|hvordan|hva|hvem)\s+[^.;!?\n]{4,160})")
        .expect("valid regex")
});

static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])(to|tre|fire|fem|seks|sju|syv|åtte|2|3|4|5|6|7|8)\s+(?:hovud|hoved)?tema")
        .expect("valid regex")
});

/// Subheadings that are page furniture, not topics.
const GENERIC_HEADINGS: &[&str] = &[
    "les meir om",
    "les mer om",
    "gå til",
    "relatert",
    "dette skjer vidare",
    "dette skjer videre",
    "vidare arbeid",
    "videre arbeid",
    "neste møte",
    "kontakt",
    "kontaktinformasjon",
    "les meir",
    "les mer",
    "fakta",
    "bakgrunn",
    "vedtak",
    "oppsummering",
    "konklusjon",
    "eventuelt",
    "relaterte lenker",
    "relaterte saker",
    "del",
    "til stades",
    "forfall",
    "frå administrasjonen",
    "innhald",
    "innhold",
    "program",
    "sakliste",
];

fn clean_theme(text: &str) -> String {
    let text = text
        .trim()
        .trim_end_matches(['.', ',', ':', ';', ' '])
        .trim();
    text.trim_matches(['«', '»', '"']).trim().to_string()
}

fn push_theme(themes: &mut Vec<String>, theme: String) {
    let words = theme.split_whitespace().count();
    if theme.chars().count() < 3 || words > 30 {
        return;
    }
    if !themes.iter().any(|t| t.eq_ignore_ascii_case(&theme)) {
        themes.push(theme);
    }
}

/// The first sentence of a list item, kept with a question mark.
fn first_sentence(text: &str) -> &str {
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if matches!(c, '?' | '!') {
            end = i + c.len_utf8();
            break;
        }
        if c == '.' && text[i + 1..].starts_with(' ') && !text[..i].ends_with(char::is_numeric) {
            end = i;
            break;
        }
        if c == '\n' {
            end = i;
            break;
        }
    }
    &text[..end]
}

/// "Helseplattformen (HP) var det siste hovudtemaet for samlinga" → "Helseplattformen".
fn theme_subject(sentence: &str) -> String {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(.{2,120}?)\s*(?:\([^)]*\))?\s+(?:var|er)\s+(?:det\s+)?(?:første|andre|tredje|fjerde|siste|neste|eit|et|eitt)?\s*(?:hovud|hoved)?tema")
            .expect("valid regex")
    });
    match SUBJECT.captures(sentence) {
        Some(caps) => caps[1].trim().to_string(),
        None => sentence.to_string(),
    }
}

/// Themes named by the report. `names_in` tells whether a passage's first sentence
/// names a person: such list items are about who spoke, not topics.
pub fn find_themes(
    passages: &[Passage],
    names_a_person: impl Fn(usize, &str) -> bool,
) -> Vec<String> {
    let mut themes = Vec::new();
    let mut case_titles = super::agenda::case_titles(passages).into_iter().peekable();
    for (index, passage) in passages.iter().enumerate() {
        let text = &passage.text;
        let has_intro = THEME_INTRO.is_match(text);
        if has_intro {
            for caps in GUILLEMETS.captures_iter(text) {
                push_theme(&mut themes, clean_theme(&caps[1]));
            }
        }
        if let Some(caps) = first_captures(&MEETING_ABOUT, text) {
            let theme = caps
                .get(1)
                .or_else(|| caps.get(2))
                .map_or("", |m| m.as_str());
            // The topic ends where the sentence turns to time and place.
            static PLACE_OR_TIME: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r" (?:i går| i dag|på |den |med |i (?:\p{Lu}|\p{Ll}+salen|\p{Ll}+rommet|auditoriet))")
                    .expect("valid regex")
            });
            let cut = PLACE_OR_TIME
                .find_iter(theme)
                .map(|m| m.start())
                .find(|&i| i >= 8)
                .unwrap_or(theme.len());
            push_theme(&mut themes, clean_theme(&theme[..cut]));
        }
        // The first line of a block that starts with a short headline (old pages
        // set subheadings in bold inside the text).
        if let Some((first, rest)) = text.split_once('\n')
            && !rest.trim().is_empty()
            && is_headline(first)
        {
            push_theme(&mut themes, clean_theme(first));
        }
        if let Some(caps) = first_captures(&THEME_SENTENCE, text) {
            let theme = &caps[1];
            if !theme.contains('«') && !theme.trim_start().starts_with(':') {
                push_theme(&mut themes, clean_theme(theme));
            }
        }
        // "Dei tre hovudtema for samlinga var:" and the list after it.
        if has_intro && text.trim_end().ends_with(':') {
            let wanted = NUMBER_WORD
                .captures(text)
                .and_then(|c| number(&c[1]))
                .unwrap_or(usize::MAX);
            let mut taken = 0;
            let mut seen_item = false;
            for (next, item) in passages.iter().enumerate().skip(index + 1).take(16) {
                if taken >= wanted {
                    break;
                }
                if item.kind != PassageKind::ListItem {
                    if seen_item && wanted == usize::MAX {
                        break;
                    }
                    continue;
                }
                seen_item = true;
                let sentence = first_sentence(&item.text);
                if names_a_person(next, sentence) {
                    continue;
                }
                push_theme(&mut themes, clean_theme(&theme_subject(sentence)));
                taken += 1;
            }
        }
        while let Some((_, title)) = case_titles.next_if(|(at, _)| *at == index) {
            push_theme(&mut themes, clean_theme(&title));
        }
        if passage.kind == PassageKind::Heading {
            let heading = clean_theme(text);
            let lower = heading.to_lowercase();
            let generic = GENERIC_HEADINGS
                .iter()
                .any(|g| lower == *g || lower.starts_with(&format!("{g}:")));
            // A subheading heads a section: text of some length follows it (a
            // heading over a caption or a link is an image or link text).
            let heads_text = passages.get(index + 1).is_some_and(|next| {
                next.kind == PassageKind::ListItem || next.text.split_whitespace().count() >= 12
            });
            // The heading of a link box ("… Gå til X", "Les meir") is not a topic.
            let link_box = passages.iter().skip(index + 1).take(2).any(|p| {
                let lower = p.text.to_lowercase();
                ["gå til ", "les meir", "les mer", "sjå òg", "se også"]
                    .iter()
                    .any(|w| lower.starts_with(w))
            });
            let heads_text = heads_text && !link_box;
            if !generic && heads_text && is_headline(text) && !AGENDA_CASE.is_match(&heading) {
                push_theme(&mut themes, heading);
            }
        }
        if let Some(caps) = first_captures(&PRESENTED, text) {
            for project in split_projects(&caps[1]) {
                push_theme(&mut themes, clean_theme(&project));
            }
        }
    }
    themes
}

/// A short line that reads as a subheading: a few words, no sentence punctuation,
/// no date or year, not a page-furniture label.
fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    // Any year will do to recognise "Dag 1 – onsdag 13. november" as a date line.
    let any_year = super::dates::DateContext {
        reference: None,
        year: Some(2000),
    };
    let dated = (line.contains(|c: char| c.is_ascii_digit())
        && !super::dates::find_dates(line, &any_year).is_empty())
        || words
            .iter()
            .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    (2..=10).contains(&words.len())
        && !line.ends_with(['.', ':', ',', ';'])
        && line.chars().next().is_some_and(char::is_uppercase)
        && !dated
        && !GENERIC_HEADINGS
            .iter()
            .any(|g| lower == *g || lower.starts_with(&format!("{g} ")))
        && ![
            "praktisk informasjon",
            "til stades",
            "forfall",
            "frå venstre",
            "fra venstre",
            "foto",
        ]
        .iter()
        .any(|g| lower.starts_with(g))
}

fn number(word: &str) -> Option<usize> {
    Some(match word.to_lowercase().as_str() {
        "to" | "2" => 2,
        "tre" | "3" => 3,
        "fire" | "4" => 4,
        "fem" | "5" => 5,
        "seks" | "6" => 6,
        "sju" | "syv" | "7" => 7,
        "åtte" | "8" => 8,
        _ => return None,
    })
}

/// "A (X) og Digitalt B ved C" → the projects, split where " og " starts a name.
fn split_projects(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while let Some(at) = rest.find(" og ") {
        let right = &rest[at + 4..];
        if right.chars().next().is_some_and(char::is_uppercase) {
            parts.push(rest[..at].to_string());
            rest = right;
        } else {
            break;
        }
    }
    parts.push(rest.to_string());
    parts
}

/// "på Scandic Alexandra hotell i Molde", "på Quality Hotell Ålesund", "på Ørsta rådhus".
static NAMED_VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:på|i|ved)\s+((?:\p{Lu}[\p{L}\-]*|hotell|hotel)(?:\s+(?:\p{Lu}[\p{L}\-]*|hotell|hotel|rådhus|sjukehus|sykehus|kulturhus|samfunnshus))*)(?:\s+(?:i|på)\s+(\p{Lu}\p{L}+))?")
        .expect("valid regex")
});
/// "i bystyresalen i Ålesund", "i auditoriet på Ålesund sjukehus", "møterom Grip".
static HALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:i|på)\s+(\p{Ll}+(?:salen|rommet|auditoriet|aulaen)|møterom\s+\p{Lu}\p{L}+)(?:\s+(?:i|på)\s+(\p{Lu}\p{L}+(?:\s+(?:rådhus|sjukehus|sykehus|kulturhus))?))?")
        .expect("valid regex")
});

const HOTEL_BRANDS: &[&str] = &[
    "Scandic",
    "Quality",
    "Thon",
    "Clarion",
    "Radisson",
    "Comfort",
    "Rica",
    "Choice",
    "Storyline",
];
const VENUE_WORDS: &[&str] = &[
    "hotell",
    "hotel",
    "Hotell",
    "Hotel",
    "rådhus",
    "sjukehus",
    "sykehus",
    "kulturhus",
    "samfunnshus",
    "konferansesenter",
];

fn push_place(places: &mut Vec<String>, place: &str) {
    let place = place.trim().trim_end_matches([',', '.']);
    if !place.is_empty() && !places.iter().any(|p| p == place) {
        places.push(place.to_string());
    }
}

fn cut_at_next_meeting(text: &str) -> &str {
    static NEXT_MEETING: LazyLock<AnyCase> = LazyLock::new(|| {
        AnyCase::new(&["neste møte", "neste samling", "neste gong", "neste gang"])
    });
    NEXT_MEETING.find_in(text).map_or(text, |i| &text[..i])
}

/// Venue and town of the meeting, from the first passages that name a venue.
pub fn find_places(passages: &[Passage]) -> Vec<String> {
    // The words each pattern needs, case-sensitive as the patterns are there.
    static HALL_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(["salen", "rommet", "auditoriet", "aulaen", "møterom"])
            .expect("a small static word list builds")
    });
    static VENUE_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(VENUE_WORDS.iter().chain(HOTEL_BRANDS))
            .expect("a small static word list builds")
    });
    let mut places: Vec<String> = Vec::new();
    for passage in passages.iter().take(12) {
        // A later meeting's venue ("Neste møte blir på …") is not this meeting's.
        let text = cut_at_next_meeting(&passage.text);
        for caps in captures_where(&HALL, text, HALL_WORDS.is_match(text)) {
            push_place(&mut places, &caps[1]);
            if let Some(town) = caps.get(2) {
                push_place(&mut places, town.as_str());
            }
        }
        // A venue is only taken when one of its words is a venue word or a hotel.
        for caps in captures_where(&NAMED_VENUE, text, VENUE_NAMES.is_match(text)) {
            let venue = &caps[1];
            let words: Vec<&str> = venue.split_whitespace().collect();
            let is_venue = words.iter().any(|w| VENUE_WORDS.contains(w))
                || words.first().is_some_and(|w| HOTEL_BRANDS.contains(w));
            if !is_venue {
                continue;
            }
            push_place(&mut places, venue);
            match caps.get(2) {
                Some(town) => push_place(&mut places, town.as_str()),
                // "Quality Hotell Ålesund": the town is in the hotel's name.
                None => {
                    if let Some(last) = words.last()
                        && words.len() > 2
                        && !VENUE_WORDS.contains(last)
                    {
                        push_place(&mut places, last);
                    }
                }
            }
        }
        if !places.is_empty() {
            break;
        }
    }
    places
}

static PARTICIPANTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:om\s+lag|omlag|ca\.?|cirka|rundt|kring|nesten|over|godt\s+og\s+vel|totalt|i\s+alt)?\s*(\d{1,5})\s+(?:deltakarar|deltakere|deltagarar|deltagere|frammøtte|fremmøtte|påmelde|påmeldte|tilhøyrarar|tilhørere|personar\s+deltok|personer\s+deltok|deltok)(?-u:\b)")
        .expect("valid regex")
});

/// The number of participants, when the report states it.
pub fn find_participants(passages: &[Passage]) -> Option<u32> {
    passages
        .iter()
        .find_map(|p| first_captures(&PARTICIPANTS, &p.text))
        .and_then(|c| c[1].parse().ok())
}

/// "(HMR)", "(PSHT Ålesund)": an abbreviation in brackets. The words it stands for
/// are found by walking back from the bracket ([`words_before`]): as one pattern,
/// "up to ten words, then a bracket" can start at any word of the text, and costs
/// more than all the other rules of a report together.
static BRACKETED_ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((\p{Lu}[\p{Lu}Ø-]{1,7}(?:[ \t]+[\p{Lu}\p{L}]{2,12})?)\)").expect("valid regex")
});

/// Up to `max` words right before byte `at` of `text`, on the same line: words are
/// runs without white space or brackets, separated by spaces or tabs, and at least
/// one space or tab must come before `at`.
fn words_before(text: &str, at: usize, max: usize) -> Option<&str> {
    let is_gap = |c: char| c == ' ' || c == '\t';
    let is_word = |c: char| !c.is_whitespace() && c != '(' && c != ')';
    let head = &text[..at];
    let end = head.trim_end_matches(is_gap).len();
    if end == head.len() {
        return None;
    }
    let mut start = end;
    let mut words = 0;
    loop {
        let word_start = head[..start].trim_end_matches(is_word).len();
        if word_start == start {
            break;
        }
        start = word_start;
        words += 1;
        let gap_start = head[..start].trim_end_matches(is_gap).len();
        if words == max || gap_start == start || gap_start == 0 {
            break;
        }
        if !head[..gap_start].ends_with(is_word) {
            break;
        }
        start = gap_start;
    }
    (words > 0).then(|| &head[start..end])
}

/// Matches of `pattern` that start a word, as `\b` at its start would give: the
/// regex engine's fast automata give up on `\b` in non-ASCII text, so hot patterns
/// leave it out and are checked here, searching on from the next character.
fn word_start_captures<'t>(
    pattern: &'t Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from <= text.len() {
            // Found first, captured only when it starts a word: a capturing search
            // allocates its groups.
            let found = pattern.find_at(text, from)?;
            let starts_word = !text[..found.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char);
            if starts_word {
                from = if found.end() > found.start() {
                    found.end()
                } else {
                    next_char(text, found.start())
                };
                return pattern.captures_at(text, found.start());
            }
            from = next_char(text, found.start());
        }
        None
    })
}

/// A letter, digit or underscore: what `\b` counts as part of a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte offset after the character at `at` (past the end when there is none).
fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Organisations with the abbreviations the text defines ("Helseplattformen (HP)")
/// or uses for them by initials ("HMR HF" for "Helse Møre og Romsdal HF").
pub fn find_organisations(passages: &[Passage]) -> Vec<Organisation> {
    let mut organisations: Vec<Organisation> = Vec::new();
    let text: String = passages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for caps in captures_where(&BRACKETED_ABBREVIATION, &text, true) {
        let (Some(bracket), Some(inside)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let Some(before) = words_before(&text, bracket.start(), 10) else {
            continue;
        };
        let abbreviation = inside.as_str().trim().to_string();
        let name = trim_to_initials(before.trim(), &abbreviation);
        if name.split_whitespace().count() > 10 || name.is_empty() {
            continue;
        }
        add_organisation(&mut organisations, &name, Some(abbreviation));
    }
    // Abbreviations used without definition, matched to names by their initials.
    // Both patterns must start a word (see `word_start_captures`) and end one (the
    // character after them, if any, is not a letter or digit).
    static CAPS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\p{Lu}{2,6})(?:\s+(HF|IKS|AS))?(?:[^\p{L}\p{N}_]|$)").expect("valid regex")
    });
    static ORG_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(Helse(?:\s+og\s+\p{Lu}\p{Ll}+|\s+\p{Lu}\p{Ll}+)+(?:\s+HF)?|\p{Lu}\p{L}+\s+(?:kommune|fylkeskommune|sjukehus|sykehus))(?:[^\p{L}\p{N}_]|$)").expect("valid regex")
    });
    // "Helse Møre og Romsdal Heidi Nilsen": the name ends where a person's begins.
    let names: HashSet<String> = word_start_captures(&ORG_NAME, &text)
        .filter_map(|caps| caps.get(1))
        .map(|m| {
            let words: Vec<&str> = m.as_str().split_whitespace().collect();
            let end = (1..words.len())
                .find(|&i| super::people::is_given_name(words[i]))
                .unwrap_or(words.len());
            words[..end].join(" ")
        })
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect();
    let mut names: Vec<String> = names.into_iter().collect();
    names.sort();
    for name in &names {
        add_organisation(&mut organisations, name, None);
    }
    for caps in word_start_captures(&CAPS, &text) {
        let Some(letters) = caps.get(1) else {
            continue;
        };
        let end = caps.get(2).unwrap_or(letters).end();
        let abbreviation = text[letters.start()..end].to_string();
        let letters = letters.as_str();
        for name in &names {
            let initials: String = name
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && *w != "HF")
                .filter_map(|w| w.chars().next())
                .collect();
            if initials == letters && initials.len() >= 2 {
                add_organisation(&mut organisations, name, Some(abbreviation.clone()));
                if caps.get(2).is_some() {
                    add_organisation(&mut organisations, name, Some(letters.to_string()));
                }
            }
        }
    }
    organisations
}

/// The words before "(ABBR)" that name what it abbreviates: the longest run whose
/// capitalised initials spell it ("Helse Møre og Romsdal (HMR)"), else from the last
/// word that starts with its first letter ("Pasientsentrert helsetenesteteam i
/// Ålesund (PSHT Ålesund)").
fn trim_to_initials(before: &str, abbreviation: &str) -> String {
    let letters: String = abbreviation
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let mut words: Vec<&str> = before.split_whitespace().collect();
    // Only the clause right before the brackets.
    if let Some(cut) = words
        .iter()
        .rposition(|w| w.ends_with(['.', ',', ':', ';']))
    {
        words.drain(..=cut);
    }
    let initials = |ws: &[&str]| -> String {
        ws.iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && **w != "HF")
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for start in 0..words.len() {
        let starts_capital = words[start].chars().next().is_some_and(char::is_uppercase);
        if starts_capital && initials(&words[start..]) == letters {
            return words[start..].join(" ");
        }
    }
    let first = letters.chars().next();
    match words.iter().rposition(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().next().and_then(|c| c.to_lowercase().next()) == first
    }) {
        Some(start) => words[start..].join(" "),
        None => String::new(),
    }
}

fn add_organisation(
    organisations: &mut Vec<Organisation>,
    name: &str,
    abbreviation: Option<String>,
) {
    let index = match organisations.iter().position(|o| o.name == name) {
        Some(i) => i,
        None => {
            organisations.push(Organisation {
                name: name.to_string(),
                abbreviations: Vec::new(),
            });
            organisations.len() - 1
        }
    };
    if let Some(abbreviation) = abbreviation
        && !organisations[index].abbreviations.contains(&abbreviation)
    {
        organisations[index].abbreviations.push(abbreviation);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(texts: &[(PassageKind, &str)]) -> Vec<Passage> {
        texts
            .iter()
            .map(|(kind, text)| Passage::new(*kind, *text))
            .collect()
    }

    #[test]
    fn words_before_a_bracket_stay_on_their_line_and_stop_at_ten() {
        let text = "Først.\nDet nye Pasientsentrert helsetenesteteam i Ålesund (PSHT)";
        let at = text.find('(').unwrap();
        assert_eq!(
            words_before(text, at, 10),
            Some("Det nye Pasientsentrert helsetenesteteam i Ålesund")
        );
        assert_eq!(words_before(text, at, 2), Some("i Ålesund"));
        let text = "(HP) og Helseplattformen (HP)";
        assert_eq!(
            words_before(text, text.rfind('(').unwrap(), 10),
            Some("og Helseplattformen")
        );
        // The bracket must follow a space.
        assert_eq!(words_before("Helseplattformen(HP)", 16, 10), None);
        assert_eq!(words_before(" (HP)", 1, 10), None);
    }

    #[test]
    fn organisation_names_start_and_end_words() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Ålesund kommune og Øygarden kommune møtte Helse Sør Øst. Xhelse Møre og Volda kommunen kom ikkje. HSØ var med.",
        )]);
        let names: Vec<String> = find_organisations(&p).into_iter().map(|o| o.name).collect();
        assert!(names.contains(&"Ålesund kommune".to_string()), "{names:?}");
        assert!(names.contains(&"Øygarden kommune".to_string()), "{names:?}");
        assert!(names.contains(&"Helse Sør Øst".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Volda")), "{names:?}");
        let hso = find_organisations(&p)
            .into_iter()
            .find(|o| o.name == "Helse Sør Øst")
            .unwrap();
        assert_eq!(hso.abbreviations, ["HSØ"]);
    }

    #[test]
    fn themes_in_guillemets_and_after_a_list_intro() {
        use PassageKind::*;
        let p = passages(&[
            (
                Paragraph,
                "Dei to hovudtema i møtet var «Helsepersonellkommisjonen sin rapport NOU 4:23» og «Korleis handtere fulle sjukehus».",
            ),
            (Paragraph, "Dei tre hovudtema for samlinga var:"),
            (
                ListItem,
                "Gir kunnskap eller pengar ny helsepolitikk? Redaktør Kari Nordal haldt føredrag.",
            ),
            (ListItem, "Seksjonsleiar Ola Dale gav eit innblikk."),
            (
                ListItem,
                "Overordna plan for sikkerheitspsykiatri. Meir tekst.",
            ),
            (
                ListItem,
                "Helseplattformen (HP) var det siste hovudtemaet for samlinga. Fire perspektiv.",
            ),
            (Heading, "Dette skjer vidare"),
            (Heading, "Felles legevakt for Ørsta og Volda"),
            (
                Paragraph,
                "Kommuneoverlegen orienterte om avtalen med nabokommunen om ei felles interkommunal legevakt i Volda.",
            ),
            (Paragraph, "Sak 12/24 Budsjett for 2025"),
        ]);
        let themes = find_themes(&p, |i, _| i == 3);
        assert_eq!(
            themes,
            [
                "Helsepersonellkommisjonen sin rapport NOU 4:23",
                "Korleis handtere fulle sjukehus",
                "Gir kunnskap eller pengar ny helsepolitikk?",
                "Overordna plan for sikkerheitspsykiatri",
                "Helseplattformen",
                "Felles legevakt for Ørsta og Volda",
                "Budsjett for 2025",
            ]
        );
    }

    #[test]
    fn places_participants_and_organisations() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Den 14. november 2023 vart det halde møte på Quality Hotell Ålesund. Det var om lag 80 deltakarar. Helse Møre og Romsdal HF og Helseplattformen (HP) var tema, og HMR HF vil ta ei avgjerd.",
        )]);
        assert_eq!(find_places(&p), ["Quality Hotell Ålesund", "Ålesund"]);
        assert_eq!(find_participants(&p), Some(80));
        let orgs = find_organisations(&p);
        let hp = orgs.iter().find(|o| o.name == "Helseplattformen").unwrap();
        assert_eq!(hp.abbreviations, ["HP"]);
        let hmr = orgs
            .iter()
            .find(|o| o.name == "Helse Møre og Romsdal HF")
            .unwrap();
        assert_eq!(hmr.abbreviations, ["HMR HF", "HMR"]);
    }

    #[test]
    fn venue_and_town() {
        let p = passages(&[(
            PassageKind::Paragraph,
            "Den 10. mai 2023 blei møtet gjennomført på Scandic Alexandra hotell i Molde.",
        )]);
        assert_eq!(find_places(&p), ["Scandic Alexandra hotell", "Molde"]);
        let p = passages(&[(
            PassageKind::Paragraph,
            "Utvalet møtest i bystyresalen i Ålesund.",
        )]);
        assert_eq!(find_places(&p), ["bystyresalen", "Ålesund"]);
    }
}
