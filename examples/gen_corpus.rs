//! Generates a synthetic corpus of Nynorsk meeting reports for benchmarks, with a
//! gold JSON per report.
//!
//! `cargo run --release --example gen_corpus -- --count 100000 --out /tmp/referat-bench --seed 1`
//!
//! Reports look like those in `corpus/`: HTML pages with site chrome (menu, cookie
//! notice, breadcrumbs, footer, scripts), a share served as ISO-8859-1, a share as
//! plain text; 3–12 people per report with roles in varied shapes, themes in
//! «guillemets», agenda cases and lists, and Norwegian date forms. The same seed
//! always gives the same files.
//!
//! `--text-share PERCENT` sets the share of plain-text reports (default 20; 100 for
//! a text-only corpus), `--no-gold` leaves out the gold files.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

/// xorshift64*: small, fast and deterministic; benchmarks need no better.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const GIVEN: &[&str] = &[
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Marit",
    "Arne",
    "Solveig",
    "Øystein",
    "Åse",
    "Bjørn",
    "Sigrid",
    "Torbjørn",
    "Ragnhild",
    "Kjetil",
    "Hilde",
    "Eirik",
    "Turid",
    "Magne",
    "Liv",
    "Håkon",
    "Astrid",
    "Sindre",
    "Gunn",
    "Per",
    "Anne",
    "Jon",
    "Tone",
    "Geir",
    "Randi",
    "Vidar",
    "Mona",
    "Trond",
    "Elin",
    "Rune",
    "Silje",
    "Odd",
    "Berit",
    "Terje",
    "Kristin",
    "Helge",
];
const MIDDLE: &[&str] = &[
    "Marie", "Helen", "Inge", "Kåre", "Iren", "Petter", "Elin", "Ove",
];
const SURNAMES: &[&str] = &[
    "Nordal",
    "Bakke",
    "Hovland",
    "Sunde",
    "Myklebust",
    "Vik",
    "Solbakken",
    "Hjelmeland",
    "Rørvik",
    "Aune",
    "Fjørtoft",
    "Vartdal",
    "Brattvoll",
    "Remøy",
    "Tafjord",
    "Stokke",
    "Kvalsund",
    "Lid",
    "Fiskerstrand",
    "Sæter",
    "Gjerde",
    "Rønning",
    "Bjerkeset",
    "Strand",
    "Kleppe",
    "Hatlestad",
    "Vevle",
    "Råheim",
    "Bjørlo",
    "Kvamme",
    "Vassenden",
    "Eikrem",
    "Barstad",
    "Ose",
    "Sandvik",
    "Bjørkedal",
    "Sætre",
    "Hovden",
    "Folkestad",
    "Tangen",
];
const ROLES: &[&str] = &[
    "kommunalsjef for helse og omsorg",
    "kommunedirektør",
    "fagdirektør",
    "avdelingsleiar",
    "rådgjevar",
    "kommuneoverlege",
    "seksjonsleiar",
    "prosjektleiar",
    "fastlege",
    "einingsleiar",
    "klinikksjef",
    "ordførar",
    "helsesjef",
    "leiar i brukarutvalet",
    "overlege",
];
const PLACES: &[&str] = &[
    "Ålesund",
    "Molde",
    "Kristiansund",
    "Ørsta",
    "Volda",
    "Førde",
    "Stryn",
    "Sunndal",
    "Ulstein",
    "Herøy",
    "Sula",
    "Giske",
    "Vestnes",
    "Averøy",
    "Surnadal",
    "Fjord",
];
const VENUES: &[&str] = &[
    "Scandic Alexandra hotell",
    "Quality Hotell",
    "Thon Hotel",
    "Clarion Hotel",
    "rådhuset",
];
const THEMES: &[&str] = &[
    "Helseplattformen",
    "utskrivingsklare pasientar",
    "rekruttering av sjukepleiarar",
    "felles legevakt",
    "rehabilitering i kommunane",
    "psykisk helse for barn og unge",
    "kvardagsrehabilitering",
    "velferdsteknologi",
    "økonomiplan og budsjett",
    "beredskap og smittevern",
    "samhandling om eldre pasientar",
    "digital heimeoppfølging",
    "kompetanseplan for helsepersonell",
    "ventetider i spesialisthelsetenesta",
];
const MEETINGS: &[&str] = &[
    "Partnarskapsmøte",
    "Strategisk samarbeidsutval",
    "Dialogmøte",
    "Kommunestyremøte",
    "Styremøte",
    "Fagleg samarbeidsutval",
    "Utvida samarbeidsmøte",
];
const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const WEEKDAYS: &[&str] = &["måndag", "tysdag", "onsdag", "torsdag", "fredag"];

