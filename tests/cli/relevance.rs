//! The search relevance set: what readers type when they do not know a
//! term's name — affixed and inflected forms, synonyms, symptoms, needs of
//! several words with fillers — half Indonesian, half English, each with
//! the entries acceptable in the top three. Written before the ranking was
//! tuned, and never tuned query by query: the search is also judged on
//! queries nobody here has seen.

use kamus::glossary::Glossary;
use kamus::model::Lang;
use kamus::search::search;

/// (query, entries acceptable in the top three).
const INDONESIAN: &[(&str, &[&str])] = &[
    (
        "mempercepat website",
        &[
            "page-speed",
            "web-performance",
            "core-web-vitals",
            "cdn",
            "cache",
            "lazy-loading",
        ],
    ),
    (
        "mengamankan website",
        &[
            "https",
            "firewall",
            "ssl-tls",
            "vulnerability",
            "owasp-top-10",
            "two-factor-authentication",
        ],
    ),
    (
        "pengoptimalan gambar",
        &["alt-text", "lazy-loading", "webp", "page-speed"],
    ),
    (
        "halaman belum dirayapi",
        &[
            "crawling",
            "crawl-budget",
            "robots-txt",
            "web-crawler",
            "indexing",
            "sitemap",
        ],
    ),
    (
        "halaman tidak muncul di google",
        &[
            "indexing",
            "crawling",
            "google-search-console",
            "robots-txt",
            "sitemap",
            "meta-robots-tag",
        ],
    ),
    (
        "cara kerja mesin pencari",
        &[
            "search-engine",
            "search-algorithm",
            "crawling",
            "indexing",
            "web-crawler",
        ],
    ),
    (
        "pencurian kata sandi lewat email palsu",
        &["phishing", "social-engineering"],
    ),
    ("serangan menebak kata sandi", &["brute-force-attack"]),
    (
        "situs diretas dan tampilannya diganti",
        &["deface", "malware"],
    ),
    (
        "data pelanggan dicuri lewat form login",
        &[
            "sql-injection",
            "cross-site-scripting",
            "injection-attack",
            "broken-access-control",
            "phishing",
        ],
    ),
    (
        "mengukur keberhasilan iklan",
        &[
            "conversion-rate",
            "return-on-ad-spend",
            "click-through-rate",
            "conversion-tracking",
            "cost-per-acquisition",
            "key-performance-indicator",
        ],
    ),
    ("biaya per klik iklan", &["cost-per-click", "pay-per-click"]),
    ("biaya per seribu tayangan", &["cost-per-mille"]),
    (
        "persentase pengunjung yang langsung pergi",
        &["bounce-rate", "engagement-rate"],
    ),
    (
        "berapa lama pengunjung di halaman",
        &["dwell-time", "average-session-duration"],
    ),
    ("melacak kampanye dengan parameter url", &["utm-parameters"]),
    ("menampilkan iklan ke pengunjung lama", &["retargeting"]),
    (
        "riset kata kunci",
        &["keyword-research", "keyword-planner", "search-volume"],
    ),
    ("kata kunci panjang dan spesifik", &["long-tail-keyword"]),
    (
        "tautan dari situs lain",
        &["backlink", "link-building", "external-link"],
    ),
    ("tautan antar halaman di situs sendiri", &["internal-link"]),
    ("teks pada tautan", &["anchor-text"]),
    (
        "judul di hasil pencarian",
        &["title-tag", "serp", "search-snippet"],
    ),
    (
        "deskripsi singkat di hasil pencarian",
        &["meta-description", "search-snippet"],
    ),
    (
        "konten yang sama di beberapa halaman",
        &["duplicate-content", "canonical-tag"],
    ),
    (
        "memindahkan halaman ke alamat baru",
        &["301-redirect", "redirect", "302-redirect"],
    ),
    ("halaman tidak ditemukan", &["404-error"]),
    (
        "server tidak merespons",
        &[
            "500-internal-server-error",
            "502-bad-gateway",
            "uptime",
            "http-status-code",
        ],
    ),
    (
        "menyimpan file website di server",
        &["hosting", "shared-hosting", "web-server"],
    ),
    ("nama alamat website", &["domain", "url", "dns"]),
    (
        "mengubah nama domain menjadi alamat ip",
        &["dns", "ip-address", "nameserver"],
    ),
    (
        "sertifikat keamanan situs",
        &[
            "ssl-tls",
            "digital-certificate",
            "https",
            "certificate-authority",
        ],
    ),
    ("server pribadi virtual", &["vps"]),
    ("menyimpan data sementara agar cepat", &["cache", "cdn"]),
    ("jaringan server di banyak negara", &["cdn"]),
    (
        "tampilan website di ponsel",
        &["responsive-web-design", "mobile-first-indexing", "viewport"],
    ),
    (
        "pengembang tampilan website",
        &["front-end-developer", "web-designer", "ui-ux-designer"],
    ),
    ("pengembang sisi server", &["back-end-developer"]),
    (
        "pekerjaan menulis konten",
        &[
            "content-writer",
            "copywriter",
            "copywriting",
            "content-marketing",
        ],
    ),
    (
        "pemasaran lewat media sosial",
        &[
            "social-media-marketing",
            "social-media-specialist",
            "influencer-marketing",
        ],
    ),
    ("mengirim newsletter ke pelanggan", &["email-marketing"]),
    (
        "mengelola versi kode",
        &["git", "version-control-system", "github"],
    ),
    (
        "menguji perangkat lunak sebelum rilis",
        &["qa-testing", "website-tester"],
    ),
    ("otomatisasi deploy", &["ci-cd", "devops-engineer"]),
    (
        "bahasa pemrograman untuk website",
        &["programming-language", "javascript", "php", "python"],
    ),
    ("basis data tanpa tabel", &["nosql"]),
    (
        "penyimpanan data terstruktur",
        &["database", "sql", "mysql", "postgresql"],
    ),
    (
        "pertukaran data antar aplikasi",
        &["api", "rest-api", "json"],
    ),
    ("izin akses berdasarkan peran", &["rbac", "authorization"]),
    ("verifikasi dua langkah", &["two-factor-authentication"]),
    ("pengunjung dari google tanpa iklan", &["organic-traffic"]),
    ("jumlah orang yang melihat iklan", &["reach", "impressions"]),
    ("persentase pengunjung yang membeli", &["conversion-rate"]),
    (
        "analisis data pengunjung website",
        &["google-analytics", "web-analytics", "data-analyst"],
    ),
    ("tombol ajakan membeli", &["call-to-action"]),
    ("halaman khusus untuk kampanye iklan", &["landing-page"]),
    ("membuat website tanpa koding", &["cms", "wordpress"]),
    ("kecepatan respons server pertama", &["time-to-first-byte"]),
];

