import SalesData

/// One reason an alignment problem admits no solution, with the amounts involved.
public enum InfeasibilityReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A unit's value exceeds the upper bound of every territory it could join.
    case unitExceedsUpperBound(unit: String, measure: String, value: Double, largestUpperBound: Double)
    /// Locked units alone push a territory over its upper bound.
    case lockedValueOverCap(territory: String, measure: String, locked: Double, upperBound: Double)
    /// The measure's total cannot fit between the sum of lower and the sum of upper bounds.
    case totalOutsideBounds(measure: String, total: Double, lowerSum: Double, upperSum: Double)
    /// Even with every movable unit placed fractionally (an elastic LP), the measure needs at least
    /// this tolerance; the problem asks for `tolerance`.
    case toleranceTooTight(measure: String, tolerance: Double, smallestFeasible: Double)
    /// The disruption budget forbids the moves balance needs.
    case disruptionBudgetTooSmall(detail: String)
    /// The Lagrangian bound passed the cost of the most expensive possible assignment, which
    /// proves that balance, locks and the disruption budget cannot hold together.
    case dualUnbounded(bound: Double, largestCost: Double)
    /// Contiguity: a territory's centre unit cannot reach enough units, or the graph is disconnected.
    case contiguity(detail: String)

    public var description: String {
        func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
        func num(_ x: Double) -> String { String(format: "%.6g", x) }
        switch self {
        case let .unitExceedsUpperBound(unit, measure, value, upper):
            return "unit \(unit) has \(measure) \(num(value)), more than the largest territory upper bound "
                + "\(num(upper)) (over by \(num(value - upper)))"
        case let .lockedValueOverCap(territory, measure, locked, upper):
            return "territory \(territory): locked units hold \(measure) \(num(locked)), over its upper bound "
                + "\(num(upper)) by \(num(locked - upper))"
        case let .totalOutsideBounds(measure, total, lower, upper):
            return "\(measure) totals \(num(total)), outside the sum of territory bounds [\(num(lower)), \(num(upper))]"
        case let .toleranceTooTight(measure, tolerance, smallest):
            return
                "\(measure) asks for ±\(pct(tolerance)); the smallest tolerance an elastic LP can meet is ±\(pct(smallest))"
        case let .disruptionBudgetTooSmall(detail):
            return "disruption budget: \(detail)"
        case let .dualUnbounded(bound, largest):
            return "balance, locks and the disruption budget conflict: the Lagrangian bound \(num(bound)) exceeds "
                + "the cost of any assignment (at most \(num(largest)))"
        case let .contiguity(detail):
            return "contiguity: \(detail)"
        }
    }
}

/// Errors of the TerritoryDesign module.
public enum TerritoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problem as a whole is malformed.
    case invalidProblem(String)
    /// Two units or two territories share an id.
    case duplicateID(String, kind: String)
    /// A unit's data is invalid.
    case invalidUnit(String, reason: String)
    /// A territory's data is invalid.
    case invalidTerritory(String, reason: String)
    /// A measure's settings are invalid.
    case invalidMeasure(String, reason: String)
    /// An id names no known unit.
    case unknownUnit(String, context: String)
    /// A data file is malformed: file, 1-based line, 1-based column (0: the whole line), the column's
    /// name, and what was wrong and expected.
    case badInput(file: String, line: Int, column: Int = 0, field: String, message: String)
    /// Proven: no alignment meets the constraints, for these reasons.
    case infeasible([InfeasibilityReason])
    /// The time limit passed before any alignment met every constraint; the best attempt
    /// still violated balance by `violation` (largest relative excess over a bound).
    case noFeasibleAlignmentFound(violation: Double, reasons: [InfeasibilityReason])
    /// A ``TerritoryDesignRequest`` value out of its domain, named by its config key.
    case invalidRequest(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .invalidRequest(key, value, expected): return "\(key) = \(value): expected \(expected)"
        case .invalidProblem(let message): return "invalid territory problem: \(message)"
        case let .duplicateID(id, kind): return "duplicate \(kind) id \(id)"
        case let .invalidUnit(id, reason): return "unit \(id) \(reason)"
        case let .invalidTerritory(id, reason): return "territory \(id): \(reason)"
        case let .invalidMeasure(name, reason): return "measure \(name): \(reason)"
        case let .unknownUnit(id, context): return "unknown unit \(id) in \(context)"
        case let .badInput(file, line, column, field, message):
            return field.isEmpty
                ? "\(file):\(line):\(column): \(message)" : "\(file):\(line):\(column): \(field): \(message)"
        case .infeasible(let reasons):
            return "no alignment meets the constraints:\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
        case let .noFeasibleAlignmentFound(violation, reasons):
            let head = String(
                format: "no balance-feasible alignment found within the limits (best attempt off by %.2f%%)",
                violation * 100)
            return reasons.isEmpty ? head : head + ":\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}

extension TerritoryError: RequestKeyError {
    /// The config key of an ``invalidRequest(key:value:expected:)``; nil for every other case.
    public var requestKey: String? {
        if case .invalidRequest(let key, _, _) = self { return key }
        return nil
    }
}
