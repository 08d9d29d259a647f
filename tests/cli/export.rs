//! `--export`: the glossary, a personal entry included, read back by the
//! real programs (sdcv, dictzip, dictd and dict, installed by `.ci/run`);
//! a test whose program is missing says so and checks what it can.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::user::TEAM_ENTRY;
use crate::{captured, kamus, skip};

/// A folder with the team's entry, and `kamus --export FORMAT DIR` run
/// with it in `KAMUS_PATH`; the export's folder.
fn exported(format: &str, lang: &str) -> (tempfile::TempDir, PathBuf) {
    let work = tempfile::tempdir().expect("a temporary folder");
    let team = work.path().join("team");
    std::fs::create_dir(&team).expect("created");
    std::fs::write(team.join("rilis-mingguan.toml"), TEAM_ENTRY).expect("written");
    let dir = work.path().join("out");
    let (status, out, err) = captured(
        kamus()
            .env("KAMUS_PATH", &team)
            .args(["--export", format])
            .arg(&dir)
            .args(["-L", lang]),
    );
    assert_eq!((status, out.as_str()), (0, ""), "{err}");
    assert_eq!(
        err.lines().count(),
        1,
        "one line says what was written: {err}"
    );
    (work, dir)
}

/// Where a program is, looking in the sbin folders too (dictd is there).
fn program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/local/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// stdout of a program run with `args`, and whether it succeeded.
fn output(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().expect("the program runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn sdcv_reads_the_stardict_export_by_headword_slug_and_alias() {
    let (work, dir) = exported("stardict", "id");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("listed")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "kamus-id.dict.dz",
            "kamus-id.idx",
            "kamus-id.ifo",
            "kamus-id.syn"
        ]
    );
    let Some(sdcv) = program("sdcv") else {
        skip("sdcv is not installed, so the StarDict export is not read back");
        return;
    };
    let (_, definition, _) = captured(kamus().args(["back-end-developer", "-s", "definition"]));
    let first_sentence = definition.lines().nth(3).expect("a definition line").trim();
    let home = work.path().join("home");
    for query in [
        "back-end-developer",
        "Back End Developer",
        "pengembang backend",
    ] {
        let (ok, out) = output(
            Command::new(&sdcv)
                .env("HOME", &home)
                .env("XDG_CACHE_HOME", home.join(".cache"))
                .args(["--non-interactive", "--data-dir"])
                .arg(&dir)
                .arg(query),
        );
        assert!(ok, "sdcv {query}");
        assert!(out.contains("-->Back End Developer"), "{query}: {out}");
        assert!(out.contains(first_sentence), "{query}: {out}");
    }
    let (_, out) = output(
        Command::new(&sdcv)
            .env("HOME", &home)
            .args(["--non-interactive", "--data-dir"])
            .arg(&dir)
            .arg("rilis jumat"),
    );
    assert!(out.contains("-->Rilis Mingguan"), "the team's entry: {out}");
    assert!(out.contains("setiap Jumat pagi"), "{out}");
}

#[test]
fn dictzip_accepts_both_exports() {
    let Some(dictzip) = program("dictzip") else {
        skip("dictzip is not installed, so the .dz files are not tested by it");
        return;
    };
    for format in ["stardict", "dictd"] {
        let (_work, dir) = exported(format, "en");
        let file = dir.join("kamus-en.dict.dz");
        let (ok, _) = output(Command::new(&dictzip).arg("-t").arg(&file));
        assert!(ok, "dictzip -t {}", file.display());
        let (ok, listing) = output(Command::new(&dictzip).arg("-l").arg(&file));
        assert!(ok && listing.contains("kamus-en.dict"), "{listing}");
    }
}

