//! Where the bytes of an index go: per component (postings, positions, store, …)
//! and per field, summed over segments.
//!
//! `cargo run --release --example index_space -- INDEX_DIR`

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

use referat::index::Store;
use tantivy::space_usage::PerFieldSpaceUsage;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("index_space: give the index directory of a built referat index");
        std::process::exit(2);
    };
    let usage = Store::new(&dir)
        .open()
        .map_err(|err| err.to_string())
        .and_then(|open| open.searcher().map_err(|err| err.to_string()))
        .and_then(|searcher| searcher.space_usage().map_err(|err| err.to_string()));
    let usage = match usage {
        Ok(usage) => usage,
        Err(err) => {
            eprintln!("index_space: {err}");
            std::process::exit(1);
        }
    };

    let mut components: BTreeMap<&str, u64> = BTreeMap::new();
    let mut fields: BTreeMap<(String, &str), u64> = BTreeMap::new();
    let mut add = |component: &'static str, per_field: &PerFieldSpaceUsage| {
        *components.entry(component).or_default() += per_field.total().get_bytes();
        for field in per_field.fields() {
            *fields
                .entry((field.field_name().to_string(), component))
                .or_default() += field.total().get_bytes();
        }
    };
    for segment in usage.segments() {
        add("postings", segment.postings());
        add("positions", segment.positions());
        add("terms", segment.termdict());
        add("fast", segment.fast_fields());
        add("norms", segment.fieldnorms());
    }
    let store: u64 = usage
        .segments()
        .iter()
        .map(|s| s.store().total().get_bytes())
        .sum();
    let mb = |bytes: u64| bytes as f64 / 1e6;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} segments, {:.1} MB in all",
        usage.segments().len(),
        mb(usage.total().get_bytes())
    );
    let _ = writeln!(out, "{:<24} {:>8.1} MB", "store", mb(store));
    for (component, bytes) in &components {
        let _ = writeln!(out, "{component:<24} {:>8.1} MB", mb(*bytes));
    }
    let _ = writeln!(out);
    let mut by_size: Vec<_> = fields.into_iter().collect();
    by_size.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    for ((field, component), bytes) in by_size {
        if bytes >= 100_000 {
            let label = format!("{field} {component}");
            let _ = writeln!(out, "{label:<24} {:>8.1} MB", mb(bytes));
        }
    }
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = std::io::stdout().write_all(out.as_bytes());
}
