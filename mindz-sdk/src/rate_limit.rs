//! Client-side rate limiting that learns from the server's throttling,
//! shared by a client and its clones.
//!
//! Mindz throttles like Django REST framework's `SimpleRateThrottle`: per
//! credential, a history of request times within a window (for example
//! 40 per second); a request that finds the history full is answered `429`
//! with `Retry-After` (the rest of the window, in whole seconds).
//!
//! # Adaptive (the default)
//!
//! As smithy-rs's adaptive retry mode, the limiter is **off until the first
//! throttled answer**: until then a call pays one atomic load, no lock.
//! From the first `429` on:
//!
//! - **the gate**: a `429` with `Retry-After` holds *every* caller of the
//!   client (and of its clones) until that instant, so the others wait
//!   instead of spending a request to learn it;
//! - **the probe**: the server's rate is not known yet, so when the gate
//!   opens requests go one at a time (each waits for the previous answer)
//!   until the next `429`, which then costs one request, not one per call
//!   in flight;
//! - **the rate**: on a throttle, the limiter counts the answers the
//!   server accepted within the window (the larger of 1 s and the first
//!   `Retry-After`, at most 60 s): that is the server's rate. Requests are
//!   then paced, one every `1/rate`, starting at `0.7 ×` (smithy-rs's beta)
//!   of 95 % of that rate and climbing back on a CUBIC curve
//!   (`0.4 × (t − K)³ + top`, smithy-rs's scale) to 95 % of it in
//!   `K = ∛(top × 0.3 / 0.4)` seconds (about 3 s at 40/s). Beyond smithy-rs:
//!   the curve then **holds** at that ceiling for 30 s before it probes
//!   above it, since a throttle's rate is configuration and does not move;
//!   a `429` answered to a request sent before the gate was set is part of
//!   the same throttle and lowers nothing.
//!
//! # What waits and what fails
//!
//! Waiting for the limiter is not an attempt: it costs no attempt and no
//! retry budget, and shows as `rate_limit_wait_ms` in the `mindz.request`
//! span. A throttled answer (`429` with `Retry-After`) is an attempt (the
//! span's `attempt` counts it) but is retried after the gate without using
//! up [`RetryPolicy::max_attempts`](crate::RetryPolicy::max_attempts) and
//! without spending the retry budget, up to [`MAX_THROTTLED_RETRIES`] times
//! per call, while the call's deadline allows the wait and the wait is
//! within [`RetryPolicy::retry_after_cap`](crate::RetryPolicy::retry_after_cap).
//! Past those bounds, or with [`RetryPolicy::none`](crate::RetryPolicy::none),
//! the `429` is the call's error as before. A call whose deadline ends
//! while it waits fails with [`Error::Timeout`](crate::Error::Timeout)
//! naming the deadline.
//!
//! [`RateLimit::fixed`] paces every request from the start, at that rate
//! (the gate still applies); [`RateLimit::off`] turns all of this off
//! (a `429` is then retried by the retry policy alone, attempts and budget
//! counted as for any other retryable status).

use std::collections::VecDeque;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

/// smithy-rs's beta: the share of the rate kept after a throttle.
pub const BETA: f64 = 0.7;
/// smithy-rs's CUBIC scale constant (requests per second per second³).
pub const SCALE: f64 = 0.4;
/// The share of the measured server rate the limiter climbs back to.
pub const MARGIN: f64 = 0.95;
/// How long the rate holds at its ceiling before it probes above it.
pub const HOLD: Duration = Duration::from_secs(30);
/// The lowest paced rate, requests per second (smithy-rs's minimum).
pub const MIN_RATE: f64 = 0.5;
/// Throttled answers a call retries without using up its attempts.
pub const MAX_THROTTLED_RETRIES: u32 = 10;

/// The shortest and longest window the accepted answers are counted in.
const MIN_WINDOW: Duration = Duration::from_secs(1);
const MAX_WINDOW: Duration = Duration::from_secs(60);
/// The most accepted answers remembered.
const HISTORY: usize = 4096;
/// How long a probe may stay unanswered before the next request goes
/// (its call may have been dropped).
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

/// How a client paces its requests (see the [module docs](self));
/// [`ClientBuilder::rate_limit`](crate::ClientBuilder::rate_limit).
///
/// ```
/// use mindz_sdk::RateLimit;
///
/// assert_eq!(RateLimit::default(), RateLimit::adaptive());
/// assert_eq!(RateLimit::fixed(20.0).per_second(), Some(20.0));
/// assert!(RateLimit::off().is_off());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RateLimit(Mode);

#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Mode {
    Off,
    Fixed(f64),
    #[default]
    Adaptive,
}

