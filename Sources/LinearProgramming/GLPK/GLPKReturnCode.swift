/// A return code of a GLPK solver routine (`glp_simplex`, `glp_intopt`, `glp_interior`, …).
///
/// ```swift
/// GLPKReturnCode.timeLimit.description   // "GLP_ETMLIM (time limit exceeded)"
/// ```
public struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The C value.
    public let rawValue: Int32
    /// Wraps a C value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Success.
    ///
    /// The corresponding C value is `0`.
    public static let success = GLPKReturnCode(rawValue: 0)
    /// Invalid basis.
    ///
    /// The corresponding C constant is `GLP_EBADB`.
    public static let invalidBasis = GLPKReturnCode(rawValue: 0x01)
    /// Singular matrix.
    ///
    /// The corresponding C constant is `GLP_ESING`.
    public static let singularMatrix = GLPKReturnCode(rawValue: 0x02)
    /// Ill-conditioned matrix.
    ///
    /// The corresponding C constant is `GLP_ECOND`.
    public static let illConditioned = GLPKReturnCode(rawValue: 0x03)
    /// Invalid bounds.
    ///
    /// The corresponding C constant is `GLP_EBOUND`.
    public static let invalidBounds = GLPKReturnCode(rawValue: 0x04)
    /// Solver failed.
    ///
    /// The corresponding C constant is `GLP_EFAIL`.
    public static let failed = GLPKReturnCode(rawValue: 0x05)
    /// Objective lower limit reached.
    ///
    /// The corresponding C constant is `GLP_EOBJLL`.
    public static let objectiveLowerLimit = GLPKReturnCode(rawValue: 0x06)
    /// Objective upper limit reached.
    ///
    /// The corresponding C constant is `GLP_EOBJUL`.
    public static let objectiveUpperLimit = GLPKReturnCode(rawValue: 0x07)
    /// Iteration limit exceeded.
    ///
    /// The corresponding C constant is `GLP_EITLIM`.
    public static let iterationLimit = GLPKReturnCode(rawValue: 0x08)
    /// Time limit exceeded.
    ///
    /// The corresponding C constant is `GLP_ETMLIM`.
    public static let timeLimit = GLPKReturnCode(rawValue: 0x09)
    /// No primal feasible solution.
    ///
    /// The corresponding C constant is `GLP_ENOPFS`.
    public static let noPrimalFeasible = GLPKReturnCode(rawValue: 0x0A)
    /// No dual feasible solution.
    ///
    /// The corresponding C constant is `GLP_ENODFS`.
    public static let noDualFeasible = GLPKReturnCode(rawValue: 0x0B)
    /// Root LP optimum not provided.
    ///
    /// The corresponding C constant is `GLP_EROOT`.
    public static let rootNotOptimal = GLPKReturnCode(rawValue: 0x0C)
    /// Search terminated by the application.
    ///
    /// The corresponding C constant is `GLP_ESTOP`.
    public static let stopped = GLPKReturnCode(rawValue: 0x0D)
    /// Relative MIP gap tolerance reached.
    ///
    /// The corresponding C constant is `GLP_EMIPGAP`.
    public static let gapReached = GLPKReturnCode(rawValue: 0x0E)
    /// No primal/dual feasible solution.
    ///
    /// The corresponding C constant is `GLP_ENOFEAS`.
    public static let noFeasible = GLPKReturnCode(rawValue: 0x0F)
    /// No convergence.
    ///
    /// The corresponding C constant is `GLP_ENOCVG`.
    public static let noConvergence = GLPKReturnCode(rawValue: 0x10)
    /// Numerical instability.
    ///
    /// The corresponding C constant is `GLP_EINSTAB`.
    public static let instability = GLPKReturnCode(rawValue: 0x11)
    /// Invalid data.
    ///
    /// The corresponding C constant is `GLP_EDATA`.
    public static let invalidData = GLPKReturnCode(rawValue: 0x12)
    /// Result out of range.
    ///
    /// The corresponding C constant is `GLP_ERANGE`.
    public static let outOfRange = GLPKReturnCode(rawValue: 0x13)

    private static let symbols: [Int32: String] = [
        0x00: "0 (success)", 0x01: "GLP_EBADB (invalid basis)", 0x02: "GLP_ESING (singular matrix)",
        0x03: "GLP_ECOND (ill-conditioned matrix)", 0x04: "GLP_EBOUND (invalid bounds)",
        0x05: "GLP_EFAIL (solver failed)", 0x06: "GLP_EOBJLL (objective lower limit reached)",
        0x07: "GLP_EOBJUL (objective upper limit reached)", 0x08: "GLP_EITLIM (iteration limit exceeded)",
        0x09: "GLP_ETMLIM (time limit exceeded)", 0x0A: "GLP_ENOPFS (no primal feasible solution)",
        0x0B: "GLP_ENODFS (no dual feasible solution)", 0x0C: "GLP_EROOT (root LP optimum not provided)",
        0x0D: "GLP_ESTOP (search terminated by application)", 0x0E: "GLP_EMIPGAP (relative mip gap tolerance reached)",
        0x0F: "GLP_ENOFEAS (no primal/dual feasible solution)", 0x10: "GLP_ENOCVG (no convergence)",
        0x11: "GLP_EINSTAB (numerical instability)", 0x12: "GLP_EDATA (invalid data)",
        0x13: "GLP_ERANGE (result out of range)",
    ]

    public var description: String { Self.symbols[rawValue] ?? "GLPK return code \(rawValue)" }
}

/// A GLPK solution status (`glp_get_status`, `glp_mip_status`, `glp_ipt_status`).
struct GLPKStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    let rawValue: Int32
    /// `GLP_UNDEF`: solution is undefined.
    static let undefined = GLPKStatus(rawValue: 1)
    /// `GLP_FEAS`: solution is feasible.
    static let feasible = GLPKStatus(rawValue: 2)
    /// `GLP_INFEAS`: solution is infeasible.
    static let infeasible = GLPKStatus(rawValue: 3)
    /// `GLP_NOFEAS`: no feasible solution exists.
    static let noFeasible = GLPKStatus(rawValue: 4)
    /// `GLP_OPT`: solution is optimal.
    static let optimal = GLPKStatus(rawValue: 5)
    /// `GLP_UNBND`: solution is unbounded.
    static let unbounded = GLPKStatus(rawValue: 6)

    var description: String {
        ["?", "GLP_UNDEF", "GLP_FEAS", "GLP_INFEAS", "GLP_NOFEAS", "GLP_OPT", "GLP_UNBND"][
            Int(rawValue) >= 1 && rawValue <= 6 ? Int(rawValue) : 0]
    }
}
