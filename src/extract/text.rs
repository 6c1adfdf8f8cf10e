//! Plain-text reports: the first line is the title, blank lines separate passages,
//! bullet and number markers start list items.
//!
//! Text copied from a web page keeps one paragraph per line; text from a word
//! processor or e-mail is often hard-wrapped. A line is joined to the one before it
//! only when that one does not end a sentence and this one starts in lower case.

use crate::report::{ListMarker, Passage, PassageKind};

/// The title and body passages of a text report.
#[derive(Debug, Default)]
pub struct TextReport {
    pub title: Option<String>,
    pub passages: Vec<Passage>,
}

pub fn parse(text: &str) -> TextReport {
    let mut lines = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}'))
        .skip_while(|l| l.trim().is_empty())
        .peekable();
    // A page's text may start in the middle of its body: a first line that reads as
    // a paragraph is body text, not a headline.
    let title = lines
        .next_if(|l| is_headline(&super::html::collapse_whitespace(l)))
        .map(super::html::collapse_whitespace);
    let mut passages: Vec<Passage> = Vec::new();
    let mut joinable = false;
    // Lines in the current block; a block of one short line is a subheading.
    let mut block_lines = 0;
    // A bullet opens a section; indented lines after it stay in it.
    let mut sections = 0u32;
    let mut section: Option<u32> = None;
    for raw in lines {
        let line = super::html::collapse_whitespace(&raw.replace('\u{a0}', " "));
        let indented = raw.starts_with([' ', '\t']);
        if line.is_empty() {
            if block_lines == 1
                && let Some(last) = passages.last_mut()
                && last.kind == PassageKind::Paragraph
                && is_subheading(&last.text)
            {
                last.kind = PassageKind::Heading;
            }
            joinable = false;
            block_lines = 0;
            continue;
        }
        block_lines += 1;
        if let Some((item, marker)) = list_item(&line) {
            let bullet = marker.is_none();
            if bullet || section.is_none() || !indented {
                sections += 1;
                section = Some(sections);
            }
            passages.push(Passage {
                kind: PassageKind::ListItem,
                text: item.to_string(),
                section,
                marker,
            });
            joinable = true;
            continue;
        }
        let continues = joinable
            && line.chars().next().is_some_and(char::is_lowercase)
            && passages
                .last()
                .is_some_and(|p| !p.text.ends_with(['.', '!', '?', ':', '»', '"', ')']));
        match passages.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(&line);
            }
            _ => {
                if !indented {
                    section = None;
                }
                passages.push(Passage {
                    kind: if is_caption(&line) {
                        PassageKind::Caption
                    } else {
                        PassageKind::Paragraph
                    },
                    text: line,
                    section,
                    marker: None,
                })
            }
        }
        joinable = true;
    }
    TextReport { title, passages }
}

/// Whether a first line reads as a headline rather than a paragraph: short, or not
/// a run of sentences.
fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let sentences = line.matches(". ").count() + usize::from(line.ends_with('.'));
    words <= 12 || (words <= 25 && sentences == 0)
}

/// The text of a bulleted, numbered or lettered line ("• Tema", "- Tema", "1. Tema",
/// "2) Tema", "b) Tema"), with the number or letter it was marked with.
fn list_item(line: &str) -> Option<(&str, Option<ListMarker>)> {
    for bullet in ['•', '◦', '▪', '●', '-', '–', '*', '·'] {
        if let Some(rest) = line.strip_prefix(bullet)
            && rest.starts_with(' ')
        {
            return Some(rest.trim())
                .filter(|r| !r.is_empty())
                .map(|r| (r, None));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        for marker in [". ", ") "] {
            if let Some(item) = rest.strip_prefix(marker) {
                // "10. mai 2023 …" and "1. september-2015" are dates, not items.
                let next_word: String = item.chars().take_while(|c| c.is_alphabetic()).collect();
                if super::dates::month_number(&next_word).is_none() {
                    let number = line[..digits].parse().ok().map(ListMarker::Number);
                    return Some(item.trim())
                        .filter(|r| !r.is_empty())
                        .map(|r| (r, number));
                }
            }
        }
    }
    // "a) Opprop", "f ) Noteutval", "b. Intern opplæring": a lettered point under a
    // numbered one (a lower-case letter: "K. Nes" is an initial).
    let mut chars = line.chars();
    if let Some(letter @ 'a'..='h') = chars.next() {
        let rest = chars.as_str().trim_start_matches(' ');
        if let Some(item) = rest.strip_prefix(") ").or_else(|| rest.strip_prefix(". "))
            && item
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '«')
        {
            return Some((item.trim(), Some(ListMarker::Letter(letter))));
        }
    }
    None
}

