//! Labels: roles that a header or a label gives every name under it ("Faste
//! medlemer:", "Til stades frå administrasjonen:", "Varamedlemmer A B C").

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use super::roles::{
    ABBREVIATIONS, has_role_ending, is_role_modifier, is_role_word, singular_of_plural_role,
};
use crate::report::Passage;

/// Labels that head names without being their role: attendance, photo captions,
/// header fields.
const NOT_ROLE_LABELS: &[&str] = &[
    "foto",
    "frå venstre",
    "fra venstre",
    "f.v",
    "bak",
    "framme",
    "framfrå",
    "til stades",
    "til stede",
    "tilstede",
    "tilstades",
    "møtte",
    "desse",
    "disse",
    "følgjande",
    "følgende",
    "forfall",
    "meldt forfall",
    "fråverande",
    "fraværende",
    "dato",
    "tid",
    "møtestad",
    "møtested",
    "stad",
    "sted",
    "sak",
    "kl",
    "tema",
    "program",
    "vedtak",
    "innstilling",
    "underskrift",
    "underskrifter",
    "merknader",
    "dokumentnr",
    "kopi",
    "saksnr",
    "arkiv",
    "protokoll",
    "utval",
    "møtedato",
    "møtetid",
    "referat",
    "neste møte",
    "e-post",
    "tlf",
    "telefon",
    "adresse",
    "les meir",
    "les mer",
    "les også",
    "les òg",
    "publisert",
    "sist oppdatert",
    "merknad",
    "orientering",
    "godkjenning",
    "av",
    "skrive av",
    "skrevet av",
    "tekst",
    "kjelde",
    "kilde",
    "innleiar",
    "innleder",
    "kontakt",
    "spørsmål",
    "namn",
    "navn",
    "parti",
    "funksjon",
    "representerer",
    "møtande",
    "ikkje møtt",
];

/// Labels that are no role alone but open one with more words: "Andre:" heads
/// the rest of those who came, "Andre møtande:" is an attendance label.
const ALONE_NOT_ROLE_LABELS: &[&str] = &["andre", "øvrige", "dessutan", "dessuten"];

/// A label ("Delegater", "Faste medlemer", "Frå adm.") from the words before a
/// colon: one to three words that start a line, a passage or a field.
fn label_before_colon(head: &str) -> Option<&str> {
    // "Varamedl.:": a dot right before the colon is an abbreviation's, not the end
    // of a sentence.
    let head = head.trim_end();
    let head = head.strip_suffix('.').unwrap_or(head);
    if let Some(label) = attendance_from_label(head) {
        return Some(label);
    }
    let start = label_start(head, &['\n', '.', ':', ')', ';', '!', '?']);
    // "Frå adm.": an abbreviation's dot belongs to the label.
    let start = if head[..start].ends_with('.')
        && head[..start.saturating_sub(1)]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.chars().count() <= 4 && w.chars().all(char::is_alphabetic))
    {
        label_start(
            &head[..start.saturating_sub(1)],
            &['\n', '.', ':', ')', ';'],
        )
    } else {
        start
    };
    let label = head[start..].trim();
    // "Faste medlemer som møtte", "Frå administrasjonen møtte på heile møtet": the
    // group is the label, not whether it came.
    let label = [" som møtte", " møtte på ", " som var "]
        .iter()
        .find_map(|cut| label.find(cut))
        .map_or(label, |at| label[..at].trim_end());
    let words = label.split_whitespace().count();
    let lower = label.to_lowercase();
    let excluded = NOT_ROLE_LABELS.iter().any(|l| {
        lower == *l || lower.starts_with(&format!("{l} ")) || lower.starts_with(&format!("{l}."))
    }) || ALONE_NOT_ROLE_LABELS.contains(&lower.as_str());
    ((1..=3).contains(&words) && label.chars().next().is_some_and(char::is_alphabetic) && !excluded)
        .then_some(label)
}

