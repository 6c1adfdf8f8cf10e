//! Lists: topics a report names as the points of a list, an agenda or a programme,
//! whether set out below an intro ("Hovudpunkta var:", "Sakliste") or run together
//! in a sentence ("På sakslista stod A og B", "fire hovudområde: A, B og C").

use std::sync::LazyLock;

use regex::Regex;

/// An intro whose list below names topics: "Hovudpunkta i orienteringa er:",
/// "Følgjande saker vart handsama:", "Vedlegg:".
pub(super) static LIST_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)hovudpunkt|hovedpunkt|hovudområde|hovedområde|(?-u:\b)saker|(?-u:\b)sakene|(?-u:\b)vedlegg|orienter|stikkord|(?-u:\b)punkt|handsama|behandla|behandlet|drøfta|diskutert|vedtok")
        .expect("valid regex")
});

/// A heading over the points of an agenda: "Sakliste", "Saker til orientering",
/// "Interpellasjonar".
pub(super) static AGENDA_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sakliste|saksliste|saker|dagsorden|vedtakssaker|orienteringssaker|referatsaker|drøftingssaker|interpellasjonar|interpellasjoner|spørsmål|saker\s+til\s+(?:handsaming|behandling|orientering|drøfting))\s*:?$")
        .expect("valid regex")
});

pub(super) static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\p{N}_])(to|tre|fire|fem|seks|sju|syv|åtte|2|3|4|5|6|7|8)\s+(?:hovud|hoved)?tema")
        .expect("valid regex")
});

pub(super) fn number(word: &str) -> Option<usize> {
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

/// "På sakslista stod mellom anna A og B", "Denne dagen stod A og B på
/// programmet": what a report says stood on the agenda.
pub(super) static ON_AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:på\s+(?:sakslista|saklista|sakslisten|programmet|dagsordenen|dagsorden|agendaen|kartet)\s+(?:stod|står|var|er|sto|hadde\s+dei)\s+(?:det\s+)?(?:mellom\s+anna\s+|blant\s+annet\s+|m\.a\.\s+|bl\.a\.\s+)?((?:\d\.\s|[^.;!?\n]){3,200})|(?:stod|står|sto)\s+(?:det\s+)?(?:mellom\s+anna\s+|blant\s+annet\s+)?([^.;!?\n]{3,160}?)\s+på\s+(?:sakslista|saklista|sakslisten|programmet|dagsordenen|agendaen))")
        .expect("valid regex")
});

/// "det er fire hovudområde: A, B, C og D", "hovudsaka var X": topics named inline.
pub(super) static INLINE_TOPICS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:hovudområde|hovedområde|hovudpunkt|hovedpunkt|stikkord|hovudsak|hovedsak|hovudsaka|hovedsaken|fokusområde|satsingsområde)(?:a|ane|ene|er|en)?(?:\s+[^\s:.!?]+){0,4}?\s*(?::|\s+var|\s+er|\s+blir|\s+vert)\s+([^.!?\n:]{3,200})")
        .expect("valid regex")
});

/// Splits "A, B, C og D" into its topics when each is short; else the whole.
pub(super) fn split_topics(list: &str) -> Vec<String> {
    let items: Vec<&str> = list
        .split(", ")
        .flat_map(|part| {
            part.rsplitn(2, " og ")
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
        })
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    if items.len() >= 2
        && items
            .iter()
            .all(|item| item.split_whitespace().count() <= 6)
    {
        items.into_iter().map(str::to_string).collect()
    } else {
        vec![list.trim().to_string()]
    }
}

/// A line that can be an item of a list without bullets: a few words, no sentence.
pub(super) fn is_list_line(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=14).contains(&words)
        && !text.trim_end().ends_with(['.', ':'])
        && text.chars().next().is_some_and(char::is_alphabetic)
}

/// The first sentence of a list item, kept with a question mark.
pub(super) fn first_sentence(text: &str) -> &str {
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
pub(super) fn theme_subject(sentence: &str) -> String {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(.{2,120}?)\s*(?:\([^)]*\))?\s+(?:var|er)\s+(?:det\s+)?(?:første|andre|tredje|fjerde|siste|neste|eit|et|eitt)?\s*(?:hovud|hoved)?tema")
            .expect("valid regex")
    });
    match SUBJECT.captures(sentence) {
        Some(caps) => caps[1].trim().to_string(),
        None => sentence.to_string(),
    }
}

