/// A p-median style territory problem with centres chosen among candidate units.
///
/// Every unit `i` is assigned to exactly one open centre `j`; exactly `centreCount` centres
/// open. Assigning `i` to `j` costs `cost(i, j)`. Optional side constraints:
/// - **capacity**: `Σ_i demand[i]·x[i][j] ≤ capacity[j]` for every open centre;
/// - **balance**: for every measure `a`, `lower[a] ≤ Σ_i measure[a][i]·x[i][j] ≤ upper[a]` for every
///   open centre (a multi-measure ±τ band around the mean);
/// - **contiguity**: over ``adjacency``, every territory induces a connected subgraph and contains
///   its centre.
///
/// This is the exact engine's own representation; the public alignment types convert into it.
///
/// ```swift
/// let points = [(0.0, 0.0), (1.0, 0.0), (10.0, 0.0), (11.0, 0.0)]
/// let problem = try PMedianProblem.euclidean(points: points, centreCount: 2)
/// problem.cost(1, 0)     // 1.0
/// ```
public struct PMedianProblem: Sendable {
    /// A balanced measure: per-unit values and the band each open territory's total must lie in.
    public struct Measure: Sendable, Hashable {
        public var name: String
        public var values: [Double]
        public var lower: Double
        public var upper: Double

        public init(name: String, values: [Double], lower: Double, upper: Double) {
            self.name = name
            self.values = values
            self.lower = lower
            self.upper = upper
        }

        /// A band of ±`tolerance` around the mean territory total `Σ values / territories`.
        public static func balanced(
            name: String, values: [Double], territories: Int, tolerance: Double
        ) -> Measure {
            let mean = values.reduce(0, +) / Double(max(territories, 1))
            return Measure(name: name, values: values, lower: (1 - tolerance) * mean, upper: (1 + tolerance) * mean)
        }
    }

    /// Number of units (also the number of candidate centres: centre `j` sits on unit `j`).
    public let unitCount: Int
    /// Row-major `unitCount × unitCount` costs: `costs[i * unitCount + j]` = cost of `i` served by `j`.
    public let costs: [Double]
    /// Number of centres to open (`p`).
    public let centreCount: Int
    /// Per-unit demand for the capacity rows, or `nil` when uncapacitated.
    public var demand: [Double]?
    /// Per-candidate capacity (same length as units), or `nil` when uncapacitated.
    public var capacity: [Double]?
    /// Balanced measures (may be empty).
    public var measures: [Measure]
    /// Adjacency over units; territories must be connected when ``requiresContiguity`` is true.
    public var adjacency: AdjacencyGraph?
    /// Whether every territory must be connected over ``adjacency``.
    public var requiresContiguity: Bool
    /// Whether an open centre must serve its own unit (`x[j][j] = y[j]`).
    ///
    /// Implied by contiguity.
    public var centreServesItself: Bool

    /// Creates a problem from a full cost matrix.
    ///
    /// - Throws: ``TerritoryError/invalidProblem(_:)`` when sizes disagree, a cost is not finite,
    ///   `centreCount` is outside `1...unitCount`, or a measure band is empty.
    public init(
        unitCount: Int, costs: [Double], centreCount: Int, demand: [Double]? = nil, capacity: [Double]? = nil,
        measures: [Measure] = [], adjacency: AdjacencyGraph? = nil, requiresContiguity: Bool = false,
        centreServesItself: Bool = false
    ) throws {
        guard unitCount > 0 else { throw TerritoryError.invalidProblem("no units") }
        guard costs.count == unitCount * unitCount else {
            throw TerritoryError.invalidProblem(
                "cost matrix has \(costs.count) entries, expected \(unitCount)×\(unitCount)")
        }
        if let bad = costs.firstIndex(where: { !$0.isFinite }) {
            throw TerritoryError.invalidProblem(
                "cost(\(bad / unitCount), \(bad % unitCount)) = \(costs[bad]) is not finite")
        }
        guard (1...unitCount).contains(centreCount) else {
            throw TerritoryError.invalidProblem("centre count \(centreCount) is outside 1...\(unitCount)")
        }
        guard (demand == nil) == (capacity == nil) else {
            throw TerritoryError.invalidProblem("demand and capacity must be given together")
        }
        for (label, vector) in [("demand", demand), ("capacity", capacity)] {
            guard let vector else { continue }
            guard vector.count == unitCount else {
                throw TerritoryError.invalidProblem("\(label) has \(vector.count) entries, expected \(unitCount)")
            }
            if let bad = vector.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw TerritoryError.invalidProblem(
                    "\(label)[\(bad)] = \(vector[bad]); expected a finite non-negative number")
            }
        }
        for measure in measures {
            guard measure.values.count == unitCount else {
                throw TerritoryError.invalidProblem(
                    "measure \(measure.name) has \(measure.values.count) values, expected \(unitCount)")
            }
            if let bad = measure.values.firstIndex(where: { !$0.isFinite }) {
                throw TerritoryError.invalidProblem(
                    "measure \(measure.name) value \(bad) = \(measure.values[bad]) is not finite")
            }
            guard measure.lower.isFinite, measure.upper.isFinite, measure.lower <= measure.upper else {
                throw TerritoryError.invalidProblem(
                    "measure \(measure.name) band [\(measure.lower), \(measure.upper)] is empty or not finite")
            }
        }
        if let adjacency, adjacency.vertexCount != unitCount {
            throw TerritoryError.invalidProblem(
                "adjacency graph has \(adjacency.vertexCount) vertices, expected \(unitCount)")
        }
        if requiresContiguity && adjacency == nil {
            throw TerritoryError.invalidProblem("contiguity requires an adjacency graph")
        }
        self.unitCount = unitCount
        self.costs = costs
        self.centreCount = centreCount
        self.demand = demand
        self.capacity = capacity
        self.measures = measures
        self.adjacency = adjacency
        self.requiresContiguity = requiresContiguity
        self.centreServesItself = centreServesItself || requiresContiguity
    }

    /// Cost of serving unit `i` from the centre on unit `j`.
    @inline(__always) public func cost(_ i: Int, _ j: Int) -> Double { costs[i * unitCount + j] }

    /// A problem whose costs are Euclidean distances between planar points, optionally floored.
    public static func euclidean(
        points: [(Double, Double)], centreCount: Int, floored: Bool = false, demand: [Double]? = nil,
        capacity: [Double]? = nil, measures: [Measure] = [], adjacency: AdjacencyGraph? = nil,
        requiresContiguity: Bool = false, centreServesItself: Bool = false
    ) throws -> PMedianProblem {
        let n = points.count
        var costs = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let dx = points[i].0 - points[j].0
                let dy = points[i].1 - points[j].1
                let d = (dx * dx + dy * dy).squareRoot()
                costs[i * n + j] = floored ? d.rounded(.down) : d
            }
        }
        return try PMedianProblem(
            unitCount: n, costs: costs, centreCount: centreCount, demand: demand, capacity: capacity,
            measures: measures, adjacency: adjacency, requiresContiguity: requiresContiguity,
            centreServesItself: centreServesItself)
    }

    /// Whether all costs are integers (then any objective is integral and bounds may be rounded up).
    public var hasIntegralCosts: Bool { costs.allSatisfy { $0 == $0.rounded() } }
}
