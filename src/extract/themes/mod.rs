//! Themes: what a report says its meeting dealt with.
//!
//! The report's own words for its topics: the items after "hovudtema"/"tema" (in
//! «guillemets» or as the list that follows), a sentence "Temaet var …", agenda
//! cases ("Sak 12/24 Budsjett 2025", read by [`super::agenda`]), subheadings, and
//! the projects a report says were presented.
//!
//! The rules are split by the shape they read: `verbs` (what was presented,
//! discussed or decided), `lists` (the points of lists and agendas), `occasions`
//! (what a visit or an event held) and `phrases` (trimming a theme and telling a
//! subheading from page furniture).

mod lists;
mod occasions;
mod phrases;
mod verbs;

use std::sync::LazyLock;

use regex::Regex;

use super::prefilter::{AnyCase, captures_where, first_captures};
use crate::report::{Passage, PassageKind};
use lists::{
    AGENDA_HEADING, INLINE_TOPICS, LIST_INTRO, NUMBER_WORD, ON_AGENDA, agenda_point,
    first_sentence, is_list_line, number, split_topics, theme_subject,
};
use occasions::{activities, events};
use phrases::{GENERIC_HEADINGS, clean_theme, is_headline, push_theme};
use verbs::{OBJECT_END, handled_subjects, verb_objects};

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
pub(super) static AGENDA_CASE: LazyLock<Regex> = LazyLock::new(|| {
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

/// "Kari Nes vart valt til ny ordførar", "vart attvald som leiar": an election, named
/// as the meeting's point "val av ordførar" ("valg av leder" in a Bokmål report's
/// words, "ble gjenvalgt som leder").
static ELECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(valt|vald|valde|attvald|attvalt|attvalde|gjenvalgt|gjenvald|valgt|valgte)\s+(?:til|som)\s+(?:ny\s+|nye\s+)?([\p{L}\-]+)")
        .expect("valid regex")
});

