import Foundation
import RunStore
import Testing

/// The checks every run-store backend must pass; each backend's suite calls them on a fresh store.
enum RunStoreConformance {
    /// A record with every field set, started at `start` (whole seconds, so times round-trip exactly).
    static func sampleRun(id: String, start: Date, scenario: String? = nil, batch: String? = nil) -> RunRecord {
        let territories = StepRecord(
            name: "territories", version: "3", inputHash: String(repeating: "ab", count: 32), cacheHit: false,
            termination: "feasible (time limit)", clockLimited: true,
            metrics: ["objective": 1234.5, "gap": 0.0125, "max_deviation.potential": -0.25],
            outputs: [
                FileDigest(path: "territories/assignment.csv", sha256: String(repeating: "1", count: 64), bytes: 4096),
                FileDigest(path: "territories/summary.txt", sha256: String(repeating: "2", count: 64), bytes: 12),
            ],
            startedAt: start.addingTimeInterval(1), endedAt: start.addingTimeInterval(5))
        let quotas = StepRecord(
            name: "quotas", version: "1", inputHash: String(repeating: "cd", count: 32), cacheHit: true,
            termination: "optimal", clockLimited: false, metrics: [:], outputs: [],
            startedAt: start.addingTimeInterval(5), endedAt: start.addingTimeInterval(6))
        return RunRecord(
            id: id, scenario: scenario, batch: batch, planPath: "Data/demo/plan.yaml",
            planText: "dataset:\n  accounts: accounts.csv\n", planHash: SHA256Digest.hex(of: "plan"),
            outputFolder: "out/demo", startedAt: start, endedAt: start.addingTimeInterval(6), status: .completed,
            exitCode: 0, seeds: ["segmentation.seed": 42, "scoring.seed": UInt64.max],
            inputs: [
                FileDigest(path: "Data/demo/accounts.csv", sha256: String(repeating: "f", count: 64), bytes: 99),
                FileDigest(path: "Data/demo/reps.csv", sha256: String(repeating: "e", count: 64), bytes: 7),
            ],
            steps: [territories, quotas])
    }

    /// A start time later than any earlier test run's, so listing tests on a shared server see their own
    /// runs first: far in the future, plus the current time.
    static func uniqueStart() -> Date {
        Date(timeIntervalSince1970: 8_000_000_000 + Date().timeIntervalSince1970.rounded(.down) * 10)
    }

    static func roundTrip(_ store: any RunStore) async throws {
        let run = sampleRun(id: "rt-\(UUID().uuidString)", start: Date(timeIntervalSince1970: 1_767_225_600))
        var failed = sampleRun(id: "rt-\(UUID().uuidString)", start: Date(timeIntervalSince1970: 1_767_225_700))
        failed.status = .failed
        failed.exitCode = 3
        failed.error = "territories: infeasible"
        failed.steps = []
        failed.seeds = [:]
        try await store.record(run)
        try await store.record(failed)
        #expect(try await store.run(id: run.id) == run)
        #expect(try await store.run(id: failed.id) == failed)
        #expect(try await store.run(id: "no-such-run") == nil)
    }

    static func newestFirst(_ store: any RunStore) async throws {
        let start = uniqueStart()
        let prefix = UUID().uuidString
        // recorded out of order: the listing orders by start time, not insertion
        for offset in [20.0, 0, 30, 10] {
            try await store.record(sampleRun(id: "\(prefix)-\(Int(offset))", start: start.addingTimeInterval(offset)))
        }
        let newest = try await store.runs(limit: 3)
        #expect(newest.map(\.id) == ["\(prefix)-30", "\(prefix)-20", "\(prefix)-10"])
        #expect(newest.first?.steps.count == 2)
        let all = try await store.runs(limit: nil)
        #expect(all.prefix(4).map(\.id) == ["\(prefix)-30", "\(prefix)-20", "\(prefix)-10", "\(prefix)-0"])
        #expect(try await store.runs(limit: 0).isEmpty)
    }

    static func duplicateRefused(_ store: any RunStore) async throws {
        let run = sampleRun(id: "dup-\(UUID().uuidString)", start: Date(timeIntervalSince1970: 1_767_225_600))
        try await store.record(run)
        var second = run
        second.planText = "changed"
        second.steps = []
        await #expect(throws: RunStoreError.duplicateRun(id: run.id)) { try await store.record(second) }
        #expect(try await store.run(id: run.id) == run)
    }

    static func claims(_ store: any RunStore) async throws {
        let batch = "batch-\(UUID().uuidString)"
        #expect(try await store.claimScenario(batch: batch, scenario: "s1", worker: "w1", staleAfterSeconds: 3600))
        // fresh claim held by another worker
        #expect(!(try await store.claimScenario(batch: batch, scenario: "s1", worker: "w2", staleAfterSeconds: 3600)))
        // the holder may renew its own claim
        #expect(try await store.claimScenario(batch: batch, scenario: "s1", worker: "w1", staleAfterSeconds: 3600))
        // stale claim (older than 0 s): taken over
        #expect(try await store.claimScenario(batch: batch, scenario: "s1", worker: "w2", staleAfterSeconds: 0))
        #expect(!(try await store.claimScenario(batch: batch, scenario: "s1", worker: "w1", staleAfterSeconds: 3600)))
        #expect(try await store.completedScenarios(batch: batch).isEmpty)

        try await store.completeScenario(batch: batch, scenario: "s1", runID: "run-1")
        // completed: never claimed again, however old
        #expect(!(try await store.claimScenario(batch: batch, scenario: "s1", worker: "w2", staleAfterSeconds: 0)))
        #expect(!(try await store.claimScenario(batch: batch, scenario: "s1", worker: "w3", staleAfterSeconds: 0)))
        #expect(try await store.completedScenarios(batch: batch) == ["s1": "run-1"])
        // a second completion (a worker that stalled past the stale age) keeps the first run
        try await store.completeScenario(batch: batch, scenario: "s1", runID: "run-2")
        #expect(try await store.completedScenarios(batch: batch) == ["s1": "run-1"])
        // another batch is independent
        #expect(try await store.claimScenario(batch: batch + "-b", scenario: "s1", worker: "w3", staleAfterSeconds: 0))
        #expect(try await store.completedScenarios(batch: batch + "-b").isEmpty)
    }

    /// Twenty workers claim one scenario at once: exactly one wins.
    static func concurrentClaims(_ store: any RunStore) async throws {
        let batch = "race-\(UUID().uuidString)"
        let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
            for worker in 0..<20 {
                group.addTask {
                    try await store.claimScenario(
                        batch: batch, scenario: "only", worker: "w\(worker)", staleAfterSeconds: 3600)
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(winners == 1)
    }

    static func migrateTwice(_ store: any RunStore) async throws {
        try await store.migrate()
        try await store.migrate()
        #expect(try await store.run(id: "none") == nil)
    }
}
