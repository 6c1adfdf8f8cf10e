//! Groups over lists: the role a plural, a body or a board named before a list of
//! names gives each name of it ("dei tre ordførarane A, B og C", "Styret består av
//! A og B", "Med seg i styret får ho A og B").

use std::sync::LazyLock;

use regex::Regex;

use super::Mention;
use super::labels::is_plural_role_word;
use super::roles::singular_of_plural_role;

/// "Dei tre ordførarane, A (Fjell), B (Sund) og C": a plural role over a list of
/// names gives each of them the role in the singular. The list runs back from
/// mention `i` over gaps that hold only commas, "og" and brackets.
pub(super) fn plural_role_over_list(text: &str, mentions: &[Mention], i: usize) -> Option<String> {
    static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\([^()]{1,40}\))?\s*(?:,\s*og|,|og)\s*$").expect("valid regex")
    });
    let before = text_before_list(text, mentions, i, &LIST_GAP);
    let before = before.trim_end_matches([' ', ',', ':']);
    let last_word = before.rsplit(char::is_whitespace).next()?;
    if COPULAS.contains(&last_word) {
        return plural_subject(&before[..before.len() - last_word.len()]);
    }
    singular_of_plural_role(last_word)
}

/// The verbs that link a subject to the list that names it.
const COPULAS: &[&str] = &["er", "var", "blir", "vert", "vart", "blei", "ble"];

/// "Varamedlemmar er A, B og C", "Styremedlemmer som ikkje var på val, er A og B":
/// the plural role that is the subject of the clause before the copula, as written.
/// It opens the clause (after "Dei", "Nye"), so a role word further in, the object
/// of some other verb, is not taken.
fn plural_subject(clause: &str) -> Option<String> {
    let start = clause
        .rfind(['.', '!', '?', ':', ';', '\n', '('])
        .map_or(0, |i| i + 1);
    clause[start..]
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .find(|w| is_plural_role_word(w))
        .map(str::to_string)
}

/// "Styret består av Kari Nes, Ola Berg og Per Lid", "Arbeidsgruppa består av leiar
/// A, nestleiar B og C": the body a list of names makes up is each one's role.
pub(super) fn body_over_list(text: &str, mentions: &[Mention], i: usize) -> Option<String> {
    // Between the names: commas, "og", brackets, and each one's own title.
    static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\([^()]{1,40}\))?\s*(?:,\s*og|,|og)\s*(?:\p{Ll}[\p{L}\-]*\s+){0,2}$")
            .expect("valid regex")
    });
    static MADE_UP_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\p{Lu}[\p{L}\-]+)(?:\s+(?:framover|no|i\s+år|vidare))?\s+(?:består|bestod|blir|vert|er)\s+(?:no\s+)?(?:av|sett\s+saman\s+av|samansett\s+av)\s*:?\s*(?:\p{Ll}[\p{L}\-]*\s+){0,2}$")
            .expect("valid regex")
    });
    let before = text_before_list(text, mentions, i, &LIST_GAP);
    if let Some(board) = board_joined(before) {
        return Some(board.to_string());
    }
    let body = MADE_UP_OF.captures(before)?.get(1)?.as_str();
    // The body is a group ("Styret", "Arbeidsgruppa"), not a person or a pronoun.
    let group = !matches!(
        body.to_lowercase().as_str(),
        "det" | "den" | "dette" | "han" | "ho" | "som"
    );
    group.then(|| body.to_string())
}

/// "Med seg i styret får ho A, B og C", "to nye til i styret, A og B", "i styret
/// som vart valt sit A, B og C": the board a list of names joins, named right
/// before the list, is each one's role, as written.
fn board_joined(before: &str) -> Option<&str> {
    static JOINS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b[iI]\s+(\p{Ll}*(?:styret|nemnda|utvalet|utvalget|rådet))(?:\s*,|\s+(?:får|fekk|fikk|har|hadde)\s+(?:han|hun|ho|dei|de)|\s+som\s+(?:vart|blei|ble|er)\s+(?:valt|valgt|vald)\s+(?:sit|sitt|sitter))\s*:?\s*$")
            .expect("valid regex")
    });
    // The phrase is a few words long: only the end of the text before is read.
    let from = (0..=before.len().saturating_sub(60))
        .rev()
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(0);
    let tail = &before[from..];
    if !(tail.contains("i ") || tail.contains("I ")) {
        return None;
    }
    Some(JOINS.captures(tail)?.get(1)?.as_str())
}

