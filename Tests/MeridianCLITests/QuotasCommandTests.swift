import Foundation
import TestSupport
import Testing

@testable import meridian

@Suite struct QuotasCommandTests {
    /// The worked example of the issue as a node file: East holds 18 of 40 prior-year and 120 of 300 potential.
    static let workedNodes = """
        id,parent,prior_year,potential
        co,,,
        east,co,,
        west,co,,
        e1,east,8000000,50000000
        e2,east,6000000,40000000
        e3,east,4000000,30000000
        w1,west,12000000,100000000
        w2,west,10000000,80000000

        """

    @Test func parsesTheAllocateCommand() throws {
        let command = try #require(
            try Meridian.parseAsRoot([
                "quotas", "allocate", "--nodes", "n.csv", "--target", "50000000", "--basis", "history:0.5,potential:0.5",
                "--over-assign", "0.10", "--format", "json", "--override", "e1=100", "--override", "w2=200",
            ]) as? Meridian.Quotas.Allocate)
        #expect(command.target == 50_000_000 && command.basis == "history:0.5,potential:0.5" && command.overAssign == "0.10")
        #expect(command.format == .json && command.override == ["e1=100", "w2=200"])
        let configuration = try command.makeConfiguration()
        #expect(configuration.overrides["w2"] == 200 && configuration.overAssignment == [0.10])
        #expect(throws: (any Error).self) { try Meridian.parseAsRoot(["quotas", "allocate", "--target", "5"]) }
        #expect(throws: (any Error).self) { try Meridian.parseAsRoot(["quotas", "allocate", "--nodes", "n.csv"]) }
    }

    @Test func allocateWritesTheWorkedCascadeAsJSONAndCSV() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("nodes.csv")
        try Self.workedNodes.write(to: nodes, atomically: true, encoding: .utf8)
        let arguments = [
            "quotas", "allocate", "--nodes", nodes.path, "--target", "50000000", "--basis", "history:0.5,potential:0.5",
            "--over-assign", "0.10",
        ]
        let json = try MeridianProcess.run(arguments + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let list = try #require(decoded?["nodes"] as? [[String: Any]])
        let east = try #require(list.first { $0["id"] as? String == "east" })
        #expect(east["quota"] as? Double == 23_375_000 && east["parent"] as? String == "co" && east["level"] as? Int == 1)
        #expect(east["childrenPool"] as? Double == 25_712_500 && east["floorBinding"] as? Bool == false)
        let eastReps = list.filter { $0["parent"] as? String == "east" }.compactMap { $0["quota"] as? Double }
        #expect(eastReps.reduce(0, +) == 25_712_500)

        let out = folder.appendingPathComponent("out")
        let csv = try MeridianProcess.run(arguments + ["--output", out.path])
        #expect(csv.status == 0)
        let quotas = try String(contentsOf: out.appendingPathComponent("quotas.csv"), encoding: .utf8)
        #expect(quotas.hasPrefix("node,name,level,parent,role,status,basis_prior_year,"))
        #expect(quotas.contains("\neast,east,1,co,unit,active,18000000.00,,120000000.00,,0.450000,0.400000,0.425000,1.000000,23375000.00,23375000.00,"))
        let checks = try String(contentsOf: out.appendingPathComponent("quota_checks.csv"), encoding: .utf8)
        #expect(checks.contains("east,23375000.00,0.100000,25712500.00,23375000.00,0.00,"))
        #expect(csv.stdout.contains("roll-up checks: 3 of 3 parents"))
    }

    @Test func infeasibleFloorsExitWith3AndNameTheConflict() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("nodes.csv")
        try Self.workedNodes.write(to: nodes, atomically: true, encoding: .utf8)
        let result = try MeridianProcess.run([
            "quotas", "allocate", "--nodes", nodes.path, "--target", "30000000", "--basis", "history", "--growth-floor", "0",
        ])
        #expect(result.status == 3)
        // East's reps have 18M of prior year against East's 30M × 18/40 = 13.5M.
        #expect(result.stderr.contains("no feasible split under east: floors exceed the pool by 4500000.00 (pool 13500000.00); nodes: e1, e2, e3"))
        let bad = try MeridianProcess.run(["quotas", "allocate", "--nodes", folder.appendingPathComponent("missing.csv").path, "--target", "1"])
        // an unreadable file is an I/O error (1) in one plain sentence; before: 65 with "line 0"
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: \(folder.appendingPathComponent("missing.csv").path): cannot read: No such file or directory\n")
    }
}
