//! Name keys: person names match without diacritics and across common spellings.
//!
//! A key is the lowercase name with Norwegian and other diacritic letters spelled
//! out in ASCII (ø → o, å → a, æ → ae), the old digraphs folded (aa → a, oe → o),
//! "th" read as "t" (Thorleif/Torleif) and doubled letters made single, so that
//! Storøy, Storoy and Storoey, Follesø and Folleso, Våge, Vage and Vaage meet.

use super::filter::TermRule;

/// The matching key of one name word.
pub fn name_key(word: &str) -> String {
    let mut ascii = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => ascii.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' | 'õ' => ascii.push('o'),
            'å' | 'á' | 'à' | 'â' | 'ã' => ascii.push('a'),
            'é' | 'è' | 'ê' | 'ë' => ascii.push('e'),
            'í' | 'ì' | 'î' | 'ï' => ascii.push('i'),
            'ú' | 'ù' | 'û' | 'ü' => ascii.push('u'),
            'ñ' | 'ŋ' => ascii.push('n'),
            'č' | 'ć' | 'ç' => ascii.push('c'),
            'š' | 'ś' => ascii.push('s'),
            'ž' | 'ź' | 'ż' => ascii.push('z'),
            'đ' => ascii.push('d'),
            'ł' => ascii.push('l'),
            'ŧ' => ascii.push('t'),
            c => ascii.push(c),
        }
    }
    let ascii = ascii
        .replace("aa", "a")
        .replace("oe", "o")
        .replace("th", "t");
    let mut key = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if key.ends_with(c) && c.is_alphabetic() {
            continue;
        }
        key.push(c);
    }
    key
}

/// Name keys as a token filter rule.
#[derive(Clone, Copy, Default)]
pub struct NameKey;

impl TermRule for NameKey {
    fn apply(&self, term: &mut String, _extra: &mut Vec<String>) {
        *term = name_key(term);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        for group in [
            &["Storøy", "Storoy", "Storoey", "storøy"][..],
            &["Follesø", "Folleso", "Folesø"],
            &["Våge", "Vage", "Vaage"],
            &["Brækhus", "Braekhus"],
            &["Thorleif", "Torleif"],
            &["Røyset", "Roeyset", "Royset"],
        ] {
            let keys: Vec<String> = group.iter().map(|n| name_key(n)).collect();
            assert!(
                keys.windows(2).all(|w| w[0] == w[1]),
                "{group:?} → {keys:?}"
            );
        }
    }

    #[test]
    fn different_names_stay_different() {
        assert_ne!(name_key("Lerø"), name_key("Leirbekk"));
        assert_ne!(name_key("Høe"), name_key("Haugen"));
    }
}
