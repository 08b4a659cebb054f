//! Tidy checks over the whole workspace's source, kept in the smallest crate so they build in
//! seconds: every module says what it is for, SQL stays in the server's storage modules, storage
//! imports nothing above it, no files import each other in a circle, and the browser words
//! refusals in one place, writes its links from one enum of pages and its form fields with the
//! kit's labelled fields.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The workspace's root folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("api/ sits in the workspace")
        .to_owned()
}

/// Every `.rs` file under a folder of the workspace, as paths relative to that folder.
fn rust_files(folder: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path.strip_prefix(base).expect("under base").to_owned());
            }
        }
    }
    let base = root().join(folder);
    let mut out = Vec::new();
    walk(&base, &base, &mut out);
    out.sort();
    out
}

fn read(folder: &str, file: &Path) -> String {
    let path = root().join(folder).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The source without comments (doc links name paths but import nothing) and without its
/// `#[cfg(test)] mod tests { … }` block, which may reach anywhere.
fn code_of(text: &str) -> String {
    let code = text
        .find("#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at]);
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of a file under a crate's `src/` (`a/b/mod.rs` and `a/b.rs` are `a::b`).
fn module_of(file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Every `crate::a::b` and `super::a` path a source names, as absolute module paths; a
/// `crate::{a, b::c}` group gives each of its members.
fn named_paths(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for (at, _) in text.match_indices("::") {
        let before = &text[..at];
        let word_start = before.rfind(|c: char| !ident(c)).map_or(0, |i| i + 1);
        let head = &before[word_start..];
        let base: Vec<String> = match head {
            "crate" => Vec::new(),
            // `super` in `a/b.rs` and in `a/b/mod.rs` (both module a::b) is `a`.
            "super" => module[..module.len().saturating_sub(1)].to_vec(),
            _ => continue,
        };
        let rest = &text[at + 2..];
        let mut path = base;
        let mut tail = rest;
        loop {
            if let Some(group) = tail.strip_prefix('{') {
                let inner = &group[..group.find('}').unwrap_or(group.len())];
                for member in inner.split(',') {
                    let mut full = path.clone();
                    full.extend(
                        member
                            .split("::")
                            .map(|s| s.trim().to_owned())
                            .filter(|s| !s.is_empty() && s != "self"),
                    );
                    found.push(full);
                }
                break;
            }
            let end = tail.find(|c: char| !ident(c)).unwrap_or(tail.len());
            if end == 0 {
                found.push(path);
                break;
            }
            path.push(tail[..end].to_owned());
            match tail[end..].strip_prefix("::") {
                Some(next) => tail = next,
                None => {
                    found.push(path);
                    break;
                }
            }
        }
    }
    found
}

/// Which file of a crate each of its files imports from (by the longest module path that is a
/// file), leaving out the file itself.
fn import_graph(src: &str) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = rust_files(src);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        let text = read(src, file);
        let mut targets = BTreeSet::new();
        for path in named_paths(&code_of(&text), &module) {
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains(p));
            if let Some(target) = target.filter(|t| *t != module) {
                targets.insert(target);
            }
        }
        graph.insert(module, targets);
    }
    graph
}

/// The groups of two or more files that import each other in a circle (strongly connected
/// components, by Tarjan's algorithm).
fn circles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a Vec<String>) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in &self.graph[v] {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[w].min(self.low[v]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.index[w].min(self.low[v]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    group.push(w.join("::"));
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

/// The server's storage: each feature's `store.rs` or `store/`, and the pool and audit log.
fn is_storage(file: &Path) -> bool {
    let text = file.to_string_lossy();
    text.ends_with("/store.rs")
        || text.contains("/store/")
        || text == "platform/db.rs"
        || text == "platform/audit.rs"
        || text == "platform/data_revisions.rs"
}

#[test]
fn every_module_starts_with_a_line_saying_what_it_is_for() {
    let mut missing = Vec::new();
    for folder in [
        "src",
        "api/src",
        "api/tests",
        "server/src",
        "server/tests",
        "server/examples",
    ] {
        for file in rust_files(folder) {
            if !read(folder, &file).starts_with("//!") {
                missing.push(format!("{folder}/{}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "these files do not start with a `//!` line:\n{}",
        missing.join("\n")
    );
}

/// The browser files that may look at an error's code: the one door to the server, the generic
/// load error, sign-in (its own two refusals), the accounts forms' sorting of a refusal into a
/// field, and the one module that words every refusal.
const REFUSAL_READERS: [&str; 5] = [
    "kit/http.rs",
    "kit/load_error.rs",
    "accounts/pages/sign_in.rs",
    "accounts/account_rules.rs",
    "i18n/refusals.rs",
];

#[test]
fn the_browser_words_refusals_in_one_place() {
    let readers: Vec<String> = rust_files("src")
        .into_iter()
        .filter(|file| code_of(&read("src", file)).contains("ErrorCode::"))
        .map(|file| file.to_string_lossy().replace('\\', "/"))
        .filter(|file| !REFUSAL_READERS.contains(&file.as_str()))
        .collect();
    assert!(
        readers.is_empty(),
        "these browser files pick words for an error code themselves; move that into \
         src/i18n/refusals.rs:\n{}",
        readers.join("\n")
    );
}

/// Lists that filter what a page shows by writing its URL: their controls navigate instead of
/// holding a form's value, so they are written by hand.
const URL_FILTERS: [&str; 5] = [
    "homes/pages/homes_filters.rs",
    "meetings/pages/activities.rs",
    "opinions/components/queue_filters.rs",
    "opinions/pages/stats.rs",
    "opinions/pages/board.rs",
];

#[test]
fn forms_write_their_fields_with_the_kits_labelled_fields() {
    let mut by_hand = Vec::new();
    for file in rust_files("src") {
        let name = file.to_string_lossy().replace('\\', "/");
        if name.starts_with("kit/") || URL_FILTERS.contains(&name.as_str()) {
            continue;
        }
        let code = code_of(&read("src", &file));
        for (at, _) in code.match_indices('<') {
            let tag = &code[at..];
            let written_by_hand = if tag.starts_with("<textarea") || tag.starts_with("<select") {
                true
            } else if tag.starts_with("<input") {
                // Boxes and buttons of a group, a file picker and a search box have no kit field.
                let element = &tag[..tag.find('>').unwrap_or(tag.len())];
                !["checkbox", "radio", "file", "search"]
                    .iter()
                    .any(|kind| element.contains(&format!("type=\"{kind}\"")))
            } else {
                false
            };
            if written_by_hand {
                let line = code[..at].lines().count();
                by_hand.push(format!("src/{name}:{line}"));
            }
        }
    }
    assert!(
        by_hand.is_empty(),
        "form fields written by hand; use kit::text_field::TextField or \
         kit::choice_fields::{{SelectField, CheckField}}:\n{}",
        by_hand.join("\n")
    );
}

#[test]
fn the_route_table_and_the_page_enum_name_the_same_pages() {
    use deputy_homes_api::platform::apps::Page;
    let app = read("src", Path::new("app.rs"));
    let routed: BTreeSet<&str> = app
        .split("path!(\"")
        .skip(1)
        .map(|rest| rest.split('"').next().expect("a closing quote"))
        .collect();
    let pages: BTreeSet<&str> = Page::samples().iter().map(Page::pattern).collect();
    assert_eq!(
        routed, pages,
        "src/app.rs routes and api's Page enum must name the same paths"
    );
}

#[test]
fn browser_links_are_written_from_the_page_enum() {
    let mut by_hand = Vec::new();
    for file in rust_files("src") {
        let code = code_of(&read("src", &file));
        for (n, line) in code.lines().enumerate() {
            // A page path right after one of these, unless it is the API's.
            let by_hand_after = |prefix: &str| {
                line.match_indices(prefix)
                    .any(|(at, _)| !line[at + prefix.len()..].starts_with("api/"))
            };
            if ["href=\"/", "format!(\"/", "navigate(\"/"]
                .into_iter()
                .any(by_hand_after)
            {
                by_hand.push(format!("src/{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        by_hand.is_empty(),
        "links written by hand; use deputy_homes_api::platform::apps::Page:\n{}",
        by_hand.join("\n")
    );
}

#[test]
fn only_the_servers_storage_modules_hold_sql() {
    let files = rust_files("server/src");
    assert!(
        files.iter().any(|f| is_storage(f)),
        "no storage module found"
    );
    let outside: Vec<String> = files
        .iter()
        .filter(|f| !is_storage(f))
        .filter(|f| {
            let text = read("server/src", f);
            text.contains("sqlx::query") || text.contains("query_scalar(")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        outside.is_empty(),
        "SQL outside the storage modules:\n{}",
        outside.join("\n")
    );
}

/// A storage module may use the pool, the audit log, the data revisions, ids, the hourly
/// counters' names and other storage modules, nothing else of the server.
#[test]
fn storage_imports_nothing_above_it() {
    let allowed = |path: &[String]| {
        let p: Vec<&str> = path.iter().map(String::as_str).collect();
        matches!(
            p.as_slice(),
            [
                "platform",
                "db" | "audit" | "data_revisions" | "ids" | "rate_limits",
                ..
            ]
        ) || (p.len() >= 2 && p[1] == "store")
    };
    let mut upward = BTreeSet::new();
    for file in rust_files("server/src")
        .into_iter()
        .filter(|f| is_storage(f))
    {
        let module = module_of(&file);
        let text = read("server/src", &file);
        for path in named_paths(&code_of(&text), &module) {
            if !allowed(&path) {
                let target = path.iter().take(2).cloned().collect::<Vec<_>>().join("::");
                upward.insert((file.display().to_string(), target));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "storage imports from above it (move the decision into the feature's module and pass \
         its result in):\n{upward:#?}"
    );
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    for src in ["api/src", "server/src", "src"] {
        let graph = import_graph(src);
        assert!(graph.len() > 5, "{src}: too few modules found");
        let found = circles(&graph);
        assert!(
            found.is_empty(),
            "{src}: files that import each other in a circle:\n{found:#?}"
        );
    }
}

#[test]
fn the_circle_finder_finds_a_circle_and_the_import_reader_follows_groups_and_super() {
    let module = vec![
        "opinions".to_owned(),
        "store".to_owned(),
        "steps".to_owned(),
    ];
    let text = "use crate::platform::{db::Db, audit};\nuse super::notices::tell;\nfn f() { crate::x::y(); }";
    let paths = named_paths(text, &module);
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "platform::db::Db",
            "platform::audit",
            "opinions::store::notices::tell",
            "x::y"
        ]
    );
    let node = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
    let mut graph = BTreeMap::new();
    graph.insert(node("a"), BTreeSet::from([node("b")]));
    graph.insert(node("b"), BTreeSet::from([node("c")]));
    graph.insert(node("c"), BTreeSet::from([node("a")]));
    graph.insert(node("d"), BTreeSet::from([node("a")]));
    assert_eq!(circles(&graph), [vec!["a", "b", "c"]]);
}

#[test]
fn architecture_md_stays_a_short_map() {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let words = text.split_whitespace().count();
    assert!(
        (300..=1200).contains(&words),
        "ARCHITECTURE.md has {words} words: keep it a map of folders and invariants, at most 1,200"
    );
}
