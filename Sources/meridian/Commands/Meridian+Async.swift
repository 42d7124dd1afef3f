import Planning

extension Meridian {
    /// Runs async library work (the run store, scenario batches) from a synchronous command and
    /// returns its result or rethrows its error (Planning's ``BlockingTask``).
    ///
    /// The work runs on the concurrency pool while the calling thread waits; it must not need the
    /// calling thread (no main-actor work).
    static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        try BlockingTask.run(work)
    }
}
