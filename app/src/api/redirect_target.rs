//! Where to send someone after signing in: only a path on this site, never elsewhere.

/// `next` if it is a local path (`/…`, not `//host` or `/\host`), else `/`.
pub fn local_path_or_home(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(|c| c.is_control()) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(local_path_or_home(Some("/omgangar/2?status=draft")), "/omgangar/2?status=draft");
    }

    #[test]
    fn other_sites_and_odd_paths_go_home() {
        for bad in ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", "/a\nb"] {
            assert_eq!(local_path_or_home(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(local_path_or_home(None), "/");
    }
}
