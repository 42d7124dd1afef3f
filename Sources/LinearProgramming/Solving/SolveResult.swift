internal import Foundation

/// What a solve produced: why it stopped (``termination``) and what you hold (``solution``), separately.
///
/// ```swift
/// let result = try model.solve(options: SolverOptions(timeLimit: .seconds(10)))
/// print(result.termination, result.bestBound ?? .nan, result.relativeGap ?? .nan)
/// if let solution = result.solution { print(solution.objectiveValue) }
/// ```
public struct SolveResult: Sendable {
    /// Why the solver stopped.
    public let termination: Termination
    /// The solution; non-nil exactly for `.optimal` and `.feasible(limit:)`.
    public let solution: Solution?
    /// The best proven bound on the objective: for a MIP the best node bound, for an optimal LP the objective.
    public let bestBound: Double?
    /// `|objective − bound| / max(|objective|, 1e-9)`; 0 for a proven optimum without a gap tolerance.
    public let relativeGap: Double?
    /// Simplex iterations (`glp_get_it_cnt`), or interior-point iterations.
    public let iterations: Int
    /// Branch-and-bound nodes processed (0 for an LP).
    public let nodes: Int
    /// Wall-clock seconds spent in GLPK (loading and solving).
    public let seconds: Double

    /// Creates a result; `solution` must be non-nil exactly when `termination.hasSolution`.
    public init(
        termination: Termination, solution: Solution?, bestBound: Double?, relativeGap: Double?,
        iterations: Int, nodes: Int, seconds: Double
    ) {
        precondition(termination.hasSolution == (solution != nil), "a solution comes exactly with optimal/feasible")
        self.termination = termination
        self.solution = solution
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.iterations = iterations
        self.nodes = nodes
        self.seconds = seconds
    }

    /// The solution of a proven optimum.
    ///
    /// - Throws: ``SolveError/notOptimal(_:summary:)`` for any other termination.
    public func requireOptimal() throws -> Solution {
        guard termination == .optimal, let solution else {
            throw SolveError.notOptimal(termination, summary: summary)
        }
        return solution
    }

    /// One line: termination, objective, bound, gap and time.
    public var summary: String {
        var parts = ["termination \(termination)"]
        if let solution { parts.append("objective \(solution.objectiveValue)") }
        if let bestBound { parts.append("bound \(bestBound)") }
        if let relativeGap { parts.append("gap \(relativeGap)") }
        parts.append("nodes \(nodes)")
        parts.append(String(format: "%.3f s", seconds))
        return parts.joined(separator: ", ")
    }

    /// The reporting gap `|objective − bound| / max(|objective|, 1e-9)`.
    static func gap(objective: Double, bound: Double) -> Double {
        abs(objective - bound) / max(abs(objective), 1e-9)
    }
}

/// A solve did not produce what the caller required.
public enum SolveError: Error, Hashable, CustomStringConvertible {
    /// ``SolveResult/requireOptimal()`` was called on a result that is not a proven optimum.
    case notOptimal(Termination, summary: String)

    public var description: String {
        switch self {
        case let .notOptimal(termination, summary):
            "the solve ended with '\(termination)', not a proven optimum (\(summary))"
        }
    }
}