const ENGLISH: &[(&str, &[&str])] = &[
    (
        "redirecting old urls",
        &["301-redirect", "redirect", "302-redirect"],
    ),
    (
        "site loads slowly on phones",
        &[
            "page-speed",
            "web-performance",
            "core-web-vitals",
            "mobile-first-indexing",
            "responsive-web-design",
        ],
    ),
    (
        "make my website faster",
        &[
            "page-speed",
            "web-performance",
            "cache",
            "cdn",
            "core-web-vitals",
            "lazy-loading",
        ],
    ),
    (
        "pages not showing in google",
        &[
            "indexing",
            "crawling",
            "google-search-console",
            "robots-txt",
            "sitemap",
        ],
    ),
    (
        "how search engines read pages",
        &["crawling", "web-crawler", "indexing", "search-engine"],
    ),
    (
        "fake email stealing passwords",
        &["phishing", "social-engineering"],
    ),
    ("guessing passwords automatically", &["brute-force-attack"]),
    ("hacked site homepage replaced", &["deface"]),
    (
        "attacker runs sql through a form",
        &["sql-injection", "injection-attack"],
    ),
    (
        "script injected into a web page",
        &[
            "cross-site-scripting",
            "content-security-policy",
            "injection-attack",
        ],
    ),
    (
        "forcing users to submit requests",
        &["cross-site-request-forgery"],
    ),
    (
        "measure ad performance",
        &[
            "return-on-ad-spend",
            "click-through-rate",
            "conversion-rate",
            "cost-per-acquisition",
            "conversion-tracking",
        ],
    ),
    ("cost for every click", &["cost-per-click", "pay-per-click"]),
    ("price per thousand ad views", &["cost-per-mille"]),
    (
        "visitors leaving after one page",
        &["bounce-rate", "engagement-rate"],
    ),
    (
        "track campaign links",
        &["utm-parameters", "tracking-pixel"],
    ),
    ("show ads to people who visited before", &["retargeting"]),
    (
        "finding keywords to target",
        &["keyword-research", "keyword-planner", "keyword"],
    ),
    ("how hard to rank for a keyword", &["keyword-difficulty"]),
    ("links from other websites", &["backlink", "link-building"]),
    ("links between my own pages", &["internal-link"]),
    ("clickable text of a link", &["anchor-text"]),
    (
        "title shown in search results",
        &["title-tag", "search-snippet", "serp"],
    ),
    (
        "same content on many urls",
        &["duplicate-content", "canonical-tag"],
    ),
    ("page not found error", &["404-error"]),
    (
        "server error 500",
        &["500-internal-server-error", "http-status-code"],
    ),
    (
        "where website files live",
        &["hosting", "web-server", "shared-hosting"],
    ),
    (
        "translate domain names to ip addresses",
        &["dns", "nameserver", "ip-address"],
    ),
    (
        "encrypted connection padlock",
        &["https", "ssl-tls", "digital-certificate"],
    ),
    ("storing copies to load faster", &["cache", "cdn"]),
    (
        "servers around the world delivering content",
        &["cdn", "edge-computing"],
    ),
    (
        "layout adapts to screen size",
        &["responsive-web-design", "media-query", "viewport"],
    ),
    (
        "who builds the user interface",
        &["front-end-developer", "ui-ux-designer", "web-designer"],
    ),
    ("who builds the server side", &["back-end-developer"]),
    ("writing persuasive ad text", &["copywriting", "copywriter"]),
    (
        "promoting on instagram and tiktok",
        &[
            "social-media-marketing",
            "influencer-marketing",
            "social-media-specialist",
        ],
    ),
    ("sending newsletters", &["email-marketing"]),
    (
        "tracking changes to code",
        &["git", "version-control-system"],
    ),
    (
        "automatic tests and deployment",
        &["ci-cd", "devops-engineer", "qa-testing"],
    ),
    ("database without tables", &["nosql"]),
    ("query language for databases", &["sql"]),
    ("apps talking to each other", &["api", "rest-api"]),
    (
        "allow requests from another domain",
        &["cors", "same-origin-policy"],
    ),
    ("login token signed by server", &["jwt"]),
    ("sign in with google account", &["oauth", "single-sign-on"]),
    (
        "second step after the password",
        &["two-factor-authentication", "authentication"],
    ),
    ("visitors from search without ads", &["organic-traffic"]),
    ("how many people saw my ad", &["reach", "impressions"]),
    ("percentage of visitors who buy", &["conversion-rate"]),
    ("first byte from the server", &["time-to-first-byte"]),
    ("website builder without code", &["cms", "wordpress"]),
    ("button asking to buy", &["call-to-action"]),
    ("ranking in a city", &["local-seo"]),
    ("google ads quality rating", &["quality-score"]),
    ("c# web framework", &["dot-net", "c-sharp"]),
    (
        "rich results stars in search",
        &["rich-results", "structured-data"],
    ),
    (
        "accessibility for blind users",
        &["accessibility", "screen-reader", "aria", "wcag"],
    ),
];

