//! Name keys: person names match without diacritics and across common spellings.
//!
//! A key is the lowercase name with Norwegian and other diacritic letters spelled
//! out in ASCII (ø → o, å → a, æ → ae), the old digraphs folded (aa → a, oe → o),
//! "th" read as "t" (Thorleif/Torleif) and doubled letters made single, so that
//! Storøy, Storoy and Storoey, Follesø and Folleso, Våge, Vage and Vaage meet.

use super::filter::TermRule;

/// The matching key of one name word.
pub fn name_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => key.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' | 'õ' => key.push('o'),
            'å' | 'á' | 'à' | 'â' | 'ã' => key.push('a'),
            'é' | 'è' | 'ê' | 'ë' => key.push('e'),
            'í' | 'ì' | 'î' | 'ï' => key.push('i'),
            'ú' | 'ù' | 'û' | 'ü' => key.push('u'),
            'ñ' | 'ŋ' => key.push('n'),
            'č' | 'ć' | 'ç' => key.push('c'),
            'š' | 'ś' => key.push('s'),
            'ž' | 'ź' | 'ż' => key.push('z'),
            'đ' => key.push('d'),
            'ł' => key.push('l'),
            'ŧ' => key.push('t'),
            c => key.push(c),
        }
    }
    // Old spellings: aa → a, oe → o, th → t. Each drops the second letter of a
    // pair, so it is done in place: names are keyed at every indexing of a report,
    // and allocating replacements took a twentieth of a rebuild.
    drop_second_of_pair(&mut key, 'a', 'a');
    drop_second_of_pair(&mut key, 'o', 'e');
    drop_second_of_pair(&mut key, 't', 'h');
    // Doubled letters count once: Folleso and Folesø.
    let mut previous = None;
    key.retain(|c| {
        let repeated = previous == Some(c) && c.is_alphabetic();
        previous = Some(c);
        !repeated
    });
    key
}

/// Turns each `first second` pair into `first`, pairs taken left to right without
/// overlap, as `str::replace` would.
fn drop_second_of_pair(word: &mut String, first: char, second: char) {
    let mut after_first = false;
    word.retain(|c| {
        if after_first && c == second {
            after_first = false;
            return false;
        }
        after_first = c == first;
        true
    });
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

    /// `name_key` as first written, with whole-string replacements.
    fn name_key_by_replacing(word: &str) -> String {
        let mut ascii = String::new();
        for c in word.chars().flat_map(char::to_lowercase) {
            match c {
                'æ' => ascii.push_str("ae"),
                'ø' => ascii.push('o'),
                'å' => ascii.push('a'),
                c => ascii.push(c),
            }
        }
        let ascii = ascii
            .replace("aa", "a")
            .replace("oe", "o")
            .replace("th", "t");
        let mut key = String::new();
        for c in ascii.chars() {
            if key.ends_with(c) && c.is_alphabetic() {
                continue;
            }
            key.push(c);
        }
        key
    }

    #[test]
    fn pairs_are_dropped_as_replacing_would() {
        // Every word of up to five letters over the letters the rules touch.
        let letters = ['a', 'o', 'e', 't', 'h', 'æ', 'ø', 'å', 'x'];
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            for word in &longer {
                assert_eq!(name_key(word), name_key_by_replacing(word), "{word}");
            }
            words = longer;
        }
    }

    #[test]
    fn different_names_stay_different() {
        assert_ne!(name_key("Lerø"), name_key("Leirbekk"));
        assert_ne!(name_key("Høe"), name_key("Haugen"));
    }
}
