//! The names of a draft's edit fields, shared by the forms that send them and the server
//! that reads them: `form[field][<name>]` in a post, `<name>` in [`super::DraftEdit::field`].

/// The framework's name.
pub const NAME: &str = "namn";
/// The version label.
pub const LABEL: &str = "version";
/// A dimension's description (its name is [`NAME`]).
pub const DESCRIPTION: &str = "beskrivning";
/// The row for a new statement on a dimension's form.
pub const NEW_ROW: &str = "ny";

/// The form's input name of field `name`.
pub fn input_name(name: &str) -> String {
    format!("form[field][{name}]")
}

/// A level's name (`level` 1–5).
pub fn level_name(level: u8) -> String {
    format!("niva_{level}_namn")
}

/// A level's generic descriptor.
pub fn level_description(level: u8) -> String {
    format!("niva_{level}_beskrivning")
}

/// A group's name (`group` its key).
pub fn group_name(group: &str) -> String {
    format!("grupp_{group}_namn")
}

/// A group's description.
pub fn group_description(group: &str) -> String {
    format!("grupp_{group}_beskrivning")
}

/// A dimension's descriptor of `level`.
pub fn descriptor(level: u8) -> String {
    format!("niva_{level}")
}

/// The parts of a statement's row on a dimension's form (`row` is its number, or
/// [`NEW_ROW`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatementPart {
    /// Its key in the draft (hidden).
    Key,
    Text,
    Guidance,
    /// Its place in the order (a number).
    Order,
    /// Marked "jämförbar" (a checkbox).
    Comparable,
    /// Marked to be removed (a checkbox).
    Remove,
}

impl StatementPart {
    fn key(self) -> &'static str {
        match self {
            StatementPart::Key => "nyckel",
            StatementPart::Text => "text",
            StatementPart::Guidance => "vagledning",
            StatementPart::Order => "ordning",
            StatementPart::Comparable => "jamforbar",
            StatementPart::Remove => "ta_bort",
        }
    }
}

/// The field of `part` of the statement in `row`.
pub fn statement(row: &str, part: StatementPart) -> String {
    format!("p_{row}_{}", part.key())
}
