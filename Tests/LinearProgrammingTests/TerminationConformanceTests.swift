import LinearProgramming
import TestSupport
import Testing

/// One tiny model per ``Termination`` case, against real GLPK (MOI's `test_linear_INFEASIBLE` style).
@Suite struct TerminationConformanceTests {
    @Test(arguments: [true, false])
    func infeasibleLPReportsInfeasible(presolve: Bool) throws {
        var model = Model(name: "infeasible")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint(x + y >= 5, name: "atLeast")
        model.addConstraint(x + y <= 3, name: "atMost")
        model.minimize(x + y)
        let result = try model.solve(options: SolverOptions(presolve: presolve))
        #expect(result.termination == .infeasible)
        #expect(result.solution == nil)
        #expect(throws: SolveError.self) { try result.requireOptimal() }
    }

    @Test(arguments: [true, false])
    func unboundedLPReportsUnbounded(presolve: Bool) throws {
        var model = Model(name: "unbounded")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint(x - y <= 1, name: "c")
        model.maximize(x + y)
        let result = try model.solve(options: SolverOptions(presolve: presolve))
        #expect(result.termination == .unbounded)
        #expect(result.solution == nil)
    }

    @Test func infeasibleAndDualInfeasibleLPIsNotCalledUnbounded() throws {
        // max x + y with x - y ≥ 1 and x - y ≤ -1: primal infeasible, and the objective ray is unbounded.
        var model = Model(name: "both")
        let x = model.addVariable("x", lowerBound: -.infinity)
        let y = model.addVariable("y", lowerBound: -.infinity)
        model.addConstraint(x - y >= 1, name: "a")
        model.addConstraint(x - y <= -1, name: "b")
        model.maximize(x + y)
        let result = try model.solve()
        #expect(result.termination == .infeasible || result.termination == .infeasibleOrUnbounded)
    }

    @Test func interiorPointOnInfeasibleLPDoesNotClaimASolution() throws {
        var model = Model(name: "ipt-infeasible")
        let x = model.addVariable("x")
        model.addConstraint(x >= 5, name: "atLeast")
        model.addConstraint(x <= 3, name: "atMost")
        model.minimize(LinearExpression(x))
        let result = try model.solve(options: SolverOptions(lpAlgorithm: .interiorPoint))
        #expect(result.termination == .infeasibleOrUnbounded || result.termination == .infeasible)
        #expect(result.solution == nil)
    }

    @Test func infeasibleMIPReportsInfeasible() throws {
        // 2x + 2y = 3 has no integer solution, though its LP relaxation does.
        var model = Model(name: "parity")
        let x = model.addVariable("x", upperBound: 5, kind: .integer)
        let y = model.addVariable("y", upperBound: 5, kind: .integer)
        model.addConstraint(2 * x + 2 * y == 3, name: "odd")
        model.minimize(x + y)
        let result = try model.solve()
        #expect(result.termination == .infeasible)
    }

    @Test func mipWithInfeasibleRelaxationReportsInfeasible() throws {
        var model = Model(name: "mip-infeasible")
        let x = model.addVariable("x", kind: .integer)
        model.addConstraint(x >= 5, name: "atLeast")
        model.addConstraint(x <= 3, name: "atMost")
        model.minimize(LinearExpression(x))
        #expect(try model.solve().termination == .infeasible)
    }

    @Test func mipWithUnboundedRelaxationReportsInfeasibleOrUnbounded() throws {
        var model = Model(name: "mip-unbounded")
        let x = model.addVariable("x", kind: .integer)
        let y = model.addVariable("y")
        model.addConstraint(x - y <= 1, name: "c")
        model.maximize(x + y)
        let result = try model.solve()
        #expect(result.termination == .infeasibleOrUnbounded || result.termination == .unbounded)
        #expect(result.solution == nil)
    }

    @Test func iterationLimitedLPInPhaseOneHasNoSolution() throws {
        // The all-slack basis violates the cover row, so primal simplex starts in phase 1.
        var model = Model(name: "phase1")
        let x = (0..<6).map { model.addVariable("x[\($0)]", upperBound: 10) }
        model.addConstraint(LinearExpression.sum(x) { LinearExpression($0) } >= 25, name: "cover")
        model.addConstraint(x[0] + x[1] >= 12, name: "pair")
        model.minimize(LinearExpression.sum(x.indices) { Double($0 + 1) * x[$0] })
        let result = try model.solve(
            options: SolverOptions(lpAlgorithm: .primalSimplex, presolve: false, iterationLimit: 1))
        #expect(result.termination == .noSolutionFound(limit: .iterations))
        #expect(result.solution == nil)
    }

    @Test func iterationLimitedLPInPhaseTwoKeepsAFeasiblePoint() throws {
        // The all-slack basis is feasible (x = 0), so every primal simplex iterate is feasible.
        var model = Model(name: "phase2")
        let x = (0..<6).map { model.addVariable("x[\($0)]", upperBound: 10) }
        for k in 0..<5 {
            model.addConstraint(x[k] + x[k + 1] <= Double(7 + k), name: "pair[\(k)]")
        }
        model.maximize(LinearExpression.sum(x.indices) { Double($0 + 1) * x[$0] })
        let result = try model.solve(
            options: SolverOptions(lpAlgorithm: .primalSimplex, presolve: false, iterationLimit: 1))
        #expect(result.termination == .feasible(limit: .iterations))
        let solution = try #require(result.solution)
        for k in 0..<5 {
            #expect(solution.value(of: x[k]) + solution.value(of: x[k + 1]) <= Double(7 + k) + 1e-9)
        }
        #expect(result.bestBound == nil)
    }

