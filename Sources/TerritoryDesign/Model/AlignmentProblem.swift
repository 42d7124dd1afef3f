/// A territory alignment problem: assign every unit to exactly one territory so that every
/// balance measure is within tolerance of its target, the disruption budget holds, locked units
/// stay, territories are contiguous (when an adjacency is given), and weighted travel is minimal.
///
/// The objective is `Σ_i w_i · d(unit_i, centre_{t(i)}) + penalty · (value moved)`, where `w_i` is
/// the unit's value of ``compactnessMeasure`` (or 1 when `nil`) and `d` the ``metric``.
///
/// ```swift
/// let problem = AlignmentProblem(
///     units: [
///         AlignmentUnit(id: "a", location: .planar(x: 0, y: 0), measures: [1]),
///         AlignmentUnit(id: "b", location: .planar(x: 1, y: 0), measures: [1]),
///     ],
///     territories: [
///         TerritorySpec(id: "T1", centre: .planar(x: 0, y: 0)),
///         TerritorySpec(id: "T2", centre: .planar(x: 1, y: 0)),
///     ],
///     measures: [BalanceMeasure(name: "count", tolerance: 0)],
///     metric: .euclidean)
/// try problem.validate()
/// ```
public struct AlignmentProblem: Sendable, Hashable, Codable {
    /// The units to assign.
    public var units: [AlignmentUnit]
    /// The territories (or candidate centres under ``CentrePolicy/choose(count:)``).
    public var territories: [TerritorySpec]
    /// The balance measures; each unit carries one value per measure, in this order.
    public var measures: [BalanceMeasure]
    /// How travel is measured.
    public var metric: DistanceMetric
    /// Index of the measure that weights travel distance; `nil` weights every unit by 1.
    public var compactnessMeasure: Int?
    /// Limits on change relative to the current alignment.
    public var disruption: DisruptionBudget
    /// Optional contiguity graph over the units; every territory must be connected in it.
    public var adjacency: UnitAdjacency?
    /// What may happen to centres.
    public var centrePolicy: CentrePolicy

    /// Creates a problem.
    public init(
        units: [AlignmentUnit], territories: [TerritorySpec], measures: [BalanceMeasure],
        metric: DistanceMetric, compactnessMeasure: Int? = nil, disruption: DisruptionBudget = .unlimited,
        adjacency: UnitAdjacency? = nil, centrePolicy: CentrePolicy = .fixed
    ) {
        self.units = units
        self.territories = territories
        self.measures = measures
        self.metric = metric
        self.compactnessMeasure = compactnessMeasure
        self.disruption = disruption
        self.adjacency = adjacency
        self.centrePolicy = centrePolicy
    }

    /// The target of every territory for measure `k`, in territory order, from the measure's rule.
    ///
    /// - Precondition: `validate()` passed.
    public func targets(measure k: Int) -> [Double] {
        let total = units.reduce(0) { $0 + $1.measures[k] }
        switch measures[k].target {
        case .equal:
            return Array(repeating: total / Double(territories.count), count: territories.count)
        case .proportionalToCapacity:
            let capacity = territories.reduce(0) { $0 + $1.capacity }
            return territories.map { total * $0.capacity / capacity }
        case .given:
            return territories.map { $0.targets?[k] ?? 0 }
        case .upperLimit:
            return Array(repeating: (measures[k].limit ?? 0) / 2, count: territories.count)
        }
    }

    /// The problem with every unit whose id is a territory's id locked in that territory (see
    /// ``AlignmentOptions/centreServesItself``).
    ///
    /// - Throws: ``TerritoryError/invalidUnit(_:reason:)`` for such a unit whose current territory
    ///   is another one (holding it would count as a move the budget did not choose).
    public func holdingCentresOnThemselves() throws -> AlignmentProblem {
        let territoryIDs = Set(territories.map(\.id))
        var held = self
        for (i, unit) in units.enumerated() where territoryIDs.contains(unit.id) {
            if let current = unit.currentTerritory, !current.isEmpty, current != unit.id {
                throw TerritoryError.invalidUnit(
                    unit.id, reason: "serves its own centre \(unit.id) but is in territory \(current) today")
            }
            held.units[i].currentTerritory = unit.id
            held.units[i].locked = true
        }
        return held
    }

    /// Lower and upper bound of every territory for measure `k`: `(1 ∓ τ_k) · target`.
    public func bounds(measure k: Int) -> (lower: [Double], upper: [Double]) {
        let tolerance = measures[k].tolerance
        let target = targets(measure: k)
        return (target.map { $0 * (1 - tolerance) }, target.map { $0 * (1 + tolerance) })
    }
}
