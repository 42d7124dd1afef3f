import Foundation
import LinearProgramming
import TestSupport
import Testing

/// Every example in the doc comments and in `Documentation.docc`, run as written.
@Suite struct DocumentationExamplesTests {
    @Test func modelExample() throws {
        var model = Model(name: "quota")
        let x = model.addVariable("x", upperBound: 3)
        let y = model.addVariable("y")
        model.addConstraint(x + 2 * y <= 4, name: "capacity")
        model.maximize(3 * x + y)
        let result = try model.solve(options: SolverOptions(timeLimit: .seconds(30)))
        let solution = try result.requireOptimal()
        #expect(isApproximatelyEqual(solution.value(of: x), 3.0))
        #expect(isApproximatelyEqual(solution.objectiveValue, 9.5))
    }

    @Test func variableExample() {
        var model = Model(name: "plan")
        let x = model.addVariable("x", upperBound: 3)
        #expect(x.index == 0)
    }

    @Test func expressionExample() {
        var model = Model(name: "expressions")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let e = 3 * x + y + 4
        #expect(e.description == "3 v0 + v1 + 4")
        #expect(model.describe(e) == "3 x + y + 4")
    }

    @Test func sumExample() {
        var model = Model(name: "sum")
        let x = (0..<3).map { model.addVariable("x[\($0)]") }
        let total = LinearExpression.sum(0..<3) { i in Double(i + 1) * x[i] }
        #expect(model.describe(total) == "x[0] + 2 x[1] + 3 x[2]")
    }

    @Test func rangeExample() {
        var model = Model(name: "range")
        let x = model.addVariable("x")
        let c = LinearConstraint.range(1, x + 2, 5)
        #expect(c.lowerBound == -1.0 && c.upperBound == 3.0)
    }

    @Test func bulkExamples() {
        var model = Model(name: "bulk")
        let x = model.addVariables(
            names: ["x[0]", "x[1]"], lowerBounds: [0, 0], upperBounds: [1, 1],
            objective: [2, 3])
        #expect(x.count == 2)
        var rows = Model(name: "bulk-row")
        let v = rows.addVariables(names: ["a", "b"], lowerBounds: [0, 0], upperBounds: [.infinity, .infinity])
        rows.addConstraint(name: "cap", lowerBound: -.infinity, upperBound: 10, variables: v, coefficients: [1, 2])
        #expect(rows.constraintCount == 1)
    }

    @Test func validateExample() {
        var model = Model(name: "bad")
        let x = model.addVariable("x", lowerBound: 2, upperBound: 1)
        model.minimize(LinearExpression(x))
        #expect(throws: ModelError.invertedBounds(name: "x", lower: 2, upper: 1)) { try model.validate() }
    }

    @Test func solveExample() throws {
        var model = Model(name: "knapsack")
        let a = model.addVariable("a", kind: .binary)
        let b = model.addVariable("b", kind: .binary)
        model.addConstraint(3 * a + 4 * b <= 5, name: "weight")
        model.maximize(5 * a + 6 * b)
        let result = try model.solve(options: SolverOptions(timeLimit: .seconds(5)))
        #expect(result.termination == .optimal)
        #expect(result.solution?.objectiveValue == 6.0)
    }

    @Test func optionsExample() {
        let options = SolverOptions(timeLimit: .seconds(30), relativeGap: 0.01)
        #expect(options.presolve == true)
    }

    @Test func returnCodeExample() {
        #expect(GLPKReturnCode.timeLimit.description == "GLP_ETMLIM (time limit exceeded)")
    }

    @Test func fileExamples() throws {
        let models = Fixtures.repositoryRoot.appendingPathComponent("Models")
        let model = try Model(
            contentsOf: models.appendingPathComponent("capacitated_p_median.mod"),
            data: models.appendingPathComponent("pmedcap1_01.dat"))
        #expect(model.variableCount == 2550)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quota-\(UUID().uuidString).lp")
        var quota = Model(name: "quota")
        let x = quota.addVariable("x", upperBound: 3)
        quota.maximize(LinearExpression(x))
        try quota.writeLP(to: url)
        #expect(FileManager.default.fileExists(atPath: url.path))
        let report = SolveReport(result: try quota.solve(), model: quota)
        #expect(report.render(.json).contains("\"termination\": \"optimal\""))
    }

    @Test func solveRequestExample() throws {
        var request = SolveRequest(model: "model.lp")
        request.timeLimit = 30
        let options = try request.options()
        #expect(options.timeLimit == .seconds(30))
    }
}
