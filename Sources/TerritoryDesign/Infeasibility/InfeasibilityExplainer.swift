import Foundation

/// Explains why no alignment can meet the constraints, with amounts.
///
/// ```swift
/// let reasons = InfeasibilityExplainer(problem: problem).quickReasons()
/// for reason in reasons { print(reason) }   // "unit A-17 has potential 9e+06, more than …"
/// ```
public struct InfeasibilityExplainer: Sendable {
    /// The problem to explain.
    public let problem: AlignmentProblem

    /// Creates an explainer.
    public init(problem: AlignmentProblem) { self.problem = problem }

    /// Certain reasons found by counting, without optimization: a unit larger than every upper bound,
    /// locked value over a cap, a total outside the sum of bounds, an unmet locked minimum.
    public func quickReasons() -> [InfeasibilityReason] {
        var reasons: [InfeasibilityReason] = []
        let m = problem.territories.count
        var index: [String: Int] = [:]
        for (j, territory) in problem.territories.enumerated() { index[territory.id] = j }
        for (k, measure) in problem.measures.enumerated() {
            let (lower, upper) = problem.bounds(measure: k)
            let total = problem.units.reduce(0) { $0 + $1.measures[k] }
            let lowerSum = lower.reduce(0, +), upperSum = upper.reduce(0, +)
            if total > upperSum * (1 + 1e-12) || total < lowerSum * (1 - 1e-12) {
                reasons.append(
                    .totalOutsideBounds(measure: measure.name, total: total, lowerSum: lowerSum, upperSum: upperSum))
            }
            let largestUpper = upper.max() ?? 0
            for unit in problem.units where !unit.locked && unit.measures[k] > largestUpper * (1 + 1e-12) {
                reasons.append(
                    .unitExceedsUpperBound(
                        unit: unit.id, measure: measure.name, value: unit.measures[k], largestUpperBound: largestUpper))
            }
            var locked = [Double](repeating: 0, count: m)
            for unit in problem.units where unit.locked {
                if let current = unit.currentTerritory, let j = index[current] { locked[j] += unit.measures[k] }
            }
            for j in 0..<m where locked[j] > upper[j] * (1 + 1e-12) {
                reasons.append(
                    .lockedValueOverCap(
                        territory: problem.territories[j].id, measure: measure.name, locked: locked[j],
                        upperBound: upper[j]))
            }
        }
        return reasons
    }

    /// Reasons found by optimization: the smallest tolerance per measure that an elastic LP can meet,
    /// when it exceeds the requested one.
    ///
    /// Empty when the LP meets every tolerance or does not finish within `timeLimit`.
    public func elasticReasons(timeLimit: Duration = .seconds(30)) -> [InfeasibilityReason] {
        var lp = ElasticBalanceLP(problem: problem)
        lp.timeLimit = max(timeLimit, .milliseconds(100))
        return (try? lp.smallestTolerances())?.compactMap { entry in
            let (k, smallest) = entry
            let tolerance = problem.measures[k].tolerance
            return smallest > tolerance + 1e-9
                ? .toleranceTooTight(
                    measure: problem.measures[k].name, tolerance: tolerance, smallestFeasible: smallest)
                : nil
        } ?? []
    }
}
