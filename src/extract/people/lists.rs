//! Lists where each name comes first and its roles after it: the board an annual
//! meeting elected ("Gerd Misfjord leiar, Marit Sæbø nestleiar og …"), the result
//! of an election ("Val: Hilde Nystøyl, kontaktperson, Marte Storegjerde, skrivar"),
//! and the rows of an attendance table flattened by a PDF ("Namn Funksjon
//! Representerer Tove-Lise Torve Leiar AP Per Vidar Kjølmoen Nestleiar AP").
//!
//! Read with the rules for running text, the role after one name would be taken as
//! the role before the next. A list is read the other way round only when it shows
//! that it is one: a table header, or a first name with no role before it and a last
//! name with a role after it.

use std::sync::LazyLock;

use regex::Regex;

use super::affiliations::is_party;
use super::roles::{is_role_modifier, is_role_word, lowercase_role, role_before};

/// The header of a table whose rows start with the name: "Namn Funksjon
/// Representerer", "Møtedeltakarar Parti Rolle".
static TABLE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Namn|Navn|Møtedeltakarar|Møtedeltakere|Deltakarar|Deltakere|Parti|Funksjon|Rolle)\s+(?:Funksjon|Rolle|Parti|Representerer|Stilling|Verv)\b")
        .expect("valid regex")
});

/// A postcode and place after the name in a membership table.
static ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,?\s*\d{4}\s+\p{Lu}[\p{L}\-]*").expect("valid regex"));

/// Words that end the cells of a row: what the person's attendance was.
const STATUS_WORDS: &[&str] = &[
    "forfall",
    "perm",
    "permisjon",
    "kl",
    "frå",
    "fra",
    "møtte",
    "møtt",
    "ikkje",
    "ikke",
    "gjekk",
    "gikk",
    "ugild",
    "inhabil",
];

/// The roles written after each name of a passage, for the names that stand in a
/// list read name first; `None` for the others, whose roles the rules for running
/// text find. `names` are the byte ranges of the full names, in order.
pub(super) fn roles_after_names(text: &str, names: &[(usize, usize)]) -> Vec<Option<Vec<String>>> {
    let mut roles = vec![None; names.len()];
    // A table runs from its header to the next label ("Andre møtande:").
    let mut tables: Vec<(usize, usize)> = TABLE_HEADER
        .find_iter(text)
        .map(|m| {
            (
                m.end(),
                text[m.end()..]
                    .find(':')
                    .map_or(text.len(), |c| m.end() + c),
            )
        })
        .collect();
    if let Some(rows) = rows_without_header(text, names) {
        tables.push(rows);
    }
    if let Some(columns) = leading_columns(text, names) {
        return columns.into_iter().map(|c| c.map(|c| vec![c])).collect();
    }
    party_columns(text, names, &mut roles);
    let mut i = 0;
    while i < names.len() {
        if roles[i].is_some() {
            i += 1;
            continue;
        }
        let after = gap_after(text, names, i);
        if tables
            .iter()
            .any(|&(start, end)| (start..end).contains(&names[i].0))
        {
            roles[i] = Some(table_row(after));
            i += 1;
            continue;
        }
        // The run of names whose gaps hold nothing but roles and separators.
        let mut cells = Vec::new();
        let mut j = i;
        while j + 1 < names.len() && roles[j + 1].is_none() {
            match gap_cells(gap_after(text, names, j)) {
                Some(c) => cells.push(c),
                None => break,
            }
            j += 1;
        }
        if j > i {
            let before = &text[if i == 0 { 0 } else { names[i - 1].1 }..names[i].0];
            let last = trailing_cells(gap_after(text, names, j));
            let no_role_before = role_before(before).is_empty();
            let attached = cells.iter().any(|c| c.attached);
            if no_role_before && (last.is_some() || attached) {
                cells.push(last.unwrap_or_default());
                // "A og B, styremedlemmer": a name with no role of its own before
                // "og" shares the next one's.
                for k in (0..cells.len()).rev() {
                    if cells[k].roles.is_empty() && cells[k].ends_with_og && k + 1 < cells.len() {
                        cells[k].roles = cells[k + 1].roles.clone();
                    }
                }
                for (k, c) in cells.into_iter().enumerate() {
                    roles[i + k] = Some(c.roles);
                }
            }
        }
        i = j + 1;
    }
    roles
}

