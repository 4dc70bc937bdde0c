//! What starts the page's script: the inline module (with this response's CSP nonce) that,
//! on a page with islands, loads the JavaScript module and the wasm bundle under their
//! content-hashed names (`crate::asset_names`) and hydrates the islands. It does what
//! Leptos' `HydrationScripts` does in islands mode, without reading the hash file on every
//! request and without waiting for the browser to be idle; a page without an island loads
//! no script at all (so nothing is preloaded: the module runs once the page is parsed).
//!
//! Everything outside an island is server-rendered HTML that works without script; each
//! `<leptos-island>` is hydrated by its exported function, in document order, and an
//! island inside another's children is hydrated under its parent's owner (so it sees the
//! parent's context). Once all are hydrated, `<html>` gets `data-hydrated="true"`, which
//! the end-to-end tests wait for.

use crate::asset_names::AssetNames;
use leptos::prelude::*;

/// Walks the document and hydrates each island (Leptos' `island_script.js`, run at once).
/// A form has a few hundred small islands: the walk lets the browser handle input and
/// paint every 8 ms or so instead of blocking it for the whole hydration (one long task).
const HYDRATE_ISLANDS: &str = r#"const parents = [];
const pause = () => globalThis.scheduler?.yield ? scheduler.yield() : new Promise(resume => setTimeout(resume));
let slice = performance.now();
async function walk(node, module) {
  for (const child of node.children) {
    const tag = child.tagName.toLowerCase();
    if (tag === "leptos-island") {
      const hydrateIsland = module[child.dataset.component];
      if (hydrateIsland) {
        if (performance.now() - slice > 8) {
          await pause();
          slice = performance.now();
        }
        const parent = parents[parents.length - 1];
        if (parent) parent();
        await hydrateIsland(child);
      }
      await walk(child, module);
    } else if (tag === "leptos-children") {
      parents.push(child.$$on_hydrate);
      await walk(child, module);
      parents.pop();
    } else {
      await walk(child, module);
    }
  }
}"#;

/// On a page with islands, loads the script `js`, starts it with the bundle `wasm` and
/// hydrates the islands; then (at once without islands) marks the page ready. Both names
/// are [`AssetNames`]: a path of letters, digits, `-`, `_`, `.` and `/`.
fn boot(js: &str, wasm: &str) -> String {
    format!(
        "{HYDRATE_ISLANDS}\nconst ready = () => {{ document.documentElement.dataset.hydrated = \"true\"; }};\nif (document.querySelector(\"leptos-island\")) import(\"{js}\").then(module => module.default({{ module_or_path: \"{wasm}\" }}).then(async () => {{ module.hydrate(); await walk(document.body, module); ready(); }})); else ready();"
    )
}

#[component]
pub fn BootScripts(names: &'static AssetNames) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    // In islands mode only islands are hydrated: what is rendered outside them carries no
    // hydration markers or serialized data (as Leptos' `HydrationScripts` does).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let script = boot(&names.js, &names.wasm);
    view! {
        <script type="module" nonce=nonce>{script}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_is_loaded_with_its_wasm_and_hydrates_the_islands() {
        let script = boot("/pkg/mognad.js", "/pkg/mognad.wasm");
        assert!(script.starts_with(HYDRATE_ISLANDS));
        assert!(script.ends_with(
            "if (document.querySelector(\"leptos-island\")) import(\"/pkg/mognad.js\").then(module => module.default({ module_or_path: \"/pkg/mognad.wasm\" }).then(async () => { module.hydrate(); await walk(document.body, module); ready(); })); else ready();"
        ));
    }
}
