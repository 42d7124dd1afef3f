import LinearProgramming

/// The elastic LP behind infeasibility explanations: with every movable unit split fractionally
/// (honouring locks and the disruption budget), the least extra tolerance `e_k ≥ 0` per measure
/// such that every territory lies within `(1 ± (τ_k + e_k)) · target`.
///
/// It minimizes `Σ_k e_k`; `τ_k + e_k` is then the smallest tolerance this relaxation can meet.
/// Instances with more than `fullLimit` unit-territory pairs are restricted to each unit's current
/// territory and its `restrictedWidth` nearest centres (then the figure can only be larger than the
/// full LP's).
struct ElasticBalanceLP {
    let problem: AlignmentProblem
    var fullLimit = 400_000
    var restrictedWidth = 16
    var timeLimit: Duration = .seconds(30)
    /// Largest number of assignment columns built; larger instances are not explained by LP.
    var columnLimit = 400_000

    /// Per measure index, the smallest tolerance the elastic LP meets; `[]` when the LP fails.
    func smallestTolerances() throws -> [(Int, Double)] {
        let n = problem.units.count, m = problem.territories.count, kCount = problem.measures.count
        var territoryIndex: [String: Int] = [:]
        for (j, territory) in problem.territories.enumerated() { territoryIndex[territory.id] = j }
        let full = n * m <= fullLimit
        if !full && n * min(m, restrictedWidth + 1) > columnLimit { return [] }
        var model = Model(name: "elastic-balance")
        let extra = model.addVariables(
            names: problem.measures.indices.map { "extraTolerance[\($0)]" },
            lowerBounds: Array(repeating: 0, count: kCount), upperBounds: Array(repeating: .infinity, count: kCount),
            objective: Array(repeating: 1, count: kCount))
        var rowVariables = [[Variable]](repeating: [], count: m * kCount)
        var rowCoefficients = [[Double]](repeating: [], count: m * kCount)
        var lockedLoad = [Double](repeating: 0, count: m * kCount)
        var stayVariables: [Variable] = [], stayValues: [Double] = []
        var movableWithCurrent = 0.0, movableValue = 0.0
        let budget = problem.disruption
        let valueIndex = budget.valueMeasure < kCount ? budget.valueMeasure : 0
        for (i, unit) in problem.units.enumerated() {
            let current = unit.currentTerritory.flatMap { territoryIndex[$0] }
            if unit.locked, let current {
                for k in 0..<kCount { lockedLoad[current * kCount + k] += unit.measures[k] }
                continue
            }
            var options: [Int]
            if full {
                options = Array(0..<m)
            } else {
                let distances = problem.territories.map { problem.metric.distance(unit.location, $0.centre) }
                options = Array((0..<m).sorted { (distances[$0], $0) < (distances[$1], $1) }.prefix(restrictedWidth))
                if let current, !options.contains(current) { options.append(current) }
            }
            let x = model.addVariables(
                names: options.map { "x[\(i),\($0)]" }, lowerBounds: Array(repeating: 0, count: options.count),
                upperBounds: Array(repeating: 1, count: options.count))
            model.addConstraint(
                name: "assign[\(i)]", lowerBound: 1, upperBound: 1, variables: x,
                coefficients: Array(repeating: 1, count: options.count))
            for (s, j) in options.enumerated() {
                for k in 0..<kCount where unit.measures[k] != 0 {
                    rowVariables[j * kCount + k].append(x[s])
                    rowCoefficients[j * kCount + k].append(unit.measures[k])
                }
                if j == current {
                    stayVariables.append(x[s])
                    stayValues.append(unit.measures[valueIndex])
                }
            }
            if current != nil {
                movableWithCurrent += 1
                movableValue += unit.measures[valueIndex]
            }
        }
        for k in 0..<kCount {
            let targets = problem.targets(measure: k)
            let tau = problem.measures[k].tolerance
            for j in 0..<m {
                let q = j * kCount + k
                let t = targets[j]
                model.addConstraint(
                    name: "upper[\(j),\(k)]", lowerBound: -.infinity, upperBound: t * (1 + tau) - lockedLoad[q],
                    variables: rowVariables[q] + [extra[k]], coefficients: rowCoefficients[q] + [-t])
                model.addConstraint(
                    name: "lower[\(j),\(k)]", lowerBound: t * (1 - tau) - lockedLoad[q], upperBound: .infinity,
                    variables: rowVariables[q] + [extra[k]], coefficients: rowCoefficients[q] + [t])
            }
        }
        let withCurrent = Double(problem.units.filter { ($0.currentTerritory ?? "").isEmpty == false }.count)
        if let share = budget.maxMovedAccountShare, !stayVariables.isEmpty {
            let allowed = (share * withCurrent).rounded(.down)
            model.addConstraint(
                name: "movedAccounts", lowerBound: movableWithCurrent - allowed, upperBound: .infinity,
                variables: stayVariables, coefficients: Array(repeating: 1, count: stayVariables.count))
        }
        if let share = budget.maxMovedValueShare, !stayVariables.isEmpty {
            let total = problem.units.filter { ($0.currentTerritory ?? "").isEmpty == false }
                .reduce(0) { $0 + $1.measures[valueIndex] }
            model.addConstraint(
                name: "movedValue", lowerBound: movableValue - share * total, upperBound: .infinity,
                variables: stayVariables, coefficients: stayValues)
        }
        let result = try model.solve(options: SolverOptions(timeLimit: timeLimit))
        guard result.termination == .optimal, let solution = result.solution else { return [] }
        return (0..<kCount).map { k in (k, problem.measures[k].tolerance + max(0, solution.value(of: extra[k]))) }
    }
}
