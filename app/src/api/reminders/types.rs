//! The data the reminder pages send and receive.

use crate::api::round_summary::RoundSummary;
use crate::domain::ids::{NodeId, ReminderId, RoundId};
use crate::domain::reminder::{DeliveryCounts, DeliveryStatus, ReminderTarget};
use serde::{Deserialize, Serialize};

/// A reminder as the quality department asks for it: to which units, with which text
/// (placeholders not yet filled in).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReminderRequest {
    pub round_id: RoundId,
    pub target: ReminderTarget,
    /// Only the units of this förvaltning or bolag.
    pub administration: Option<NodeId>,
    pub subject: String,
    pub body: String,
}

/// A förvaltning or bolag to choose in the filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdministrationOption {
    pub id: NodeId,
    pub name: String,
}

/// Whom a reminder reaches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceSummary {
    /// Units the reminder is for.
    pub units: usize,
    /// Messages: one per unit and manager.
    pub messages: usize,
    /// Different people among the recipients.
    pub people: usize,
    /// Units the reminder is for with no manager to send it to.
    pub units_without_manager: usize,
}

/// An earlier reminder of the round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReminderSummary {
    pub id: ReminderId,
    /// Stockholm time, e.g. `2026-11-23 14:32`.
    pub created_at: String,
    pub created_by: String,
    pub target: ReminderTarget,
    pub administration: Option<String>,
    pub counts: DeliveryCounts,
}

/// The page where a reminder is written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReminderFormView {
    pub round: RoundSummary,
    /// Whether the round takes reminders (it is open).
    pub open: bool,
    /// Whether the server can send e-mail at all.
    pub mail_configured: bool,
    pub administrations: Vec<AdministrationOption>,
    /// Whom the chosen filter reaches.
    pub audience: AudienceSummary,
    /// The catalogue's default text.
    pub default_subject: String,
    pub default_body: String,
    /// The round's earlier reminders, newest first.
    pub previous: Vec<ReminderSummary>,
}

/// One message as it will be sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewMessage {
    pub to_name: String,
    pub to_address: String,
    pub unit: String,
    pub subject: String,
    pub body: String,
}

/// The confirmation page: the first message as it will be sent, how many, and the key
/// that makes the confirmation count once however often it is posted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReminderPreview {
    pub round: RoundSummary,
    pub open: bool,
    pub mail_configured: bool,
    /// The chosen förvaltning or bolag, if any.
    pub administration: Option<String>,
    pub audience: AudienceSummary,
    /// The message to the first recipient; `None` if nobody would get one.
    pub first: Option<PreviewMessage>,
    /// Words in braces that are no placeholder (left as written), e.g. `{omgang}`.
    pub unknown_placeholders: Vec<String>,
    /// A new random key for this confirmation (a UUID).
    pub confirmation_key: String,
}

/// One message of a sent reminder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecipientLine {
    pub unit: String,
    pub name: String,
    pub address: String,
    pub status: DeliveryStatus,
    /// Stockholm time.
    pub sent_at: Option<String>,
    pub error: Option<String>,
}

/// A reminder's page: what was sent, by whom, when, how far the sending has come, and to
/// whom (one page of the messages).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReminderStatusView {
    pub round: RoundSummary,
    pub id: ReminderId,
    pub created_at: String,
    pub created_by: String,
    pub target: ReminderTarget,
    pub administration: Option<String>,
    /// As written, with placeholders.
    pub subject: String,
    pub body: String,
    pub units: usize,
    pub units_without_manager: usize,
    pub counts: DeliveryCounts,
    /// Whether the failed messages can be sent again now.
    pub may_retry: bool,
    pub mail_configured: bool,
    pub filter: Option<DeliveryStatus>,
    pub recipients: Vec<RecipientLine>,
    pub filtered_total: usize,
    pub page: usize,
    pub page_count: usize,
}
