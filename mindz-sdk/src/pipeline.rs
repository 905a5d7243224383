//! The path of every call: the one module that owns it.
//!
//! Every generated `send()` checks its builder's values and hands [`json`]
//! or [`empty`] a closure ([`Build`]) that builds its `reqwest::Request`;
//! every send (the first, a retry, a resend with a fresh token, a redirect
//! hop) builds the request afresh, so no copy is kept in case one is
//! needed. From there, in this order:
//!
//! 1. **deadline**: the whole call (all attempts and the waits between
//!    them) runs under the optional [`deadline`](crate::ClientBuilder::deadline);
//! 2. **invocation id** and **span**: a UUID v4 for the call (or the one
//!    set with [`with_invocation_id`](crate::with_invocation_id)), sent in
//!    `X-Request-ID` (configurable) on every attempt, recorded in the
//!    `mindz.request` span ([`crate::telemetry`]) and in every error;
//! 3. **attempts**: as many as the [`RetryPolicy`](crate::RetryPolicy)
//!    allows, with the waits it asks for and the retry budget it draws from
//!    ([`crate::retry`] decides, this module acts);
//! 4. **auth**: for private operations, a token from the client's source,
//!    had before the request is built, so no request waits for it (the
//!    cache's shared refresh runs outside the attempt's timer and belongs
//!    to no caller); a token goes only to the base URL's origin (a request
//!    URL elsewhere is refused as [`Error::InvalidRequest`]);
//! 5. **per-attempt timeout**: one limit per attempt, from the moment it
//!    has its token: the first send, its body, a resend with a fresh token
//!    and every redirect hop share it. The attempt's end is fixed when it
//!    starts and each exchange gets reqwest's own timer for the time left
//!    (the `timeout` of the SDK's client for the first send, set on the
//!    request otherwise), covering connecting, sending, waiting and reading
//!    the body;
//! 6. **send** and **read**: the success body up to
//!    [`max_response_body`](crate::ClientBuilder::max_response_body), an
//!    error body up to [`ERROR_BODY_CAP`], never more;
//! 7. **401 refresh**: on `401` (or `401`/`403` with
//!    `WWW-Authenticate: Bearer error="invalid_token"`) the token is
//!    replaced (at most once per
//!    [`MIN_REFRESH_INTERVAL`](crate::auth::MIN_REFRESH_INTERVAL)) and the
//!    request sent once more;
//! 8. **redirects**: followed only within the base URL's origin (so never
//!    from https to http, and no body or token ever goes to another
//!    origin), at most [`MAX_REDIRECTS`] hops; a `301`/`302`/`303` answer
//!    to anything but GET or HEAD is an error, never a silent change of
//!    method. reqwest itself follows none, and sends no `Referer`;
//! 9. **error**: whatever is left becomes one [`Error`], decoded success
//!    bodies become `ResponseValue<T>`.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{AUTHORIZATION, HeaderMap, LOCATION, WWW_AUTHENTICATE};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use tracing::Instrument as _;

use crate::auth::{AccessToken, AuthError, DynTokenProvider};
use crate::error::{
    ApiError, BodyTooLarge, Context, DecodeError, Error, RedirectError, RedirectRefusal, Result,
    TimeoutError, TimeoutLimit, TransportError,
};
use crate::operation::Operation;
use crate::options::CallOptions;
use crate::rate_limit::MAX_THROTTLED_RETRIES;
use crate::retry::{Attempted, Decision, RetryAfter, RetryPolicy};
use crate::state::{CallSettings, ERROR_BODY_CAP};
use crate::telemetry::RequestTrace;
use crate::wire::{TransportKind, read_capped};
use crate::{Client, ResponseValue};

tokio::task_local! {
    /// The invocation id set by [`crate::with_invocation_id`].
    pub(crate) static INVOCATION: uuid::Uuid;
}

/// The most redirects one attempt follows.
pub(crate) const MAX_REDIRECTS: u32 = 5;

/// `.build()` of a generated request failed (a header or URL reqwest refused).
pub(crate) fn build_failed(error: reqwest::Error) -> Error {
    Error::InvalidRequest(format!(
        "could not build the request: {}",
        crate::wire::root_cause(&error)
    ))
}

/// Builds an operation's request: the closure each generated `send()`
/// passes, called for the first send and again for every retry, resend
/// with a fresh token, or redirect hop (cheaper than keeping a copy of the
/// first request in case one is needed, which most calls never do).
pub(crate) type Build<'a> = &'a (dyn Fn() -> Result<reqwest::Request> + Sync);

