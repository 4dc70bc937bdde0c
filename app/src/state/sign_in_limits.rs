//! How often sign-in may be tried (server only): a budget of attempts per client address and
//! of failed attempts per account (`domain::sign_in` sets the numbers), kept in memory. Every
//! attempt counts against its address before its password is checked, with `governor`'s
//! keyed GCRA limiter; an account's budget is spent by wrong passwords only, so a guessing
//! run stops at the budget whatever it guesses, while a person who signs in often (several
//! devices, sign out and in) is never locked out by their own successful sign-ins.

use crate::domain::sign_in::{
    ACCOUNT_ATTEMPT_EVERY, ADDRESS_ATTEMPT_EVERY, ATTEMPTS_PER_ACCOUNT, ATTEMPTS_PER_ADDRESS, account_key,
};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Forgets keys whose budget is full again after this many attempts, so the limiters hold
/// only recent accounts and addresses.
const PRUNE_EVERY: u64 = 1024;

/// The sign-in budgets of every account and client address.
pub struct SignInLimits {
    per_account: Mutex<HashMap<String, Failures>>,
    /// `None`: the client's address is unknown (all such attempts share one budget).
    per_address: DefaultKeyedRateLimiter<Option<IpAddr>>,
    attempts: AtomicU64,
}

impl std::fmt::Debug for SignInLimits {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("SignInLimits")
            .field("accounts", &self.per_account.lock().map(|accounts| accounts.len()).unwrap_or_default())
            .field("addresses", &self.per_address.len())
            .finish()
    }
}

fn quota(burst: u32, every: Duration) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(every).unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN)).allow_burst(burst)
}

/// An account's failed attempts: how many count now, as of when. One is forgiven every
/// `ACCOUNT_ATTEMPT_EVERY`.
#[derive(Clone, Copy, Debug)]
struct Failures {
    count: f64,
    at: Instant,
}

impl Failures {
    /// The failures that still count at `now`.
    fn at(self, now: Instant) -> f64 {
        let forgiven = now.saturating_duration_since(self.at).as_secs_f64() / ACCOUNT_ATTEMPT_EVERY.as_secs_f64();
        (self.count - forgiven).max(0.0)
    }
}

/// The key an address is counted under: an IPv6 client controls a whole /64, so its
/// attempts share one budget; an IPv4 address written as IPv6 counts as itself.
pub fn address_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let segments = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(segments[0], segments[1], segments[2], segments[3], 0, 0, 0, 0))
            }
        },
    }
}

impl Default for SignInLimits {
    fn default() -> Self {
        SignInLimits {
            per_account: Mutex::new(HashMap::new()),
            per_address: DefaultKeyedRateLimiter::dashmap(quota(ATTEMPTS_PER_ADDRESS, ADDRESS_ATTEMPT_EVERY)),
            attempts: AtomicU64::new(0),
        }
    }
}

impl SignInLimits {
    /// Counts an attempt to sign in as `email` from `address`. `Err` holds the seconds to
    /// wait when the address's or the account's budget is spent (the attempt is then not
    /// made). An attempt refused for the address does not count against the account.
    pub fn attempt(&self, address: Option<IpAddr>, email: &str) -> Result<(), u64> {
        if self.attempts.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.prune();
        }
        let clock = DefaultClock::default();
        let wait = |not_until: governor::NotUntil<_>| not_until.wait_time_from(clock.now()).as_secs_f64().ceil() as u64;
        self.per_address.check_key(&address.map(address_key)).map_err(wait)?;
        let now = Instant::now();
        let Ok(accounts) = self.per_account.lock() else { return Ok(()) };
        let counted = accounts.get(&account_key(email)).map_or(0.0, |failures| failures.at(now));
        let over = counted - f64::from(ATTEMPTS_PER_ACCOUNT) + 1.0;
        if over > 0.0 { Err((over * ACCOUNT_ATTEMPT_EVERY.as_secs_f64()).ceil().max(1.0) as u64) } else { Ok(()) }
    }

    /// Notes a wrong password (or an unknown or deactivated account) for `email`.
    pub fn failed(&self, email: &str) {
        let now = Instant::now();
        if let Ok(mut accounts) = self.per_account.lock() {
            let key = account_key(email);
            let counted = accounts.get(&key).map_or(0.0, |failures| failures.at(now));
            accounts.insert(key, Failures { count: counted + 1.0, at: now });
        }
    }

    fn prune(&self) {
        let now = Instant::now();
        if let Ok(mut accounts) = self.per_account.lock() {
            accounts.retain(|_, failures| failures.at(now) > 0.0);
        }
        self.per_address.retain_recent();
        self.per_address.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_refused_after_its_budget_with_the_time_to_wait() {
        let limits = SignInLimits::default();
        let address = Some(IpAddr::from([10, 0, 0, 1]));
        for attempt in 0..ATTEMPTS_PER_ACCOUNT {
            assert_eq!(limits.attempt(address, "Anna@x.se"), Ok(()), "attempt {attempt}");
            limits.failed("Anna@x.se");
        }
        let wait = limits.attempt(address, " anna@X.SE").expect_err("the account's budget is spent");
        assert!(wait > 0 && wait <= ACCOUNT_ATTEMPT_EVERY.as_secs(), "{wait}");
        assert_eq!(limits.attempt(address, "bertil@x.se"), Ok(()), "another account still may");
    }

    #[test]
    fn successful_sign_ins_spend_no_account_budget() {
        let limits = SignInLimits::default();
        for attempt in 0..ATTEMPTS_PER_ACCOUNT * 2 {
            let address = Some(IpAddr::from([10, 0, 1, u8::try_from(attempt).unwrap()]));
            assert_eq!(limits.attempt(address, "anna@x.se"), Ok(()), "sign-in {attempt}");
        }
    }

    #[test]
    fn an_address_is_refused_after_its_budget_over_all_accounts() {
        let limits = SignInLimits::default();
        let address = Some(IpAddr::from([10, 0, 0, 2]));
        for attempt in 0..ATTEMPTS_PER_ADDRESS {
            assert_eq!(limits.attempt(address, &format!("user{attempt}@x.se")), Ok(()));
        }
        assert!(limits.attempt(address, "new@x.se").is_err());
        assert_eq!(limits.attempt(Some(IpAddr::from([10, 0, 0, 3])), "new@x.se"), Ok(()), "another address may");
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_bit_prefix() {
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(address_key(one), address_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(address_key(mapped), IpAddr::from([192, 0, 2, 7]));
    }
}
