//! How long to wait between attempts: exponential backoff with jitter, honouring the service's
//! `Retry-After` unless it asks for longer than the caller would wait. Pure arithmetic; the
//! caller supplies the randomness and does the waiting.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The first wait, before jitter.
    pub base_ms: u32,
    /// The longest computed wait.
    pub max_ms: u32,
    /// A `Retry-After` longer than this ends the retries (the error is returned, still marked
    /// retryable, so the caller can decide).
    pub max_retry_after_ms: u32,
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff { base_ms: 200, max_ms: 5_000, max_retry_after_ms: 30_000 }
    }
}

impl Backoff {
    /// The wait before retry number `attempt` (0 for the first retry). `jitter` is uniform in
    /// [0, 1): the wait is between half and all of the exponential step ("equal jitter"), so
    /// clients that failed together do not retry together.
    pub fn delay_ms(&self, attempt: u32, jitter: f64, retry_after_ms: Option<u64>) -> Option<u32> {
        let step = u64::from(self.base_ms).saturating_mul(1u64 << attempt.min(20)).min(u64::from(self.max_ms));
        let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.0 };
        let computed = step / 2 + (step as f64 / 2.0 * jitter) as u64;
        match retry_after_ms {
            Some(wait) if wait > u64::from(self.max_retry_after_ms) => None,
            Some(wait) => Some(u32::try_from(wait.max(computed)).unwrap_or(u32::MAX)),
            None => Some(u32::try_from(computed).unwrap_or(u32::MAX)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_exponentially_with_jitter_and_a_cap() {
        let b = Backoff::default();
        assert_eq!(b.delay_ms(0, 0.0, None), Some(100));
        assert_eq!(b.delay_ms(0, 0.999_999, None), Some(199));
        assert_eq!(b.delay_ms(3, 0.0, None), Some(800));
        assert_eq!(b.delay_ms(30, 1.0, None), Some(5_000), "capped, no overflow");
        assert_eq!(b.delay_ms(0, f64::NAN, None), Some(100));
    }

    #[test]
    fn honours_retry_after_within_reason() {
        let b = Backoff::default();
        assert_eq!(b.delay_ms(0, 0.0, Some(2_000)), Some(2_000));
        assert_eq!(b.delay_ms(5, 0.0, Some(10)), Some(2_500), "never shorter than the (capped) backoff");
        assert_eq!(b.delay_ms(0, 0.0, Some(60_000)), None, "too long: give the error back");
    }
}
