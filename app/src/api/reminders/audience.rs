//! Whom a reminder reaches (server only): the units of the round the caller may remind,
//! those the filter chooses, their managers, and each message's text.

use super::types::{AdministrationOption, AudienceSummary, PreviewMessage};
use crate::api::access::visible_round;
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::db::reminders::NewRecipient;
use crate::db::unit_managers::ManagerContact;
use crate::db::{self, Pool, clock, rounds::Round};
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::reminder::{Audience, ReminderTarget, audience};
use crate::domain::reminder_text::{ReminderText, ReminderValues, render, render_subject};
use crate::domain::rights::{Permission, may};
use crate::domain::status::AssessmentStatus;
use crate::routes::assessment_path;
use std::collections::{BTreeSet, HashSet};

/// A unit a reminder is for.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetUnit {
    pub id: NodeId,
    pub name: String,
    pub administration: String,
}

/// A reminder worked out: the round, the administrations to choose from, and whom the
/// chosen filter reaches.
#[derive(Clone, Debug)]
pub struct Planned {
    pub round: Round,
    pub administrations: Vec<AdministrationOption>,
    pub audience: Audience<TargetUnit, ManagerContact>,
}

impl Planned {
    pub fn summary(&self) -> AudienceSummary {
        let people: HashSet<_> = self.audience.messages.iter().map(|(_, manager)| manager.user).collect();
        AudienceSummary {
            units: self.audience.units,
            messages: self.audience.messages.len(),
            people: people.len(),
            units_without_manager: self.audience.units_without_manager.len(),
        }
    }

    /// The chosen administration's name.
    pub fn administration_name(&self, administration: Option<NodeId>) -> Option<String> {
        let administration = administration?;
        self.administrations.iter().find(|option| option.id == administration).map(|option| option.name.clone())
    }
}

/// Works out a reminder of `round` for `target` (in `administration`, if given) over the
/// units the caller may remind; `Forbidden` if they may remind none of the round's.
pub async fn plan(
    pool: &Pool,
    caller: &Caller,
    round: RoundId,
    target: ReminderTarget,
    administration: Option<NodeId>,
) -> Result<Planned, AppError> {
    let round = visible_round(pool, caller, round).await?;
    let on = round.tree_date(clock::today());
    let units: Vec<_> = db::org::units_under(pool, round.root, on)
        .await?
        .into_iter()
        .filter(|unit| may(&caller.grants, Permission::SendReminders, &unit.path))
        .collect();
    if units.is_empty() {
        let root_path = db::org::path_to(pool, round.root, on).await?;
        if !may(&caller.grants, Permission::SendReminders, &root_path) {
            return Err(AppError::Forbidden);
        }
    }
    let administrations: BTreeSet<(String, NodeId)> =
        units.iter().filter_map(|unit| unit.administration.as_ref().map(|(id, name)| (name.clone(), *id))).collect();
    let statuses = db::assessments::statuses(pool, round.id).await?;
    let chosen: Vec<_> = units
        .into_iter()
        .filter(|unit| {
            administration.is_none_or(|wanted| unit.administration.as_ref().is_some_and(|(id, _)| *id == wanted))
        })
        .map(|unit| {
            let status = statuses.get(&unit.id).map_or(AssessmentStatus::NotStarted, |(status, _)| *status);
            (unit, status)
        })
        .filter(|(_, status)| target.includes(*status))
        .collect();
    let ids: Vec<NodeId> = chosen.iter().map(|(unit, _)| unit.id).collect();
    let mut managers = db::unit_managers::of_units(pool, &ids).await?;
    let audience = audience(
        chosen.into_iter().map(|(unit, status)| {
            let unit_managers = managers.remove(&unit.id).unwrap_or_default();
            let administration = unit.administration.map(|(_, name)| name).unwrap_or_default();
            (TargetUnit { id: unit.id, name: unit.name, administration }, status, unit_managers)
        }),
        target,
    );
    Ok(Planned {
        round,
        administrations: administrations.into_iter().map(|(name, id)| AdministrationOption { id, name }).collect(),
        audience,
    })
}

/// The message to `manager` about `unit`: the text with the placeholders filled in, the
/// link absolute under `base_url`.
pub fn message(
    round: &Round,
    base_url: &str,
    text: &ReminderText,
    unit: &TargetUnit,
    manager: &ManagerContact,
) -> NewRecipient {
    let values = ReminderValues {
        round: round.name.clone(),
        deadline: round.closes_on.to_string(),
        link: format!("{base_url}{}", assessment_path(round.id, unit.id)),
        unit: unit.name.clone(),
        administration: unit.administration.clone(),
        name: manager.name.clone(),
    };
    NewRecipient {
        unit: unit.id,
        unit_name: unit.name.clone(),
        user: manager.user,
        name: manager.name.clone(),
        address: manager.email.clone(),
        subject: render_subject(&text.subject, &values),
        body: render(&text.body, &values),
    }
}

impl From<NewRecipient> for PreviewMessage {
    fn from(message: NewRecipient) -> Self {
        PreviewMessage {
            to_name: message.name,
            to_address: message.address,
            unit: message.unit_name,
            subject: message.subject,
            body: message.body,
        }
    }
}
