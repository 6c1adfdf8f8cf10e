//! Roles: the titles, offices, organisations and parties written next to a name.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::Mention;
use super::names::split_words;
use crate::extract::prefilter::first_captures;
use crate::report::{Passage, Person};

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
    singular && (has_role_ending(&word) || definite)
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
fn has_role_ending(word: &str) -> bool {
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
const ABBREVIATIONS: &[&str] = &[
    "adm", "dir", "ass", "kst", "jf", "bl.a", "avd", "fung", "stk", "t.d", "m.a", "nr",
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

/// " i Stad kommune." right after a name, ending the clause.
pub(super) fn employer_after(segment: &str) -> Option<String> {
    static EMPLOYER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+((?:i|ved|på|frå|fra|hjå|hos)\s+\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|kommune|fylkeskommune|sjukehus|sykehus|og|HF))*)\s*(?:[.,;!?]|$)")
            .expect("valid regex")
    });
    first_captures(&EMPLOYER, segment).map(|c| c[1].to_string())
}

/// "Svenn Egil Finden frå Statens vegvesen", "Kari Nes ved Musea i Sogn": the
/// organisation right after a name, when it names an organisation rather than a home
/// place ("forfattar frå Vik" has no such role).
pub(super) fn organisation_after(segment: &str) -> Option<String> {
    static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,?\s+(?:frå|fra|ved|hjå|hos|i)\s+(\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|\p{Ll}+))?(?:\s+(?:i|og)\s+\p{Lu}[\p{L}\-]*)?)")
            .expect("valid regex")
    });

    let caps = first_captures(&ORGANISATION, segment)?;
    let phrase = caps.get(1)?.as_str().trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // A lower-case second word that is no organisation word ends the phrase.
    let phrase = match words.as_slice() {
        [first, second, ..]
            if second.chars().next().is_some_and(char::is_lowercase)
                && !ORGANISATION_WORDS.contains(second) =>
        {
            *first
        }
        _ => phrase,
    };
    names_organisation(phrase).then(|| phrase.to_string())
}

/// Words that make a phrase an organisation's name rather than a place's.
const ORGANISATION_WORDS: &[&str] = &[
    "kommune",
    "fylkeskommune",
    "vegvesen",
    "vegvesenet",
    "lag",
    "laget",
    "lokallag",
    "forening",
    "foreining",
    "forbund",
    "forbundet",
    "selskap",
    "AS",
    "HF",
    "IKS",
    "SA",
    "ASA",
    "RHF",
    "universitet",
    "universitetet",
    "høgskule",
    "høgskulen",
    "høgskole",
    "sjukehus",
    "sykehus",
    "direktorat",
    "direktoratet",
    "departement",
    "departementet",
    "næring",
    "næringsforum",
    "museum",
    "musea",
    "bank",
    "råd",
    "rådet",
    "regionråd",
    "styret",
    "administrasjonen",
    "Statsforvaltaren",
    "Fylkesmannen",
    "NAV",
    "KS",
    "skule",
    "skulen",
    "skole",
    "barnehage",
    "sokneråd",
    "kyrkjelyd",
    "bondelag",
    "mållag",
    "sogelag",
    "idrettslag",
    "historielag",
    "kor",
    "musikklag",
];

/// Whether a phrase names an organisation: it holds an organisation word ("Stad
/// kommune", "Sogn næringsforum") or an abbreviation ("HVL").
fn names_organisation(phrase: &str) -> bool {
    phrase.split_whitespace().any(|w| {
        ORGANISATION_WORDS.contains(&w)
            || ORGANISATION_WORDS
                .iter()
                .any(|o| o.len() > 3 && w.to_lowercase().ends_with(o))
            || (w.chars().count() >= 2 && w.chars().all(char::is_uppercase))
    })
}

