import Foundation
import Incentives
import SalesData
import TestSupport
import Testing

/// Comp on the demo's plan year: the quota step's output folder feeds `comp`, and every closed month of
/// 2026 (January to November: a hire, a termination and a territory move included) reconciles to the
/// cent and agrees with the independent pandas reference of the AE plan.
@Suite struct CompDemoYearTests {
    static let root = Fixtures.repositoryRoot

    /// Runs `meridian quotas allocate` on the demo into `folder` and loads the comp request from it.
    static func demoRequest(in folder: URL) throws -> CompRequest {
        let quotas = folder.appendingPathComponent("quotas")
        let run = try MeridianProcess.run([
            "quotas", "allocate", "--dataset", root.appendingPathComponent("Data/demo").path, "--config",
            root.appendingPathComponent("Data/plans/demo-quota.yaml").path, "--output", quotas.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        return try CompInputs.load(
            dataset: root.appendingPathComponent("Data/demo"), plans: root.appendingPathComponent("Data/demo/plans"),
            quotas: quotas, period: try CompPeriod(parsing: "2026-01"))
    }

    @Test func everyClosedMonthOf2026ReconcilesToTheCent() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-comp-demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = try Self.demoRequest(in: folder)
        /// Per person, component and quarter: the months' amounts, and the last month's to-date payout.
        var quarterPaid: [String: Int64] = [:]
        var quarterToDate: [String: (month: Int, cents: Int64, capped: Bool)] = [:]
        var yearTotal: Int64 = 0
        for month in 1...11 {
            request.period = try #require(CompPeriod(year: 2026, month: month))
            let result = try CompCalculator().calculate(request)
            if Self.pandasAvailable { try Self.expectReferenceAgrees(result, month: month, quotas: folder) }
            #expect(result.statements.count >= 130, "\(month): \(result.statements.count) statements")
            let earned = result.earnings.reduce(Int64(0)) { $0 + $1.amount.cents }
            let stated = result.statements.reduce(Int64(0)) { $0 + $1.total.cents }
            #expect(earned == stated, "2026-\(month): earnings \(earned) ≠ statements \(stated)")
            #expect(stated > 0, "2026-\(month) pays nothing")
            yearTotal += stated
            var lines: [String: Int64] = [:]
            for statement in result.statements {
                let sum = statement.lines.reduce(Int64(0)) { $0 + $1.amount.cents }
                #expect(sum == statement.total.cents, "2026-\(month) \(statement.person): lines \(sum)")
                for line in statement.lines {
                    lines["\(statement.person)/\(line.component)", default: 0] += line.amount.cents
                }
            }
            for earning in result.earnings {
                let key = "\(earning.person)/\(earning.component)"
                #expect(
                    lines[key, default: 0] == earning.amount.cents,
                    "2026-\(month) \(key): earning \(earning.amount) explained by \(lines[key, default: 0]) cents")
                let quarter = "\(key)/Q\((month - 1) / 3 + 1)"
                quarterPaid[quarter, default: 0] += earning.amount.cents
                let capped = (quarterToDate[quarter]?.capped ?? false) || !earning.cap.isEmpty
                quarterToDate[quarter] = (month, earning.toDate.cents, capped)
            }
        }
        // Quarter to date, paid monthly as true-ups: a closed quarter's monthly amounts add up to its final
        // to-date payout (year caps aside).
        var checked = 0
        for (quarter, last) in quarterToDate where last.month % 3 == 0 && !last.capped {
            guard quarter.contains("new-business") || quarter.contains("team-bookings") else { continue }
            let paid = quarterPaid[quarter] ?? 0
            #expect(paid == last.cents, "\(quarter): months \(paid) ≠ \(last.cents)")
            checked += 1
        }
        #expect(checked > 300)
        #expect(yearTotal > 100_000_000)  // over $1M paid over the eleven months
    }

    /// Whether `python3` with pandas runs here (the independent reference needs it).
    static let pandasAvailable: Bool = {
        guard let run = try? Self.python(["-c", "import pandas"]) else { return false }
        return run.status == 0
    }()

    static func python(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The independent pandas reference of the AE plan (`Benchmarks/Incentives/reference.py`) gives every
    /// Account Executive's total of `month` to the cent.
    static func expectReferenceAgrees(_ result: CompResult, month: Int, quotas folder: URL) throws {
        let out = folder.appendingPathComponent("reference-\(month).csv")
        let run = try python([
            root.appendingPathComponent("Benchmarks/Incentives/reference.py").path,
            root.appendingPathComponent("Data/demo").path, out.path, String(format: "2026-%02d", month),
            folder.appendingPathComponent("quotas").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map(String.init) }
        let totals = Dictionary(
            uniqueKeysWithValues: result.statements.filter { $0.plan == "AE-2026" }.map {
                ($0.person.rawValue, $0.total.description)
            })
        #expect(expected.count == totals.count && expected.count > 100, "2026-\(month): \(expected.count) AEs")
        for row in expected where row.count == 2 {
            let comp = totals[row[0]] ?? "none"
            #expect(comp == row[1], "2026-\(month) \(row[0]): reference \(row[1]), comp \(comp)")
        }
    }

    @Test func aHireWhoseRampStartsAtZeroIsNotRampedTwice() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-comp-demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = try Self.demoRequest(in: folder)
        // R008 starts 2026-03-04 in T008: the quota step gives Q1 0 (a 0 % first month) and Q2 $63,000,
        // already ramped; the AE plan's own ramp and proration must not reduce them again.
        request.only = [RepID("R008")]
        request.period = try #require(CompPeriod(year: 2026, month: 3))
        let march = try CompCalculator().calculate(request)
        let q1 = try #require(march.earnings.first { $0.component == "new-business" })
        #expect(q1.amount == .zero && q1.tier == "no quota", "\(q1.trace)")
        request.period = try #require(CompPeriod(year: 2026, month: 5))
        let may = try CompCalculator().calculate(request)
        let q2 = try #require(may.measurements.first { $0.component == "new-business" })
        #expect(q2.quota == Money(cents: 6_300_000), "\(q2)")
    }
}
