/// Values of a solved model: objective, variable values, row activities and (for LPs) duals.
///
/// ```swift
/// let solution = try model.solve().requireOptimal()
/// solution.value(of: x)
/// solution.dual(of: capacity)   // shadow price of the row (LP only)
/// ```
public struct Solution: Sendable {
    /// The objective value, including the objective's constant.
    public let objectiveValue: Double
    /// Variable values by ``Variable/index``.
    public var values: [Double]
    /// Row activities by ``ConstraintRef/index``.
    public let activities: [Double]
    /// Row duals (LP only), GLPK's sign convention: the change of the objective per unit of the bound.
    public let duals: [Double]?
    /// Column reduced costs (LP only).
    public let reducedCosts: [Double]?

    /// Creates a solution from its parts.
    public init(
        objectiveValue: Double, values: [Double], activities: [Double], duals: [Double]?, reducedCosts: [Double]?
    ) {
        self.objectiveValue = objectiveValue
        self.values = values
        self.activities = activities
        self.duals = duals
        self.reducedCosts = reducedCosts
    }

    /// The value of a variable.
    public func value(of v: Variable) -> Double { values[v.index] }

    /// The value of an expression at this solution.
    public func value(of e: LinearExpression) -> Double { e.evaluate(values) }

    /// The activity (left-hand side value) of a row.
    public func activity(of c: ConstraintRef) -> Double { activities[c.index] }

    /// The dual value of a row, or `nil` for a MIP.
    ///
    /// The GLPK routine is `glp_get_row_dual`.
    public func dual(of c: ConstraintRef) -> Double? { duals?[c.index] }

    /// The reduced cost of a variable, or `nil` for a MIP.
    ///
    /// The GLPK routine is `glp_get_col_dual`.
    public func reducedCost(of v: Variable) -> Double? { reducedCosts?[v.index] }
}
