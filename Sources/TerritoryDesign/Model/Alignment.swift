import LinearProgramming

/// What an alignment's ``Alignment/bound`` bounds.
public enum BoundScope: String, Sendable, Hashable, Codable {
    /// Every alignment meeting the constraints, over every choice of centres the policy allows:
    /// a proven bound, and ``Alignment/gap`` is a proven gap.
    case allAlignments
    /// Only alignments to the returned centres (relocated, or placed by peel and grow): other
    /// centres may do better than the bound, so no gap is claimed.
    case givenCentres
}

/// One territory's figures in an alignment.
public struct TerritorySummary: Sendable, Hashable, Codable {
    /// The territory id.
    public var id: String
    /// The centre used (after relocation, when centres move).
    public var centre: Location
    /// Per-measure totals, in the problem's measure order.
    public var totals: [Double]
    /// Per-measure targets.
    public var targets: [Double]
    /// Per-measure relative deviation `(total − target) / target` (0 when the target is 0 and the total too).
    public var deviations: [Double]
    /// Number of units assigned.
    public var unitCount: Int
    /// Weighted travel from the units to the centre (the territory's share of the objective, without penalties).
    public var weightedTravel: Double
    /// Compactness: mean unweighted distance of the territory's units to its centre.
    public var meanDistance: Double
    /// Id of the unit farthest from the centre, and its distance (`nil` when empty).
    public var farthestUnit: String?
    /// Distance of ``farthestUnit``.
    public var farthestDistance: Double
    /// The farthest distance between two of the territory's units (0 with fewer than two).
    public var diameter: Double = 0
    /// Whether the territory is connected in the adjacency graph (`true` without a graph).
    public var connected: Bool
}

/// A solved alignment: where every unit goes, how good it is, and how sure we are.
///
/// ```swift
/// let alignment = try TerritoryAligner().align(problem)
/// print(alignment.objective, alignment.bound, alignment.gap, alignment.termination)
/// alignment.territoryID(ofUnit: 0)   // "T1"
/// ```
public struct Alignment: Sendable, Hashable, Codable {
    /// The territory ids, in index order (after peel-and-grow or centre choice, the open ones).
    public var territoryIDs: [String]
    /// `assignment[i]` is the index in ``territoryIDs`` of unit `i`'s territory.
    public var assignment: [Int]
    /// Per-territory figures, in ``territoryIDs`` order.
    public var territories: [TerritorySummary]
    /// Weighted travel plus disruption penalty.
    public var objective: Double
    /// A proven lower bound on the objective of any alignment meeting the constraints, over
    /// what ``boundScope`` says (with chosen centres: over every choice of centres).
    public var bound: Double
    /// What ``bound`` bounds: with ``BoundScope/givenCentres`` it holds for the returned centres only.
    public var boundScope: BoundScope = .allAlignments
    /// `(objective − bound) / objective`, 0 when both are 0.
    public var gap: Double
    /// Why the search stopped, in the shared vocabulary: `Termination.optimal` once the gap is
    /// within the requested one (see ``gap``); `feasible(time)` when the time limit (or the share of it
    /// a phase is given) stopped the search first, so the result depends on the machine's speed;
    /// `feasible(searchExhausted)` when the search ran out of improving moves or iterations and no
    /// clock ended any phase, so the same problem, seed and worker count give the same alignment.
    public var termination: Termination
    /// Wall-clock seconds.
    public var seconds: Double
    /// Per measure name, the largest relative deviation `|total − target| / target` over territories.
    public var maxDeviation: [String: Double]
    /// Units whose territory differs from their current one.
    public var movedUnits: Int
    /// ``movedUnits`` over the units that had a current territory.
    public var movedShare: Double
    /// Moved value (of the disruption value measure) over total value.
    public var movedValueShare: Double
    /// Whether every territory is connected (always `true` without an adjacency graph).
    public var connected: Bool
    /// The largest territory ``TerritorySummary/diameter``.
    public var maxDiameter: Double {
        territories.reduce(0) { max($0, $1.diameter) }
    }

    /// The territory id of unit `i`.
    public func territoryID(ofUnit i: Int) -> String { territoryIDs[assignment[i]] }
}

extension Alignment {
    /// Marks the bound as valid for the returned centres only: ``gap`` stays relative to it, but
    /// writers print no gap, and a proof of optimality for those centres is not one for the plan
    /// (`Termination.optimal` becomes `.feasible(limit: .searchExhausted)`).
    mutating func restrictBoundToGivenCentres() {
        boundScope = .givenCentres
        if termination == .optimal { termination = .feasible(limit: .searchExhausted) }
    }

    /// Replaces the bound by `value` (valid over all alignments), recomputing the gap and the
    /// termination it justifies: `Termination.optimal` when the gap is within `targetGap`, and a
    /// claimed optimum the new bound does not support becomes `.feasible(limit: .searchExhausted)`.
    mutating func replaceBound(with value: Double, targetGap: Double) {
        bound = min(value, objective)
        gap = objective > 0 ? max(0, (objective - bound) / objective) : 0
        boundScope = .allAlignments
        if gap <= max(targetGap, 1e-9) {
            termination = .optimal
        } else if termination == .optimal {
            termination = .feasible(limit: .searchExhausted)
        }
    }
}
