//! Roles: the titles and offices written before, after or about a name, and the
//! words that make them ("kommunedirektør", "dagleg leiar", "leiaren i laget").

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::Mention;
use super::names::split_words;
use crate::extract::prefilter::first_captures;
use crate::report::Person;

/// Endings of words that name a role ("kommunedirektør", "seksjonsleiar").
const ROLE_ENDINGS: &[&str] = &[
    "leiar",
    "leder",
    "direktør",
    "dir.",
    "sjef",
    "rådgjevar",
    "rådgiver",
    "konsulent",
    "lege",
    "ordførar",
    "ordfører",
    "rådmann",
    "sekretær",
    "medlem",
    "redaktør",
    "spesialist",
    "debattant",
    "professor",
    "forskar",
    "forsker",
    "sjukepleiar",
    "sykepleier",
    "sjukepleier",
    "koordinator",
    "representant",
    "fylkesmann",
    "statsforvaltar",
    "statsforvalter",
    "minister",
    "statsråd",
    "ombod",
    "ombud",
    "kontakt",
    "ansvarleg",
    "ansvarlig",
    "tillitsvald",
    "tillitsvalgt",
    "psykolog",
    "jurist",
    "økonom",
    "advokat",
    "journalist",
    "referent",
    "terapeut",
    "moderator",
    "ordstyrar",
    "ordstyrer",
    "vald",
    "valgt",
    "fylkeslege",
    "rektor",
    "prest",
    "politikar",
    "politiker",
    "stipendiat",
    "student",
    "assistent",
    "inspektør",
    "planleggar",
    "planlegger",
    "ingeniør",
    "arkitekt",
    "tenkar",
    "forfattar",
    "forfatter",
    "kommunikasjonssjef",
    "dekan",
    "kapellan",
    "formann",
    "generalsekretær",
    "styreleiar",
    "styreleder",
    "revisor",
    "controller",
    "kvalitetsrådgjevar",
    "pedagog",
    "jordmor",
    "helsesjukepleiar",
    "helsesykepleier",
    "fysioterapeut",
    "ergoterapeut",
    "vernepleiar",
    "vernepleier",
    "legevaktsjef",
    "overlege",
    "kommunalsjef",
    "tilsett",
    "ansatt",
    "seniorrådgjevar",
    "medarbeidar",
    "medarbeider",
    "styrar",
    "styrer",
    "lærar",
    "lærer",
    "handsamar",
    "behandlar",
    "behandler",
    "byråd",
    "bibliotekar",
    "konservator",
    "kontrollør",
    "kasserar",
    "kasserer",
    "skrivar",
    "kontaktperson",
    "solist",
    "dirigent",
    "organist",
    "kantor",
    "biskop",
    "diakon",
    "instruktør",
    "fotograf",
    "konferansier",
    "konfransier",
    "prost",
    "gitarist",
    "pianist",
    "fiolinist",
    "spelemann",
    "spillemann",
    "jubilant",
];

/// Words that can open a role before its head word ("tidlegare ekspedisjonssjef").
const ROLE_MODIFIERS: &[&str] = &[
    "tidlegare",
    "tidligere",
    "assisterande",
    "assisterende",
    "ass.",
    "konstituert",
    "kst.",
    "fungerande",
    "fungerende",
    "administrerande",
    "administrerende",
    "adm.",
    "dagleg",
    "daglig",
    "nyvald",
    "nyvalgt",
    "avtroppande",
    "avtroppende",
    "påtroppande",
    "påtroppende",
    "fagleg",
    "faglig",
    "viseadministrerande",
    "viseadministrerende",
    "visedirektør",
    "vise",
    "fast",
    "tilsettvald",
    "ansattvalgt",
    "ekstern",
    "regional",
];

/// Where a role phrase cannot reach across.
const ROLE_BOUNDARIES: &[char] = &[
    '.', '!', '?', ';', '(', ')', '«', '»', '"', '\n', '–', '—', '/',
];

