//! The token cache: one shared refresh at a time, owned by no caller.
//!
//! In the manner of smithy-rs's lazy identity cache:
//!
//! - A valid token is handed out under a short lock, with no waiting, until
//!   it actually expires.
//! - From `expires_at - skew` on (the skew is capped at half the lifetime)
//!   the first caller that sees the token starts a refresh **in the
//!   background** and still gets the cached token: callers only wait when
//!   no valid token is left. A token is used for at least
//!   [`MIN_REFRESH_INTERVAL`] after it was fetched, so `expires_in: 0` or a
//!   tiny lifetime cannot cost a token request per call.
//! - A refresh runs as its own Tokio task, one at a time, under the cache's
//!   **load timeout** (5 s by default). The task belongs to no caller: a
//!   caller's per-attempt timeout, deadline or cancellation does not stop
//!   it. Callers that wait for it wait on a `watch` channel, so all wake
//!   together when it ends and all get the same result (a clone of the same
//!   [`AuthError`] on failure). The marker of the refresh in flight is
//!   cleared by a guard made before the task is spawned, so a task dropped
//!   before its first poll (its runtime shut down) does not leave it set.
//! - A token the API rejects is dropped and replaced, but at most once per
//!   [`MIN_REFRESH_INTERVAL`]: a persistent `401` costs one token request
//!   per interval, not one per call.
//! - A load timeout of `Duration::MAX` means no limit (no timer at all).
//! - A failure is held for [`FAILURE_HOLD`]: handed, without another token
//!   request, to callers that have no valid token (a failed early refresh
//!   is never handed to callers that still have one; a later call retries
//!   it once the hold is over). A call's retry after a held failure waits
//!   at least until the hold is over, so it never meets the same failure.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

use super::error::AuthError;
use super::token::{AccessToken, BoxFuture};

/// The shortest time a fetched token is used before it expires by its
/// lifetime, and the shortest time between two replacements of a token the
/// API rejected.
pub const MIN_REFRESH_INTERVAL: Duration = Duration::from_secs(1);

/// How long a failed token fetch is handed out before the next try.
pub const FAILURE_HOLD: Duration = Duration::from_secs(1);

/// Default for [`ClientBuilder::token_load_timeout`](crate::ClientBuilder::token_load_timeout).
pub const DEFAULT_LOAD_TIMEOUT: Duration = Duration::from_secs(5);

/// One token request, without caching.
pub(crate) trait Fetch: Send + Sync + 'static {
    fn fetch(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>>;
    /// Where tokens come from, for the load-timeout error (no query).
    fn source(&self) -> &str;
}

type Outcome = Option<Result<AccessToken, AuthError>>;

pub(crate) struct TokenCache {
    shared: Arc<Shared>,
}

struct Shared {
    fetcher: Arc<dyn Fetch>,
    skew: Duration,
    load_timeout: Duration,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    token: Option<Cached>,
    /// The refresh in flight: its number and its outcome.
    inflight: Option<(u64, watch::Receiver<Outcome>)>,
    /// The number of the last refresh started.
    refreshes: u64,
    failure: Option<(AuthError, Instant)>,
    /// When a rejected token was last dropped.
    last_rejection: Option<Instant>,
}

struct Cached {
    token: AccessToken,
    /// When to start a refresh in the background; `None` = never.
    refresh_at: Option<Instant>,
    /// When to stop using the token; `None` = until rejected.
    valid_until: Option<Instant>,
}

impl TokenCache {
    pub(crate) fn new(fetcher: Arc<dyn Fetch>, skew: Duration, load_timeout: Duration) -> Self {
        Self {
            shared: Arc::new(Shared {
                fetcher,
                skew,
                load_timeout,
                state: Mutex::new(State::default()),
            }),
        }
    }

    /// The cached token, if it is still valid (starting the background
    /// refresh when it is due).
    pub(crate) fn cached(&self) -> Option<AccessToken> {
        let now = Instant::now();
        let mut state = self.shared.lock();
        let token = state.valid(now)?;
        self.refresh_early(&mut state, now);
        Some(token)
    }