/// A short line without sentence punctuation, set apart by blank lines.
fn is_subheading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=8).contains(&words)
        && !line.ends_with(['.', ',', ':', ';', '!', '?', '»', ')'])
        && line.chars().next().is_some_and(char::is_uppercase)
}

/// Photo captions credit the photographer.
fn is_caption(line: &str) -> bool {
    line.contains("Foto:")
        || line.contains("Foto :")
        || line.starts_with("Frå venstre")
        || line.starts_with("Fra venstre")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_passages_and_list_items() {
        let report = parse(
            "Møte i rådet\n\nDen 10. mai 2023 møttest rådet.\n\n • Første tema\n • Andre tema\n 1. Eit punkt\n10. mai 2023 var siste dag.\nAnna Berg - Foto: Ola Dale\n",
        );
        assert_eq!(report.title.as_deref(), Some("Møte i rådet"));
        let kinds: Vec<(PassageKind, &str)> = report
            .passages
            .iter()
            .map(|p| (p.kind, p.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (PassageKind::Paragraph, "Den 10. mai 2023 møttest rådet."),
                (PassageKind::ListItem, "Første tema"),
                (PassageKind::ListItem, "Andre tema"),
                (PassageKind::ListItem, "Eit punkt"),
                (PassageKind::Paragraph, "10. mai 2023 var siste dag."),
                (PassageKind::Caption, "Anna Berg - Foto: Ola Dale"),
            ]
        );
    }

    #[test]
    fn numbered_and_lettered_points_keep_their_markers() {
        let report = parse(
            "Årsmøte\n\n1. Konstituering\na) Opprop\nf ) Val av skrivar\ng. Intern opplæring\nK. Nes var der.\n2. Årsmelding\ni) inga sak\n",
        );
        let read: Vec<(&str, Option<ListMarker>)> = report
            .passages
            .iter()
            .map(|p| (p.text.as_str(), p.marker))
            .collect();
        assert_eq!(
            read,
            [
                ("Konstituering", Some(ListMarker::Number(1))),
                ("Opprop", Some(ListMarker::Letter('a'))),
                ("Val av skrivar", Some(ListMarker::Letter('f'))),
                ("Intern opplæring", Some(ListMarker::Letter('g'))),
                // An initial is no letter of a list.
                ("K. Nes var der.", None),
                // A lower-case line after an item continues it.
                ("Årsmelding i) inga sak", Some(ListMarker::Number(2))),
            ]
        );
    }

    #[test]
    fn a_date_joined_to_its_year_is_no_list_item() {
        assert_eq!(list_item("1. oktober-2019"), None);
        assert_eq!(list_item("4. des.2020"), None);
        assert_eq!(list_item("2. Desember-møtet"), None);
        assert_eq!(
            list_item("3. Maidagane"),
            Some(("Maidagane", Some(ListMarker::Number(3))))
        );
        assert_eq!(
            list_item("1. Val av ordstyrar"),
            Some(("Val av ordstyrar", Some(ListMarker::Number(1))))
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let report = parse(
            "Tittel\n\nKommunestyret handsama budsjettet for\nneste år og vedtok det.\nNeste sak var planen.\n",
        );
        let texts: Vec<&str> = report.passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Kommunestyret handsama budsjettet for neste år og vedtok det.",
                "Neste sak var planen."
            ]
        );
    }

    #[test]
    fn a_text_that_starts_with_its_body_has_no_title_line() {
        let report = parse(
            "Det viktigaste målet med møtet er at alle skal kunne kome med innspel, seier leiaren, som vil vere til stades på alle møta.\n\nLes meir her.\n",
        );
        assert_eq!(report.title, None);
        assert_eq!(report.passages.len(), 2);
        // A short first line, even a sentence, is still the headline.
        let report = parse("Nytt styre i laget.\n\nÅrsmøtet valde nytt styre.\n");
        assert_eq!(report.title.as_deref(), Some("Nytt styre i laget."));
    }
}
