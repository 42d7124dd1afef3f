import TerritoryDesign

extension PMedianProblem {
    /// The exact engine's view of an ``AlignmentProblem`` whose centres are chosen among units
    /// (``CentrePolicy/choose(count:)`` with one candidate territory per unit, matched by id, as
    /// `Benchmarks/TerritoryDesign/convert_instances.py` writes them): costs are the problem's metric distances (times the
    /// compactness measure when set), each balance measure becomes a ±τ band around the mean
    /// territory total, and an adjacency makes every territory contiguous.
    ///
    /// ```swift
    /// let units = [(0.0, 0.0), (1.0, 0.0), (5.0, 0.0), (6.0, 0.0)].enumerated().map { k, p in
    ///     AlignmentUnit(id: "U\(k)", location: .planar(x: p.0, y: p.1), measures: [1])
    /// }
    /// let candidates = units.map { TerritorySpec(id: $0.id, centre: $0.location) }
    /// let alignment = AlignmentProblem(
    ///     units: units, territories: candidates, measures: [BalanceMeasure(name: "accounts", tolerance: 0)],
    ///     metric: .euclidean, centrePolicy: .choose(count: 2))
    /// let report = try ExactPMedianSolver().solve(PMedianProblem(alignment))
    /// report.solution?.objective   // 2.0
    /// ```
    ///
    /// - Throws: ``TerritoryError/invalidProblem(_:)`` for what the exact engine does not model:
    ///   another centre policy, candidates that are not exactly the units, locked units, a disruption budget, or per-territory targets; and
    ///   whatever ``AlignmentProblem/validate()`` throws.
    public init(_ alignment: AlignmentProblem) throws {
        try alignment.validate()
        guard case .choose(let count) = alignment.centrePolicy else {
            throw TerritoryError.invalidProblem(
                "the exact p-median engine chooses centres among units; centre policy \(alignment.centrePolicy) "
                    + "is not supported (use .choose(count:))")
        }
        let unitIDs = Set(alignment.units.map(\.id))
        let candidateIDs = Set(alignment.territories.map(\.id))
        guard unitIDs == candidateIDs else {
            let missing = unitIDs.subtracting(candidateIDs).sorted().prefix(3)
            let extra = candidateIDs.subtracting(unitIDs).sorted().prefix(3)
            throw TerritoryError.invalidProblem(
                "the exact p-median engine needs every unit as a candidate centre (same ids); units without a "
                    + "candidate: \(Array(missing)), candidates that are not units: \(Array(extra))")
        }
        if let locked = alignment.units.first(where: \.locked) {
            throw TerritoryError.invalidProblem("the exact p-median engine has no locks (unit \(locked.id) is locked)")
        }
        guard !alignment.disruption.isActive else {
            throw TerritoryError.invalidProblem("the exact p-median engine has no disruption budget")
        }
        let n = alignment.units.count
        var costs = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            let weight = alignment.compactnessMeasure.map { alignment.units[i].measures[$0] } ?? 1
            for j in 0..<n {
                costs[i * n + j] =
                    weight
                    * alignment.metric.distance(
                        alignment.units[i].location, alignment.units[j].location)
            }
        }
        let measures = try alignment.measures.enumerated().map { k, measure in
            if measure.target == .upperLimit, let limit = measure.limit {
                return Measure(
                    name: measure.name, values: alignment.units.map { $0.measures[k] }, lower: 0, upper: limit)
            }
            guard measure.target == .equal else {
                throw TerritoryError.invalidProblem(
                    "measure \(measure.name): chosen centres have no per-territory targets; use equal targets")
            }
            return Measure.balanced(
                name: measure.name, values: alignment.units.map { $0.measures[k] }, territories: count,
                tolerance: measure.tolerance)
        }
        var graph: AdjacencyGraph?
        if let adjacency = alignment.adjacency {
            var edges: [(Int, Int)] = []
            for (u, list) in adjacency.neighbours.enumerated() { for v in list where u < v { edges.append((u, v)) } }
            graph = try AdjacencyGraph(vertexCount: n, edges: edges)
        }
        try self.init(
            unitCount: n, costs: costs, centreCount: count, measures: measures, adjacency: graph,
            requiresContiguity: graph != nil, centreServesItself: true)
    }
}