/// A dictd serving one database on a free loopback port, stopped when
/// dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dictd: &Path, conf: &Path, work: &Path) -> Option<Server> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .ok()?
        .port();
    let child = Command::new(dictd)
        .arg("--config")
        .arg(conf)
        .args(["--port", &port.to_string(), "--listen-to", "127.0.0.1"])
        .args(["-d", "nodetach", "--locale", "C.UTF-8"])
        .arg("--pid-file")
        .arg(work.join("run/dictd.pid"))
        .arg("--logfile")
        .arg(work.join("run/dictd.log"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let server = Server { child, port };
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(server);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn dictd_serves_the_dictd_export_to_dict() {
    let (work, dir) = exported("dictd", "id");
    let conf = std::fs::read_to_string(dir.join("kamus-id.conf")).expect("written");
    assert!(conf.contains("database kamus-id {"), "{conf}");
    let (Some(dictd), Some(dict)) = (program("dictd"), program("dict")) else {
        skip("dictd or dict is not installed, so the dictd export is not served");
        return;
    };
    // dictd started as root serves as an unprivileged user, who must be
    // able to reach the files and write its log.
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("set");
    };
    mode(work.path(), 0o755);
    std::fs::create_dir(work.path().join("run")).expect("created");
    mode(&work.path().join("run"), 0o777);
    let conf_file = work.path().join("dictd.conf");
    std::fs::write(&conf_file, conf).expect("written");
    let Some(server) = serve(&dictd, &conf_file, work.path()) else {
        skip("dictd did not start on a loopback port here");
        return;
    };
    let ask = |args: &[&str]| {
        output(
            Command::new(&dict)
                .args(["-h", "127.0.0.1", "-p", &server.port.to_string()])
                .args(args),
        )
    };
    for query in [
        "back-end-developer",
        "Back End Developer",
        "pengembang backend",
    ] {
        let (ok, out) = ask(&["-d", "kamus-id", query]);
        assert!(ok, "dict {query}: {out}");
        assert!(
            out.contains("Back End Developer  (profesi)"),
            "{query}: {out}"
        );
        assert!(out.contains("DEFINISI"), "{query}: {out}");
    }
    let (ok, out) = ask(&["-d", "kamus-id", "rilis jumat"]);
    assert!(ok && out.contains("Rilis Mingguan  (konsep)"), "{out}");
    let (ok, out) = ask(&["-d", "kamus-id", "-m", "-s", "prefix", "back"]);
    assert!(ok, "{out}");
    assert!(out.contains("back-end-developer"), "{out}");
    let (ok, out) = ask(&["-D"]);
    assert!(ok && out.contains("kamus-id"), "{out}");
}

#[test]
fn a_folder_of_other_files_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("thesis.tex"), "mine").expect("written");
    let (status, _, err) = captured(kamus().args(["--export", "stardict"]).arg(dir.path()));
    assert_eq!(status, 2);
    assert!(err.contains("berisi berkas lain"), "{err}");
    let listed = std::fs::read_dir(dir.path()).expect("listed").count();
    assert_eq!(listed, 1, "nothing was written");

    // A folder of the other format is refused too: both have a .dict.dz.
    let (_work, stardict) = exported("stardict", "id");
    let (status, _, _) = captured(kamus().args(["--export", "dictd"]).arg(&stardict));
    assert_eq!(status, 2);
    // An earlier export of the same format is replaced.
    let (status, _, err) = captured(kamus().args(["--export", "stardict"]).arg(&stardict));
    assert_eq!(status, 0, "{err}");

    let (status, _, err) = captured(kamus().args(["--export", "epub"]).arg(dir.path()));
    assert_eq!(status, 2);
    assert!(err.contains("stardict atau dictd"), "{err}");
}

#[test]
fn a_name_with_a_tab_or_markup_cannot_break_either_format() {
    let work = tempfile::tempdir().expect("a temporary folder");
    let team = work.path().join("team");
    std::fs::create_dir(&team).expect("created");
    let text = TEAM_ENTRY
        .replace("id = \"Rilis Mingguan\"", "id = \"Rilis\\tMingguan\"")
        .replace("en = \"Weekly Release\"", "en = \"Weekly <b>Release</b>\"");
    std::fs::write(team.join("rilis-mingguan.toml"), text).expect("written");
    for format in ["dictd", "stardict"] {
        let dir = work.path().join(format);
        let (status, _, err) = captured(
            kamus()
                .env("KAMUS_PATH", &team)
                .args(["--export", format])
                .arg(&dir),
        );
        assert_eq!(status, 0, "{err}");
        if format == "dictd" {
            let index = std::fs::read_to_string(dir.join("kamus-id.index")).expect("read");
            for line in index.lines() {
                let fields = line.split('\t').count();
                assert!(fields == 3 || fields == 4, "{line:?}");
            }
            assert!(index.contains("\tRilis Mingguan\n"), "the tab is a space");
            assert!(
                index.contains("weekly breleaseb\t"),
                "markup is only letters to dictd"
            );
        } else {
            let idx = std::fs::read(dir.join("kamus-id.idx")).expect("read");
            let words: Vec<&[u8]> = idx.split(|&b| b == 0).collect();
            assert!(words.iter().any(|w| w.ends_with(b"Rilis Mingguan")));
            assert!(!words.iter().any(|w| w.ends_with(b"Rilis\tMingguan")));
            let ifo = std::fs::read_to_string(dir.join("kamus-id.ifo")).expect("read");
            // Plain text articles: markup is shown, never run.
            assert!(ifo.contains("sametypesequence=m\n"), "{ifo}");
        }
    }
}