/// "Kari Nes Medlem AP Ola Berg Nestleiar KRF …": the rows of an attendance table
/// whose header was lost, each name followed by its post and party and nothing
/// else. With at least three such rows in a passage, every name from the first of
/// them to the last is read as a row, also one whose own row a name the rules
/// could not read in full broke ("Ann-Kari (Tine) Lid Medlem H"). The byte range
/// the rows span.
fn rows_without_header(text: &str, names: &[(usize, usize)]) -> Option<(usize, usize)> {
    let post = |w: &str| is_cell_role(w) && w.chars().next().is_some_and(char::is_uppercase);
    let party = |w: &str| is_party(w) || is_abbreviation(w);
    let is_row = |i: usize| {
        let words: Vec<&str> = gap_after(text, names, i).split_whitespace().collect();
        match words[..] {
            [first, second] => (post(first) && party(second)) || (party(first) && post(second)),
            _ => false,
        }
    };
    let rows: Vec<usize> = (0..names.len()).filter(|&i| is_row(i)).collect();
    let [first, .., last] = rows[..] else {
        return None;
    };
    // The last row may run on into what follows the table ("… Medlem V 2
    // Varamedlemer som møtte:"); its cells start as the others' do.
    let runs_on = last + 1 < names.len()
        && gap_after(text, names, last + 1)
            .split_whitespace()
            .next()
            .is_some_and(|w| post(w) || party(w));
    let last = if runs_on { last + 1 } else { last };
    (rows.len() >= 3).then(|| (names[first].0, names[last].0 + 1))
}

/// "Delegater: 2 Aure Malin Ormset 3 Averøy Tonje Flataukan": rows numbered in a
/// table whose column before the name says whom each one represents. Read only
/// when at least three rows of the passage have that shape.
fn leading_columns(text: &str, names: &[(usize, usize)]) -> Option<Vec<Option<String>>> {
    static ROW_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)\d{1,3}\s+(\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?)\s*$")
            .expect("valid regex")
    });
    let columns: Vec<Option<String>> = (0..names.len())
        .map(|i| {
            let before = &text[if i == 0 { 0 } else { names[i - 1].1 }..names[i].0];
            ROW_START
                .captures(before)
                .and_then(|caps| caps.get(1))
                .map(|c| c.as_str().to_string())
        })
        .collect();
    (columns.iter().filter(|c| c.is_some()).count() >= 3).then_some(columns)
}

/// Column headers over the parties of a column of names.
const PARTY_HEADERS: &[&str] = &["Parti", "Parti:", "Frå", "Fra", "Frå:", "Fra:"];

/// "Kari Nes Ola Berg Per Lid Parti SP AP H": a PDF's text layer gives a table
/// column by column, the names first and their parties after a header. The parties
/// are the names' in order when there are as many as names.
fn party_columns(text: &str, names: &[(usize, usize)], roles: &mut [Option<Vec<String>>]) {
    let mut first = 0;
    while first < names.len() {
        // The run of names with nothing but spaces between them.
        let mut last = first;
        while last + 1 < names.len() && gap_after(text, names, last).trim().is_empty() {
            last += 1;
        }
        let count = last - first + 1;
        let mut words = gap_after(text, names, last).split_whitespace();
        let headed = words.next().is_some_and(|w| PARTY_HEADERS.contains(&w));
        let parties: Vec<&str> = words.take(count).collect();
        if count >= 2
            && headed
            && parties.len() == count
            && parties.iter().all(|w| is_party(w) || is_abbreviation(w))
        {
            for (k, party) in parties.into_iter().enumerate() {
                roles[first + k] = Some(vec![party.to_string()]);
            }
        }
        first = last + 1;
    }
}

