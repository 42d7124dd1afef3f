import Foundation
import LinearProgramming
import TerritoryDesignSupport
import TestSupport
import Testing

@testable import TerritoryDesign

/// Small random instances solved by enumeration, to check bound ≤ optimum ≤ objective.
enum BruteForce {
    static func optimum(_ problem: AlignmentProblem) -> Double? {
        let n = problem.units.count, m = problem.territories.count, kCount = problem.measures.count
        let bounds = (0..<kCount).map { problem.bounds(measure: $0) }
        var best: Double?
        var assignment = [Int](repeating: 0, count: n)
        let total = Int(pow(Double(m), Double(n)))
        for code in 0..<total {
            var c = code
            for i in 0..<n { assignment[i] = c % m; c /= m }
            if problem.units.enumerated().contains(where: {
                $0.element.locked && problem.territories[assignment[$0.offset]].id != $0.element.currentTerritory
            }) {
                continue
            }
            var feasible = true
            for k in 0..<kCount where feasible {
                var loads = [Double](repeating: 0, count: m)
                for i in 0..<n { loads[assignment[i]] += problem.units[i].measures[k] }
                for j in 0..<m where loads[j] < bounds[k].lower[j] - 1e-9 || loads[j] > bounds[k].upper[j] + 1e-9 {
                    feasible = false
                }
            }
            if !feasible { continue }
            var cost = 0.0
            for i in 0..<n {
                let w = problem.compactnessMeasure.map { problem.units[i].measures[$0] } ?? 1
                cost +=
                    w * problem.metric.distance(problem.units[i].location, problem.territories[assignment[i]].centre)
            }
            if best.map({ cost < $0 }) ?? true { best = cost }
        }
        return best
    }

    static func randomProblem(seed: UInt64, units n: Int = 8, territories m: Int = 3, tolerance: Double = 0.25)
        -> AlignmentProblem
    {
        var rng = SplitMix64(seed: seed)
        func u() -> Double { Double(rng.next() >> 11) * 0x1.0p-53 }
        let units = (0..<n).map { i in
            AlignmentUnit(
                id: "u\(i)", location: .planar(x: u() * 100, y: u() * 100),
                measures: [1 + (u() * 9).rounded(), 1 + (u() * 4).rounded()])
        }
        let territories = (0..<m).map { j in TerritorySpec(id: "t\(j)", centre: .planar(x: u() * 100, y: u() * 100)) }
        return AlignmentProblem(
            units: units, territories: territories,
            measures: [
                BalanceMeasure(name: "potential", tolerance: tolerance), BalanceMeasure(name: "workload", tolerance: 1),
            ],
            metric: .euclidean, compactnessMeasure: 1)
    }
}

@Suite struct AlignmentSolverTests {
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func boundNeverExceedsTheEnumeratedOptimumAndObjectiveMatchesIt(seed: UInt64) async throws {
        let problem = BruteForce.randomProblem(seed: seed)
        let optimum = BruteForce.optimum(problem)
        let aligner = TerritoryAligner(options: AlignmentOptions(timeLimit: 5, seed: seed))
        guard let optimum else {
            await #expect(throws: TerritoryError.self) { try await aligner.align(problem) }
            return
        }
        let alignment = try await aligner.align(problem)
        #expect(alignment.bound <= optimum * (1 + 1e-6) + 1e-6)
        #expect(alignment.objective >= optimum * (1 - 1e-6) - 1e-6)
        #expect(alignment.objective <= optimum * 1.02 + 1e-6, "objective \(alignment.objective) vs optimum \(optimum)")
        for (name, deviation) in alignment.maxDeviation {
            let tolerance = problem.measures.first { $0.name == name }!.tolerance
            #expect(deviation <= tolerance + 1e-9)
        }
        if alignment.termination == .optimal && alignment.gap <= 1e-9 {
            #expect(isApproximatelyEqual(alignment.objective, optimum, relative: 1e-6))
        }
    }

    @Test func mediumInstanceIsBalancedWithinTwoPercentOfItsBound() async throws {
        let problem = SyntheticAlignment.make(units: 400, territories: 5, tolerance: 0.05, seed: 3)
        // The solver splits its time limit into phases; a limit of a day lets every phase end by
        // convergence, so a debug build starved by the parallel suite gets the same bound as an idle one
        // (900 s let a clock end the bound phase at a 3.2 % gap in a suite sharing 2 cores with two builds).
        let alignment = try await TerritoryAligner(options: AlignmentOptions(timeLimit: 86_400, seed: 1)).align(
            problem)
        #expect(alignment.maxDeviation.values.allSatisfy { $0 <= 0.05 + 1e-9 })
        #expect(alignment.gap < 0.02)
        #expect(alignment.bound <= alignment.objective)
    }

    @Test func sameSeedGivesIdenticalAlignment() async throws {
        let problem = SyntheticAlignment.make(units: 200, territories: 4, tolerance: 0.05, seed: 9)
        // a limit whose phase shares cannot bind, even in a starved parallel test run
        let options = AlignmentOptions(timeLimit: 3_600, seed: 5, workers: 2)
        let first = try await TerritoryAligner(options: options).align(problem)
        let second = try await TerritoryAligner(options: options).align(problem)
        try #require(
            first.termination != .feasible(limit: .time) && second.termination != .feasible(limit: .time),
            "a clock ended a phase")
        #expect(first.assignment == second.assignment)
        #expect(first.objective == second.objective)
        #expect(first.bound == second.bound)
    }
}
