import Foundation
import Incentives
import RunStore
import SalesData
import Simulation
import TestSupport
import Testing

@testable import Planning

/// The comp, simulation and report steps of a plan, on a small generated company (300 accounts,
/// 12 seats) so a debug run takes seconds.
@Suite(.serialized) struct PlanPayStepsTests {
    static let root = Fixtures.repositoryRoot.path

    /// A small company written once per test into `folder/company`.
    static func company(in folder: URL) throws -> URL {
        let geography = try USGeography.load(from: Fixtures.repositoryRoot.appendingPathComponent("Data/geo"))
        let company = try DemoCompanyGenerator(.init(seed: 5, accounts: 300, reps: 12), geography: geography)
            .generate()
        let url = folder.appendingPathComponent("company")
        try company.write(to: url)
        return url
    }

    /// The dataset and a quarterly quota plan over `company` (the start of every plan here).
    static func quotaPlan(company: URL) -> String {
        """
        dataset: {folder: \(company.path)}
        quotas:
          target: 9000000
          basis: history:0.5,potential:0.5
          planStart: 2026-01-01
          periods: quarterly
          roundingUnit: 1000

        """
    }

    /// Quotas, comp for two months and a small simulation over `company`.
    static func plan(company: URL, report: String = "", trials: Int = 400) -> String {
        quotaPlan(company: company) + """
            comp:
              plans: \(root)/Data/demo/plans
              periods: [2026-03, 2026-06]
            simulation:
              component: new-business
              trials: \(trials)
              seed: 11
            \(report)
            """
    }

    /// Runs the plan on a thread of its own, as the CLI runs it on its main thread: the simulation
    /// step blocks its caller until its task group is done, which must not hold a cooperative thread
    /// that the group (or another suite's test) needs.
    static func run(_ text: String, to folder: URL, cache: URL?) async throws -> PlanRun {
        let plan = try PlanFile(yaml: text, file: "plan.yaml")
        return try await onThread {
            try PlanRunner(plan: plan, planText: text, planPath: "plan.yaml", cacheFolder: cache).run(to: folder)
        }
    }

    /// `work`'s result, computed on a new thread outside Swift's cooperative pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    @Test func compAndSimulationMatchTheirSingleCommandsOnTheQuotaStepsFiles() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "plan-pay")
        defer { try? FileManager.default.removeItem(at: folder) }
        let company = try Self.company(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try await Self.run(Self.plan(company: company), to: out, cache: nil)
        #expect(run.record.steps.map(\.name) == ["quotas", "comp", "simulation"])
        let fm = FileManager.default
        for name in [
            "report.html", "accounts.csv", "comp/pay.csv", "comp/2026-03/statements.csv", "comp/2026-06/earnings.csv",
            "comp/measurements.csv",
            "simulation/summary.csv", "simulation/reps.csv", "simulation/summary.txt",
        ] {
            #expect(fm.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) is written")
        }
        // the accounts as the run built them sit beside the page, for `meridian report DIR` to map
        let accounts = try String(contentsOf: out.appendingPathComponent("accounts.csv"), encoding: .utf8)
        #expect(accounts.hasPrefix("id,name,latitude,longitude,"))
        #expect(accounts.split(separator: "\n").count == 301)
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("id=\"quotas\""))
        #expect(page.contains("id=\"pay\""))
        // the comp section's plans draw the payout curves
        #expect(page.contains("id=\"pay-curve-0\""))
        #expect(!page.contains("no comp plan folder"))

