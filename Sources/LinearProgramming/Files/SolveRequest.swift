import Foundation

/// One `solve` run: a model file, an optional MathProg data file and the solver settings.
///
/// Defaults are written once, here; ``validate()`` checks every value before any conversion, so a
/// huge or non-finite time limit is an error, never a trap.
///
/// ```swift
/// var request = SolveRequest(model: "model.lp")
/// request.timeLimit = 30
/// let options = try request.options()   // options.timeLimit == .seconds(30)
/// ```
public struct SolveRequest: Sendable, Hashable, Codable {
    /// The model: `.mod` (GNU MathProg), `.lp` (CPLEX LP) or `.mps` (free MPS).
    public var model: String
    /// A MathProg data file for a `.mod` model.
    public var data: String?
    /// Seconds before the solver stops; nil for none (0 < limit ≤ ``maximumTimeLimit``).
    public var timeLimit: Double?
    /// MIP: stop once the relative gap is at most this value (≥ 0); nil for GLPK's default.
    public var relativeGap: Double?
    /// Whether GLPK's log goes to standard error.
    public var verbose = false

    /// The largest time limit accepted, in seconds (about 31.7 years).
    public static let maximumTimeLimit = 1e9

    public init(model: String) { self.model = model }

    /// Checks every value.
    ///
    /// - Throws: ``SolverError/invalidOption(name:value:expected:)`` naming the key.
    public func validate() throws(SolverError) {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= Self.maximumTimeLimit) {
            throw .invalidOption(name: "timeLimit", value: "\(timeLimit)", expected: "seconds in (0, 1e9]")
        }
        if let relativeGap, !(relativeGap >= 0 && relativeGap.isFinite) {
            throw .invalidOption(name: "relativeGap", value: "\(relativeGap)", expected: "a finite number ≥ 0")
        }
    }

    /// The solver options of a valid request.
    public func options() throws(SolverError) -> SolverOptions {
        try validate()
        let limit = timeLimit.map { Duration.milliseconds(Int64(($0 * 1000).rounded(.up))) }
        return SolverOptions(timeLimit: limit, relativeGap: relativeGap, verbose: verbose)
    }

    /// Validates, loads the model and solves it (the CLI's one library call).
    public func run() throws -> (model: Model, result: SolveResult) {
        let options = try options()
        let model = try Model(contentsOf: URL(fileURLWithPath: self.model), data: data.map { URL(fileURLWithPath: $0) })
        return (model, try model.solve(options: options))
    }
}