    /// A valid token: the cached one, or the result of the shared refresh.
    pub(crate) async fn get(&self) -> Result<AccessToken, AuthError> {
        let (mut outcome, inline) = {
            let now = Instant::now();
            let mut state = self.shared.lock();
            if let Some(token) = state.valid(now) {
                self.refresh_early(&mut state, now);
                return Ok(token);
            }
            if let Some(failure) = state.held(now) {
                return Err(failure.clone());
            }
            match &state.inflight {
                Some((_, outcome)) => (outcome.clone(), None),
                None => self.start(&mut state),
            }
        };
        if let Some(refresh) = inline {
            refresh.await;
        }
        match outcome.wait_for(Option::is_some).await {
            Ok(result) => result.clone().unwrap_or_else(|| Err(vanished())),
            Err(_) => Err(vanished()),
        }
    }

    /// How much longer a failure is held, if one is.
    pub(crate) fn held_for(&self) -> Option<Duration> {
        let now = Instant::now();
        let state = self.shared.lock();
        state.held(now)?;
        state
            .failure
            .as_ref()
            .map(|(_, until)| until.saturating_duration_since(now))
    }

    /// The API rejected `rejected`. Forgets it if it is still the cached
    /// token, unless a rejected token was already dropped less than
    /// [`MIN_REFRESH_INTERVAL`] ago; returns whether asking again may give
    /// another token.
    pub(crate) fn rejected(&self, rejected: &AccessToken) -> bool {
        let now = Instant::now();
        let mut state = self.shared.lock();
        match &state.token {
            Some(cached) if cached.token.same_secret(rejected) => {
                if state
                    .last_rejection
                    .is_some_and(|at| now.saturating_duration_since(at) < MIN_REFRESH_INTERVAL)
                {
                    return false;
                }
                state.token = None;
                state.last_rejection = Some(now);
                true
            }
            // Already replaced or forgotten by another caller.
            _ => true,
        }
    }

    /// Forgets the cached token, any held failure and the refresh in
    /// flight (whose result is then not cached): the next caller starts
    /// anew, even if that refresh can no longer finish.
    pub(crate) fn clear(&self) {
        let mut state = self.shared.lock();
        state.token = None;
        state.failure = None;
        state.inflight = None;
    }

    /// Starts the background refresh when the cached token is due for one
    /// and nothing is in flight or held. Without a Tokio runtime there is
    /// nothing to run it on; the token is valid, so nothing waits for it.
    fn refresh_early(&self, state: &mut State, now: Instant) {
        let due = state
            .token
            .as_ref()
            .and_then(|cached| cached.refresh_at)
            .is_some_and(|at| now >= at);
        if due
            && state.inflight.is_none()
            && state.held(now).is_none()
            && tokio::runtime::Handle::try_current().is_ok()
        {
            self.start(state);
        }
    }

    /// Starts the refresh task; returns its outcome channel, and the task
    /// itself when there is no Tokio runtime to spawn it on (the caller then
    /// runs it).
    fn start(
        &self,
        state: &mut State,
    ) -> (watch::Receiver<Outcome>, Option<BoxFuture<'static, ()>>) {
        let (sender, outcome) = watch::channel(None);
        state.refreshes += 1;
        let number = state.refreshes;
        state.inflight = Some((number, outcome.clone()));
        // Made before the task exists: dropped with the task, polled or not.
        let guard = ClearOnDrop {
            shared: Arc::clone(&self.shared),
            number,
        };
        let refresh: BoxFuture<'static, ()> = Box::pin(async move {
            let shared = &guard.shared;
            let fetch = shared.fetcher.fetch();
            let result = if shared.load_timeout == Duration::MAX {
                fetch.await
            } else {
                match tokio::time::timeout(shared.load_timeout, fetch).await {
                    Ok(result) => result,
                    Err(_) => Err(AuthError::load_timeout(
                        shared.fetcher.source(),
                        shared.load_timeout,
                    )),
                }
            };
            shared.finish(number, &result);
            // Wakes every waiter at once.
            let _ = sender.send(Some(result));
        });
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(refresh);
                (outcome, None)
            }
            Err(_) => (outcome, Some(refresh)),
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Refresh `number` ended: caches its result unless the cache was
    /// cleared since it started.
    fn finish(&self, number: u64, result: &Result<AccessToken, AuthError>) {
        let now = Instant::now();
        let mut state = self.lock();
        if !matches!(state.inflight, Some((current, _)) if current == number) {
            return;
        }
        state.inflight = None;
        match result {
            Ok(token) => {
                let earliest = now + MIN_REFRESH_INTERVAL;
                let (refresh_at, valid_until) = match token.expires_at() {
                    Some(expires_at) => {
                        let lifetime = expires_at.saturating_duration_since(now);
                        let skew = self.skew.min(lifetime / 2);
                        let by_expiry = expires_at.checked_sub(skew).unwrap_or(now);
                        (
                            Some(by_expiry.max(earliest)),
                            Some(expires_at.max(earliest)),
                        )
                    }
                    None => (None, None),
                };
                state.token = Some(Cached {
                    token: token.clone(),
                    refresh_at,
                    valid_until,
                });
                state.failure = None;
            }
            Err(error) => state.failure = Some((error.clone(), now + FAILURE_HOLD)),
        }
    }
}

