extension Model {
    /// Checks everything GLPK would abort on, before any C call.
    ///
    /// ```swift
    /// var model = Model(name: "bad")
    /// let x = model.addVariable("x", lowerBound: 2, upperBound: 1)
    /// model.minimize(LinearExpression(x))
    /// // try model.validate() throws ModelError.invertedBounds(name: "x", lower: 2, upper: 1)
    /// ```
    ///
    /// - Throws: ``ModelError`` naming the offending row or variable: non-finite coefficients or
    ///   bounds, inverted bounds, variables of another model, duplicate terms in a bulk row,
    ///   and empty, duplicate, over-long (> 255) or control-character names.
    /// - Complexity: O(variables + constraints + nonzeros).
    public func validate() throws {
        if let recordedError { throw recordedError }
        if !name.isEmpty {
            try Self.validateNames([name], kind: "model")
        }
        try Self.validateNames(columnNames, kind: "variable")
        try Self.validateNames(rowNames, kind: "constraint")
        for j in 0..<variableCount {
            try Self.validateBounds(name: columnNames[j], lower: columnLower[j], upper: columnUpper[j])
            if columnKinds[j] == .binary {
                try Self.validateBounds(
                    name: columnNames[j], lower: max(columnLower[j], 0), upper: min(columnUpper[j], 1))
            }
            if !objective[j].isFinite {
                throw ModelError.nonFiniteCoefficient(row: "objective", variable: columnNames[j], value: objective[j])
            }
        }
        if !objectiveConstant.isFinite {
            throw ModelError.nonFiniteCoefficient(row: "objective", variable: "(constant)", value: objectiveConstant)
        }
        var lastRow = [Int](repeating: -1, count: variableCount)
        for i in 0..<constraintCount {
            try Self.validateBounds(name: rowNames[i], lower: rowLower[i], upper: rowUpper[i])
            for k in rowStart[i]..<rowStart[i + 1] {
                let j = Int(entryColumns[k])
                if lastRow[j] == i {
                    throw ModelError.duplicateTerm(row: rowNames[i], variable: columnNames[j])
                }
                lastRow[j] = i
                if !entryValues[k].isFinite {
                    throw ModelError.nonFiniteCoefficient(
                        row: rowNames[i], variable: columnNames[j], value: entryValues[k])
                }
            }
        }
    }

    private static func validateBounds(name: String, lower: Double, upper: Double) throws {
        if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity {
            throw ModelError.nonFiniteBound(name: name, lower: lower, upper: upper)
        }
        if lower > upper {
            throw ModelError.invertedBounds(name: name, lower: lower, upper: upper)
        }
    }

    private static func validateNames(_ names: [String], kind: String) throws {
        var seen = Set<String>(minimumCapacity: names.count)
        for name in names {
            if name.isEmpty {
                throw ModelError.invalidName(name, kind: kind, reason: "names must not be empty")
            }
            if name.utf8.count > 255 {
                throw ModelError.invalidName(name, kind: kind, reason: "GLPK accepts at most 255 bytes")
            }
            if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                throw ModelError.invalidName(name, kind: kind, reason: "control characters are not allowed")
            }
            if !seen.insert(name).inserted {
                throw ModelError.duplicateName(name, kind: kind)
            }
        }
    }
}