pub(crate) fn is_role_word(word: &str) -> bool {
    let word = lowercase(word.trim_matches(|c: char| matches!(c, ',' | ':' | ';')));
    if word.chars().count() < 3 {
        return false;
    }
    // Plurals ("moderatorar", "leiarar") describe groups, not one person's role.
    let singular = !(word.ends_with("arar") || word.ends_with("erne") || word.ends_with("ane"));
    // The definite form names one person as well: "leiaren i laget",
    // "Helseministeren", "spelemannen".
    let definite = word
        .strip_suffix("en")
        .is_some_and(|stem| stem.chars().count() >= 4 && has_role_ending(stem));
    // "Ragnvald", "Torvald" end like "vald" (elected) but are given names.
    let given_name = (word.ends_with("vald") || word.ends_with("valdt"))
        && super::names::is_given_name(&capitalised(&word));
    singular && (has_role_ending(&word) || definite) && !given_name
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The singular of a plural role word heading a list ("ordførarane" → "ordførar",
/// "rektorane" → "rektor", Bokmål "lederne" → "leder").
pub(super) fn singular_of_plural_role(word: &str) -> Option<String> {
    let word = lowercase(word.trim_matches(|c: char| matches!(c, ',' | ':' | ';')));
    ["ane", "ne", "ene"]
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .find(|stem| stem.chars().count() >= 4 && has_role_ending(stem))
        .map(str::to_string)
}

/// Whether a lowercase word ends in one of `ROLE_ENDINGS`. Asked of most words near
/// a name: the endings are looked up by their last two bytes, not tried one by one.
pub(super) fn has_role_ending(word: &str) -> bool {
    static BY_LAST_BYTES: LazyLock<FxHashMap<[u8; 2], Vec<&'static str>>> = LazyLock::new(|| {
        let mut endings: FxHashMap<[u8; 2], Vec<&'static str>> = FxHashMap::default();
        for ending in ROLE_ENDINGS {
            endings
                .entry(last_two_bytes(ending))
                .or_default()
                .push(ending);
        }
        endings
    });
    word.len() >= 2
        && BY_LAST_BYTES
            .get(&last_two_bytes(word))
            .is_some_and(|endings| endings.iter().any(|e| word.ends_with(e)))
}

fn last_two_bytes(word: &str) -> [u8; 2] {
    let bytes = word.as_bytes();
    [bytes[bytes.len() - 2], bytes[bytes.len() - 1]]
}

/// `word` in lower case, borrowed when it already is, as most words in running text
/// are.
fn lowercase(word: &str) -> Cow<'_, str> {
    let unchanged = word.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        }
    });
    if unchanged {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

pub(super) fn is_role_modifier(word: &str) -> bool {
    ROLE_MODIFIERS.contains(&lowercase(word).trim_matches(',')) || word.eq_ignore_ascii_case("ass.")
}

fn opens_role(word: &str) -> bool {
    is_role_word(word) || is_role_modifier(word)
}

/// Abbreviations whose dot does not end a sentence ("adm. dir.", "ass. fylkeslege").
pub(super) const ABBREVIATIONS: &[&str] = &[
    "adm", "dir", "ass", "kst", "konst", "jf", "bl.a", "avd", "fung", "stk", "t.d", "m.a", "nr",
];

/// Where the clause ending `segment` starts: after the last boundary that is not the
/// dot of an abbreviation.
fn clause_start(segment: &str) -> usize {
    let mut end = segment.len();
    while let Some(i) = segment[..end].rfind(ROLE_BOUNDARIES) {
        let is_abbreviation = segment[i..].starts_with('.') && {
            let word_start = segment[..i].rfind(char::is_whitespace).map_or(0, |w| w + 1);
            ABBREVIATIONS.contains(&segment[word_start..i].to_lowercase().as_str())
        };
        if !is_abbreviation {
            return i + segment[i..].chars().next().map_or(1, char::len_utf8);
        }
        end = i;
    }
    0
}

/// The role phrase that ends right before a name.
pub(super) fn role_before(segment: &str) -> Vec<String> {
    // Only the clause next to the name counts.
    let clause_start = clause_start(segment);
    let mut clause = segment[clause_start..].trim_end();
    // "Møteleiar var Halvard Strand": the role stands before a copula.
    for copula in [" var", " er", " vart", " blei", " ble", " blir", " vert"] {
        if let Some(head) = clause.strip_suffix(copula) {
            clause = head.trim_end();
            break;
        }
    }
    let labelled = clause.ends_with(':');
    clause = clause.trim_end_matches([',', ':']).trim_end();
    if clause.is_empty() {
        return Vec::new();
    }
    // A label ("Leiar:") may follow a bullet or a number.
    let clause = clause.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == '.' || c.is_whitespace() || c == '•' || c == '-'
    });
    let words = split_words(clause);
    let Some(open) = words.iter().position(|(_, w)| opens_role(w)) else {
        return Vec::new();
    };
    // Too long to be a title: more likely a sentence that mentions a role word.
    if words.len() - open > 16
        || (labelled && open > 0 && !is_role_modifier(words[open - 1].1)) && open > 2
    {
        return Vec::new();
    }
    split_roles(&clause[words[open].0..])
}

