//! The messages the app wrote into its outbox folder (`TestApp::outbox`), decoded: the
//! recipient, the subject and the plain-text body as a person reads them.

use base64::Engine;
use std::path::Path;

/// One message from the outbox.
#[derive(Clone, Debug)]
pub struct Sent {
    /// The `To` header, decoded, e.g. `"Enhetschef A" <enhetschef.a@test.example>`.
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Every `.eml` file in `dir` (none if the folder does not exist).
pub fn messages(dir: &Path) -> Vec<Sent> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut sent: Vec<Sent> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "eml"))
        .map(|path| parse(&std::fs::read_to_string(&path).expect("a readable message")))
        .collect();
    sent.sort_by(|a, b| (&a.to, &a.subject).cmp(&(&b.to, &b.subject)));
    sent
}

/// How many `.eml` files `dir` holds.
pub fn count(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|entry| entry.path().extension().is_some_and(|extension| extension == "eml"))
                .count()
        })
        .unwrap_or(0)
}

fn parse(raw: &str) -> Sent {
    let raw = raw.replace("\r\n", "\n");
    let (head, body) = raw.split_once("\n\n").unwrap_or((&raw, ""));
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push_str(line.trim_start());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_lowercase(), value.trim().to_owned()));
        }
    }
    let header = |name: &str| headers.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
    let encoding = header("content-transfer-encoding").unwrap_or_default().to_lowercase();
    let body = match encoding.as_str() {
        "base64" => {
            let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(compact).expect("base64"))
                .expect("UTF-8")
        }
        "quoted-printable" => String::from_utf8(
            quoted_printable::decode(body.replace('\n', "\r\n"), quoted_printable::ParseMode::Robust)
                .expect("quoted-printable"),
        )
        .expect("UTF-8"),
        _ => body.to_owned(),
    };
    Sent {
        to: decode_words(&header("to").unwrap_or_default()),
        subject: decode_words(&header("subject").unwrap_or_default()),
        body: body.replace("\r\n", "\n").trim_end().to_owned(),
    }
}

/// A header value with its RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`)
/// decoded; whitespace between two encoded words goes.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let (before, word) = rest.split_at(start);
        let parts: Vec<&str> = word[2..].splitn(4, '?').collect();
        let [_charset, encoding, text, tail] = parts[..] else { break };
        let Some(tail) = tail.strip_prefix('=') else { break };
        if !(after_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        let bytes = if encoding.eq_ignore_ascii_case("b") {
            base64::engine::general_purpose::STANDARD.decode(text).expect("base64 word")
        } else {
            quoted_printable::decode(text.replace('_', " "), quoted_printable::ParseMode::Robust).expect("q word")
        };
        out.push_str(&String::from_utf8_lossy(&bytes));
        after_word = true;
        rest = tail;
    }
    out.push_str(rest);
    out
}