/// Runs the call and decodes a JSON success body as `T`.
///
/// Any `2xx` is a success (many statuses in the schema are inferred: a
/// school may answer `200` where `201` is documented). A `2xx` body that
/// does not fit `T` is [`Error::Decode`], with the body kept.
///
/// Like every step of a call here, a plain function returning a future
/// rather than an `async fn`: an `async fn` keeps its arguments twice (the
/// parameter and its moved copy), and each step's future lives inside the
/// one before it. `BENCHMARKS.md` gives the sizes.
pub(crate) fn json<'a, T: DeserializeOwned + 'a>(
    client: &'a Client,
    build: Build<'a>,
    operation: &'static Operation,
    options: Option<Box<CallOptions>>,
) -> impl Future<Output = Result<ResponseValue<T>>> + Send + 'a {
    run(
        client,
        build,
        operation,
        options,
        |answer| match serde_json::from_slice::<T>(&answer.body) {
            Ok(value) => Ok(ResponseValue::new(value, answer.status, answer.headers)),
            Err(_) => Err(Error::Decode(DecodeError::locate::<T>(
                answer.body,
                answer.context,
            ))),
        },
    )
}

/// Runs the call of an operation documented without a body (`204`): any
/// `2xx` is a success, whatever body it has.
pub(crate) fn empty<'a>(
    client: &'a Client,
    build: Build<'a>,
    operation: &'static Operation,
    options: Option<Box<CallOptions>>,
) -> impl Future<Output = Result<ResponseValue<()>>> + Send + 'a {
    run(client, build, operation, options, |answer| {
        Ok(ResponseValue::new((), answer.status, answer.headers))
    })
}

/// Runs the call and hands over a `2xx` body as it was read (decompressed,
/// under the body cap), for [`RawRequest::send_bytes`](crate::RawRequest::send_bytes).
pub(crate) fn bytes<'a>(
    client: &'a Client,
    build: Build<'a>,
    operation: &'static Operation,
    options: Option<Box<CallOptions>>,
) -> impl Future<Output = Result<ResponseValue<Bytes>>> + Send + 'a {
    run(client, build, operation, options, |answer| {
        Ok(ResponseValue::new(
            answer.body,
            answer.status,
            answer.headers,
        ))
    })
}

/// A success answer, read whole.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    context: Context,
}

/// How far the call has got, for errors and the trace (the deadline's timer
/// may drop the attempts' future at any point).
#[derive(Default)]
struct Progress {
    attempts: AtomicU32,
    reading_body: AtomicBool,
    /// Microseconds waited for the rate limiter.
    rate_limited_us: AtomicU64,
}

#[expect(
    clippy::manual_async_fn,
    reason = "an async fn keeps its arguments twice"
)]
fn run<'a, T: 'a>(
    client: &'a Client,
    build: Build<'a>,
    operation: &'static Operation,
    options: Option<Box<CallOptions>>,
    finish: impl FnOnce(Answer) -> Result<ResponseValue<T>> + Send + 'a,
) -> impl Future<Output = Result<ResponseValue<T>>> + Send + 'a {
    async move {
        let invocation = INVOCATION
            .try_with(|id| *id)
            .unwrap_or_else(|_| uuid::Uuid::new_v4());
        let context = Context {
            operation: Some(operation),
            invocation: Some(invocation),
        };
        let Ok(method) = Method::from_bytes(operation.method.as_bytes()) else {
            return Err(Error::InvalidRequest(format!(
                "operation {} has no valid HTTP method",
                operation.id
            )));
        };
        let settings = &*client.inner.calls;
        // Per-call options are rare: one branch when there are none.
        if let Some(options) = &options
            && let Err(message) = options.check(&settings.request_id_header)
        {
            return Err(Error::InvalidRequest(message));
        }
        let (trace, request_id) = {
            let mut id_text = uuid::Uuid::encode_buffer();
            let id_text = invocation.hyphenated().encode_lower(&mut id_text);
            let trace =
                RequestTrace::start(operation.id, operation.method, operation.path, id_text);
            (trace, reqwest::header::HeaderValue::from_str(id_text).ok())
        };
        let provider = match &client.inner.auth {
            Some(provider) if operation.auth => Some(provider.as_ref()),
            _ => None,
        };
        let progress = Progress::default();
        let call = Call {
            http: &client.client,
            settings,
            build,
            request_id,
            provider,
            method,
            context,
            progress: &progress,
            trace: &trace,
            options,
        };
        let result = match call.deadline() {
            Some(limit) => {
                let attempts = call.attempts().instrument(trace.span().clone());
                match tokio::time::timeout(limit, attempts).await {
                    Ok(result) => result,
                    Err(_) => Err(Error::Timeout(TimeoutError::new(
                        TimeoutLimit::Deadline(limit),
                        progress.reading_body.load(Ordering::Relaxed),
                        context,
                    ))),
                }
            }
            None => call.attempts().instrument(trace.span().clone()).await,
        };
        let result = result.and_then(finish);
        let waited = progress.rate_limited_us.load(Ordering::Relaxed);
        if waited > 0 {
            trace.rate_limited(Duration::from_micros(waited));
        }
        let (status, error) = match &result {
            Ok(value) => (Some(value.status().as_u16()), None),
            Err(error) => (error.status().map(|s| s.as_u16()), Some(error.kind_name())),
        };
        trace.finish(progress.attempts.load(Ordering::Relaxed), status, error);
        result
    }
}

