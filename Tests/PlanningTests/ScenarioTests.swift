import Foundation
import Planning
import RunStore
import SalesData
import TestSupport
import Testing

@testable import Planning

/// Scenario files, overrides, shards, batches (with a stand-in executor) and the comparison table.
@Suite struct ScenarioTests {
    static let plan = """
        dataset:
          folder: Data/demo
        territories:
          count: 12
          tolerance:
            potential: 0.1
          measures: [potential, workload]
        quotas:
          potential: score_potential
        """

    static let grid = """
        plan: plan.yaml
        grid:
          - key: territories.tolerance.potential
            label: tol
            values: [0.05, 0.10]
          - key: quotas.over_assignment
            values: [0, 0.03, 0.05]
        scenarios:
          - name: stretch
            set:
              quotas.target: 120000000
              territories.measures[1]: accounts
        """

    static func file(_ text: String = grid) throws -> ScenarioFile {
        try ScenarioFile(text: text, path: "scenarios.yaml", planText: plan, planPath: "plan.yaml")
    }

    @Test func gridExpandsFirstAxisSlowestThenTheList() throws {
        let names = try Self.file().scenarios.map(\.name)
        #expect(
            names == [
                "tol=0.05,over_assignment=0", "tol=0.05,over_assignment=0.03", "tol=0.05,over_assignment=0.05",
                "tol=0.10,over_assignment=0", "tol=0.10,over_assignment=0.03", "tol=0.10,over_assignment=0.05",
                "stretch",
            ])
    }

    @Test func listValuesNameScenariosWithPlusAndReplaceWholeLists() throws {
        let file = try Self.file(
            """
            plan: plan.yaml
            grid:
              - key: quotas.overAssignment
                label: over
                values: [[0, 0, 0], [0.05, 0.05, 0.10]]
            """)
        #expect(file.scenarios.map(\.name) == ["over=0+0+0", "over=0.05+0.05+0.10"])
        let leaves = try PlanKeyPaths.leaves(of: try file.planText(for: file.scenarios[1]))
        #expect(leaves["quotas.overAssignment[2]"] == "0.10" && leaves["quotas.overAssignment[3]"] == nil)
    }

    @Test func overridesReplaceNestedKeysAddMissingOnesAndIndexLists() throws {
        let file = try Self.file()
        let text = try file.planText(for: file.scenarios[4])
        let leaves = try PlanKeyPaths.leaves(of: text)
        #expect(leaves["territories.tolerance.potential"] == "0.10")
        #expect(leaves["quotas.over_assignment"] == "0.03")
        #expect(leaves["quotas.potential"] == "score_potential")
        #expect(leaves["territories.count"] == "12")
        let stretch = try PlanKeyPaths.leaves(of: try file.planText(for: file.scenarios[6]))
        #expect(stretch["quotas.target"] == "120000000")
        #expect(stretch["territories.measures[0]"] == "potential" && stretch["territories.measures[1]"] == "accounts")
        #expect(stretch["territories.tolerance.potential"] == "0.1")
    }

    @Test func batchIDFollowsBothTexts() throws {
        let a = try Self.file()
        let b = try ScenarioFile(text: Self.grid, path: "other.yaml", planText: Self.plan + "\n# edit", planPath: "p")
        #expect(a.batch == (try Self.file()).batch)
        #expect(a.batch != b.batch)
    }

    @Test func anOverrideThroughAScalarIsLocatedAtTheOverride() throws {
        let file = try Self.file(
            """
            plan: plan.yaml
            scenarios:
              - name: bad
                set:
                  dataset.folder.deeper: 1
            """)
        #expect {
            _ = try file.planText(for: file.scenarios[0])
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == 5 && error.keyPath == "dataset.folder.deeper" && "\(error)".contains("not a mapping")
        }
    }

    @Test(arguments: [
        ("plan: p.yaml\ngird: []\n", 2, "unknown key"),
        ("plan: p.yaml\ngrid:\n  - key: a.b\n    values: []\n", 4, "non-empty list"),
        ("plan: p.yaml\n", 1, "no scenarios"),
        ("grid: []\n", 1, "missing key 'plan'"),
        ("plan: p.yaml\nscenarios:\n  - name: a/b\n", 3, "expected a name"),
        ("plan: p.yaml\nscenarios:\n  - name: x\n  - name: x\n", 4, "same name"),
        ("plan: p.yaml\ngrid:\n  - key: a..b\n    values: [1]\n", 3, "empty part"),
    ])
    func badFilesAreLocated(_ text: String, _ line: Int, _ message: String) {
        #expect {
            _ = try Self.file(text)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == line && error.file == "scenarios.yaml" && error.message.contains(message)
        }
    }

    @Test func shardsPartitionTheScenarios() throws {
        let file = try Self.file()
        let shards = try (0..<3).map { try Shard(parsing: "\($0)/3") }
        let parts = shards.map { file.scenarios(in: $0).map(\.name) }
        #expect(parts.flatMap { $0 }.sorted() == file.scenarios.map(\.name).sorted())
        #expect(parts[0] == [file.scenarios[0].name, file.scenarios[3].name, file.scenarios[6].name])
        for bad in ["3/3", "-1/2", "1", "a/b", "0/0"] {
            #expect(throws: PlanningError.self) { try Shard(parsing: bad) }
        }
    }

    @Test func spreadMatchesHandWorkedFigures() {
        // [1, 2, 3, 4]: Gini = (−3·1 − 1·2 + 1·3 + 3·4) / (4 · 10) = 0.25; p10 at position 0.3 → 1.3
        let spread = ScenarioMetrics.Spread([4, 1, 3, 2])
        #expect(spread.gini == 0.25)
        #expect(abs((spread.quantile(0.1) ?? 0) - 1.3) < 1e-12)
        #expect(spread.quantile(0.5) == 2.5)
        #expect(abs((spread.quantile(0.9) ?? 0) - 3.7) < 1e-12)
        #expect(ScenarioMetrics.Spread([5, 5, 5]).gini == 0)
        #expect(ScenarioMetrics.Spread([0, 0, 0, 8]).gini == 0.75)  // (n − 1)/n
        #expect(ScenarioMetrics.Spread([]).gini == nil)
    }

    @Test func comparisonMarksTheBestOfEachRankedColumn() {
        let scenarios = [
            Scenario(name: "a", overrides: []), Scenario(name: "b", overrides: []), Scenario(name: "c", overrides: []),
        ]
        let runs = [
            "a": ScenarioBatchHarness.record("a", deviation: 0.10, share: 0.5),
            "b": ScenarioBatchHarness.record("b", deviation: 0.05, share: 0.4),
        ]
        let comparison = ScenarioComparison(batch: "x", scenarios: scenarios, runs: runs)
        let deviation = comparison.columns.firstIndex { $0.name == "max_deviation.potential" }
        let share = comparison.columns.firstIndex { $0.name == "expected_share_at_or_above_quota" }
        #expect(deviation.map { comparison.columns[$0].best } == ["b"])
        #expect(share.map { comparison.columns[$0].best } == ["a"])
        #expect(comparison.rows[2].status == "not run" && comparison.rows[2].values.allSatisfy { $0 == nil })
        #expect(comparison.table.contains("5.0%*"))
        #expect(comparison.csv.split(separator: "\n").last?.hasPrefix("best,,,,b,") == true)
    }

    /// The simulation step's metrics (as `PlanState.simulationMetrics` names them) become columns only
    /// when some run recorded them: cost of sales lowest best, share at quota highest best.
    @Test func comparisonShowsTheSimulationFiguresWhenRecorded() {
        let scenarios = [Scenario(name: "a", overrides: []), Scenario(name: "b", overrides: [])]
        let plain = ScenarioComparison(
            batch: "x", scenarios: scenarios, runs: ["a": ScenarioBatchHarness.record("a")])
        #expect(!plain.columns.contains { $0.name.hasPrefix("cost") })
        func simulation(costOfSales: Double, share: Double) -> StepRecord {
            StepRecord(
                name: "simulation", version: "1", inputHash: "\(costOfSales)", cacheHit: false,
                termination: "completed", clockLimited: false,
                metrics: [
                    "cost_of_sales.p50": costOfSales, "cost.p10": 1e6, "cost.p50": 1.1e6, "cost.p90": 1.2e6,
                    "share_at_quota.p50": share,
                ], outputs: [], startedAt: Date(), endedAt: Date())
        }
        var a = ScenarioBatchHarness.record("a"), b = ScenarioBatchHarness.record("b")
        a.steps.append(simulation(costOfSales: 0.11, share: 0.20))
        b.steps.append(simulation(costOfSales: 0.12, share: 0.30))
        let comparison = ScenarioComparison(batch: "x", scenarios: scenarios, runs: ["a": a, "b": b])
        let names = comparison.columns.map(\.name)
        #expect(
            Array(names.suffix(5)) == ["cost_of_sales.p50", "cost.p10", "cost.p50", "cost.p90", "share_at_quota.p50"])
        #expect(comparison.columns.first { $0.name == "cost_of_sales.p50" }?.best == ["a"])
        #expect(comparison.columns.first { $0.name == "share_at_quota.p50" }?.best == ["b"])
        #expect(comparison.columns.first { $0.name == "cost.p50" }?.best == [])
        // ratios print as percentages, amounts in millions
        #expect(comparison.table.contains("11.0%*") && comparison.table.contains("30.0%*"))
        #expect(comparison.table.contains("1.10M"))
    }
}