/// The share of queries with an acceptable entry in the top three, the
/// share with no hit at all, and the failures, one line each.
fn measure(glossary: &Glossary, set: &[(&str, &[&str])], lang: Lang) -> (f64, f64, Vec<String>) {
    let (mut good, mut empty) = (0, 0);
    let mut failures = Vec::new();
    for &(query, want) in set {
        for slug in want {
            assert!(
                glossary.by_slug(slug).is_some(),
                "{query}: {slug} is not an entry"
            );
        }
        let hits = search(glossary, query, lang, 3);
        let top: Vec<&str> = hits
            .iter()
            .take(3)
            .map(|h| glossary.slug(h.entry))
            .collect();
        if hits.is_empty() {
            empty += 1;
        }
        if top.iter().any(|s| want.contains(s)) {
            good += 1;
        } else {
            failures.push(format!("{query:?}: got {top:?}, want one of {want:?}"));
        }
    }
    let n = set.len() as f64;
    (good as f64 / n, empty as f64 / n, failures)
}

#[test]
fn the_set_is_big_enough_and_balanced() {
    assert!(INDONESIAN.len() + ENGLISH.len() >= 100);
    assert!(INDONESIAN.len() >= 50 && ENGLISH.len() >= 50);
}

#[test]
#[allow(clippy::print_stderr)]
fn recall_at_three_in_each_language() {
    let glossary = Glossary::built_in();
    let mut results = Vec::new();
    for (name, set, lang) in [
        ("Indonesian", INDONESIAN, Lang::Id),
        ("English", ENGLISH, Lang::En),
    ] {
        let (recall, empty, failures) = measure(&glossary, set, lang);
        // Printed so a run shows what to look at, pass or fail.
        eprintln!(
            "{name}: recall@3 {:.1}%, no hit {:.1}%; misses:\n  {}",
            recall * 100.0,
            empty * 100.0,
            failures.join("\n  ")
        );
        results.push((name, recall, empty));
    }
    for (name, recall, empty) in results {
        assert!(recall >= 0.85, "{name} recall@3 is {:.1}%", recall * 100.0);
        assert!(
            empty < 0.05,
            "{name}: {:.1}% of queries found nothing",
            empty * 100.0
        );
    }
}
