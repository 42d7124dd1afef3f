import Foundation
import RunStore

/// Runs the scenarios of a ``ScenarioFile`` (or one shard of them) with at most `jobs` at a time,
/// recording each run in a `RunStore` and resuming where an interrupted batch stopped.
///
/// Each scenario is claimed in the store before it runs (`RunStore.claimScenario(batch:scenario:worker:staleAfterSeconds:)`),
/// its claim renewed every quarter of `staleAfterSeconds` while it runs, and marked complete with its
/// run's id after the run is recorded. So:
/// - a scenario completed by any earlier or parallel worker is never run again;
/// - a scenario another live worker holds is left to it, and checked again until it completes or
///   its claim goes stale (its worker was killed), when this worker takes it over;
/// - a worker that stalls past the stale age (its heartbeat could not run) and finds its claim taken
///   stops that run and leaves the scenario to the new holder; only when the stall falls between the
///   run's end and its completion can a scenario run twice, and then the first completion stays;
/// - a failed scenario (infeasible, bad plan values) is complete too: re-running it gives the same
///   failure. Its record says why.
///
/// The outputs of a scenario depend only on its plan (and the step cache's content-addressed entries),
/// never on `jobs`, the shard or the order scenarios finish in.
public struct ScenarioBatch: Sendable {
    /// Runs one scenario's plan text and returns its finished record (completed or failed); throws only
    /// when no record could be made (for example the output folder cannot be written).
    public typealias Executor = @Sendable (_ scenario: Scenario, _ planText: String) async throws -> RunRecord

    public let file: ScenarioFile
    public let store: any RunStore
    public let jobs: Int
    public let shard: Shard
    /// This process's name in claims (host, process id and a random suffix by default).
    public let worker: String
    public let staleAfterSeconds: Double
    public let log: @Sendable (String) -> Void
    public let execute: Executor

    /// A batch of `file`'s scenarios in `shard`, run with at most `jobs` at once by `execute`.
    ///
    /// - Precondition: `jobs ≥ 1` and `staleAfterSeconds > 0` (the CLI checks its flags first).
    public init(
        file: ScenarioFile, store: any RunStore, jobs: Int, shard: Shard = .all,
        worker: String = ScenarioBatch.defaultWorker(), staleAfterSeconds: Double = 60,
        log: @escaping @Sendable (String) -> Void = { _ in },
        execute: @escaping Executor
    ) {
        precondition(jobs >= 1 && staleAfterSeconds > 0, "jobs ≥ 1 and a positive stale age")
        self.file = file
        self.store = store
        self.jobs = jobs
        self.shard = shard
        self.worker = worker
        self.staleAfterSeconds = staleAfterSeconds
        self.log = log
        self.execute = execute
    }

    /// `host:pid:random`, unique per process.
    public static func defaultWorker() -> String {
        let random = UUID().uuidString.prefix(8).lowercased()
        return "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(random)"
    }

    /// What one call of ``run()`` did.
    public struct Summary: Sendable, Hashable {
        /// Scenarios of this shard.
        public var scenarios: Int
        /// Completed before this call started (by an earlier or another worker).
        public var alreadyDone: Int
        /// Run by this call: their records.
        public var ran: [RunRecord]
        /// Completed by another worker while this call waited for them.
        public var doneElsewhere: Int
        /// Steps of this call's runs served from the step cache, and all their steps.
        public var cacheHits: Int { ran.reduce(0) { $0 + $1.steps.filter(\.cacheHit).count } }
        public var steps: Int { ran.reduce(0) { $0 + $1.steps.count } }
        public var failed: Int { ran.filter { $0.status == .failed }.count }
    }