/// A stand-in executor that counts how often each scenario ran.
actor ScenarioBatchHarness {
    private(set) var runs: [String: Int] = [:]
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0

    static func record(_ scenario: String, deviation: Double = 0.1, share: Double = 0.5) -> RunRecord {
        let now = Date()
        let step = StepRecord(
            name: "territories", version: "1", inputHash: scenario, cacheHit: false, termination: "optimal",
            clockLimited: false,
            metrics: ["max_deviation.potential": deviation, "expected_share_at_or_above_quota": share],
            outputs: [], startedAt: now, endedAt: now)
        return RunRecord(
            id: "\(scenario)-\(UUID().uuidString)", planPath: "plan.yaml", planText: "", planHash: "",
            outputFolder: "", startedAt: now, endedAt: now, status: .completed, exitCode: 0, seeds: [:], inputs: [],
            steps: [step])
    }

    func begin(_ name: String) {
        runs[name, default: 0] += 1
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
    }

    func end() { inFlight -= 1 }

    nonisolated func executor(delay: Duration = .milliseconds(20)) -> ScenarioBatch.Executor {
        { scenario, _ in
            await self.begin(scenario.name)
            try await Task.sleep(for: delay)
            await self.end()
            return Self.record(scenario.name)
        }
    }
}

@Suite struct ScenarioBatchTests {
    static func store() async throws -> any RunStore {
        let folder = try Fixtures.temporaryFolder(prefix: "scenario-batch")
        return try await openRunStore(at: folder.appendingPathComponent("runs.sqlite").path)
    }

