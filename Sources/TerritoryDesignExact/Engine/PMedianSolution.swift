import TerritoryDesign

/// An assignment of every unit to an open centre, with its objective.
///
/// ```swift
/// let problem = try PMedianProblem.euclidean(points: [(0, 0), (1, 0), (5, 0)], centreCount: 2)
/// let solution = PMedianSolution(problem: problem, assignment: [0, 0, 2])
/// solution.objective            // 1.0
/// solution.centres              // [0, 2]
/// problem.violations(of: solution.assignment).isEmpty   // true
/// ```
public struct PMedianSolution: Sendable, Hashable {
    /// `assignment[i]`: the unit index of the centre serving unit `i`.
    public let assignment: [Int]
    /// Open centres, ascending.
    public let centres: [Int]
    /// Total assignment cost.
    public let objective: Double

    /// Evaluates `assignment` on `problem` (the assignment is not checked; see ``PMedianProblem/violations(of:)``).
    public init(problem: PMedianProblem, assignment: [Int]) {
        self.assignment = assignment
        self.centres = Array(Set(assignment)).sorted()
        var total = 0.0
        for (i, j) in assignment.enumerated() { total += problem.cost(i, j) }
        self.objective = total
    }

    /// Units of each open centre: `members[c]` are the units served by `centres[c]`, ascending.
    public var members: [[Int]] {
        var index: [Int: Int] = [:]
        for (c, j) in centres.enumerated() { index[j] = c }
        var result = [[Int]](repeating: [], count: centres.count)
        for (i, j) in assignment.enumerated() {
            if let c = index[j] { result[c].append(i) }
        }
        return result
    }
}

extension PMedianProblem {
    /// Human-readable violations of the model's constraints by `assignment` (empty when feasible).
    ///
    /// Checks: one centre per unit, exactly ``centreCount`` open centres, capacities, every measure
    /// band (with a relative tolerance of `1e-9`), centres serving themselves, and contiguity.
    public func violations(of assignment: [Int]) -> [String] {
        var problems: [String] = []
        guard assignment.count == unitCount else {
            return ["assignment has \(assignment.count) entries, expected \(unitCount)"]
        }
        if let bad = assignment.firstIndex(where: { !(0..<unitCount).contains($0) }) {
            return ["unit \(bad) is assigned to \(assignment[bad]), not a unit index"]
        }
        let centres = Array(Set(assignment)).sorted()
        if centres.count != centreCount {
            problems.append("\(centres.count) centres open, expected \(centreCount)")
        }
        var members: [Int: [Int]] = [:]
        for (i, j) in assignment.enumerated() { members[j, default: []].append(i) }
        for j in centres {
            let units = members[j] ?? []
            if let demand, let capacity {
                let load = units.reduce(0.0) { $0 + demand[$1] }
                if load > capacity[j] * (1 + 1e-9) {
                    problems.append("centre \(j) serves demand \(load) over its capacity \(capacity[j])")
                }
            }
            for measure in measures {
                let total = units.reduce(0.0) { $0 + measure.values[$1] }
                let slack = 1e-9 * max(1, abs(measure.lower), abs(measure.upper))
                if total < measure.lower - slack || total > measure.upper + slack {
                    problems.append(
                        "centre \(j): \(measure.name) total \(total) outside [\(measure.lower), \(measure.upper)]")
                }
            }
            if centreServesItself && assignment[j] != j {
                problems.append("centre \(j) does not serve its own unit (assigned to \(assignment[j]))")
            }
            if requiresContiguity, let adjacency {
                let parts = adjacency.components(of: units).count
                if parts > 1 { problems.append("territory of centre \(j) has \(parts) connected components") }
            }
        }
        return problems
    }
}
