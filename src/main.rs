//! The `referat` command line: parses arguments and hands them to the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use referat::analysis::Analyzer;
use referat::batch::Options;
use referat::commands;
use referat::index::Store;
use referat::query::{DateRange, ReportFilter, SearchOptions};

/// mimalloc: extraction and indexing make and drop many small strings from several
/// threads at once; with the system allocator a rebuild took a quarter more CPU
/// time (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Search published meeting reports written in Nynorsk: who said what, which
/// meetings dealt with a theme, and when.
#[derive(Parser)]
#[command(name = "referat", version, about, max_term_width = 100)]
struct Cli {
    /// Index directory.
    #[arg(long, global = true, env = "REFERAT_INDEX", default_value = "index")]
    index: PathBuf,
    /// Machine-readable JSON output.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract and index report files and directories (default: corpus/).
    Index {
        /// Files or directories to index.
        paths: Vec<PathBuf>,
        /// Build a fresh index and switch to it atomically when complete.
        #[arg(long)]
        rebuild: bool,
        /// Memory for the index writer, in MB.
        #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(16..=16384))]
        memory: u32,
        /// Print nothing unless a file fails (no progress bar either).
        #[arg(long, short)]
        quiet: bool,
        /// Any failed file fails the whole run, and nothing is changed.
        #[arg(long)]
        strict: bool,
        /// Log the decision for every file (added, updated, unchanged, removed, failed).
        #[arg(long, short)]
        verbose: bool,
        /// Read and hash every file; by default a file whose size and modification
        /// time are unchanged since it was indexed is not read again.
        #[arg(long)]
        checksum: bool,
    },
    /// Search reports: ranked results with date, title and a highlighted snippet.
    Search {
        /// Words, "phrases", AND/OR/NOT, field:term, person:, tema:, stad:, dato:.
        #[arg(required_unless_present_any = ["from", "to", "person", "theme", "place"])]
        query: Vec<String>,
        /// Number of results.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        filter: FilterArgs,
        /// Order of results.
        #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
        sort: SortArg,
        /// Also print the top people, themes, places and years of the matches.
        #[arg(long)]
        facets: bool,
    },
    /// People with their reports, roles and dates; with --about, ranked by the
    /// passages about a topic.
    People {
        /// Rank people by the passages where this query matches.
        #[arg(long)]
        about: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
    },
    /// One person's timeline: reports, roles, what they did, passages about them.
    Person {
        /// Full name, surname, or a name without diacritics (Storoy).
        #[arg(required = true)]
        name: Vec<String>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Themes with counts, dates and reports; similar themes grouped.
    Themes {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, short = 'n', default_value_t = 50)]
        limit: usize,
    },
    /// Meetings in date order with kind, place, people and themes.
    Timeline {
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Answer a question in Nynorsk or Bokmål (kven/kva/når/kvar …).
    Ask {
        #[arg(required = true)]
        question: Vec<String>,
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
    },
    /// Print one stored report.
    Show {
        /// Report id, as printed by `search`.
        id: String,
    },
    /// Run extraction only and print the reports (`-` reads text from stdin).
    Extract {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the index terms the analyzer makes of some text (stdin if none).
    Analyze {
        text: Vec<String>,
        /// One output line per input line, terms space-separated.
        #[arg(long)]
        lines: bool,
        /// Which analyzer: text (titles and bodies), parts (compound parts), name.
        #[arg(long, value_enum, default_value_t = AnalyzerArg::Text)]
        analyzer: AnalyzerArg,
    },
}

/// Filters shared by the commands that read many reports.
#[derive(clap::Args, Clone, Default)]
struct FilterArgs {
    /// From this date: 2023, 2023-11, 2023-11-14 or "november 2023".
    #[arg(long, value_parser = parse_date)]
    from: Option<DateRange>,
    /// Up to and including this date (same forms as --from).
    #[arg(long, value_parser = parse_date)]
    to: Option<DateRange>,
    /// Only reports naming this person.
    #[arg(long)]
    person: Option<String>,
    /// Only reports with this theme.
    #[arg(long)]
    theme: Option<String>,
    /// Only reports from this venue or town.
    #[arg(long)]
    place: Option<String>,
}

impl FilterArgs {
    fn filter(&self) -> ReportFilter {
        ReportFilter {
            from: self.from.map(|r| r.first),
            to: self.to.map(|r| r.last),
            person: self.person.clone(),
            theme: self.theme.clone(),
            place: self.place.clone(),
        }
    }
}

fn parse_date(text: &str) -> Result<DateRange, String> {
    DateRange::parse(text).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SortArg {
    Relevance,
    Date,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum AnalyzerArg {
    Text,
    Parts,
    Name,
}

impl From<AnalyzerArg> for Analyzer {
    fn from(arg: AnalyzerArg) -> Analyzer {
        match arg {
            AnalyzerArg::Text => Analyzer::Text,
            AnalyzerArg::Parts => Analyzer::Parts,
            AnalyzerArg::Name => Analyzer::Name,
        }
    }
}

fn main() -> ExitCode {
    // Panics are reported as one line by `run_guarded`, never as a trace.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        // A closed pipe (`referat search … | head`) is the reader's choice, not an error.
        Ok(Err(err)) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Ok(Err(err)) => {
            eprintln!("referat: {err:#}");
            ExitCode::from(1)
        }
        Err(_) => {
            eprintln!("referat: internal error (this is a bug; please report the command you ran)");
            ExitCode::from(101)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<i32> {
    let store = Store::new(&cli.index);
    match cli.command {
        Command::Index {
            paths,
            rebuild,
            memory,
            quiet,
            strict,
            verbose,
            checksum,
        } => {
            let options = Options {
                rebuild,
                memory_bytes: memory as usize * 1024 * 1024,
                strict,
                progress: !quiet,
                verbose,
                checksum,
            };
            commands::index(&store, paths, &options, quiet)
        }
        Command::Search {
            query,
            limit,
            filter,
            sort,
            facets,
        } => {
            let options = SearchOptions {
                limit,
                filter: filter.filter(),
                by_date: matches!(sort, SortArg::Date),
            };
            commands::search(&store, &query.join(" "), &options, facets, cli.json)
        }
        Command::People {
            about,
            filter,
            limit,
        } => commands::people(&store, about.as_deref(), &filter.filter(), limit, cli.json),
        Command::Person { name, filter } => {
            commands::person(&store, &name.join(" "), &filter.filter(), cli.json)
        }
        Command::Themes { filter, limit } => {
            commands::themes(&store, &filter.filter(), limit, cli.json)
        }
        Command::Timeline { filter } => commands::timeline(&store, &filter.filter(), cli.json),
        Command::Ask { question, limit } => {
            commands::ask(&store, &question.join(" "), limit, cli.json)
        }
        Command::Show { id } => commands::show(&store, &id, cli.json),
        Command::Extract { files } => commands::extract(&files, cli.json),
        Command::Analyze {
            text,
            lines,
            analyzer,
        } => commands::analyze(&text, lines, analyzer.into()),
    }
}
