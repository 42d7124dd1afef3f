import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import meridian

/// Seeded vectors of hostile flag values: parsed in-process with `Meridian.parseAsRoot` and turned
/// into requests (config, then flags, then `validate()`); a few also through the real binary.
@Suite struct FlagFuzzTests {
    static let hostile: [String] = [
        "nan", "NaN", "inf", "-inf", "-1", "0", "-0", "1e300", "-1e300", "1e16", "", " ", "9223372036854775808",
        "-9223372036854775809", "0.5", "abc", "1,2,3", "=", "X=1e20", "auto", "0x10", "1_000", "\u{0}",
        String(repeating: "z", count: 10_000), String(repeating: "7", count: 400), "potential:-1", "a:0.1:wrong", "::",
    ]

    /// Each command's base arguments and the flags whose values the fuzz replaces.
    static let commands: [(base: [String], flags: [String])] = [
        (
            ["territories", "design", "--accounts", "a.csv", "--territories", "t.csv", "--measure", "potential"],
            [
                "--tolerance", "--measure", "--max-moved-share", "--max-moved-value-share", "--move-penalty",
                "--time-limit",
                "--workers", "--gap", "--add", "--remove", "--relocate", "--territory-count", "--seed", "--weight",
                "--value-measure", "--metric",
            ]
        ),
        (
            ["quotas", "allocate", "--nodes", "n.csv", "--target", "1000"],
            [
                "--target", "--basis", "--over-assign", "--growth-floor", "--growth-cap", "--attrition-relief",
                "--ramp",
                "--plan-start", "--vacancies", "--override", "--periods", "--rounding-unit", "--fairness",
                "--distribution",
                "--warn-below",
            ]
        ),
        (
            ["segment", "--input", "a.csv", "--output", "o.csv", "--features", "x"],
            ["--k", "--k-min", "--k-max", "--restarts", "--seed", "--id-column", "--tier-measure"]
        ),
        (["data", "generate", "--out", "/nonexistent/out"], ["--seed", "--accounts", "--reps"]),
        (["solve", "model.lp"], ["--time-limit", "--gap"]),
        (["data", "validate", "/nonexistent/folder"], ["--max-issues"]),
    ]

    /// One seeded vector: a command and 1–4 hostile flag values.
    static func vector(_ index: Int) -> [String] {
        var generator = SplitMix64(seed: 0xF1A9 &+ UInt64(index))
        let command = commands[index % commands.count]
        var arguments = command.base
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            arguments += [
                command.flags.randomElement(using: &generator) ?? "--seed",
                hostile.randomElement(using: &generator) ?? "",
            ]
        }
        return arguments
    }

    /// Builds the request of a parsed command; nil when the command has none to build in-process.
    static func buildRequest(_ command: any ParsableCommand) throws(RequestBuildError) -> Bool {
        switch command {
        case let c as Meridian.Territories.Design: _ = try c.request()
        case let c as Meridian.Quotas.Allocate: _ = try c.makeConfiguration()
        case let c as Meridian.Segment: _ = try c.request()
        case let c as Meridian.DataCommand.Generate: _ = try c.request()
        case let c as Meridian.DataCommand.Validate: _ = try c.request()
        default: return false
        }
        return true
    }

    /// The outcome of one vector in-process: nil when the request was built, else the exit code.
    static func outcome(_ arguments: [String]) -> Int32? {
        let command: any ParsableCommand
        do {
            command = try Meridian.parseAsRoot(arguments)
        } catch {
            return Meridian.exitCode(for: error).rawValue
        }
        do {
            _ = try buildRequest(command)
            return nil
        } catch {
            #expect("\(error)".count <= 1_500, "\(arguments.prefix(12))")
            return error.exitCode.rawValue
        }
    }

    @Test func thousandsOfHostileFlagVectorsAreUsageErrorsNeverCrashes() {
        var rejected = 0
        for index in 0..<1_000 {
            let arguments = Self.vector(index)
            guard let code = Self.outcome(arguments) else { continue }
            rejected += 1
            #expect(code == 64, "exit \(code) for \(arguments.map { String($0.prefix(40)) })")
        }
        #expect(rejected > 300)
    }

    @Test func theBinaryExitsWithUsageForHostileFlagsAndNeverASignal() throws {
        var runs = 0, index = 0
        while runs < 24 && index < 2_000 {
            let arguments = Self.vector(index)
            index += 1
            // only vectors that stop before reading files; ArgumentParser's own value errors are
            // rendered by it, so they are checked in-process above
            guard Self.outcome(arguments) != nil, !arguments.contains(where: { $0.count > 1_000 || $0.contains("\0") })
            else {
                continue
            }
            runs += 1
            let run = try MeridianProcess.run(arguments)  // a signal shows as its number, never 64 or 65
            #expect([64, 65].contains(run.status), "exit \(run.status) for \(arguments): \(run.stderr.prefix(300))")
        }
        #expect(runs >= 20)
    }
}