/// "Til stades frå administrasjonen", "Desse møtte frå administrasjonen", "Fra
/// administrasjonen møtte": those who came from a body other than the meeting's own
/// are labelled by where they came from, so the attendance words stay in the label
/// as written. It ends `head`, however long the text before it runs.
fn attendance_from_label(head: &str) -> Option<&str> {
    let words: Vec<&str> = head.split_whitespace().rev().take(4).collect();
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase());
    let from = |i: usize| matches!(lower(i).as_deref(), Some("frå" | "fra"));
    // The body: "administrasjonen", "adm", "skulen".
    let body = words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '.'));
    let count = match lower(3).as_deref() {
        _ if !body => return None,
        Some("desse" | "disse" | "følgjande" | "fylgjande" | "følgende")
            if lower(2).as_deref() == Some("møtte") && from(1) =>
        {
            4
        }
        Some("til") if matches!(lower(2).as_deref(), Some("stades" | "stede")) && from(1) => 4,
        _ if matches!(lower(2).as_deref(), Some("tilstades" | "tilstede")) && from(1) => 3,
        _ => return None,
    };
    let first = words[count - 1];
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let start = first.as_ptr() as usize - head.as_ptr() as usize;
    Some(head[start..].trim_end())
}

/// Where a label ending `head` starts: after the last of `boundaries`, or after a
/// number that a capitalised word follows, as a page number or a count heads the
/// next field ("2 Faste medlemer", "møtte: 27 Frå administrasjonen"), or a number
/// that ends it ("Sak 5:" is no label). A number inside the label's own words
/// ("valde for 2 år") starts nothing.
fn label_start(head: &str, boundaries: &[char]) -> usize {
    let after_boundary = head.rfind(boundaries).map_or(0, |i| i + 1);
    let after_number = head[after_boundary..]
        .char_indices()
        .filter(|&(_, c)| c.is_ascii_digit())
        .map(|(i, _)| after_boundary + i + 1)
        .rfind(|&i| {
            // "Referatsak 5": a number that ends the head leaves no label.
            head[i..]
                .trim_start()
                .chars()
                .next()
                .is_none_or(char::is_uppercase)
        });
    after_number.unwrap_or(after_boundary)
}

/// "… Kari Nes Medlem SP Varamedlemer:": the cells that end the row of the name
/// before a label (a post, a party) are not the label's. At least one word is left.
fn after_row_cells(head: &str) -> &str {
    let mut rest = head.trim_start();
    while let Some((word, after)) = rest.split_once(char::is_whitespace) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let capitals =
            (1..=6).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c == '.');
        if !(capitals || is_role_word(word)) || after.trim().is_empty() {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// [`label_role_in`] for one name, with a scope of its own.
#[cfg(test)]
pub(super) fn label_role(
    passages: &[Passage],
    index: usize,
    previous_end: usize,
    at: usize,
) -> Option<String> {
    label_role_in(&LabelScope::new(passages), index, previous_end, at)
}

/// The passages a label may head, with which of them are short lines (of names, as
/// a label heads them) worked out once: every name under a label walks back over
/// the lines above it, and a list of many names made that walk quadratic.
pub(super) struct LabelScope<'p> {
    passages: &'p [Passage],
    short: Vec<OnceCell<bool>>,
    /// The label each colon gives its list, keyed by passage and the colon's byte,
    /// as the list's first name read it.
    lists: RefCell<HashMap<(usize, usize), Option<String>>>,
}

impl<'p> LabelScope<'p> {
    pub(super) fn new(passages: &'p [Passage]) -> Self {
        LabelScope {
            passages,
            short: vec![OnceCell::new(); passages.len()],
            lists: RefCell::new(HashMap::new()),
        }
    }

    /// A line short enough to be one a label heads: ten words at most and no full
    /// stop, or a line of names alone.
    fn is_short(&self, index: usize) -> bool {
        *self.short[index].get_or_init(|| {
            let text = &self.passages[index].text;
            (text.split_whitespace().count() <= 10 && !text.trim_end().ends_with('.'))
                || is_line_of_names(text)
        })
    }
}

