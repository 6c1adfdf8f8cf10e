//! Affiliations: the organisations, employers and parties written next to a name.

use std::sync::LazyLock;

use regex::Regex;

use super::roles::is_role_word;
use crate::extract::prefilter::first_captures;

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
        Regex::new(r"^,\s+(\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|kommune|fylkeskommune|regionråd|sokneråd|næring|næringsforum|sjukehus|sykehus|og|for|i)){0,5})\s*(?:[,;.\n(]|$|\s\p{Lu})")
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

/// "Fylkeskommunen v/Per Lid", "ein interpellasjon frå Frp v/Kari Nes": the body a
/// person acts for, written before the name with "v/" (ved).
pub(super) fn organisation_before(segment: &str) -> Option<String> {
    static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|kommune|fylkeskommune|og|i)){0,4})\s*v/\s*$")
            .expect("valid regex")
    });
    let phrase = first_captures(&ON_BEHALF, segment)?.get(1)?.as_str().trim();
    let complete = !matches!(phrase.split_whitespace().last(), Some("og" | "i"));
    complete.then(|| phrase.to_string())
}

/// "Foto: Kari Nes / NRK", "Foto: Stord Avis/ Kari Nes": the organisation a photo
/// credit sets beside the photographer with a slash is the one they work for.
/// `before` and `after` are the text between the name and the names around it.
pub(super) fn credit_organisation(before: &str, after: &str) -> Option<String> {
    let colon = before.rfind(':')?;
    let label_start = before[..colon]
        .rfind(['\n', '.', '!', '?'])
        .map_or(0, |i| i + 1);
    let label = &before[label_start..colon];
    if label.len() > 20 || !label.to_lowercase().contains("foto") {
        return None;
    }
    let credit = &before[colon + 1..];
    // The organisation first: "Foto: Stord Avis / fotograf Kari Nes".
    if let Some((organisation, role)) = credit.rsplit_once('/') {
        let role_only = role.split_whitespace().all(is_role_word);
        return (role_only && !credit.contains('\n'))
            .then(|| credited(organisation.trim()))
            .flatten();
    }
    if !credit.trim().is_empty() {
        return None;
    }
    // The organisation after: "Foto: Kari Nes / Dagens Nyhende".
    let rest = after.trim_start().strip_prefix('/')?;
    let end = rest
        .find(['\n', '.', ',', ';', '(', ')', '|', '/'])
        .unwrap_or(rest.len());
    credited(rest[..end].trim())
}

/// The organisation of a credit: one to four words, the first capitalised ("NRK",
/// "Avisa24", "Sogn bispedøme").
fn credited(phrase: &str) -> Option<String> {
    let words = phrase.split_whitespace().count();
    let capitalised = phrase.chars().next().is_some_and(char::is_uppercase);
    ((1..=4).contains(&words) && capitalised).then(|| phrase.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_someone_acts_for_before_v() {
        assert_eq!(
            organisation_before("ein interpellasjon frå Frp v/").as_deref(),
            Some("Frp")
        );
        assert_eq!(
            organisation_before("Svar frå Stad kommune v/ ").as_deref(),
            Some("Stad kommune")
        );
        assert_eq!(organisation_before("gudsteneste v/"), None);
        assert_eq!(organisation_before("Frp ved "), None);
    }

    #[test]
    fn the_organisation_of_a_photo_credit() {
        assert_eq!(
            credit_organisation("Ordføraren opna det store møtet i går. Foto: ", " / NRK\n")
                .as_deref(),
            Some("NRK")
        );
        assert_eq!(
            credit_organisation("Foto: ", "/Avisa24\n- Annonse -").as_deref(),
            Some("Avisa24")
        );
        assert_eq!(
            credit_organisation("Alle foto: Sogn bispedøme / fotograf ", ".").as_deref(),
            Some("Sogn bispedøme")
        );
        assert_eq!(
            credit_organisation("FOTO: Fjordavisa/", "").as_deref(),
            Some("Fjordavisa")
        );
        // No credit, or no slash: no organisation.
        assert_eq!(credit_organisation("Leiar: ", " / NRK"), None);
        assert_eq!(credit_organisation("Foto: ", " og Ola Berg"), None);
        assert_eq!(credit_organisation("Foto: Kari Nes og ", "/NRK"), None);
        assert_eq!(credit_organisation("Foto: opptak/ ", ""), None);
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
        // A bracket after it ends the organisation too.
        assert_eq!(
            organisation_apposition(", Vestfold fylkeskommune (vara for Per Lid)").as_deref(),
            Some("Vestfold fylkeskommune")
        );
        assert_eq!(
            organisation_apposition(", Sunnfjord næring.").as_deref(),
            Some("Sunnfjord næring")
        );
        // A town, a sentence, a single word: not an organisation.
        assert_eq!(organisation_apposition(", Volda og Ørsta."), None);
        assert_eq!(organisation_apposition(", Kari Nes og Ola Berg kom."), None);
        assert_eq!(organisation_apposition(" frå Stad kommune"), None);
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