    /// Jeroslow: Σ 2 x_j = n with n odd has no 0-1 solution, but plain branch-and-bound needs
    /// exponentially many nodes to prove it, so a limit stops it with nothing in hand.
    static func jeroslow(_ n: Int) -> Model {
        var model = Model(name: "jeroslow")
        let x = (0..<n).map { model.addVariable("x[\($0)]", kind: .binary) }
        model.addConstraint(LinearExpression.sum(x) { 2 * $0 } == Double(n), name: "odd")
        model.maximize(LinearExpression(x[0]))
        return model
    }

    @Test func timeLimitedMIPWithoutIncumbentReportsNoSolution() throws {
        let result = try Self.jeroslow(41).solve(options: SolverOptions(timeLimit: .milliseconds(200)))
        #expect(result.termination == .noSolutionFound(limit: .time))
        #expect(result.solution == nil)
    }

    @Test func nodeLimitedMIPWithoutIncumbentReportsNoSolution() throws {
        let result = try Self.jeroslow(41).solve(options: SolverOptions(nodeLimit: 10))
        #expect(result.termination == .noSolutionFound(limit: .nodes))
        #expect(result.nodes >= 10)
    }

    @Test func timeLimitedMIPKeepsIncumbent() throws {
        let (model, take) = HardModels.multiKnapsack()
        let start = Dictionary(uniqueKeysWithValues: take.map { ($0, 0.0) })  // all-zero is feasible
        let result = try model.solve(options: SolverOptions(timeLimit: .milliseconds(300), initialSolution: start))
        #expect(result.termination == .feasible(limit: .time))
        let solution = try #require(result.solution)
        let bound = try #require(result.bestBound)
        #expect(bound >= solution.objectiveValue - 1e-6)  // maximization: the bound is above
        let gap = try #require(result.relativeGap)
        #expect(gap > 0)
        #expect(isApproximatelyEqual(gap, abs(solution.objectiveValue - bound) / abs(solution.objectiveValue)))
        #expect(result.nodes > 0)
        #expect(throws: SolveError.self) { try result.requireOptimal() }
    }

    @Test func nodeLimitedMIPStopsAtTheLimit() throws {
        let (model, take) = HardModels.multiKnapsack()
        let start = Dictionary(uniqueKeysWithValues: take.map { ($0, 0.0) })
        let result = try model.solve(options: SolverOptions(nodeLimit: 20, initialSolution: start))
        #expect(result.termination == .feasible(limit: .nodes))
        #expect(result.nodes >= 20 && result.nodes < 40)
        #expect(result.bestBound.map { $0 >= (result.solution?.objectiveValue ?? .infinity) - 1e-6 } == true)
    }

    @Test func cancelledTaskInterruptsTheSearch() async throws {
        let (model, _) = HardModels.multiKnapsack()
        let result = try await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try model.solve()
        }.value
        switch result.termination {
        case .feasible(limit: .interrupted), .noSolutionFound(limit: .interrupted): break
        default: Issue.record("expected an interrupted termination, got \(result.termination)")
        }
    }

    @Test func initialSolutionIsUsedAsIncumbent() throws {
        // A 300-node search finds a good incumbent; offered back with a one-node limit, the root
        // alone must hold at least its value (GLPK's own root heuristics rarely get close on this MKP).
        let (model, take) = HardModels.multiKnapsack()
        let first = try model.solve(options: SolverOptions(nodeLimit: 300))
        let incumbent = try #require(first.solution)
        let start = Dictionary(uniqueKeysWithValues: take.map { ($0, incumbent.value(of: $0)) })
        let result = try model.solve(options: SolverOptions(nodeLimit: 1, initialSolution: start))
        let solution = try #require(result.solution)
        #expect(solution.objectiveValue >= incumbent.objectiveValue - 1e-6)
        let rootOnly = try model.solve(options: SolverOptions(nodeLimit: 1))
        if let own = rootOnly.solution?.objectiveValue, own >= incumbent.objectiveValue {
            Issue.record("GLPK matched the incumbent without help; pick a harder instance for this test")
        }
    }

    @Test func gapToleranceStopsWithinTheGap() throws {
        let (model, _) = HardModels.multiKnapsack(items: 40, dimensions: 3, seed: 11)
        let result = try model.solve(options: SolverOptions(relativeGap: 0.05))
        #expect(result.termination == .optimal)
        let gap = try #require(result.relativeGap)
        #expect(gap <= 0.05 + 1e-9)
    }

    static func relaxation(of model: Model) -> Model {
        var relaxed = Model(name: model.name + "-lp")
        let columns = relaxed.addVariables(
            names: model.variables.map { model.name(of: $0) },
            lowerBounds: model.variables.map { model.bounds(of: $0)?.lowerBound ?? 0 },
            upperBounds: model.variables.map { _ in 1 },
            objective: model.variables.map { model.objectiveCoefficient(of: $0) })
        for c in model.constraints {
            let row = model.constraint(c)
            relaxed.addConstraint(
                name: model.name(of: c), lowerBound: row.lowerBound, upperBound: row.upperBound,
                variables: row.expression.terms.keys.map { columns[$0.index] },
                coefficients: Array(row.expression.terms.values))
        }
        relaxed.setSense(model.sense)
        return relaxed
    }
}