/// One call in progress.
struct Call<'a> {
    http: &'a reqwest::Client,
    settings: &'a CallSettings,
    build: Build<'a>,
    /// The call's `X-Request-ID` value, the same on every send.
    request_id: Option<reqwest::header::HeaderValue>,
    /// The token source, when the operation needs a token.
    provider: Option<&'a dyn DynTokenProvider>,
    method: Method,
    context: Context,
    progress: &'a Progress,
    trace: &'a RequestTrace,
    /// The call's own settings, replacing the client's where set (boxed:
    /// a call without them carries one pointer).
    options: Option<Box<CallOptions>>,
}

/// What comes after an attempt.
enum Next {
    /// Another attempt, after this wait.
    Wait(std::time::Duration),
    /// None: the call's result.
    Done(Result<Answer>),
}

/// What one attempt gave.
enum Outcome {
    Success(Answer),
    /// Any status but a `2xx`, with the (capped) body.
    Status {
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        truncated: bool,
    },
    Transport(reqwest::Error),
    /// The per-attempt timeout expired.
    TimedOut(std::time::Duration),
    Auth(AuthError),
    TooLarge(usize),
    /// A redirect the SDK does not follow.
    Redirect {
        status: StatusCode,
        target: Option<String>,
        refusal: RedirectRefusal,
    },
    /// The request could not be built (nothing was sent).
    Invalid(Error),
}

