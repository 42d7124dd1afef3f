import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import meridian

/// Invalid numeric flag values are usage errors (exit 64) for every command, never a crash and
/// never silently accepted.
@Suite struct FlagValidationTests {
    static let solve = ["solve", "Models/capacitated_p_median.mod", "--data", "Models/pmedcap1_01.dat"]
    static let design = ["territories", "design", "--accounts", "a.csv", "--territories", "t.csv", "--measure", "w"]
    static let quotas = ["quotas", "allocate", "--nodes", "n.csv", "--target", "1000"]
    static let train = ["score", "train", "--input", "a.csv", "--numeric", "x", "--output", "m.json"]
    static let segment = ["segment", "--input", "a.csv", "--output", "s.csv", "--features", "x"]
    static let generate = ["data", "generate", "--out", "d"]

    /// Each case is a command line with one bad value in `--flag=value` form.
    static let invalid: [[String]] = [
        solve + ["--time-limit=1e16"], solve + ["--time-limit=nan"], solve + ["--time-limit=0"],
        solve + ["--time-limit=-1"], solve + ["--time-limit=inf"], solve + ["--gap=-1"], solve + ["--gap=nan"],
        design + ["--time-limit=nan"], design + ["--time-limit=1e16"], design + ["--workers=0"], design + ["--gap=-1"],
        design + ["--add=-1"], design + ["--remove=-1"], design + ["--relocate=0"], design + ["--territory-count=0"],
        design + ["--tolerance=-0.1"], design + ["--tolerance=nan"], design + ["--max-moved-share=1.5"],
        design + ["--max-moved-value-share=-0.1"], design + ["--move-penalty=nan"],
        // quotas' target, rounding unit and growth bounds: QuotasCommandTests (checked by the library)
        quotas + ["--attrition-relief=2"], quotas + ["--warn-below=nan"],
        train + ["--rounds=0"], train + ["--learning-rate=0"], train + ["--max-depth=0"], train + ["--l2=-1"],
        train + ["--threads=-1"], train + ["--subsample=0"], train + ["--min-child-weight=nan"],
        train + ["--max-levels=0"],
        ["score", "evaluate", "--input", "a.csv", "--numeric", "x", "--folds=1"],
        // segment, data generate and data validate check these when the request is built (64 as
        // well): RequestOverlayTests and FlagFuzzTests
    ]

    @Test(arguments: invalid) func invalidFlagValueIsAUsageError(_ arguments: [String]) {
        do {
            _ = try Meridian.parseAsRoot(arguments)
            Issue.record("accepted: \(arguments.joined(separator: " "))")
        } catch {
            #expect(Meridian.exitCode(for: error).rawValue == 64, "\(arguments.joined(separator: " ")): \(error)")
        }
    }

    @Test func hugeTimeLimitIsAUsageErrorNotACrash() throws {
        // Before: Double → Int64 conversion trapped (SIGILL, status 132).
        let run = try MeridianProcess.run(Self.solve + ["--time-limit", "1e16"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--time-limit"))
    }

    @Test func largestAcceptedTimeLimitSolves() throws {
        let run = try MeridianProcess.run(Self.solve + ["--time-limit", "1e7", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
