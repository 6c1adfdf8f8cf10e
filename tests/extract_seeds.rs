//! `referat extract --json` on the two real reports gives exactly what a careful
//! reader finds in them: the people with their roles and what they did, the dates,
//! the place, the participants and the themes. Both the published HTML page and the
//! plain-text copy must give the same answers.

use assert_cmd::Command;
use serde_json::Value;

fn extract(file: &str) -> Value {
    let output = Command::cargo_bin("referat")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", "--json", file])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn person<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} not found"))
}

#[test]
fn november_2023_report() {
    for file in [
        "corpus/utvida-samarbeidsmote-november-2023.html",
        "corpus/utvida-samarbeidsmote-november-2023.txt",
    ] {
        let r = extract(file);
        let names: Vec<&str> = r["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "May Helen Molvær Grimstad",
                "Bodil Haugen Våge",
                "Kjetil Leirbekk",
                "Andreas Follesø",
                "Magne Lerø",
                "Line Lingen",
                "Anders Høe",
                "Ann Kristin Røyset",
                "Henrik Erdal",
                "Julia Nemeth",
                "Thorleif Jansen",
                "Helge Storøy",
            ],
            "{file}"
        );
        let roles = |name: &str| strings(&person(&r, name)["roles"]);
        let actions = |name: &str| strings(&person(&r, name)["actions"]);
        assert_eq!(
            roles("Line Lingen"),
            ["leiar i fagleg utval for psykisk helse og rus"]
        );
        assert_eq!(
            roles("Anders Høe"),
            ["nestleiar i fagleg utval for psykisk helse og rus"]
        );
        assert_eq!(
            roles("Ann Kristin Røyset"),
            ["innføringsleiar HP i Ålesund kommune"]
        );
        assert_eq!(
            roles("Helge Storøy"),
            ["direktør for e-helse og teknologi i HMR HF"]
        );
        assert_eq!(
            roles("Andreas Follesø"),
            [
                "seksjonsleiar sikkerheitspsykiatri ved Ålesund sjukehus",
                "seksjonsleiar i Sikkerheitspsykiatrien"
            ]
        );
        assert_eq!(roles("Magne Lerø"), ["redaktør", "samfunnsdebattant"]);
        assert_eq!(actions("Thorleif Jansen"), ["absent"]);
        assert!(actions("Line Lingen").contains(&"moderated".to_string()));
        assert!(actions("May Helen Molvær Grimstad").contains(&"led".to_string()));
        assert_eq!(actions("Magne Lerø"), ["spoke"]);
        // Surname follow-ups are linked: "Røyset kom med nyttige tips".
        assert_eq!(
            strings(&person(&r, "Ann Kristin Røyset")["variants"]),
            ["Røyset"]
        );

        assert_eq!(strings(&r["meeting_dates"]), ["2023-11-14"]);
        assert_eq!(r["published"], "2023-11-21");
        assert_eq!(strings(&r["places"]), ["Quality Hotell Ålesund", "Ålesund"]);
        assert_eq!(r["participants"], 80);
        assert_eq!(
            strings(&r["themes"]),
            [
                "Gir kunnskap eller pengar ny helsepolitikk?",
                "Overordna plan for sikkerheitspsykiatri- perspektiv på samhandling mellom kommune og spesialisthelseteneste",
                "Helseplattformen",
                // What speakers "fortalde om" is what they presented.
                "kommunen sine erfaringar med å busette og etablere eit omsorgstilbod til ein utskrivingsklar pasient, dømt til tvungen psykisk helsevern",
                "potensialet i HelsaMI",
            ]
        );
        let other: Vec<&str> = r["dates_mentioned"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["date"].as_str().unwrap())
            .collect();
        assert_eq!(other, ["2023-09-07", "2024-04-27", "2023-12-07", "2023-12"]);
        let hmr = r["organisations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "Helse Møre og Romsdal HF")
            .unwrap();
        assert_eq!(strings(&hmr["abbreviations"]), ["HMR HF", "HMR"]);
    }
}

#[test]
fn may_2023_report() {
    for file in [
        "corpus/partnarskapsmote-mai-2023.html",
        "corpus/partnarskapsmote-mai-2023.txt",
    ] {
        let r = extract(file);
        let names: Vec<&str> = r["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            [
                "Heidi Nilsen",
                "Leni Aurora Brækhus",
                "Petter Øgar",
                "Thilde Svela",
                "Verner Larsen"
            ],
            "{file}"
        );
        let leni = person(&r, "Leni Aurora Brækhus");
        assert_eq!(strings(&leni["actions"]), ["photographed"]);
        if file.ends_with(".txt") {
            // The page shows "Leni A. Brækhus" only in an image's alt text.
            assert_eq!(strings(&leni["variants"]), ["Leni A. Brækhus"]);
        }
        assert_eq!(
            strings(&person(&r, "Petter Øgar")["roles"]),
            [
                "tidlegare ekspedisjonssjef i Helse- og omsorgsdepartementet",
                "spesialist i samfunnsmedisin"
            ]
        );
        assert_eq!(
            strings(&person(&r, "Verner Larsen")["roles"]),
            ["kommunedirektør i Ulstein kommune"]
        );
        assert_eq!(strings(&r["meeting_dates"]), ["2023-05-10"]);
        assert_eq!(r["published"], "2023-05-16");
        assert_eq!(strings(&r["places"]), ["Scandic Alexandra hotell", "Molde"]);
        let themes = strings(&r["themes"]);
        for theme in [
            "Helsepersonellkommisjonen sin rapport NOU 4:23",
            "Korleis handtere situasjonar med fulle sjukehus og stort press på helsetenestene i kommunane inn mot høgtider/ferier og bølgjer med covid/influensa",
            "Pasientsentrert helsetenesteteam i Ålesund (PSHT Ålesund)",
            "Digitalt heimesjukehus ved Neonatal intensiv ved Ålesund sjukehus",
        ] {
            assert!(
                themes.contains(&theme.to_string()),
                "{file}: {theme} not in {themes:?}"
            );
        }
    }
}
