//! Walking a list operation page by page.
//!
//! Every list operation that pages with `limit`/`offset` (its builder, such
//! as `client.user_list()`) implements [`Paginated`]; the impls are generated
//! from the schema. [`PaginatedExt`] (in the prelude) then gives:
//!
//! - [`stream`](PaginatedExt::stream): every record as a `futures::Stream`,
//!   fetching pages of 50 as it goes;
//! - [`stream_with_page_size`](PaginatedExt::stream_with_page_size): the same
//!   with another page size;
//! - [`collect_all`](PaginatedExt::collect_all): every record in a `Vec`, for
//!   small lists.
//!
//! Filters set on the builder (`search`, `ordering`) apply to every page. A
//! stream ends after the page whose `next` is null, or at an empty page. If
//! the server answers two pages with the same `next` (a server that repeats
//! a page), the stream yields an error and ends instead of looping. Any
//! error is yielded once, and the stream ends after it.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use mindz_sdk::prelude::*;
//!
//! # async fn run(client: mindz_sdk::Client) -> Result<(), mindz_sdk::Error> {
//! let mut users = std::pin::pin!(client.user_list().search("maria").stream());
//! while let Some(user) = users.try_next().await? {
//!     println!("{}", user.email);
//! }
//! let courses = client.course_list().collect_all().await?;
//! # Ok(()) }
//! ```

use std::collections::HashSet;
use std::future::Future;
use std::num::NonZeroU64;

use futures::Stream;

use crate::types::ErrorBody;

/// The error a page fetch or a stream yields.
pub type PageError = progenitor_client::Error<ErrorBody>;

/// Page size used by [`PaginatedExt::stream`] and [`PaginatedExt::collect_all`].
pub const DEFAULT_PAGE_SIZE: NonZeroU64 = NonZeroU64::new(50).expect("50 is not zero");

/// One page of a list answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// Total number of records across all pages, as the server counts them.
    pub count: i64,
    /// URL of the next page, or `None` on the last page.
    pub next: Option<String>,
    /// The records on this page.
    pub items: Vec<T>,
}

/// A list request that can be fetched one page at a time. Implemented for
/// the builder of every paginated list operation (generated from the schema).
pub trait Paginated: Clone + Send + Sized {
    /// The record type of the list.
    type Item: Send;
    /// The same request for the page of `limit` records starting at `offset`.
    fn with_page(self, limit: NonZeroU64, offset: u64) -> Self;
    /// Sends the request and returns its page.
    fn fetch_page(self) -> impl Future<Output = Result<Page<Self::Item>, PageError>> + Send;
}

/// Streams and collection for every [`Paginated`] list request.
pub trait PaginatedExt: Paginated {
    /// Every record of the list, fetched 50 at a time.
    fn stream(self) -> impl Stream<Item = Result<Self::Item, PageError>> + Send {
        self.stream_with_page_size(DEFAULT_PAGE_SIZE)
    }

    /// Every record of the list, fetched `page_size` at a time.
    fn stream_with_page_size(
        self,
        page_size: NonZeroU64,
    ) -> impl Stream<Item = Result<Self::Item, PageError>> + Send {
        let state = Walk {
            request: self,
            page_size,
            offset: 0,
            buffer: Vec::new().into_iter(),
            seen_next: HashSet::new(),
            finished: false,
        };
        futures::stream::unfold(state, Walk::step)
    }

    /// Every record of the list in one `Vec`, fetched 50 at a time. Meant for
    /// small lists; use [`stream`](PaginatedExt::stream) for large ones.
    fn collect_all(self) -> impl Future<Output = Result<Vec<Self::Item>, PageError>> + Send {
        use futures::TryStreamExt;
        self.stream().try_collect()
    }
}

impl<T: Paginated> PaginatedExt for T {}

/// The state of a stream between two items.
struct Walk<R: Paginated> {
    request: R,
    page_size: NonZeroU64,
    offset: u64,
    buffer: std::vec::IntoIter<R::Item>,
    seen_next: HashSet<String>,
    finished: bool,
}

impl<R: Paginated> Walk<R> {
    async fn step(mut self) -> Option<(Result<R::Item, PageError>, Self)> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some((Ok(item), self));
            }
            if self.finished {
                return None;
            }
            let request = self.request.clone().with_page(self.page_size, self.offset);
            let page = match request.fetch_page().await {
                Ok(page) => page,
                Err(error) => {
                    self.finished = true;
                    return Some((Err(error), self));
                }
            };
            if page.items.is_empty() {
                return None;
            }
            match page.next {
                None => self.finished = true,
                Some(next) => {
                    if !self.seen_next.insert(next.clone()) {
                        self.finished = true;
                        let error = progenitor_client::Error::Custom(format!(
                            "pagination stopped: the server answered the page at offset {} with next = {next:?}, the same as an earlier page, so it would loop",
                            self.offset
                        ));
                        return Some((Err(error), self));
                    }
                }
            }
            self.offset += page.items.len() as u64;
            self.buffer = page.items.into_iter();
        }
    }
}