/// The role phrase after ", " following a name, up to the end of the clause.
pub(super) fn role_after(segment: &str, name_follows: bool) -> Vec<String> {
    let Some(rest) = segment.strip_prefix(',') else {
        return Vec::new();
    };
    let end = role_after_end(rest);
    let mut phrase = rest[..end].trim();
    // The roles of a chain belong to the name after them ("leiar, A, nestleiar, B").
    let only_separators = rest[end..].trim_matches([',', ' ']).is_empty();
    if name_follows && only_separators {
        // "A, rolle og B": the role before "og" is A's; a bare "rolle, B" is B's.
        let trimmed = phrase.trim_end_matches([',', ' ']);
        match trimmed.strip_suffix(" og") {
            Some(before) if !before.trim().is_empty() => phrase = before,
            _ => return Vec::new(),
        }
    }
    let words = split_words(phrase);
    if words.is_empty() || !words.iter().take(3).any(|(_, w)| opens_role(w)) {
        return Vec::new();
    }
    // A verb right after the name is what the person did, not a role.
    if words.len() > 14 {
        return Vec::new();
    }
    split_roles(phrase)
}

/// Where a role after a name ends: at the end of the sentence or clause, but not at
/// the dot of an abbreviation or the brackets of one ("legevakta (ÅIL), Ålesund"), and
/// at a comma followed by what the person did ("…, viste til at …").
fn role_after_end(rest: &str) -> usize {
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i..].chars().next().unwrap_or(' ');
        match c {
            '(' => {
                let inner_end = rest[i..].find(')').map(|e| i + e);
                let is_abbreviation = inner_end.is_some_and(|e| {
                    let inner = &rest[i + 1..e];
                    (2..=8).contains(&inner.chars().count())
                        && inner.chars().all(|c| c.is_uppercase() || c == ' ')
                });
                match inner_end {
                    Some(e) if is_abbreviation => i = e,
                    _ => return i,
                }
            }
            '.' => {
                let word_start = rest[..i].rfind(char::is_whitespace).map_or(0, |w| w + 1);
                let word = &rest[word_start..i];
                // "adm.dir.": a dot inside a word, or after one already dotted, is
                // the abbreviation's.
                let inside = rest[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
                let dotted = word.contains('.');
                if !(inside || dotted || ABBREVIATIONS.contains(&word.to_lowercase().as_str())) {
                    return i;
                }
            }
            ';' | '\n' | ')' | '!' | '?' => return i,
            ',' => {
                let next = rest[i + 1..].split_whitespace().next().unwrap_or_default();
                let continues =
                    opens_role(next) || next.chars().next().is_some_and(char::is_uppercase);
                if !continues {
                    return i;
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    rest.len()
}

/// "Name (role)".
pub(super) fn role_in_brackets(segment: &str) -> Vec<String> {
    let Some(rest) = segment.trim_start().strip_prefix('(') else {
        return Vec::new();
    };
    let Some(end) = rest.find(')') else {
        return Vec::new();
    };
    let inner = rest[..end].trim();
    if inner.is_empty()
        || inner.split_whitespace().count() > 10
        || inner.chars().any(|c| c.is_ascii_digit())
    {
        return Vec::new();
    }
    split_roles(inner)
}

/// "… og var programleiar for dagen" right after the person.
pub(super) fn role_as_predicate(segment: &str) -> Vec<String> {
    static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s,])(?:og\s+)?(?:var|er|vart|blei|ble|blir|vert)\s+(?:også\s+|òg\s+)?([^.,;!?\n]+)")
            .expect("valid regex")
    });
    // "vart torsdag valt til ny ordførar", "vart attvald som leiar": the office
    // someone was elected to.
    static ELECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*\([^()]{1,20}\))?,?\s+(?:vart|blei|ble|er|blir|vert)\s+(?:[\p{L}]+\s+){0,3}?(?:samrøystes\s+|einstemmig\s+|enstemmig\s+)?(?:valt|vald|attvald|attvalt|gjenvald|gjenvalt|gjenvalgt|valgt|konstituert)\s+(?:til|som)\s+(?:ny\s+)?([\p{L}\-]+)")
            .expect("valid regex")
    });
    // "… leia sitt første møte som ordførar", "debuterte som varaordførar": the
    // office the person acts in, a few words after the name.
    static ACTING_AS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*\([^()]{1,20}\))?(?:,\s+som)?(?:\s+[\p{L}\-]+){0,5}?\s+som\s+((?:ny\s+|nyvald\s+|nyvalt\s+)?[\p{L}\-]+)")
            .expect("valid regex")
    });
    let sentence_end = segment.find(['.', '!', '?', '\n']).unwrap_or(segment.len());
    if let Some(caps) = first_captures(&ELECTED, &segment[..sentence_end])
        && has_role_ending(&lowercase(&caps[1]))
    {
        return vec![lowercase_role(&caps[1])];
    }
    if let Some(caps) = first_captures(&PREDICATE, &segment[..sentence_end]) {
        let phrase = caps[1].trim();
        let first = phrase.split_whitespace().next().unwrap_or_default();
        if is_role_word(first) && phrase.split_whitespace().count() <= 8 {
            return vec![lowercase_role(phrase)];
        }
    }
    // ", som i tillegg fungerte som konfransier": the relative clause is the person's.
    let clause_from = if segment.starts_with(", som ") { 2 } else { 0 };
    let clause_end = segment[clause_from..]
        .find([',', ';', '!', '?', '\n'])
        .map_or(segment.len(), |end| clause_from + end);
    match first_captures(&ACTING_AS, &segment[..clause_end]) {
        Some(caps)
            if caps[1]
                .split_whitespace()
                .last()
                .is_some_and(|w| has_role_ending(&lowercase(w)) || w == "vara") =>
        {
            vec![lowercase_role(&caps[1])]
        }
        _ => Vec::new(),
    }
}