impl Call<'_> {
    /// The retry policy: the call's, else the client's.
    fn policy(&self) -> &RetryPolicy {
        match self.options.as_deref().and_then(CallOptions::get_retry) {
            Some(policy) => policy,
            None => &self.settings.policy,
        }
    }

    /// The whole call's deadline: the call's, else the client's.
    fn deadline(&self) -> Option<std::time::Duration> {
        self.options
            .as_deref()
            .and_then(CallOptions::get_deadline)
            .or(self.settings.deadline)
    }

    /// The per-attempt timeout, and whether it is the one set on the SDK's
    /// reqwest client (a call's own goes on each of its requests, which
    /// replaces the client's for that request).
    fn attempt_timeout(&self) -> (Option<std::time::Duration>, bool) {
        match self
            .options
            .as_deref()
            .and_then(CallOptions::get_attempt_timeout)
        {
            Some(limit) => (Some(limit), false),
            None => (
                self.settings.attempt_timeout,
                self.settings.timeout_on_client,
            ),
        }
    }

    /// The operation's request for one send: built afresh, with the call's
    /// `X-Request-ID` and, when `token` is given, its bearer token (never
    /// to another origin than the base URL's); no other `Authorization`.
    #[expect(
        clippy::result_large_err,
        reason = "the Ok value, a request, is larger still; both move once"
    )]
    fn request(
        &self,
        token: Option<&AccessToken>,
    ) -> std::result::Result<reqwest::Request, Outcome> {
        let mut request = (self.build)().map_err(Outcome::Invalid)?;
        let headers = request.headers_mut();
        if let Some(value) = &self.request_id {
            headers.insert(self.settings.request_id_header.clone(), value.clone());
        }
        if let Some(options) = &self.options {
            for (name, value) in options.headers() {
                headers.insert(name.clone(), value.clone());
            }
        }
        match token {
            Some(token) => {
                if !crate::wire::same_origin(&self.settings.base, request.url()) {
                    return Err(Outcome::Invalid(Error::InvalidRequest(format!(
                        "the request URL is not on the base URL's origin ({}): no token is sent there",
                        crate::wire::origin(&self.settings.base)
                    ))));
                }
                set_bearer(&mut request, token).map_err(Outcome::Auth)?;
            }
            None => {
                headers.remove(AUTHORIZATION);
            }
        }
        Ok(request)
    }

    #[expect(
        clippy::manual_async_fn,
        reason = "an async fn keeps its arguments twice"
    )]
    fn attempts(&self) -> impl Future<Output = Result<Answer>> + Send {
        async move {
            let started = tokio::time::Instant::now();
            let mut attempt = 0u32;
            let mut throttled = 0u32;
            loop {
                attempt += 1;
                self.progress.attempts.store(attempt, Ordering::Relaxed);
                if self.settings.limiter.is_active() {
                    // Rare (the server has throttled): a future of its own.
                    let waited = Box::pin(self.settings.limiter.turn()).await;
                    let waited = u64::try_from(waited.as_micros()).unwrap_or(u64::MAX);
                    self.progress
                        .rate_limited_us
                        .fetch_add(waited, Ordering::Relaxed);
                }
                // The outcome ends with this block: the wait holds only the timer.
                let wait = {
                    let outcome = self.attempt().await;
                    match self.next(outcome, attempt, &mut throttled, started) {
                        Next::Wait(wait) => wait,
                        Next::Done(result) => return result,
                    }
                };
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }

    /// One attempt: a token, the exchange and, rarely, a resend with a
    /// fresh token and the redirects the policy allows.
    #[expect(
        clippy::manual_async_fn,
        reason = "an async fn keeps its arguments twice"
    )]
    fn attempt(&self) -> impl Future<Output = Outcome> + Send {
        async move {
            // The token first: no request waits for it.
            let token = match self.provider {
                Some(provider) => match fetch_token(provider).await {
                    Ok(token) => Some(token),
                    Err(error) => return Outcome::Auth(error),
                },
                None => None,
            };
            // The attempt's one limit: every exchange below ends by then.
            let ends = self
                .attempt_timeout()
                .0
                .and_then(|limit| tokio::time::Instant::now().checked_add(limit));
            let outcome = match self.request(token.as_ref()) {
                Ok(request) => self.exchange(request, ends, true),
                Err(outcome) => return outcome,
            }
            .await;
            if outcome.is_redirect() || (token.is_some() && outcome.rejects_token()) {
                // Rare: these steps get a future of their own.
                return Box::pin(self.after(outcome, token, ends)).await;
            }
            outcome
        }
    }

    /// After an answer that rejected the token or redirects: the resend
    /// with a fresh token, then the redirects.
    async fn after(
        &self,
        outcome: Outcome,
        token: Option<AccessToken>,
        ends: Option<tokio::time::Instant>,
    ) -> Outcome {
        let outcome = match (self.provider, token) {
            (Some(provider), Some(token)) if outcome.rejects_token() => {
                self.resend(outcome, provider, token, ends).await
            }
            _ => outcome,
        };
        if outcome.is_redirect() {
            self.follow(outcome, ends).await
        } else {
            outcome
        }
    }

    /// The wait before the next attempt, or the call's result when there
    /// is none: the policy's decision, bounded by the deadline and the
    /// retry budget. A throttled answer the rate limiter waits out is
    /// retried without counting toward the policy's attempts
    /// (`throttled` counts them; see [`crate::rate_limit`]).
    fn next(
        &self,
        outcome: Outcome,
        attempt: u32,
        throttled: &mut u32,
        started: tokio::time::Instant,
    ) -> Next {
        let attempted = match &outcome {
            Outcome::Success(_) => {
                self.settings.limiter.accepted();
                self.settings.budget.refill();
                return Next::Done(self.conclude(outcome));
            }
            other => other.attempted(),
        };
        if let Some(wait) = self.throttle(&attempted, *throttled, started) {
            *throttled += 1;
            self.trace.retrying(attempt, &"throttled", wait);
            // The limiter's gate holds the next attempt.
            return Next::Wait(Duration::ZERO);
        }
        let decision = self.policy().decide(
            &self.method,
            attempted,
            attempt - *throttled,
            &self.settings.jitter,
            SystemTime::now(),
        );
        let Decision::Retry(mut wait, reason) = decision else {
            return Next::Done(self.conclude(outcome));
        };
        if let (Outcome::Auth(_), Some(provider)) = (&outcome, self.provider) {
            // Rare: waits out a held token failure rather than meet it again.
            wait = wait.max(provider.held_for().unwrap_or_default());
        }
        if let Some(deadline) = self.deadline()
            && started.elapsed().saturating_add(wait) >= deadline
        {
            // Waiting would run into the deadline: give what we have.
            return Next::Done(self.conclude(outcome));
        }
        if !self.settings.budget.spend(reason) {
            return Next::Done(self.conclude(outcome));
        }
        self.trace.retrying(attempt, &reason, wait);
        Next::Wait(wait)
    }

    /// Tells the rate limiter what the attempt gave; for a `429` with
    /// `Retry-After` that the limiter waits out, the wait (see
    /// [`crate::rate_limit`]).
    fn throttle(
        &self,
        attempted: &Attempted<'_>,
        throttled: u32,
        started: tokio::time::Instant,
    ) -> Option<Duration> {
        let limiter = &self.settings.limiter;
        let Attempted::Response { status, headers } = *attempted else {
            limiter.unanswered();
            return None;
        };
        if status != StatusCode::TOO_MANY_REQUESTS {
            limiter.accepted();
            return None;
        }
        let asked =
            crate::retry::retry_after(headers, SystemTime::now()).map(|asked| match asked {
                RetryAfter::Delay(wait) | RetryAfter::Date(wait) => wait,
            });
        limiter.throttled(asked.unwrap_or(Duration::ZERO));
        let wait = asked?;
        let policy = self.policy();
        let waits = limiter.is_on()
            && throttled < MAX_THROTTLED_RETRIES
            && policy.get_max_attempts() > 1
            && policy.is_retryable_status(status)
            && wait <= policy.get_retry_after_cap()
            && self
                .deadline()
                .is_none_or(|deadline| started.elapsed().saturating_add(wait) < deadline);
        waits.then_some(wait)
    }

    /// The API rejected `token`: sends once more with a fresh one, if the
    /// source has another.
    async fn resend(
        &self,
        outcome: Outcome,
        provider: &dyn DynTokenProvider,
        token: AccessToken,
        ends: Option<tokio::time::Instant>,
    ) -> Outcome {
        if !provider.rejected(&token) {
            return outcome;
        }
        let fresh = match fetch_token(provider).await {
            Ok(fresh) => fresh,
            Err(error) => return Outcome::Auth(error),
        };
        if fresh.same_secret(&token) {
            return outcome;
        }
        match self.request(Some(&fresh)) {
            Ok(request) => {
                drop(outcome);
                self.exchange(request, ends, false).await
            }
            Err(failed) => failed,
        }
    }

    /// Follows redirects within the base URL's origin (see the module docs).
    async fn follow(&self, mut outcome: Outcome, ends: Option<tokio::time::Instant>) -> Outcome {
        // Locations are relative to the URL that answered.
        let mut url = match (self.build)() {
            Ok(request) => request.url().clone(),
            Err(error) => return Outcome::Invalid(error),
        };
        let mut hops = 0;
        loop {
            let Outcome::Status {
                status, headers, ..
            } = &outcome
            else {
                return outcome;
            };
            let status = *status;
            if !is_redirect(status) {
                return outcome;
            }
            let refuse = |target: Option<String>, refusal| Outcome::Redirect {
                status,
                target,
                refusal,
            };
            let Some(target) = headers
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|location| url.join(location).ok())
            else {
                return refuse(None, RedirectRefusal::NoLocation);
            };
            if !crate::wire::same_origin(&self.settings.base, &target) {
                let refusal = if self.settings.base.scheme() == "https" && target.scheme() == "http"
                {
                    RedirectRefusal::Downgrade
                } else {
                    RedirectRefusal::CrossOrigin
                };
                return refuse(Some(crate::wire::origin(&target)), refusal);
            }
            if matches!(status.as_u16(), 301..=303)
                && !matches!(self.method, Method::GET | Method::HEAD)
            {
                return refuse(
                    Some(crate::wire::origin(&target)),
                    RedirectRefusal::MethodChange,
                );
            }
            hops += 1;
            if hops > MAX_REDIRECTS {
                return refuse(Some(crate::wire::origin(&target)), RedirectRefusal::TooMany);
            }
            // Same origin: the token goes along.
            let token = match self.provider {
                Some(provider) => match fetch_token(provider).await {
                    Ok(token) => Some(token),
                    Err(error) => return Outcome::Auth(error),
                },
                None => None,
            };
            let mut next = match self.request(token.as_ref()) {
                Ok(next) => next,
                Err(failed) => return failed,
            };
            *next.url_mut() = target.clone();
            url = target;
            drop(outcome);
            outcome = self.exchange(next, ends, false).await;
        }
    }

    /// Sends `request` and reads the answer, by the attempt's end `ends`.
    ///
    /// The timer is reqwest's own, which covers connecting, sending,
    /// waiting and reading the body. For an attempt's `first` exchange it
    /// is the `timeout` of the SDK's client (the whole limit, which costs
    /// reqwest nothing per request); otherwise, and for a caller's client,
    /// the time left is set on the request (replacing a caller's client's
    /// `timeout`; a per-request timeout costs reqwest a few allocations).
    /// The bench (`BENCHMARKS.md`) measured either faster than an outer
    /// `tokio::time::timeout`. With no time left nothing is sent.
    ///
    /// The request goes to reqwest before the future is made, so the
    /// future holds reqwest's (boxed) pending response, not the request.
    fn exchange(
        &self,
        mut request: reqwest::Request,
        ends: Option<tokio::time::Instant>,
        first: bool,
    ) -> impl Future<Output = Outcome> + Send {
        use futures::future::{Either, ready};
        self.progress.reading_body.store(false, Ordering::Relaxed);
        if let Some(ends) = ends
            && !(first && self.attempt_timeout().1)
        {
            let left = ends.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                return Either::Left(ready(self.timed_out()));
            }
            *request.timeout_mut() = Some(left);
        }
        let pending = self.http.execute(request);
        Either::Right(async move {
            // A reqwest timeout is the attempt's own when it struck once the
            // attempt's time was up (a `read_timeout` of a caller's client
            // strikes sooner, and a connect timeout says so).
            let broken = |error: reqwest::Error| match ends {
                Some(ends)
                    if error.is_timeout()
                        && !error.is_connect()
                        && tokio::time::Instant::now() >= ends =>
                {
                    self.timed_out()
                }
                _ => Outcome::Transport(error),
            };
            let (status, headers, success, cap, read) = match pending.await {
                Ok(mut response) => {
                    let status = response.status();
                    let headers = std::mem::take(response.headers_mut());
                    let success = status.is_success();
                    let cap = if success {
                        self.settings.max_body
                    } else {
                        ERROR_BODY_CAP
                    };
                    (status, headers, success, cap, read_capped(response, cap))
                }
                Err(error) => return broken(error),
            };
            self.progress.reading_body.store(true, Ordering::Relaxed);
            match read.await {
                Ok(body) if success && body.truncated => Outcome::TooLarge(cap),
                Ok(body) if success => Outcome::Success(Answer {
                    status,
                    headers,
                    body: body.bytes,
                    context: self.context,
                }),
                Ok(body) => Outcome::Status {
                    status,
                    headers,
                    body: body.bytes,
                    truncated: body.truncated,
                },
                Err(error) => broken(error),
            }
        })
    }

    /// The attempt's time is up.
    fn timed_out(&self) -> Outcome {
        Outcome::TimedOut(self.attempt_timeout().0.unwrap_or(Duration::MAX))
    }

    fn conclude(&self, outcome: Outcome) -> Result<Answer> {
        let context = self.context;
        let reading_body = self.progress.reading_body.load(Ordering::Relaxed);
        match outcome {
            Outcome::Success(answer) => Ok(answer),
            Outcome::Status {
                status,
                headers,
                body,
                truncated,
            } => {
                let api = ApiError::new(status, headers, body, truncated, context);
                if status.is_client_error() || status.is_server_error() {
                    Err(Error::Api(api))
                } else {
                    Err(Error::UnexpectedStatus(api))
                }
            }
            Outcome::Transport(error) if error.is_timeout() => {
                let limit = if error.is_connect() {
                    TimeoutLimit::Connect
                } else {
                    TimeoutLimit::HttpClient
                };
                Err(Error::Timeout(TimeoutError::new(
                    limit,
                    reading_body,
                    context,
                )))
            }
            Outcome::Transport(error) => Err(Error::Transport(TransportError::new(error, context))),
            Outcome::TimedOut(limit) => Err(Error::Timeout(TimeoutError::new(
                TimeoutLimit::Attempt(limit),
                reading_body,
                context,
            ))),
            Outcome::Auth(error) => Err(Error::Auth(match context.invocation {
                Some(id) => error.for_invocation(id),
                None => error,
            })),
            Outcome::TooLarge(limit) => Err(Error::BodyTooLarge(BodyTooLarge::new(limit, context))),
            Outcome::Invalid(error) => Err(error),
            Outcome::Redirect {
                status,
                target,
                refusal,
            } => Err(Error::Redirect(RedirectError::new(
                status.as_u16(),
                target,
                refusal,
                context,
            ))),
        }
    }
}

