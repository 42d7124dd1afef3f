/// A model that GLPK must not see: found by ``Model/validate()`` before any C call.
///
/// Each message names the offending row or variable and says what was expected.
public enum ModelError: Error, Hashable, CustomStringConvertible {
    /// A coefficient of a row or of the objective is NaN or infinite.
    case nonFiniteCoefficient(row: String, variable: String, value: Double)
    /// A bound is NaN, or a lower bound is `+∞`, or an upper bound is `-∞`.
    case nonFiniteBound(name: String, lower: Double, upper: Double)
    /// A lower bound exceeds its upper bound.
    case invertedBounds(name: String, lower: Double, upper: Double)
    /// A variable created by another model (or an unknown index) was used.
    case variableNotOwned(variable: String, context: String, model: String)
    /// A row lists the same variable twice (bulk path).
    case duplicateTerm(row: String, variable: String)
    /// Two variables or two constraints share a name.
    case duplicateName(String, kind: String)
    /// A name is empty, longer than 255 characters, or contains a control character.
    case invalidName(String, kind: String, reason: String)

    public var description: String {
        switch self {
        case let .nonFiniteCoefficient(row, variable, value):
            "the coefficient of '\(variable)' in '\(row)' is \(value); coefficients must be finite numbers"
        case let .nonFiniteBound(name, lower, upper):
            "'\(name)' has bounds [\(lower), \(upper)]; bounds must be numbers, lower < +inf and upper > -inf"
        case let .invertedBounds(name, lower, upper):
            "'\(name)' has lower bound \(lower) above its upper bound \(upper); swap or fix the bounds"
        case let .variableNotOwned(variable, context, model):
            "variable \(variable) used in '\(context)' does not belong to model '\(model)'; "
                + "create it with this model's addVariable"
        case let .duplicateTerm(row, variable):
            "row '\(row)' lists variable '\(variable)' more than once; merge the coefficients"
        case let .duplicateName(name, kind):
            "two \(kind)s are named '\(name)'; names must be unique"
        case let .invalidName(name, kind, reason):
            "\(kind) name '\(name.prefix(40))\(name.count > 40 ? "…" : "")' is invalid: \(reason)"
        }
    }
}
