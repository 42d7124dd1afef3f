import SalesData

/// What the cascade precomputes for every node before allocating: its seasonal pattern, its ramp
/// over the plan months, and the facts that decide its bounds.
struct SeatProfile: Sendable {
    /// Monthly shares of the node's historical sales (its own, else its nearest ancestor's, else even).
    var seasonal: [Double]
    /// Fraction of a full month's quota in each plan month (1 everywhere for a tenured rep or a unit).
    var rampByMonth: [Double]
    /// Seasonality-weighted share of the year the seat is productive: Σ seasonal × ramp.
    var capacity: Double
    /// A vacancy whose quota the manager carries.
    var held: Bool
    /// What growth floors and caps multiply; `nil` for units, vacancies and seats without a
    /// meaningful base (see ``GrowthBase``).
    var growthBase: GrowthBase?

    /// Monthly weights for splitting the annual quota: seasonality times ramp.
    var monthlyWeights: [Double] { zip(seasonal, rampByMonth).map { $0 * $1 } }

    static func profiles(for hierarchy: QuotaHierarchy, configuration: QuotaPlanConfiguration) -> [SeatProfile] {
        let nodes = hierarchy.nodes
        var seasonal = [[Double]](repeating: [], count: nodes.count)
        var profiles: [SeatProfile] = []
        profiles.reserveCapacity(nodes.count)
        let planStart = configuration.planStart
        let yearBefore = CalendarDate(year: planStart.year - 1, month: planStart.month, day: 1) ?? planStart
        for (i, node) in nodes.enumerated() {
            // Parents precede children in breadth-first order.
            if let history = node.monthlyHistory, history.reduce(0, +) > 0 {
                seasonal[i] = Seasonality.monthlyShares(history)
            } else if let parent = node.parent, let p = hierarchy.index(of: parent) {
                seasonal[i] = seasonal[p]
            } else {
                seasonal[i] = Seasonality.monthlyShares(nil)
            }
            let isLeaf = hierarchy.childIndices(of: i).isEmpty
            var start: CalendarDate? = nil
            var held = false
            if isLeaf {
                switch node.status {
                case .active:
                    start = node.hireDate
                case .vacant, .toBeHired:
                    if configuration.vacancyPolicy == .rampFromExpectedStart, let expected = node.expectedStart {
                        start = expected
                    } else {
                        held = true
                    }
                }
            }
            let ramp =
                start.map { configuration.ramp.monthlyFactors(start: $0, planStart: planStart) }
                ?? Array(repeating: 1, count: 12)
            let capacity = zip(seasonal[i], ramp).reduce(0) { $0 + $1.0 * $1.1 }
            let base =
                isLeaf && node.status == .active
                ? GrowthBase.of(node, planStart: planStart, yearBefore: yearBefore) : nil
            profiles.append(
                SeatProfile(seasonal: seasonal[i], rampByMonth: ramp, capacity: capacity, held: held, growthBase: base))
        }
        return profiles
    }
}