struct Person {
    name: String,
    role: String,
}

fn person(rng: &mut Rng) -> Person {
    let mut name = rng.pick(GIVEN).to_string();
    if rng.chance(25) {
        name.push(' ');
        name.push_str(rng.pick(MIDDLE));
    }
    name.push(' ');
    name.push_str(rng.pick(SURNAMES));
    let role = format!("{} i {} kommune", rng.pick(ROLES), rng.pick(PLACES));
    Person { name, role }
}

/// One report: (file name, bytes, gold JSON).
fn report(rng: &mut Rng, n: usize, text_share: usize) -> (String, Vec<u8>, String) {
    let year = 2019 + rng.below(6) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let published_day = (day + 1 + rng.below(5)).min(28);
    let meeting = rng.pick(MEETINGS);
    let town = rng.pick(PLACES);
    let venue = rng.pick(VENUES);
    let title = format!("{meeting} i {town} – {}", rng.pick(THEMES));
    let count = 3 + rng.below(10);
    let mut people: Vec<Person> = Vec::new();
    while people.len() < count {
        let p = person(rng);
        if !people.iter().any(|q| q.name == p.name) {
            people.push(p);
        }
    }
    let themes: Vec<&str> = (0..2 + rng.below(3)).map(|_| rng.pick(THEMES)).collect();

    let mut paragraphs: Vec<String> = Vec::new();
    let date_phrase = match rng.below(3) {
        0 => format!("Den {day}. {} {year}", MONTHS[month - 1]),
        1 => format!(
            "{} {day}. {} {year}",
            capital(rng.pick(WEEKDAYS)),
            MONTHS[month - 1]
        ),
        _ => format!("{day:02}.{month:02}.{year}"),
    };
    paragraphs.push(format!(
        "{date_phrase} vart det halde {} på {venue} i {town}. Det var om lag {} deltakarar frå kommunane og helseføretaket.",
        meeting.to_lowercase(),
        20 + rng.below(80)
    ));
    paragraphs.push(format!(
        "Hovudtema i møtet var «{}» og «{}».",
        themes[0], themes[1]
    ));
    for (i, p) in people.iter().enumerate() {
        let sentence = match (i + rng.below(4)) % 4 {
            0 => format!(
                "{}, {}, orienterte om {} og peika på utfordringane framover.",
                p.name,
                p.role,
                rng.pick(THEMES)
            ),
            1 => format!(
                "{} {} innleia til diskusjon om {}.",
                capital(&p.role),
                p.name,
                rng.pick(THEMES)
            ),
            2 => format!(
                "– Vi må samarbeide betre om {}, seier {} {}.",
                rng.pick(THEMES),
                p.role,
                p.name
            ),
            _ => format!(
                "{} ({}) meinte at kommunane treng meir kunnskap om {}.",
                p.name,
                p.role,
                rng.pick(THEMES)
            ),
        };
        paragraphs.push(sentence);
    }
    paragraphs.push(format!(
        "Neste møte er planlagt {}.{:02}.{}, og saka kjem opp att i styremøtet.",
        1 + rng.below(28),
        1 + rng.below(12),
        year + 1
    ));
    let published = format!("{published_day:02}.{month:02}.{year}");
    let gold = {
        let people_json: Vec<String> = people
            .iter()
            .map(|p| format!("{{\"name\":{:?},\"roles\":[{:?}]}}", p.name, p.role))
            .collect();
        let themes_json: Vec<String> = themes.iter().map(|t| format!("{t:?}")).collect();
        format!(
            "{{\"title\":{:?},\"meeting_date\":\"{year}-{month:02}-{day:02}\",\"published\":\"{year}-{month:02}-{published_day:02}\",\"places\":[{:?},{:?}],\"people\":[{}],\"themes\":[{}]}}",
            title,
            venue,
            town,
            people_json.join(","),
            themes_json.join(",")
        )
    };

    let kind = rng.below(100);
    if kind < text_share {
        let mut text = format!("{title}\n\nPublisert {published}\n\n");
        for p in &paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
        return (format!("r{n:07}.txt"), text.into_bytes(), gold);
    }
    let latin1 = kind < 30;
    let mut html = String::with_capacity(8192);
    let charset = if latin1 { "iso-8859-1" } else { "utf-8" };
    let _ = write!(
        html,
        "<!doctype html><html lang=\"nn\"><head><meta charset=\"{charset}\"><title>{title} - Helsefellesskapet</title>\
<style>body{{font-family:sans-serif}} .nav a{{color:#036}}</style>\
<script>var sporing = {{side: \"nyheit\", id: {n}}};</script></head><body>\
<div id=\"cookie-banner\"><p>Vi brukar informasjonskapslar for å forbetre nettstaden.</p><button>Godta</button></div>\
<header class=\"site-header\"><a href=\"/\">Helsefellesskapet</a><nav class=\"nav\"><ul>\
<li><a href=\"/behandlingar\">Behandlingar</a></li><li><a href=\"/om-oss\">Om oss</a></li>\
<li><a href=\"/nettstadkart\">Nettstadkart</a></li><li><a href=\"/pasientreiser\">Pasientreiser</a></li></ul></nav></header>\
<ol class=\"breadcrumbs\"><li><a href=\"/\">Heim</a></li><li><a href=\"/nyheiter\">Nyheiter</a></li></ol>\
<main><article><h1>{title}</h1><p class=\"published\">Publisert {published}</p>"
    );
    for (i, p) in paragraphs.iter().enumerate() {
        if i == 2 && rng.chance(50) {
            let _ = write!(
                html,
                "<figure><img alt=\"Folk rundt eit bord\" src=\"b{n}.jpg\"><figcaption>{p}</figcaption></figure>"
            );
        } else {
            let _ = write!(html, "<p>{p}</p>");
        }
    }
    let _ = write!(html, "<ul>");
    for t in &themes {
        let _ = write!(html, "<li>{}</li>", capital(t));
    }
    let _ = write!(
        html,
        "</ul></article><aside class=\"related\"><h2>Relaterte lenker</h2><a href=\"/x\">Les meir</a></aside></main>\
<footer><p>Sentralbord 70 10 50 00 · Besøksadresse: Åsevegen 10 · <a href=\"/personvern\">Personvernerklæring</a></p></footer></body></html>"
    );
    let bytes = if latin1 {
        html.chars()
            .map(|c| if (c as u32) < 256 { c as u8 } else { b'?' })
            .collect()
    } else {
        html.into_bytes()
    };
    (format!("r{n:07}.html"), bytes, gold)
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn main() {
    let mut count = 1000usize;
    let mut out = PathBuf::from("bench-corpus");
    let mut seed = 1u64;
    let mut text_share = 20usize;
    let mut gold = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--no-gold" {
            gold = false;
            continue;
        }
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--count" => count = value.parse().unwrap_or(count),
            "--out" => out = PathBuf::from(value),
            "--seed" => seed = value.parse().unwrap_or(seed),
            "--text-share" => text_share = value.parse().unwrap_or(text_share).min(100),
            other => {
                eprintln!(
                    "gen_corpus: unknown option {other} (use --count N --out DIR --seed S \
                     --text-share PERCENT --no-gold)"
                );
                std::process::exit(2);
            }
        }
    }
    let mut rng = Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let gold_dir = out.join("gold");
    if let Err(err) = fs::create_dir_all(&gold_dir) {
        eprintln!("gen_corpus: cannot create {}: {err}", out.display());
        std::process::exit(1);
    }
    let mut bytes_written = 0usize;
    for n in 0..count {
        // Spread over subdirectories, as archives are.
        let dir = out.join("reports").join(format!("{:03}", n / 1000));
        if n % 1000 == 0
            && let Err(err) = fs::create_dir_all(&dir)
        {
            eprintln!("gen_corpus: cannot create {}: {err}", dir.display());
            std::process::exit(1);
        }
        let (name, bytes, gold_json) = report(&mut rng, n, text_share);
        bytes_written += bytes.len();
        let written = fs::write(dir.join(&name), &bytes).and_then(|_| {
            if gold {
                fs::write(gold_dir.join(format!("{name}.json")), gold_json)
            } else {
                Ok(())
            }
        });
        if let Err(err) = written {
            eprintln!("gen_corpus: cannot write {name}: {err}");
            std::process::exit(1);
        }
    }
    println!(
        "wrote {count} reports ({:.1} MB) to {}",
        bytes_written as f64 / 1e6,
        out.join("reports").display()
    );
}
