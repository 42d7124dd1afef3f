import Foundation
import Incentives
import Insights
import Planning
import QuotaPlanning
import SalesData
import Segmentation
import Simulation
import TerritoryDesign
import TestSupport
import Testing

/// Seeded mutations of every kind of YAML config, decoded in-process: nothing crashes, every
/// error is located (line and column ≥ 1, or a named key), no error quotes a huge value, and an
/// unknown key is always rejected.
///
/// The kinds are every YAML file Meridian reads: territory design, segmentation (request and rule
/// buckets), data generation, quota plans, capacity, the plan file, the scenario file, comp plans,
/// the ledger policy, the simulation study, insights and gamification. Parse and validate only;
/// nothing is solved, so the whole suite takes seconds.
@Suite struct ConfigFuzzTests {
    /// One config kind: a valid sample and how the product reads it (decode, then validate).
    struct Kind: CustomStringConvertible, Sendable {
        let name: String
        let sample: String
        let read: @Sendable (String) throws -> Void
        var description: String { name }
    }

    static let root = Fixtures.repositoryRoot

    static func sample(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static let territorySample = """
        accounts: accounts.csv
        territories: territories.csv
        measures:
          - name: potential
            tolerance: 0.05
          - workload:0.1:capacity
        tolerance: 0.04
        metric: euclidean
        weightMeasure: workload
        maxMovedShare: 0.2
        movePenalty: 1.5
        chooseCentres: false
        add: 1
        timeLimit: 30
        seed: 7
        workers: 2
        gap: 0.001

        """

    static let segmentationSample = """
        input: accounts.csv
        features: [employees, annual_revenue]
        logFeatures: [annual_revenue]
        clusterCount: 4
        restarts: 5
        tierMeasure: annual_revenue
        seed: 3

        """

    static let generatorSample = "seed: 42\naccounts: 500\nreps: 24\nincludeHistory: false\nsnapshotDate: 2025-01-01\n"

    static let simulationSample = """
        dataset: Data/demo
        plans: Data/demo/plans
        quotas: out/quotas
        planYear: 2026
        component: new-business
        trials: 1000
        seed: 2026
        marketCorrelation: 0.2
        scenarios:
          - {name: richer-accelerator, plans: Data/plans/ae-variant}

        """

    static let planSample = sample("Data/demo/plan.yaml")

    /// A scenario file read as `scenarios run` reads it: the file, then the plan of its first and
    /// last scenario (the base plan with the overrides applied, decoded strictly).
    static func readScenarios(_ yaml: String) throws {
        let file = try ScenarioFile(text: yaml, path: "fuzz.yaml", planText: planSample, planPath: "plan.yaml")
        for scenario in [file.scenarios.first, file.scenarios.last].compactMap({ $0 }) {
            _ = try PlanFile(yaml: try file.planText(for: scenario), file: "plan.yaml")
        }
    }

    static func document(_ yaml: String) throws -> YAMLConfiguration {
        try YAMLConfiguration(yaml: yaml, file: "fuzz.yaml")
    }

    static let kinds: [Kind] = [
        Kind(name: "quota plan", sample: sample("Data/plans/quota.yaml")) {
            _ = try QuotaPlanConfiguration(yaml: $0, file: "fuzz.yaml")
        },
        Kind(name: "demo quota plan", sample: sample("Data/plans/demo-quota.yaml")) {
            _ = try QuotaPlanConfiguration(yaml: $0, file: "fuzz.yaml")
        },
        Kind(
            name: "territory design", sample: territorySample,
            read: { try document($0).decodeRequest(TerritoryDesignRequest.self).validate() }),
        Kind(name: "segmentation rules", sample: sample("Data/segmentation/rules.yaml")) {
            _ = try BucketRules(yaml: $0, file: "fuzz.yaml")
        },
        Kind(
            name: "segmentation request", sample: segmentationSample,
            read: { try document($0).decodeRequest(SegmentationRequest.self).validate() }),
        Kind(
            name: "data generate", sample: generatorSample,
            read: { try document($0).decodeRequest(DemoCompanyGenerator.Configuration.self).validate() }),
        Kind(name: "capacity", sample: sample("Data/plans/capacity.yaml")) {
            _ = try CapacityPlanRequest(yaml: $0, file: "fuzz.yaml")
        },
        Kind(name: "plan file", sample: planSample) { _ = try PlanFile(yaml: $0, file: "fuzz.yaml") },
        Kind(name: "scenario file", sample: sample("Data/demo/scenarios.yaml")) { try readScenarios($0) },
        Kind(name: "comp plan", sample: sample("Data/demo/plans/ae.yaml")) {
            _ = try CompPlan(yaml: $0, file: "fuzz.yaml")
        },
        Kind(name: "manager comp plan", sample: sample("Data/demo/plans/manager.yaml")) {
            _ = try CompPlan(yaml: $0, file: "fuzz.yaml")
        },
        Kind(name: "ledger policy", sample: sample("Data/plans/demo-ledger.yaml")) {
            _ = try LedgerPolicy(yaml: $0, file: "fuzz.yaml")
        },
        Kind(
            name: "simulation", sample: simulationSample,
            read: { try document($0).decodeRequest(SimulationConfiguration.self).validate() }),
        Kind(name: "insights", sample: sample("Data/insights/insights.yaml")) {
            try InsightsRequest.decodeYAML($0, file: "fuzz.yaml").validate()
        },
        Kind(name: "gamification", sample: sample("Data/insights/points.yaml")) {
            _ = try GamificationRules.decodeYAML($0, file: "fuzz.yaml")
        },
    ]

    /// The configuration error inside `error`: Incentives wraps its plan and policy file errors.
    static func configurationError(_ error: any Error) -> ConfigurationError? {
        if case IncentivesError.configuration(let inner) = error { return inner }
        return error as? ConfigurationError
    }

    /// Checks one error: located (or naming its key) and quoting at most 200 characters of a value.
    static func checkLocated(_ error: any Error, _ context: @autoclosure () -> String) {
        let text = "\(error)"
        #expect(text.count <= 1_500, "error of \(text.count) characters: \(text.prefix(300)) — \(context())")
        if let error = configurationError(error) {
            #expect(error.line >= 1 && error.column >= 1, "\(error) — \(context())")
            // ErrorText.quoted: 200 characters, escapes, the length.
            #expect((error.value?.count ?? 0) <= ErrorText.maximumQuotedLength * 10 + 32)
        } else if let error = error as? any RequestKeyError {
            #expect(error.requestKey != nil, "unlocated: \(error) — \(context())")
        } else {
            Issue.record("not a located error: \(type(of: error)) \(text.prefix(300)) — \(context())")
        }
    }

    @Test func samplesAreValid() throws {
        for kind in Self.kinds {
            #expect(!kind.sample.isEmpty, "\(kind)")
            #expect(throws: Never.self, "\(kind)") { try kind.read(kind.sample) }
        }
    }

    @Test(arguments: kinds) func thousandMutatedFilesNeverCrashAndEveryErrorIsLocated(kind: Kind) {
        var generator = SplitMix64(seed: 0x5EED_0010 &+ UInt64(kind.name.utf8.count))
        var accepted = 0, rejected = 0
        for index in 0..<1_000 {
            var yaml = kind.sample
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                yaml = YAMLMutator.mutate(yaml, using: &generator)
            }
            do {
                try kind.read(yaml)
                accepted += 1
            } catch {
                rejected += 1
                Self.checkLocated(error, "\(kind) mutation #\(index): \(yaml.prefix(400))")
            }
        }
        #expect(rejected > 100, "\(kind): only \(rejected) of 1000 mutations rejected")
        #expect(accepted + rejected == 1_000)
    }

