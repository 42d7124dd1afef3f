import Foundation
import RunStore
import SalesData

/// Runs one scenario of a batch the way `meridian plan run` runs a plan: through ``PlanRunner``, into
/// the scenario's own folder (written whole, temp sibling + rename), with a step cache the whole batch
/// shares.
///
/// ```swift
/// let executor = ScenarioPlanExecutor(file: file, output: out, cacheFolder: out.appendingPathComponent("cache"))
/// let summary = try await ScenarioBatch(file: file, store: store, jobs: 2, execute: executor.execute).run()
/// ```
///
/// Each scenario writes `OUTPUT/<scenario name>/` (the files `plan run` writes). Its record gains the
/// comparison figures the steps do not record themselves (`ScenarioMetrics`). The plan runs on a
/// thread of its own, never on the concurrency pool, so the batch's claim heartbeats keep running
/// while `jobs` solvers work. A scenario whose plan is rejected (a bad override value) or whose step
/// fails gets a failed record; only an output folder that cannot be written throws.
public struct ScenarioPlanExecutor: Sendable {
    public let file: ScenarioFile
    /// The batch's folder: one subfolder per scenario.
    public let output: URL
    /// The shared step cache; `nil` runs every step.
    public let cacheFolder: URL?
    /// The exit status a failed run maps to (the CLI's one table), recorded in the run.
    public let exitCode: @Sendable (any Error) -> Int32
    /// The exit status of a completed run one of whose optimizers holds no solution: `true` when it
    /// proved that none exists, `false` when a limit stopped it first.
    public let unsolvedExitCode: @Sendable (_ provenInfeasible: Bool) -> Int32

    public init(
        file: ScenarioFile, output: URL, cacheFolder: URL?,
        exitCode: @escaping @Sendable (any Error) -> Int32 = { _ in 1 },
        unsolvedExitCode: @escaping @Sendable (_ provenInfeasible: Bool) -> Int32 = { $0 ? 3 : 4 }
    ) {
        self.file = file
        self.output = output
        self.cacheFolder = cacheFolder
        self.exitCode = exitCode
        self.unsolvedExitCode = unsolvedExitCode
    }

    /// Names a scenario folder may not take, because the batch's own files sit beside them.
    public static let reservedNames: Set<String> = [
        "cache", "runs.sqlite", "compare.json", "compare.csv", "compare.txt",
    ]

    /// The folder `scenario` writes.
    public func folder(of scenario: Scenario) -> URL {
        output.appendingPathComponent(scenario.name, isDirectory: true)
    }

    /// Runs `scenario`'s plan text on a thread of its own and returns its record (completed or failed).
    ///
    /// - Throws: the output folder's write error (no record is made then).
    public func execute(_ scenario: Scenario, planText: String) async throws -> RunRecord {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try self.run(scenario, planText: planText) })
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// The synchronous run: plan, steps, folder, record, comparison figures.
    func run(_ scenario: Scenario, planText: String) throws -> RunRecord {
        let folder = folder(of: scenario)
        let started = Date()
        let plan: PlanFile
        do {
            guard !Self.reservedNames.contains(scenario.name) else {
                throw PlanningError.invalidValue(
                    key: "scenario name", value: scenario.name,
                    expected: "a name other than \(Self.reservedNames.sorted().joined(separator: ", "))")
            }
            plan = try PlanFile(yaml: planText, file: "\(file.planPath) with scenario \(scenario.name)")
            try plan.validate()
        } catch {
            return RunRecord(
                id: PlanRunner.runID(started), planPath: file.planPath, planText: planText,
                planHash: SHA256Digest.hex(of: planText), outputFolder: folder.path, startedAt: started,
                endedAt: Date(),
                status: .failed, exitCode: exitCode(error), error: String(describing: error), seeds: [:], inputs: [],
                steps: [])
        }
        let runner = PlanRunner(plan: plan, planText: planText, planPath: file.planPath, cacheFolder: cacheFolder)
        var made: RunRecord?
        var record: RunRecord
        do {
            let run = try runner.run(to: folder, exitCode: exitCode) { made = $0 }
            record = run.record
            if let unsolved = run.unsolvedStep { record.exitCode = unsolvedExitCode(unsolved.provenInfeasible) }
        } catch {
            // the runner records a failed step after writing the folder; no record means no folder
            guard let made else { throw error }
            record = made
        }
        return try ScenarioMetrics.adding(to: record, from: folder)
    }
}

extension ScenarioBatch {
    /// The runs of this batch's shard that the store holds as completed (by any worker, now or
    /// earlier), in file order.
    ///
    /// - Throws: the store's errors.
    public func shardRuns() async throws -> [RunRecord] {
        let completed = try await store.completedScenarios(batch: file.batch)
        var runs: [RunRecord] = []
        for scenario in file.scenarios(in: shard) {
            if let id = completed[scenario.name], let run = try await store.run(id: id) { runs.append(run) }
        }
        return runs
    }
}

extension ScenarioBatch.Summary {
    /// The closing lines of a batch: what ran, what was done before, what failed, cache hits and wall time.
    public func report(wallSeconds: Double) -> String {
        var parts = ["\(ran.count) ran", "\(alreadyDone) already done"]
        if doneElsewhere > 0 { parts.append("\(doneElsewhere) done by other workers") }
        parts.append("\(failed) failed")
        return "scenarios: \(scenarios) in this shard; " + parts.joined(separator: ", ")
            + "; steps cached \(cacheHits)/\(steps); wall time "
            + String(format: "%.1f s", wallSeconds)
    }
}
