/// Changes the territory count: *grow* opens a territory inside the territory with the highest
/// workload (at the member that best splits it), *peel* closes the territory with the lowest
/// workload; its accounts become unassigned (and free to move without counting against the
/// disruption budget).
///
/// Loads come from the current alignment, or nearest centres where none.
///
/// ```swift
/// let change = try PeelAndGrow(workloadMeasure: 1).apply(to: problem, add: 2, remove: 0)
/// change.opened   // ["NEW-1", "NEW-2"]
/// ```
public struct PeelAndGrow: Sendable {
    /// The measure index whose totals decide where to open and what to close.
    public var workloadMeasure: Int

    public init(workloadMeasure: Int) { self.workloadMeasure = workloadMeasure }

    /// The result: the changed problem and the ids opened and closed.
    public struct Change: Sendable {
        public var problem: AlignmentProblem
        public var opened: [String]
        public var closed: [String]
    }

    /// Opens `add` and closes `remove` territories, one at a time.
    ///
    /// - Throws: ``TerritoryError/invalidProblem(_:)`` when closing would leave no territory.
    public func apply(to original: AlignmentProblem, add: Int, remove: Int) throws -> Change {
        guard add >= 0, remove >= 0 else { throw TerritoryError.invalidProblem("add and remove must be ≥ 0") }
        guard remove < original.territories.count + add else {
            throw TerritoryError.invalidProblem(
                "removing \(remove) of \(original.territories.count + add) territories leaves none")
        }
        guard (0..<original.measures.count).contains(workloadMeasure) else {
            throw TerritoryError.invalidProblem("workload measure index \(workloadMeasure) is not a measure")
        }
        var problem = original
        var opened: [String] = [], closed: [String] = []
        for step in 1...max(add, 1) where add > 0 {
            var members = membership(problem)
            let loads = members.map { $0.reduce(0) { $0 + problem.units[$1].measures[workloadMeasure] } }
            guard
                let heaviest = loads.indices.max(by: {
                    (loads[$0], problem.territories[$1].id) < (loads[$1], problem.territories[$0].id)
                })
            else { break }
            let centre = bestSplit(problem, members: members[heaviest], centre: problem.territories[heaviest].centre)
            var id = "NEW-\(step)"
            while problem.territories.contains(where: { $0.id == id }) { id += "b" }
            problem.territories.append(TerritorySpec(id: id, centre: centre, capacity: 1))
            members.append([])
            opened.append(id)
        }
        for _ in 0..<remove {
            let members = membership(problem)
            let loads = members.map { $0.reduce(0) { $0 + problem.units[$1].measures[workloadMeasure] } }
            // A territory opened in this change is never closed by it (that would undo the grow).
            let candidates = problem.territories.indices.filter { j in
                !opened.contains(problem.territories[j].id)
                    && !problem.units.contains { $0.locked && $0.currentTerritory == problem.territories[j].id }
            }
            guard
                let weakest = candidates.min(by: {
                    (loads[$0], problem.territories[$0].id) < (loads[$1], problem.territories[$1].id)
                })
            else {
                throw TerritoryError.invalidProblem("every territory holds locked accounts; none can be closed")
            }
            let id = problem.territories[weakest].id
            problem.territories.remove(at: weakest)
            for i in problem.units.indices where problem.units[i].currentTerritory == id {
                problem.units[i].currentTerritory = nil
            }
            closed.append(id)
        }
        if case .choose(let count) = problem.centrePolicy, count > problem.territories.count {
            problem.centrePolicy = .choose(count: problem.territories.count)
        }
        return Change(problem: problem, opened: opened, closed: closed)
    }

    private func membership(_ problem: AlignmentProblem) -> [[Int]] {
        var index: [String: Int] = [:]
        for (j, t) in problem.territories.enumerated() { index[t.id] = j }
        var members = [[Int]](repeating: [], count: problem.territories.count)
        for (i, unit) in problem.units.enumerated() {
            if let current = unit.currentTerritory, let j = index[current] {
                members[j].append(i)
            } else {
                var best = 0, bestDistance = Double.infinity
                for (j, t) in problem.territories.enumerated() {
                    let d = problem.metric.distance(unit.location, t.centre)
                    if d < bestDistance { bestDistance = d; best = j }
                }
                members[best].append(i)
            }
        }
        return members
    }

    /// The member location that, as a second centre, most lowers the territory's workload-weighted travel.
    private func bestSplit(_ problem: AlignmentProblem, members: [Int], centre: Location) -> Location {
        guard !members.isEmpty else { return centre }
        let w = members.map { problem.units[$0].measures[workloadMeasure] + 1e-9 }
        let d0 = members.map { problem.metric.distance(problem.units[$0].location, centre) }
        let step = max(1, members.count / 300)
        var best = problem.units[members[0]].location, bestGain = -1.0
        for s in stride(from: 0, to: members.count, by: step) {
            let candidate = problem.units[members[s]].location
            var gain = 0.0
            for (t, i) in members.enumerated() {
                gain += w[t] * max(0, d0[t] - problem.metric.distance(problem.units[i].location, candidate))
            }
            if gain > bestGain { bestGain = gain; best = candidate }
        }
        return best
    }
}
