//! Sending a reminder's messages in the background (server only). Each sender claims one
//! pending message at a time in the database (`db::reminders::claim_next`), sends it and
//! records the outcome, so two senders — tasks of this server or of another — never send
//! the same message, and a reminder started twice is still sent once.

use crate::db::{self, Pool, clock, error::DbResult};
use crate::domain::ids::ReminderId;
use crate::state::mailer::{MailError, Mailer};
use std::time::Duration;

/// Messages handed to the mail server at once per reminder.
pub const PARALLEL_SENDS: usize = 4;

/// How long a claimed message may stay unfinished before it counts as interrupted.
pub const INTERRUPTED_AFTER: Duration = Duration::from_secs(10 * 60);

/// The error kept for a message whose sender stopped halfway (e.g. a restart): it may or
/// may not have gone out, so it is not sent again unless someone asks.
pub const INTERRUPTED: &str = "Avbröts under sändningen (t.ex. omstart av servern); okänt om meddelandet hann skickas.";

/// The longest error text kept for a message.
const ERROR_MAX_CHARS: usize = 500;

/// What one run of the senders did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
    /// Nothing could be sent (e-mail is not configured): the rest stays pending.
    pub stopped: bool,
}

impl Delivered {
    fn add(&mut self, other: Delivered) {
        self.sent += other.sent;
        self.failed += other.failed;
        self.stopped |= other.stopped;
    }
}

/// `Name <address>` with the name quoted, so that commas or other specials in a name keep
/// it one mailbox.
fn mailbox(name: &str, address: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    format!("\"{}\" <{address}>", name.replace('\\', "\\\\").replace('"', "\\\""))
}

fn short(error: &MailError) -> String {
    error.to_string().chars().take(ERROR_MAX_CHARS).collect()
}

/// One sender: claims, sends and records messages until none is pending.
async fn sender(pool: Pool, mailer: Mailer, reminder: ReminderId) -> DbResult<Delivered> {
    let mut done = Delivered::default();
    loop {
        let Some(message) = db::reminders::claim_next(&pool, reminder, clock::now()).await? else {
            // Another database could let a claim miss a message another sender was taking;
            // stop only when none is left.
            if db::reminders::has_pending(&pool, reminder).await? {
                continue;
            }
            return Ok(done);
        };
        match mailer.send(&mailbox(&message.name, &message.address), &message.subject, &message.body).await {
            Ok(()) => {
                db::reminders::mark_sent(&pool, message.id, clock::now()).await?;
                done.sent += 1;
            }
            Err(MailError::NotConfigured) => {
                db::reminders::release(&pool, message.id).await?;
                done.stopped = true;
                return Ok(done);
            }
            Err(error) => {
                tracing::warn!(%error, %reminder, message = message.id, "a reminder could not be sent");
                db::reminders::mark_failed(&pool, message.id, &short(&error)).await?;
                done.failed += 1;
            }
        }
    }
}

/// Sends the reminder's pending messages with `parallel` senders, and returns when none is
/// left.
pub async fn deliver(pool: &Pool, mailer: &Mailer, reminder: ReminderId, parallel: usize) -> DbResult<Delivered> {
    let mut senders = tokio::task::JoinSet::new();
    for _ in 0..parallel.max(1) {
        senders.spawn(sender(pool.clone(), mailer.clone(), reminder));
    }
    let mut done = Delivered::default();
    let mut failure = None;
    while let Some(joined) = senders.join_next().await {
        match joined {
            Ok(Ok(delivered)) => done.add(delivered),
            Ok(Err(error)) => failure = Some(error),
            Err(error) => tracing::error!(%error, %reminder, "a reminder sender stopped"),
        }
    }
    match failure {
        Some(error) => Err(error),
        None => Ok(done),
    }
}

/// Starts sending the reminder in the background.
pub fn spawn(pool: Pool, mailer: Mailer, reminder: ReminderId) {
    tokio::spawn(async move {
        match deliver(&pool, &mailer, reminder, PARALLEL_SENDS).await {
            Ok(done) => tracing::info!(%reminder, sent = done.sent, failed = done.failed, "reminder sent"),
            Err(error) => tracing::error!(%error, %reminder, "sending a reminder failed"),
        }
    });
}

/// At start: marks messages left half-sent by an earlier run as interrupted (failed), and
/// carries on sending every reminder with messages pending. Then keeps marking messages
/// whose sender stopped, once a minute.
pub async fn resume(pool: Pool, mailer: Mailer) {
    if !mailer.is_configured() {
        return;
    }
    let interrupted_after = chrono::Duration::from_std(INTERRUPTED_AFTER).unwrap_or_default();
    let sweep =
        async |pool: &Pool| match db::reminders::fail_interrupted(pool, clock::now() - interrupted_after, INTERRUPTED)
            .await
        {
            Ok(0) => {}
            Ok(count) => tracing::warn!(count, "reminder messages interrupted while sending are marked failed"),
            Err(error) => tracing::error!(%error, "could not look for interrupted reminder messages"),
        };
    sweep(&pool).await;
    match db::reminders::with_pending(&pool).await {
        Ok(reminders) => {
            for reminder in reminders {
                spawn(pool.clone(), mailer.clone(), reminder);
            }
        }
        Err(error) => tracing::error!(%error, "could not look for reminders to carry on sending"),
    }
    let mut every_minute = tokio::time::interval(Duration::from_secs(60));
    every_minute.tick().await;
    loop {
        every_minute.tick().await;
        sweep(&pool).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_specials_stays_one_quoted_mailbox() {
        assert_eq!(mailbox("Berg, Johan", "johan@x.se"), "\"Berg, Johan\" <johan@x.se>");
        assert_eq!(mailbox("A \"B\" \\ C\r\n", "a@x.se"), "\"A \\\"B\\\" \\\\ C\" <a@x.se>");
        for name in ["Berg, Johan", "Åsa Öberg", "A \"B\" \\ C"] {
            let parsed: lettre::message::Mailbox = mailbox(name, "a@x.se").parse().expect("one mailbox");
            assert_eq!(parsed.name.as_deref(), Some(name));
        }
    }
}
