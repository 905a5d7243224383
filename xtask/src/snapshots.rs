//! What `generate` says next when the SDK changed: which snapshot will
//! change, and how to review snapshots on a machine without cargo-insta.

use std::path::Path;

use mindz_codegen::{inventory, load};
use serde_json::Value;

/// The snapshot of the API inventory (`tests/tests/generated.rs`).
const INVENTORY_SNAPSHOT: &str = "tests/tests/snapshots/generated__api_inventory.snap";

/// How to review snapshots, with or without cargo-insta.
pub const REVIEW: &str = "review them with `cargo insta review` (`cargo install cargo-insta --locked`), \
or run `INSTA_UPDATE=new cargo test -p mindz-tests --test generated` and read the \
`tests/tests/snapshots/*.snap.new` files (rename each over its `.snap` once read)";

/// The body of an insta snapshot file (after its `---` header).
fn snapshot_body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text, |(_, body)| body)
}

/// The next step after `generate` wrote `generated.rs` from `doc`: whether
/// the inventory snapshot changes (the other snapshots are excerpts of
/// `generated.rs`, which changed), and how to review.
pub fn next_step(root: &Path, source: &str) -> String {
    let doc = load::load_file(&root.join(crate::SCHEMA)).unwrap_or_default();
    changed_snapshots(root, source, &doc)
}

fn changed_snapshots(root: &Path, source: &str, doc: &Value) -> String {
    let checked_in = std::fs::read_to_string(root.join(INVENTORY_SNAPSHOT)).unwrap_or_default();
    let inventory_changes = match inventory::entries(source, doc) {
        Ok(entries) => {
            inventory::render(&entries).trim_end() != snapshot_body(&checked_in).trim_end()
        }
        Err(_) => true,
    };
    let which = if inventory_changes {
        "the snapshots will change (api_inventory.snap, and any excerpt of a changed operation)"
    } else {
        "snapshots of changed operations may change (api_inventory.snap does not)"
    };
    format!("generate: next: `cargo test --workspace`; {which}: {REVIEW}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_whether_the_inventory_snapshot_changes() {
        let root = crate::workspace_root();
        let doc = load::load_file(&root.join(crate::SCHEMA)).unwrap();
        let source = mindz_codegen::generate(&doc).unwrap().source;
        // A snapshot of what the schema gives today, in a scratch root.
        let scratch = std::env::temp_dir().join(format!("xtask-snap-{}", std::process::id()));
        let file = scratch.join(INVENTORY_SNAPSHOT);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let body = inventory::render(&inventory::entries(&source, &doc).unwrap());
        std::fs::write(
            &file,
            format!("---\nsource: tests/tests/generated.rs\n---\n{body}"),
        )
        .unwrap();
        let said = changed_snapshots(&scratch, &source, &doc);
        assert!(said.contains("api_inventory.snap does not"), "{said}");
        assert!(
            said.contains("cargo install cargo-insta --locked"),
            "{said}"
        );
        assert!(said.contains("INSTA_UPDATE=new"), "{said}");
        let mut fewer = doc.clone();
        let paths = fewer["paths"].as_object_mut().unwrap();
        let first = paths.keys().next().cloned().unwrap();
        paths.remove(&first);
        let fresh = mindz_codegen::generate(&fewer).unwrap();
        let said = changed_snapshots(&scratch, &fresh.source, &fewer);
        assert!(said.contains("the snapshots will change"), "{said}");
        std::fs::remove_dir_all(&scratch).unwrap();
    }

    #[test]
    fn reads_the_body_after_the_header() {
        assert_eq!(snapshot_body("---\nsource: a\n---\nline\n"), "line\n");
    }
}
