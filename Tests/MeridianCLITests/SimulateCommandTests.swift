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

    /// The demo AE plan's $250 SPIFF per analytics booking, on drawn deals: the deals expected in 2026
    /// follow 2025's qualifying bookings (grown with the quota step's expectation), the SPIFF cost is
    /// $250 a deal, and the sales draws are those without the SPIFF.
    @Test func theDemoSpiffIsPaidOnDealsDrawnFromItsHistory() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-simulate-spiff")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = Self.root.appendingPathComponent("Data/demo")
        var configuration = SimulationConfiguration(
            dataset: dataset.path, plans: Self.root.appendingPathComponent("Data/demo/plans").path,
            quotas: try Self.quotaStep(in: folder).path, trials: 400, seed: 5, spiffs: ["analytics-spiff"])
        let report = try await SimulationStudy().run(configuration)
        #expect(report.model.spiffs.map(\.name) == ["analytics-spiff"])
        let expected = report.model.reps.reduce(0) { $0 + ($1.simulated.deals.first?.expectedCount ?? 0) }
        // 2025's qualifying bookings: analytics, type booking, amount above zero
        let data = try SalesDataset.load(from: dataset)
        let spiff = try #require(report.model.spiffs.first)
        let lastYear = Double(data.transactions.count { $0.date.year == 2025 && $0.amount > 0 && spiff.qualifies($0) })
        print("analytics SPIFF: \(lastYear) deals in 2025; 2026 expects \(expected)")
        #expect(lastYear > 100 && expected > 0.7 * lastYear && expected < 1.5 * lastYear, "\(expected) vs \(lastYear)")
        let summary = try #require(report.summaries.first)
        let cost = try #require(summary.spiffPayout)
        // every deal pays $250: the mean SPIFF cost is 250 × the mean deal count ≈ 250 × Σλ
        let mean = summary.trialSpiffPayout.reduce(0, +) / Double(summary.trials)
        #expect(abs(mean / 250 - expected) < 0.03 * expected, "\(mean / 250) deals vs \(expected)")
        #expect(cost.p10.value <= cost.p50.value && cost.p50.value <= cost.p90.value)
        #expect(report.summaryCSV().contains("\nplan,spiff_cost,"))
        // the quota component's draws are those of a run without the SPIFF
        configuration.spiffs = []
        let plain = try #require(try await SimulationStudy().run(configuration).summaries.first)
        #expect(plain.trialShareAtQuota == summary.trialShareAtQuota)
        for t in 0..<summary.trials {
            #expect(abs(summary.trialPayout[t] - plain.trialPayout[t] - summary.trialSpiffPayout[t]) < 1e-6)
        }
        // a quota component is not a SPIFF
        configuration.spiffs = ["renewals"]
        await #expect(throws: SimulationError.self) { try await SimulationStudy().run(configuration) }
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

        // solve --plan searches on the plan's own model: the same answer as solve on the files that
        // `plan run` writes for the same plan (its quota step's folder, the dataset, the comp plans)
        // (the small company's people stay below quota, so the quota scale, not the accelerator, moves the cost)
        let solveArguments = [
            "--target", "cost-of-sales=0.025", "--vary", "over-assignment", "--trials", "200", "--seed", "5",
        ]
        let onPlan = try MeridianProcess.run(
            ["simulate", "solve", "--plan", plan.path, "--cache", cache] + solveArguments)
        #expect(onPlan.status == 0, "\(onPlan.stderr)")
        #expect(onPlan.stdout.contains("quotas: ") && onPlan.stdout.contains("(cache hit)"), "\(onPlan.stdout)")
        #expect(!onPlan.stdout.contains("simulation: "))  // the step itself is not run
        let run = try MeridianProcess.run(["plan", "run", plan.path, "--out", folder.path + "/run", "--cache", cache])
        #expect(run.status == 0, "\(run.stderr)")
        let onFiles = try MeridianProcess.run(
            [
                "simulate", "solve", "--dataset", company.path, "--plans",
                Self.root.appendingPathComponent("Data/demo/plans").path, "--quotas", folder.path + "/run/quotas",
            ] + solveArguments)
        #expect(onFiles.status == 0, "\(onFiles.stderr)")
        let answer = try #require(onFiles.stdout.split(separator: "\n").first { $0.hasPrefix("over-assignment = ") })
        #expect(onPlan.stdout.contains(answer), "\(onPlan.stdout) vs \(onFiles.stdout)")
        // backtest still reads the files
        let backtest = try MeridianProcess.run(["simulate", "backtest", "--plan", plan.path])
        #expect(backtest.status == 64, "\(backtest.stderr)")
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

/// `meridian simulate backtest` and `meridian simulate solve` on the demo.
@Suite struct SimulateBacktestAndSolveTests {
    static let root = Fixtures.repositoryRoot

