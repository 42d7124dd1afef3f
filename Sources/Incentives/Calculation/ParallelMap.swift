import Foundation

/// Maps independent jobs on all cores, keeping input order, so results never depend on thread count.
enum ParallelMap {
    /// `jobs.map(body)`, computed in at most `chunks` contiguous chunks on
    /// `DispatchQueue.concurrentPerform` (more chunks balance uneven jobs better).
    static func map<Input: Sendable, Output: Sendable>(
        _ jobs: [Input], chunks: Int = 64, _ body: @Sendable (Input) -> Output
    ) -> [Output] {
        guard jobs.count > 1 else { return jobs.map(body) }
        let chunks = min(jobs.count, max(1, chunks))
        let box = ResultBox<Output>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (jobs.count * chunk / chunks)..<(jobs.count * (chunk + 1) / chunks)
            box.store(jobs[range].map(body), at: chunk)
        }
        return box.joined()
    }
}

/// Chunk results written by disjoint workers.
///
/// `@unchecked Sendable`: each chunk index is written exactly once by one worker, under the lock, and
/// read only after `concurrentPerform` returns.
private final class ResultBox<Output>: @unchecked Sendable {
    private var slots: [[Output]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ values: [Output], at index: Int) {
        lock.withLock { slots[index] = values }
    }

    func joined() -> [Output] { slots.flatMap { $0 } }
}
