extension Model {
    /// The name of a variable.
    public func name(of v: Variable) -> String { columnNames[v.index] }
    /// The name of a constraint.
    public func name(of c: ConstraintRef) -> String { rowNames[c.index] }
    /// The bounds of a variable.
    public func bounds(of v: Variable) -> ClosedRange<Double>? {
        columnLower[v.index] <= columnUpper[v.index] ? columnLower[v.index]...columnUpper[v.index] : nil
    }
    /// The kind of a variable.
    public func kind(of v: Variable) -> VariableKind { columnKinds[v.index] }
    /// The objective coefficient of a variable.
    public func objectiveCoefficient(of v: Variable) -> Double { objective[v.index] }

    /// The row of a constraint as a ``LinearConstraint``.
    public func constraint(_ c: ConstraintRef) -> LinearConstraint {
        var e = LinearExpression()
        for k in rowStart[c.index]..<rowStart[c.index + 1] {
            e.add(entryValues[k], Variable(index: Int(entryColumns[k]), modelID: id))
        }
        return LinearConstraint(lowerBound: rowLower[c.index], expression: e, upperBound: rowUpper[c.index])
    }

    /// The variable with the given name, if any (linear search).
    /// - Complexity: O(variableCount).
    public func variable(named name: String) -> Variable? {
        columnNames.firstIndex(of: name).map { Variable(index: $0, modelID: id) }
    }

    /// The constraint with the given name, if any (linear search).
    /// - Complexity: O(constraintCount).
    public func constraint(named name: String) -> ConstraintRef? {
        rowNames.firstIndex(of: name).map { ConstraintRef(index: $0) }
    }

    /// An expression printed JuMP-style with this model's variable names, for example `3 x + y + 4`.
    public func describe(_ e: LinearExpression) -> String {
        e.render { v in v.modelID == id && v.index < columnNames.count ? columnNames[v.index] : "v\(v.index)" }
    }
}