/// "Erling Lae, Oslo kommune, leiar", "Ole Haabeth, Nedre Glomma regionråd
/// Fylkesordførar …": an organisation set after the name by a comma, as
/// attendance lists write whom each one represents.
pub(super) fn organisation_apposition(segment: &str) -> Option<String> {
    static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^,\s+(\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|kommune|fylkeskommune|regionråd|sokneråd|næringsforum|sjukehus|sykehus|og|for|i)){0,5})\s*(?:[,;.\n]|$|\s\p{Lu})")
            .expect("valid regex")
    });
    let caps = first_captures(&APPOSITION, segment)?;
    let phrase = caps.get(1)?.as_str().trim();
    // The phrase ends at a title that opens the next row ("… regionråd Fylkesordførar").
    let phrase =
        phrase
            .split_whitespace()
            .position(is_role_word)
            .map_or(phrase.to_string(), |at| {
                phrase
                    .split_whitespace()
                    .take(at)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
    let last = phrase.split_whitespace().last()?;
    let complete = !matches!(last, "og" | "for" | "i");
    (complete && phrase.split_whitespace().count() >= 2 && names_organisation(&phrase))
        .then_some(phrase)
}

/// Party abbreviations as minutes write them after a name, brackets or not.
const PARTIES: &[&str] = &[
    "ap", "a", "h", "frp", "sp", "sv", "krf", "v", "mdg", "r", "raudt", "rødt", "kp", "pp", "du",
    "fnb", "inp", "uavh", "tvl", "bl", "nkp", "pf", "sa",
];

/// "Jon Askeland AP Ordførar": a party abbreviation right after the name in the text
/// of a table, where the brackets were lost.
pub(super) fn party_after(segment: &str) -> Option<String> {
    let word = segment
        .strip_prefix(' ')?
        .split([' ', '\n', ',', ';'])
        .next()?;
    is_party(word).then(|| word.to_string())
}

/// Whether a word is a party's abbreviation as minutes write it.
pub(super) fn is_party(word: &str) -> bool {
    let letters = word.chars().count();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    // "H" and "V" alone only in capitals; the rest as written ("Sp", "KrF", "FRP").
    capitalised
        && (1..=5).contains(&letters)
        && word.chars().all(char::is_alphabetic)
        && (letters > 1 || word.chars().all(char::is_uppercase))
        && PARTIES.contains(&word.to_lowercase().as_str())
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
                .is_some_and(|w| has_role_ending(&lowercase(w))) =>
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
    singular_of_plural_role(last_word)
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
    let body = MADE_UP_OF.captures(before)?.get(1)?.as_str();
    // The body is a group ("Styret", "Arbeidsgruppa"), not a person or a pronoun.
    let group = !matches!(
        body.to_lowercase().as_str(),
        "det" | "den" | "dette" | "han" | "ho" | "som"
    );
    group.then(|| body.to_string())
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

pub(super) fn add_roles(person: &mut Person, roles: Vec<String>) {
    for role in roles {
        if !role.is_empty() && !person.roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
            person.roles.push(role);
        }
    }
}

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

/// A label ("Delegater", "Faste medlemer", "Frå adm.") from the words before a
/// colon: one to three words that start a line, a passage or a field.
fn label_before_colon(head: &str) -> Option<&str> {
    let head = head.trim_end();
    let start = head
        .rfind(|c: char| {
            matches!(c, '\n' | '.' | ':' | ')' | ';' | '!' | '?') || c.is_ascii_digit()
        })
        .map_or(0, |i| i + 1);
    // "Frå adm.": an abbreviation's dot belongs to the label.
    let start = if head[..start].ends_with('.')
        && head[..start.saturating_sub(1)]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.chars().count() <= 4 && w.chars().all(char::is_alphabetic))
    {
        head[..start.saturating_sub(1)]
            .rfind(|c: char| matches!(c, '\n' | '.' | ':' | ')' | ';') || c.is_ascii_digit())
            .map_or(0, |i| i + 1)
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
    });
    ((1..=3).contains(&words) && label.chars().next().is_some_and(char::is_alphabetic) && !excluded)
        .then_some(label)
}

