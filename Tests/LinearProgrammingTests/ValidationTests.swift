import LinearProgramming
import Testing

@Suite struct ValidationTests {
    @Test func invertedBoundsAreRejectedBeforeGLPK() {
        var model = Model(name: "bad")
        _ = model.addVariable("x", lowerBound: 2, upperBound: 1)
        #expect(throws: ModelError.invertedBounds(name: "x", lower: 2, upper: 1)) { try model.validate() }
    }

    @Test func nonFiniteCoefficientNamesRowAndVariable() {
        var model = Model(name: "bad")
        let x = model.addVariable("x")
        model.addConstraint(Double.nan * x <= 1, name: "row1")
        #expect(throws: ModelError.self) { try model.solve() }
        do {
            try model.validate()
        } catch let error as ModelError {
            guard case let .nonFiniteCoefficient(row, variable, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(row == "row1" && variable == "x")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func variableFromAnotherModelIsRejected() {
        var first = Model(name: "first")
        var second = Model(name: "second")
        let x = first.addVariable("x")
        _ = second.addVariable("y")
        second.addConstraint(x <= 1, name: "foreign")
        #expect(throws: ModelError.self) { try second.validate() }
    }

    @Test func duplicateAndInvalidNamesAreRejected() {
        var model = Model(name: "names")
        _ = model.addVariable("x")
        _ = model.addVariable("x")
        #expect(throws: ModelError.duplicateName("x", kind: "variable")) { try model.validate() }
        var long = Model(name: "long")
        _ = long.addVariable(String(repeating: "a", count: 256))
        #expect(throws: ModelError.self) { try long.validate() }
        var empty = Model(name: "empty")
        _ = empty.addVariable("")
        #expect(throws: ModelError.self) { try empty.validate() }
        var control = Model(name: "control")
        _ = control.addVariable("a\nb")
        #expect(throws: ModelError.self) { try control.validate() }
    }

    @Test func duplicateTermInBulkRowIsRejected() {
        var model = Model(name: "dup")
        let x = model.addVariable("x")
        model.addConstraint(name: "r", lowerBound: 0, upperBound: 1, variables: [x, x], coefficients: [1, 2])
        #expect(throws: ModelError.duplicateTerm(row: "r", variable: "x")) { try model.validate() }
    }

    @Test func nanBoundIsRejected() {
        var model = Model(name: "nan")
        _ = model.addVariable("x", lowerBound: .nan)
        #expect(throws: ModelError.self) { try model.validate() }
    }

    @Test func invalidOptionsAreRejected() {
        var model = Model(name: "opt")
        let x = model.addVariable("x", upperBound: 1)
        model.minimize(LinearExpression(x))
        #expect(throws: SolverError.self) { try model.solve(options: SolverOptions(relativeGap: -1)) }
        #expect(throws: SolverError.self) { try model.solve(options: SolverOptions(timeLimit: .seconds(-1))) }
    }
}
