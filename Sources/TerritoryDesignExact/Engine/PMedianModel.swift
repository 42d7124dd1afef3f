import LinearProgramming
import TerritoryDesign

/// The MIP of a ``PMedianProblem`` over the variables that survived fixing.
///
/// Variables: `open[j]` (binary, centre `j` opens) and `assign[i,j]` (binary, unit `i` served by
/// `j`) for every allowed pair. When centres serve themselves, `assign[j,j]` is `open[j]` itself.
/// Rows: one assignment row per unit, `Σ open = p`, linking `assign[i,j] ≤ open[j]`, capacity
/// `Σ q_i assign[i,j] ≤ Q_j open[j]`, and per measure `L·open[j] ≤ Σ w_i assign[i,j] ≤ U·open[j]`.
/// Contiguity separators are added by ``addSeparator(centre:component:)``.
struct PMedianModel {
    let problem: PMedianProblem
    private(set) var model: Model
    /// `open[j]`, or `nil` when centre `j` was fixed closed.
    private(set) var open: [Variable?]
    /// `assign[i*n+j]`, or `nil` when the pair was fixed to 0 (or is the centre's own `open`).
    private(set) var assign: [Variable?]
    private(set) var separatorCount = 0

    /// - Parameters:
    ///   - problem: The instance.
    ///   - closed: Centres fixed closed.
    ///   - forcedOpen: Centres fixed open.
    ///   - forbidden: `n×n` mask of pairs fixed to 0.
    ///   - relaxed: Build the LP relaxation (continuous variables in `[0, 1]`).
    init(problem: PMedianProblem, closed: [Bool], forcedOpen: [Bool], forbidden: [Bool], relaxed: Bool) {
        self.problem = problem
        let n = problem.unitCount
        let kind: VariableKind = relaxed ? .continuous : .binary
        var model = Model(name: "territory_alignment")
        let selfServed = problem.centreServesItself
        // Centres.
        let centreIndices = (0..<n).filter { !closed[$0] }
        // GLPK rejects adding zero columns, so empty families are skipped.
        let centreVariables =
            centreIndices.isEmpty
            ? []
            : model.addVariables(
                names: centreIndices.map { "open[\($0)]" },
                lowerBounds: centreIndices.map { forcedOpen[$0] ? 1 : 0 },
                upperBounds: centreIndices.map { _ in 1 }, kind: kind,
                objective: centreIndices.map { selfServed ? problem.cost($0, $0) : 0 })
        var open = [Variable?](repeating: nil, count: n)
        for (k, j) in centreIndices.enumerated() { open[j] = centreVariables[k] }
        // Assignments.
        var pairs: [(Int, Int)] = []
        for i in 0..<n {
            for j in 0..<n where !closed[j] && !forbidden[i * n + j] && !(selfServed && i == j) {
                pairs.append((i, j))
            }
        }
        let pairVariables =
            pairs.isEmpty
            ? []
            : model.addVariables(
                names: pairs.map { "assign[\($0.0),\($0.1)]" }, lowerBounds: pairs.map { _ in 0 },
                upperBounds: pairs.map { _ in 1 }, kind: kind, objective: pairs.map { problem.cost($0.0, $0.1) })
        var assign = [Variable?](repeating: nil, count: n * n)
        for (k, pair) in pairs.enumerated() { assign[pair.0 * n + pair.1] = pairVariables[k] }
        /// The variable meaning "unit i is served by j" (the centre itself when self-served).
        func served(_ i: Int, _ j: Int) -> Variable? { selfServed && i == j ? open[j] : assign[i * n + j] }
        // Assignment rows.
        for i in 0..<n {
            let vars = (0..<n).compactMap { served(i, $0) }
            model.addConstraint(
                name: "assign_once[\(i)]", lowerBound: 1, upperBound: 1, variables: vars,
                coefficients: vars.map { _ in 1 })
        }
        model.addConstraint(
            name: "centres", lowerBound: Double(problem.centreCount), upperBound: Double(problem.centreCount),
            variables: centreVariables, coefficients: centreVariables.map { _ in 1 })
        for j in centreIndices {
            guard let y = open[j] else { continue }
            for i in 0..<n where !(selfServed && i == j) {
                guard let x = assign[i * n + j] else { continue }
                model.addConstraint(
                    name: "link[\(i),\(j)]", lowerBound: -.infinity, upperBound: 0, variables: [x, y],
                    coefficients: [1, -1])
            }
            let members = (0..<n).filter { !(selfServed && $0 == j) && assign[$0 * n + j] != nil }
            let memberVariables = members.compactMap { assign[$0 * n + j] }
            if let demand = problem.demand, let capacity = problem.capacity {
                let own = selfServed ? demand[j] : 0
                model.addConstraint(
                    name: "capacity[\(j)]", lowerBound: -.infinity, upperBound: 0, variables: memberVariables + [y],
                    coefficients: members.map { demand[$0] } + [own - capacity[j]])
            }
            for (a, measure) in problem.measures.enumerated() {
                let own = selfServed ? measure.values[j] : 0
                let coefficients = members.map { measure.values[$0] }
                model.addConstraint(
                    name: "balance_low[\(a),\(j)]", lowerBound: 0, upperBound: .infinity,
                    variables: memberVariables + [y], coefficients: coefficients + [own - measure.lower])
                model.addConstraint(
                    name: "balance_high[\(a),\(j)]", lowerBound: -.infinity, upperBound: 0,
                    variables: memberVariables + [y], coefficients: coefficients + [own - measure.upper])
            }
        }
        self.model = model
        self.open = open
        self.assign = assign
    }