/// Splits "A og B" into two roles when both halves are roles in their own right.
fn split_roles(phrase: &str) -> Vec<String> {
    let phrase = phrase.trim().trim_end_matches([',', ':', ' ']);
    let mut roles = Vec::new();
    let mut rest = phrase;
    while let Some((at, len)) = find_role_split(rest) {
        roles.push(lowercase_role(rest[..at].trim()));
        rest = rest[at + len..].trim();
    }
    if !rest.is_empty() {
        roles.push(lowercase_role(rest));
    }
    roles
}

/// Where " og " or ", " separates two roles: the left side has a role word and the
/// right side opens one. Gives the position and the separator's length.
fn find_role_split(phrase: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for separator in [" og ", ", "] {
        let mut from = 0;
        while let Some(i) = phrase[from..].find(separator) {
            let at = from + i;
            let left_has_role = split_words(&phrase[..at])
                .iter()
                .any(|(_, w)| is_role_word(w));
            let right_opens = phrase[at + separator.len()..]
                .split_whitespace()
                .next()
                .is_some_and(opens_role);
            if left_has_role && right_opens {
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, separator.len()));
                }
                break;
            }
            from = at + separator.len();
        }
    }
    best
}

/// Roles are written in lower case unless they are names or abbreviations ("Sp").
pub(super) fn lowercase_role(role: &str) -> String {
    let role = role.trim().trim_end_matches([',', '.', ':', ' ']);
    let first = role.split_whitespace().next().unwrap_or_default();
    if opens_role(first) {
        let mut chars = role.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        role.to_string()
    }
}

