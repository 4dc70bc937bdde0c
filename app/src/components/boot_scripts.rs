//! What starts the page's script: a preload of the JavaScript module and of the wasm bundle,
//! and the inline module (with this response's CSP nonce) that loads both and hydrates the
//! page. It does what Leptos' `HydrationScripts` does for this app (no islands, no split
//! wasm, no hashed names), but writes valid HTML: `crossorigin="anonymous"` — the same
//! same-origin credentials mode the module import and `fetch` use, so the preloads are
//! reused — where Leptos puts the nonce into `crossorigin`.

use leptos::prelude::*;

/// Loads `/{pkg}/{name}.js`, starts it with `/{pkg}/{name}.wasm` and hydrates the page.
fn boot(pkg: &str, name: &str) -> String {
    format!(
        "import(\"/{pkg}/{name}.js\").then(module => module.default({{ module_or_path: \"/{pkg}/{name}.wasm\" }}).then(() => module.hydrate()));"
    )
}

#[component]
pub fn BootScripts(options: LeptosOptions) -> impl IntoView {
    let pkg = options.site_pkg_dir.to_string();
    let name = options.output_name.to_string();
    let nonce = leptos::nonce::use_nonce();
    view! {
        <link rel="modulepreload" href=format!("/{pkg}/{name}.js") crossorigin="anonymous" />
        <link rel="preload" href=format!("/{pkg}/{name}.wasm") r#as="fetch" r#type="application/wasm" crossorigin="anonymous" />
        <script type="module" nonce=nonce>{boot(&pkg, &name)}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_is_loaded_with_its_wasm_and_hydrates() {
        assert_eq!(
            boot("pkg", "mognad"),
            "import(\"/pkg/mognad.js\").then(module => module.default({ module_or_path: \"/pkg/mognad.wasm\" }).then(() => module.hydrate()));"
        );
    }
}
