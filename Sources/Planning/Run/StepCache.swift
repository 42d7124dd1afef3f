import Foundation
import RunStore
import SalesData

/// What a step hands to the steps after it, and what it reported: the value a cache entry holds
/// beside the step's files.
///
/// Invariant: every array in ``columns`` and ``territories`` has one entry per id in ``ids``.
struct StepOutcome: Sendable, Hashable, Codable {
    /// Account ids, in the order of the columns.
    var ids: [String] = []
    /// Account columns the step adds (`segment_abc`, `score_potential`, ...), by name.
    var columns: [String: [String]] = [:]
    /// Each account's territory after the step (the territory step only).
    var territories: [String]?
    /// LinearProgramming's termination in words, or `completed`.
    var termination = "completed"
    /// Whether the optimizer holds a usable solution (false for infeasible or limit-without-solution).
    var hasSolution = true
    /// Whether the optimizer proved that no solution exists (infeasible or unbounded).
    var provenInfeasible = false
    /// Whether a clock ended the step.
    var clockLimited = false
    /// Named figures of the step.
    var metrics: [String: Double] = [:]
    /// The one-line summary printed for the step.
    var summary = ""
    /// Each quota node's figures (the quota step only), which comp and the simulation read.
    var quotaNodes: [QuotaNodeFigures]?
}

/// Step outputs stored under the SHA-256 of everything that determines them.
///
/// One entry is a folder `STEP-KEY/` holding `outcome.json` and `files/…`, written whole through
/// `AtomicFolder`, so a killed run leaves no half entry. Entries are never changed: a different
/// input is a different key.
struct StepCache: Sendable {
    /// The cache folder; `nil` disables caching.
    let folder: URL?

    /// The stored entry for `step` and `key`, or `nil` (also for an unreadable entry, which is recomputed).
    func entry(step: PlanStep, key: String) -> (outcome: StepOutcome, files: [(name: String, data: Data)])? {
        guard let folder else { return nil }
        let entry = folder.appendingPathComponent("\(step.rawValue)-\(key)")
        guard let data = try? Data(contentsOf: entry.appendingPathComponent("outcome.json")),
            let stored = try? JSONDecoder().decode(Stored.self, from: data)
        else { return nil }
        var files: [(name: String, data: Data)] = []
        for name in stored.files {
            guard let bytes = try? Data(contentsOf: entry.appendingPathComponent("files/" + name)) else { return nil }
            files.append((name, bytes))
        }
        return (stored.outcome, files)
    }

    /// Stores an entry; a failure to store is not a failure of the run (the step is recomputed next time).
    func store(step: PlanStep, key: String, outcome: StepOutcome, files: [(name: String, data: Data)]) {
        guard let folder else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let json = try? encoder.encode(Stored(outcome: outcome, files: files.map(\.name))) else { return }
        let entry = folder.appendingPathComponent("\(step.rawValue)-\(key)")
        try? AtomicFolder.write(
            [("outcome.json", json)] + files.map { ("files/" + $0.name, $0.data) }, to: entry)
    }

    /// Runs `body` (look up, compute, store) while no other thread of this process runs it for `step` and `key`.
    ///
    /// So scenarios of a batch that need the same step at the same time compute it once: the later one
    /// waits, then finds the earlier one's entry. Without a cache folder `body` just runs.
    func exclusively<T>(step: PlanStep, key: String, _ body: () throws -> T) rethrows -> T {
        guard folder != nil else { return try body() }
        let name = "\(step.rawValue)-\(key)"
        Self.busy.acquire(name)
        defer { Self.busy.release(name) }
        return try body()
    }

    private static let busy = BusyKeys()

    private struct Stored: Codable {
        var outcome: StepOutcome
        var files: [String]
    }
}

/// The step keys some thread of this process is computing.
///
/// Callers block (they run on their own threads, never on the concurrency pool), so this is a
/// condition variable rather than an actor.
private final class BusyKeys: @unchecked Sendable {
    // @unchecked: `keys` is only read or written with `condition` locked.
    private let condition = NSCondition()
    private var keys: Set<String> = []

    func acquire(_ key: String) {
        condition.lock()
        while keys.contains(key) { condition.wait() }
        keys.insert(key)
        condition.unlock()
    }

    func release(_ key: String) {
        condition.lock()
        keys.remove(key)
        condition.broadcast()
        condition.unlock()
    }
}

/// The cache key of one step: SHA-256 over the step's name and code version, its configuration
/// (canonical JSON, keys sorted), the digests of the files it reads, and the key of the step before
/// it (so a change upstream reaches every later step, and a change downstream reaches none before it).
struct StepKey {
    static func of<Section: Encodable>(
        _ step: PlanStep, version: String, section: Section, files: [FileDigest], previous: String
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var text = "meridian-step\n\(step.rawValue)\n\(version)\n"
        text += String(decoding: try encoder.encode(section), as: UTF8.self) + "\n"
        for file in files { text += "\(file.path) \(file.sha256)\n" }
        text += previous + "\n"
        return SHA256Digest.hex(of: text)
    }
}
