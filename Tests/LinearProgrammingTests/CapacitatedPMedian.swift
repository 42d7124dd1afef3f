import Foundation
import LinearProgramming
import TestSupport

/// An OR-Library `pmedcap1` instance and its MIP, built through the bulk API.
struct CapacitatedPMedian {
    let problemID: Int
    let publishedOptimum: Double
    let medians: Int
    let capacity: Double
    let x: [Double]
    let y: [Double]
    let demand: [Double]

    /// Parses `<id> <optimum>`, `<n> <p> <Q>`, then `n` lines `<i> <x> <y> <demand>`.
    init(contentsOf url: URL) throws {
        let numbers = try String(contentsOf: url, encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).map { token -> Double in
                guard let value = Double(token) else { throw CocoaError(.fileReadCorruptFile) }
                return value
            }
        guard numbers.count >= 5 else { throw CocoaError(.fileReadCorruptFile) }
        let n = Int(numbers[2])
        guard numbers.count >= 5 + 4 * n else { throw CocoaError(.fileReadCorruptFile) }
        problemID = Int(numbers[0])
        publishedOptimum = numbers[1]
        medians = Int(numbers[3])
        capacity = numbers[4]
        x = (0..<n).map { numbers[5 + 4 * $0 + 1] }
        y = (0..<n).map { numbers[5 + 4 * $0 + 2] }
        demand = (0..<n).map { numbers[5 + 4 * $0 + 3] }
    }

    var count: Int { x.count }

    /// floor(Euclidean distance), the convention of the published optima.
    func distance(_ i: Int, _ j: Int) -> Double {
        ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot().rounded(.down)
    }

    /// The same formulation as `Models/capacitated_p_median.mod`, with the same names.
    func model() -> Model {
        let n = count
        var model = Model(name: "pmedcap1_\(problemID)")
        var names: [String] = []
        var objective: [Double] = []
        for i in 0..<n {
            for j in 0..<n {
                names.append("assign[\(i + 1),\(j + 1)]")
                objective.append(distance(i, j))
            }
        }
        let assign = model.addVariables(
            names: names, lowerBounds: Array(repeating: 0, count: n * n),
            upperBounds: Array(repeating: 1, count: n * n),
            kind: .binary, objective: objective)
        let median = model.addVariables(
            names: (1...n).map { "median[\($0)]" }, lowerBounds: Array(repeating: 0, count: n),
            upperBounds: Array(repeating: 1, count: n), kind: .binary)
        for i in 0..<n {
            model.addConstraint(
                name: "served[\(i + 1)]", lowerBound: 1, upperBound: 1,
                variables: Array(assign[(i * n)..<(i * n + n)]), coefficients: Array(repeating: 1, count: n))
        }
        for j in 0..<n {
            model.addConstraint(
                name: "capacity[\(j + 1)]", lowerBound: -.infinity, upperBound: 0,
                variables: (0..<n).map { assign[$0 * n + j] } + [median[j]], coefficients: demand + [-capacity])
        }
        model.addConstraint(
            name: "medians", lowerBound: Double(medians), upperBound: Double(medians), variables: median,
            coefficients: Array(repeating: 1, count: n))
        for i in 0..<n {
            for j in 0..<n {
                model.addConstraint(
                    name: "open[\(i + 1),\(j + 1)]", lowerBound: -.infinity, upperBound: 0,
                    variables: [assign[i * n + j], median[j]], coefficients: [1, -1])
            }
        }
        model.setSense(.minimize)
        return model
    }

    /// Branch on the median choices first, then on assignments (most fractional first): fixing where
    /// medians open settles most assignments.
    ///
    /// Without priorities GLPK needs minutes on #8 and #10.
    func options(for model: Model) -> SolverOptions {
        var priority: [Variable: Int] = [:]
        for v in model.variables {
            priority[v] = model.name(of: v).hasPrefix("median[") ? 2 : 1
        }
        return SolverOptions(timeLimit: .seconds(90), branchingPriority: priority)
    }
}
