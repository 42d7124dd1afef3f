/// A linear or mixed-integer program: columns, rows and an objective, held as plain Swift values.
///
/// ```swift
/// var model = Model(name: "quota")
/// let x = model.addVariable("x", upperBound: 3)
/// let y = model.addVariable("y")
/// model.addConstraint(x + 2 * y <= 4, name: "capacity")
/// model.maximize(3 * x + y)
/// let result = try model.solve()
/// let solution = try result.requireOptimal()
/// solution.value(of: x)      // 3.0
/// solution.objectiveValue    // 9.5
/// ```
///
/// `Model` never holds GLPK state: ``solve(options:)`` copies the model into a fresh GLPK problem,
/// solves it and frees it before returning, so a model can be edited and solved again at will and
/// shared freely between tasks.
///
/// Rows are stored in compressed sparse row form, so the bulk methods
/// (``addVariables(names:lowerBounds:upperBounds:kind:objective:)`` and
/// ``addConstraint(name:lowerBound:upperBound:variables:coefficients:)``) build models with millions
/// of nonzeros without creating one expression object per term.
public struct Model: Sendable {
    /// Whether the objective is minimized or maximized.
    public enum Sense: Sendable, Hashable {
        /// Minimize the objective (the default).
        case minimize
        /// Maximize the objective.
        case maximize
    }

    /// The model's name, written to `.lp` and `.mps` files.
    public var name: String
    /// The identity shared by this model and its copies; variables carry it.
    let id: ModelID

    // Columns.
    var columnNames: [String] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var columnKinds: [VariableKind] = []
    var objective: [Double] = []

    // Rows in compressed sparse row form: row i holds entries rowStart[i]..<rowStart[i + 1].
    var rowNames: [String] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    var rowStart: [Int] = [0]
    var entryColumns: [Int32] = []
    var entryValues: [Double] = []

    /// The objective's sense.
    public private(set) var sense: Sense = .minimize
    /// The objective's constant term.
    public private(set) var objectiveConstant: Double = 0

    /// The first misuse seen while building (a variable of another model); ``validate()`` throws it.
    var recordedError: ModelError?

    /// An empty model.
    public init(name: String = "model") {
        self.name = name
        self.id = ModelID.make()
    }

    /// The number of variables (columns).
    public var variableCount: Int { columnNames.count }
    /// The number of constraints (rows).
    public var constraintCount: Int { rowNames.count }
    /// The number of stored nonzero coefficients in the constraint matrix.
    public var nonzeroCount: Int { entryValues.count }
    /// Whether any variable is integer or binary.
    public var isMixedInteger: Bool { columnKinds.contains { $0 != .continuous } }

    /// All variables, in column order.
    public var variables: [Variable] { (0..<variableCount).map { Variable(index: $0, modelID: id) } }
    /// All constraints, in row order.
    public var constraints: [ConstraintRef] { (0..<constraintCount).map { ConstraintRef(index: $0) } }

    // MARK: - Columns

    /// Adds one variable with the given bounds and kind and returns it.
    ///
    /// - Parameters:
    ///   - name: A unique name of 1–255 printable characters, e.g. `assign[R12,30301]`.
    ///   - lowerBound: The lower bound; `-.infinity` for none. Defaults to 0.
    ///   - upperBound: The upper bound; `.infinity` for none.
    ///   - kind: `.continuous`, `.integer` or `.binary` (bounds are intersected with `0...1`).
    /// - Returns: The new variable.
    /// - Complexity: Amortized O(1).
    public mutating func addVariable(
        _ name: String, lowerBound: Double = 0, upperBound: Double = .infinity, kind: VariableKind = .continuous
    ) -> Variable {
        let index = columnNames.count
        columnNames.append(name)
        columnLower.append(lowerBound)
        columnUpper.append(upperBound)
        columnKinds.append(kind)
        objective.append(0)
        return Variable(index: index, modelID: id)
    }

    /// Adds many variables in one call from parallel arrays (the bulk path).
    ///
    /// ```swift
    /// var model = Model(name: "bulk")
    /// let x = model.addVariables(names: ["x[0]", "x[1]"], lowerBounds: [0, 0], upperBounds: [1, 1],
    ///                            objective: [2, 3])
    /// x.count   // 2
    /// ```
    ///
    /// - Precondition: All arrays have the same length.
    /// - Complexity: O(names.count).
    public mutating func addVariables(
        names: [String], lowerBounds: [Double], upperBounds: [Double], kind: VariableKind = .continuous,
        objective: [Double]? = nil
    ) -> [Variable] {
        precondition(
            lowerBounds.count == names.count && upperBounds.count == names.count
                && (objective?.count ?? names.count) == names.count,
            "addVariables: names, lowerBounds, upperBounds and objective must have the same length"
        )
        let first = columnNames.count
        columnNames.append(contentsOf: names)
        columnLower.append(contentsOf: lowerBounds)
        columnUpper.append(contentsOf: upperBounds)
        columnKinds.append(contentsOf: repeatElement(kind, count: names.count))
        if let objective {
            self.objective.append(contentsOf: objective)
        } else {
            self.objective.append(contentsOf: repeatElement(0, count: names.count))
        }
        let modelID = id
        return (first..<columnNames.count).map { Variable(index: $0, modelID: modelID) }
    }

