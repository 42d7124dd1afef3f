import Foundation
import LinearProgramming

/// Builds an ``Alignment`` (per-territory summaries and plan metrics) from an assignment.
///
/// An assignment entry of −1 puts its unit in no territory: it counts in no total, travel or move.
struct AlignmentReport {
    let problem: AlignmentProblem
    let centres: [Location]

    func alignment(
        assignment: [Int], objective _: Double, bound: Double, termination: Termination, seconds: Double
    ) -> Alignment {
        let m = centres.count, kCount = problem.measures.count
        let metric = problem.metric
        var totals = [[Double]](repeating: [Double](repeating: 0, count: kCount), count: m)
        var counts = [Int](repeating: 0, count: m)
        var travel = [Double](repeating: 0, count: m)
        var distanceSum = [Double](repeating: 0, count: m)
        var farthest = [(id: String?, distance: Double)](repeating: (nil, 0), count: m)
        var members = [[Int]](repeating: [], count: m)
        var moved = 0, withCurrent = 0, movedValue = 0.0, totalValue = 0.0, penaltyTotal = 0.0
        let budget = problem.disruption
        let valueIndex = budget.valueMeasure < kCount ? budget.valueMeasure : nil
        for (i, unit) in problem.units.enumerated() {
            let j = assignment[i]
            guard j >= 0 else { continue }  // in no territory (the current alignment's unassigned units)
            members[j].append(i)
            counts[j] += 1
            for k in 0..<kCount { totals[j][k] += unit.measures[k] }
            let d = metric.distance(unit.location, centres[j])
            let w = problem.compactnessMeasure.map { unit.measures[$0] } ?? 1
            travel[j] += w * d
            distanceSum[j] += d
            if d > farthest[j].distance || farthest[j].id == nil { farthest[j] = (unit.id, d) }
            if let current = unit.currentTerritory, !current.isEmpty {
                withCurrent += 1
                let value = valueIndex.map { unit.measures[$0] } ?? 1
                totalValue += value
                if current != problem.territories[j].id {
                    moved += 1
                    movedValue += value
                    penaltyTotal += budget.penaltyPerMovedValue * value
                }
            }
        }
        var maxDeviation: [String: Double] = [:]
        var summaries: [TerritorySummary] = []
        var allConnected = true
        let targetsByMeasure = (0..<kCount).map { problem.targets(measure: $0) }
        for j in 0..<m {
            var targets = [Double](), deviations = [Double]()
            for k in 0..<kCount {
                var target = targetsByMeasure[k][j]
                var deviation = target > 0 ? (totals[j][k] - target) / target : (totals[j][k] > 0 ? .infinity : 0)
                if let limit = problem.measures[k].limit, problem.measures[k].target == .upperLimit {
                    // one-sided: the target reported is the limit, the deviation only what exceeds it
                    target = limit
                    deviation = max(0, (totals[j][k] - limit) / limit)
                }
                targets.append(target)
                deviations.append(deviation)
                let name = problem.measures[k].name
                maxDeviation[name] = max(maxDeviation[name] ?? 0, abs(deviation))
            }
            let connected = problem.adjacency.map { ContiguityCheck.isConnected(members[j], in: $0) } ?? true
            allConnected = allConnected && connected
            summaries.append(
                TerritorySummary(
                    id: problem.territories[j].id, centre: centres[j], totals: totals[j], targets: targets,
                    deviations: deviations, unitCount: counts[j], weightedTravel: travel[j],
                    meanDistance: counts[j] > 0 ? distanceSum[j] / Double(counts[j]) : 0,
                    farthestUnit: farthest[j].id, farthestDistance: farthest[j].distance,
                    diameter: TerritoryDiameter.of(members[j].map { problem.units[$0].location }, metric: metric),
                    connected: connected))
        }
        let objective = travel.reduce(0, +) + penaltyTotal
        let safeBound = min(bound, objective)
        let gap = objective > 0 ? max(0, (objective - safeBound) / objective) : 0
        return Alignment(
            territoryIDs: problem.territories.map(\.id), assignment: assignment, territories: summaries,
            objective: objective, bound: safeBound, gap: gap, termination: termination, seconds: seconds,
            maxDeviation: maxDeviation, movedUnits: moved,
            movedShare: withCurrent > 0 ? Double(moved) / Double(withCurrent) : 0,
            movedValueShare: totalValue > 0 ? movedValue / totalValue : 0, connected: allConnected)
    }
}

extension AlignmentReport {
    /// The figures of today's alignment: each unit in its current territory, every territory at its
    /// given centre, measured against the same targets as a plan of `problem`.
    ///
    /// A unit without a current territory, or whose current territory is not one of the problem's,
    /// counts in none. `nil` when no unit has a current territory of the problem.
    static func current(of problem: AlignmentProblem) -> CurrentAlignment? {
        var index = [String: Int]()
        for (j, territory) in problem.territories.enumerated() { index[territory.id] = j }
        let assignment = problem.units.map { unit in unit.currentTerritory.flatMap { index[$0] } ?? -1 }
        let assigned = assignment.count { $0 >= 0 }
        guard assigned > 0 else { return nil }
        let report = AlignmentReport(problem: problem, centres: problem.territories.map(\.centre))
        let a = report.alignment(assignment: assignment, objective: 0, bound: 0, termination: .optimal, seconds: 0)
        return CurrentAlignment(
            territories: a.territories, maxDeviation: a.maxDeviation,
            weightedTravel: a.territories.reduce(0) { $0 + $1.weightedTravel }, connected: a.connected,
            maxDiameter: a.maxDiameter, assignedUnits: assigned, unassignedUnits: assignment.count - assigned)
    }
}
