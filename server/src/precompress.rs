//! Precompresses the built site's assets (brotli at the highest quality, and gzip), so the
//! server sends the wasm bundle compressed without compressing it on every request.

use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Files smaller than this are not worth compressing.
const MIN_BYTES: u64 = 1024;

/// One compressed asset and its sizes.
#[derive(Debug)]
pub struct Compressed {
    pub path: PathBuf,
    pub raw: u64,
    pub brotli: u64,
    pub gzip: u64,
}

/// `content` compressed with brotli at the highest quality and a 16 MB window, as the server
/// sends the site's assets.
pub fn brotli_best(content: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 24, ..Default::default() };
    brotli::BrotliCompress(&mut &content[..], &mut brotli, &params)?;
    Ok(brotli)
}

fn compressible(path: &Path) -> bool {
    matches!(path.extension().and_then(|ext| ext.to_str()), Some("wasm" | "js" | "css" | "svg" | "json" | "html"))
}

/// Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`.
pub fn precompress(dir: &Path) -> anyhow::Result<Vec<Compressed>> {
    let mut done = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).with_context(|| format!("read {}", current.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let raw = path.metadata()?.len();
            if !compressible(&path) || raw < MIN_BYTES {
                continue;
            }
            let content = std::fs::read(&path)?;

            let brotli = brotli_best(&content)?;
            let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gzip.write_all(&content)?;
            let gzip = gzip.finish()?;

            std::fs::write(with_suffix(&path, "br"), &brotli)?;
            std::fs::write(with_suffix(&path, "gz"), &gzip)?;
            done.push(Compressed { path, raw, brotli: brotli.len() as u64, gzip: gzip.len() as u64 });
        }
    }
    done.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(done)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_get_brotli_and_gzip_variants_that_decompress_to_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("app.js");
        let content = "console.log('Mognad');\n".repeat(200);
        std::fs::write(&script, &content).unwrap();
        std::fs::write(dir.path().join("tiny.css"), "a{}").unwrap();

        let done = precompress(dir.path()).unwrap();
        assert_eq!(done.len(), 1, "small files are skipped");
        assert!(done[0].brotli < done[0].raw && done[0].gzip < done[0].raw);

        let mut decompressed = Vec::new();
        let compressed = std::fs::read(dir.path().join("app.js.br")).unwrap();
        brotli::BrotliDecompress(&mut compressed.as_slice(), &mut decompressed).unwrap();
        assert_eq!(decompressed, content.as_bytes());
    }
}