impl State {
    /// The cached token, if it has not expired.
    fn valid(&self, now: Instant) -> Option<AccessToken> {
        let cached = self.token.as_ref()?;
        match cached.valid_until {
            Some(until) if now >= until => None,
            _ => Some(cached.token.clone()),
        }
    }

    /// The failure being held, if any.
    fn held(&self, now: Instant) -> Option<&AuthError> {
        match &self.failure {
            Some((failure, until)) if now < *until => Some(failure),
            _ => None,
        }
    }
}

/// Clears the in-flight marker of refresh `number` when its task is
/// dropped, finished or not (its runtime shut down, or it never ran), so
/// that the next caller starts anew.
struct ClearOnDrop {
    shared: Arc<Shared>,
    number: u64,
}

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        if matches!(state.inflight, Some((current, _)) if current == self.number) {
            state.inflight = None;
        }
    }
}

fn vanished() -> AuthError {
    AuthError::provider("the token refresh ended without a result (its runtime shut down)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Answers from a script, each after `delay`; counts the fetches.
    struct Script {
        delay: Duration,
        answers: Mutex<VecDeque<Result<AccessToken, AuthError>>>,
        fetches: AtomicUsize,
    }

    impl Script {
        fn new(delay: Duration, answers: Vec<Result<AccessToken, AuthError>>) -> Arc<Self> {
            Arc::new(Self {
                delay,
                answers: Mutex::new(answers.into()),
                fetches: AtomicUsize::new(0),
            })
        }
        fn fetches(&self) -> usize {
            self.fetches.load(Ordering::SeqCst)
        }
    }

    impl Fetch for Script {
        fn fetch(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
            Box::pin(async move {
                let n = self.fetches.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(self.delay).await;
                self.answers
                    .lock()
                    .unwrap()
                    .pop_front()
                    .unwrap_or_else(|| Ok(AccessToken::new(format!("tok-{}", n + 1))))
            })
        }
        fn source(&self) -> &str {
            "http://127.0.0.1:9/o/token/"
        }
    }

    fn cache(script: &Arc<Script>) -> Arc<TokenCache> {
        Arc::new(TokenCache::new(
            Arc::clone(script) as Arc<dyn Fetch>,
            Duration::from_secs(60),
            DEFAULT_LOAD_TIMEOUT,
        ))
    }

    fn lived(secret: &str, lifetime: u64) -> Result<AccessToken, AuthError> {
        Ok(AccessToken::new(secret).with_expires_in(Duration::from_secs(lifetime)))
    }

    #[tokio::test(start_paused = true)]
    async fn refreshes_in_the_background_from_expiry_minus_skew() {
        let script = Script::new(
            Duration::from_secs(2),
            vec![lived("a", 600), lived("b", 600)],
        );
        let cache = cache(&script);
        // The token says: expires at t0 + 600 s; fetched by t0 + 2 s.
        let t0 = Instant::now();
        assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        tokio::time::advance(t0 + Duration::from_secs(539) - Instant::now()).await;
        assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        tokio::task::yield_now().await;
        assert_eq!(script.fetches(), 1, "not yet due");
        tokio::time::advance(Duration::from_secs(1)).await; // 600 - 60 s skew
        // Due: the caller gets the cached token at once, and the refresh
        // starts behind it.
        let asked = Instant::now();
        assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        assert_eq!(asked.elapsed(), Duration::ZERO, "the caller did not wait");
        assert_eq!(asked - t0, Duration::from_secs(540));
        tokio::task::yield_now().await;
        assert_eq!(
            script.fetches(),
            2,
            "the refresh started at expires_at - skew"
        );
        // Callers meanwhile keep the valid token, and start no other refresh.
        tokio::time::advance(Duration::from_secs(1)).await;
        for _ in 0..10 {
            assert_eq!(cache.cached().unwrap().expose_secret(), "a");
        }
        tokio::time::advance(Duration::from_secs(1)).await;
        tokio::task::yield_now().await;
        assert_eq!(cache.cached().unwrap().expose_secret(), "b");
        assert_eq!(script.fetches(), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_early_refresh_is_not_handed_to_callers_with_a_valid_token() {
        let down = || Err(AuthError::oauth2(Some(503), "server_error".into(), None));
        let script = Script::new(Duration::ZERO, vec![lived("a", 6), down(), down(), down()]);
        let cache = cache(&script);
        assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        // Skew capped at half the lifetime: due at 3 s, valid until 6 s.
        tokio::time::advance(Duration::from_secs(4)).await;
        assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        tokio::task::yield_now().await;
        assert_eq!(script.fetches(), 2, "the early refresh ran, and failed");
        // Held, not handed out: the token is still valid.
        assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        assert_eq!(script.fetches(), 2, "no new try within the hold");
        assert!(cache.held_for().is_some());
        // After the hold, a later call retries it in the background.
        tokio::time::advance(FAILURE_HOLD).await;
        assert!(cache.held_for().is_none());
        assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        tokio::task::yield_now().await;
        assert_eq!(script.fetches(), 3);
        // Expired (at 6 s) with the endpoint still down: the failure.
        tokio::time::advance(Duration::from_secs(1)).await;
        let error = cache.get().await.unwrap_err();
        assert_eq!(error.code(), "server_error");
        assert!(error.is_transient());
    }

    #[test]
    fn a_refresh_dropped_before_its_first_poll_leaves_nothing_in_flight() {
        let script = Script::new(Duration::ZERO, vec![]);
        let cache = cache(&script);
        let runtime = || {
            tokio::runtime::Builder::new_current_thread()
                .enable_time()
                .build()
                .unwrap()
        };
        let first = runtime();
        {
            let _entered = first.enter();
            let mut state = cache.shared.lock();
            let (_outcome, inline) = cache.start(&mut state);
            assert!(inline.is_none(), "spawned on the runtime");
        }
        assert!(cache.shared.lock().inflight.is_some());
        // The runtime shuts down before the task ever ran.
        drop(first);
        assert!(cache.shared.lock().inflight.is_none());
        let token = runtime().block_on(cache.get()).unwrap();
        assert_eq!(token.expose_secret(), "tok-1");
    }

    #[tokio::test(start_paused = true)]
    async fn clear_resets_a_refresh_that_cannot_finish() {
        let script = Script::new(Duration::from_secs(3600), vec![]);
        let cache = Arc::new(TokenCache::new(
            Arc::clone(&script) as Arc<dyn Fetch>,
            Duration::from_secs(60),
            Duration::MAX,
        ));
        let stuck = {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move { cache.get().await })
        };
        tokio::task::yield_now().await;
        assert!(cache.shared.lock().inflight.is_some());
        cache.clear();
        assert!(cache.shared.lock().inflight.is_none());
        let fresh = {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move { cache.get().await })
        };
        tokio::task::yield_now().await;
        assert_eq!(script.fetches(), 2, "the next caller started anew");
        stuck.abort();
        fresh.abort();
    }

    #[tokio::test(start_paused = true)]
    async fn tiny_lifetimes_are_reused_for_the_minimum_interval() {
        let script = Script::new(Duration::ZERO, vec![lived("a", 0), lived("b", 0)]);
        let cache = cache(&script);
        for _ in 0..50 {
            assert_eq!(cache.get().await.unwrap().expose_secret(), "a");
        }
        tokio::time::advance(MIN_REFRESH_INTERVAL).await;
        assert_eq!(cache.get().await.unwrap().expose_secret(), "b");
        assert_eq!(script.fetches(), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn rejected_tokens_are_replaced_at_most_once_per_interval() {
        let script = Script::new(Duration::ZERO, vec![]);
        let cache = cache(&script);
        let first = cache.get().await.unwrap();
        assert!(cache.rejected(&first), "the first rejection replaces it");
        let second = cache.get().await.unwrap();
        assert_eq!(second.expose_secret(), "tok-2");
        // A stale rejection of the old token leaves the new one alone.
        assert!(cache.rejected(&first));
        assert_eq!(cache.get().await.unwrap().expose_secret(), "tok-2");
        // The new one rejected too, at once: kept (a persistent 401).
        for _ in 0..30 {
            assert!(!cache.rejected(&second));
            assert_eq!(cache.get().await.unwrap().expose_secret(), "tok-2");
        }
        tokio::time::advance(MIN_REFRESH_INTERVAL).await;
        assert!(cache.rejected(&second));
        assert_eq!(cache.get().await.unwrap().expose_secret(), "tok-3");
        assert_eq!(script.fetches(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn failures_are_shared_and_held() {
        let denied = AuthError::oauth2(Some(401), "invalid_client".into(), None);
        let script = Script::new(Duration::from_millis(100), vec![Err(denied)]);
        let cache = cache(&script);
        let callers: Vec<_> = (0..21)
            .map(|_| {
                let cache = Arc::clone(&cache);
                tokio::spawn(async move { cache.get().await })
            })
            .collect();
        let mut errors = Vec::new();
        for caller in callers {
            errors.push(caller.await.unwrap().unwrap_err());
        }
        assert!(errors.iter().all(|e| e.code() == "invalid_client"));
        assert!(errors.iter().all(|e| e.same_failure(&errors[0])));
        // Held: no new fetch within FAILURE_HOLD.
        assert_eq!(cache.get().await.unwrap_err().code(), "invalid_client");
        assert_eq!(script.fetches(), 1);
        tokio::time::advance(FAILURE_HOLD).await;
        assert_eq!(cache.get().await.unwrap().expose_secret(), "tok-2");
        assert_eq!(script.fetches(), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn cancelling_the_caller_that_started_the_refresh_does_not_stop_it() {
        let script = Script::new(Duration::from_secs(2), vec![]);
        let cache = cache(&script);
        let starter = {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move { cache.get().await })
        };
        tokio::time::sleep(Duration::from_millis(10)).await;
        let waiters: Vec<_> = (0..5)
            .map(|_| {
                let cache = Arc::clone(&cache);
                tokio::spawn(async move { cache.get().await })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(10)).await;
        starter.abort();
        for waiter in waiters {
            assert_eq!(waiter.await.unwrap().unwrap().expose_secret(), "tok-1");
        }
        assert_eq!(script.fetches(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_caller_timeout_does_not_stop_the_refresh_but_the_load_timeout_does() {
        let script = Script::new(Duration::from_secs(3), vec![]);
        let cache = cache(&script);
        // The caller gives up after 1 s; the refresh goes on and is cached.
        let quick = tokio::time::timeout(Duration::from_secs(1), cache.get()).await;
        assert!(quick.is_err());
        tokio::time::sleep(Duration::from_secs(3)).await;
        assert_eq!(cache.cached().unwrap().expose_secret(), "tok-1");
        assert_eq!(script.fetches(), 1);

        let slow = Script::new(Duration::from_secs(10), vec![]);
        let cache = super::super::cache::TokenCache::new(
            Arc::clone(&slow) as Arc<dyn Fetch>,
            Duration::from_secs(60),
            Duration::from_secs(5),
        );
        let started = Instant::now();
        let error = cache.get().await.unwrap_err();
        assert_eq!(started.elapsed(), Duration::from_secs(5));
        assert!(error.is_timeout() && error.is_transient());
        assert_eq!(error.code(), "token_endpoint_unreachable");
        assert!(error.to_string().contains("load timeout of 5s"), "{error}");
    }

    #[tokio::test(start_paused = true)]
    async fn a_finished_refresh_lets_go_of_the_cache() {
        let script = Script::new(Duration::ZERO, vec![]);
        let cache = cache(&script);
        for _ in 0..3 {
            cache.get().await.unwrap();
            cache.clear();
        }
        // The refresh tasks have ended; they held the cache only while running.
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        assert_eq!(Arc::strong_count(&cache.shared), 1);
        assert_eq!(script.fetches(), 3);
    }

    #[tokio::test(start_paused = true)]
    async fn clear_forgets_the_token() {
        let script = Script::new(Duration::ZERO, vec![]);
        let cache = cache(&script);
        cache.get().await.unwrap();
        cache.clear();
        assert!(cache.cached().is_none());
        assert_eq!(cache.get().await.unwrap().expose_secret(), "tok-2");
    }
}
