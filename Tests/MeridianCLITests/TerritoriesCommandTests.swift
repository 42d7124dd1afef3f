import Foundation
import TestSupport
import Testing

@testable import meridian

/// End-to-end tests of `meridian territories design`: the built binary on generated CSVs.
@Suite struct TerritoriesCommandTests {
    /// 60 accounts on a 10 × 6 grid in two columns of territories; all start in T1.
    static func writeFixture(in folder: URL, lockFirst: Bool = false) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var accounts = "id,x,y,potential,workload,territory,locked\n"
        for i in 0..<60 {
            let x = Double(i % 10), y = Double(i / 10)
            accounts += "A\(i),\(x),\(y),\(10 + i % 3),\(1 + i % 2),T1,\(lockFirst && i == 0)\n"
        }
        try accounts.write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        let territories = "id,x,y,capacity\nT1,2,2.5,1\nT2,7,2.5,1\n"
        try territories.write(to: folder.appendingPathComponent("territories.csv"), atomically: true, encoding: .utf8)
    }

    @Test func parsesEveryOption() throws {
        let command = try Meridian.parseAsRoot([
            "territories", "design", "--accounts", "a.csv", "--territories", "t.csv", "--measure", "potential:0.05",
            "--measure", "workload:0.1:capacity", "--metric", "euclidean", "--weight", "workload", "--max-moved-share",
            "0.15",
            "--max-moved-value-share", "0.2", "--move-penalty", "1.5", "--value-measure", "potential", "--locks-column",
            "lock",
            "--adjacency", "adj.csv", "--territory-count", "3", "--choose-centres", "--relocate", "2", "--add", "1",
            "--remove", "1",
            "--time-limit", "5", "--seed", "9", "--format", "json",
        ])
        let design = try #require(command as? Meridian.Territories.Design)
        #expect(design.measures == ["potential:0.05", "workload:0.1:capacity"])
        #expect(design.maxMovedShare == 0.15)
        #expect(design.seed == 9)
        #expect(throws: (any Error).self) {
            try Meridian.parseAsRoot(["territories", "design", "--format", "xml", "--config", "c.yaml"])
        }
    }

    @Test func designsAndWritesAPlanWithAJSONSummary() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try Self.writeFixture(in: folder, lockFirst: true)
        let output = folder.appendingPathComponent("out")
        let result = try MeridianProcess.run([
            "territories", "design", "--accounts", folder.appendingPathComponent("accounts.csv").path,
            "--territories", folder.appendingPathComponent("territories.csv").path, "--measure", "potential:0.05",
            "--measure", "workload:0.05", "--max-moved-share", "0.6", "--time-limit", "600", "--seed", "3",
            "--output", output.path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let summary = try #require(json)
        for key in [
            "termination", "objective", "bound", "gap", "seconds", "maxDeviation", "movedAccounts", "movedShare",
            "connected",
        ] {
            #expect(summary[key] != nil, "missing \(key)")
        }
        // reproducible only when no clock ended a phase (the long limit is a safety net)
        #expect(summary["termination"] as? String != "feasible(time)")
        let deviation = try #require(summary["maxDeviation"] as? [String: Double])
        #expect(deviation["potential"]! <= 0.05 + 1e-9)
        #expect((summary["movedShare"] as? Double ?? 1) <= 0.6)
        let assignment = try String(contentsOf: output.appendingPathComponent("assignment.csv"), encoding: .utf8)
        #expect(assignment.hasPrefix("account,old_territory,new_territory,moved,distance,locked\n"))
        #expect(assignment.contains("A0,T1,T1,false,"))  // locked stays
        let territories = try String(contentsOf: output.appendingPathComponent("territories.csv"), encoding: .utf8)
        #expect(territories.split(separator: "\n").count == 3)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics.json").path))
        // determinism: same seed, same bytes
        let output2 = folder.appendingPathComponent("out2")
        let again = try MeridianProcess.run([
            "territories", "design", "--accounts", folder.appendingPathComponent("accounts.csv").path,
            "--territories", folder.appendingPathComponent("territories.csv").path, "--measure", "potential:0.05",
            "--measure", "workload:0.05", "--max-moved-share", "0.6", "--time-limit", "600", "--seed", "3",
            "--output", output2.path, "--quiet",
        ])
        #expect(again.status == 0)
        let assignment2 = try String(contentsOf: output2.appendingPathComponent("assignment.csv"), encoding: .utf8)
        #expect(assignment == assignment2)
    }

    @Test func configFileDrivesTheRun() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try Self.writeFixture(in: folder)
        let config = """
            accounts: \(folder.appendingPathComponent("accounts.csv").path)
            territories: \(folder.appendingPathComponent("territories.csv").path)
            measures:
              - name: potential
                tolerance: 0.05
              - workload:0.1
            timeLimit: 10
            seed: 4
            """
        let configURL = folder.appendingPathComponent("design.yaml")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let result = try MeridianProcess.run([
            "territories", "design", "--config", configURL.path, "--format", "json", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"termination\""))
    }

    @Test func infeasibleRunExitsWithThreeAndExplains() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try Self.writeFixture(in: folder)
        let result = try MeridianProcess.run([
            "territories", "design", "--accounts", folder.appendingPathComponent("accounts.csv").path,
            "--territories", folder.appendingPathComponent("territories.csv").path, "--measure", "potential:0.05",
            "--max-moved-share", "0", "--time-limit", "5", "--quiet",
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("smallest tolerance"))
    }

    @Test func adjacencyGivesBalancedConnectedTerritories() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try Self.writeFixture(in: folder)
        var adjacency = "a,b\n"
        for i in 0..<60 {
            if i % 10 < 9 { adjacency += "A\(i),A\(i + 1)\n" }
            if i < 50 { adjacency += "A\(i),A\(i + 10)\n" }
        }
        let adjacencyURL = folder.appendingPathComponent("adjacency.csv")
        try adjacency.write(to: adjacencyURL, atomically: true, encoding: .utf8)
        let result = try MeridianProcess.run([
            "territories", "design", "--accounts", folder.appendingPathComponent("accounts.csv").path,
            "--territories", folder.appendingPathComponent("territories.csv").path, "--measure", "potential:0.02",
            "--measure", "workload:0.05", "--adjacency", adjacencyURL.path, "--time-limit", "20", "--seed", "2",
            "--output", folder.appendingPathComponent("out").path, "--format", "json", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["connected"] as? Bool == true)
        let deviation = try #require(summary["maxDeviation"] as? [String: Double])
        #expect((deviation["potential"] ?? 1) <= 0.02 + 1e-9)
        #expect((deviation["workload"] ?? 1) <= 0.05 + 1e-9)
    }

    @Test func badDataExitsWithSixtyFiveAndNamesTheField() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-td")
        try Self.writeFixture(in: folder)
        let bad = "id,x,y,potential\nA1,1,1,12\nA2,2,2,lots\n"
        let accounts = folder.appendingPathComponent("bad.csv")
        try bad.write(to: accounts, atomically: true, encoding: .utf8)
        let result = try MeridianProcess.run([
            "territories", "design", "--accounts", accounts.path,
            "--territories", folder.appendingPathComponent("territories.csv").path, "--measure", "potential", "--quiet",
        ])
        #expect(result.status == 65)
        // located to the column (before: "bad.csv:3: column potential: …", no column number)
        #expect(
            result.stderr.contains("bad.csv:3:4: potential: value \"lots\" is not a finite number"), "\(result.stderr)")
    }
}
