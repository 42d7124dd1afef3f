import Foundation
import TestSupport
import Testing

/// Issue 11 item 7 through the built binary (each failed before: ran and did something else), and
/// `territories pmedian` end to end.
@Suite struct TerritoriesOptionTests {
    static func path(_ folder: URL, _ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Too few chosen centres for the locked accounts is a usage error.
    ///
    /// Was: `--choose-centres --territory-count 1` with accounts locked in T1 and T2 returned two
    /// territories. Now a usage error naming the count it needs.
    @Test func tooFewCentresForTheLocksIsAUsageError() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try TerritoriesCommandTests.writeFixture(in: folder)
        var accounts = "id,x,y,potential,workload,territory,locked\n"
        for i in 0..<20 { accounts += "A\(i),\(i % 10),\(i / 10),10,1,\(i < 10 ? "T1" : "T2"),\(i == 0 || i == 10)\n" }
        try accounts.write(toFile: Self.path(folder, "accounts.csv"), atomically: true, encoding: .utf8)
        let result = try MeridianProcess.run([
            "territories", "design", "--accounts", Self.path(folder, "accounts.csv"),
            "--territories", Self.path(folder, "territories.csv"), "--measure", "potential:0.5",
            "--choose-centres", "--territory-count", "1", "--time-limit", "5", "--quiet",
        ])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("territoryCount"), "\(result.stderr)")
    }

    /// Was: `--add 2 --remove 2` opened NEW-1 and NEW-2 and closed the same two.
    @Test func addAndRemoveNeverCloseWhatTheyOpen() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try TerritoriesCommandTests.writeFixture(in: folder)
        let territories = "id,x,y,capacity\nT1,2,2.5,1\nT2,7,2.5,1\nT3,2,0,1\nT4,7,0,1\n"
        try territories.write(toFile: Self.path(folder, "territories.csv"), atomically: true, encoding: .utf8)
        let result = try MeridianProcess.run([
            "territories", "design", "--accounts", Self.path(folder, "accounts.csv"),
            "--territories", Self.path(folder, "territories.csv"), "--measure", "potential:0.5",
            "--add", "2", "--remove", "2", "--time-limit", "20", "--format", "json", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let opened = try #require(summary["openedTerritories"] as? [String])
        let closed = try #require(summary["closedTerritories"] as? [String])
        #expect(opened == ["NEW-1", "NEW-2"])
        #expect(closed.count == 2 && Set(closed).isDisjoint(with: opened))
        #expect(summary["territories"] as? Int == 4)
        #expect(summary["boundScope"] as? String == "givenCentres")
    }

    /// Was: an adjacency file without a pair among the accounts ran and reported "connected no".
    @Test func adjacencyWithoutPairsIsBadData() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try TerritoriesCommandTests.writeFixture(in: folder)
        try "a,b\nX1,X2\n".write(toFile: Self.path(folder, "adjacency.csv"), atomically: true, encoding: .utf8)
        let result = try MeridianProcess.run([
            "territories", "design", "--accounts", Self.path(folder, "accounts.csv"),
            "--territories", Self.path(folder, "territories.csv"), "--measure", "potential:0.1",
            "--adjacency", Self.path(folder, "adjacency.csv"), "--time-limit", "5", "--quiet",
        ])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("no adjacency pair"), "\(result.stderr)")
    }

    /// Five accounts on a line (x = 0, 1, 2, 10, 11): two centres, optimum 3, proven; then a
    /// capacity that cannot hold the demand (exit 3) and a bad flag (exit 64).
    @Test func pmedianEndToEnd() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-pm")
        try "id,x,y,demand\nA,0,0,1\nB,1,0,1\nC,2,0,1\nD,10,0,1\nE,11,0,1\n".write(
            toFile: Self.path(folder, "accounts.csv"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        let result = try MeridianProcess.run([
            "territories", "pmedian", "--accounts", Self.path(folder, "accounts.csv"), "--count", "2",
            "--time-limit", "30", "--output", output.path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["termination"] as? String == "optimal")
        #expect(abs((summary["objective"] as? Double ?? 0) - 3) < 1e-9)
        #expect(abs((summary["bound"] as? Double ?? 0) - 3) < 1e-9)
        #expect(summary["gap"] as? Double == 0)
        let assignment = try String(contentsOf: output.appendingPathComponent("assignment.csv"), encoding: .utf8)
        #expect(assignment.hasPrefix("account,centre,distance\nA,B,1.000000\n"))
        let infeasible = try MeridianProcess.run([
            "territories", "pmedian", "--accounts", Self.path(folder, "accounts.csv"), "--count", "2",
            "--demand", "demand", "--capacity", "2", "--time-limit", "30",
        ])
        #expect(infeasible.status == 3, "\(infeasible.stderr)")
        let usage = try MeridianProcess.run([
            "territories", "pmedian", "--accounts", Self.path(folder, "accounts.csv"), "--count", "0",
        ])
        #expect(usage.status == 64)
        let tooMany = try MeridianProcess.run([
            "territories", "pmedian", "--accounts", Self.path(folder, "accounts.csv"), "--count", "6",
        ])
        #expect(tooMany.status == 64, "\(tooMany.stderr)")
    }
}