/// The label heading the list a name at byte `at` of passage `index` stands in:
/// "Delegater: A B C" in one passage (the text layer of a PDF table), a label
/// passage over short name lines ("Medlemer:" / "• A" / "• B"), or the caption label
/// "Eldrerådet. Frå venstre: A, B".
pub(super) fn label_role(passages: &[Passage], index: usize, at: usize) -> Option<String> {
    let text = &passages[index].text;
    let before = &text[..at];
    if let Some(colon) = before.rfind(':') {
        let between = &before[colon + 1..];
        // The label reaches over a run of names, not over a sentence.
        let sentence_between = between.contains('\n')
            || between.split_whitespace().any(|w| {
                let bare = w.trim_end_matches('.');
                w.ends_with('.')
                    && bare.chars().count() >= 3
                    && bare.chars().all(char::is_alphabetic)
                    && !ABBREVIATIONS.contains(&bare.to_lowercase().as_str())
            });
        if !sentence_between {
            if let Some(label) = label_before_colon(&before[..colon]) {
                return Some(label.trim_end_matches('.').to_string());
            }
            // "Eldrerådet. Frå venstre og rundt bordet: …": the caption's label.
            let lower = before[..colon].to_lowercase();
            if lower.contains("venstre") || lower.contains("f.v") {
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
        }
    }
    // A label passage over short lines of names.
    let short = |p: &Passage| {
        (p.text.split_whitespace().count() <= 10 && !p.text.trim_end().ends_with('.'))
            || is_line_of_names(&p.text)
    };
    if !short(&passages[index]) || before.contains(':') {
        return None;
    }
    for back in (index.saturating_sub(30)..index).rev() {
        let line = passages[back].text.trim_end();
        if let Some(head) = line.strip_suffix(':') {
            return label_before_colon(head)
                .map(|l| l.trim_end_matches('.').to_string())
                .or_else(|| plural_role_in(head));
        }
        if !short(&passages[back]) {
            return None;
        }
    }
    None
}

/// "følgjande medlemer er valde inn i rådet:": the plural role an intro sentence gives
/// the list under it, as written.
fn plural_role_in(intro: &str) -> Option<String> {
    intro
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .find(|w| {
            let lower = w.to_lowercase();
            singular_of_plural_role(&lower).is_some()
                || ["mer", "mar", "ar", "er"].iter().any(|e| {
                    lower
                        .strip_suffix(e)
                        .is_some_and(|stem| stem.chars().count() >= 5 && has_role_ending(stem))
                })
        })
        .map(str::to_string)
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
        for word in ["leiarar", "Leiarane", "møte", "le", "Ølen"] {
            assert!(!is_role_word(word), "{word}");
        }
        assert!(is_role_modifier("Tidlegare"));
        assert!(is_role_modifier("konstituert,"));
        assert!(!is_role_modifier("Kari"));
        assert_eq!(lowercase("leiar"), Cow::Borrowed("leiar"));
        assert_eq!(lowercase("ØRSTA"), "ørsta");
        assert_eq!(lowercase("ǅemal"), "ǆemal");
    }

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
        assert_eq!(label_role(&flat, 0, at).as_deref(), Some("Delegater"));
        let table = passages(&[
            "Faste medlemer som møtte: Namn Funksjon Representerer Kari Nes Leiar AP",
            "Frå administrasjonen møtte på heile eller delar av møtet: Namn Stilling Ola Berg rådgjevar",
        ]);
        assert_eq!(label_role(&table, 0, 60).as_deref(), Some("Faste medlemer"));
        assert_eq!(
            label_role(&table, 1, 80).as_deref(),
            Some("Frå administrasjonen")
        );
        let long = passages(&[
            "Medlemer:",
            "Kari Nes, Ola B. Berg, Per Lid, Anne Marie Vik, Jon Olav Dal, Siri Helen",
            "Hauge",
        ]);
        assert_eq!(label_role(&long, 1, 10).as_deref(), Some("Medlemer"));
        assert_eq!(label_role(&long, 2, 0).as_deref(), Some("Medlemer"));
        assert!(!is_line_of_names("Kari Nes, leiar i laget, opna møtet"));
        let intro = passages(&[
            "Det er gjennomført valg og følgende medlemmer er valgt inn i rådet:",
            "Kari Nes",
            "Ola Berg",
        ]);
        assert_eq!(label_role(&intro, 2, 0).as_deref(), Some("medlemmer"));
        let no_role = passages(&["Desse kom til møtet i går:", "Kari Nes"]);
        assert_eq!(label_role(&no_role, 1, 0), None);
        let lines = passages(&["Faste medlemer:", "Kari Nes", "Ola Berg (Sp)"]);
        assert_eq!(label_role(&lines, 2, 0).as_deref(), Some("Faste medlemer"));
        let adm = passages(&["Frå adm.: Rådmann Per Lid, økonomisjef Kari Nes"]);
        assert_eq!(label_role(&adm, 0, 40).as_deref(), Some("Frå adm"));
        let caption = passages(&["Eldrerådet. Frå venstre: Dagfinn Lyngvær og Ole Haukeland."]);
        assert_eq!(label_role(&caption, 0, 30).as_deref(), Some("Eldrerådet"));
    }

    #[test]
    fn attendance_and_photo_labels_and_sentences_are_not_roles() {
        let p = passages(&["Til stades: Kari Nes, Ola Berg"]);
        assert_eq!(label_role(&p, 0, 20), None);
        let p = passages(&["Foto: Kari Nes"]);
        assert_eq!(label_role(&p, 0, 6), None);
        let p = passages(&["Det nye utvalet er sett saman slik: Kari Nes (leiar), Ola Berg"]);
        assert_eq!(label_role(&p, 0, 50), None);
        let p = passages(&["Styret: Leiar er Kari Nes. Ho takka for seg. Ola Berg tok over."]);
        assert_eq!(label_role(&p, 0, 45), None);
    }

    #[test]
    fn a_party_after_a_name_in_a_table() {
        assert_eq!(party_after(" AP Ordførar").as_deref(), Some("AP"));
        assert_eq!(party_after(" KrF, Kari Nes").as_deref(), Some("KrF"));
        assert_eq!(party_after(" H").as_deref(), Some("H"));
        assert_eq!(party_after(" Har ordet"), None);
        assert_eq!(party_after(" heldt innlegg"), None);
        assert_eq!(party_after(" Apotek"), None);
    }

    #[test]
    fn an_organisation_set_after_a_name_by_a_comma() {
        assert_eq!(
            organisation_apposition(", Oslo kommune, leiar").as_deref(),
            Some("Oslo kommune")
        );
        assert_eq!(
            organisation_apposition(", Nedre Glomma regionråd Fylkesordførar ").as_deref(),
            Some("Nedre Glomma regionråd")
        );
        assert_eq!(
            organisation_apposition(", Sogn og Fjordane fylkeskommune.").as_deref(),
            Some("Sogn og Fjordane fylkeskommune")
        );
        // A town, a sentence, a single word: not an organisation.
        assert_eq!(organisation_apposition(", Volda og Ørsta."), None);
        assert_eq!(organisation_apposition(", Kari Nes og Ola Berg kom."), None);
        assert_eq!(organisation_apposition(" frå Stad kommune"), None);
    }

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

    #[test]
    fn an_organisation_after_a_name_but_not_a_home_place() {
        assert_eq!(
            organisation_after(" frå Statens vegvesen halde orientering").as_deref(),
            Some("Statens vegvesen")
        );
        assert_eq!(organisation_after(", HVL, orienterte").as_deref(), None);
        assert_eq!(organisation_after(" ved HVL").as_deref(), Some("HVL"));
        assert_eq!(
            organisation_after(" frå Sandsvær bondelag").as_deref(),
            Some("Sandsvær bondelag")
        );
        assert_eq!(organisation_after(" frå Vik fortalde"), None);
        assert_eq!(organisation_after(" i Sogndal"), None);
    }
}
