//! A budget of attempts shared by every server (generic cell rate): `burst` attempts at
//! once, then one more per `every`. What is stored per key is the instant until which its
//! attempts are spent; an attempt moves it on by `every` (from now, if it lies in the
//! past), and is refused when that would put it more than `burst × every` ahead of now.

use std::time::Duration;

/// How many attempts a key has at once, and how often one more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub burst: u32,
    pub every: Duration,
}

/// What an attempt at `now` (milliseconds) does to a key spent until `spent_until`:
/// `Ok(new spent-until)`, or `Err(seconds to wait)`, rounded up, when the budget is spent
/// (the attempt then spends nothing).
pub fn spend(budget: Budget, spent_until: Option<i64>, now: i64) -> Result<i64, u64> {
    let every = i64::try_from(budget.every.as_millis()).unwrap_or(i64::MAX);
    let next = spent_until.unwrap_or(now).max(now).saturating_add(every);
    let over = next - now - every.saturating_mul(i64::from(budget.burst));
    if over > 0 { Err(u64::try_from(over).unwrap_or(u64::MAX).div_ceil(1000).max(1)) } else { Ok(next) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEN_EVERY_TWO_MINUTES: Budget = Budget { burst: 10, every: Duration::from_secs(120) };

    #[test]
    fn a_full_burst_then_one_attempt_per_period() {
        let now = 1_000_000_000;
        let mut spent = None;
        for attempt in 0..10 {
            spent = Some(spend(TEN_EVERY_TWO_MINUTES, spent, now).unwrap_or_else(|_| panic!("attempt {attempt}")));
        }
        assert_eq!(spend(TEN_EVERY_TWO_MINUTES, spent, now), Err(120), "the eleventh waits one period");
        assert_eq!(spend(TEN_EVERY_TWO_MINUTES, spent, now + 119_001), Err(1), "rounded up to whole seconds");
        let later = now + 120_000;
        let after = spend(TEN_EVERY_TWO_MINUTES, spent, later).expect("one more after one period");
        assert_eq!(spend(TEN_EVERY_TWO_MINUTES, Some(after), later), Err(120));
    }

    #[test]
    fn a_budget_unused_for_long_is_whole_again() {
        let now = 5_000_000;
        let spent = spend(TEN_EVERY_TWO_MINUTES, None, now).unwrap();
        assert_eq!(spend(TEN_EVERY_TWO_MINUTES, Some(spent), now + 10_000_000), Ok(now + 10_000_000 + 120_000));
    }
}
