//! `data/given_names.txt`: one name a line, sorted, no duplicates, and no common
//! word that would start a made-up person at the head of a sentence.

fn names() -> Vec<String> {
    std::fs::read_to_string("data/given_names.txt")
        .expect("data/given_names.txt is committed")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn sorted_without_duplicates_or_stray_spaces() {
    let names = names();
    for pair in names.windows(2) {
        assert!(pair[0] < pair[1], "out of order or twice: {pair:?}");
    }
    for name in &names {
        assert_eq!(name.trim(), name, "spaces around {name:?}");
        assert!(!name.contains(' '), "a space inside {name:?}");
    }
}

#[test]
fn old_rural_and_foreign_names_are_there() {
    let names = names();
    for name in [
        "Fred",
        "Peggy",
        "Anstein",
        "Olov",
        "Monrad",
        "Dianne",
        "Jetvard",
        "Noralv",
        "Gunnleif",
        "Olaus",
        "Ogne",
        "Tjøstolv",
        "Hibaq",
        "Žydrūnas",
        "Linn-Therese",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} is missing");
    }
}

#[test]
fn common_words_are_not_given_names() {
    let names = names();
    for word in [
        "Sak", "Tid", "Bo", "Ute", "Inga", "Saman", "Enno", "Skule", "Veit", "Ville", "Kalle",
        "Lage", "Ting", "Gang", "Lei", "Li", "Son", "Rik", "Annet", "Eid", "Vik", "Ås", "Bø",
        "Sand", "Berg", "Ruud", "Holm",
    ] {
        assert!(
            !names.iter().any(|n| n == word),
            "{word} is a common word or surname"
        );
    }
}
