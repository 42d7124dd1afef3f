import Foundation
import RunStore
import TestSupport
import Testing

/// `meridian runs list | show | diff` end to end on a store written through the library.
@Suite struct RunsCommandTests {
    /// Two runs of one plan where run B changed the territory tolerance and moved budget: B's
    /// deviation metric is lower, one output file changed, one was added.
    static func storeWithTwoRuns() async throws -> URL {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-runs")
        let store = try await openRunStore(at: folder.appendingPathComponent("runs.sqlite").path)
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        func file(_ path: String, _ hash: Character) -> FileDigest {
            FileDigest(path: path, sha256: String(repeating: hash, count: 64), bytes: 10)
        }
        func run(_ id: String, tolerance: String, budget: String, deviation: Double, files: [FileDigest]) -> RunRecord {
            let plan = """
                dataset:
                  folder: Data/demo
                territories:
                  count: 12
                  tolerance: {potential: \(tolerance), workload: 0.2}
                  moved_budget: \(budget)
                """
            let step = StepRecord(
                name: "territories", version: "1", inputHash: id, cacheHit: false, termination: "optimal",
                clockLimited: false, metrics: ["max_deviation.potential": deviation, "moved_accounts": 40],
                outputs: files, startedAt: start, endedAt: start.addingTimeInterval(2))
            return RunRecord(
                id: id, planPath: "plan.yaml", planText: plan, planHash: SHA256Digest.hex(of: plan),
                outputFolder: "out", startedAt: start.addingTimeInterval(id == "A" ? 0 : 60),
                endedAt: start.addingTimeInterval(id == "A" ? 3 : 63), status: .completed, exitCode: 0, seeds: [:],
                inputs: [], steps: [step])
        }
        try await store.record(
            run(
                "A", tolerance: "0.1", budget: "0.1", deviation: 0.25,
                files: [file("territories/assignment.csv", "a"), file("territories/territories.csv", "b")]))
        try await store.record(
            run(
                "B", tolerance: "0.05", budget: "0.1", deviation: 0.125,
                files: [
                    file("territories/assignment.csv", "c"), file("territories/territories.csv", "b"),
                    file("territories/metrics.json", "d"),
                ]))
        await store.close()
        return folder
    }

    @Test func listShowsNewestFirst() async throws {
        let folder = try await Self.storeWithTwoRuns()
        let run = try MeridianProcess.run(["runs", "list", "--out", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[2].hasPrefix("B ") && lines[3].hasPrefix("A "))
    }

    @Test func diffNamesPlanKeysMetricDeltasAndFiles() async throws {
        let folder = try await Self.storeWithTwoRuns()
        let store = folder.appendingPathComponent("runs.sqlite").path
        let run = try MeridianProcess.run(["runs", "diff", "A", "B", "--store", store, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let diff = try JSONDecoder().decode(RunDiff.self, from: Data(run.stdout.utf8))
        // only the changed key, not the reordered or equal ones
        #expect(diff.plan.map(\.key) == ["territories.tolerance.potential"])
        #expect(diff.plan.first?.before == "0.1" && diff.plan.first?.after == "0.05")
        #expect(diff.metrics.count == 1)
        #expect(diff.metrics.first?.delta == -0.125)
        #expect(diff.outputs.map(\.path) == ["territories/assignment.csv", "territories/metrics.json"])
        #expect(diff.outputs.map(\.change) == [.changed, .added])

        let table = try MeridianProcess.run(["runs", "diff", "A", "B", "--store", store])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("territories.tolerance.potential  0.1     0.05"))
        #expect(table.stdout.contains("-0.125"))
    }

    @Test func showPrintsStepsAndMetrics() async throws {
        let folder = try await Self.storeWithTwoRuns()
        let run = try MeridianProcess.run(["runs", "show", "B", "--out", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("territories  max_deviation.potential  0.125"))
        #expect(run.stdout.contains("territories/metrics.json"))
    }

    @Test func errorsUseTheExitTable() async throws {
        let folder = try await Self.storeWithTwoRuns()
        let unknown = try MeridianProcess.run(["runs", "show", "Z", "--out", folder.path])
        #expect(unknown.status == 64 && unknown.stderr.contains("no run 'Z'"), "\(unknown.stderr)")
        let missing = try MeridianProcess.run([
            "runs", "list", "--store", folder.appendingPathComponent("no.sqlite").path,
        ])
        #expect(missing.status == 1 && missing.stderr.contains("no run store at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no.sqlite").path))
        let scheme = try MeridianProcess.run(["runs", "list", "--store", "mysql://h/db"])
        #expect(scheme.status == 64, "\(scheme.stderr)")
        let neither = try MeridianProcess.run(["runs", "list"])
        #expect(neither.status == 64, "\(neither.stderr)")
    }
}
