//! The text of a reminder e-mail: a subject and a body the quality department writes, with
//! placeholders (`{omgång}`, `{sista_dag}`, `{länk}`, `{enhet}`, `{förvaltning}`,
//! `{namn}`) filled in for each recipient. Plain text throughout: what the user wrote never
//! becomes markup, and a placeholder this module does not know is left as written.

use super::limits::{char_count, normalise_text};
use super::raw_answers::FieldProblem;

/// The longest subject.
pub const SUBJECT_MAX_CHARS: usize = 200;
/// The longest body.
pub const BODY_MAX_CHARS: usize = 5_000;

/// A value that can be filled into a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placeholder {
    /// The round's name, e.g. "Självskattning 2026".
    Round,
    /// The round's last day.
    Deadline,
    /// The address of the unit's own assessment page.
    Link,
    /// The unit's name.
    Unit,
    /// The unit's förvaltning or bolag.
    Administration,
    /// The recipient's name.
    Name,
}

impl Placeholder {
    pub const ALL: [Placeholder; 6] = [
        Placeholder::Round,
        Placeholder::Deadline,
        Placeholder::Link,
        Placeholder::Unit,
        Placeholder::Administration,
        Placeholder::Name,
    ];

    /// The name written between braces.
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Round => "omgång",
            Placeholder::Deadline => "sista_dag",
            Placeholder::Link => "länk",
            Placeholder::Unit => "enhet",
            Placeholder::Administration => "förvaltning",
            Placeholder::Name => "namn",
        }
    }

    /// As written in a text, e.g. `{omgång}`.
    pub fn written(self) -> String {
        format!("{{{}}}", self.name())
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|placeholder| placeholder.name() == name)
    }
}

/// What the placeholders stand for in one message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReminderValues {
    pub round: String,
    pub deadline: String,
    pub link: String,
    pub unit: String,
    pub administration: String,
    pub name: String,
}

impl ReminderValues {
    fn value(&self, placeholder: Placeholder) -> &str {
        match placeholder {
            Placeholder::Round => &self.round,
            Placeholder::Deadline => &self.deadline,
            Placeholder::Link => &self.link,
            Placeholder::Unit => &self.unit,
            Placeholder::Administration => &self.administration,
            Placeholder::Name => &self.name,
        }
    }
}

/// A part of a template: text as written, or a known placeholder.
enum Piece<'a> {
    Text(&'a str),
    Value(Placeholder),
}

/// The template cut into text and known placeholders. A brace that does not open a known
/// placeholder is text.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut text_from = 0;
    let mut search_from = 0;
    while let Some(open) = template[search_from..].find('{').map(|at| at + search_from) {
        let after = open + 1;
        let known = template[after..]
            .find(['{', '}'])
            .filter(|&at| template[after + at..].starts_with('}'))
            .and_then(|at| Placeholder::from_name(&template[after..after + at]).map(|placeholder| (at, placeholder)));
        match known {
            Some((length, placeholder)) => {
                if text_from < open {
                    pieces.push(Piece::Text(&template[text_from..open]));
                }
                pieces.push(Piece::Value(placeholder));
                text_from = after + length + 1;
                search_from = text_from;
            }
            None => search_from = after,
        }
    }
    if text_from < template.len() {
        pieces.push(Piece::Text(&template[text_from..]));
    }
    pieces
}

/// The template with every known placeholder replaced by its value; anything else in
/// braces is left as written.
pub fn render(template: &str, values: &ReminderValues) -> String {
    pieces(template)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text,
            Piece::Value(placeholder) => values.value(placeholder),
        })
        .collect()
}

/// A subject as rendered: one line (line breaks and other control characters become
/// spaces), trimmed.
pub fn render_subject(template: &str, values: &ReminderValues) -> String {
    let rendered: String = render(template, values).chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    rendered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words in braces that are not placeholders (probably misspelt), each once, as written.
pub fn unknown_placeholders(template: &str) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') => {
                let name = &after[..close];
                let plausible = !name.is_empty() && name.chars().count() <= 40 && !name.contains(char::is_whitespace);
                if plausible
                    && Placeholder::from_name(name).is_none()
                    && !unknown.iter().any(|seen| seen[1..seen.len() - 1] == *name)
                {
                    unknown.push(format!("{{{name}}}"));
                }
                rest = &after[close + 1..];
            }
            Some(close) => rest = &after[close..],
            None => break,
        }
    }
    unknown
}

/// A reminder's text as the quality department wrote it, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderText {
    pub subject: String,
    pub body: String,
}

/// Which part of the text a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextPart {
    Subject,
    Body,
}

