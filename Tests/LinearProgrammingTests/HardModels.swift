import LinearProgramming
import TestSupport

/// Models shared by the conformance tests.
enum HardModels {
    /// A correlated multi-dimensional knapsack (Chu–Beasley style): quick root LP, long branch-and-bound.
    static func multiKnapsack(items: Int = 80, dimensions: Int = 5, seed: UInt64 = 7) -> (Model, [Variable]) {
        var generator = SplitMix64(seed: seed)
        var model = Model(name: "mkp")
        let take = (0..<items).map { model.addVariable("take[\($0)]", kind: .binary) }
        var weights: [[Double]] = []
        for d in 0..<dimensions {
            let row = (0..<items).map { _ in Double(Int.random(in: 1...1000, using: &generator)) }
            weights.append(row)
            model.addConstraint(
                name: "dim[\(d)]", lowerBound: -.infinity, upperBound: (row.reduce(0, +) / 2).rounded(.down),
                variables: take, coefficients: row)
        }
        var objective = LinearExpression()
        for j in 0..<items {
            let average = (0..<dimensions).reduce(0.0) { $0 + weights[$1][j] } / Double(dimensions)
            objective.add(average + Double(Int.random(in: 0...500, using: &generator)), take[j])
        }
        model.maximize(objective)
        return (model, take)
    }
}
