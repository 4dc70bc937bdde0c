//! A short, stable fingerprint of a field's value. The form carries the fingerprint of
//! each value as it was loaded; on save the server compares it with what is stored now to
//! tell "you changed this", "someone else changed this" and "both of you changed this"
//! apart, without the page sending every original text back.

/// FNV-1a (64 bit) of the value, as 16 hex digits. Texts are normalised first (line breaks,
/// surrounding space), so the browser's CRLF does not count as a change. No value and an
/// empty value have the same fingerprint.
pub fn fingerprint(value: Option<&str>) -> String {
    let normalised = value.and_then(super::limits::normalise_text).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in normalised.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether `text` has the shape of a fingerprint (16 lower-case hex digits).
pub fn is_fingerprint(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_equal_fingerprints_whatever_their_line_breaks() {
        assert_eq!(fingerprint(Some("a\r\nb ")), fingerprint(Some("a\nb")));
        assert_eq!(fingerprint(None), fingerprint(Some("  ")));
        assert_ne!(fingerprint(Some("3")), fingerprint(Some("4")));
        assert_eq!(fingerprint(Some("")).len(), 16);
    }

    #[test]
    fn only_sixteen_lower_case_hex_digits_look_like_a_fingerprint() {
        assert!(is_fingerprint(&fingerprint(Some("text"))));
        assert!(!is_fingerprint("CBF29CE484222325"));
        assert!(!is_fingerprint("cbf29ce48422232"));
        assert!(!is_fingerprint(&"a".repeat(10_000)));
    }

    #[test]
    fn the_fingerprint_is_fnv1a() {
        // Reference values of FNV-1a 64: "" and "a".
        assert_eq!(fingerprint(None), "cbf29ce484222325");
        assert_eq!(fingerprint(Some("a")), "af63dc4c8601ec8c");
    }
}
