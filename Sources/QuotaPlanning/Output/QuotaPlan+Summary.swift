extension LevelSummary {
    /// One summary per level present in `assignments`.
    static func make(_ assignments: [QuotaAssignment]) -> [LevelSummary] {
        let byLevel = Dictionary(grouping: assignments, by: \.level)
        return byLevel.keys.sorted().map { level in
            let nodes = byLevel[level] ?? []
            let deviations = nodes.filter { $0.target > 0 && $0.role != .reserve }.map { abs($0.relativeDeviation) }
            return LevelSummary(
                level: level, nodes: nodes.count, totalQuota: nodes.reduce(0) { $0 + $1.quota },
                floorsBinding: nodes.count(where: \.floorBinding), capsBinding: nodes.count(where: \.capBinding),
                rampsBinding: nodes.count(where: \.rampBinding), overrides: nodes.count(where: \.overridden),
                held: nodes.count(where: \.heldByManager),
                meanRelativeDeviation: deviations.isEmpty ? 0 : deviations.reduce(0, +) / Double(deviations.count),
                maxRelativeDeviation: deviations.max() ?? 0)
        }
    }
}

extension FairnessReport {
    /// The attainment report over seats that have an expected-sales model and are not held.
    static func make(_ assignments: [QuotaAssignment], settings: FairnessSettings) -> FairnessReport {
        let seats = assignments.filter { $0.attainmentProbability != nil && !$0.heldByManager }
        let probabilities = seats.compactMap(\.attainmentProbability)
        let distributions = seats.map {
            SalesDistribution(
                mean: $0.expectedSales ?? 0, standardDeviation: $0.salesStandardDeviation ?? 0,
                family: settings.distribution)
        }
        let total = seats.reduce(0) { $0 + $1.quota }
        let equal = EqualProbabilityAllocation(distributions: distributions, pool: total)
        return FairnessReport(
            seats: seats.count,
            expectedShareAtOrAboveQuota: probabilities.isEmpty
                ? 0 : probabilities.reduce(0, +) / Double(probabilities.count),
            minimumProbability: probabilities.min() ?? 0, maximumProbability: probabilities.max() ?? 0,
            equalProbabilityLevel: seats.isEmpty ? 0 : equal.probability, planWideLevel: nil, seatsAtBound: 0,
            largestPoolGap: 0, warnBelow: settings.warnBelow)
    }
}