    /// The variable meaning "unit `i` is served by centre `j`", or `nil` when fixed to 0.
    func served(_ i: Int, _ j: Int) -> Variable? {
        problem.centreServesItself && i == j ? open[j] : assign[i * problem.unitCount + j]
    }

    /// Adds `Σ_{i∈S} x[i,j] − Σ_{k∈N(S)} x[k,j] ≤ |S| − 1` for a component `S` of centre `j`'s
    /// territory that does not contain `j`: all of `S` may join `j` only together with a neighbour.
    mutating func addSeparator(centre j: Int, component: [Int], boundary: [Int]) {
        var variables: [Variable] = []
        var coefficients: [Double] = []
        for i in component { if let x = served(i, j) { variables.append(x); coefficients.append(1) } }
        for k in boundary { if let x = served(k, j) { variables.append(x); coefficients.append(-1) } }
        separatorCount += 1
        model.addConstraint(
            name: "contiguity[\(j),\(separatorCount)]", lowerBound: -.infinity,
            upperBound: Double(component.count - 1), variables: variables, coefficients: coefficients)
    }

    /// Variable values encoding `assignment`; `nil` when it uses a pair fixed to 0.
    func values(of assignment: [Int]) -> [Variable: Double]? {
        var values: [Variable: Double] = [:]
        for v in open.compactMap({ $0 }) { values[v] = 0 }
        for v in assign.compactMap({ $0 }) { values[v] = 0 }
        for j in Set(assignment) {
            guard let y = open[j] else { return nil }
            values[y] = 1
        }
        for (i, j) in assignment.enumerated() {
            guard let x = served(i, j) else { return nil }
            values[x] = 1
        }
        return values
    }

    /// Reads the assignment (largest `x[i,·]` per unit) from a solution.
    func assignment(from solution: Solution) -> [Int] {
        let n = problem.unitCount
        return (0..<n).map { i in
            var best = 0
            var bestValue = -1.0
            for j in 0..<n {
                guard let x = served(i, j) else { continue }
                let value = solution.value(of: x)
                if value > bestValue + 1e-9 {
                    bestValue = value
                    best = j
                }
            }
            return best
        }
    }
}
