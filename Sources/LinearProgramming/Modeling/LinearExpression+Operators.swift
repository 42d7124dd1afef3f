// Arithmetic and comparison operators on affine expressions. Double only: no Int overloads, which
// keep type-checking fast (see STYLE.md C3).

// MARK: - Arithmetic

/// The sum of two expressions.
public func + (lhs: some LinearExpressible, rhs: some LinearExpressible) -> LinearExpression {
    var result = lhs.linearExpression
    result.add(rhs.linearExpression)
    return result
}

/// An expression plus a constant.
public func + (lhs: some LinearExpressible, rhs: Double) -> LinearExpression {
    var result = lhs.linearExpression
    result.constant += rhs
    return result
}

/// A constant plus an expression.
public func + (lhs: Double, rhs: some LinearExpressible) -> LinearExpression {
    var result = rhs.linearExpression
    result.constant += lhs
    return result
}

/// The difference of two expressions.
public func - (lhs: some LinearExpressible, rhs: some LinearExpressible) -> LinearExpression {
    var result = lhs.linearExpression
    result.add(rhs.linearExpression, scaledBy: -1)
    return result
}

/// An expression minus a constant.
public func - (lhs: some LinearExpressible, rhs: Double) -> LinearExpression {
    var result = lhs.linearExpression
    result.constant -= rhs
    return result
}

/// A constant minus an expression.
public func - (lhs: Double, rhs: some LinearExpressible) -> LinearExpression {
    var result = LinearExpression(constant: lhs)
    result.add(rhs.linearExpression, scaledBy: -1)
    return result
}

/// The negated expression.
public prefix func - (operand: some LinearExpressible) -> LinearExpression {
    var result = LinearExpression()
    result.add(operand.linearExpression, scaledBy: -1)
    return result
}

/// A scaled expression.
public func * (lhs: Double, rhs: some LinearExpressible) -> LinearExpression {
    var result = LinearExpression()
    result.add(rhs.linearExpression, scaledBy: lhs)
    return result
}

/// A scaled expression.
public func * (lhs: some LinearExpressible, rhs: Double) -> LinearExpression {
    rhs * lhs
}

/// An expression divided by a constant.
public func / (lhs: some LinearExpressible, rhs: Double) -> LinearExpression {
    (1 / rhs) * lhs
}

/// Adds an expression in place.
public func += (lhs: inout LinearExpression, rhs: some LinearExpressible) {
    lhs.add(rhs.linearExpression)
}

/// Adds a constant in place.
public func += (lhs: inout LinearExpression, rhs: Double) {
    lhs.constant += rhs
}

/// Subtracts an expression in place.
public func -= (lhs: inout LinearExpression, rhs: some LinearExpressible) {
    lhs.add(rhs.linearExpression, scaledBy: -1)
}

/// Subtracts a constant in place.
public func -= (lhs: inout LinearExpression, rhs: Double) {
    lhs.constant -= rhs
}

// MARK: - Constraints

/// The constraint `lhs ≤ rhs`.
public func <= (lhs: some LinearExpressible, rhs: Double) -> LinearConstraint {
    LinearConstraint(lowerBound: -.infinity, expression: lhs.linearExpression, upperBound: rhs)
}

/// The constraint `lhs ≥ rhs`.
public func >= (lhs: some LinearExpressible, rhs: Double) -> LinearConstraint {
    LinearConstraint(lowerBound: rhs, expression: lhs.linearExpression, upperBound: .infinity)
}

/// The constraint `lhs = rhs`.
public func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
    LinearConstraint(lowerBound: rhs, expression: lhs, upperBound: rhs)
}

/// The constraint `variable = rhs`.
public func == (lhs: Variable, rhs: Double) -> LinearConstraint {
    LinearConstraint(lowerBound: rhs, expression: lhs.linearExpression, upperBound: rhs)
}

/// The constraint `lhs ≤ rhs` between two expressions, stored as `lhs - rhs ≤ 0`.
public func <= (lhs: some LinearExpressible, rhs: some LinearExpressible) -> LinearConstraint {
    (lhs - rhs) <= 0
}

/// The constraint `lhs ≥ rhs` between two expressions, stored as `lhs - rhs ≥ 0`.
public func >= (lhs: some LinearExpressible, rhs: some LinearExpressible) -> LinearConstraint {
    (lhs - rhs) >= 0
}
