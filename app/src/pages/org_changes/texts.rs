//! The organisation change pages' words: kinds of change, what a change does, why it cannot
//! be made.

use crate::domain::org_change::{ChangeKind, ChangeProblem};
use crate::domain::org_steps::Effect;
use crate::format;
use crate::i18n::*;
use crate::pages::people::shared::kind_name;

/// A kind of change in words.
pub fn change_name(i18n: Locale, kind: ChangeKind) -> String {
    match kind {
        ChangeKind::Add => td_string!(i18n, org_change.kind_add),
        ChangeKind::Rename => td_string!(i18n, org_change.kind_rename),
        ChangeKind::Move => td_string!(i18n, org_change.kind_move),
        ChangeKind::Merge => td_string!(i18n, org_change.kind_merge),
        ChangeKind::Split => td_string!(i18n, org_change.kind_split),
        ChangeKind::Close => td_string!(i18n, org_change.kind_close),
    }
    .to_string()
}

/// What one step of a change does, in a sentence.
pub fn effect_text(i18n: Locale, effect: &Effect) -> String {
    match effect {
        Effect::Created { name, kind, parent, from } => td_string!(
            i18n,
            org_change.effect_created,
            name = name.clone(),
            kind = kind_name(i18n, *kind).to_lowercase(),
            parent = parent.clone().unwrap_or_default(),
            from = from.to_string()
        )
        .to_string(),
        Effect::Renamed { from_name, to_name, from } => td_string!(
            i18n,
            org_change.effect_renamed,
            old = from_name.clone(),
            new = to_name.clone(),
            from = from.to_string()
        )
        .to_string(),
        Effect::Moved { name, from_parent, to_parent, from } => td_string!(
            i18n,
            org_change.effect_moved,
            name = name.clone(),
            old = from_parent.clone().unwrap_or_default(),
            new = to_parent.clone().unwrap_or_default(),
            from = from.to_string()
        )
        .to_string(),
        Effect::Closed { name, last_day } => td_string!(
            i18n,
            org_change.effect_closed,
            name = name.clone(),
            last = last_day.map(|day| day.to_string()).unwrap_or_default()
        )
        .to_string(),
        Effect::Succeeded { predecessor, successor, from } => td_string!(
            i18n,
            org_change.effect_succeeded,
            old = predecessor.clone(),
            new = successor.clone(),
            from = from.to_string()
        )
        .to_string(),
    }
}

/// Why a change cannot be made, in a sentence.
pub fn problem_text(i18n: Locale, problem: &ChangeProblem) -> String {
    match problem {
        ChangeProblem::UnknownKind => td_string!(i18n, org_change.problem_kind).to_string(),
        ChangeProblem::NodeMissing => td_string!(i18n, org_change.problem_node_missing).to_string(),
        ChangeProblem::ParentMissing => td_string!(i18n, org_change.problem_parent_missing).to_string(),
        ChangeProblem::UnknownNode => td_string!(i18n, org_change.problem_unknown).to_string(),
        ChangeProblem::Closed { name } => td_string!(i18n, org_change.problem_closed, name = name.clone()).to_string(),
        ChangeProblem::IsRoot => td_string!(i18n, org_change.problem_root).to_string(),
        ChangeProblem::NameMissing => td_string!(i18n, org_change.problem_name_missing).to_string(),
        ChangeProblem::NameTooLong { max, actual } => {
            td_string!(i18n, org_change.problem_name_long, max = format::count(*max), actual = format::count(*actual))
                .to_string()
        }
        ChangeProblem::NameInvalidCharacters => td_string!(i18n, org_change.problem_name_characters).to_string(),
        ChangeProblem::SameName => td_string!(i18n, org_change.problem_same_name).to_string(),
        ChangeProblem::SameParent => td_string!(i18n, org_change.problem_same_parent).to_string(),
        ChangeProblem::Cycle => td_string!(i18n, org_change.problem_cycle).to_string(),
        ChangeProblem::WrongParentKind { kind, parent } => td_string!(
            i18n,
            org_change.problem_parent_kind,
            kind = kind_name(i18n, *kind),
            parent = kind_name(i18n, *parent).to_lowercase()
        )
        .to_string(),
        ChangeProblem::KindMissing => td_string!(i18n, org_change.problem_org_kind).to_string(),
        ChangeProblem::DateMissing => td_string!(i18n, org_change.problem_date_missing).to_string(),
        ChangeProblem::InvalidDate => td_string!(i18n, org_change.problem_date_invalid).to_string(),
        ChangeProblem::TooEarly { name, earliest } => {
            td_string!(i18n, org_change.problem_too_early, name = name.clone(), earliest = earliest.to_string())
                .to_string()
        }
        ChangeProblem::TooFew => td_string!(i18n, org_change.problem_too_few).to_string(),
        ChangeProblem::TooMany { max } => {
            td_string!(i18n, org_change.problem_too_many, max = format::count(*max)).to_string()
        }
        ChangeProblem::DuplicateName { name } => {
            td_string!(i18n, org_change.problem_duplicate_name, name = name.clone()).to_string()
        }
        ChangeProblem::KindsDiffer => td_string!(i18n, org_change.problem_kinds_differ).to_string(),
        ChangeProblem::SuccessorInside => td_string!(i18n, org_change.problem_successor_inside).to_string(),
        ChangeProblem::HasOpenChildren { count } => {
            td_string!(i18n, org_change.problem_children, count = format::count(*count)).to_string()
        }
        ChangeProblem::ReasonMissing => td_string!(i18n, org_change.problem_reason_missing).to_string(),
        ChangeProblem::ReasonTooLong { max, actual } => {
            td_string!(i18n, org_change.problem_reason_long, max = format::count(*max), actual = format::count(*actual))
                .to_string()
        }
    }
}
