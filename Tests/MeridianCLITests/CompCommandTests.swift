import Foundation
import TestSupport
import Testing

@testable import meridian

/// `meridian comp` end to end on the small fixture company of `Tests/IncentivesTests/Fixtures/comp`
/// with the sample plans of `Data/demo/plans`.
@Suite struct CompCommandTests {
    static let fixture = Fixtures.repositoryRoot.appendingPathComponent("Tests/IncentivesTests/Fixtures/comp")
    static let plans = Fixtures.repositoryRoot.appendingPathComponent("Data/demo/plans")

    static func inputs(dataset: URL = fixture, plans: URL = plans) -> [String] {
        [
            "--dataset", dataset.path, "--plans", plans.path, "--quotas",
            fixture.appendingPathComponent("quotas.csv").path,
            "--scores", fixture.appendingPathComponent("scores.csv").path,
        ]
    }

    /// A copy of the fixture folder with `file` replaced by `contents`.
    static func brokenCopy(_ file: String, _ contents: String, in folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent("data")
        try FileManager.default.copyItem(at: fixture, to: copy)
        try contents.write(to: copy.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return copy
    }

    @Test func calculateWritesStatementsThatAddUp() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-comp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let run = try MeridianProcess.run(
            ["comp", "calculate"] + Self.inputs() + ["--period", "2026-03", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let totals = try String(contentsOf: out.appendingPathComponent("statement_totals.csv"), encoding: .utf8)
        // Worked: R012 new business QTD 121,000 / 150,000 × 20,000 = 16,133.33 − 6,666.67 paid in January
        // = 9,466.67 (rounded once), + renewals 30,000/150,000 → 0.1 × 5,000 = 500 + SPIFF 250 = 10,216.67.
        #expect(totals.contains("R012,Raj Robinson,AE-2026,2026-01-01,10216.67"))
        // DM1: roll-up 175,000 of the district's 270,000 = 64.8 % → step 50 % pays 0.25 × 25,000 = 6,250.
        #expect(totals.contains("DM1,Dana Manager,MGR-2026,2026-01-01,6250.00"))
        // SE1: overlay 40,000 / 100,000 × 9,000 = 3,600 + MBO 80 % × 3,000 = 2,400.
        #expect(totals.contains("SE1,Sam Engineer,SE-2026,2026-01-01,6000.00"))
        let html = try String(contentsOf: out.appendingPathComponent("statements/R012.html"), encoding: .utf8)
        #expect(html.contains("$10,216.67") && html.contains("X2") && !html.contains("<script"))
        let credits = try String(contentsOf: out.appendingPathComponent("credits.csv"), encoding: .utf8)
        #expect(credits.contains("DM1,X3,2026-03-12,rollup,1,40000.00"))  // once, not 60 % + 40 % twice
    }

    @Test func explainPrintsTheChainWithTheRulesThatFired() throws {
        let run = try MeridianProcess.run(
            ["comp", "explain"] + Self.inputs() + ["--person", "R013", "--period", "2026-03"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("X3 2026-03-12 revenue 60% = $24,000.00  ← revenue split"))
        #expect(run.stdout.contains("T13 $120,000.00 × 59/90 days × ramp 0.375 = $29,500.00"))
        #expect(run.stdout.contains("attainment = $24,000.00 ÷ $29,500.00"))
        #expect(run.stdout.contains("amount this period: $10,666.67"))
    }

    @Test func estimateShowsTheTierCrossed() throws {
        let run = try MeridianProcess.run(
            ["comp", "estimate"] + Self.inputs() + [
                "--person", "R012", "--deal", "amount=120000,product=P-CORE,date=2026-03-28",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        // 240,000 / 150,000 = 160.67 %: (1 + 2 × 0.5 + 3 × 0.1067) × 20,000 = 46,400 − 6,666.67 = 39,733.33.
        #expect(run.stdout.contains("new-business: $9,466.67 → $39,733.33 (+$30,266.66)"))
        #expect(run.stdout.contains("crosses from tier base into super-accelerator"))
    }

    @Test(arguments: [
        (
            "splits.csv",
            "transaction_id,opportunity_id,rep_id,percentage,type\nX3,,R013,60,revenue\nX3,,R012,30,revenue\n",
            "splits.csv:2:"
        ),
        (
            "transactions.csv",
            "id,type,date,account_id,opportunity_id,product,amount,currency,order_type,owner_id\nX1,booking,2026-03-01,A404,,P-CORE,1,USD,new,R012\n",
            "transactions.csv:2:"
        ),
    ])
    func badDataExits65AndWritesNothing(file: String, contents: String, location: String) throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-comp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Self.brokenCopy(file, contents, in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try MeridianProcess.run(
            ["comp", "calculate"] + Self.inputs(dataset: data) + ["--period", "2026-03", "--out", out.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains(location), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anUnknownPlanAndAMissingQuotaExit65WithTheirLocation() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-comp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plans = folder.appendingPathComponent("plans")
        try FileManager.default.copyItem(at: Self.plans, to: plans)
        try "person_id,plan\nR012,AE-2027\n".write(
            to: plans.appendingPathComponent("assignments.csv"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let unknown = try MeridianProcess.run(
            ["comp", "calculate"] + Self.inputs(plans: plans) + ["--period", "2026-03", "--out", out.path])
        #expect(unknown.status == 65)
        #expect(
            unknown.stderr.contains("assignments.csv:2:2: \"AE-2027\": expected a plan defined"), "\(unknown.stderr)")
        let missing = try MeridianProcess.run(
            ["comp", "calculate"] + Self.inputs() + ["--period", "2026-04", "--out", out.path])
        #expect(missing.status == 65)
        #expect(
            missing.stderr.contains("manager.yaml:13:16: \"default\": expected a quota named 'default' for DM1"),
            "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anUnknownPersonExits65() throws {
        let run = try MeridianProcess.run(
            ["comp", "explain"] + Self.inputs() + ["--person", "R999", "--period", "2026-03"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\"R999\": expected a person of reps.csv"), "\(run.stderr)")
    }

    @Test func aBadPeriodIsAUsageError() throws {
        #expect(throws: (any Error).self) {
            try Meridian.parseAsRoot(["comp", "calculate", "--period", "2026-13", "--out", "x"])
        }
    }
}
