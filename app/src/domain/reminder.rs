//! Reminders by e-mail to the managers of units that have not submitted: whom a reminder
//! goes to, when one may be sent, and how far its sending has come.
//!
//! A manager of several units gets one message per unit, each with that unit's own link,
//! so every message is about one assessment and its status can be followed per unit.

use super::round::RoundStatus;
use super::status::AssessmentStatus;
use serde::{Deserialize, Serialize};

/// Which units a reminder goes to, by where their assessment stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderTarget {
    /// Nothing saved yet.
    NotStarted,
    /// Saved as a draft, not submitted.
    Draft,
    /// Either: every unit that has not submitted.
    #[default]
    Both,
}

impl ReminderTarget {
    pub const ALL: [ReminderTarget; 3] = [ReminderTarget::NotStarted, ReminderTarget::Draft, ReminderTarget::Both];

    /// The key used in addresses and stored with the reminder.
    pub fn key(self) -> &'static str {
        match self {
            ReminderTarget::NotStarted => "not_started",
            ReminderTarget::Draft => "draft",
            ReminderTarget::Both => "both",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|target| target.key() == key)
    }

    /// The target matching a filter on the progress page: the status itself if it is one a
    /// reminder can go to, otherwise every unit that has not submitted.
    pub fn for_status(status: Option<AssessmentStatus>) -> Self {
        match status {
            Some(AssessmentStatus::NotStarted) => ReminderTarget::NotStarted,
            Some(AssessmentStatus::Draft) => ReminderTarget::Draft,
            _ => ReminderTarget::Both,
        }
    }

    /// Whether a unit whose assessment stands at `status` is reminded.
    pub fn includes(self, status: AssessmentStatus) -> bool {
        match self {
            ReminderTarget::NotStarted => status == AssessmentStatus::NotStarted,
            ReminderTarget::Draft => status == AssessmentStatus::Draft,
            ReminderTarget::Both => needs_reminder(status),
        }
    }
}

/// Whether a unit at `status` still has something to do in the round (has not submitted):
/// only such units' managers are listed with the unit, in the address list and the
/// download, and reminded.
pub fn needs_reminder(status: AssessmentStatus) -> bool {
    status != AssessmentStatus::Submitted
}

/// Whether a round's units can be reminded: only while it is open. A draft round is not
/// yet visible to units, and a closed one takes no more answers.
pub fn round_takes_reminders(round: RoundStatus) -> bool {
    round == RoundStatus::Open
}

/// The messages of a reminder and the units it cannot reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audience<U, M> {
    /// One per unit and manager, in the order of the units and then of their managers.
    pub messages: Vec<(U, M)>,
    /// Units the reminder is for.
    pub units: usize,
    /// Units the reminder is for that have no manager to send it to.
    pub units_without_manager: Vec<U>,
}

/// Whom a reminder for `target` reaches among `units` (each with its status and managers):
/// every manager of every targeted unit, once per unit.
pub fn audience<U: Clone, M: Clone + PartialEq>(
    units: impl IntoIterator<Item = (U, AssessmentStatus, Vec<M>)>,
    target: ReminderTarget,
) -> Audience<U, M> {
    let mut audience = Audience { messages: Vec::new(), units: 0, units_without_manager: Vec::new() };
    for (unit, status, managers) in units {
        if !target.includes(status) {
            continue;
        }
        audience.units += 1;
        if managers.is_empty() {
            audience.units_without_manager.push(unit);
            continue;
        }
        let mut seen: Vec<&M> = Vec::with_capacity(managers.len());
        for manager in &managers {
            if !seen.contains(&manager) {
                seen.push(manager);
                audience.messages.push((unit.clone(), manager.clone()));
            }
        }
    }
    audience
}

/// The e-mail addresses as one list to paste into a mail program: each address once
/// (ignoring case), in the order given, separated by semicolons.
pub fn address_list<'a>(addresses: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut list: Vec<&str> = Vec::new();
    for address in addresses.into_iter().map(str::trim).filter(|address| !address.is_empty()) {
        let folded = address.to_lowercase();
        if !seen.contains(&folded) {
            seen.push(folded);
            list.push(address);
        }
    }
    list.join("; ")
}

/// Where one message of a reminder stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting to be sent.
    Pending,
    /// Taken by a sender, which is handing it to the mail server now.
    Sending,
    /// Handed to the mail server (or written to the outbox).
    Sent,
    /// Could not be sent; the error is kept, and it can be tried again.
    Failed,
}

impl DeliveryStatus {
    pub const ALL: [DeliveryStatus; 4] =
        [DeliveryStatus::Pending, DeliveryStatus::Sending, DeliveryStatus::Sent, DeliveryStatus::Failed];

    /// The key stored in `reminder_recipient.status` and used in addresses.
    pub fn key(self) -> &'static str {
        match self {
            DeliveryStatus::Pending => "pending",
            DeliveryStatus::Sending => "sending",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Failed => "failed",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
    }
}