impl RateLimit {
    /// Off until the server throttles, then learns its rate (the default).
    pub fn adaptive() -> Self {
        Self(Mode::Adaptive)
    }

    /// No client-side limiting: every request goes at once, and a `429` is
    /// retried by the retry policy alone.
    pub fn off() -> Self {
        Self(Mode::Off)
    }

    /// At most `per_second` requests per second, evenly spaced, from the
    /// first call on. [`ClientBuilder::build`](crate::ClientBuilder::build)
    /// refuses a rate that is not a positive finite number.
    pub fn fixed(per_second: f64) -> Self {
        Self(Mode::Fixed(per_second))
    }

    /// Whether limiting is off.
    pub fn is_off(&self) -> bool {
        self.0 == Mode::Off
    }

    /// The fixed rate, if one is set.
    pub fn per_second(&self) -> Option<f64> {
        match self.0 {
            Mode::Fixed(rate) => Some(rate),
            _ => None,
        }
    }

    /// Whether the settings can be used: a fixed rate must be positive and
    /// finite.
    pub(crate) fn is_valid(&self) -> bool {
        match self.0 {
            Mode::Fixed(rate) => rate.is_finite() && rate > 0.0,
            _ => true,
        }
    }
}

/// The rate `elapsed` seconds after a throttle that set the ceiling `top`:
/// `BETA × top` at once, back to `top` on CUBIC's concave part in `K`
/// seconds, held for `hold` seconds, then CUBIC's convex part above it.
pub(crate) fn cubic(top: f64, elapsed: f64, hold: f64) -> f64 {
    let k = (top * (1.0 - BETA) / SCALE).cbrt();
    let rate = if elapsed < k {
        SCALE * (elapsed - k).powi(3) + top
    } else if elapsed < k + hold {
        top
    } else {
        top + SCALE * (elapsed - k - hold).powi(3)
    };
    rate.max(MIN_RATE)
}

/// The limiter itself: one per client, shared by its clones.
pub(crate) struct Limiter {
    mode: Mode,
    /// Whether calls wait for a turn: from the start at a fixed rate, from
    /// the first throttle when adaptive, never when off.
    active: AtomicBool,
    state: Mutex<State>,
    /// Wakes the callers waiting for the probe's answer.
    probe_answered: tokio::sync::Notify,
}

struct State {
    /// No request leaves before this instant (the last `Retry-After`).
    gate: Option<Instant>,
    /// Pacing: the next free slot.
    next: Instant,
    /// The paced rate's curve; `None` while probing.
    curve: Option<Curve>,
    /// Probing: the request out, and since when probing runs.
    probe_out: Option<Instant>,
    probe_started: Option<Instant>,
    /// The window the accepted answers are counted in.
    window: Duration,
    /// When the server accepted requests (answered anything but `429`).
    accepted: VecDeque<Instant>,
}

#[derive(Clone, Copy)]
struct Curve {
    top: f64,
    since: Instant,
    /// Seconds already run on the curve at `since`.
    skip: f64,
}

/// What [`Limiter::reserve`] tells a caller.
enum Turn {
    Go,
    /// Go at this instant (the slot is reserved).
    At(Instant),
    /// Look again at this instant, or when the probe is answered.
    Recheck(Instant),
}

impl Limiter {
    pub(crate) fn new(settings: RateLimit) -> Self {
        let now = Instant::now();
        let curve = match settings.0 {
            // A fixed rate is a curve that never moves.
            Mode::Fixed(rate) => Some(Curve {
                top: rate,
                since: now,
                skip: 0.0,
            }),
            _ => None,
        };
        Self {
            mode: settings.0,
            active: AtomicBool::new(matches!(settings.0, Mode::Fixed(_))),
            state: Mutex::new(State {
                gate: None,
                next: now,
                curve,
                probe_out: None,
                probe_started: None,
                window: MIN_WINDOW,
                accepted: VecDeque::new(),
            }),
            probe_answered: tokio::sync::Notify::new(),
        }
    }

    /// Whether calls wait for a turn (one atomic load).
    #[inline]
    pub(crate) fn is_active(&self) -> bool {
        self.active.load(Ordering::Relaxed)
    }

