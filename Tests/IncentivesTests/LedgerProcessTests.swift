import Foundation
import SalesData
import TestSupport
import Testing

@testable import Incentives

/// The ledger through the built `meridian` executable: SIGKILL at random (seeded) moments of
/// `comp run`, and the demo plan year 2026-01 … 2026-11.
@Suite(.serialized) struct LedgerProcessTests {
    /// The `meridian` executable SwiftPM built beside the test bundle.
    static func executable() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates: [URL] = []
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("meridian"))
            folder.deleteLastPathComponent()
        }
        candidates.append(Fixtures.repositoryRoot.appendingPathComponent(".build/debug/meridian"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw LedgerError(
                field: "meridian", value: candidates.map(\.path).joined(separator: ", "), expected: "a built executable"
            )
        }
        return found
    }

    /// Starts `meridian arguments` in the repository root, output discarded.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `meridian arguments` to the end; its exit status.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = try start(arguments)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs `meridian arguments` to the end; its exit status and standard error.
    static func runCapturing(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The demo's quotas from the quota step, once per test process.
    static func demoQuotas(in folder: URL) throws -> URL {
        let out = folder.appendingPathComponent("quotas")
        let status = try run([
            "quotas", "allocate", "--dataset", "Data/demo", "--config", "Data/plans/demo-quota.yaml", "--output",
            out.path,
        ])
        try #require(status == 0, "quotas allocate failed: \(status)")
        return out.appendingPathComponent("quotas.csv")
    }

    /// The comp inputs of the demo with the quota file `quotas`.
    static func demoArguments(quotas: URL) -> [String] {
        ["--dataset", "Data/demo", "--plans", "Data/demo/plans", "--quotas", quotas.path]
    }

    /// The ledger commands on the small fixture company: states in order, exit 65 naming what was expected
    /// for a wrong state or an unknown person (nothing written), 64 for a malformed month.
    @Test func ledgerCommandsCheckStatesAndExitCodes() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-ledger-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = Fixtures.repositoryRoot.appendingPathComponent("Tests/IncentivesTests/Fixtures/comp")
        let ledger = ["--ledger", folder.appendingPathComponent("ledger.sqlite").path]
        let inputs = [
            "--dataset", fixture.path, "--plans", "Data/demo/plans", "--quotas",
            fixture.appendingPathComponent("quotas.csv").path, "--scores",
            fixture.appendingPathComponent("scores.csv").path,
        ]
        let payroll = folder.appendingPathComponent("payroll.csv").path
        // no ledger yet
        #expect(try Self.runCapturing(["comp", "approve", "--period", "2026-03"] + ledger).status == 65)
        let run = try Self.runCapturing(["comp", "run", "--period", "2026-03"] + ledger + inputs)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("comp run 2026-03: calculated"))
        let again = try Self.runCapturing(["comp", "run", "--period", "2026-03"] + ledger + inputs)
        #expect(again.stdout.contains("unchanged"))
        let unapproved = try Self.runCapturing(["comp", "pay", "--period", "2026-03"] + ledger)
        #expect(unapproved.status == 65)
        #expect(unapproved.stderr.contains("expected an approved period"))
        let open = try Self.runCapturing(["comp", "payroll", "--period", "2026-03", "--out", payroll] + ledger)
        #expect(open.status == 65)
        #expect(open.stderr.contains("expected a paid period"))
        #expect(!FileManager.default.fileExists(atPath: payroll))
        #expect(try Self.runCapturing(["comp", "run", "--period", "2026-13"] + ledger + inputs).status == 64)
        #expect(try Self.runCapturing(["comp", "approve", "--period", "2026-03"] + ledger).status == 0)
        #expect(try Self.runCapturing(["comp", "pay", "--period", "2026-03"] + ledger).status == 0)
        let closed = try Self.runCapturing(["comp", "run", "--period", "2026-03"] + ledger + inputs)
        #expect(closed.status == 65)
        #expect(closed.stderr.contains("2026-03 (paid)"))
        #expect(
            try Self.runCapturing(["comp", "payroll", "--period", "2026-03", "--out", payroll] + ledger).status == 0)
        let rows = try String(contentsOfFile: payroll, encoding: .utf8)
        #expect(rows.hasPrefix("employee_id,earning_code,amount,currency,pay_period,batch_id\n"))
        // R012: 10,216.67 (CompCommandTests' worked figure), one commission row.
        #expect(rows.contains("R012,COMM,10216.67,USD,2026-03,MER-2026-03-"))
        let unknown = try Self.runCapturing(["comp", "history", "--person", "R404", "--period", "2026-03"] + ledger)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("--person: \"R404\": expected a person with earnings in 2026-03"))
        let history = try Self.runCapturing(["comp", "history", "--person", "R012", "--period", "2026-03"] + ledger)
        #expect(history.stdout.contains("v1 recorded in 2026-03 (original): total $10,216.67"))
    }

    /// Kills `meridian comp run --period 2026-02` (a real re-calculation replacing February's draft,
    /// January paid) at 24 seeded random moments: the database afterwards is always exactly the one
    /// before the run, or the one a complete run leaves.
    @Test func aKilledRunLeavesTheLedgerAsBeforeOrComplete() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-ledger-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotas = try Self.demoQuotas(in: folder)
        let pristine = folder.appendingPathComponent("before.sqlite")
        let inputs = Self.demoArguments(quotas: quotas)
        for step in [["run"], ["approve"], ["pay"]] {
            try #require(
                try Self.run(
                    ["comp"] + step + ["--period", "2026-01", "--ledger", pristine.path]
                        + (step == ["run"] ? inputs : [])) == 0)
        }
        try #require(try Self.run(["comp", "run", "--period", "2026-02", "--ledger", pristine.path] + inputs) == 0)
        let before = try SQLiteLedgerStore(path: pristine.path).dump()
        // The run under test: February again with a hold policy, so the draft is replaced.
        let policy = folder.appendingPathComponent("policy.yaml")
        try
            "holds:\n  - {components: [renewals], release: after_periods, periods: 1}\nclawback: {window_months: 12, method: full}\n"
            .write(to: policy, atomically: true, encoding: .utf8)
        let ledger = folder.appendingPathComponent("ledger.sqlite")
        let arguments =
            ["comp", "run", "--period", "2026-02", "--ledger", ledger.path, "--policy", policy.path] + inputs
        try FileManager.default.copyItem(at: pristine, to: ledger)
        let start = ContinuousClock.now
        try #require(try Self.run(arguments) == 0)
        var duration = Self.seconds(since: start)
        let after = try SQLiteLedgerStore(path: ledger.path).dump()
        #expect(after != before)

        var generator = SplitMix64(seed: 20_261_203)
        var asBefore = 0
        var complete = 0
        for kill in 0..<24 {
            try FileManager.default.removeItem(at: ledger)
            try FileManager.default.copyItem(at: pristine, to: ledger)
            let delay = Double(generator.next() % 1_000_000) / 1_000_000 * 0.95 * duration
            let process = try Self.start(arguments)
            Thread.sleep(forTimeInterval: delay)
            if !process.isRunning { duration = delay }
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try SQLiteLedgerStore(path: ledger.path).dump()
            #expect(now == before || now == after, "kill \(kill) after \(delay) s: a partial ledger")
            if now == before { asBefore += 1 } else if now == after { complete += 1 }
        }
        #expect(
            asBefore >= 12, "most kills should land while the run works (\(asBefore) as before, \(complete) complete)")
    }

    /// The demo plan year: 2026-01 … 2026-11 run, approved and paid in order.
    ///
    /// A January deal is entered
    /// late (first seen in April) and a Q1 quota is corrected in June: both restate closed months and post
    /// adjustments where they arrive; every version is kept; the expense roll-forward ties.
    @Test func theDemoYearPostsAdjustmentsForALateDealAndACorrectedQuota() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-ledger-demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotas = try Self.demoQuotas(in: folder)
        let demo = Fixtures.repositoryRoot.appendingPathComponent("Data/demo")
        var full = try LedgerInput.load(
            dataset: demo, plans: demo.appendingPathComponent("plans"), quotas: quotas, planYear: 2026)
        full.policy = try LedgerPolicy(
            yaml: """
                clawback: {window_months: 12, method: pro_rata}
                accounting:
                  new-business: {category: new_booking, contract_months: 24, expected_benefit_months: 48}
                """, file: "policy.yaml")
        full.inputs["policy"] = "demo"
        // The quota step ramps new hires from 0 in their first month, so a seat filled in March has a Q1
        // quota of 0, which the calculation refuses: those seats get their Q2 quota for Q1.
        let quarters = try (1...2).map { try CompPeriod(parsing: "2026-0\($0 * 3)").window(.quarter) }
        for number in 1...120 {
            let seat = "T" + String(repeating: "0", count: 3 - String(number).count) + String(number)
            guard full.request.quotas.amount(name: "default", id: seat, window: quarters[0]) == .zero,
                let q2 = full.request.quotas.amount(name: "default", id: seat, window: quarters[1])
            else { continue }
            full.request.quotas.set(q2, id: seat, period: "2026-Q1")
        }
        // The late deal: the largest January booking credited by territory, withheld until April.
        let lateDeal = try #require(
            full.request.transactions.filter {
                $0.kind == .booking && $0.date.month == 1 && $0.date.year == 2026 && $0.splits.isEmpty
                    && $0.orderType == "new"
            }.max { $0.amount < $1.amount })
        var early = full
        early.request.transactions.removeAll { $0.id == lateDeal.id }
        // The corrected quota: the late deal's territory's Q1 quota lowered by 20 %, from June.
        var fixed = full
        let territory = try #require(fixed.request.alignment.territory(of: lateDeal.accountID, on: lateDeal.date))
        let q1 = try #require(
            full.request.quotas.amount(
                name: "default", id: territory.rawValue, window: try CompPeriod(parsing: "2026-01").window(.quarter)))
        fixed.request.quotas.set(Money(cents: q1.cents / 10 * 8), id: territory.rawValue, period: "2026-Q1")
        fixed.inputs["quotas"] = "corrected"

        let ledger = CommissionLedger(
            store: try SQLiteLedgerStore(path: folder.appendingPathComponent("demo.sqlite").path))
        var summaries: [CommissionLedger.RunSummary] = []
        for month in 1...11 {
            let period = try #require(CompPeriod(year: 2026, month: month))
            let input = month < 4 ? early : month < 6 ? full : fixed
            summaries.append(try ledger.run(period, input: input))
            try ledger.approve(period)
            try ledger.pay(period)
        }
        let jan = try CompPeriod(parsing: "2026-01")
        // April: the late deal restates January (and the rest of Q1 whose to-date payout it moves).
        #expect(summaries[3].restated[jan] == 2)
        #expect((summaries[3].lines[.priorPeriodAdjustment] ?? 0) > 0)
        // June: the corrected quota restates Q1 again.
        #expect(summaries[5].restated[jan] == 3)
        #expect((summaries[5].lines[.priorPeriodAdjustment] ?? 0) > 0)
        // Months without a change restate nothing.
        for month in [1, 2, 4, 6, 7, 8, 9, 10] { #expect(summaries[month].restated.isEmpty, "\(month + 1)") }
        // Every version of January is kept and readable as of its month.
        let state = try ledger.store.state()
        #expect(state.versions(of: jan).map(\.recordedIn.description) == ["2026-01", "2026-04", "2026-06"])
        // The adjustments of a person add up to the latest version minus the original.
        let adjustments = state.adjustments.filter { $0.period == jan }
        let person = try #require(adjustments.first?.person)
        let history = try ledger.history(person: person, period: jan)
        let sum = adjustments.filter { $0.person == person }.reduce(Money.zero) { $0 + $1.amount }
        #expect(try #require(history.last).total - history[0].total == sum)
        #expect(try ledger.history(person: person, period: jan, asOf: date("2026-03-31")).count == 1)
        // The roll-forward ties to the ledger's commission costs.
        let report = try ledger.expense(through: try CompPeriod(parsing: "2026-11"), policy: full.policy)
        #expect(report.ledgerCosts == report.accountedCosts)
        #expect(report.accounting.rollForward.count == 11)
        #expect(state.periods.allSatisfy { $0.state == .paid })
    }
}
