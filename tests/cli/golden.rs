//! Golden files for the seed entry in every format. `KAMUS_BLESS=1 cargo
//! test` rewrites them; review the diff before committing.

use std::path::PathBuf;

use crate::run;

fn golden(name: &str, args: &[&str]) -> String {
    let (status, out, err) = run(args);
    assert_eq!(status, 0, "kamus {args:?} failed: {err}");
    assert_eq!(err, "", "kamus {args:?} wrote to stderr");
    matches_golden(name, &out, &format!("kamus {args:?}"));
    out
}

/// Compares `out` with the golden file `name`, or rewrites the file when
/// `KAMUS_BLESS` is set.
pub fn matches_golden(name: &str, out: &str, what: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("KAMUS_BLESS").is_some() {
        std::fs::write(&path, out).expect("golden file written");
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        out,
        want,
        "output of {what} differs from {}",
        path.display()
    );
}

#[test]
fn plain_text() {
    let out = golden("back-end-developer.txt", &["back-end-developer"]);
    assert!(out.starts_with("Back End Developer  (profesi)\n"));
    for heading in ["DEFINISI", "TUGAS", "KEAHLIAN", "LIHAT JUGA"] {
        assert!(out.lines().any(|l| l == heading), "missing {heading}");
    }
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn coloured_text() {
    let out = golden(
        "back-end-developer.color.txt",
        &["back-end-developer", "--color=always"],
    );
    assert!(out.contains("\u{1b}["));
}

#[test]
fn english_text_wrapped() {
    let out = golden(
        "back-end-developer.en.w60.txt",
        &["back-end-developer", "-L", "en", "-w", "60"],
    );
    // Every line but a source's address, which stays whole.
    assert!(
        out.lines()
            .filter(|l| !l.trim_start().starts_with("https://"))
            .all(|l| l.chars().count() <= 60),
        "a line is wider than 60"
    );
    for heading in ["DEFINITION", "DUTIES", "SKILLS", "SEE ALSO"] {
        assert!(out.lines().any(|l| l == heading), "missing {heading}");
    }
}

#[test]
fn markdown() {
    let out = golden(
        "back-end-developer.md",
        &["back-end-developer", "--format", "markdown"],
    );
    assert!(out.starts_with("# Back End Developer\n"));
    assert!(out.contains("\n## Tugas\n"));
}

#[test]
fn json() {
    let out = golden("back-end-developer.json", &["back-end-developer", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["slug"], "back-end-developer");
    assert_eq!(doc["lang"], "id");
    assert_eq!(doc["kind"], "role");
    assert_eq!(doc["match"]["method"], "exact");
    assert_eq!(doc["match"]["query"], "back-end-developer");
    let keys: Vec<&str> = doc["sections"]
        .as_array()
        .expect("sections is an array")
        .iter()
        .map(|s| s["key"].as_str().expect("key is a string"))
        .collect();
    assert_eq!(keys, ["duties", "skills"]);
    assert_eq!(
        doc["sections"][0]["items"].as_array().map(Vec::len),
        Some(5)
    );
    let groups = doc["sections"][1]["groups"]
        .as_array()
        .expect("skill groups");
    assert_eq!(groups[0]["title"], "Teknis");
    assert_eq!(groups[1]["title"], "Komunikasi");
    assert!(
        doc["definition"]
            .as_str()
            .is_some_and(|d| d.contains("server"))
    );
    for related in doc["related"].as_array().expect("related is an array") {
        assert!(related["slug"].is_string() && related["term"].is_string());
    }
}
