import Foundation
import LinearProgramming
import TestSupport
import Testing

@Suite struct ModelFileTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static func temporaryURL(_ name: String) throws -> URL {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-lp")
        return folder.appendingPathComponent(name)
    }

    static func wyndor() -> Model {
        var model = Model(name: "wyndor")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let batches = model.addVariable("batches", upperBound: 10, kind: .integer)
        let flag = model.addVariable("flag", kind: .binary)
        model.addConstraint(x <= 4, name: "plant1")
        model.addConstraint(2 * y <= 12, name: "plant2")
        model.addConstraint(3 * x + 2 * y <= 18, name: "plant3")
        model.addConstraint(.range(1, x + y - batches, 20), name: "mix")
        model.addConstraint(batches - 10 * flag <= 0, name: "link")
        model.maximize(3 * x + 5 * y - flag + 2)
        return model
    }

    /// Golden `.lp` file written by `glp_write_lp`; regenerate by deleting the snapshot.
    @Test func lpSnapshotMatchesTheGoldenFile() throws {
        let text = try Self.wyndor().lpText()
        let golden = Self.snapshots.appendingPathComponent("wyndor.lp")
        if !FileManager.default.fileExists(atPath: golden.path) {
            try text.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("snapshot created at \(golden.path); re-run")
            return
        }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    /// CPLEX LP keeps the sense but not the objective constant (GLPK writes it as a comment), and
    /// GLPK writes a range row with an auxiliary column `~r_<i>`; the optimum survives.
    @Test func lpFileRoundTripKeepsTheOptimum() throws {
        let model = Self.wyndor()
        let url = try Self.temporaryURL("wyndor.lp")
        try model.writeLP(to: url)
        let read = try Model(contentsOfLP: url)
        #expect(read.constraintCount == model.constraintCount)
        #expect(read.sense == .maximize)
        let original = try model.solve().requireOptimal().objectiveValue
        let reread = try read.solve().requireOptimal().objectiveValue
        #expect(isApproximatelyEqual(original, 38))  // x = 2, y = 6, flag = 0 → 36 + 2
        #expect(isApproximatelyEqual(reread, 36))  // the constant 2 is only a comment in LP files
        let batches = try #require(read.variable(named: "batches"))
        #expect(read.kind(of: batches) == .integer)
    }

    /// GLPK's free MPS has no objective sense section: a maximization is written as is and read
    /// back as a minimization, so round trips use minimization.
    @Test func mpsFileRoundTripKeepsTheOptimum() throws {
        var model = Model(name: "diet")
        let a = model.addVariable("a", upperBound: 6)
        let b = model.addVariable("b")
        let c = model.addVariable("c", kind: .integer)
        model.addConstraint(a + b + c >= 10.5, name: "cover")
        model.addConstraint(.range(1, b - c, 8), name: "spread")
        model.minimize(2 * a + 3 * b + 4 * c)
        let url = try Self.temporaryURL("diet.mps")
        try model.writeMPS(to: url)
        let read = try Model(contentsOfMPS: url)
        #expect(read.nonzeroCount == model.nonzeroCount && read.variableCount == model.variableCount)
        let original = try model.solve().requireOptimal().objectiveValue
        #expect(isApproximatelyEqual(try read.solve().requireOptimal().objectiveValue, original))
        // a = 6, then b - c ≤ 8 with b + c ≥ 4.5 and c integer: b = 4.5, c = 0 → 12 + 13.5 = 25.5.
        #expect(isApproximatelyEqual(original, 25.5))
    }

    @Test func mathProgSyntaxErrorNamesFileAndLine() throws {
        let url = try Self.temporaryURL("broken.mod")
        try "param n := 3;\nvar x{1..n} >= 0;\nminimize cost: sum{i in 1..n} x[i] +;\nend;\n"
            .write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try Model(mathProgModel: url)
            Issue.record("a broken model translated")
        } catch let SolverError.mathProgError(file, line, message) {
            #expect(file.hasSuffix("broken.mod"))
            #expect(line == 3)
            #expect(!message.isEmpty)
        }
    }

    @Test func mathProgDataErrorNamesTheDataFile() throws {
        let mod = try Self.temporaryURL("ok.mod")
        try "param n, integer, > 0;\nvar x >= n;\nminimize z: x;\nend;\n".write(
            to: mod, atomically: true, encoding: .utf8)
        let dat = mod.deletingLastPathComponent().appendingPathComponent("bad.dat")
        try "data;\nparam n := -4;\nend;\n".write(to: dat, atomically: true, encoding: .utf8)
        #expect(throws: SolverError.self) { try Model(mathProgModel: mod, data: dat) }
        let good = mod.deletingLastPathComponent().appendingPathComponent("good.dat")
        try "data;\nparam n := 4;\nend;\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try Model(mathProgModel: mod, data: good).solve().requireOptimal().objectiveValue == 4)
    }

    @Test func lpSyntaxErrorIsReportedWithALocation() throws {
        let url = try Self.temporaryURL("broken.lp")
        try "Minimize\n obj: x +\nSubject To\n c: x >= \nEnd\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: SolverError.self) { try Model(contentsOfLP: url) }
    }

    @Test func unknownExtensionIsRejected() throws {
        let url = try Self.temporaryURL("model.txt")
        try "x".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: SolverError.self) { try Model(contentsOf: url) }
    }

    @Test func jsonReportHasTheDocumentedKeys() throws {
        var model = Model(name: "r")
        let x = model.addVariable("x", upperBound: 2)
        model.maximize(LinearExpression(x))
        let report = SolveReport(result: try model.solve(), model: model).render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        for key in ["termination", "objective", "bound", "gap", "seconds", "values"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect((object["values"] as? [String: Double])?["x"] == 2)
    }
}
