import Foundation
import SalesData
import Simulation
import TestSupport
import Testing

/// `meridian simulate` on the demo: calibrated from its history and the quota step's output.
@Suite struct SimulateCommandTests {
    static let root = Fixtures.repositoryRoot

    static func quotaStep(in folder: URL) throws -> URL {
        let quotas = folder.appendingPathComponent("quotas")
        let run = try MeridianProcess.run([
            "quotas", "allocate", "--dataset", root.appendingPathComponent("Data/demo").path, "--config",
            root.appendingPathComponent("Data/plans/demo-quota.yaml").path, "--output", quotas.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return quotas
    }

    @Test func simulatesTheDemoPlanYearAndWritesPercentilesWithStandardErrors() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-simulate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotas = try Self.quotaStep(in: folder)
        let out = folder.appendingPathComponent("out")
        let arguments = [
            "simulate", "--dataset", Self.root.appendingPathComponent("Data/demo").path, "--plans",
            Self.root.appendingPathComponent("Data/demo/plans").path, "--quotas", quotas.path, "--trials", "300",
            "--seed", "5", "--out", out.path,
        ]
        let run = try MeridianProcess.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("plan: cost P10/P50/P90"), "\(run.stdout)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        let rows = summary.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.joined(separator: ",") == "scenario,figure,mean,mean_se,p10,p10_se,p50,p50_se,p90,p90_se")
        let cost = try #require(rows.first { $0.count == 10 && $0[1] == "cost" }).compactMap { Double($0) }
        #expect(cost.count == 8 && cost[2] <= cost[4] && cost[4] <= cost[6] && cost[1] > 0, "\(cost)")
        let reps = try String(contentsOf: out.appendingPathComponent("reps.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        #expect(reps.count >= 100)  // the Account Executives with a seat and a quota in 2026
        for line in reps {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let odds = try #require(Double(fields[12]))
            let sigma = try #require(Double(fields[8]))
            #expect((0...1).contains(odds) && sigma >= 0.05 && sigma <= 3, "\(line)")
        }
        // Same seed, same bytes.
        let again = folder.appendingPathComponent("again")
        let second = try MeridianProcess.run(Array(arguments.dropLast()) + [again.path])
        #expect(second.status == 0)
        #expect(
            try Data(contentsOf: again.appendingPathComponent("summary.csv"))
                == Data(contentsOf: out.appendingPathComponent("summary.csv")))
    }

    @Test func theNumbersDoNotDependOnTheThreadCount() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-simulate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = SimulationConfiguration(
            dataset: Self.root.appendingPathComponent("Data/demo").path,
            plans: Self.root.appendingPathComponent("Data/demo/plans").path,
            quotas: try Self.quotaStep(in: folder).path, trials: 250, seed: 9)
        let one = try await SimulationStudy(parallelism: 1).run(configuration)
        let four = try await SimulationStudy(parallelism: 4).run(configuration)
        #expect(one.summaryCSV() == four.summaryCSV())
        #expect(one.repsCSV() == four.repsCSV())
        #expect(one.marketCorrelation >= 0 && one.marketCorrelation <= 0.9)
    }

    @Test func simulatesAPlanFilesQuotasThroughTheStepCache() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-simulate-plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        // a small generated company (300 accounts, 12 seats) keeps the four runs quick
        let geography = try USGeography.load(from: Self.root.appendingPathComponent("Data/geo"))
        let company = folder.appendingPathComponent("company")
        try DemoCompanyGenerator(.init(seed: 5, accounts: 300, reps: 12), geography: geography).generate()
            .write(to: company)
        let plan = folder.appendingPathComponent("plan.yaml")
        try """
        dataset: {folder: \(company.path)}
        quotas: {target: 9000000, basis: "history:0.5,potential:0.5", planStart: 2026-01-01, periods: quarterly}
        comp: {plans: \(Self.root.appendingPathComponent("Data/demo/plans").path), periods: [2026-03]}
        simulation: {trials: 200, seed: 5}
        """.write(to: plan, atomically: true, encoding: .utf8)
        let cache = folder.appendingPathComponent("cache").path
        let arguments = ["simulate", "--plan", plan.path, "--cache", cache, "--out"]
        let first = try MeridianProcess.run(arguments + [folder.appendingPathComponent("a").path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("simulation: "), "\(first.stdout)")
        #expect(!first.stdout.contains("cache hit"))
        #expect(!first.stdout.contains("comp: "))  // comp's months are not calculated
        let summary = try String(contentsOf: folder.appendingPathComponent("a/summary.csv"), encoding: .utf8)
        #expect(summary.hasPrefix("scenario,figure,mean,mean_se,p10,p10_se,p50,p50_se,p90,p90_se\n"))
        // the same plan again: both steps from the cache, the same bytes
        let again = try MeridianProcess.run(arguments + [folder.appendingPathComponent("b").path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("quotas: ") && again.stdout.contains("simulation: "))
        #expect(again.stdout.components(separatedBy: "(cache hit)").count == 3, "\(again.stdout)")
        #expect(
            try Data(contentsOf: folder.appendingPathComponent("b/summary.csv"))
                == Data(contentsOf: folder.appendingPathComponent("a/summary.csv")))
        // --trials overrides the section: only the simulation reruns
        let more = try MeridianProcess.run(
            ["simulate", "--plan", plan.path, "--cache", cache, "--trials", "300", "--out", folder.path + "/c"])
        #expect(more.status == 0, "\(more.stderr)")
        #expect(more.stdout.components(separatedBy: "(cache hit)").count == 2, "\(more.stdout)")
        #expect(more.stdout.contains("300 trials"), "\(more.stdout)")
        // the plan supplies the quotas: --plan with --quotas is a usage error
        let usage = try MeridianProcess.run(["simulate", "--plan", plan.path, "--quotas", "q", "--out", "x"])
        #expect(usage.status == 64)
    }

    @Test func aBadConfigExits65AtItsLine() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-simulate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("sim.yaml")
        try "quotas: q\ntrials: 1\n".write(to: config, atomically: true, encoding: .utf8)
        let run = try MeridianProcess.run(["simulate", "--config", config.path, "--out", folder.path + "/out"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("sim.yaml:2:"), "\(run.stderr)")
        let usage = try MeridianProcess.run(["simulate", "--quotas", "q", "--trials", "1", "--out", "x"])
        #expect(usage.status == 64)
    }
}
