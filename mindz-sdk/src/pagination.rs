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
//! stream ends after the page whose `next` is null, or at an empty page. Any
//! error is yielded once ([`crate::Error`]), and the stream ends after it.
//!
//! # A walk always ends
//!
//! A server that ignores `offset` would answer page 1 forever. The walk
//! stops with [`Error::Pagination`] when pages
//! stop advancing: a page with the same records as the one before, an
//! offset past `count` plus one page, or more pages than
//! `2 × count / limit + 10`. It keeps only the last page's fingerprint, so
//! memory does not grow with the number of pages walked.
//!
//! # Records inserted or deleted during a walk
//!
//! Offset pagination reads "records `offset` to `offset + limit` in the
//! current order" at the moment each page is fetched. A record inserted
//! before the current offset while walking shifts everything by one: the
//! next page starts with a record already seen (it is yielded twice). A
//! record deleted before the offset shifts the other way: one record is
//! skipped. Sort by a stable key (`ordering=created_at` rather than
//! `-created_at` when records are being added) and deduplicate by `id` if
//! that matters.
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

use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::num::NonZeroU64;

use futures::Stream;

use crate::error::{PaginationError, PaginationStop};
use crate::{Error, Result};

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
    type Item: Send + serde::Serialize;
    /// The operation's id, for errors.
    const OPERATION_ID: &'static str;
    /// The same request for the page of `limit` records starting at `offset`.
    fn with_page(self, limit: NonZeroU64, offset: u64) -> Self;
    /// Sends the request and returns its page.
    fn fetch_page(self) -> impl Future<Output = Result<Page<Self::Item>>> + Send;
}

/// Streams and collection for every [`Paginated`] list request.
pub trait PaginatedExt: Paginated {
    /// Every record of the list, fetched 50 at a time.
    fn stream(self) -> impl Stream<Item = Result<Self::Item>> + Send {
        self.stream_with_page_size(DEFAULT_PAGE_SIZE)
    }

    /// Every record of the list, fetched `page_size` at a time.
    fn stream_with_page_size(
        self,
        page_size: NonZeroU64,
    ) -> impl Stream<Item = Result<Self::Item>> + Send {
        let state = Walk {
            request: self,
            page_size,
            offset: 0,
            pages: 0,
            max_count: 0,
            last_fingerprint: None,
            buffer: Vec::new().into_iter(),
            finished: false,
        };
        futures::stream::unfold(state, Walk::step)
    }

    /// Every record of the list in one `Vec`, fetched 50 at a time. Meant for
    /// small lists; use [`stream`](PaginatedExt::stream) for large ones.
    fn collect_all(self) -> impl Future<Output = Result<Vec<Self::Item>>> + Send {
        use futures::TryStreamExt;
        self.stream().try_collect()
    }
}

impl<T: Paginated> PaginatedExt for T {}

/// The state of a stream between two items: constant in size, whatever the
/// number of pages walked.
struct Walk<R: Paginated> {
    request: R,
    page_size: NonZeroU64,
    offset: u64,
    pages: u64,
    /// The largest `count` any page gave.
    max_count: u64,
    /// A hash of the previous page's records.
    last_fingerprint: Option<u64>,
    buffer: std::vec::IntoIter<R::Item>,
    finished: bool,
}

impl<R: Paginated> Walk<R> {
    async fn step(mut self) -> Option<(Result<R::Item>, Self)> {
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
            self.pages += 1;
            self.max_count = self.max_count.max(u64::try_from(page.count).unwrap_or(0));
            if let Some(stop) = self.check(&page.items) {
                self.finished = true;
                let error = PaginationError::new(stop, self.pages, R::OPERATION_ID);
                return Some((Err(Error::Pagination(error)), self));
            }
            self.finished = page.next.is_none();
            self.offset = self.offset.saturating_add(page.items.len() as u64);
            self.buffer = page.items.into_iter();
        }
    }

    /// Whether the walk has stopped advancing (see the module docs).
    fn check(&mut self, items: &[R::Item]) -> Option<PaginationStop> {
        let fingerprint = fingerprint(items);
        if self.last_fingerprint == Some(fingerprint) {
            return Some(PaginationStop::RepeatedPage);
        }
        self.last_fingerprint = Some(fingerprint);
        let limit = self.page_size.get();
        if self.offset > self.max_count.saturating_add(limit) {
            return Some(PaginationStop::PastCount {
                offset: self.offset,
                count: self.max_count,
            });
        }
        let cap = (self.max_count / limit)
            .saturating_mul(2)
            .saturating_add(10);
        if self.pages > cap {
            return Some(PaginationStop::TooManyPages { cap });
        }
        None
    }
}

/// A hash of a page's records (of their JSON form).
fn fingerprint<T: serde::Serialize>(items: &[T]) -> u64 {
    struct HashWriter<'a>(&'a mut DefaultHasher);
    impl std::io::Write for HashWriter<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            buf.hash(self.0);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hasher = DefaultHasher::new();
    // Serializing generated models to JSON cannot fail; if it did, the
    // page's length still tells pages apart a little.
    if serde_json::to_writer(HashWriter(&mut hasher), items).is_err() {
        items.len().hash(&mut hasher);
    }
    hasher.finish()
}