/// Themes named by the report. `names_in` tells whether a passage's first sentence
/// names a person: such list items are about who spoke, not topics.
pub fn find_themes(
    passages: &[Passage],
    names_a_person: impl Fn(usize, &str) -> bool,
) -> Vec<String> {
    let mut themes = Vec::new();
    let mut case_titles = super::agenda::case_titles(passages).into_iter().peekable();
    let mut items = super::agenda::numbered_items(passages)
        .into_iter()
        .peekable();
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
        let list_intro = (text.trim_end().ends_with(':')
            && (has_intro || LIST_INTRO.is_match(text)))
            || AGENDA_HEADING.is_match(text.trim());
        if list_intro {
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
                // Short lines without bullets make a list as well, when they come
                // right after the intro.
                let short_line = item.kind == PassageKind::Paragraph
                    && next == index + 1 + taken
                    && is_list_line(&item.text);
                // Numbered cases are read with their numbers by the agenda rules.
                if AGENDA_CASE.is_match(item.text.trim()) {
                    continue;
                }
                if item.kind != PassageKind::ListItem && !short_line {
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
        while let Some((_, title)) = items.next_if(|(at, _)| *at == index) {
            if let Some(point) = agenda_point(&title, |words| names_a_person(index, words)) {
                push_theme(&mut themes, clean_theme(&point));
            }
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
        static ELECTED: LazyLock<AnyCase> =
            LazyLock::new(|| AnyCase::new(&["vald", "valt", "valgt", "valde", "valgte"]));
        for caps in captures_where(&ELECTION, text, ELECTED.may_occur_in(text)) {
            let office = caps[2].to_lowercase();
            if crate::extract::people::is_role_word(&office) {
                let election = if caps[1].to_lowercase().contains("valg") {
                    "valg"
                } else {
                    "val"
                };
                push_theme(&mut themes, format!("{election} av {office}"));
            }
        }
        static AGENDA_WORDS: LazyLock<AnyCase> = LazyLock::new(|| {
            AnyCase::new(&[
                "saklist",
                "sakslist",
                "programmet",
                "dagsorden",
                "agendaen",
                "kartet",
            ])
        });
        for caps in captures_where(&ON_AGENDA, text, AGENDA_WORDS.may_occur_in(text)) {
            let Some(list) = caps.get(1).or_else(|| caps.get(2)) else {
                continue;
            };
            let list = OBJECT_END
                .find(list.as_str())
                .map_or(list.as_str(), |end| &list.as_str()[..end.start()]);
            for topic in split_topics(list) {
                push_theme(&mut themes, clean_theme(&topic));
            }
        }
        // Searched again from where each list ends: "Stikkord er samarbeid, og det er
        // fire hovudområde: …" names two.
        let mut from = 0;
        while let Some(caps) = INLINE_TOPICS.captures_at(text, from) {
            let Some(found) = caps.get(1) else { break };
            let list = found.as_str();
            let list = OBJECT_END
                .find(list)
                .map_or(list, |end| &list[..end.start()]);
            for topic in split_topics(list) {
                push_theme(&mut themes, clean_theme(&topic));
            }
            from = found.start() + list.len().max(1);
        }
        let handled = handled_subjects(text)
            .into_iter()
            .filter(|subject| !names_a_person(index, subject));
        for object in verb_objects(text)
            .into_iter()
            .chain(activities(text))
            .chain(events(text))
            .chain(handled)
        {
            push_theme(&mut themes, clean_theme(&object));
        }
        if let Some(caps) = first_captures(&PRESENTED, text) {
            for project in split_projects(&caps[1]) {
                push_theme(&mut themes, clean_theme(&project));
            }
        }
    }
    for paper in super::business::standing_business(passages.iter().map(|p| p.text.as_str())) {
        push_theme(&mut themes, paper);
    }
    themes
}

/// Adds the subjects a headline gives: "Styremøte om legevakta" → "legevakta",
/// "Offisiell opning av Region Nordhordland Helsehus", "Kommunestyret vedtok
/// budsjettet", "100-årsjubileum for Marvik kapell".
pub fn add_headline_themes(headline: &str, themes: &mut Vec<String>) {
    let about = MEETING_ABOUT
        .captures(headline)
        .and_then(|caps| caps.get(1).or_else(|| caps.get(2)))
        .map(|m| m.as_str().to_string());
    for theme in about
        .into_iter()
        .chain(verb_objects(headline))
        .chain(activities(headline))
        .chain(events(headline))
    {
        push_theme(themes, clean_theme(&theme));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use PassageKind::*;

    use crate::extract::passages_of as passages;

    #[test]
    fn themes_in_guillemets_and_after_a_list_intro() {
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
                "avtalen med nabokommunen om ei felles interkommunal legevakt i Volda",
                "Budsjett for 2025",
            ]
        );
    }

    #[test]
    fn an_election_is_a_point_of_the_meeting() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes("Kari Nes vart valt til ny ordførar. Ola Berg vart vald som varaordførar."),
            ["val av ordførar", "val av varaordførar"]
        );
        assert!(themes("Han vart valt til å leie arbeidet.").is_empty());
        assert_eq!(
            themes("Per Dal ble gjenvalgt som leder, og Eva Li ble valgt til ny kasserer."),
            ["valg av leder", "valg av kasserer"]
        );
    }

    #[test]
    fn the_subject_a_headline_gives() {
        let mut themes = Vec::new();
        add_headline_themes("Styremøte om legevakta", &mut themes);
        add_headline_themes("Offisiell opning av Vik helsehus", &mut themes);
        add_headline_themes("100-årsjubileum for Vik kapell", &mut themes);
        add_headline_themes("Kari Nes er ny leiar", &mut themes);
        assert_eq!(
            themes,
            [
                "legevakta",
                "opning av Vik helsehus",
                "100-årsjubileum for Vik kapell"
            ]
        );
    }
}