/// Whether `status` is one of the redirects [`Call::follow`] handles.
fn is_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

impl Outcome {
    /// Whether the answer is a redirect (see [`Call::follow`]).
    fn is_redirect(&self) -> bool {
        matches!(self, Outcome::Status { status, .. } if is_redirect(*status))
    }

    /// The attempt as the retry policy sees it.
    fn attempted(&self) -> Attempted<'_> {
        match self {
            Outcome::Status {
                status, headers, ..
            } => Attempted::Response {
                status: *status,
                headers,
            },
            Outcome::Transport(error) => match TransportKind::of(error) {
                TransportKind::Connect => Attempted::NotSent,
                _ if error.is_timeout() => Attempted::Timeout,
                TransportKind::Request | TransportKind::Body => Attempted::Broken,
                TransportKind::Other => Attempted::Final,
            },
            Outcome::TimedOut(_) => Attempted::Timeout,
            // No token: the request never left.
            Outcome::Auth(error) if error.is_transient() => Attempted::NotSent,
            Outcome::Auth(_)
            | Outcome::TooLarge(_)
            | Outcome::Redirect { .. }
            | Outcome::Invalid(_)
            | Outcome::Success(_) => Attempted::Final,
        }
    }

    /// Whether the API rejected the token: `401`, or `401`/`403` with
    /// `WWW-Authenticate: Bearer error="invalid_token"`.
    fn rejects_token(&self) -> bool {
        let Outcome::Status {
            status, headers, ..
        } = self
        else {
            return false;
        };
        match *status {
            StatusCode::UNAUTHORIZED => true,
            StatusCode::FORBIDDEN => headers
                .get_all(WWW_AUTHENTICATE)
                .iter()
                .any(|v| v.to_str().is_ok_and(is_invalid_token_challenge)),
            _ => false,
        }
    }
}

