import Foundation
import TestSupport
import Testing

/// End-to-end tests: run the built `meridian` binary and check stdout and the exit code.
@Suite struct SolveCommandTests {
    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let url = try Fixtures.temporaryFolder(prefix: "meridian-cli").appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func solvesThePMedianModelAsJSON() throws {
        let run = try MeridianProcess.run([
            "solve", "Models/capacitated_p_median.mod", "--data", "Models/pmedcap1_01.dat", "--format", "json",
        ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["termination"] as? String == "optimal")
        #expect(object["objective"] as? Double == 713)
        #expect(object["bound"] as? Double == 713)
        #expect(object["gap"] as? Double == 0)
        #expect(object["seconds"] is Double)
        let values = try #require(object["values"] as? [String: Double])
        #expect(values.count == 2550)
        #expect(values.filter { $0.key.hasPrefix("median[") && $0.value > 0.5 }.count == 5)
    }

    @Test func infeasibleLPExitsWithThree() throws {
        let lp = try Self.temporaryFile(
            "infeasible.lp",
            """
            Minimize
             obj: x + y
            Subject To
             a: x + y >= 5
             b: x + y <= 3
            End
            """)
        let run = try MeridianProcess.run(["solve", lp.path])
        #expect(run.status == 3)
        #expect(run.stdout.contains("termination  infeasible"))
    }

    @Test func timeLimitedRunsExitWithTheCodeOfTheirTermination() throws {
        // With 1 ms GLPK stops early; holding an incumbent or not decides between 0 and 4.
        let run = try MeridianProcess.run([
            "solve", "Models/capacitated_p_median.mod", "--data", "Models/pmedcap1_01.dat",
            "--time-limit", "0.001", "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let termination = try #require(object["termination"] as? String)
        #expect(termination.hasSuffix("(time)"))
        #expect(run.status == (termination.hasPrefix("feasible") ? 0 : 4))
        #expect(termination.hasPrefix("feasible") ? object["objective"] is Double : object["objective"] is NSNull)
    }

    @Test func mpsWrittenByGLPKSolvesWithTableOutput() throws {
        let mps = try Self.temporaryFile(
            "wyndor.mps",
            """
            NAME wyndor
            ROWS
             N obj
             L plant1
             L plant2
             L plant3
            COLUMNS
             x obj -3 plant1 1
             x plant3 3
             y obj -5 plant2 2
             y plant3 2
            RHS
             RHS1 plant1 4 plant2 12
             RHS1 plant3 18
            ENDATA
            """)
        let run = try MeridianProcess.run(["solve", mps.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("objective    -36"))
        #expect(run.stdout.contains("termination  optimal"))
    }

    @Test func badModelFileReportsFileLineAndExits65() throws {
        let mod = try Self.temporaryFile("bad.mod", "var x >= 0;\nminimize z: x +;\nend;\n")
        let run = try MeridianProcess.run(["solve", mod.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.mod:2:"))
    }

    @Test func usageErrorsExitWith64() throws {
        #expect(try MeridianProcess.run(["solve", "Models/capacitated_p_median.mod", "--gap", "-1"]).status == 64)
        #expect(try MeridianProcess.run(["solve"]).status == 64)
    }

    @Test func writesTheOutputFileAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-out-\(UUID().uuidString)")
        let out = folder.appendingPathComponent("solution.json")
        let run = try MeridianProcess.run([
            "solve", "Models/capacitated_p_median.mod", "--data", "Models/pmedcap1_01.dat", "--format", "json",
            "--out", out.path,
        ])
        #expect(run.status == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("\"termination\": \"optimal\""))
    }

    @Test func versionAndHelpDocumentExitCodes() throws {
        #expect(try MeridianProcess.run(["--version"]).stdout == "0.1.0\n")
        let help = try MeridianProcess.run(["solve", "--help"]).stdout
        #expect(help.contains("64  usage error"))
        #expect(help.contains("3   no feasible solution"))
    }
}