    @Test func runsEachScenarioOnceWithAtMostJobsAtATimeAndResumesWithoutRedoing() async throws {
        let store = try await Self.store()
        let file = try ScenarioTests.file()
        let harness = ScenarioBatchHarness()
        let summary = try await ScenarioBatch(file: file, store: store, jobs: 3, execute: harness.executor()).run()
        #expect(summary.ran.count == 7 && summary.alreadyDone == 0)
        #expect(await harness.runs.values.allSatisfy { $0 == 1 })
        #expect(await harness.maxInFlight <= 3)
        #expect(Set(summary.ran.compactMap(\.scenario)) == Set(file.scenarios.map(\.name)))
        #expect(summary.ran.allSatisfy { $0.batch == file.batch })

        let again = try await ScenarioBatch(file: file, store: store, jobs: 3, execute: harness.executor()).run()
        #expect(again.ran.isEmpty && again.alreadyDone == 7)
        #expect(await harness.runs.values.reduce(0, +) == 7)
        #expect(try await store.completedScenarios(batch: file.batch).count == 7)
    }

    @Test func aKilledWorkersClaimIsTakenOverOnceStale() async throws {
        let store = try await Self.store()
        let file = try ScenarioTests.file()
        // a worker that died mid-scenario: its claim stays, never completed
        let first = file.scenarios[0].name
        #expect(try await store.claimScenario(batch: file.batch, scenario: first, worker: "dead", staleAfterSeconds: 1))
        try await store.completeScenario(batch: file.batch, scenario: file.scenarios[1].name, runID: "earlier")
        let harness = ScenarioBatchHarness()
        let summary = try await ScenarioBatch(
            file: file, store: store, jobs: 2, staleAfterSeconds: 0.4, execute: harness.executor()
        ).run()
        #expect(summary.alreadyDone == 1)
        #expect(summary.ran.count == 6)
        #expect(await harness.runs[first] == 1)
        #expect(await harness.runs[file.scenarios[1].name] == nil)
    }

    @Test func threeConcurrentShardsRunEveryScenarioExactlyOnce() async throws {
        let store = try await Self.store()
        let file = try ScenarioTests.file()
        let harness = ScenarioBatchHarness()
        // all three workers see every scenario (no sharding): only the claims keep them apart. The stale
        // age is an hour: in a loaded parallel suite a worker can stall longer than a short age (CI saw
        // it), and taking over stale claims has its own test above.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<3 {
                group.addTask {
                    _ = try await ScenarioBatch(
                        file: file, store: store, jobs: 2, worker: "w\(worker)", staleAfterSeconds: 3600,
                        execute: harness.executor(delay: .milliseconds(50))
                    ).run()
                }
            }
            try await group.waitForAll()
        }
        #expect(await harness.runs.count == 7)
        #expect(await harness.runs.values.allSatisfy { $0 == 1 })
        #expect(try await store.runs(limit: nil).count == 7)
    }
}
