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
                "quotas", "allocate", "--nodes", "n.csv", "--target", "50000000", "--basis",
                "history:0.5,potential:0.5",
                "--over-assign", "0.10", "--format", "json", "--override", "e1=100", "--override", "w2=200",
            ]) as? Meridian.Quotas.Allocate)
        #expect(
            command.target == 50_000_000 && command.basis == "history:0.5,potential:0.5" && command.overAssign == "0.10"
        )
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
        #expect(
            east["quota"] as? Double == 23_375_000 && east["parent"] as? String == "co" && east["level"] as? Int == 1)
        #expect(east["childrenPool"] as? Double == 25_712_500 && east["floorBinding"] as? Bool == false)
        let eastReps = list.filter { $0["parent"] as? String == "east" }.compactMap { $0["quota"] as? Double }
        #expect(eastReps.reduce(0, +) == 25_712_500)

        let out = folder.appendingPathComponent("out")
        let csv = try MeridianProcess.run(arguments + ["--output", out.path])
        #expect(csv.status == 0)
        let quotas = try String(contentsOf: out.appendingPathComponent("quotas.csv"), encoding: .utf8)
        #expect(quotas.hasPrefix("node,name,level,parent,role,status,basis_prior_year,"))
        #expect(
            quotas.contains(
                "\neast,east,1,co,unit,active,18000000.00,,120000000.00,,0.450000,0.400000,0.425000,1.000000,23375000.00,23375000.00,"
            ))
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
            "quotas", "allocate", "--nodes", nodes.path, "--target", "30000000", "--basis", "history", "--growth-floor",
            "0",
        ])
        #expect(result.status == 3)
        // East's reps have 18M of prior year against East's 30M × 18/40 = 13.5M.
        #expect(
            result.stderr.contains(
                "no feasible split under east: floors exceed the pool by 4500000.00 (pool 13500000.00); nodes: e1, e2, e3"
            ))
        let bad = try MeridianProcess.run([
            "quotas", "allocate", "--nodes", folder.appendingPathComponent("missing.csv").path, "--target", "1",
        ])
        // an unreadable file is an I/O error (1) in one plain sentence; before: 65 with "line 0"
        #expect(bad.status == 1)
        #expect(
            bad.stderr
                == "error: \(folder.appendingPathComponent("missing.csv").path): cannot read: No such file or directory\n"
        )
    }

    /// Absurd or mistyped flag values are usage errors (64).
    ///
    /// They were Double→Int64 traps (SIGILL) or exit 0; now they name the value, and the same values in a config file are bad data (65). Issue 10, defects 1 and 7.
    @Test(arguments: [
        ["--over-assign", "1e6"], ["--target", "1e300"], ["--override", "e1=1e20"], ["--growth-cap", "1e300"],
        ["--rounding-unit", "1e-300"], ["--basis", "histroy:0.5,potential:0.5"], ["--fairness", "equal"],
    ])
    func absurdOrMistypedFlagValuesAreUsageErrors(flag: [String]) throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("nodes.csv")
        try Self.workedNodes.write(to: nodes, atomically: true, encoding: .utf8)
        var arguments = ["quotas", "allocate", "--nodes", nodes.path, "--basis", "history:0.5,potential:0.5"]
        if flag[0] != "--target" { arguments += ["--target", "50000000"] }
        let run = try MeridianProcess.run(arguments + flag)
        #expect(run.status == 64, "\(flag): exit \(run.status)\n\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: invalid "), "\(run.stderr)")
    }

    @Test func absurdConfigValuesAreBadData() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nodes = folder.appendingPathComponent("nodes.csv")
        try Self.workedNodes.write(to: nodes, atomically: true, encoding: .utf8)
        for yaml in ["target: 1e300\n", "target: 5e7\noverAssignment: 1e6\n", "target: 5e7\noverrides: {e1: 1e20}\n"] {
            let config = folder.appendingPathComponent("quota.yaml")
            try yaml.write(to: config, atomically: true, encoding: .utf8)
            let run = try MeridianProcess.run(["quotas", "allocate", "--nodes", nodes.path, "--config", config.path])
            #expect(run.status == 65, "\(yaml): exit \(run.status)\n\(run.stderr)")
        }
    }

    @Test func anUnknownPotentialColumnIsBadDataNamingTheFileAndTheKnownColumns() throws {
        let run = try MeridianProcess.run([
            "quotas", "allocate", "--dataset", "Data/demo", "--target", "50000000", "--basis", "potential",
            "--potential-attribute", "no_such_column",
        ])
        #expect(run.status == 65, "exit \(run.status)\n\(run.stderr)")
        #expect(run.stderr.contains("Data/demo/accounts.csv:1:0: no_such_column:"), "\(run.stderr)")
        #expect(run.stderr.contains("known: employees, annualRevenue"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