/// The label heading the list a name at byte `at` of passage `index` stands in:
/// "Delegater: A B C" in one passage (the text layer of a PDF table), a label
/// passage over short name lines ("Medlemer:" / "• A" / "• B"), or the caption label
/// "Eldrerådet. Frå venstre: A, B". `previous_end` is where the name before it in
/// the passage ends (0 for none).
pub(super) fn label_role_in(
    scope: &LabelScope<'_>,
    index: usize,
    previous_end: usize,
    at: usize,
) -> Option<String> {
    let passages = scope.passages;
    let text = &passages[index].text;
    let before = &text[..at];
    if let Some(colon) = before.rfind(':')
        && !sentence_between(&before[colon + 1..])
    {
        // "Varamedl.: Ann Sperle, Jo Hauge, Arne Lid": the names after the first
        // one stand in the list it opened, and its label is theirs. Only the first
        // one knows where the row before the label ends.
        if previous_end > colon
            && let Some(label) = scope.lists.borrow().get(&(index, colon))
        {
            return label.clone();
        }
        let label = label_after_colon(before, colon, previous_end);
        if previous_end <= colon {
            scope
                .lists
                .borrow_mut()
                .insert((index, colon), label.clone());
        }
        if label.is_some() {
            return label;
        }
    }
    if let Some(label) = label_over_page_break(scope, index, before) {
        return Some(label);
    }
    // A label passage over short lines of names.
    if !scope.is_short(index) || before.contains(':') {
        return None;
    }
    for back in (index.saturating_sub(30)..index).rev() {
        let line = passages[back].text.trim_end();
        if let Some(head) = line.strip_suffix(':') {
            return label_before_colon(head)
                .map(|l| l.trim_end_matches('.').to_string())
                .or_else(|| plural_role_in(head));
        }
        if !scope.is_short(back) {
            return None;
        }
    }
    None
}