    /// Whether limiting is on (a throttled answer is then retried freely).
    pub(crate) fn is_on(&self) -> bool {
        self.mode != Mode::Off
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for the caller's turn; the time waited.
    pub(crate) async fn turn(&self) -> Duration {
        let started = Instant::now();
        loop {
            let answered = self.probe_answered.notified();
            tokio::pin!(answered);
            answered.as_mut().enable();
            match self.reserve(Instant::now()) {
                Turn::Go => break,
                Turn::At(slot) => {
                    tokio::time::sleep_until(slot).await;
                    break;
                }
                Turn::Recheck(at) => {
                    tokio::select! {
                        () = tokio::time::sleep_until(at) => {}
                        () = answered => {}
                    }
                }
            }
        }
        started.elapsed()
    }

    fn reserve(&self, now: Instant) -> Turn {
        let mut state = self.lock();
        if let Some(gate) = state.gate {
            if gate > now {
                return Turn::Recheck(gate);
            }
            state.gate = None;
        }
        let Some(curve) = state.curve else {
            // Probing: one request at a time.
            if let Some(out) = state.probe_out
                && now < out + PROBE_TIMEOUT
            {
                return Turn::Recheck(out + PROBE_TIMEOUT);
            }
            let started = *state.probe_started.get_or_insert(now);
            if now < started + state.window {
                state.probe_out = Some(now);
                return Turn::Go;
            }
            // A window of probing without a throttle: pace at the rate
            // seen, at the ceiling of its curve (climbing from there).
            let top = state.measured(now);
            state.curve = Some(Curve {
                top,
                since: now,
                skip: (top * (1.0 - BETA) / SCALE).cbrt() + HOLD.as_secs_f64(),
            });
            state.probe_out = None;
            state.probe_started = None;
            state.next = now;
            return Turn::Go;
        };
        let rate = match self.mode {
            Mode::Fixed(rate) => rate,
            _ => curve.rate(now),
        };
        let slot = state.next.max(now);
        state.next = slot + Duration::from_secs_f64(1.0 / rate);
        if slot <= now {
            Turn::Go
        } else {
            Turn::At(slot)
        }
    }

    /// The server answered, and did not throttle.
    #[inline]
    pub(crate) fn accepted(&self) {
        if self.is_active() {
            self.note_accepted(Instant::now());
        }
    }

    fn note_accepted(&self, now: Instant) {
        let mut state = self.lock();
        state.accepted.push_back(now);
        state.trim(now);
        if state.probe_out.take().is_some() {
            drop(state);
            self.probe_answered.notify_waiters();
        }
    }

    /// An attempt ended without an answer.
    #[inline]
    pub(crate) fn unanswered(&self) {
        if self.is_active() {
            let mut state = self.lock();
            if state.probe_out.take().is_some() {
                drop(state);
                self.probe_answered.notify_waiters();
            }
        }
    }

    /// The server answered `429`, asking for `retry_after` (zero when it
    /// gave none).
    pub(crate) fn throttled(&self, retry_after: Duration) {
        if self.mode == Mode::Off {
            return;
        }
        let now = Instant::now();
        let mut state = self.lock();
        // A request sent before the current gate was set: same throttle.
        let same_throttle = state.gate.is_some_and(|gate| gate > now);
        let gate = now + retry_after;
        state.gate = Some(state.gate.map_or(gate, |old| old.max(gate)));
        state.next = state.next.max(gate);
        let probing = state.probe_out.take().is_some();
        if !self.is_active() {
            // The first throttle: the server's rate is not known yet.
            state.window = retry_after.clamp(MIN_WINDOW, MAX_WINDOW);
            state.curve = None;
            state.probe_started = None;
            self.active.store(true, Ordering::Relaxed);
        } else if !same_throttle && self.mode == Mode::Adaptive {
            let top = (state.measured(now) * MARGIN).max(MIN_RATE);
            state.curve = Some(Curve {
                top,
                since: now,
                skip: 0.0,
            });
            state.probe_started = None;
        }
        drop(state);
        if probing {
            self.probe_answered.notify_waiters();
        }
    }

    /// The paced rate now (`None` while probing or inactive), for tests and
    /// the trace.
    #[cfg(test)]
    pub(crate) fn rate(&self) -> Option<f64> {
        if !self.is_active() {
            return None;
        }
        let state = self.lock();
        let curve = state.curve?;
        Some(match self.mode {
            Mode::Fixed(rate) => rate,
            _ => curve.rate(Instant::now()),
        })
    }
}

impl Curve {
    fn rate(&self, now: Instant) -> f64 {
        let elapsed = now.saturating_duration_since(self.since).as_secs_f64() + self.skip;
        cubic(self.top, elapsed, HOLD.as_secs_f64())
    }
}

impl State {
    /// Answers accepted per second within the window.
    fn measured(&mut self, now: Instant) -> f64 {
        self.trim(now);
        self.accepted.len() as f64 / self.window.as_secs_f64()
    }

    fn trim(&mut self, now: Instant) {
        while let Some(&oldest) = self.accepted.front() {
            if now.saturating_duration_since(oldest) > self.window || self.accepted.len() > HISTORY
            {
                self.accepted.pop_front();
            } else {
                break;
            }
        }
    }
}

impl fmt::Debug for Limiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Limiter")
            .field("mode", &self.mode)
            .field("active", &self.is_active())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
