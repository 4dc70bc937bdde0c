//! What starts the page's script: a preload of the JavaScript module and of the wasm bundle,
//! and the inline module (with this response's CSP nonce) that loads both and hydrates the
//! page, under their content-hashed names (`crate::asset_names`). It does what Leptos'
//! `HydrationScripts` does for this app (no islands, no split wasm), without reading the hash
//! file on every request, and writes valid HTML: `crossorigin="anonymous"` — the same
//! same-origin credentials mode the module import and `fetch` use, so the preloads are
//! reused — where Leptos puts the nonce into `crossorigin`.

use crate::asset_names::AssetNames;
use leptos::prelude::*;

/// Loads the script `js`, starts it with the bundle `wasm` and hydrates the page (both names
/// are [`AssetNames`]: a path of letters, digits, `-`, `_`, `.` and `/`).
fn boot(js: &str, wasm: &str) -> String {
    format!(
        "import(\"{js}\").then(module => module.default({{ module_or_path: \"{wasm}\" }}).then(() => module.hydrate()));"
    )
}

#[component]
pub fn BootScripts(names: &'static AssetNames) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let script = boot(&names.js, &names.wasm);
    view! {
        <link rel="modulepreload" href=names.js.as_str() crossorigin="anonymous" />
        <link rel="preload" href=names.wasm.as_str() r#as="fetch" r#type="application/wasm" crossorigin="anonymous" />
        <script type="module" nonce=nonce>{script}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_is_loaded_with_its_wasm_and_hydrates() {
        assert_eq!(
            boot("/pkg/mognad.js", "/pkg/mognad.wasm"),
            "import(\"/pkg/mognad.js\").then(module => module.default({ module_or_path: \"/pkg/mognad.wasm\" }).then(() => module.hydrate()));"
        );
    }
}