/// Whether a `WWW-Authenticate` value is a Bearer challenge with
/// `error="invalid_token"` (RFC 6750 §3).
fn is_invalid_token_challenge(value: &str) -> bool {
    let value = value.trim_start();
    value.len() > 6
        && value[..6].eq_ignore_ascii_case("bearer")
        && value[6..]
            .split(',')
            .filter_map(|param| param.split_once('='))
            .any(|(name, v)| {
                name.trim().eq_ignore_ascii_case("error")
                    && v.trim().trim_matches('"') == "invalid_token"
            })
}

/// A token: the cached one without waiting, else from the source.
async fn fetch_token(
    provider: &dyn DynTokenProvider,
) -> std::result::Result<AccessToken, AuthError> {
    match provider.cached() {
        Some(token) => Ok(token),
        None => provider.token().await,
    }
}

fn set_bearer(
    request: &mut reqwest::Request,
    token: &AccessToken,
) -> std::result::Result<(), AuthError> {
    request
        .headers_mut()
        .insert(AUTHORIZATION, token.bearer_header()?);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn invalid_token_challenges() {
        for yes in [
            r#"Bearer error="invalid_token""#,
            r#"Bearer realm="api", error="invalid_token", error_description="expirado""#,
            r#"bearer error=invalid_token"#,
        ] {
            assert!(super::is_invalid_token_challenge(yes), "{yes}");
        }
        for no in [
            r#"Bearer realm="api""#,
            r#"Bearer error="insufficient_scope""#,
            r#"Basic realm="x", error="invalid_token""#,
            "",
        ] {
            assert!(!super::is_invalid_token_challenge(no), "{no}");
        }
    }
}