    @Test(arguments: kinds) func anUnknownKeyIsAlwaysRejected(kind: Kind) throws {
        var generator = SplitMix64(seed: 0xBAD_0CE)
        for _ in 0..<200 {
            let key = YAMLMutator.unknownKey(using: &generator)
            // at the top level, before or after the valid content
            let yaml = Bool.random(using: &generator) ? "\(key): 1\n" + kind.sample : kind.sample + "\n\(key): 1\n"
            do {
                try kind.read(yaml)
                Issue.record("\(kind): unknown key \(key) accepted")
            } catch {
                guard let error = Self.configurationError(error) else {
                    Issue.record("\(kind): \(error)")
                    continue
                }
                #expect(error.kind == .unknownKey, "\(kind): \(error)")
                #expect(error.keyPath == key)
            }
        }
    }

    @Test func rawBytesThatAreNotUTF8AreLocated() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "config-fuzz")
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix64(seed: 99)
        let sample = Array(Self.kinds[0].sample.utf8)
        for index in 0..<50 {
            var bytes = sample
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes.insert(
                    UInt8.random(in: 0x80...0xFF, using: &generator),
                    at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let url = folder.appendingPathComponent("c\(index).yaml")
            try Data(bytes).write(to: url)
            do {
                _ = try QuotaPlanConfiguration(contentsOf: url)
            } catch {
                Self.checkLocated(error, "raw mutation #\(index)")
            }
        }
    }
}