/// "Leiar og nestleiar i X Line Lingen og Anders Høe": two roles for two names.
pub(super) fn shared_roles(text: &str, mentions: &[Mention], i: usize) -> Option<(String, String)> {
    let first = &mentions[i];
    let second = mentions.get(i + 1)?;
    if second.passage != first.passage || !first.full || !second.full {
        return None;
    }
    if text[first.end..second.start].trim() != "og" {
        return None;
    }
    let previous_end = mentions[..i]
        .iter()
        .rev()
        .find(|m| m.passage == first.passage)
        .map_or(0, |m| m.end);
    let roles = role_before(&text[previous_end..first.start]);
    let [a, b] = roles.as_slice() else {
        return None;
    };
    // The complement after the second role ("i fagleg utval …") belongs to both.
    let a_head = a.split_whitespace().count() == 1;
    let complement = b.split_once(' ').map(|(_, c)| c.to_string());
    let a = match (a_head, complement) {
        (true, Some(c)) => format!("{a} {c}"),
        _ => a.clone(),
    };
    Some((a, b.clone()))
}

pub(super) fn add_roles(person: &mut Person, roles: Vec<String>) {
    for role in roles {
        if !role.is_empty() && !person.roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
            person.roles.push(role);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_are_known_by_their_ending_in_any_case() {
        for word in [
            "Kommunedirektør,",
            "LEIAR:",
            "seksjonsleiar",
            "Fagdir.",
            "ordførar;",
        ] {
            assert!(is_role_word(word), "{word}");
        }
        for word in [
            "leiarar", "Leiarane", "møte", "le", "Ølen", "Ragnvald", "Torvald",
        ] {
            assert!(!is_role_word(word), "{word}");
        }
        assert!(is_role_modifier("Tidlegare"));
        assert!(is_role_modifier("konstituert,"));
        assert!(!is_role_modifier("Kari"));
        assert_eq!(lowercase("leiar"), Cow::Borrowed("leiar"));
        assert_eq!(lowercase("ØRSTA"), "ørsta");
        assert_eq!(lowercase("ǅemal"), "ǆemal");
    }

    #[test]
    fn the_office_someone_acts_in() {
        assert_eq!(
            role_as_predicate(" (Ap) leia sitt fyrste kommunestyremøte som ordførar, medan"),
            ["ordførar"]
        );
        assert_eq!(
            role_as_predicate(" debuterte som varaordførar."),
            ["varaordførar"]
        );
        assert_eq!(
            role_as_predicate(" og var programleiar for dagen."),
            ["programleiar for dagen"]
        );
        assert!(role_as_predicate(" meiner at dette er viktig som plan.").is_empty());
        assert!(role_as_predicate(" takka alle som kom.").is_empty());
    }

    #[test]
    fn definite_and_plural_role_words() {
        assert!(is_role_word("leiaren"));
        assert!(is_role_word("Helseministeren"));
        assert!(!is_role_word("ordførarane"));
        assert_eq!(
            singular_of_plural_role("ordførarane").as_deref(),
            Some("ordførar")
        );
        assert_eq!(
            singular_of_plural_role("Rektorane").as_deref(),
            Some("rektor")
        );
        assert_eq!(
            singular_of_plural_role("lederne,").as_deref(),
            Some("leder")
        );
        assert_eq!(singular_of_plural_role("kommunane"), None);
    }
}
