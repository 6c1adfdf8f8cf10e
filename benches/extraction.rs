//! Micro-benchmarks: extracting one report (HTML and text), the analyzer's
//! throughput, date parsing, and a search on a small prebuilt index.
//!
//! `cargo bench --bench extraction`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use referat::analysis::{Analyzer, terms};
use referat::batch::{self, Options};
use referat::extract::dates::{DateContext, find_dates};
use referat::extract::extract;
use referat::index::Store;
use referat::query::{SearchOptions, search};
use referat::source::{SourceFile, read};

fn corpus(file: &str) -> referat::source::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(file);
    read(&SourceFile {
        path,
        id: format!("corpus/{file}"),
        stamp: None,
    })
    .expect("corpus file reads")
}

fn extraction(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for file in [
        "utvida-samarbeidsmote-november-2023.html",
        "utvida-samarbeidsmote-november-2023.txt",
        "kommunestyre-orsta-latin1.html",
    ] {
        let doc = corpus(file);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(file, |b| {
            b.iter(|| extract(black_box(&doc)).expect("extracts"))
        });
    }
    group.finish();
}

fn analyzer(c: &mut Criterion) {
    let report = extract(&corpus("utvida-samarbeidsmote-november-2023.txt")).expect("extracts");
    let body = report.body_text();
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(body.len() as u64));
    for analyzer in [Analyzer::Text, Analyzer::Parts, Analyzer::Name] {
        group.bench_function(analyzer.name(), |b| {
            b.iter(|| terms(analyzer, black_box(&body)))
        });
    }
    group.finish();
}

fn dates(c: &mut Criterion) {
    let text = "Den 14. november 2023 vart det halde møte. Vedtaket kjem i styremøte 07.12.23, \
                og HP skal takast i bruk 27.04.24. Samlinga 13.–14. november og fredag 5. april \
                2024. Pilotkommunen koplar seg på i starten av desember i år.";
    let ctx = DateContext {
        reference: jiff::civil::Date::new(2023, 11, 21).ok(),
        year: Some(2023),
    };
    c.bench_function("find_dates", |b| {
        b.iter(|| find_dates(black_box(text), &ctx))
    });
}

fn searching(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("index"));
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    batch::run(&store, &[corpus], &Options::default()).expect("indexes");
    let open = store.open().expect("opens");
    let options = SearchOptions::default();
    for query in [
        "helseplattformen",
        "sykehus kommunene",
        "\"fulle sjukehus\"",
        "person:storoy",
    ] {
        c.bench_function(&format!("search {query}"), |b| {
            b.iter(|| search(&open, black_box(query), &options).expect("searches"))
        });
    }
}

criterion_group!(benches, extraction, analyzer, dates, searching);
criterion_main!(benches);
