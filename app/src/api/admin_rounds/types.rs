//! What the round administration's server functions send, and how a round form's typed
//! values and problems travel in an address (a refused plain form post goes back to its
//! page with them, so nothing typed is lost).

use crate::api::round_summary::RoundSummary;
use crate::domain::ids::{FrameworkVersionId, NodeId};
use crate::domain::limits::{ROUND_INTRO_MAX_CHARS, ROUND_NAME_MAX_CHARS, char_count, normalise_text};
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::domain::reason::REASON_MAX_CHARS;
use crate::domain::round_lifecycle::{Move, RawRound, RoundField, RoundFieldError};
use serde::{Deserialize, Serialize};

/// The group name of a round form's fields in `AppError::Invalid`.
pub const ROUND_FIELD_GROUP: &str = "round";

/// The query key of the organisation search in the round forms.
pub const SEARCH_KEY: &str = "sok";
/// The query key of a refused form's problems.
pub const PROBLEMS_KEY: &str = "problem";

/// How many units a round covers on its date, and where they stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageCounts {
    pub units: usize,
    pub not_started: usize,
    pub drafts: usize,
    pub submitted: usize,
}

/// A round in the administration's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundLine {
    pub round: RoundSummary,
    /// The organisation whose subtree it covers.
    pub root_name: String,
    pub coverage: CoverageCounts,
}

/// A framework version to choose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionChoice {
    pub id: FrameworkVersionId,
    /// e.g. "Stockholms stads kvalitetsprogram, version 2026".
    pub name: String,
    pub label: String,
}

/// An organisation to choose as the part of the tree a round covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeChoice {
    pub id: NodeId,
    pub name: String,
    /// The organisations above it (below the city), from the top down.
    pub within: Vec<String>,
}

/// The choices of a round form: the published framework versions, the city (the default
/// part of the tree), the organisation chosen so far and the search's hits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundFormOptions {
    pub versions: Vec<VersionChoice>,
    pub city: NodeChoice,
    /// The organisation in the form's `nod`, if it is not the city.
    pub chosen: Option<NodeChoice>,
    /// What the search found (empty without a search).
    pub hits: Vec<NodeChoice>,
    /// Whether a search was made (so "nothing found" can be said).
    pub searched: bool,
    /// Today, `YYYY-MM-DD` (Stockholm), the earliest closing date.
    pub today: String,
}

/// A round as its administration page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminRound {
    pub round: RoundSummary,
    pub framework: VersionChoice,
    pub root: NodeChoice,
    pub intro: Option<String>,
    pub coverage: CoverageCounts,
    /// The steps the round can take from its status.
    pub moves: Vec<Move>,
    /// A draft: every detail may be changed.
    pub details_editable: bool,
    /// Open: the closing date may be changed.
    pub closing_date_changeable: bool,
    /// Today, `YYYY-MM-DD` (Stockholm).
    pub today: String,
}

/// What a step will do, for its confirmation page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MovePreview {
    pub round: RoundSummary,
    pub step: Move,
    pub root: NodeChoice,
    /// The units covered on the round's date, and where they stand.
    pub coverage: CoverageCounts,
    /// The framework version, and whether opening will freeze it.
    pub framework: VersionChoice,
    pub freezes_framework: bool,
    /// Why the step cannot be taken now (e.g. the opening date has not come), if so.
    pub problems: Vec<RoundFieldError>,
    /// Today, `YYYY-MM-DD` (Stockholm).
    pub today: String,
}

/// Problems as the errors a server function answers with.
pub fn invalid_fields(problems: &[RoundFieldError]) -> Vec<FieldError> {
    problems
        .iter()
        .map(|error| FieldError {
            group: ROUND_FIELD_GROUP.to_owned(),
            key: error.field.key().to_owned(),
            problem: error.problem.clone(),
        })
        .collect()
}

/// The round form's problems among an error's fields.
pub fn round_problems(fields: &[FieldError]) -> Vec<RoundFieldError> {
    fields
        .iter()
        .filter(|error| error.group == ROUND_FIELD_GROUP)
        .filter_map(|error| {
            RoundField::from_key(&error.key).map(|field| RoundFieldError { field, problem: error.problem.clone() })
        })
        .collect()
}

fn problem_code(problem: &FieldProblem) -> &'static str {
    match problem {
        FieldProblem::UnknownKey => "okand",
        FieldProblem::InvalidRating => "bedomning",
        FieldProblem::TooLong { .. } => "for-lang",
        FieldProblem::Missing => "saknas",
        FieldProblem::InvalidDate => "datum",
        FieldProblem::InvalidChoice => "val",
        FieldProblem::EndsBeforeStart => "fore-start",
        FieldProblem::InThePast => "passerat",
        FieldProblem::InTheFuture => "framtid",
        FieldProblem::NotAvailable => "ej-mojligt",
        FieldProblem::InvalidEmail => "e-post",
        FieldProblem::InvalidCharacters => "tecken",
        FieldProblem::Taken => "upptagen",
        FieldProblem::TooShort { .. } => "for-kort",
        FieldProblem::NotMatching => "olika",
        FieldProblem::Deactivated => "inaktiverad",
        FieldProblem::WrongLevel => "fel-niva",
    }
}

/// The longest text `field` takes, if it is a text.
fn max_chars(field: RoundField) -> Option<usize> {
    match field {
        RoundField::Name => Some(ROUND_NAME_MAX_CHARS),
        RoundField::Intro => Some(ROUND_INTRO_MAX_CHARS),
        RoundField::Reason => Some(REASON_MAX_CHARS),
        _ => None,
    }
}

