import LinearProgramming
import Testing

@Suite struct LinearExpressionTests {
    @Test func addingTheSameVariableMergesCoefficients() {
        var model = Model(name: "m")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let e = 2 * x + y + 3 * x - 1
        #expect(e.terms.count == 2)
        #expect(e.terms[x] == 5)
        #expect(e.terms[y] == 1)
        #expect(e.constant == -1)
    }

    @Test func descriptionPrintsJuMPStyleWithModelNames() {
        var model = Model(name: "m")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        #expect(model.describe(3 * x + y + 4) == "3 x + y + 4")
        #expect(model.describe(-x - 2.5 * y - 1) == "-x - 2.5 y - 1")
        #expect(model.describe(LinearExpression()) == "0")
    }

    @Test func operatorsScaleDivideAndNegate() {
        var model = Model(name: "m")
        let x = model.addVariable("x")
        var e = (4 * x + 2) / 2
        #expect(e.terms[x] == 2 && e.constant == 1)
        e += x
        e -= 3
        #expect(e.terms[x] == 3 && e.constant == -2)
        let n = -e
        #expect(n.terms[x] == -3 && n.constant == 2)
        #expect((x * 2.0).terms[x] == 2)
        #expect((1 - x).constant == 1 && (1 - x).terms[x] == -1)
    }

    @Test func constraintsFoldTheConstantIntoTheBounds() {
        var model = Model(name: "m")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let le = x + 2 <= 5
        #expect(le.upperBound == 3 && le.lowerBound == -.infinity)
        let ge = x + y >= 2 * y + 1
        #expect(ge.lowerBound == 1 && ge.expression.terms[y] == -1 && ge.expression.constant == 0)
        let eq = x - y == 0
        #expect(eq.lowerBound == 0 && eq.upperBound == 0)
        let range = LinearConstraint.range(1, x + 2, 5)
        #expect(range.lowerBound == -1 && range.upperBound == 3)
    }

    @Test func sumBuilderKeepsInsertionOrder() {
        var model = Model(name: "m")
        let x = (0..<3).map { model.addVariable("x[\($0)]") }
        let total = LinearExpression.sum(0..<3) { i in Double(i + 1) * x[i] }
        #expect(model.describe(total) == "x[0] + 2 x[1] + 3 x[2]")
        #expect(total.evaluate([1, 1, 1]) == 6)
    }
}