/// Seeded text mutations of a YAML file.
enum YAMLMutator {
    static let junk: [String] = [
        "\0", "\t", ":", ": ", "- ", "&a", "*a", "!!int", "%", "@", "`", "\"", "'", "{", "}", "[", "]", "#", "|", ">",
        "\u{FEFF}", "é", "\u{202E}", "\r", "\n", "?", ",", "\u{1F600}", "\\", "---", "...",
    ]
    static let values: [String] = [
        "[1, 2]", "{a: 1}", "\"text\"", "-1", "0", ".nan", ".inf", "-.inf", "1e300", "-1e300", "~", "", "true", "yes",
        "2026-13-45", "9223372036854775808", "0x7FFFFFFFFFFFFFFF", "1_000", "NaN", "abc:def", "'it''s'",
        String(repeating: "x", count: 5_000), String(repeating: "9", count: 400),
        "[" + String(repeating: "1, ", count: 2_000) + "1]",
    ]

    static func unknownKey<G: RandomNumberGenerator>(using generator: inout G) -> String {
        "zz"
            + String(
                (0..<Int.random(in: 3...12, using: &generator)).map { _ in
                    "abcdefghijklmnopqrstuvwxyz".randomElement(using: &generator) ?? "q"
                })
    }

    static func mutate<G: RandomNumberGenerator>(_ yaml: String, using generator: inout G) -> String {
        var lines = yaml.components(separatedBy: "\n")
        guard !lines.isEmpty else { return yaml }
        let i = Int.random(in: 0..<lines.count, using: &generator)
        switch Int.random(in: 0..<9, using: &generator) {
        case 0:  // delete a line
            lines.remove(at: i)
        case 1:  // duplicate a line
            lines.insert(lines[i], at: i)
        case 2:  // rename a key: a typo or a new name
            if let colon = lines[i].firstIndex(of: ":") {
                let key = String(lines[i][..<colon])
                var typo = Array(key)
                if typo.count > 1 && Bool.random(using: &generator) {
                    typo.remove(at: Int.random(in: 0..<typo.count, using: &generator))
                } else {
                    typo.append("x")
                }
                lines[i] = String(typo) + lines[i][colon...]
            }
        case 3:  // indentation
            if Bool.random(using: &generator) {
                lines[i] = String(repeating: " ", count: Int.random(in: 1...4, using: &generator)) + lines[i]
            } else {
                lines[i] = String(lines[i].drop { $0 == " " })
            }
        case 4, 5:  // swap the value's type
            if let colon = lines[i].firstIndex(of: ":") {
                lines[i] = lines[i][...colon] + " " + (values.randomElement(using: &generator) ?? "")
            } else {
                lines[i] += " " + (values.randomElement(using: &generator) ?? "")
            }
        case 6:  // junk inside a line
            var characters = Array(lines[i])
            characters.insert(
                contentsOf: junk.randomElement(using: &generator) ?? "",
                at: Int.random(in: 0...characters.count, using: &generator))
            lines[i] = String(characters)
        case 7:  // a huge value
            lines[i] += String(repeating: "y", count: Int.random(in: 1_000...20_000, using: &generator))
        default:  // an unknown key nested under a mapping key
            let indent = String(lines[i].prefix { $0 == " " })
            lines.insert(indent + unknownKey(using: &generator) + ": 1", at: i)
        }
        return lines.joined(separator: "\n")
    }
}