/// Problems as one query value: `namn.saknas,stanger.fore-start`.
pub fn problems_param(problems: &[RoundFieldError]) -> String {
    problems
        .iter()
        .map(|error| format!("{}.{}", error.field.key(), problem_code(&error.problem)))
        .collect::<Vec<_>>()
        .join(",")
}

/// Problems read back from [`problems_param`]; a text's length comes from `typed` (the
/// field's value as it is in the address). Anything unreadable is left out.
pub fn problems_from_param(value: &str, typed: impl Fn(RoundField) -> String) -> Vec<RoundFieldError> {
    let all = [
        FieldProblem::UnknownKey,
        FieldProblem::InvalidRating,
        FieldProblem::TooLong { max: 0, actual: 0 },
        FieldProblem::Missing,
        FieldProblem::InvalidDate,
        FieldProblem::InvalidChoice,
        FieldProblem::EndsBeforeStart,
        FieldProblem::InThePast,
        FieldProblem::InTheFuture,
        FieldProblem::NotAvailable,
    ];
    value
        .split(',')
        .filter_map(|part| {
            let (field, code) = part.split_once('.')?;
            let field = RoundField::from_key(field)?;
            let problem = all.iter().find(|problem| problem_code(problem) == code)?.clone();
            let problem = match problem {
                FieldProblem::TooLong { .. } => {
                    let actual = normalise_text(&typed(field)).map_or(0, |text| char_count(&text));
                    FieldProblem::TooLong { max: max_chars(field)?, actual }
                }
                other => other,
            };
            Some(RoundFieldError { field, problem })
        })
        .collect()
}

/// A round form's values from an address's parameters (`get` gives one by name).
pub fn raw_round_from_params(get: impl Fn(&str) -> Option<String>) -> RawRound {
    let value = |field: RoundField| get(field.key()).unwrap_or_default();
    RawRound {
        name: value(RoundField::Name),
        framework_version: value(RoundField::FrameworkVersion),
        root: value(RoundField::Root),
        opens_on: value(RoundField::OpensOn),
        closes_on: value(RoundField::ClosesOn),
        intro: value(RoundField::Intro),
    }
}

/// The value of `field` in `raw`.
pub fn raw_value(raw: &RawRound, field: RoundField) -> &str {
    match field {
        RoundField::Name => &raw.name,
        RoundField::FrameworkVersion => &raw.framework_version,
        RoundField::Root => &raw.root,
        RoundField::OpensOn => &raw.opens_on,
        RoundField::ClosesOn => &raw.closes_on,
        RoundField::Intro => &raw.intro,
        RoundField::Reason | RoundField::Status => "",
    }
}

/// A round form's values (and problems, if any) as query parameters, without `?`.
pub fn raw_round_params(raw: &RawRound, problems: &[RoundFieldError]) -> String {
    use crate::routes::urlencode;
    let mut params: Vec<String> = [
        RoundField::Name,
        RoundField::FrameworkVersion,
        RoundField::Root,
        RoundField::OpensOn,
        RoundField::ClosesOn,
        RoundField::Intro,
    ]
    .into_iter()
    .filter(|field| !raw_value(raw, *field).is_empty())
    .map(|field| format!("{}={}", field.key(), urlencode(raw_value(raw, field))))
    .collect();
    if !problems.is_empty() {
        params.push(format!("{PROBLEMS_KEY}={}", urlencode(&problems_param(problems))));
    }
    params.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_and_problems_survive_an_address() {
        let raw = RawRound {
            name: "Omgång & test = 1".into(),
            framework_version: "2".into(),
            root: "10".into(),
            opens_on: "2027-02-01".into(),
            closes_on: "2027-01-01".into(),
            intro: format!("Rad ett\nrad två {}", "x".repeat(ROUND_INTRO_MAX_CHARS)),
        };
        let problems = vec![
            RoundFieldError { field: RoundField::ClosesOn, problem: FieldProblem::EndsBeforeStart },
            RoundFieldError {
                field: RoundField::Intro,
                problem: FieldProblem::TooLong { max: ROUND_INTRO_MAX_CHARS, actual: ROUND_INTRO_MAX_CHARS + 16 },
            },
        ];
        let query = raw_round_params(&raw, &problems);
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, value)| (key.to_owned(), percent_decode(value)))
            .collect();
        let get = |name: &str| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
        let read = raw_round_from_params(get);
        assert_eq!(read, raw);
        let back = problems_from_param(&get(PROBLEMS_KEY).unwrap(), |field| raw_value(&read, field).to_owned());
        assert_eq!(back, problems);
        assert!(problems_from_param("namn.okand-kod,nix.saknas,", |_| String::new()).is_empty());
    }

    #[test]
    fn problems_travel_as_field_errors_and_back() {
        let problems = vec![RoundFieldError { field: RoundField::Reason, problem: FieldProblem::Missing }];
        let fields = invalid_fields(&problems);
        assert_eq!(fields[0].key, "orsak");
        assert_eq!(round_problems(&fields), problems);
    }

    fn percent_decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut index = 0;
        while index < bytes.len() {
            if bytes[index] == b'%' {
                out.push(u8::from_str_radix(&value[index + 1..index + 3], 16).unwrap());
                index += 3;
            } else {
                out.push(if bytes[index] == b'+' { b' ' } else { bytes[index] });
                index += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }
}
