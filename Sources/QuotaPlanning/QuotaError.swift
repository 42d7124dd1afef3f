import LinearProgramming
import SalesData

/// Everything that can go wrong while planning quotas, with the context a sales-ops analyst needs
/// to fix it: the file and line, the nodes involved and the size of a conflict.
public enum QuotaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value in the configuration or in a node is out of its domain.
    case invalidValue(field: String, value: String, expected: String)
    /// A problem in an input file, located by file, line, 1-based column number (0: the whole
    /// line) and column name.
    case badInput(file: String, line: Int, position: Int = 0, column: String, value: String, expected: String)
    /// An input file that is not a well-formed CSV table (or cannot be read).
    case table(ColumnTableError)
    /// The hierarchy is not a tree with one root (cycle, two roots, unknown parent, duplicate id).
    case invalidHierarchy(String)
    /// The bounds of one sibling group cannot all hold: the pool, the conflicting amount and the nodes.
    case infeasible(InfeasibilityReport)
    /// The solver stopped without an optimal allocation: the LP's `Termination` when it ended
    /// with one (e.g. `noSolutionFound(time)`), `nil` when GLPK failed.
    case solverFailed(group: QuotaNodeID, termination: Termination?, reason: String)

    public var description: String {
        switch self {
        case .invalidValue(let field, let value, let expected):
            "invalid \(field) '\(ErrorText.quoted(value))': expected \(expected)"
        case .badInput(let file, let line, let position, let column, let value, let expected):
            "\(file):\(line):\(position): \(column): '\(ErrorText.quoted(value))' is invalid; expected \(expected)"
        case .table(let error): error.description
        case .invalidHierarchy(let message):
            "invalid hierarchy: \(message)"
        case .infeasible(let report):
            report.description
        case .solverFailed(let group, _, let reason):
            "allocation under \(group) failed: \(reason)"
        }
    }
}

/// Why the children of one parent cannot receive their pool, and by how much it fails.
public struct InfeasibilityReport: Sendable, Equatable, CustomStringConvertible {
    /// The kind of bound that conflicts with the pool.
    public enum Kind: String, Sendable, Equatable {
        /// Floors (and fixed quotas) add up to more than the pool.
        case floorsExceedPool = "floors exceed the pool"
        /// Caps (growth caps, ramp limits and fixed quotas) add up to less than the pool.
        case capsBelowPool = "caps fall short of the pool"
        /// Manual overrides alone add up to more than the pool.
        case overridesExceedPool = "overrides exceed the pool"
        /// Every child is overridden and the overrides leave part of the pool unassigned.
        case overridesMissPool = "overrides leave part of the pool unassigned"
        /// One node's floor lies above its own cap.
        case floorAboveCap = "a floor lies above its cap"
    }

    public let kind: Kind
    /// The parent whose pool is being split.
    public let parent: QuotaNodeID
    /// The amount the children must carry together.
    public let pool: Double
    /// By how much the bounds miss the pool (always positive).
    public let conflict: Double
    /// The nodes whose bounds cause the conflict, sorted by id.
    public let nodes: [QuotaNodeID]

    public init(kind: Kind, parent: QuotaNodeID, pool: Double, conflict: Double, nodes: [QuotaNodeID]) {
        self.kind = kind
        self.parent = parent
        self.pool = pool
        self.conflict = conflict
        self.nodes = nodes
    }

    public var description: String {
        let amount = conflict.formatted2
        var list = nodes.prefix(12).map(\.rawValue).joined(separator: ", ")
        if nodes.count > 12 { list += " and \(nodes.count - 12) more" }
        return
            "no feasible split under \(parent): \(kind.rawValue) by \(amount) (pool \(pool.formatted2)); nodes: \(list)"
    }
}

extension Double {
    /// Fixed two-decimal text without Foundation's locale; never traps (non-finite and huge values
    /// go through ``fixed(_:decimals:)``'s fallback).
    var formatted2: String { fixed(self, decimals: 2) }
}
