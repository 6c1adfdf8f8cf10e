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

/// Pretty JSON on stdout, buffered and not through the colour layer: JSON has no
/// colour to drop, and scanning it for escape codes cost more than writing it.
pub fn json_to_stdout<T: Serialize + ?Sized>(value: &T) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    json(&mut out, value)?;
    out.flush()
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
    let mut meeting: Vec<String> = report
        .meeting_dates
        .iter()
        .map(ToString::to_string)
        .collect();
    // A meeting known only by its month is shown by its month.
    meeting.extend(report.meeting_month.clone());
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
    for notice in &outcome.notices {
        writeln!(err, "referat: {notice}")?;
    }
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
    if outcome.abandoned {
        return writeln!(
            err,
            "referat: {} failed; nothing was changed (--strict)",
            plural(outcome.failed.len(), "file", "files")
        );
    }
    let mut summary = format!(
        "indexed {}: {} added, {} updated, {} removed, {} unchanged, {} failed",
        plural(outcome.indexed(), "report", "reports"),
        outcome.added,
        outcome.updated,
        outcome.removed,
        outcome.unchanged,
        outcome.failed.len()
    );
    let passed = outcome.passed_over.len();
    if passed > 0 {
        summary.push_str(&format!(
            "; passed over {} (not report files)",
            plural(passed, "file", "files")
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

/// Cuts `text` to about `max` characters on a word boundary.
fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

/// `referat people`: one aligned line per person.
pub fn people(
    out: &mut impl Write,
    people: &[crate::query::answers::PersonSummary],
) -> io::Result<()> {
    if people.is_empty() {
        return writeln!(out, "no people found");
    }
    let width = people
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    writeln!(
        out,
        "{DIM}{}  reports  first       last        roles (most recent first){DIM:#}",
        pad("person", width)
    )?;
    for p in people {
        writeln!(
            out,
            "{TITLE}{}{TITLE:#}  {:>7}  {DATE}{}{DATE:#}  {DATE}{}{DATE:#}  {}",
            pad(&p.name, width),
            p.reports,
            date_or_dash(p.first),
            date_or_dash(p.last),
            shorten(&p.roles.join("; "), 90)
        )?;
    }
    Ok(())
}

fn evidence(
    out: &mut impl Write,
    indent: &str,
    e: &crate::query::answers::Evidence,
) -> io::Result<()> {
    writeln!(
        out,
        "{indent}{DIM}{}  {}  ({}){DIM:#}",
        date_or_dash(e.date),
        e.title,
        e.report
    )?;
    writeln!(out, "{indent}«{}»", shorten(&e.passage, 200))
}

/// `referat people --about`: people ranked by the passages about the query.
pub fn people_about(
    out: &mut impl Write,
    people: &[crate::query::answers::PersonAnswer],
) -> io::Result<()> {
    if people.is_empty() {
        return writeln!(out, "no one is named where that is mentioned");
    }
    let width = people.len().to_string().len();
    for (rank, p) in people.iter().enumerate() {
        let absent = if p.absent {
            format!(" {MATCH}(absent){MATCH:#}")
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>width$}. {TITLE}{}{TITLE:#}{absent}  {}",
            rank + 1,
            p.name,
            shorten(&p.roles.join("; "), 80)
        )?;
        evidence(out, &" ".repeat(width + 2), &p.evidence)?;
    }
    Ok(())
}

/// `referat person`: one person's reports in date order.
pub fn person(out: &mut impl Write, t: &crate::query::answers::PersonTimeline) -> io::Result<()> {
    writeln!(out, "{TITLE}{}{TITLE:#}", t.name)?;
    if !t.variants.is_empty() {
        writeln!(out, "{DIM}also written {}{DIM:#}", t.variants.join(", "))?;
    }
    for entry in &t.entries {
        let actions: Vec<&str> = entry.actions.iter().map(|a| action_word(*a)).collect();
        writeln!(out)?;
        writeln!(
            out,
            "{DATE}{}{DATE:#}  {TITLE}{}{TITLE:#}",
            date_or_dash(entry.date),
            entry.title
        )?;
        let indent = "            ";
        if !entry.places.is_empty() {
            writeln!(
                out,
                "{indent}{LABEL}place{LABEL:#}   {}",
                entry.places.join(", ")
            )?;
        }
        if !entry.roles.is_empty() {
            writeln!(
                out,
                "{indent}{LABEL}roles{LABEL:#}   {}",
                entry.roles.join("; ")
            )?;
        }
        writeln!(
            out,
            "{indent}{LABEL}did{LABEL:#}     {}",
            actions.join(", ")
        )?;
        writeln!(out, "{indent}{DIM}{}{DIM:#}", entry.report)?;
        for passage in &entry.passages {
            writeln!(out, "{indent}«{}»", shorten(passage, 200))?;
        }
    }
    Ok(())
}

/// `referat themes`.
pub fn themes(
    out: &mut impl Write,
    themes: &[crate::query::answers::ThemeSummary],
) -> io::Result<()> {
    if themes.is_empty() {
        return writeln!(out, "no themes found");
    }
    for t in themes {
        let dates: Vec<String> = t.dates.iter().map(ToString::to_string).collect();
        writeln!(
            out,
            "{TITLE}{}{TITLE:#}  {DIM}({} report{}){DIM:#}",
            t.theme,
            t.reports,
            if t.reports == 1 { "" } else { "s" }
        )?;
        if !t.variants.is_empty() {
            writeln!(out, "    {DIM}also: {}{DIM:#}", t.variants.join(" · "))?;
        }
        writeln!(
            out,
            "    {DATE}{}{DATE:#}  {DIM}{}{DIM:#}",
            dates.join(", "),
            t.report_ids.join(", ")
        )?;
    }
    Ok(())
}

/// `referat timeline`.
pub fn timeline(
    out: &mut impl Write,
    meetings: &[crate::query::answers::Meeting],
) -> io::Result<()> {
    if meetings.is_empty() {
        return writeln!(out, "no meetings found");
    }
    for m in meetings {
        let kind = if m.kind.is_empty() {
            String::new()
        } else {
            format!("  {LABEL}{}{LABEL:#}", m.kind)
        };
        writeln!(
            out,
            "{DATE}{}{DATE:#}{kind}  {TITLE}{}{TITLE:#}",
            date_or_dash(m.date),
            m.title
        )?;
        let indent = "            ";
        if !m.places.is_empty() {
            writeln!(
                out,
                "{indent}{LABEL}place{LABEL:#}   {}",
                m.places.join(", ")
            )?;
        }
        if !m.people.is_empty() {
            writeln!(
                out,
                "{indent}{LABEL}people{LABEL:#}  {}",
                shorten(&m.people.join(", "), 160)
            )?;
        }
        if !m.themes.is_empty() {
            writeln!(
                out,
                "{indent}{LABEL}themes{LABEL:#}  {}",
                shorten(&m.themes.join(" · "), 160)
            )?;
        }
    }
    Ok(())
}

/// `search --facets`: the top values over the matching reports.
pub fn facets(out: &mut impl Write, f: &crate::query::answers::Facets) -> io::Result<()> {
    writeln!(out)?;
    for (label, values) in [
        ("people", &f.people),
        ("themes", &f.themes),
        ("places", &f.places),
        ("years", &f.years),
    ] {
        let list: Vec<String> = values.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        writeln!(
            out,
            "{LABEL}{label:<7}{LABEL:#} {}",
            if list.is_empty() {
                "-".to_string()
            } else {
                list.join(", ")
            }
        )?;
    }
    Ok(())
}

/// `referat ask`.
pub fn answer(out: &mut impl Write, a: &crate::query::ask::Answer) -> io::Result<()> {
    if a.fallback {
        writeln!(
            out,
            "{DIM}could not read that as a question (kven/kva/når/kvar …); searching instead{DIM:#}"
        )?;
    }
    if a.answers.is_empty() {
        return writeln!(out, "no answer found");
    }
    let width = a.answers.len().to_string().len();
    for (rank, item) in a.answers.iter().enumerate() {
        let detail = if item.detail.is_empty() {
            String::new()
        } else {
            format!("  {DIM}{}{DIM:#}", shorten(&item.detail, 80))
        };
        writeln!(
            out,
            "{:>width$}. {TITLE}{}{TITLE:#}{detail}",
            rank + 1,
            item.answer
        )?;
        evidence(out, &" ".repeat(width + 2), &item.evidence)?;
    }
    Ok(())
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
