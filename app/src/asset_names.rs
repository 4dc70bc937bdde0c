//! The file names of the site's script, wasm bundle and styles.
//!
//! cargo-leptos builds them with a hash of their content in the name (`hash-files`), so a
//! browser may keep each for a year without asking again (`immutable`), and a new release
//! is fetched because its names are new. The hashes are in the file cargo-leptos writes
//! beside the server binary (`hash.txt`: lines `js: …`, `wasm: …`, `css: …`), read once;
//! without it (a test binary elsewhere) the names are the plain ones.

use leptos::config::LeptosOptions;

/// The paths the pages load, e.g. `/pkg/mognad.Xy3….wasm`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetNames {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

impl AssetNames {
    /// The names for `output_name` in `/{pkg}/`, with the hashes of `hashes` (the hash
    /// file's text; empty: no hashes).
    pub fn from_hash_file(pkg: &str, output_name: &str, hashes: &str) -> Self {
        let hash_of = |kind: &str| {
            hashes.lines().find_map(|line| {
                let (file, hash) = line.split_once(':')?;
                let hash = hash.trim();
                // Base64url (cargo-leptos' MD5): nothing that needs escaping in a path.
                let plain = !hash.is_empty() && hash.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                (file.trim() == kind && plain).then(|| hash.to_owned())
            })
        };
        let name = |kind: &str| match hash_of(kind) {
            Some(hash) => format!("/{pkg}/{output_name}.{hash}.{kind}"),
            None => format!("/{pkg}/{output_name}.{kind}"),
        };
        AssetNames { js: name("js"), wasm: name("wasm"), css: name("css") }
    }

    /// Whether `path` is one of these files (whose name changes with its content).
    pub fn holds(&self, path: &str) -> bool {
        [&self.js, &self.wasm, &self.css].iter().any(|name| name.as_str() == path)
    }
}

/// The names this process serves: read once from the hash file beside the binary (the
/// shell that links them is rendered on the server only).
pub fn current(options: &LeptosOptions) -> &'static AssetNames {
    static NAMES: std::sync::OnceLock<AssetNames> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let hash_file = std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.join(options.hash_file.as_ref())))
            .and_then(|path| std::fs::read_to_string(path).ok())
            .unwrap_or_default();
        AssetNames::from_hash_file(&options.site_pkg_dir, &options.output_name, &hash_file)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_hashes_of_the_hash_file() {
        let names = AssetNames::from_hash_file("pkg", "mognad", "js: aB3-_x\nwasm: Zz9\ncss: c5\n");
        assert_eq!(names.js, "/pkg/mognad.aB3-_x.js");
        assert_eq!(names.wasm, "/pkg/mognad.Zz9.wasm");
        assert_eq!(names.css, "/pkg/mognad.c5.css");
        assert!(names.holds("/pkg/mognad.Zz9.wasm") && !names.holds("/pkg/mognad.wasm"));
    }

    #[test]
    fn without_a_hash_file_or_with_a_strange_hash_the_names_are_plain() {
        let plain = AssetNames::from_hash_file("pkg", "mognad", "");
        assert_eq!((plain.js.as_str(), plain.css.as_str()), ("/pkg/mognad.js", "/pkg/mognad.css"));
        let strange = AssetNames::from_hash_file("pkg", "mognad", "wasm: \"><script>\n");
        assert_eq!(strange.wasm, "/pkg/mognad.wasm");
    }
}