    static func configuration(quotas: URL, trials: Int) -> SimulationConfiguration {
        SimulationConfiguration(
            dataset: root.appendingPathComponent("Data/demo").path,
            plans: root.appendingPathComponent("Data/demo/plans").path, quotas: quotas.path, trials: trials, seed: 2026)
    }

    /// Validation 2: calibrated on 2024-2025 only, the simulated 2026 holds the realized 2026.
    ///
    /// The realized year runs through November, annualized. With 400 trials a simulated P10 or P90 is known to ± its standard error, so
    /// the realized figure must lie inside P10 − 3 SE … P90 + 3 SE (the 10,000-trial run of
    /// docs/simulation.md has it inside P10-P90 itself).
    @Test func theRealizedYearFallsInsideTheSimulatedInterval() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-backtest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotas = try SimulateCommandTests.quotaStep(in: folder)
        let report = try await SimulationStudy(parallelism: 2).backtest(
            Self.configuration(quotas: quotas, trials: 400))
        print(report.table())
        #expect(report.through == CalendarDate(year: 2026, month: 11, day: 30))
        // The history's January-November share of new business (2024: 0.870, 2025: 0.880, pooled).
        #expect(report.proRate > 0.86 && report.proRate < 0.89, "\(report.proRate)")
        #expect(report.rows.count >= 100)
        let share = report.summary.shareAtQuotaPercentiles
        #expect(report.realizedShareAtQuota >= share.p10.value - 3 * share.p10.standardError)
        #expect(report.realizedShareAtQuota <= share.p90.value + 3 * share.p90.standardError)
        let cost = report.summary.payout
        #expect(report.realizedPayout >= cost.p10.value - 3 * cost.p10.standardError)
        #expect(report.realizedPayout <= cost.p90.value + 3 * cost.p90.standardError)
        // Per-person coverage: 80 % when calibrated; with n people independent it is binomial, sd
        // √(0.16/n) ≈ 0.037 for 118; the shared market factor widens it, so 3 sd either side.
        let sd = (0.8 * 0.2 / Double(report.rows.count)).squareRoot()
        #expect(abs(report.coverage - 0.8) <= 3 * sd, "\(report.coverage)")
        // R121 is hired on 2026-08-01 into T048, which the quota step planned for a whole year (capacity
        // 1): their expected sales are August-December's share of it. R048 holds T048 to July and T043
        // after: a whole year over two seats.
        let hire = try #require(report.model.reps.first { $0.simulated.id == RepID("R121") })
        #expect(hire.seatShare > 0.35 && hire.seatShare < 0.55, "\(hire.seatShare)")
        let fullYear = hire.expectedSales * hire.componentShare
        #expect(abs(hire.simulated.meanSales - fullYear * hire.seatShare) < 1e-6 * fullYear)
        let mover = try #require(report.model.reps.first { $0.simulated.id == RepID("R048") })
        #expect(abs(mover.seatShare - 1) < 1e-9, "\(mover.seatShare)")
    }

    @Test func backtestAndSolveFromTheCommandLine() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-solve")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotas = try SimulateCommandTests.quotaStep(in: folder)
        let inputs = [
            "--dataset", Self.root.appendingPathComponent("Data/demo").path, "--plans",
            Self.root.appendingPathComponent("Data/demo/plans").path, "--quotas", quotas.path, "--trials", "100",
        ]
        let backtest = try MeridianProcess.run(
            ["simulate", "backtest"] + inputs + ["--out", folder.appendingPathComponent("bt").path])
        #expect(backtest.status == 0, "\(backtest.stderr)")
        #expect(backtest.stdout.contains("per-person coverage"), "\(backtest.stdout)")
        let rows = try String(contentsOf: folder.appendingPathComponent("bt/backtest.csv"), encoding: .utf8)
        #expect(rows.hasPrefix("rep_id,territory,quota,credit_to_date,annualized,attainment,p10,p50,p90,inside\n"))

        let solve = try MeridianProcess.run(
            ["simulate", "solve"] + inputs + ["--target", "cost-of-sales=0.1", "--vary", "accelerator"])
        #expect(solve.status == 0, "\(solve.stderr)")
        #expect(solve.stdout.contains("accelerator = "), "\(solve.stdout)")
        let unreachable = try MeridianProcess.run(
            ["simulate", "solve"] + inputs + [
                "--target", "cost-of-sales=0.9", "--vary", "threshold", "--bracket", "0,1",
            ])
        #expect(unreachable.status == 3, "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("unreachable"), "\(unreachable.stderr)")
        let usage = try MeridianProcess.run(
            ["simulate", "solve"] + inputs + ["--target", "cost-of-sales=0.1", "--vary", "bonus"])
        #expect(usage.status == 64)
    }
}
