public import OrderedCollections

/// Anything that reads as an affine expression: a ``Variable`` or a ``LinearExpression``.
public protocol LinearExpressible: Sendable {
    /// The value as an affine expression.
    var linearExpression: LinearExpression { get }
}

/// An affine expression: a constant plus ordered sparse terms `coefficient × variable`.
///
/// ```swift
/// var model = Model(name: "expressions")
/// let x = model.addVariable("x")
/// let y = model.addVariable("y")
/// let e = 3 * x + y + 4
/// e.description           // "3 v0 + v1 + 4"
/// model.describe(e)       // "3 x + y + 4"
/// ```
///
/// Insertion order fixes both the printed form and the column order of emitted rows. Adding the
/// same variable twice merges the coefficients. The type is deliberately not `Equatable`: compare
/// ``terms`` and ``constant`` with a tolerance.
public struct LinearExpression: LinearExpressible, CustomStringConvertible {
    /// The constant term.
    public var constant: Double
    /// The coefficient of each variable, in insertion order.
    public var terms: OrderedDictionary<Variable, Double>

    /// An expression holding only a constant.
    public init(constant: Double = 0) {
        self.constant = constant
        self.terms = [:]
    }

    /// An expression `1 × variable`.
    public init(_ variable: Variable) {
        self.constant = 0
        self.terms = [variable: 1]
    }

    public var linearExpression: LinearExpression { self }

    /// Adds `coefficient × variable`, merging with an existing term of the same variable.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        terms[variable, default: 0] += coefficient
    }

    /// Adds `scale × other` to this expression in place.
    public mutating func add(_ other: LinearExpression, scaledBy scale: Double = 1) {
        if other.constant != 0 { constant += scale * other.constant }
        terms.reserveCapacity(terms.count + other.terms.count)
        for (variable, coefficient) in other.terms {
            terms[variable, default: 0] += scale * coefficient
        }
    }

    /// Builds a sum over data without intermediate expressions.
    ///
    /// ```swift
    /// var model = Model(name: "sum")
    /// let x = (0..<3).map { model.addVariable("x[\($0)]") }
    /// let total = LinearExpression.sum(0..<3) { i in Double(i + 1) * x[i] }
    /// model.describe(total)   // "x[0] + 2 x[1] + 3 x[2]"
    /// ```
    ///
    /// - Complexity: O(total number of terms).
    public static func sum<S: Sequence>(_ s: S, _ term: (S.Element) -> LinearExpression) -> LinearExpression {
        var result = LinearExpression()
        for element in s {
            result.add(term(element))
        }
        return result
    }

    /// The value of the expression at the given variable values (indexed by ``Variable/index``).
    public func evaluate(_ values: [Double]) -> Double {
        var total = constant
        for (variable, coefficient) in terms {
            total += coefficient * values[variable.index]
        }
        return total
    }

    /// JuMP-style text with variables shown as `v<index>`, for example `3 v0 + v1 + 4`.
    ///
    /// ``Model/describe(_:)`` prints the same form with the model's variable names.
    public var description: String {
        render { "v\($0.index)" }
    }

    /// Renders the expression with the given variable names.
    func render(name: (Variable) -> String) -> String {
        var text = ""
        for (variable, coefficient) in terms where coefficient != 0 {
            let magnitude = abs(coefficient)
            if text.isEmpty {
                text += coefficient < 0 ? "-" : ""
            } else {
                text += coefficient < 0 ? " - " : " + "
            }
            if magnitude != 1 {
                text += "\(Self.format(magnitude)) "
            }
            text += name(variable)
        }
        if constant != 0 || text.isEmpty {
            if text.isEmpty {
                text = Self.format(constant)
            } else {
                text += constant < 0 ? " - \(Self.format(-constant))" : " + \(Self.format(constant))"
            }
        }
        return text
    }

    /// Prints integral values without a decimal point (`3`, not `3.0`).
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

extension Variable: LinearExpressible {
    public var linearExpression: LinearExpression { LinearExpression(self) }
}