    // MARK: - Rows

    /// Adds the constraint `c.lowerBound ≤ c.expression ≤ c.upperBound` and returns its handle.
    ///
    /// Zero coefficients are dropped. A variable from another model is recorded and reported by
    /// ``validate()``.
    /// - Complexity: O(number of terms).
    @discardableResult
    public mutating func addConstraint(_ c: LinearConstraint, name: String) -> ConstraintRef {
        let index = rowNames.count
        rowNames.append(name)
        rowLower.append(c.lowerBound)
        rowUpper.append(c.upperBound)
        for (variable, coefficient) in c.expression.terms where coefficient != 0 {
            check(variable, context: name)
            entryColumns.append(Int32(truncatingIfNeeded: variable.index))
            entryValues.append(coefficient)
        }
        rowStart.append(entryValues.count)
        return ConstraintRef(index: index)
    }

    /// Adds the row `lowerBound ≤ Σ coefficients[k] × variables[k] ≤ upperBound` from sparse arrays
    /// (the bulk path; no expression objects are built).
    ///
    /// ```swift
    /// var model = Model(name: "bulk-row")
    /// let x = model.addVariables(names: ["a", "b"], lowerBounds: [0, 0], upperBounds: [.infinity, .infinity])
    /// model.addConstraint(name: "cap", lowerBound: -.infinity, upperBound: 10, variables: x, coefficients: [1, 2])
    /// model.constraintCount   // 1
    /// ```
    ///
    /// A variable listed twice in one row is reported by ``validate()``.
    /// - Precondition: `variables.count == coefficients.count`.
    /// - Complexity: O(variables.count).
    @discardableResult
    public mutating func addConstraint(
        name: String, lowerBound: Double, upperBound: Double, variables: [Variable], coefficients: [Double]
    ) -> ConstraintRef {
        precondition(
            variables.count == coefficients.count, "addConstraint: variables and coefficients differ in length")
        let index = rowNames.count
        rowNames.append(name)
        rowLower.append(lowerBound)
        rowUpper.append(upperBound)
        entryColumns.reserveCapacity(entryColumns.count + variables.count)
        entryValues.reserveCapacity(entryValues.count + variables.count)
        for k in variables.indices where coefficients[k] != 0 {
            let variable = variables[k]
            check(variable, context: name)
            entryColumns.append(Int32(truncatingIfNeeded: variable.index))
            entryValues.append(coefficients[k])
        }
        rowStart.append(entryValues.count)
        return ConstraintRef(index: index)
    }

    // MARK: - Objective

    /// Sets the objective to minimize `e`, replacing any previous objective.
    public mutating func minimize(_ e: LinearExpression) {
        setObjective(e, sense: .minimize)
    }

    /// Sets the objective to maximize `e`, replacing any previous objective.
    public mutating func maximize(_ e: LinearExpression) {
        setObjective(e, sense: .maximize)
    }

    /// Sets the objective sense without touching the coefficients (use with the bulk path).
    public mutating func setSense(_ sense: Sense) {
        self.sense = sense
    }

    /// Sets the objective coefficient of one variable (bulk-friendly; the sense is kept).
    public mutating func setObjectiveCoefficient(_ c: Double, of v: Variable) {
        guard check(v, context: "objective") else { return }
        objective[v.index] = c
    }

    /// Sets the constant term of the objective.
    public mutating func setObjectiveConstant(_ c: Double) {
        objectiveConstant = c
    }

    /// The objective as an expression.
    public var objectiveExpression: LinearExpression {
        var e = LinearExpression(constant: objectiveConstant)
        for (index, c) in objective.enumerated() where c != 0 {
            e.terms[Variable(index: index, modelID: id)] = c
        }
        return e
    }

    private mutating func setObjective(_ e: LinearExpression, sense: Sense) {
        self.sense = sense
        for index in objective.indices {
            objective[index] = 0
        }
        objectiveConstant = e.constant
        for (variable, coefficient) in e.terms where check(variable, context: "objective") {
            objective[variable.index] += coefficient
        }
    }

    /// Records the first foreign or unknown variable; returns whether `v` belongs to this model.
    @discardableResult
    private mutating func check(_ v: Variable, context: String) -> Bool {
        if v.modelID == id && v.index >= 0 && v.index < columnNames.count {
            return true
        }
        if recordedError == nil {
            recordedError = .variableNotOwned(variable: "#\(v.index)", context: context, model: name)
        }
        return false
    }
}
