//! The command line in the reader's words: section names as keys or
//! headings in either language and any case, languages in any case, `-f
//! md`, `-S` with loose words, `--list --long`, and kamus's messages in
//! the content language.

use crate::{captured, kamus, run};

/// The first entry of kind `kind`.
fn first_of_kind(kind: &str) -> String {
    let (_, out, _) = run(&["--list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    list.as_array()
        .expect("an array")
        .iter()
        .find(|e| e["kind"] == kind)
        .and_then(|e| e["slug"].as_str())
        .expect("an entry of that kind")
        .to_owned()
}

#[test]
fn sections_are_named_by_key_or_heading_in_either_language_and_any_case() {
    let metric = first_of_kind("metric");
    let cases = [
        (
            "back-end-developer",
            "duties",
            &["tugas", "Tugas", "DUTIES"][..],
        ),
        ("back-end-developer", "skills", &["keahlian", "Skills"]),
        (
            "back-end-developer",
            "definition",
            &["definisi", "Definition"],
        ),
        (
            "back-end-developer",
            "related",
            &["lihat-juga", "Lihat Juga", "see-also"],
        ),
        (
            "back-end-developer",
            "sources",
            &["referensi", "References"],
        ),
        ("sql-injection", "prevention", &["pencegahan", "PENCEGAHAN"]),
        (
            "sql-injection",
            "how-it-works",
            &["cara-kerja", "How it works"],
        ),
        (&metric, "formula", &["rumus", "Formula"]),
    ];
    for (slug, key, names) in cases {
        let (status, want, err) = run(&[slug, "-s", key]);
        assert_eq!(status, 0, "{slug} -s {key}: {err}");
        for name in names {
            let (status, got, err) = run(&[slug, "-s", name]);
            assert_eq!((status, err.as_str()), (0, ""), "{slug} -s {name}");
            assert_eq!(got, want, "{slug} -s {name}");
        }
    }
    let (status, _, err) = run(&["git", "-s", "tugasan"]);
    assert_eq!(status, 2);
    assert!(err.contains("possible values: definition, duties"), "{err}");
}

#[test]
fn a_section_starts_with_the_title_line_in_every_text_format() {
    let (_, text, _) = run(&["git", "-s", "definition"]);
    assert!(text.starts_with("Git  (teknologi)\n\nDEFINISI\n"), "{text}");
    let (_, md, _) = run(&["git", "-s", "definition", "-f", "md"]);
    assert!(
        md.starts_with("# Git\n\n*teknologi*\n\n## Definisi\n"),
        "{md}"
    );
}

#[test]
fn languages_are_read_in_any_case_and_a_bad_variable_is_named() {
    let (_, english, _) = run(&["git", "-L", "en"]);
    assert!(english.starts_with("Git  (technology)"));
    for args in [&["git", "-L", "EN"][..], &["git", "--en"]] {
        assert_eq!(run(args).1, english, "{args:?}");
    }
    let (status, out, _) = captured(kamus().env("KAMUS_LANG", "EN").arg("git"));
    assert_eq!((status, out), (0, english));

    let (status, out, err) = captured(kamus().env("KAMUS_LANG", "jp").arg("git"));
    assert_eq!((status, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("KAMUS_LANG=jp"), "{err}");
    assert!(
        !err.contains("--lang"),
        "names the variable, not the flag: {err}"
    );
}

#[test]
fn markdown_has_three_spellings() {
    let (_, want, _) = run(&["git", "--format", "markdown"]);
    assert!(want.starts_with("# Git"));
    for args in [
        &["git", "-f", "md"][..],
        &["git", "--markdown"],
        &["git", "-f", "Markdown"],
    ] {
        assert_eq!(run(args).1, want, "{args:?}");
    }
}

#[test]
fn list_with_a_language_code_points_to_dash_capital_l() {
    let (status, out, err) = run(&["-l", "en", "seo"]);
    assert_eq!((status, out.as_str()), (2, ""));
    assert!(
        err.contains("-l adalah --list") && err.contains("-L en"),
        "{err}"
    );
    let (_, _, err) = run(&["-l", "en", "seo", "-L", "en"]);
    assert!(
        err.contains("-l is --list") && err.contains("-L en"),
        "{err}"
    );
    let (status, _, err) = run(&["--list", "seo"]);
    assert_eq!(status, 2);
    assert!(err.contains("--list tidak menerima istilah"), "{err}");
}

#[test]
fn search_takes_loose_words_as_lookup_does() {
    let (status, want, _) = run(&["--search", "prepared statement"]);
    assert_eq!(status, 0);
    for args in [
        &["-S", "prepared", "statement"][..],
        &["prepared", "statement", "-S"],
        &["--search", "prepared", "statement"],
    ] {
        assert_eq!(run(args).1, want, "{args:?}");
    }
    let (status, _, err) = run(&["-S"]);
    assert_eq!(status, 2);
    assert!(err.contains("kueri pencarian"), "{err}");
}

#[test]
fn list_long_is_slug_term_and_the_aliases_of_both_languages() {
    let (_, slugs, _) = run(&["--list"]);
    for lang in ["id", "en"] {
        let (status, long, _) = run(&["--list", "--long", "-L", lang]);
        assert_eq!(status, 0);
        let rows: Vec<Vec<&str>> = long.lines().map(|l| l.split('\t').collect()).collect();
        assert!(rows.iter().all(|r| r.len() == 3), "three fields a line");
        let listed: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        assert_eq!(listed, slugs.lines().collect::<Vec<_>>());
        let row = rows
            .iter()
            .find(|r| r[0] == "back-end-developer")
            .expect("listed");
        assert_eq!(row[1], "Back End Developer");
        // An Indonesian name matches in fzf whatever the language.
        assert!(row[2].contains("pengembang back end"), "{row:?}");
        assert!(row[2].contains("backend developer"), "{row:?}");
    }
    let (_, git_id, _) = run(&["--list", "--long"]);
    assert!(
        git_id
            .lines()
            .any(|l| l.starts_with("web-session\tSesi Web\t")),
        "{git_id}"
    );
    let (_, git_en, _) = run(&["--list", "--long", "-L", "en"]);
    assert!(
        git_en
            .lines()
            .any(|l| l.starts_with("web-session\tWeb Session\t"))
    );
    assert_eq!(run(&["--long", "git"]).0, 2, "--long needs --list");
}

#[test]
fn kamus_speaks_the_content_language() {
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["qwertyuiop"],
            "kamus: 'qwertyuiop' tidak ditemukan; coba kamus --search\n",
            "kamus: 'qwertyuiop' not found; try kamus --search\n",
        ),
        (
            &["bakend", "developer", "-s", "definition"],
            "kamus: menampilkan 'back-end-developer' untuk 'bakend developer'\n",
            "kamus: showing 'back-end-developer' for 'bakend developer'\n",
        ),
        (
            &["--search", "zzzqqq"],
            "kamus: tidak ada hasil untuk 'zzzqqq'\n",
            "kamus: nothing found for 'zzzqqq'\n",
        ),
        (
            &["sql-injection", "-s", "duties"],
            "kamus: 'sql-injection' tidak punya bagian duties; yang ada: ",
            "kamus: 'sql-injection' has no section duties; it has: ",
        ),
    ];
    for (args, id, en) in cases {
        let (_, _, err) = run(args);
        assert!(err.starts_with(id), "{args:?}: {err}");
        let (_, _, err) = run(&[args, &["-L", "en"]].concat());
        assert!(err.starts_with(en), "{args:?} -L en: {err}");
    }
}
