//! Sending e-mail (server only), with `lettre`: through an SMTP server when one is
//! configured (`--smtp-url`, e.g. `smtps://user:password@smtp.example.se` or
//! `smtp://relay.internal:25?tls=required`), or into an outbox folder as `.eml` files
//! (`--outbox-dir`; the demo and the tests), where a person can read what would have gone
//! out. Without either, nothing can be sent and the app says so.

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, Message};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;

/// Why a message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// No SMTP server or outbox is configured.
    #[error("e-mail is not configured")]
    NotConfigured,
    /// An address or the message could not be built.
    #[error("invalid message: {0}")]
    Invalid(String),
    #[error("smtp: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("outbox: {0}")]
    Outbox(#[from] lettre::transport::file::Error),
}

/// Where messages go.
#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox { transport: AsyncFileTransport<Tokio1Executor>, dir: PathBuf },
    Disabled,
}

/// Sends the app's e-mail from one sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let transport = match &self.transport {
            Transport::Smtp(_) => "smtp".to_owned(),
            Transport::Outbox { dir, .. } => format!("outbox {}", dir.display()),
            Transport::Disabled => "disabled".to_owned(),
        };
        formatter.debug_struct("Mailer").field("transport", &transport).field("from", &self.from.to_string()).finish()
    }
}

impl Mailer {
    /// Through the SMTP server at `url` (lettre's URL form), from `from`.
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailError> {
        Ok(Mailer {
            transport: Transport::Smtp(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build()),
            from: mailbox(from)?,
        })
    }

    /// Into `dir` as one `.eml` file per message (created if missing), from `from`.
    pub fn outbox(dir: impl Into<PathBuf>, from: &str) -> Result<Self, MailError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir)
            .map_err(|error| MailError::Invalid(format!("outbox {}: {error}", dir.display())))?;
        Ok(Mailer {
            transport: Transport::Outbox { transport: AsyncFileTransport::new(&dir), dir },
            from: mailbox(from)?,
        })
    }

    /// Sends nothing: every send is `NotConfigured`.
    pub fn disabled() -> Self {
        Mailer {
            transport: Transport::Disabled,
            from: Mailbox::new(None, DEFAULT_FROM_ADDRESS.parse().expect("a valid address")),
        }
    }

    /// Whether messages can be sent at all.
    pub fn is_configured(&self) -> bool {
        !matches!(self.transport, Transport::Disabled)
    }

    /// The outbox folder, if messages go there.
    pub fn outbox_dir(&self) -> Option<&std::path::Path> {
        match &self.transport {
            Transport::Outbox { dir, .. } => Some(dir),
            _ => None,
        }
    }

    /// Sends a plain-text message to `to` (`Name <address>` or an address). The text goes as
    /// it is (8bit UTF-8) when it can, so a link in it is never broken across lines by an
    /// encoding and the outbox's files read as written.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), MailError> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(mailbox(to)?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(plain_body(body))
            .map_err(|error| MailError::Invalid(error.to_string()))?;
        match &self.transport {
            Transport::Smtp(transport) => {
                transport.send(message).await?;
            }
            Transport::Outbox { transport, .. } => {
                transport.send(message).await?;
            }
            Transport::Disabled => return Err(MailError::NotConfigured),
        }
        Ok(())
    }
}

/// The longest line a message may have (RFC 5322: 998 characters before CRLF).
const MAX_LINE_BYTES: usize = 998;

/// A text body as it is, in UTF-8 (`8bit`), with CRLF line ends, when every line fits
/// the limit; else encoded by lettre (quoted-printable). Lettre would wrap lines longer
/// than 76 characters with soft breaks, which splits a long link in a file in the outbox.
fn plain_body(text: &str) -> Body {
    let crlf = text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
    if crlf.contains('\0') || crlf.split("\r\n").any(|line| line.len() > MAX_LINE_BYTES) {
        return Body::new(text.to_owned());
    }
    Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit)
}

/// The sender when none is configured.
pub const DEFAULT_FROM_ADDRESS: &str = "noreply@mognad.test";

fn mailbox(text: &str) -> Result<Mailbox, MailError> {
    text.parse::<Mailbox>().map_err(|error| MailError::Invalid(format!("{text}: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_outbox_holds_each_message_as_a_readable_file() {
        let dir = std::env::temp_dir().join(format!("mognad-outbox-{}", uuid::Uuid::new_v4().simple()));
        let mailer = Mailer::outbox(&dir, "Mognad <noreply@mognad.test>").unwrap();
        mailer.send("Åsa Öberg <asa@example.se>", "Påminnelse: Självskattning 2026", "Hej!\nLänk: /x").await.unwrap();
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
        assert_eq!(files.len(), 1);
        let text = std::fs::read_to_string(files[0].path()).unwrap();
        assert!(text.contains("asa@example.se") && text.contains("Subject:"), "{text}");
        assert!(text.contains("Hej!\r\nLänk: /x"), "the text reads as written: {text}");
        let link = format!("https://mognad.example.se/losenord/{}", "0123456789abcdef".repeat(4));
        let long = format!("En lång rad som är längre än sjuttiosex tecken, med å, ä och ö i sig.\n{link}\n");
        mailer.send("asa@example.se", "Link", &long).await.unwrap();
        let texts: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|file| std::fs::read_to_string(file.path()).unwrap())
            .collect();
        let with_link = texts.iter().find(|text| text.contains("Subject: Link")).unwrap();
        assert!(with_link.contains(&link) && with_link.contains("Content-Transfer-Encoding: 8bit"), "{with_link}");
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(Mailer::disabled().send("a@b.se", "x", "y").await, Err(MailError::NotConfigured)));
        assert!(matches!(mailer.send("not an address", "x", "y").await, Err(MailError::Invalid(_))));
    }
}