    /// Runs every scenario of the shard that no one completed, then waits for those other workers hold.
    ///
    /// - Throws: the store's errors and the executor's; a cancelled task stops starting scenarios.
    public func run() async throws -> Summary {
        let mine = file.scenarios(in: shard)
        let done = try await store.completedScenarios(batch: file.batch)
        var pending = mine.filter { done[$0.name] == nil }
        var summary = Summary(scenarios: mine.count, alreadyDone: mine.count - pending.count, ran: [], doneElsewhere: 0)
        if summary.alreadyDone > 0 {
            log("\(summary.alreadyDone) of \(mine.count) scenarios already done (batch \(file.batch.prefix(12)))")
        }
        while !pending.isEmpty {
            try Task.checkCancellation()
            let (ran, heldElsewhere) = try await runPass(pending)
            summary.ran += ran
            let completed = try await store.completedScenarios(batch: file.batch)
            summary.doneElsewhere += heldElsewhere.filter { completed[$0.name] != nil }.count
            pending = heldElsewhere.filter { completed[$0.name] == nil }
            if !pending.isEmpty {
                log("\(pending.count) scenario(s) held by other workers; checking again in \(waitSeconds) s")
                try await Task.sleep(for: .seconds(waitSeconds))
            }
        }
        return summary
    }

    /// How often a running scenario's claim is renewed.
    private var pollSeconds: Double { max(0.05, staleAfterSeconds / 4) }
    /// How often scenarios held by other workers are checked for completion (or a stale claim).
    private var waitSeconds: Double { min(pollSeconds, 1) }

    /// Claims and runs `scenarios`, at most ``jobs`` at once, in order; returns the records made and the
    /// scenarios another worker holds.
    private func runPass(_ scenarios: [Scenario]) async throws -> (ran: [RunRecord], held: [Scenario]) {
        try await withThrowingTaskGroup(of: (Scenario, RunRecord?).self) { group in
            var next = scenarios.makeIterator()
            var running = 0
            var ran: [RunRecord] = []
            var held: [Scenario] = []
            func startNext() {
                guard let scenario = next.next() else { return }
                running += 1
                group.addTask { (scenario, try await self.claimAndRun(scenario)) }
            }
            for _ in 0..<jobs { startNext() }
            while running > 0, let result = try await group.next() {
                let (scenario, record) = result
                running -= 1
                if let record { ran.append(record) } else { held.append(scenario) }
                startNext()
            }
            return (ran, held)
        }
    }

    /// Runs `scenario` when this worker wins its claim; `nil` when someone else holds or finished it.
    private func claimAndRun(_ scenario: Scenario) async throws -> RunRecord? {
        let batch = file.batch
        guard
            try await store.claimScenario(
                batch: batch, scenario: scenario.name, worker: worker, staleAfterSeconds: staleAfterSeconds)
        else { return nil }
        let planText: String
        do {
            planText = try file.planText(for: scenario)
        } catch {
            log("\(scenario.name): \(error)")
            throw error
        }
        // nil when the heartbeat found the claim taken over (this worker stalled past the stale age and
        // another took the scenario): the run is cancelled and left to the new holder.
        let outcome = try await withThrowingTaskGroup(of: RunRecord?.self, returning: RunRecord?.self) { group in
            group.addTask {
                // heartbeat: keep the claim fresh while the scenario runs
                while true {
                    try await Task.sleep(for: .seconds(pollSeconds))
                    let kept = try await store.claimScenario(
                        batch: batch, scenario: scenario.name, worker: worker, staleAfterSeconds: staleAfterSeconds)
                    if !kept { return nil }
                }
            }
            group.addTask { try await execute(scenario, planText) }
            defer { group.cancelAll() }
            // the first child to finish decides: the run's record, or the heartbeat's lost claim
            guard let first = try await group.next() else { return nil }
            return first
        }
        guard let record = outcome else {
            log("\(scenario.name): claim taken over by another worker; left to it")
            return nil
        }
        var stamped = record
        stamped.scenario = scenario.name
        stamped.batch = batch
        try await store.record(stamped)
        try await store.completeScenario(batch: batch, scenario: scenario.name, runID: stamped.id)
        let cached = stamped.steps.filter(\.cacheHit).count
        log(
            "\(scenario.name): \(stamped.status.rawValue)"
                + (stamped.error.map { " (\($0.prefix(200)))" } ?? "")
                + " in \(String(format: "%.1f", stamped.endedAt.timeIntervalSince(stamped.startedAt))) s, "
                + "\(cached)/\(stamped.steps.count) steps cached → run \(stamped.id)")
        return stamped
    }
}
