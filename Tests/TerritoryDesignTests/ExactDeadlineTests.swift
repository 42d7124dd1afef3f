import Foundation
import SalesData
import TerritoryDesign
import TerritoryDesignExact
import Testing

/// The exact engine keeps its wall-clock limit on instances that would run far longer.
@Suite struct ExactDeadlineTests {
    /// A capacitated p-median on uniform points with integral demands (1…20) and capacities 15 %
    /// above the mean load: far too large to prove in seconds.
    static func largeInstance(units n: Int, medians p: Int, integral: Bool, seed: UInt64) throws -> PMedianProblem {
        var generator = SplitMixGenerator(seed: seed)
        let points = (0..<n).map { _ in
            (Double.random(in: 0..<1000, using: &generator), Double.random(in: 0..<1000, using: &generator))
        }
        let demand = (0..<n).map { _ in
            let value = Double(Int.random(in: 1...20, using: &generator))
            return integral ? value : value + 0.25
        }
        let capacity = (demand.reduce(0, +) / Double(p) * 1.15).rounded(.up)
        return try PMedianProblem.euclidean(
            points: points, centreCount: p, floored: integral, demand: demand,
            capacity: [Double](repeating: capacity, count: n))
    }

    /// Runs the solver with `limit` seconds; returns (wall seconds, report).
    static func timed(_ problem: PMedianProblem, limit: Double) throws -> (Double, ExactPMedianReport) {
        let clock = ContinuousClock()
        let start = clock.now
        let report = try ExactPMedianSolver(options: .init(timeLimit: .seconds(limit))).solve(problem)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (seconds, report)
    }

    /// Integral data: the Lagrangian heuristic, the centre-swap descent and the branch-and-bound.
    @Test func lagrangianPathStopsWithinTenPercentOfItsLimit() throws {
        let problem = try Self.largeInstance(units: 900, medians: 90, integral: true, seed: 11)
        let limit = 4.0
        let (wall, report) = try Self.timed(problem, limit: limit)
        #expect(wall <= limit * 1.1, "took \(wall) s for a \(limit) s limit")
        #expect(report.seconds <= limit * 1.1)
        #expect(report.termination != .optimal)
        if let solution = report.solution {
            #expect(problem.violations(of: solution.assignment).isEmpty)
            #expect(report.bound <= solution.objective + 1e-6)
        }
    }

    /// Fractional demands: location–allocation and swap descent, then the LP and GLPK.
    @Test func heuristicPathStopsWithinTenPercentOfItsLimit() throws {
        let problem = try Self.largeInstance(units: 700, medians: 70, integral: false, seed: 12)
        let limit = 4.0
        let (wall, report) = try Self.timed(problem, limit: limit)
        #expect(wall <= limit * 1.1, "took \(wall) s for a \(limit) s limit")
        #expect(report.termination != .optimal)
    }
}
