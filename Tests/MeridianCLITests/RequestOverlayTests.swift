import Foundation
import LinearProgramming
import SalesData
import TerritoryDesign
import TestSupport
import Testing

@testable import meridian

/// Requests built from `--config` and flags: the flags are an overlay, bad configs exit 65 located,
/// bad flags exit 64, and `--help` names the real config keys.
@Suite struct RequestOverlayTests {
    static func writeConfig(_ text: String) throws -> URL {
        let folder = try Fixtures.temporaryFolder(prefix: "overlay")
        let url = folder.appendingPathComponent("design.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func toleranceFlagReachesMeasuresFromTheConfig() throws {
        let config = try Self.writeConfig("accounts: a.csv\nterritories: t.csv\nmeasures: [potential, workload:0.2]\n")
        let command = try #require(
            try Meridian.parseAsRoot(["territories", "design", "--config", config.path, "--tolerance", "0.01"])
                as? Meridian.Territories.Design)
        let request = try command.request()
        #expect(request.balanceMeasures.map(\.tolerance) == [0.01, 0.2])
        // without the flag, the single default
        let plain = try #require(
            try Meridian.parseAsRoot(["territories", "design", "--config", config.path]) as? Meridian.Territories.Design
        )
        #expect(try plain.request().balanceMeasures.map(\.tolerance) == [TerritoryDesignRequest().tolerance, 0.2])
    }

    @Test func aConfigMayNameMeasuresThatTheFlagsGive() throws {
        let config = try Self.writeConfig("accounts: a.csv\nterritories: t.csv\nweightMeasure: workload\n")
        let command = try #require(
            try Meridian.parseAsRoot(["territories", "design", "--config", config.path, "--measure", "workload"])
                as? Meridian.Territories.Design)
        #expect(try command.request().weightMeasure == "workload")
        let wrong = try #require(
            try Meridian.parseAsRoot(["territories", "design", "--config", config.path, "--measure", "potential"])
                as? Meridian.Territories.Design)
        #expect { try wrong.request() } throws: { ($0 as? RequestBuildError)?.exitCode.rawValue == 64 }
    }

    @Test func flagsOverrideConfigValues() throws {
        let config = try Self.writeConfig(
            "accounts: a.csv\nterritories: t.csv\nmeasures: [potential]\ntimeLimit: 5\nseed: 3\n")
        let command = try #require(
            try Meridian.parseAsRoot(["territories", "design", "--config", config.path, "--seed", "9"])
                as? Meridian.Territories.Design)
        let request = try command.request()
        #expect(request.seed == 9 && request.timeLimit == 5 && request.workers == TerritoryDesignRequest().workers)
    }

    @Test func misspeltConfigKeyIsABadConfigLocatedAtTheKey() throws {
        let config = try Self.writeConfig(
            "accounts: a.csv\nterritories: t.csv\nmeasures:\n  - name: potential\n    targt: equal\n")
        let command = try #require(
            try Meridian.parseAsRoot(["territories", "design", "--config", config.path]) as? Meridian.Territories.Design
        )
        #expect {
            _ = try command.request()
        } throws: { error in
            guard let error = error as? RequestBuildError, case .config(let located) = error else { return false }
            return error.exitCode.rawValue == 65 && located.line == 5 && located.column == 5
                && located.keyPath == "measures[0].targt" && located.message.contains("did you mean `target`?")
        }
    }

    @Test func badValueInTheConfigIsLocatedAndABadFlagIsUsage() throws {
        let config = try Self.writeConfig("accounts: a.csv\nterritories: t.csv\nmeasures: [potential]\nworkers: 0\n")
        let fromConfig = try #require(
            try Meridian.parseAsRoot(["territories", "design", "--config", config.path]) as? Meridian.Territories.Design
        )
        #expect {
            _ = try fromConfig.request()
        } throws: { error in
            guard let error = error as? RequestBuildError, case .config(let located) = error else { return false }
            return located.line == 4 && located.keyPath == "workers" && located.kind == .invalidValue
        }
        // the same value as a flag is refused while parsing: a usage error (64)
        #expect {
            try Meridian.parseAsRoot([
                "territories", "design", "--accounts", "a", "--territories", "t", "--measure", "p", "--workers", "0",
            ])
        } throws: { Meridian.exitCode(for: $0).rawValue == 64 }
    }

    @Test func designHelpNamesEveryConfigKey() {
        let help = Meridian.helpMessage(for: Meridian.Territories.Design.self, columns: 2_000)
        for key in TerritoryDesignRequest.configurationKeys {
            #expect(help.contains(key), "help lacks \(key)")
        }
        #expect(help.contains("weightMeasure") && help.contains("lockedColumn"))
    }

    @Test func quotaConfigTypoExitsSixtyFiveWithItsLine() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "overlay")
        let nodes = folder.appendingPathComponent("nodes.csv")
        try QuotasCommandTests.workedNodes.write(to: nodes, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("quota.yaml")
        try "target: 50000000\noverAssignement: 0.1\n".write(to: config, atomically: true, encoding: .utf8)
        let run = try MeridianProcess.run(["quotas", "allocate", "--nodes", nodes.path, "--config", config.path])
        #expect(run.status == 65)
        #expect(
            run.stderr.contains(
                "quota.yaml:2:1: overAssignement: unknown key `overAssignement`; did you mean `overAssignment`?"))
    }

    @Test func quotaTargetFlagCompletesAConfigWithoutOne() throws {
        let config = try Self.writeConfig("basis: history\ngrowthCap: 0.3\n")
        let command = try #require(
            try Meridian.parseAsRoot([
                "quotas", "allocate", "--nodes", "n.csv", "--config", config.path, "--target", "7000",
            ])
                as? Meridian.Quotas.Allocate)
        let configuration = try command.makeConfiguration()
        #expect(configuration.target == 7_000 && configuration.growthCap == 0.3)
    }

    @Test func segmentAndGenerateTakeConfigsToo() throws {
        let segment = try Self.writeConfig("input: a.csv\nfeatures: [x, y]\nclusterCount: 3\n")
        let command = try #require(
            try Meridian.parseAsRoot(["segment", "--config", segment.path, "--output", "o.csv", "--restarts", "2"])
                as? Meridian.Segment)
        let request = try command.request()
        #expect(request.clusterCount == 3 && request.restarts == 2 && request.features == ["x", "y"])
        let auto = try #require(
            try Meridian.parseAsRoot(["segment", "--config", segment.path, "--output", "o.csv", "--k", "auto"])
                as? Meridian.Segment)
        #expect(try auto.request().clusterCount == nil)

        let generate = try Self.writeConfig("accounts: 300\nreps: 11\n")
        let gen = try #require(
            try Meridian.parseAsRoot(["data", "generate", "--config", generate.path, "--out", "x"])
                as? Meridian.DataCommand.Generate)
        #expect {
            _ = try gen.request()
        } throws: { error in
            guard let error = error as? RequestBuildError, case .config(let located) = error else { return false }
            return located.line == 2 && located.keyPath == "reps"
        }
    }

    /// `solve FILE --time-limit 1e16` passed the flag check and trapped converting to milliseconds.
    @Test func hugeTimeLimitsAreUsageErrorsNotTraps() throws {
        #expect(throws: (any Error).self) { try Meridian.parseAsRoot(["solve", "m.lp", "--time-limit", "1e16"]) }
        var request = SolveRequest(model: "m.lp")
        request.timeLimit = 1e16
        #expect(
            throws: SolverError.invalidOption(
                name: "timeLimit", value: "1e+16", expected: "a number of seconds > 0 and ≤ 10000000")
        ) {
            try request.options()
        }
        request.timeLimit = 2.5
        #expect(try request.options().timeLimit == .milliseconds(2_500))
        #expect {
            try Meridian.parseAsRoot([
                "territories", "design", "--accounts", "a", "--territories", "t", "--measure", "p", "--time-limit",
                "1e16",
            ])
        } throws: { Meridian.exitCode(for: $0).rawValue == 64 }
    }
}