/// The text between the previous mention and the first name of the list that
/// mention `i` stands in, the list running back over gaps `list_gap` accepts.
fn text_before_list<'t>(
    text: &'t str,
    mentions: &[Mention],
    i: usize,
    list_gap: &Regex,
) -> &'t str {
    let passage = mentions[i].passage;
    let mut first = i;
    while first > 0
        && mentions[first - 1].passage == passage
        && mentions[first - 1].full
        && list_gap.is_match(&text[mentions[first - 1].end..mentions[first].start])
    {
        first -= 1;
    }
    let previous_end = mentions[..first]
        .iter()
        .rev()
        .find(|m| m.passage == passage)
        .map_or(0, |m| m.end);
    &text[previous_end..mentions[first].start]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions_of(text: &str) -> Vec<Mention> {
        super::super::names::full_names(text)
            .into_iter()
            .enumerate()
            .map(|(person, (start, end))| Mention {
                passage: 0,
                start,
                end,
                person,
                full: true,
            })
            .collect()
    }

    #[test]
    fn a_plural_role_over_a_list_of_names() {
        let text = "Dei tre ordførarane, Kari Nes (Fjell), Ola Berg (Sund) og Per Lid (Os), håpar på godt frammøte.";
        let mentions = mentions_of(text);
        for i in 0..3 {
            assert_eq!(
                plural_role_over_list(text, &mentions, i).as_deref(),
                Some("ordførar")
            );
        }
        // A name with its own role ends the list.
        let text = "Panelet var ordførarane Kari Nes, Ola Berg, og prosjektleiar Per Lid.";
        let mentions = mentions_of(text);
        assert_eq!(
            plural_role_over_list(text, &mentions, 1).as_deref(),
            Some("ordførar")
        );
        assert_eq!(plural_role_over_list(text, &mentions, 2), None);
        let text = "Kommunane sende Kari Nes og Ola Berg.";
        let mentions = mentions_of(text);
        assert_eq!(plural_role_over_list(text, &mentions, 1), None);
        // The plural subject of a copula, as written.
        let text = "Laget har fått nytt styre. Varamedlemar er Kari Nes, Ola Berg og Per Lid.";
        let mentions = mentions_of(text);
        for i in 0..3 {
            assert_eq!(
                plural_role_over_list(text, &mentions, i).as_deref(),
                Some("Varamedlemar")
            );
        }
        let text = "Dei nye styremedlemmene som ikkje stod på val, er Kari Nes og Ola Berg.";
        let mentions = mentions_of(text);
        assert_eq!(
            plural_role_over_list(text, &mentions, 1).as_deref(),
            Some("styremedlemmene")
        );
        // A role word that is not the subject.
        let text = "Dei takka alle styremedlemmer som var med. Vinnarane var Kari Nes og Ola Berg.";
        let mentions = mentions_of(text);
        assert_eq!(plural_role_over_list(text, &mentions, 0), None);
    }

    #[test]
    fn the_board_a_list_of_names_joins() {
        let board = |text: &str| {
            let mentions = mentions_of(text);
            (0..mentions.len())
                .map(|i| body_over_list(text, &mentions, i))
                .collect::<Vec<_>>()
        };
        let all = |role: &str, n: usize| vec![Some(role.to_string()); n];
        assert_eq!(
            board("Med seg i styret får ho Kari Nes, Ola Berg og Per Lid."),
            all("styret", 3)
        );
        assert_eq!(
            board("Han får med seg to nye til i arbeidsutvalet, Kari Nes og Ola Berg."),
            all("arbeidsutvalet", 2)
        );
        assert_eq!(
            board("I styret som vart valt sit Kari Nes, Ola Berg (ny) og Per Lid."),
            all("styret", 3)
        );
        // A board named elsewhere in the sentence is not the list's.
        assert_eq!(
            board("Kari Nes sit i styret, og Ola Berg kom til."),
            vec![None, None]
        );
        assert_eq!(
            board("Saka vart lagd fram i styret av Kari Nes."),
            vec![None]
        );
    }

    #[test]
    fn the_body_a_list_of_names_makes_up() {
        let text = "Arbeidsgruppa består av leiar Kari Nes, nestleiar Ola Berg, Per Lid og Anne Vik. Sekretær er Jon Dal.";
        let mentions = mentions_of(text);
        for i in 0..4 {
            assert_eq!(
                body_over_list(text, &mentions, i).as_deref(),
                Some("Arbeidsgruppa"),
                "{i}"
            );
        }
        assert_eq!(body_over_list(text, &mentions, 4), None);
        let text = "Styret framover består av Kari Nes, Ola Berg og Per Lid.";
        let mentions = mentions_of(text);
        assert_eq!(
            body_over_list(text, &mentions, 2).as_deref(),
            Some("Styret")
        );
        let text = "Det er Kari Nes og Ola Berg som består av same stoff.";
        let mentions = mentions_of(text);
        assert_eq!(body_over_list(text, &mentions, 1), None);
    }
}
