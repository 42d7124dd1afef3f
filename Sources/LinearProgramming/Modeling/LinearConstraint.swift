/// A range constraint `lowerBound ≤ expression ≤ upperBound`.
///
/// ```swift
/// var model = Model(name: "range")
/// let x = model.addVariable("x")
/// let c = LinearConstraint.range(1, x + 2, 5)   // 1 ≤ x + 2 ≤ 5, stored as -1 ≤ x ≤ 3
/// (c.lowerBound, c.upperBound)                   // (-1.0, 3.0)
/// ```
///
/// The expression's constant is folded into the bounds, so ``expression`` has a zero constant
/// (OR-Tools' `LinearRange`). An infinite bound means the side is open.
public struct LinearConstraint: Sendable {
    /// The lower bound, or `-.infinity`.
    public var lowerBound: Double
    /// The linear part of the constraint (constant always zero).
    public var expression: LinearExpression
    /// The upper bound, or `.infinity`.
    public var upperBound: Double

    /// A constraint with the expression's constant moved into the bounds.
    public init(lowerBound: Double, expression: LinearExpression, upperBound: Double) {
        var linear = expression
        let constant = linear.constant
        linear.constant = 0
        self.lowerBound = lowerBound - constant
        self.expression = linear
        self.upperBound = upperBound - constant
    }

    /// The range constraint `lower ≤ e ≤ upper`.
    public static func range(_ lower: Double, _ e: LinearExpression, _ upper: Double) -> LinearConstraint {
        LinearConstraint(lowerBound: lower, expression: e, upperBound: upper)
    }
}