fn gap_after<'t>(text: &'t str, names: &[(usize, usize)], i: usize) -> &'t str {
    let end = names.get(i + 1).map_or(text.len(), |n| n.0);
    &text[names[i].1..end]
}

/// What stands between one name of a list and the next.
#[derive(Debug, Default, Clone, PartialEq)]
struct Cells {
    roles: Vec<String>,
    /// "A og B": the gap ends with "og".
    ends_with_og: bool,
    /// "Gerd Misfjord leiar": the role follows the name with no comma between.
    attached: bool,
}

/// Whether a word can stand in a role cell: a role, a modifier of one, an ordinal
/// ("2. vara") or the words lists use for deputies and members.
fn is_cell_role(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    let lower = bare.to_lowercase();
    is_role_word(bare)
        || is_role_modifier(word)
        || is_plural_role(&lower)
        || matches!(
            lower.as_str(),
            "vara" | "varafolk" | "medl" | "varamedl" | "varamedlem" | "styremedlem"
        )
        || (bare.len() == 1 && bare.chars().all(|c| c.is_ascii_digit()) && word.ends_with('.'))
}

/// "styremedlemmer", "varamedlemar", "medlemer", "revisorar": the plural of a role
/// word, as lists of several people write it.
fn is_plural_role(lower: &str) -> bool {
    ["mer", "mar", "er", "ar", "ar", "ane", "ene"]
        .iter()
        .filter_map(|ending| lower.strip_suffix(ending))
        .any(|stem| stem.chars().count() >= 4 && is_role_word(stem))
}

/// Reads the roles between two names of a list; `None` when anything else stands
/// there.
fn gap_cells(gap: &str) -> Option<Cells> {
    let mut cells = Cells::default();
    let trimmed = gap.trim_start();
    let comma_first = trimmed.starts_with(',');
    let mut phrase: Vec<&str> = Vec::new();
    let words: Vec<&str> = trimmed.trim_start_matches(',').split_whitespace().collect();
    for (n, word) in words.iter().enumerate() {
        if *word == "og" {
            finish(&mut phrase, &mut cells.roles);
            cells.ends_with_og = n + 1 == words.len();
            continue;
        }
        let comma = word.ends_with(',');
        let bare = word.trim_end_matches(',');
        if bare.is_empty() {
            finish(&mut phrase, &mut cells.roles);
            continue;
        }
        if is_party(bare) {
            // "Medlem SP": the party is a cell of its own.
            finish(&mut phrase, &mut cells.roles);
            cells.roles.push(bare.to_string());
        } else if is_cell_role(bare) {
            if phrase.is_empty() && n == 0 && !comma_first {
                cells.attached = true;
            }
            phrase.push(bare);
        } else if !phrase.is_empty()
            && phrase.len() < 5
            && (is_preposition(bare) || phrase.iter().any(|w| is_preposition(w)))
            && (is_complement(bare) || bare.chars().next().is_some_and(char::is_uppercase))
        {
            // "leiar i Sogn sogelag"; a bare word after the role ("leiar arbeidet")
            // is a verb and its object.
            phrase.push(bare);
        } else if !phrase.is_empty() && phrase.len() < 3 && is_abbreviation(bare) {
            phrase.push(bare);
        } else {
            return None;
        }
        if comma {
            finish(&mut phrase, &mut cells.roles);
        }
    }
    finish(&mut phrase, &mut cells.roles);
    Some(cells)
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "i" | "for" | "av" | "til" | "på" | "ved" | "frå" | "fra" | "hjå" | "hos"
    )
}

fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && word.chars().all(char::is_uppercase)
}

/// A word that may continue a role phrase in a list: lower case ("leiar i styret"),
/// or an abbreviation ("Nestleder BKL").
fn is_complement(word: &str) -> bool {
    let lower = word.chars().next().is_some_and(char::is_lowercase);
    (lower && !word.ends_with('.')) || is_abbreviation(word)
}

fn finish(phrase: &mut Vec<&str>, roles: &mut Vec<String>) {
    if !phrase.is_empty() {
        roles.push(lowercase_role(&phrase.join(" ")));
        phrase.clear();
    }
}