/// The text trimmed and with line breaks normalised (the subject on one line), or what is
/// wrong with each part: both are required and bounded.
pub fn checked_text(subject: &str, body: &str) -> Result<ReminderText, Vec<(TextPart, FieldProblem)>> {
    let subject = normalise_text(subject).map(|subject| subject.split_whitespace().collect::<Vec<_>>().join(" "));
    let body = normalise_text(body);
    let check = |text: &Option<String>, max: usize| match text.as_deref().map(char_count) {
        None => Some(FieldProblem::Missing),
        Some(actual) if actual > max => Some(FieldProblem::TooLong { max, actual }),
        Some(_) => None,
    };
    let problems: Vec<(TextPart, FieldProblem)> = [
        check(&subject, SUBJECT_MAX_CHARS).map(|problem| (TextPart::Subject, problem)),
        check(&body, BODY_MAX_CHARS).map(|problem| (TextPart::Body, problem)),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (subject, body) {
        (Some(subject), Some(body)) if problems.is_empty() => Ok(ReminderText { subject, body }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> ReminderValues {
        ReminderValues {
            round: "Självskattning 2026".into(),
            deadline: "2026-12-11".into(),
            link: "https://mognad.example/omgangar/3/enheter/42".into(),
            unit: "Förskolan Ängen".into(),
            administration: "Järva stadsdelsförvaltning".into(),
            name: "Åsa Öberg".into(),
        }
    }

    #[test]
    fn every_placeholder_is_filled_in_wherever_it_stands() {
        let text = "Hej {namn}! {enhet} i {förvaltning} har inte skickat in {omgång} (sista dag {sista_dag}): {länk}";
        assert_eq!(
            render(text, &values()),
            "Hej Åsa Öberg! Förskolan Ängen i Järva stadsdelsförvaltning har inte skickat in Självskattning 2026 \
             (sista dag 2026-12-11): https://mognad.example/omgangar/3/enheter/42"
        );
        assert_eq!(render("{länk}{länk}", &values()).matches("https://").count(), 2);
        for placeholder in Placeholder::ALL {
            assert_eq!(Placeholder::from_name(placeholder.name()), Some(placeholder));
            assert_ne!(render(&placeholder.written(), &values()), placeholder.written());
        }
    }

    #[test]
    fn unknown_placeholders_and_stray_braces_are_left_as_written() {
        for text in ["{okänd}", "{", "}", "{{omgång}", "{omgång", "omgång}", "{ omgång }", "{Omgång}", "a {b} c {"]
        {
            let expected = text.replace("{omgång}", "Självskattning 2026");
            assert_eq!(render(text, &values()), expected, "{text:?}");
        }
        assert_eq!(render("{{omgång}}", &values()), "{Självskattning 2026}");
        assert_eq!(render("", &values()), "");
    }

    #[test]
    fn user_text_stays_plain_text_whatever_it_holds() {
        let hostile = "<script>alert(1)</script> &amp; {enhet}";
        let values = ReminderValues { unit: "<b>Enhet</b>".into(), ..values() };
        assert_eq!(render(hostile, &values), "<script>alert(1)</script> &amp; <b>Enhet</b>");
    }

    #[test]
    fn a_subject_is_one_line_even_if_a_value_breaks_it() {
        let values = ReminderValues { unit: "Förskolan\r\nBcc: x@example.com".into(), ..values() };
        assert_eq!(render_subject("Påminnelse:  {enhet}\n", &values), "Påminnelse: Förskolan Bcc: x@example.com");
    }

    #[test]
    fn misspelt_placeholders_are_pointed_out_once_each() {
        assert_eq!(unknown_placeholders("{omgang} {länk} {omgang} {sista dag} {x}"), ["{omgang}", "{x}"]);
        assert!(unknown_placeholders("Hej {namn}, se {länk}. {").is_empty());
    }

    #[test]
    fn subject_and_body_are_required_and_bounded() {
        assert_eq!(
            checked_text("  Påminnelse\r\n om {omgång} ", "Hej!\r\nVälkommen\r\n"),
            Ok(ReminderText { subject: "Påminnelse om {omgång}".into(), body: "Hej!\nVälkommen".into() })
        );
        assert_eq!(
            checked_text(" ", "\n"),
            Err(vec![(TextPart::Subject, FieldProblem::Missing), (TextPart::Body, FieldProblem::Missing)])
        );
        let long = "å".repeat(BODY_MAX_CHARS + 1);
        assert_eq!(
            checked_text("Ämne", &long),
            Err(vec![(TextPart::Body, FieldProblem::TooLong { max: BODY_MAX_CHARS, actual: BODY_MAX_CHARS + 1 })])
        );
        assert!(checked_text(&"a".repeat(SUBJECT_MAX_CHARS), &"å".repeat(BODY_MAX_CHARS)).is_ok());
        assert!(checked_text(&"a".repeat(SUBJECT_MAX_CHARS + 1), "x").is_err());
    }
}
