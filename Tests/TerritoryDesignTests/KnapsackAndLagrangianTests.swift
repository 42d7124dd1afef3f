import TestSupport
import Testing

@testable import TerritoryDesign
@testable import TerritoryDesignExact

@Suite struct KnapsackAndLagrangianTests {
    /// Brute force over all subsets.
    private func bruteForce(_ values: [Double], _ weights: [Int], _ capacity: Int, forced: Int? = nil) -> Double {
        var best = Double.infinity
        for mask in 0..<(1 << values.count) {
            if let forced, mask & (1 << forced) == 0 { continue }
            var w = 0
            var v = 0.0
            for k in 0..<values.count where mask & (1 << k) != 0 {
                w += weights[k]
                v += values[k]
            }
            if w <= capacity { best = min(best, v) }
        }
        return best
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func knapsackMatchesBruteForce(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let count = 9
        let values = (0..<count).map { _ in Double(Int.random(in: -20...8, using: &generator)) }
        let weights = (0..<count).map { _ in Int.random(in: 1...9, using: &generator) }
        let capacity = Int.random(in: 5...25, using: &generator)
        let result = KnapsackDP.minimize(values: values, weights: weights, capacity: capacity)
        #expect(result.value == bruteForce(values, weights, capacity))
        let chosen = (0..<count).filter { result.taken[$0] }
        #expect(chosen.reduce(0) { $0 + weights[$1] } <= capacity)
        #expect(chosen.reduce(0.0) { $0 + values[$1] } == result.value)
        let forced = KnapsackDP.minimizeWithEachItemForced(values: values, weights: weights, capacity: capacity)
        for k in 0..<count {
            let expected = weights[k] <= capacity ? bruteForce(values, weights, capacity, forced: k) : .infinity
            #expect(forced[k] == expected, "item \(k)")
        }
    }

    @Test func lagrangianBoundIsBelowThePublishedOptimumAndAboveTrivial() throws {
        let instance = try ORLibCapacitatedPMedian.load(1)
        let problem = try instance.problem()
        var lagrangian = try #require(CapacitatedPMedianLagrangian(problem: problem))
        let root = CapacitatedPMedianLagrangian.Node(unitCount: problem.unitCount)
        let evaluation = lagrangian.optimize(
            node: root, upperBound: { instance.optimum }, cutoff: { instance.optimum - 1 + 1e-6 }, iterations: 300
        ) { _ in }
        #expect(evaluation.bound <= instance.optimum + 1e-6)
        #expect(evaluation.bound >= 0.97 * instance.optimum)
    }
}
