//! Helpers shared by the integration tests under `tests/tests/` (which use
//! `mindz-sdk` and `mindz-codegen` the way their users do) and the bench
//! (`src/bin/bench.rs`).

pub mod throttle;

/// Serves `listener` (non-blocking, bound on loopback) on a thread of its
/// own with a current-thread runtime: every accepted connection goes to
/// `connection` in a task of its own. The loopback servers of the
/// throttling tests and of the bench.
pub fn serve<F, Fut>(
    name: &str,
    listener: std::net::TcpListener,
    connection: F,
) -> std::io::Result<()>
where
    F: Fn(tokio::net::TcpStream) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("server runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    tokio::spawn(connection(stream));
                }
            });
        })
        .map(drop)
}