/// The agenda point a numbered item names, without the person it names: "Val av
/// møteleiar Kari Nes" → "Val av møteleiar". An item that is a list of people ("Kari
/// Nes, leiar") or a talk by someone ("Perspektivet ved Kari Nes") is no point.
pub(super) fn agenda_point(title: &str, names_a_person: impl Fn(&str) -> bool) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    // Where the first name mentioned ends, and where it starts.
    let Some(end) = (1..=words.len()).find(|&k| names_a_person(&words[..k].join(" "))) else {
        return Some(title.to_string());
    };
    let start = (0..end)
        .rev()
        .find(|&j| names_a_person(&words[j..end].join(" ")))
        .unwrap_or(0);
    let before = &words[..start];
    let talk = before.iter().any(|w| {
        let w = w.to_lowercase();
        w == "ved"
            || ["present", "orienter", "innlei", "foredrag"]
                .iter()
                .any(|v| w.starts_with(v))
    });
    (!before.is_empty() && !talk).then(|| before.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::passages_of as passages;
    use crate::extract::themes::find_themes;
    use crate::report::PassageKind::*;

    #[test]
    fn the_points_under_an_agenda_heading() {
        let p = passages(&[
            (Heading, "Sakliste"),
            (ListItem, "Godkjenning av innkalling"),
            (ListItem, "Reglement for kontrollutvalet"),
            (Heading, "Interpellasjonar"),
            (ListItem, "Tilbod om omsorgsplass i nord eller sør"),
            (Paragraph, "Møtet vart sendt direkte."),
            (ListItem, "Les meir om kommunestyret"),
        ]);
        assert_eq!(
            find_themes(&p, |_, _| false),
            [
                "Godkjenning av innkalling",
                "Reglement for kontrollutvalet",
                "Tilbod om omsorgsplass i nord eller sør"
            ]
        );
    }

    #[test]
    fn what_stood_on_the_agenda() {
        let themes = |text: &str| find_themes(&passages(&[(Paragraph, text)]), |_, _| false);
        assert_eq!(
            themes(
                "Denne dagen stod mellom anna samfunnsplanen og folkevaldopplæring på programmet."
            ),
            ["samfunnsplanen", "folkevaldopplæring"]
        );
        assert_eq!(
            themes(
                "På sakslista stod mellom anna framtidig barnehagebehov i kommunen og 2. tertialrapport 2020."
            ),
            [
                "framtidig barnehagebehov i kommunen",
                "2. tertialrapport 2020"
            ]
        );
        assert!(themes("Han stod på scena i to timar.").is_empty());
    }

    #[test]
    fn an_agenda_point_without_the_person_it_names() {
        let names = |words: &str| words.contains("Kari Nes");
        assert_eq!(
            agenda_point("Val av møteleiar Kari Nes", names).as_deref(),
            Some("Val av møteleiar")
        );
        assert_eq!(
            agenda_point("Budsjett 2025", names).as_deref(),
            Some("Budsjett 2025")
        );
        assert_eq!(agenda_point("Kari Nes, leiar", names), None);
        assert_eq!(agenda_point("Perspektivet ved Kari Nes", names), None);
    }

    #[test]
    fn lists_after_an_intro_and_topics_named_inline() {
        let found = find_themes(
            &passages(&[
                (Paragraph, "Hovudpunkta i orienteringa er:"),
                (ListItem, "Livet i studentbygda"),
                (ListItem, "Samarbeid med andre institusjonar"),
                (Paragraph, "Vedlegg:"),
                (Paragraph, "Søknad frå Vitensenteret"),
                (Paragraph, "Rapport om kommunepsykologar"),
                (
                    Paragraph,
                    "Stikkord er samarbeid, og det er fire hovudområde: Pasientforløp, bemanning, beredskap og digitalisering.",
                ),
            ]),
            |_, _| false,
        );
        assert_eq!(
            found,
            [
                "Livet i studentbygda",
                "Samarbeid med andre institusjonar",
                "Søknad frå Vitensenteret",
                "Rapport om kommunepsykologar",
                "samarbeid",
                "Pasientforløp",
                "bemanning",
                "beredskap",
                "digitalisering",
            ]
        );
    }
}
