//! Render: prints results for people (aligned, coloured) or for scripts (`--json`).
//!
//! Colour goes through `anstream`, which drops it when stdout is not a terminal or
//! `NO_COLOR` is set, so pipes and files always get plain text. JSON output is
//! pretty-printed and its field names are part of the command-line contract.

use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::batch::Outcome;
use crate::query::Hit;
use crate::report::{Passage, PassageKind, Report};

const DATE: Style = AnsiColor::Green.on_default();
const TITLE: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const MATCH: Style = AnsiColor::Yellow.on_default().bold();
const LABEL: Style = AnsiColor::Cyan.on_default();

/// Where results go: stdout with colour handled for the terminal.
pub fn stdout() -> anstream::AutoStream<io::Stdout> {
    anstream::AutoStream::auto(io::stdout())
}

/// Pretty JSON followed by a newline.
pub fn json<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

fn date_or_dash(date: Option<jiff::civil::Date>) -> String {
    date.map_or_else(|| "----------".to_string(), |d| d.to_string())
}

/// Ranked search results.
pub fn hits(out: &mut impl Write, hits: &[Hit]) -> io::Result<()> {
    if hits.is_empty() {
        return writeln!(out, "no reports match");
    }
    let width = hits.len().to_string().len();
    for (rank, hit) in hits.iter().enumerate() {
        let date = date_or_dash(hit.meeting_date.or(hit.published));
        writeln!(
            out,
            "{:>width$}. {DATE}{date}{DATE:#}  {TITLE}{}{TITLE:#}",
            rank + 1,
            hit.title
        )?;
        let indent = " ".repeat(width + 2);
        writeln!(out, "{indent}{DIM}{}  (id {}){DIM:#}", hit.path, hit.id)?;
        writeln!(
            out,
            "{indent}{}",
            highlighted(&hit.snippet, &hit.highlights)
        )?;
        if rank + 1 < hits.len() {
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The snippet on one line with matched words styled.
fn highlighted(snippet: &str, ranges: &[Range<usize>]) -> String {
    let mut text = String::with_capacity(snippet.len() + ranges.len() * 8);
    let mut at = 0;
    for range in ranges {
        if range.start < at || range.end > snippet.len() {
            continue;
        }
        text.push_str(&snippet[at..range.start]);
        text.push_str(&format!("{MATCH}{}{MATCH:#}", &snippet[range.clone()]));
        at = range.end;
    }
    text.push_str(&snippet[at..]);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A report for reading in a terminal.
pub fn report(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{TITLE}{}{TITLE:#}", report.title)?;
    let field = |out: &mut dyn Write, label: &str, value: &str| -> io::Result<()> {
        if value.is_empty() {
            return Ok(());
        }
        writeln!(out, "{LABEL}{label:<12}{LABEL:#} {value}")
    };
    field(out, "id", &report.id)?;
    field(out, "path", &report.path)?;
    field(out, "url", report.url.as_deref().unwrap_or_default())?;
    let meeting: Vec<String> = report
        .meeting_dates
        .iter()
        .map(ToString::to_string)
        .collect();
    field(out, "meeting", &meeting.join(", "))?;
    field(
        out,
        "published",
        &report.published.map(|d| d.to_string()).unwrap_or_default(),
    )?;
    field(
        out,
        "language",
        match report.language {
            crate::report::Language::Nn => "nynorsk",
            crate::report::Language::Nb => "bokmål",
        },
    )?;
    field(out, "places", &report.places.join(", "))?;
    field(
        out,
        "participants",
        &report
            .participants
            .map(|n| n.to_string())
            .unwrap_or_default(),
    )?;
    field(out, "themes", &report.themes.join(" · "))?;
    let organisations: Vec<String> = report
        .organisations
        .iter()
        .map(|o| {
            if o.abbreviations.is_empty() {
                o.name.clone()
            } else {
                format!("{} ({})", o.name, o.abbreviations.join(", "))
            }
        })
        .collect();
    field(out, "orgs", &organisations.join(", "))?;
    let dates: Vec<String> = report
        .dates_mentioned
        .iter()
        .map(|d| format!("{} «{}»", d.date, d.phrase))
        .collect();
    field(out, "dates", &dates.join(", "))?;
    if !report.people.is_empty() {
        writeln!(out, "{LABEL}people{LABEL:#}")?;
        let actions = |p: &crate::report::Person| -> String {
            let words: Vec<&str> = p.actions.iter().map(|a| action_word(*a)).collect();
            words.join(", ")
        };
        let width = report
            .people
            .iter()
            .map(|p| p.name.chars().count())
            .max()
            .unwrap_or(0);
        let action_width = report
            .people
            .iter()
            .map(|p| actions(p).len())
            .max()
            .unwrap_or(0);
        for person in &report.people {
            let pad = " ".repeat(width - person.name.chars().count());
            let line = format!(
                "  {TITLE}{}{TITLE:#}{pad}  {DIM}{:<action_width$}{DIM:#}  {}",
                person.name,
                actions(person),
                person.roles.join("; ")
            );
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    writeln!(out)?;
    for passage in &report.passages {
        passage_line(out, passage)?;
    }
    Ok(())
}

/// The word for an action in listings (as in `--json`).
pub fn action_word(action: crate::report::Action) -> &'static str {
    use crate::report::Action;
    match action {
        Action::Spoke => "spoke",
        Action::Led => "led",
        Action::Moderated => "moderated",
        Action::Photographed => "photographed",
        Action::Absent => "absent",
        Action::Mentioned => "mentioned",
    }
}

fn passage_line(out: &mut impl Write, passage: &Passage) -> io::Result<()> {
    match passage.kind {
        PassageKind::Heading => writeln!(out, "{TITLE}{}{TITLE:#}", passage.text),
        PassageKind::ListItem => writeln!(out, "  • {}", passage.text.replace('\n', "\n    ")),
        PassageKind::Caption => writeln!(out, "{DIM}[{}]{DIM:#}", passage.text),
        PassageKind::Paragraph => writeln!(out, "{}", passage.text),
    }
}

/// The summary of an indexing run, and one line per failed file, on stderr.
pub fn outcome(err: &mut impl Write, outcome: &Outcome, quiet: bool) -> io::Result<()> {
    for failure in &outcome.failed {
        writeln!(
            err,
            "referat: skipped {}: {}",
            failure.path.display(),
            failure.reason
        )?;
    }
    for warning in &outcome.warnings {
        writeln!(
            err,
            "referat: warning: {}: {}",
            warning.path.display(),
            warning.reason
        )?;
    }
    if quiet && !outcome.has_failures() {
        return Ok(());
    }
    let reports = plural(outcome.indexed, "report", "reports");
    let mut summary = format!("indexed {reports}");
    let failed = outcome.failed.len();
    let passed = outcome.passed_over.len();
    if failed + passed == 0 {
        summary.push_str("; no files skipped");
    } else {
        let mut parts = Vec::new();
        if failed > 0 {
            parts.push(format!("{failed} failed (see above)"));
        }
        if passed > 0 {
            parts.push(format!("{passed} not report files"));
        }
        summary.push_str(&format!(
            "; skipped {}: {}",
            plural(failed + passed, "file", "files"),
            parts.join(", ")
        ));
    }
    writeln!(err, "{summary}")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Analyzer terms, space-separated on one line.
pub fn terms(out: &mut impl Write, terms: &[String]) -> io::Result<()> {
    writeln!(out, "{}", terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_mark_the_matched_bytes() {
        let text = highlighted("om Helseplattformen (HP) i dag", &[3..19, 21..23]);
        assert_eq!(
            text,
            format!("om {MATCH}Helseplattformen{MATCH:#} ({MATCH}HP{MATCH:#}) i dag")
        );
    }
}
