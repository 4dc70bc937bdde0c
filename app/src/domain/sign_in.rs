//! The rules of signing in: how many attempts an account and a client address get before
//! they must wait, and how long a sign-in lasts at most.

use super::sign_in_budget::Budget;
use std::time::Duration;

/// Attempts one account may have in a row (right or wrong) before it must wait.
pub const ATTEMPTS_PER_ACCOUNT: u32 = 10;
/// After that, one more attempt for the account per this long.
pub const ACCOUNT_ATTEMPT_EVERY: Duration = Duration::from_secs(120);
/// Attempts one client address may have in a row, over all accounts (more than an
/// account's: several people may share an address).
pub const ATTEMPTS_PER_ADDRESS: u32 = 30;
/// After that, one more attempt from the address per this long.
pub const ADDRESS_ATTEMPT_EVERY: Duration = Duration::from_secs(6);
const _: () = assert!(ATTEMPTS_PER_ACCOUNT < ATTEMPTS_PER_ADDRESS);

/// An account's budget of failed attempts, as every server counts it.
pub const ACCOUNT_BUDGET: Budget = Budget { burst: ATTEMPTS_PER_ACCOUNT, every: ACCOUNT_ATTEMPT_EVERY };
/// A client address's budget of attempts, as every server counts it.
pub const ADDRESS_BUDGET: Budget = Budget { burst: ATTEMPTS_PER_ADDRESS, every: ADDRESS_ATTEMPT_EVERY };

/// A sign-in lasts at most this long, however active the session is (the idle timeout
/// ends it sooner when it is not used).
pub const SESSION_MAX_AGE: Duration = Duration::from_secs(12 * 60 * 60);

/// The account an attempt is counted against: the e-mail address as the person typed it,
/// trimmed and in lower case, so `Anna@X.se ` and `anna@x.se` share one budget.
pub fn account_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Whether a sign-in made at `signed_in_at` (Unix seconds) still holds at `now`. A time in
/// the future (a clock set back, or a forged value) does not hold either.
pub fn sign_in_holds(signed_in_at: i64, now: i64) -> bool {
    let max_age = i64::try_from(SESSION_MAX_AGE.as_secs()).unwrap_or(i64::MAX);
    signed_in_at <= now && now - signed_in_at < max_age
}

/// Whole minutes to wait, rounded up and at least one, for a message to the person.
pub fn minutes_to_wait(seconds: u64) -> u64 {
    seconds.div_ceil(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_one_account_whatever_its_case_and_spaces() {
        assert_eq!(account_key("  Anna.Svensson@Stockholm.SE "), "anna.svensson@stockholm.se");
    }

    #[test]
    fn a_sign_in_holds_for_twelve_hours_and_not_a_second_longer() {
        let at = 1_000_000;
        assert!(sign_in_holds(at, at));
        assert!(sign_in_holds(at, at + 12 * 3600 - 1));
        assert!(!sign_in_holds(at, at + 12 * 3600));
        assert!(!sign_in_holds(at, at - 60), "a sign-in in the future does not hold");
    }

    #[test]
    fn the_wait_is_shown_in_whole_minutes_rounded_up() {
        assert_eq!(minutes_to_wait(0), 1);
        assert_eq!(minutes_to_wait(59), 1);
        assert_eq!(minutes_to_wait(61), 2);
        assert_eq!(minutes_to_wait(180), 3);
    }
}
