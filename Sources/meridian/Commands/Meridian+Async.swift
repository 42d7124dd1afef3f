import Dispatch
import Synchronization

extension Meridian {
    /// Runs async library work (the run store, scenario batches) from a synchronous command and
    /// returns its result or rethrows its error.
    ///
    /// The work runs on the concurrency pool while the calling thread waits; it must not need the
    /// calling thread (no main-actor work).
    static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await work()) } catch { result = .failure(error) }
            box.value.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = box.value.withLock({ $0 }) else {
            preconditionFailure("the task sets its result before signalling")
        }
        return try result.get()
    }
}

/// The result of ``Meridian/waitFor(_:)``'s task, handed across threads.
private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<Result<T, any Error>?>(nil)
}
