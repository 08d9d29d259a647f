//! Shared names: two entries with the same alias (a homonym) are both
//! listed, in text and JSON, offered once by completion, and accepted by
//! `--check`, which still rejects an alias that is another entry's slug.

use std::fs;

use crate::golden::matches_golden;
use crate::{captured, kamus};

/// Two entries a team might keep, both called `sesi` in Indonesian.
const ANALYTICS: &str = r#"kind = "metric"
updated = 2026-11-29
related = ["google-analytics"]
term = { id = "Sesi Analitik", en = "Analytics Session" }
aliases = { id = ["sesi"], en = ["visit"] }
definition = { id = "Rangkaian interaksi satu pengunjung di sebuah situs. Laporan menghitungnya per kunjungan.", en = "A group of one visitor's interactions with a site. Reports count it per visit." }

[[sections]]
key = "formula"
body = { id = "Satu sesi per kunjungan.", en = "One session per visit." }
"#;

const WEB: &str = r#"kind = "concept"
updated = 2026-11-29
related = ["cookies"]
term = { id = "Sesi Web", en = "Web Session" }
aliases = { id = ["sesi"], en = ["http session"] }
definition = { id = "Keadaan yang disimpan server untuk satu pengguna di antara permintaan. Biasanya dikenali lewat cookie.", en = "State a server keeps for one user between requests. It is usually found again through a cookie." }
"#;

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("analytics-session.toml"), ANALYTICS).expect("written");
    fs::write(dir.path().join("web-session.toml"), WEB).expect("written");
    dir
}

#[test]
fn a_shared_alias_lists_every_entry_it_names() {
    let dir = folder();
    let (status, out, err) = captured(kamus().env("KAMUS_PATH", dir.path()).arg("sesi"));
    assert_eq!(status, 1, "{err}");
    assert_eq!(out, "");
    matches_golden("shared-alias.stderr.txt", &err, "kamus sesi");
    let (status, out, _) = captured(
        kamus()
            .env("KAMUS_PATH", dir.path())
            .args(["sesi", "--json", "-L", "en"]),
    );
    assert_eq!(status, 1);
    matches_golden("shared-alias.en.json", &out, "kamus sesi --json -L en");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["error"], "ambiguous");
    let slugs: Vec<&str> = json["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["slug"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(slugs, ["analytics-session", "web-session"]);
}

#[test]
fn each_entry_is_still_found_by_its_own_names() {
    let dir = folder();
    for (query, term) in [("visit", "Sesi Analitik"), ("http session", "Sesi Web")] {
        let (status, out, err) = captured(kamus().env("KAMUS_PATH", dir.path()).arg(query));
        assert_eq!(status, 0, "{err}");
        assert!(out.starts_with(term), "{out}");
    }
}

#[test]
fn completion_offers_a_shared_alias_once() {
    let dir = folder();
    let offered = crate::shell::bash_complete(&["kamus", "ses"], Some(dir.path()));
    assert_eq!(
        offered.iter().filter(|c| *c == "sesi").count(),
        1,
        "{offered:?}"
    );
}

#[test]
fn check_accepts_a_shared_alias_but_not_an_alias_that_is_a_slug() {
    let dir = folder();
    let (status, out, err) = captured(kamus().arg("--check").arg(dir.path()));
    assert_eq!(status, 0, "{out}{err}");
    let clash = WEB.replace(r#"en = ["http session"]"#, r#"en = ["analytics-session"]"#);
    fs::write(dir.path().join("web-session.toml"), clash).expect("written");
    let (status, out, _) = captured(kamus().arg("--check").arg(dir.path()));
    assert_eq!(status, 2);
    assert!(
        out.contains("web-session.toml:5:34: alias `analytics-session` is already a name of `analytics-session`"),
        "{out}"
    );
}
