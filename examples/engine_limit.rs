//! The engine limit: how fast tantivy alone indexes reports that are already
//! extracted, with referat's schema and analyzers, skipping reading and extraction.
//!
//! `cargo run --release --example engine_limit -- INDEX_DIR`
//!
//! Reads the stored reports out of an existing referat index (built by
//! `referat index --rebuild`), then times writing them into a fresh index.

use std::time::Instant;

use referat::index::Store;

// The same allocator as the `referat` binary, so the comparison is fair.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use referat::query::ReportFilter;
use referat::query::answers::reports;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("engine_limit: give the index directory of a built referat index");
        std::process::exit(2);
    };
    let store = Store::new(&dir);
    let open = match store.open() {
        Ok(open) => open,
        Err(err) => {
            eprintln!("engine_limit: {err}");
            std::process::exit(1);
        }
    };
    let filter = ReportFilter {
        from: jiff::civil::Date::new(1900, 1, 1).ok(),
        ..ReportFilter::default()
    };
    let loaded = match reports(&open, None, &filter) {
        Ok(loaded) => loaded,
        Err(err) => {
            eprintln!("engine_limit: {err}");
            std::process::exit(1);
        }
    };
    let reports: Vec<referat::report::Report> = loaded.into_iter().map(|(_, r)| r).collect();
    let target = std::env::temp_dir().join(format!("referat-engine-limit-{}", std::process::id()));
    let fresh = Store::new(&target);
    let start = Instant::now();
    let result = (|| -> Result<(), referat::index::IndexError> {
        let lock = fresh.lock()?;
        let batch = fresh.begin(&lock, true, 256 * 1024 * 1024)?;
        std::thread::scope(|scope| {
            let chunks: Vec<&[referat::report::Report]> =
                reports.chunks(reports.len().div_ceil(2).max(1)).collect();
            for chunk in chunks {
                let batch = &batch;
                scope.spawn(move || {
                    for report in chunk {
                        let _ = batch.put(report, referat::source::ContentHash(0), None);
                    }
                });
            }
        });
        batch.commit()
    })();
    let elapsed = start.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&target);
    if let Err(err) = result {
        eprintln!("engine_limit: {err}");
        std::process::exit(1);
    }
    println!(
        "engine limit: indexed {} extracted reports in {elapsed:.2} s ({:.0} reports/s)",
        reports.len(),
        reports.len() as f64 / elapsed
    );
}
