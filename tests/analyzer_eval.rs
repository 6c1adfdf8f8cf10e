//! Measures the analyzer on hand-written word lists and compares it with tantivy's
//! built-in (Snowball) Norwegian stemmer:
//!
//! * `tests/data/nynorsk_lemmas.tsv`: Nynorsk forms grouped by lemma. Pairwise
//!   conflation precision, recall and F1: two forms should share a term exactly when
//!   they belong to the same lemma.
//! * `tests/data/bokmal_nynorsk_pairs.tsv`: a Bokmål form and the Nynorsk form of the
//!   same word. Folding rate: the share of pairs whose terms are equal.
//!
//! Run `cargo test --test analyzer_eval -- --nocapture` to see the figures.

use std::collections::{HashMap, HashSet};

use referat::analysis::{Analyzer, terms};
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

fn referat_terms(word: &str) -> String {
    terms(Analyzer::Text, word).join(" ")
}

fn snowball_terms(word: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Norwegian))
        .build();
    let mut stream = analyzer.token_stream(word);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out.join(" ")
}

fn data(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Form → lemma, for every form in the lemma list.
fn lemma_groups() -> HashMap<String, String> {
    let mut groups = HashMap::new();
    for line in data("nynorsk_lemmas.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "bad line: {line}");
        for form in fields[2].split_whitespace() {
            groups.insert(form.to_string(), fields[0].to_string());
        }
    }
    groups
}

struct Conflation {
    precision: f64,
    recall: f64,
    f1: f64,
}

fn conflation(groups: &HashMap<String, String>, analyze: impl Fn(&str) -> String) -> Conflation {
    let forms: Vec<(&String, &String, String)> = groups
        .iter()
        .map(|(form, lemma)| (form, lemma, analyze(form)))
        .collect();
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for i in 0..forms.len() {
        for j in i + 1..forms.len() {
            let same_lemma = forms[i].1 == forms[j].1;
            let same_term = forms[i].2 == forms[j].2;
            match (same_lemma, same_term) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    Conflation {
        precision,
        recall,
        f1,
    }
}

fn pairs() -> Vec<(String, String)> {
    data("bokmal_nynorsk_pairs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (nb, nn) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("bad line: {l}"));
            (nb.trim().to_string(), nn.trim().to_string())
        })
        .collect()
}

fn folding_rate(
    pairs: &[(String, String)],
    analyze: impl Fn(&str) -> String,
) -> (f64, Vec<String>) {
    let mut missed = Vec::new();
    for (nb, nn) in pairs {
        let (a, b) = (analyze(nb), analyze(nn));
        if a != b {
            missed.push(format!("{nb}→{a} / {nn}→{b}"));
        }
    }
    (1.0 - missed.len() as f64 / pairs.len() as f64, missed)
}

#[test]
fn analyzer_beats_the_builtin_norwegian_stemmer() {
    let groups = lemma_groups();
    let lemmas: HashSet<&String> = groups.values().collect();
    assert!(
        groups.len() >= 400 && lemmas.len() >= 100,
        "word list too small"
    );
    let ours = conflation(&groups, referat_terms);
    let base = conflation(&groups, snowball_terms);
    let pairs = pairs();
    assert!(pairs.len() >= 150, "pair list too small");
    let (fold_ours, missed) = folding_rate(&pairs, referat_terms);
    let (fold_base, _) = folding_rate(&pairs, snowball_terms);

    println!(
        "analyzer evaluation: {} forms in {} lemmas, {} Bokmål/Nynorsk pairs",
        groups.len(),
        lemmas.len(),
        pairs.len()
    );
    println!(
        "{:<28} {:>9} {:>9} {:>9} {:>9}",
        "", "precision", "recall", "F1", "folding"
    );
    for (name, c, f) in [
        ("referat", &ours, fold_ours),
        ("tantivy Norwegian (Snowball)", &base, fold_base),
    ] {
        println!(
            "{name:<28} {:>8.1}% {:>8.1}% {:>8.1}% {:>8.1}%",
            c.precision * 100.0,
            c.recall * 100.0,
            c.f1 * 100.0,
            f * 100.0
        );
    }
    if std::env::var_os("REFERAT_EVAL_VERBOSE").is_some() {
        for m in &missed {
            println!("not folded: {m}");
        }
    }

    assert!(
        ours.f1 >= base.f1 + 0.20,
        "F1 {:.3} is not 20 points above the baseline {:.3}",
        ours.f1,
        base.f1
    );
    assert!(
        ours.precision >= 0.95,
        "precision {:.3} below 0.95",
        ours.precision
    );
    assert!(fold_ours >= 0.90, "folding rate {fold_ours:.3} below 0.90");
}