/// The label the colon at byte `colon` of `before` sets over a name at its end,
/// the name before it ending at `previous_end`.
fn label_after_colon(before: &str, colon: usize, previous_end: usize) -> Option<String> {
    // "… Ernst Veum Varamedl.: Ann Sperle": where a PDF table runs its rows
    // together, the label starts no earlier than the name before it.
    let head = if previous_end <= colon && previous_end > 0 {
        after_row_cells(&before[previous_end..colon])
    } else {
        &before[..colon]
    };
    if let Some(label) = label_before_colon(head) {
        return Some(label.trim_end_matches('.').to_string());
    }
    // "Eldrerådet. Frå venstre og rundt bordet: …": the caption's label.
    // Both words are ASCII: no letter outside it lowers into them.
    let caption = |word: &[u8]| {
        before.as_bytes()[..colon]
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if caption(b"venstre") || caption(b"f.v") {
        let first = before[..colon]
            .split(". ")
            .next()
            .unwrap_or_default()
            .trim();
        let words = first.split_whitespace().count();
        if (1..=3).contains(&words) && first.len() < colon {
            return Some(first.trim_end_matches('.').to_string());
        }
    }
    None
}

/// Whether the text between a label's colon and a name holds a sentence (a line
/// break, a word that ends one): a label reaches over a run of names only.
fn sentence_between(between: &str) -> bool {
    between.contains('\n')
        || between.split_whitespace().any(|w| {
            let bare = w.trim_end_matches('.');
            w.ends_with('.')
                && bare.chars().count() >= 3
                && bare.chars().all(char::is_alphabetic)
                && !ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
        })
}

/// "2 Kari Nes Medlem SP …": a passage that opens with a page number and goes on
/// with rows carries on the table the page before it ended with, so the label over
/// that table heads these rows too. `before` is the passage up to the name.
fn label_over_page_break(scope: &LabelScope<'_>, index: usize, before: &str) -> Option<String> {
    let passages = scope.passages;
    let previous = index.checked_sub(1)?;
    let page = before
        .split_whitespace()
        .next()
        .is_some_and(|w| (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()));
    if !page || before.contains([':', '.', '\n']) {
        return None;
    }
    let end = passages[previous].text.len();
    label_role_in(scope, previous, 0, end)
}

/// What heads a list of names without a colon, as minutes whose table lost its
/// lines print it: "Medlemmer Kari Nes (fråverande) Varamedlemmer Ola Berg",
/// "Følgjande medlemar møtte Kari Nes Ola Berg", "Andre som møtte Per Lid,
/// rådgjevar". `gap` is the text between the name before (or the passage's start)
/// and this name; `open` is the label the name before got this way, which the list
/// carries on to this name unless a sentence, a colon or a new label stands between.
pub(super) fn list_label(gap: &str, open: Option<&str>) -> Option<String> {
    if let Some(label) = label_right_before(gap) {
        return Some(label.to_string());
    }
    let open = open?;
    let words = gap.split_whitespace().take(11).count();
    // "Kari Nes. Etterpå …": the full stop right after the name before.
    let ends_sentence = gap.contains(['!', '?']) || gap.trim_start().starts_with('.');
    let carries =
        words <= 10 && !gap.contains([':', '\n']) && !ends_sentence && !sentence_between(gap);
    carries.then(|| open.to_string())
}

/// The attendance words that end a list a label without a colon heads.
const LIST_ENDS: &[&str] = &["forfall", "fråverande", "fraværende", "ugilde", "inhabile"];

/// The label phrase that ends `gap`, right before a name: a capitalised plural role
/// ("Varamedlemmer"), "Følgjande"/"Andre" before a role ("Følgjande varamedlem
/// møtte"), or "Andre som møtte" / "Andre møtande".
fn label_right_before(gap: &str) -> Option<&str> {
    // The phrase is a few words long: only the end of a long gap is read.
    let from = (0..=gap.len().saturating_sub(60))
        .rev()
        .find(|&i| gap.is_char_boundary(i))
        .unwrap_or(0);
    // Each word with the byte it starts at.
    let words: Vec<(usize, &str)> = gap[from..]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - gap.as_ptr() as usize, w))
        .collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    // What follows the group: "som", "møtte", "møtande".
    let mut end = words.len();
    while end > 0 && matches!(bare(words[end - 1].1).as_str(), "som" | "møtte" | "møtande") {
        end -= 1;
    }
    let core = bare(words[..end].last()?.1);
    let opened = end >= 2
        && matches!(
            bare(words[end - 2].1).as_str(),
            "følgjande" | "følgende" | "andre" | "faste"
        );
    let role = is_plural_role_word(&core) || (opened && is_role_word(&core));
    let others = core == "andre" && end < words.len();
    let (start, first) = words[if opened { end - 2 } else { end - 1 }];
    let capitalised = first.chars().next().is_some_and(char::is_uppercase);
    (capitalised && (role || others) && !LIST_ENDS.contains(&core.as_str()))
        .then(|| gap[start..].trim_end())
}

/// "følgjande medlemer er valde inn i rådet:": the plural role an intro sentence gives
/// the list under it, as written, with the word that qualifies it and the body it
/// belongs to: "Desse er faste medlemmar i Nidaros bispedømeråd 2023–2027:" gives
/// "faste medlemmar i Nidaros bispedømeråd", "følgjande varaer til styret valde:"
/// gives "varaer til styret".
fn plural_role_in(intro: &str) -> Option<String> {
    let words: Vec<&str> = intro.split_whitespace().collect();
    fn bare(word: &str) -> &str {
        word.trim_matches(|c: char| !c.is_alphabetic())
    }
    let at = words.iter().position(|w| is_plural_role_word(bare(w)))?;
    let qualifies = |w: &str| {
        is_role_modifier(w) || matches!(w.to_lowercase().as_str(), "faste" | "nye" | "politiske")
    };
    let start = if at > 0 && qualifies(words[at - 1]) {
        at - 1
    } else {
        at
    };
    let mut end = at + 1;
    // "i Nidaros bispedømeråd", "til styret": a preposition, capitalised words and
    // at most one lower-case word after them.
    if words
        .get(end)
        .is_some_and(|w| matches!(*w, "i" | "til" | "for" | "av" | "ved"))
    {
        let mut body = end + 1;
        while words
            .get(body)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            body += 1;
        }
        if words
            .get(body)
            .is_some_and(|w| w.chars().all(char::is_lowercase))
        {
            body += 1;
        }
        if body > end + 1 {
            end = body;
        }
    }
    let phrase: Vec<&str> = words[start..end].iter().copied().map(bare).collect();
    Some(phrase.join(" "))
}