        // comp: the same bytes as `meridian comp calculate --quotas OUT/quotas` (the file path)
        for month in ["2026-03", "2026-06"] {
            let period = try CompPeriod(parsing: month)
            let request = try CompInputs.load(
                dataset: company, plans: URL(fileURLWithPath: "\(Self.root)/Data/demo/plans"),
                quotas: out.appendingPathComponent("quotas"), period: period)
            let direct = CompResultWriter().files(for: try CompCalculator().calculate(request))
            #expect(!direct.isEmpty)
            for file in direct {
                let written = try Data(contentsOf: out.appendingPathComponent("comp/\(month)/\(file.name)"))
                #expect(written == file.data, "comp/\(month)/\(file.name) equals the direct calculation")
                if month == "2026-06" {  // the last month is also at the top of comp/
                    #expect(try Data(contentsOf: out.appendingPathComponent("comp/\(file.name)")) == written)
                }
            }
        }
        // simulation: the same summary as `meridian simulate --quotas OUT/quotas` with the same settings
        let configuration = SimulationConfiguration(
            dataset: company.path, plans: "\(Self.root)/Data/demo/plans",
            quotas: out.appendingPathComponent("quotas").path, planYear: 2026, component: "new-business",
            trials: 400, seed: 11)
        let report = try await SimulationStudy().run(configuration)
        let written = try Data(contentsOf: out.appendingPathComponent("simulation/summary.csv"))
        #expect(written == Data(report.summaryCSV().utf8))
        let metrics = try #require(run.record.steps.last?.metrics)
        let p50 = try #require(report.summaries.first?.costOfSales.p50)
        #expect(metrics["cost_of_sales.p50"] == p50.value)
        #expect(metrics["cost_of_sales.p50_se"] == p50.standardError)
        #expect(metrics["share_at_quota.p90"] == report.summaries.first?.shareAtQuotaPercentiles.p90.value)
        #expect((metrics["cost_of_sales.p50"] ?? 0) > 0)
    }

    @Test func changingOnlyTheReportReusesCompAndSimulationFromTheCache() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "plan-pay-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let company = try Self.company(in: folder)
        let cache = folder.appendingPathComponent("cache")
        let first = try await Self.run(
            Self.plan(company: company), to: folder.appendingPathComponent("a"), cache: cache)
        #expect(first.record.steps.map(\.cacheHit) == [false, false, false])
        let text = Self.plan(company: company, report: "report: {title: Second look}")
        let second = try await Self.run(text, to: folder.appendingPathComponent("b"), cache: cache)
        #expect(second.record.steps.map(\.cacheHit) == [true, true, true])
        for (a, b) in zip(first.record.steps, second.record.steps) { #expect(a.outputs == b.outputs) }
        let page = try String(contentsOf: folder.appendingPathComponent("b/report.html"), encoding: .utf8)
        #expect(page.contains("<title>Second look</title>"))
        // more trials: only the simulation reruns
        let third = try await Self.run(
            Self.plan(company: company, trials: 500), to: folder.appendingPathComponent("c"), cache: cache)
        #expect(third.record.steps.map(\.cacheHit) == [true, true, false])
        // the simulation alone, as `meridian simulate --plan`, takes it from the cache
        let plan = try PlanFile(yaml: Self.plan(company: company), file: "plan.yaml")
        let files = try await Self.onThread {
            try PlanRunner(plan: plan, planText: "", planPath: "plan.yaml", cacheFolder: cache).simulationFiles()
        }
        #expect(files.map(\.name) == ["summary.csv", "reps.csv", "summary.txt"])
        let stored = try Data(contentsOf: folder.appendingPathComponent("a/simulation/summary.csv"))
        #expect(files.first?.data == stored)
    }

    @Test func afterARealignmentCompCreditsEachAccountToItsNewTerritory() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "plan-pay-moved")
        defer { try? FileManager.default.removeItem(at: folder) }
        let company = try Self.company(in: folder)
        var plan = try PlanFile(yaml: Self.plan(company: company), file: "plan.yaml")
        plan.simulation = nil
        plan.comp?.periods = ["2026-03"]
        var state = try PlanState(plan: plan)
        let ids = try state.accounts.ids()
        let old = try state.accounts.table.strings("territory_id").map { $0 ?? "" }
        var moved = StepOutcome(ids: ids)
        moved.territories = ids.indices.map { old[($0 + 5) % ids.count] }
        try state.accept(moved, of: .territories)
        let (quotas, _) = try state.compute(.quotas)
        try state.accept(quotas, of: .quotas)
        let (data, alignment) = try state.payInputs()
        let day = try #require(CalendarDate(year: 2026, month: 3, day: 15))
        let newTerritory = Dictionary(uniqueKeysWithValues: zip(ids, moved.territories ?? []))
        var differs = 0
        for account in data.accounts {
            #expect(alignment.territory(of: account.id, on: day)?.rawValue == newTerritory[account.id.rawValue])
            if newTerritory[account.id.rawValue] != old[ids.firstIndex(of: account.id.rawValue) ?? 0] { differs += 1 }
        }
        #expect(differs > ids.count / 2)  // the check can fail: most accounts moved
        let (outcome, files) = try state.compute(.comp)
        #expect(files.contains { $0.name == "2026-03/statements.csv" })
        #expect((outcome.metrics["statements"] ?? 0) > 0)
    }
}
