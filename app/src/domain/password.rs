//! Choosing a password through a one-time link: what a new password must be, and how long
//! a link lasts.

use super::raw_answers::{FieldError, FieldProblem};

/// The shortest password accepted: length is what makes a password strong.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// The longest: anything longer is no password anyone types, and hashing it is wasted work.
pub const PASSWORD_MAX_CHARS: usize = 1_000;
/// How long a link to choose a password lasts, in days. It works once.
pub const LINK_DAYS: i64 = 7;

/// The form fields of a new password.
pub const PASSWORD_FIELD: &str = "password";
pub const CONFIRMATION_FIELD: &str = "confirmation";

/// What is wrong with a new password and its confirmation, per field; empty if nothing.
/// Counted in characters, as typed (no trimming: spaces are part of a password).
pub fn check_new_password(password: &str, confirmation: &str) -> Vec<FieldError> {
    let problem = |key: &str, problem| FieldError { group: "password".to_owned(), key: key.to_owned(), problem };
    let length = password.chars().count();
    let mut problems = Vec::new();
    if password.is_empty() {
        problems.push(problem(PASSWORD_FIELD, FieldProblem::Missing));
    } else if length < PASSWORD_MIN_CHARS {
        problems.push(problem(PASSWORD_FIELD, FieldProblem::TooShort { min: PASSWORD_MIN_CHARS }));
    } else if length > PASSWORD_MAX_CHARS {
        problems.push(problem(PASSWORD_FIELD, FieldProblem::TooLong { max: PASSWORD_MAX_CHARS, actual: length }));
    } else if password.chars().any(char::is_control) {
        problems.push(problem(PASSWORD_FIELD, FieldProblem::InvalidCharacters));
    }
    if confirmation != password {
        problems.push(problem(CONFIRMATION_FIELD, FieldProblem::NotMatching));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(password: &str, confirmation: &str) -> Vec<(String, FieldProblem)> {
        check_new_password(password, confirmation).into_iter().map(|error| (error.key, error.problem)).collect()
    }

    #[test]
    fn a_long_enough_password_typed_twice_is_accepted() {
        assert!(problems("tolv tecken!", "tolv tecken!").is_empty());
        assert!(problems("åäöåäöåäöåäö", "åäöåäöåäöåäö").is_empty(), "characters, not bytes");
    }

    #[test]
    fn a_short_password_is_refused_and_a_different_confirmation_too() {
        assert_eq!(
            problems("elva tecken", "elva tecken"),
            [(PASSWORD_FIELD.to_owned(), FieldProblem::TooShort { min: 12 })]
        );
        assert_eq!(
            problems("ett långt lösenord", "ett långt lösenorD"),
            [(CONFIRMATION_FIELD.to_owned(), FieldProblem::NotMatching)]
        );
        assert_eq!(problems("", ""), [(PASSWORD_FIELD.to_owned(), FieldProblem::Missing)]);
    }

    #[test]
    fn an_absurdly_long_password_or_one_with_control_characters_is_refused() {
        let long = "x".repeat(PASSWORD_MAX_CHARS + 1);
        assert!(matches!(problems(&long, &long)[0].1, FieldProblem::TooLong { .. }));
        assert_eq!(problems("tolv tecken\n!", "tolv tecken\n!")[0].1, FieldProblem::InvalidCharacters);
    }
}