/// "medlemer", "styremedlemmar", "medlemmene", "ordførarane": a role word in the
/// plural.
pub(super) fn is_plural_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    // Deputies: "varaer", "varafolk".
    matches!(lower.as_str(), "varaer" | "varar" | "varafolk")
        || singular_of_plural_role(&lower).is_some()
        || ["mene", "mane", "mer", "mar", "ar", "er"].iter().any(|e| {
            lower
                .strip_suffix(e)
                .is_some_and(|stem| stem.chars().count() >= 5 && has_role_ending(stem))
        })
}

/// "Kari Nes, Ola B. Berg, Per Lid og Anne Vik": a line that holds only names, as
/// many as it likes.
fn is_line_of_names(text: &str) -> bool {
    let mut pieces = 0;
    for piece in text.split([',', '\n']).flat_map(|p| p.split(" og ")) {
        let words: Vec<&str> = piece.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let capitalised = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_role_word(w));
        if !capitalised || words.len() > 4 {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(texts: &[&str]) -> Vec<Passage> {
        texts
            .iter()
            .map(|t| Passage::new(crate::report::PassageKind::Paragraph, *t))
            .collect()
    }

    #[test]
    fn a_label_applies_to_the_names_under_it() {
        let flat = passages(&[
            "Utval: Ungdommens fylkesting Dato: Delegater: 2 Aure Malin Ormset 3 Averøy Tonje Flataukan",
        ]);
        let at = flat[0].text.find("Tonje").unwrap();
        assert_eq!(label_role(&flat, 0, 0, at).as_deref(), Some("Delegater"));
        let table = passages(&[
            "Faste medlemer som møtte: Namn Funksjon Representerer Kari Nes Leiar AP",
            "Frå administrasjonen møtte på heile eller delar av møtet: Namn Stilling Ola Berg rådgjevar",
        ]);
        assert_eq!(
            label_role(&table, 0, 0, 60).as_deref(),
            Some("Faste medlemer")
        );
        assert_eq!(
            label_role(&table, 1, 0, 80).as_deref(),
            Some("Frå administrasjonen")
        );
        let long = passages(&[
            "Medlemer:",
            "Kari Nes, Ola B. Berg, Per Lid, Anne Marie Vik, Jon Olav Dal, Siri Helen",
            "Hauge",
        ]);
        assert_eq!(label_role(&long, 1, 0, 10).as_deref(), Some("Medlemer"));
        assert_eq!(label_role(&long, 2, 0, 0).as_deref(), Some("Medlemer"));
        assert!(!is_line_of_names("Kari Nes, leiar i laget, opna møtet"));
        let intro = passages(&[
            "Det er gjennomført valg og følgende medlemmer er valgt inn i rådet:",
            "Kari Nes",
            "Ola Berg",
        ]);
        assert_eq!(label_role(&intro, 2, 0, 0).as_deref(), Some("medlemmer"));
        let no_role = passages(&["Desse kom til møtet i går:", "Kari Nes"]);
        assert_eq!(label_role(&no_role, 1, 0, 0), None);
        let lines = passages(&["Faste medlemer:", "Kari Nes", "Ola Berg (Sp)"]);
        assert_eq!(
            label_role(&lines, 2, 0, 0).as_deref(),
            Some("Faste medlemer")
        );
        let adm = passages(&["Frå adm.: Rådmann Per Lid, økonomisjef Kari Nes"]);
        assert_eq!(label_role(&adm, 0, 0, 40).as_deref(), Some("Frå adm"));
        let caption = passages(&["Eldrerådet. Frå venstre: Dagfinn Lyngvær og Ole Haukeland."]);
        assert_eq!(
            label_role(&caption, 0, 0, 30).as_deref(),
            Some("Eldrerådet")
        );
    }

    #[test]
    fn a_label_run_together_with_the_row_before_it_starts_after_its_name() {
        // A PDF table's rows in one line: each label follows the last name of the
        // row before it.
        let text = "Til stades: Kari Nes, Ola Berg Frå kontoret: Per Lid (rådgjevar) Styringsgruppa: Anne Vik, Jon Dal";
        let p = passages(&[text]);
        let after = |name: &str| text.find(name).unwrap() + name.len();
        let at = |name: &str| text.find(name).unwrap();
        assert_eq!(
            label_role(&p, 0, after("Ola Berg"), at("Per Lid")).as_deref(),
            Some("Frå kontoret")
        );
        assert_eq!(
            label_role(&p, 0, after("Per Lid"), at("Anne Vik")).as_deref(),
            Some("Styringsgruppa")
        );
        assert_eq!(
            label_role(&p, 0, after("Anne Vik"), at("Jon Dal")).as_deref(),
            Some("Styringsgruppa")
        );
        // An abbreviated label keeps its dot out of the way.
        let text = "Forfall: Kari Nes, Ola Berg Varamedl.: Per Lid, Anne Vik";
        let p = passages(&[text]);
        let per = text.find("Per Lid").unwrap();
        let berg = text.find("Ola Berg").unwrap() + "Ola Berg".len();
        assert_eq!(label_role(&p, 0, berg, per).as_deref(), Some("Varamedl"));
        // The cells that end the row before are not the label's.
        let text = "Kari Nes MEDL SP Varamedlemer som møtte: Ola Berg Leiar: Per Lid";
        let p = passages(&[text]);
        let ola = text.find("Ola Berg").unwrap();
        assert_eq!(
            label_role(&p, 0, "Kari Nes".len(), ola).as_deref(),
            Some("Varamedlemer")
        );
        let per = text.find("Per Lid").unwrap();
        let ola = text.find("Ola Berg").unwrap() + "Ola Berg".len();
        assert_eq!(label_role(&p, 0, ola, per).as_deref(), Some("Leiar"));
        // A name before a sentence's colon does not make its words a label.
        let text = "Kari Nes sa dette om planen for neste år: Ola Berg";
        let p = passages(&[text]);
        let ola = text.find("Ola Berg").unwrap();
        assert_eq!(label_role(&p, 0, "Kari Nes".len(), ola), None);
    }

    #[test]
    fn every_name_of_a_list_after_a_label_shares_it() {
        // Rows run together: only the first name shows where the label starts, and
        // the names after it in the list share what it found.
        let text = "Forfall: Kari Nes, Ola Berg Vararepr.: Per Lid, Anne Vik (Dalen), Jon Dal. Saka vart drøfta.";
        let p = passages(&[text]);
        let scope = LabelScope::new(&p);
        let end = |name: &str| text.find(name).unwrap() + name.len();
        let at = |name: &str| text.find(name).unwrap();
        let label = |previous: &str, name: &str| label_role_in(&scope, 0, end(previous), at(name));
        assert_eq!(label("Ola Berg", "Per Lid").as_deref(), Some("Vararepr"));
        assert_eq!(label("Per Lid", "Anne Vik").as_deref(), Some("Vararepr"));
        assert_eq!(label("Anne Vik", "Jon Dal").as_deref(), Some("Vararepr"));
        let text =
            "Anna møtte: Rådmann Kari Nes, rådgjevar plan Ola Berg i sak 3, sekretær Per Lid";
        let p = passages(&[text]);
        let scope = LabelScope::new(&p);
        assert_eq!(
            label_role_in(&scope, 0, 0, text.find("Kari").unwrap()).as_deref(),
            Some("Anna møtte")
        );
        let per = text.find("Per Lid").unwrap();
        let berg = text.find("Ola Berg").unwrap() + "Ola Berg".len();
        assert_eq!(
            label_role_in(&scope, 0, berg, per).as_deref(),
            Some("Anna møtte")
        );
        // A sentence after the list ends it.
        let text = "Styringsgruppa: Kari Nes, Ola Berg. Etterpå tok Per Lid ordet.";
        let p = passages(&[text]);
        let scope = LabelScope::new(&p);
        assert!(label_role_in(&scope, 0, 0, text.find("Kari").unwrap()).is_some());
        let per = text.find("Per Lid").unwrap();
        let berg = text.find("Ola Berg").unwrap() + "Ola Berg".len();
        assert_eq!(label_role_in(&scope, 0, berg, per), None);
        // "Andre:" alone heads no role.
        let p = passages(&["Andre: Kari Nes, Ola Berg"]);
        assert_eq!(label_role(&p, 0, 0, 7), None);
    }

    #[test]
    fn an_intro_gives_its_plural_role_with_what_qualifies_it() {
        assert_eq!(
            plural_role_in("Desse er faste medlemmar i Vestby sokneråd 2024-2028").as_deref(),
            Some("faste medlemmar i Vestby sokneråd")
        );
        assert_eq!(
            plural_role_in("Dette er nye styremedlemer i Fjordlaget:").as_deref(),
            Some("nye styremedlemer i Fjordlaget")
        );
        assert_eq!(
            plural_role_in("Vi valde desse varaer til styret for to år").as_deref(),
            Some("varaer til styret")
        );
        assert_eq!(
            plural_role_in("følgjande medlemer er valde inn").as_deref(),
            Some("medlemer")
        );
        assert_eq!(plural_role_in("Desse kom til møtet i går"), None);
        let lines = passages(&[
            "Desse er faste medlemmar i Dalen sokneråd 2024-2028:",
            "Kari Nes, Bygdelista",
            "Ola Berg, Kyrkjelista",
        ]);
        assert_eq!(
            label_role(&lines, 2, 0, 0).as_deref(),
            Some("faste medlemmar i Dalen sokneråd")
        );
        let lines = passages(&["Varafolk, valde for to år:", "Kari Nes (ny)"]);
        assert_eq!(label_role(&lines, 1, 0, 0).as_deref(), Some("Varafolk"));
    }

    #[test]
    fn a_label_without_a_colon_heads_the_list_after_it() {
        assert_eq!(
            list_label("Møtebok Følgjande medlemar møtte ", None).as_deref(),
            Some("Følgjande medlemar møtte")
        );
        assert_eq!(
            list_label(" (sjuk) Varamedlemmer ", None).as_deref(),
            Some("Varamedlemmer")
        );
        assert_eq!(
            list_label(" MDG Andre som møtte ", None).as_deref(),
            Some("Andre som møtte")
        );
        assert_eq!(
            list_label("heimesida. Styremedlemar ", None).as_deref(),
            Some("Styremedlemar")
        );
        // The list carries the label on over its cells, not over a sentence, a
        // colon or a new label.
        assert_eq!(
            list_label(", kyrkjeverje ", Some("Andre som møtte")).as_deref(),
            Some("Andre som møtte")
        );
        assert_eq!(
            list_label(" ", Some("Medlemmer")).as_deref(),
            Some("Medlemmer")
        );
        assert_eq!(list_label(". Etterpå snakka ", Some("Medlemmer")), None);
        assert_eq!(list_label(" Forfall: ", Some("Medlemmer")), None);
        assert_eq!(
            list_label(" Varamedlemar ", Some("Medlemmer")).as_deref(),
            Some("Varamedlemar")
        );
        // Prose: a lower-case word, a singular role alone, no role at all.
        assert_eq!(list_label("takka alle medlemmer ", None), None);
        assert_eq!(list_label("Leiar ", None), None);
        assert_eq!(list_label("Desse ", None), None);
        assert_eq!(list_label("Andre ", None), None);
        assert_eq!(list_label("Forfall ", None), None);
    }

    #[test]
    fn a_table_broken_by_a_page_keeps_its_label() {
        let pages = passages(&[
            "1 Protokoll nr: 1/2024 Faste medlemer: Kari Nes Medlem SP Ola Berg Medlem AP",
            "2 Per Lid Medlem H Anne Vik Medlem V Varamedlemer: Jon Dal",
        ]);
        assert_eq!(
            label_role(&pages, 1, 0, 2).as_deref(),
            Some("Faste medlemer")
        );
        let anne = pages[1].text.find("Anne Vik").unwrap();
        assert_eq!(
            label_role(&pages, 1, 0, anne).as_deref(),
            Some("Faste medlemer")
        );
        let jon = pages[1].text.find("Jon Dal").unwrap();
        let vik = anne + "Anne Vik".len();
        assert_eq!(
            label_role(&pages, 1, vik, jon).as_deref(),
            Some("Varamedlemer")
        );
        // A page that opens with running text, or follows a page that ended in a
        // sentence, is no table carried on.
        let prose = passages(&[
            "1 Faste medlemer: Kari Nes Medlem SP",
            "2 Saka vart drøfta. Per Lid la fram saka.",
        ]);
        let per = prose[1].text.find("Per Lid").unwrap();
        assert_eq!(label_role(&prose, 1, 0, per), None);
        let ended = passages(&[
            "1 Faste medlemer: Kari Nes Medlem SP. Møtet vart opna.",
            "2 Per Lid Medlem H",
        ]);
        assert_eq!(label_role(&ended, 1, 0, 2), None);
    }

    #[test]
    fn who_came_from_another_body_is_labelled_by_it() {
        assert_eq!(
            label_before_colon("Møtetid: 10:00 Til stede fra administrasjonen"),
            Some("Til stede fra administrasjonen")
        );
        assert_eq!(
            label_before_colon("Av 9 medlemer var 8 til stades i sak 4 Følgjande møtte frå skulen"),
            Some("Følgjande møtte frå skulen")
        );
        assert_eq!(
            label_before_colon("Tilstades frå kommunen"),
            Some("Tilstades frå kommunen")
        );
        // Attendance alone, or from a named place, is still no role.
        assert_eq!(label_before_colon("Til stades"), None);
        assert_eq!(label_before_colon("Desse møtte"), None);
        assert_eq!(attendance_from_label("Til stades frå Vik"), None);
        assert_eq!(attendance_from_label("kom til stades frå styret"), None);
        let p = passages(&["Frå skulen møtte: konst. rektor Kari Nes, lærar Ola Berg"]);
        let at = p[0].text.find("Ola").unwrap();
        assert_eq!(
            label_role(&p, 0, 0, at).as_deref(),
            Some("Frå skulen møtte")
        );
    }

    #[test]
    fn a_number_inside_a_label_does_not_start_it() {
        assert_eq!(label_before_colon("Varamedlemer, valde for 3 år "), None);
        assert_eq!(label_before_colon("Styret, valt for 2 år"), None);
        assert_eq!(
            label_before_colon("Møtte: 14 Faste medlemer"),
            Some("Faste medlemer")
        );
        assert_eq!(label_before_colon("4 Varamedlemmer"), Some("Varamedlemmer"));
        assert_eq!(label_before_colon("Referatsak 12"), None);
        let p = passages(&["Kasserar, vald for 2 år :", "Kari Nes"]);
        assert_ne!(label_role(&p, 1, 0, 0).as_deref(), Some("år"));
    }

    #[test]
    fn attendance_and_photo_labels_and_sentences_are_not_roles() {
        let p = passages(&["Til stades: Kari Nes, Ola Berg"]);
        assert_eq!(label_role(&p, 0, 0, 20), None);
        let p = passages(&["Foto: Kari Nes"]);
        assert_eq!(label_role(&p, 0, 0, 6), None);
        let p = passages(&["LES OGSÅ: Kari Nes"]);
        assert_eq!(label_role(&p, 0, 0, 10), None);
        let p = passages(&["Det nye utvalet er sett saman slik: Kari Nes (leiar), Ola Berg"]);
        assert_eq!(label_role(&p, 0, 0, 50), None);
        let p = passages(&["Styret: Leiar er Kari Nes. Ho takka for seg. Ola Berg tok over."]);
        assert_eq!(label_role(&p, 0, 0, 45), None);
    }
}
