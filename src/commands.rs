//! What each subcommand does: glue between the library steps and [`render`].
//!
//! Every function takes its inputs as typed values and returns the process exit
//! status it wants, or an error for `main` to print as one line.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::analysis::{self, Analyzer};
use crate::batch::{self, Options};
use crate::extract;
use crate::index::Store;
use crate::query::{self, ReportFilter, SearchOptions, answers};
use crate::render;
use crate::source::{self, SourceFile};

/// Exit status when a batch finished but some files could not be indexed.
pub const EXIT_SOME_FAILED: i32 = 3;

pub fn index(store: &Store, paths: Vec<PathBuf>, options: &Options, quiet: bool) -> Result<i32> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("corpus")]
    } else {
        paths
    };
    let outcome = batch::run(store, &paths, options)?;
    render::outcome(&mut anstream::stderr(), &outcome, quiet)?;
    Ok(match (outcome.abandoned, outcome.has_failures()) {
        (true, _) => 1,
        (false, true) => EXIT_SOME_FAILED,
        (false, false) => 0,
    })
}

pub fn search(
    store: &Store,
    query_text: &str,
    options: &SearchOptions,
    with_facets: bool,
    json: bool,
) -> Result<i32> {
    let open = store.open()?;
    let hits = query::search(&open, query_text, options)?;
    let facets = if with_facets {
        let query = query::report_query(&open, query_text, &options.filter)?;
        Some(answers::facets(&open, &*query, 5)?)
    } else {
        None
    };
    match (json, facets) {
        (true, Some(facets)) => {
            render::json_to_stdout(&serde_json::json!({ "hits": hits, "facets": facets }))?
        }
        (true, None) => render::json_to_stdout(&hits)?,
        (false, facets) => {
            let mut out = render::stdout();
            render::hits(&mut out, &hits)?;
            if let Some(facets) = facets {
                render::facets(&mut out, &facets)?;
            }
        }
    }
    Ok(0)
}

/// Prints `value` as JSON for scripts, or with `human` for a terminal.
fn emit<T: serde::Serialize>(
    json: bool,
    value: &T,
    human: impl FnOnce(&mut anstream::AutoStream<io::Stdout>, &T) -> io::Result<()>,
) -> Result<i32> {
    if json {
        render::json_to_stdout(value)?;
    } else {
        human(&mut render::stdout(), value)?;
    }
    Ok(0)
}

pub fn people(
    store: &Store,
    about: Option<&str>,
    filter: &ReportFilter,
    limit: usize,
    json: bool,
) -> Result<i32> {
    let open = store.open()?;
    match about {
        Some(about) => emit(
            json,
            &answers::people_about(&open, about, filter, limit)?,
            |out, people| render::people_about(out, people),
        ),
        None => emit(
            json,
            &answers::people(&open, filter, limit)?,
            |out, people| render::people(out, people),
        ),
    }
}

pub fn person(store: &Store, name: &str, filter: &ReportFilter, json: bool) -> Result<i32> {
    let open = store.open()?;
    let timeline = answers::person_timeline(&open, name, filter)?;
    emit(json, &timeline, render::person)
}

pub fn themes(store: &Store, filter: &ReportFilter, limit: usize, json: bool) -> Result<i32> {
    let open = store.open()?;
    let themes = answers::themes(&open, filter, limit)?;
    emit(json, &themes, |out, t| render::themes(out, t))
}

pub fn timeline(store: &Store, filter: &ReportFilter, json: bool) -> Result<i32> {
    let open = store.open()?;
    let meetings = answers::timeline(&open, filter)?;
    emit(json, &meetings, |out, m| render::timeline(out, m))
}

pub fn ask(store: &Store, question: &str, limit: usize, json: bool) -> Result<i32> {
    let open = store.open()?;
    let this_year = jiff::Zoned::now().year();
    let latest = answers::latest_year(&open)?.unwrap_or(this_year);
    let answer = query::ask::ask(&open, question, latest, limit)?;
    emit(json, &answer, render::answer)
}

pub fn show(store: &Store, id: &str, json: bool) -> Result<i32> {
    let open = store.open()?;
    let report = query::report(&open, id)?;
    emit(json, &report, render::report)
}

/// Extracts files (or stdin text for `-`) and prints the reports. With several
/// files, a bad one is reported and the rest are still printed.
pub fn extract(files: &[PathBuf], json: bool) -> Result<i32> {
    let mut reports = Vec::new();
    let mut failed = false;
    for path in files {
        let result = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            source::decode_document(&bytes, "stdin".into(), "-".into())
                .map_err(anyhow::Error::from)
                .and_then(|doc| extract::extract(&doc).map_err(anyhow::Error::from))
        } else {
            let (found, _) = source::discover(std::slice::from_ref(path));
            match found.into_iter().next() {
                Some(file) => extract_file(&file),
                None => Err(anyhow::anyhow!("no such file")),
            }
        };
        match result {
            Ok(report) => reports.push(report),
            Err(err) => {
                failed = true;
                writeln!(anstream::stderr(), "referat: {}: {err:#}", path.display())?;
            }
        }
    }
    if json {
        if files.len() == 1 {
            if let Some(report) = reports.first() {
                render::json_to_stdout(report)?;
            }
        } else {
            render::json_to_stdout(&reports)?;
        }
    } else {
        let mut out = render::stdout();
        for (n, report) in reports.iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            render::report(&mut out, report)?;
        }
    }
    Ok(match (failed, reports.is_empty()) {
        (false, _) => 0,
        (true, true) => 1,
        (true, false) => EXIT_SOME_FAILED,
    })
}

fn extract_file(file: &SourceFile) -> Result<crate::report::Report> {
    let doc = source::read(file)?;
    Ok(extract::extract(&doc)?)
}

/// Prints analyzer terms for `texts`, or for stdin when there are none.
pub fn analyze(texts: &[String], lines: bool, analyzer: Analyzer) -> Result<i32> {
    let mut out = render::stdout();
    let input = if texts.is_empty() {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
        text
    } else {
        texts.join(if lines { "\n" } else { " " })
    };
    if lines {
        for line in input.lines() {
            render::terms(&mut out, &analysis::terms(analyzer, line))?;
        }
    } else {
        render::terms(&mut out, &analysis::terms(analyzer, &input))?;
    }
    Ok(0)
}
