//! Phrases: how a found theme is trimmed and kept, and which short lines read as
//! subheadings rather than page furniture.

/// Subheadings that are page furniture, not topics.
pub(super) const GENERIC_HEADINGS: &[&str] = &[
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

/// Words a phrase cannot end on: what followed them was cut off, most often a date
/// or a year ("Møteboka frå møtet den", "Godkjenning av møteprotokoll frå og",
/// "Årsmeldinga som").
const DANGLING: &[&str] = &["den", "frå", "fra", "og", "for", "som", "i", "av", "eller"];

pub(super) fn clean_theme(text: &str) -> String {
    let mut text = text
        .trim()
        .trim_end_matches(['.', ',', ':', ';', ' '])
        .trim();
    while let Some((head, last)) = text.rsplit_once(' ')
        && DANGLING.contains(&last.to_lowercase().as_str())
    {
        text = head.trim_end_matches([',', ':', ';', ' ']);
    }
    text.trim_matches(['«', '»', '"']).trim().to_string()
}

pub(super) fn push_theme(themes: &mut Vec<String>, theme: String) {
    let words = theme.split_whitespace().count();
    if theme.chars().count() < 3 || words > 30 || is_paperwork(&theme) {
        return;
    }
    if !themes.iter().any(|t| t.eq_ignore_ascii_case(&theme)) {
        themes.push(theme);
    }
}

/// The fields of a case paper's or a minutes' form, which name no topic: a letter's
/// date ("Brevdato: 02.12.2020"), a document's type or the unit answering for it.
const PAPER_FIELDS: &[&str] = &[
    "brevdato",
    "dokumenttype",
    "ansvarlig enhet",
    "ansvarleg eining",
    "saksbehandlar",
    "saksbehandler",
    "sakshandsamar",
    "arkiv",
    "arkivsak",
    "arkivkode",
    "journalpost",
];

/// The labels of a form's running header ("Gloppen kommune Valstyret Møtebok
/// Møtedato", "Styre, råd, utval Møtedato Saknummer Sakshandsamar"); written
/// inside a phrase with a capital, as labels are, not as a word of a topic is.
const HEADER_LABELS: &[&str] = &[
    "møtedato",
    "møtestad",
    "saknummer",
    "saksnummer",
    "saknr",
    "saksnr",
    "arkivsaknr",
    "sakshandsamar",
    "saksbehandlar",
    "saksbehandler",
    "saksgang",
    "utvalgssakstype",
    "saksansvarleg",
];

/// Paperwork rather than a topic: a case number with no title ("Sak 046/2020",
/// "Sak 2", "Sakliste Sak nr"), a field of the case paper's form ("Dokumenttype:
/// Saksframlegg", "Arkiv"), or a running header of PDF minutes ending in one of its
/// labels ("Vik kommune Møtedato").
fn is_paperwork(theme: &str) -> bool {
    let lower = theme.to_lowercase();
    let bare_case = lower.split_whitespace().all(|w| {
        matches!(
            w,
            "sak" | "saker" | "og" | "nr" | "nr." | "sakliste" | "saksliste" | "saklista"
        ) || w
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | ':' | '-'))
    });
    let field = PAPER_FIELDS.iter().any(|f| {
        lower
            .strip_prefix(f)
            .is_some_and(|rest| rest.is_empty() || rest.trim_start().starts_with(':'))
    });
    // A header ends with its last label; a phrase that runs on past one may hold a
    // case's title.
    let mut words = theme
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    words.next();
    let header = words.next_back().is_some_and(|w| {
        w.starts_with(char::is_uppercase) && HEADER_LABELS.contains(&w.to_lowercase().as_str())
    });
    bare_case || field || header
}

/// A short line that reads as a subheading: a few words, no sentence punctuation,
/// no date or year, not a page-furniture label.
pub(super) fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = line.to_lowercase();
    // Any year will do to recognise "Dag 1 – onsdag 13. november" as a date line.
    let any_year = crate::extract::dates::DateContext {
        reference: None,
        year: Some(2000),
    };
    let dated = (line.contains(|c: char| c.is_ascii_digit())
        && !crate::extract::dates::find_dates(line, &any_year).is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_cut_short_loses_its_dangling_words() {
        assert_eq!(
            clean_theme("Protokollen frå møtet den"),
            "Protokollen frå møtet"
        );
        assert_eq!(
            clean_theme("Godkjenning av referat frå og"),
            "Godkjenning av referat"
        );
        assert_eq!(clean_theme("Rekneskapen som."), "Rekneskapen");
        // A preposition that ends a relative clause stays.
        assert_eq!(
            clean_theme("utfordringar dei står overfor til"),
            "utfordringar dei står overfor til"
        );
        assert_eq!(clean_theme("«Fest og"), "Fest");
    }

    #[test]
    fn paperwork_is_no_theme() {
        for paper in [
            "Sak 12/2023",
            "Sak 4",
            "Sak 031/2021 og 032/2021",
            "Brevdato: 14.03.2022",
            "Dokumenttype: Saksframlegg",
            "Ansvarleg eining: Servicetorget",
            "Arkiv",
            "Vik kommune Møtedato",
            "Styre, råd, utval Møtedato Saknummer Sakshandsamar",
            "Sakliste Sak nr",
        ] {
            assert!(is_paperwork(paper), "{paper}");
        }
        for topic in [
            "Sak om ny barnehage",
            "Arkivplan for Vik kommune",
            "Budsjett 2025",
            "Godkjenning av møtedato for hausten",
            "Møtedato for årsmøtet",
            "Vik kommune Møtedato Budsjett 2025",
        ] {
            assert!(!is_paperwork(topic), "{topic}");
        }
    }
}
