//! Build steps for `referat`:
//!
//! - Compiles the word lists under `data/` into perfect-hash tables. Built at run
//!   time, the hash sets took a sixth of a one-word search: `referat` is started once
//!   per query, and every query's analyzer needs the lexicon.
//! - Links the `referat` binary as a position-dependent executable on Linux. A
//!   position-independent executable has tens of thousands of pointers in its tables
//!   (regex, HTML and tantivy data) that the dynamic loader must relocate at every
//!   start, about a millisecond before `main` runs. Only the binaries are linked
//!   this way; libraries, tests and build tools keep the defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    word_set(&out, "nn_lexicon.txt", "LEXICON");
    word_set(&out, "nn_lexicon_stems.txt", "LEXICON_STEMS");
    word_set(&out, "given_names.txt", "GIVEN_NAMES");
    // An irregular form may be its own lemma ("kome"); a spelling variant that is
    // its own Nynorsk form says nothing.
    word_map(&out, "nn_irregular.tsv", "IRREGULAR_FORMS", Identity::Keep);
    word_map(
        &out,
        "nb_nn_variants.tsv",
        "BOKMAL_TO_NYNORSK",
        Identity::Drop,
    );
}

fn read_data(name: &str) -> String {
    let path = Path::new("data").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The entries of a word list: one per line, trimmed, without comments (`#`) and
/// blank lines.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `static NAME: phf::Set<&str>` with the words of `data/<file>`, one per line.
fn word_set(out: &Path, file: &str, name: &str) {
    let text = read_data(file);
    let words: std::collections::BTreeSet<&str> = entries(&text).collect();
    let mut set = phf_codegen::Set::new();
    for word in words {
        set.entry(word);
    }
    let code = format!(
        "/// The words of `data/{file}`.\npub(crate) static {name}: phf::Set<&'static str> = {};\n",
        set.build()
    );
    write(out, name, &code);
}

/// Whether a pair whose two sides are equal is kept.
#[derive(PartialEq)]
enum Identity {
    Keep,
    Drop,
}

/// `static NAME: phf::Map<&str, &str>` from the tab-separated pairs of
/// `data/<file>`. A key listed twice keeps its last value.
fn word_map(out: &Path, file: &str, name: &str, identity: Identity) {
    let text = read_data(file);
    let pairs: BTreeMap<&str, &str> = entries(&text)
        .filter_map(|l| l.split_once('\t'))
        .map(|(key, value)| (key.trim(), value.trim()))
        .filter(|(key, value)| !key.is_empty() && !value.is_empty())
        .filter(|(key, value)| identity == Identity::Keep || key != value)
        .collect();
    let mut map = phf_codegen::Map::new();
    for (key, value) in pairs {
        map.entry(key, format!("{value:?}"));
    }
    let code = format!(
        "/// The pairs of `data/{file}`.\npub(crate) static {name}: phf::Map<&'static str, &'static str> = {};\n",
        map.build()
    );
    write(out, name, &code);
}

fn write(out: &Path, name: &str, code: &str) {
    let path = out.join(format!("{}.rs", name.to_lowercase()));
    std::fs::write(&path, code).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
