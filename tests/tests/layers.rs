//! The hand-written modules of mindz-sdk form layers: no module imports
//! another that imports it back, directly or through others. This test
//! reads the sources with syn, resolves `crate::…` paths (also those that go
//! through the crate root's re-exports) to modules, and fails on a cycle,
//! printing the graph. `generated.rs` is left out: it is the top, and the
//! hand-written `use`s of it go through the root (`crate::Client`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../mindz-sdk/src");

/// Top-level module of a source file: `auth/cache.rs` → `auth`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::a::…` path's first segment after `crate`, and for
/// `crate::Name` the name itself.
#[derive(Default)]
struct CratePaths(BTreeSet<String>);

impl<'a> Visit<'a> for CratePaths {
    fn visit_path(&mut self, path: &'a syn::Path) {
        let mut segments = path.segments.iter();
        if segments.next().is_some_and(|s| s.ident == "crate")
            && let Some(next) = segments.next()
        {
            self.0.insert(next.ident.to_string());
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_use_tree(&mut self, tree: &'a syn::UseTree) {
        if let syn::UseTree::Path(p) = tree
            && p.ident == "crate"
        {
            collect_use(&p.tree, &mut self.0);
            return;
        }
        syn::visit::visit_use_tree(self, tree);
    }
}

fn collect_use(tree: &syn::UseTree, out: &mut BTreeSet<String>) {
    match tree {
        syn::UseTree::Path(p) => {
            out.insert(p.ident.to_string());
        }
        syn::UseTree::Name(n) => {
            out.insert(n.ident.to_string());
        }
        syn::UseTree::Rename(r) => {
            out.insert(r.ident.to_string());
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| collect_use(t, out)),
        syn::UseTree::Glob(_) => {}
    }
}

/// The crate root's `pub use module::{Name, …}`: name → module.
fn root_reexports(lib: &syn::File) -> BTreeMap<String, String> {
    fn walk(tree: &syn::UseTree, module: Option<&str>, out: &mut BTreeMap<String, String>) {
        match tree {
            syn::UseTree::Path(p) => {
                let module = module.map_or_else(|| p.ident.to_string(), str::to_owned);
                walk(&p.tree, Some(&module), out);
            }
            syn::UseTree::Name(n) => {
                if let Some(module) = module {
                    out.insert(n.ident.to_string(), module.to_owned());
                }
            }
            syn::UseTree::Rename(r) => {
                if let Some(module) = module {
                    out.insert(r.rename.to_string(), module.to_owned());
                }
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| walk(t, module, out)),
            syn::UseTree::Glob(_) => {}
        }
    }
    let mut out = BTreeMap::new();
    for item in &lib.items {
        if let syn::Item::Use(u) = item {
            walk(&u.tree, None, &mut out);
        }
    }
    out
}

/// Module → the modules it uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(SRC);
    let lib: syn::File = syn::parse_file(&std::fs::read_to_string(src.join("lib.rs")).unwrap())
        .expect("lib.rs parses");
    let reexports = root_reexports(&lib);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(src, f))
        .filter(|m| m != "lib" && m != "generated")
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(src, file);
        if !modules.contains(&module) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let parsed = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.display()));
        let mut paths = CratePaths::default();
        paths.visit_file(&parsed);
        let uses = graph.entry(module.clone()).or_default();
        for name in paths.0 {
            let target = if modules.contains(&name) {
                Some(name)
            } else {
                reexports.get(&name).cloned()
            };
            if let Some(target) = target.filter(|t| *t != module && modules.contains(t)) {
                uses.insert(target);
            }
        }
    }
    graph
}

/// A cycle through `start`, if any (depth-first search).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn dfs(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = dfs(graph, next, stack, done) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(found) = dfs(graph, node, &mut Vec::new(), &mut done) {
            return Some(found);
        }
    }
    None
}

fn render(graph: &BTreeMap<String, BTreeSet<String>>) -> String {
    graph
        .iter()
        .map(|(module, uses)| {
            let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
            format!("{module:>15} -> {}", uses.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_hand_written_modules_have_no_import_cycle() {
    let graph = graph();
    println!("{}", render(&graph));
    if let Some(found) = cycle(&graph) {
        panic!("import cycle: {}\n{}", found.join(" -> "), render(&graph));
    }
    // The layers the README describes: the bottom uses nothing, the
    // pipeline is used only by the client surface and raw requests (and
    // the generated code).
    assert!(graph["wire"].is_empty(), "wire must use no other module");
    let users_of_pipeline: Vec<&String> = graph
        .iter()
        .filter(|(_, uses)| uses.contains("pipeline"))
        .map(|(module, _)| module)
        .collect();
    assert_eq!(users_of_pipeline, vec!["client", "raw"]);
    assert!(
        !graph["retry"].contains("pipeline") && !graph["retry"].contains("telemetry"),
        "retry is pure policy: {:?}",
        graph["retry"]
    );
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.insert("a".into(), ["b".to_string()].into());
    graph.insert("b".into(), ["c".to_string()].into());
    graph.insert("c".into(), BTreeSet::new());
    assert_eq!(cycle(&graph), None);
    graph.get_mut("c").unwrap().insert("a".into());
    assert_eq!(
        cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
