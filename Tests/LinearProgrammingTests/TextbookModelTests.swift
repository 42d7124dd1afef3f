import LinearProgramming
import TestSupport
import Testing

@Suite struct TextbookModelTests {
    @Test(arguments: [SolverOptions.LPAlgorithm.primalSimplex, .dualSimplex, .interiorPoint])
    func styleGuideExampleReachesItsOptimum(algorithm: SolverOptions.LPAlgorithm) throws {
        var model = Model(name: "quota")
        let x = model.addVariable("x", upperBound: 3)
        let y = model.addVariable("y")
        model.addConstraint(x + 2 * y <= 4, name: "capacity")
        model.maximize(3 * x + y)
        let result = try model.solve(options: SolverOptions(lpAlgorithm: algorithm))
        let solution = try result.requireOptimal()
        #expect(isApproximatelyEqual(solution.value(of: x), 3, absolute: 1e-6))
        #expect(isApproximatelyEqual(solution.value(of: y), 0.5, absolute: 1e-6))
        #expect(isApproximatelyEqual(solution.objectiveValue, 9.5, absolute: 1e-6))
        #expect(result.relativeGap == 0)
    }

    /// Dantzig's / Wyndor Glass (Hillier & Lieberman): max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    ///
    /// Optimum x = 2, y = 6, z = 36; duals 0, 1.5, 1; reduced costs 0, 0.
    @Test func wyndorGlassHasItsKnownDuals() throws {
        var model = Model(name: "wyndor")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let plant1 = model.addConstraint(x <= 4, name: "plant1")
        let plant2 = model.addConstraint(2 * y <= 12, name: "plant2")
        let plant3 = model.addConstraint(3 * x + 2 * y <= 18, name: "plant3")
        model.maximize(3 * x + 5 * y)
        let solution = try model.solve(options: SolverOptions(presolve: false)).requireOptimal()
        #expect(isApproximatelyEqual(solution.objectiveValue, 36))
        #expect(isApproximatelyEqual(solution.value(of: x), 2) && isApproximatelyEqual(solution.value(of: y), 6))
        #expect(isApproximatelyEqual(solution.dual(of: plant1) ?? .nan, 0, absolute: 1e-9))
        #expect(isApproximatelyEqual(solution.dual(of: plant2) ?? .nan, 1.5))
        #expect(isApproximatelyEqual(solution.dual(of: plant3) ?? .nan, 1))
        #expect(isApproximatelyEqual(solution.activity(of: plant3), 18))
        #expect(isApproximatelyEqual(solution.reducedCost(of: x) ?? .nan, 0, absolute: 1e-9))
    }

    /// A minimization whose reduced costs are known: min 2a + 3b + 4c, a + b + c ≥ 10, a ≤ 6.
    ///
    /// Optimum a = 6, b = 4, c = 0, z = 24; dual of the cover row 3; reduced cost of c is 1, of a is -1.
    @Test func minimizationReportsReducedCosts() throws {
        var model = Model(name: "cover")
        let a = model.addVariable("a", upperBound: 6)
        let b = model.addVariable("b")
        let c = model.addVariable("c")
        let cover = model.addConstraint(a + b + c >= 10, name: "cover")
        model.minimize(2 * a + 3 * b + 4 * c)
        let solution = try model.solve().requireOptimal()
        #expect(isApproximatelyEqual(solution.objectiveValue, 24))
        #expect(isApproximatelyEqual(solution.dual(of: cover) ?? .nan, 3))
        #expect(isApproximatelyEqual(solution.reducedCost(of: c) ?? .nan, 1))
        #expect(isApproximatelyEqual(solution.reducedCost(of: a) ?? .nan, -1))
    }

    /// 0-1 knapsack: values 10, 13, 7, 8; weights 5, 7, 4, 3; capacity 14 → items 1, 3, 4 (value 25 + ...).
    @Test func knapsackMIPReachesTheEnumeratedOptimum() throws {
        let values: [Double] = [10, 13, 7, 8, 4, 9]
        let weights: [Double] = [5, 7, 4, 3, 2, 6]
        let capacity = 14.0
        var model = Model(name: "knapsack")
        let take = values.indices.map { model.addVariable("take[\($0)]", kind: .binary) }
        let weight = model.addConstraint(
            LinearExpression.sum(values.indices) { weights[$0] * take[$0] } <= capacity, name: "weight")
        model.maximize(LinearExpression.sum(values.indices) { values[$0] * take[$0] })
        let result = try model.solve()
        let solution = try result.requireOptimal()
        // Brute force over all subsets.
        var best = 0.0
        for mask in 0..<(1 << values.count) {
            let items = values.indices.filter { mask & (1 << $0) != 0 }
            if items.reduce(0, { $0 + weights[$1] }) <= capacity {
                best = max(best, items.reduce(0) { $0 + values[$1] })
            }
        }
        #expect(isApproximatelyEqual(solution.objectiveValue, best))
        #expect(result.bestBound.map { isApproximatelyEqual($0, best) } == true)
        #expect(result.relativeGap == 0)
        #expect(solution.dual(of: weight) == nil)
    }

    @Test func integerProgramWithGeneralIntegers() throws {
        // max x + y, 2x + 2y ≤ 7, x, y integer ≥ 0 → LP bound 3.5, integer optimum 3.
        var model = Model(name: "ip")
        let x = model.addVariable("x", kind: .integer)
        let y = model.addVariable("y", kind: .integer)
        model.addConstraint(2 * x + 2 * y <= 7, name: "c")
        model.maximize(x + y)
        let solution = try model.solve().requireOptimal()
        #expect(isApproximatelyEqual(solution.objectiveValue, 3))
        #expect(solution.values.allSatisfy { $0 == $0.rounded() })
    }

    @Test func bulkPathMatchesExpressionPath() throws {
        var bulk = Model(name: "bulk")
        let v = bulk.addVariables(
            names: ["x", "y"], lowerBounds: [0, 0], upperBounds: [3, .infinity], objective: [3, 1])
        bulk.addConstraint(name: "capacity", lowerBound: -.infinity, upperBound: 4, variables: v, coefficients: [1, 2])
        bulk.setSense(.maximize)
        let solution = try bulk.solve().requireOptimal()
        #expect(isApproximatelyEqual(solution.objectiveValue, 9.5))
        #expect(bulk.nonzeroCount == 2)
    }

    @Test func objectiveConstantIsIncluded() throws {
        var model = Model(name: "c")
        let x = model.addVariable("x", lowerBound: 1, upperBound: 2)
        model.minimize(x + 10)
        #expect(isApproximatelyEqual(try model.solve().requireOptimal().objectiveValue, 11))
    }
}