/// How far a reminder's sending has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryCounts {
    pub pending: usize,
    pub sending: usize,
    pub sent: usize,
    pub failed: usize,
}

impl DeliveryCounts {
    pub fn add(&mut self, status: DeliveryStatus, count: usize) {
        match status {
            DeliveryStatus::Pending => self.pending += count,
            DeliveryStatus::Sending => self.sending += count,
            DeliveryStatus::Sent => self.sent += count,
            DeliveryStatus::Failed => self.failed += count,
        }
    }

    pub fn total(&self) -> usize {
        self.pending + self.sending + self.sent + self.failed
    }

    /// Messages not yet sent or failed.
    pub fn waiting(&self) -> usize {
        self.pending + self.sending
    }

    /// Whether nothing is left to send (some may have failed).
    pub fn finished(&self) -> bool {
        self.waiting() == 0
    }

    /// Whether failed messages can be tried again now: some failed and nothing else is
    /// under way.
    pub fn may_retry(&self) -> bool {
        self.failed > 0 && self.finished()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use AssessmentStatus::{Draft, NotStarted, Submitted};

    #[test]
    fn a_reminder_goes_to_the_units_that_have_not_submitted_as_chosen() {
        for status in AssessmentStatus::ALL {
            assert_eq!(ReminderTarget::Both.includes(status), status != Submitted);
            assert_eq!(ReminderTarget::NotStarted.includes(status), status == NotStarted);
            assert_eq!(ReminderTarget::Draft.includes(status), status == Draft);
        }
        assert!(!needs_reminder(Submitted) && needs_reminder(Draft) && needs_reminder(NotStarted));
        for target in ReminderTarget::ALL {
            assert_eq!(ReminderTarget::from_key(target.key()), Some(target));
        }
    }

    #[test]
    fn a_progress_filter_on_a_status_chooses_the_same_units_to_remind() {
        assert_eq!(ReminderTarget::for_status(Some(NotStarted)), ReminderTarget::NotStarted);
        assert_eq!(ReminderTarget::for_status(Some(Draft)), ReminderTarget::Draft);
        assert_eq!(ReminderTarget::for_status(Some(Submitted)), ReminderTarget::Both);
        assert_eq!(ReminderTarget::for_status(None), ReminderTarget::Both);
    }

    #[test]
    fn only_an_open_round_takes_reminders() {
        for round in RoundStatus::ALL {
            assert_eq!(round_takes_reminders(round), round == RoundStatus::Open, "{round:?}");
        }
    }

    #[test]
    fn every_manager_of_every_targeted_unit_gets_one_message_per_unit() {
        let units = vec![
            ("A", NotStarted, vec!["anna", "bo"]),
            ("B", Draft, vec!["anna"]),
            ("C", Submitted, vec!["cecilia"]),
            ("D", NotStarted, vec![]),
            ("E", NotStarted, vec!["bo", "bo"]),
        ];
        let both = audience(units.clone(), ReminderTarget::Both);
        assert_eq!(both.messages, [("A", "anna"), ("A", "bo"), ("B", "anna"), ("E", "bo")]);
        assert_eq!((both.units, both.units_without_manager), (4, vec!["D"]));

        let not_started = audience(units.clone(), ReminderTarget::NotStarted);
        assert_eq!(not_started.messages, [("A", "anna"), ("A", "bo"), ("E", "bo")]);
        assert_eq!(not_started.units, 3);
        let drafts = audience(units, ReminderTarget::Draft);
        assert_eq!((drafts.messages, drafts.units), (vec![("B", "anna")], 1));
    }

    #[test]
    fn the_address_list_names_each_address_once_separated_by_semicolons() {
        let list = address_list(["anna@stockholm.se", "bo@stockholm.se", "Anna@Stockholm.se", " ", "cecilia@x.se"]);
        assert_eq!(list, "anna@stockholm.se; bo@stockholm.se; cecilia@x.se");
        assert_eq!(address_list([]), "");
    }

    #[test]
    fn a_reminder_is_finished_when_nothing_waits_and_failures_can_then_be_retried() {
        let mut counts = DeliveryCounts::default();
        counts.add(DeliveryStatus::Sent, 412);
        counts.add(DeliveryStatus::Pending, 1_585);
        counts.add(DeliveryStatus::Failed, 3);
        assert_eq!(
            (counts.total(), counts.waiting(), counts.finished(), counts.may_retry()),
            (2_000, 1_585, false, false)
        );
        counts.pending = 0;
        counts.add(DeliveryStatus::Sending, 1);
        assert!(!counts.finished());
        counts.sending = 0;
        assert!(counts.finished() && counts.may_retry());
        for status in DeliveryStatus::ALL {
            assert_eq!(DeliveryStatus::from_key(status.key()), Some(status));
        }
    }
}