/// The roles right after the last name of a list, when they end where the list does:
/// "… og Anny Elise Misund styremedlem.", "…, Dorthe Nordahl, varamedlemmer".
fn trailing_cells(gap: &str) -> Option<Cells> {
    let sentence = gap
        .find(['.', ';', '\n', '(', ':'])
        .map_or(gap, |end| &gap[..end]);
    // The longest run of cells that the sentence, or the next row of a table (a
    // number, a capitalised word), ends.
    let starts: Vec<usize> = sentence
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && sentence[..i].chars().last().is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .take(8)
        .collect();
    for k in (1..=starts.len()).rev() {
        let end = starts.get(k).copied().unwrap_or(sentence.len());
        let prefix = &sentence[..end];
        let next = sentence[end..].chars().next();
        let bounded = next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
            || prefix.trim_end().ends_with(',');
        if !bounded {
            continue;
        }
        if let Some(cells) = gap_cells(prefix)
            && !cells.roles.is_empty()
            && !cells.ends_with_og
        {
            return Some(cells);
        }
    }
    None
}

/// The cells of one row of a table, after its name: a role or post and a party,
/// up to the first word that is neither ("forfall", a date, the next label).
fn table_row(gap: &str) -> Vec<String> {
    let mut roles = Vec::new();
    let mut phrase: Vec<&str> = Vec::new();
    // "Kari Nes, 6640 Kvanne Styremedlem": an address column before the post.
    let gap = ADDRESS.find(gap).map_or(gap, |m| &gap[m.end()..]);
    for (n, word) in gap.split_whitespace().enumerate() {
        let bare = word.trim_end_matches([',', ';']);
        let lower = bare.to_lowercase();
        let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = letters >= 2 && bare.chars().all(|c| c.is_uppercase() || c == '/');
        if STATUS_WORDS.contains(&lower.trim_end_matches('.'))
            || (bare.chars().next().is_none_or(|c| !c.is_alphabetic()) && !is_cell_role(bare))
            || bare.ends_with(':')
        {
            break;
        }
        if is_party(bare) || (capitals && letters <= 6) {
            finish(&mut phrase, &mut roles);
            roles.push(bare.to_string());
        } else if is_cell_role(bare)
            || (n == 0 && bare.chars().next().is_some_and(char::is_lowercase))
        {
            // "1. vara", "dagleg leiar": an ordinal or a modifier opens the role.
            let opened = phrase
                .last()
                .is_some_and(|w| (w.ends_with('.') && w.len() <= 3) || is_role_modifier(w));
            if !opened {
                finish(&mut phrase, &mut roles);
            }
            phrase.push(bare);
        } else if !phrase.is_empty() && phrase.len() < 4 && is_complement(bare) {
            phrase.push(bare);
        } else {
            break;
        }
    }
    finish(&mut phrase, &mut roles);
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::names::full_names;

    fn read(text: &str) -> Vec<(String, Option<Vec<String>>)> {
        let names = full_names(text);
        let roles = roles_after_names(text, &names);
        names
            .iter()
            .map(|&(s, e)| text[s..e].to_string())
            .zip(roles)
            .collect()
    }

    fn roles_of(read: &[(String, Option<Vec<String>>)], name: &str) -> Vec<String> {
        read.iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, r)| r.clone())
            .unwrap_or_default()
    }

    #[test]
    fn an_elected_board_with_each_role_after_its_name() {
        let found = read(
            "Styret komande år blir: Gerd Misfjord leiar, Marit Sæbø nestleiar, Ansgar Misund kasserar, Lars Fjørtoft sekretær og Anny Elise Misund styremedlem.",
        );
        assert_eq!(roles_of(&found, "Gerd Misfjord"), ["leiar"]);
        assert_eq!(roles_of(&found, "Marit Sæbø"), ["nestleiar"]);
        assert_eq!(roles_of(&found, "Lars Fjørtoft"), ["sekretær"]);
        assert_eq!(roles_of(&found, "Anny Elise Misund"), ["styremedlem"]);
    }

    #[test]
    fn an_election_with_commas_and_a_shared_plural_role() {
        let found = read(
            "Val: Hilde Brune Nystøyl, kontaktperson, Marte Storegjerde, skrivar, Gunnar Indresøvde og Rune Slettestøl, styremedlemmer, Steinar Skoge og Dorthe Nordahl, varamedlemmer",
        );
        assert_eq!(roles_of(&found, "Hilde Brune Nystøyl"), ["kontaktperson"]);
        assert_eq!(roles_of(&found, "Marte Storegjerde"), ["skrivar"]);
        assert_eq!(roles_of(&found, "Gunnar Indresøvde"), ["styremedlemmer"]);
        assert_eq!(roles_of(&found, "Rune Slettestøl"), ["styremedlemmer"]);
        assert_eq!(roles_of(&found, "Steinar Skoge"), ["varamedlemmer"]);
        assert_eq!(roles_of(&found, "Dorthe Nordahl"), ["varamedlemmer"]);
    }

    #[test]
    fn a_chain_with_the_role_first_is_left_to_the_running_text_rules() {
        let found = read(
            "Utvalet består av leiar, Astrid Hjelmeland, nestleiar, Frode Kvalsund og sekretær, Lene Sætre Hareide.",
        );
        assert!(found.iter().all(|(_, r)| r.is_none()), "{found:?}");
        // A role between two names, and nothing after the last: the role is the
        // second one's.
        let found = read("Møtet vart leia av Kari Nes, og ordførar Ola Berg opna det.");
        assert!(found.iter().all(|(_, r)| r.is_none()), "{found:?}");
        let found = read("Kari Nes og Ola Berg leiar arbeidet i år.");
        assert!(found.iter().all(|(_, r)| r.is_none()), "{found:?}");
    }

    #[test]
    fn the_rows_of_an_attendance_table() {
        let found = read(
            "Faste medlemer som møtte: Namn Funksjon Representerer Tove-Lise Torve Leiar AP Per Vidar Klee Kjølmoen Nestleiar AP Siv Katrin Ulla Medlem AP forfall 19.4 Erik Kursetgjerde Medlem NML Pål Farstad Medlem V 2 Varamedlemer",
        );
        assert_eq!(roles_of(&found, "Tove-Lise Torve"), ["leiar", "AP"]);
        assert_eq!(
            roles_of(&found, "Per Vidar Klee Kjølmoen"),
            ["nestleiar", "AP"]
        );
        assert_eq!(roles_of(&found, "Siv Katrin Ulla"), ["medlem", "AP"]);
        assert_eq!(roles_of(&found, "Erik Kursetgjerde"), ["medlem", "NML"]);
        assert_eq!(roles_of(&found, "Pål Farstad"), ["medlem", "V"]);
        let found = read(
            "Møtedeltakarar Parti Rolle Jon Askeland SP Ordførar Ann Christin Hoen AP Varaordførar Kenneth Taule Murberg H Medlem Andre møtande: Rådmann Jarle Landås",
        );
        assert_eq!(roles_of(&found, "Jon Askeland"), ["SP", "ordførar"]);
        assert_eq!(
            roles_of(&found, "Ann Christin Hoen"),
            ["AP", "varaordførar"]
        );
        assert_eq!(roles_of(&found, "Kenneth Taule Murberg"), ["H", "medlem"]);
        let found = read(
            "Styret: Namn Verv Oppmøte Kari Nes, 6640 Kvanne Styremedlem MØTT Ola Berg, 6200 Stranda 1. vara FORFALL",
        );
        assert_eq!(roles_of(&found, "Kari Nes"), ["styremedlem"]);
        assert_eq!(roles_of(&found, "Ola Berg"), ["1. vara"]);
        // Rows without a header: a list of members read name first to its end.
        let found = read("2 Kari Nes Medlem SP Ola Berg Medlem V 2 Varamedlemer");
        assert_eq!(roles_of(&found, "Kari Nes"), ["medlem", "SP"]);
        assert_eq!(roles_of(&found, "Ola Berg"), ["medlem", "V"]);
        // A row whose name was not read in full breaks no row after it.
        let found = read(
            "Medlemer: Kari Nes Medlem SP Ola Berg Nestleiar AP Jo (Jonny) Lid Medlem KRF Per Vik Medlem H Anne Dal Leiar H Forfall: Siv Eik MEDL V",
        );
        assert_eq!(roles_of(&found, "Ola Berg"), ["nestleiar", "AP"]);
        assert_eq!(roles_of(&found, "Per Vik"), ["medlem", "H"]);
        assert_eq!(roles_of(&found, "Anne Dal"), ["leiar", "H"]);
        // The last row runs on into the next label.
        let found = read(
            "Kari Nes Medlem SP Ola Berg Medlem AP Per Vik Medlem H Anne Dal Medlem V 2 Varamedlemer som møtte: Jon Li",
        );
        assert_eq!(roles_of(&found, "Anne Dal"), ["medlem", "V"]);
        // Two rows are no table yet.
        let found = read("Kari Nes Medlem SP og Ola Berg Leiar AP kom. Per Vik Leiar H sa nei.");
        assert_eq!(roles_of(&found, "Per Vik"), Vec::<String>::new());
    }

    #[test]
    fn a_column_of_names_then_a_column_of_parties() {
        let found = read("Desse møtte: Kari Nes Ola Berg Per Lid Parti SP Ap KRF Forfall: ingen");
        assert_eq!(roles_of(&found, "Kari Nes"), ["SP"]);
        assert_eq!(roles_of(&found, "Ola Berg"), ["Ap"]);
        assert_eq!(roles_of(&found, "Per Lid"), ["KRF"]);
        let found = read("Medlemar Anne Vik Jon Dal Frå H UAL Merknad");
        assert_eq!(roles_of(&found, "Anne Vik"), ["H"]);
        assert_eq!(roles_of(&found, "Jon Dal"), ["UAL"]);
        // Fewer parties than names: the columns do not line up.
        let found = read("Kari Nes Ola Berg Per Lid Parti SP Ap vart einige.");
        assert!(found.iter().all(|(_, r)| r.is_none()), "{found:?}");
        // A sentence is no column.
        let found = read("Kari Nes og Ola Berg frå SP og AP kom.");
        assert!(found.iter().all(|(_, r)| r.is_none()), "{found:?}");
    }

    #[test]
    fn numbered_rows_with_whom_each_represents() {
        let found = read(
            "Delegater: 2 Aure Kari Nes 3 Averøy Ola Berg 4 Sande Per Lid 5 Nord-Aurdal Anne Vik",
        );
        assert_eq!(roles_of(&found, "Kari Nes"), ["Aure"]);
        assert_eq!(roles_of(&found, "Ola Berg"), ["Averøy"]);
        assert_eq!(roles_of(&found, "Anne Vik"), ["Nord-Aurdal"]);
        // Two such rows are not yet a table.
        let found = read("Sak 2 Budsjett Kari Nes og sak 3 Plan Ola Berg.");
        assert!(found.iter().all(|(_, r)| r.is_none()), "{found:?}");
    }

    #[test]
    fn cells_hold_roles_parties_and_separators_only() {
        assert_eq!(
            gap_cells(" leiar, "),
            Some(Cells {
                roles: vec!["leiar".into()],
                ends_with_og: false,
                attached: true
            })
        );
        assert_eq!(
            gap_cells(", 2. vara, ").map(|c| c.roles),
            Some(vec!["2. vara".into()])
        );
        assert_eq!(gap_cells(" og ").map(|c| c.ends_with_og), Some(true));
        assert_eq!(gap_cells(" heldt innlegg og "), None);
        assert_eq!(gap_cells(" (Sp), "), None);
        assert!(is_plural_role("styremedlemar"));
        assert!(is_plural_role("varamedlemmer"));
        assert!(!is_plural_role("kommuner"));
    }
}
