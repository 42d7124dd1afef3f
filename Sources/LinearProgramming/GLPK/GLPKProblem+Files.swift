internal import CGLPK

extension GLPKProblem {
    /// Writes the problem in CPLEX LP format.
    ///
    /// The GLPK routine is `glp_write_lp`.
    func writeLP(to path: String) throws {
        if glp_write_lp(raw, nil, path) != 0 {
            throw SolverError.fileFailed(path: path, operation: "glp_write_lp", message: Self.lastLine())
        }
    }

    /// Writes the problem in free MPS format.
    ///
    /// The GLPK routine is `glp_write_mps` with `GLP_MPS_FILE`.
    func writeMPS(to path: String) throws {
        if glp_write_mps(raw, GLP_MPS_FILE, nil, path) != 0 {
            throw SolverError.fileFailed(path: path, operation: "glp_write_mps", message: Self.lastLine())
        }
    }

    /// Reads a CPLEX LP file into the empty problem.
    ///
    /// The GLPK routine is `glp_read_lp`.
    func readLP(from path: String) throws {
        if glp_read_lp(raw, nil, path) != 0 {
            throw Self.locatedError(path: path, operation: "glp_read_lp")
        }
    }

    /// Reads a free MPS file into the empty problem.
    ///
    /// The GLPK routine is `glp_read_mps` with `GLP_MPS_FILE`.
    func readMPS(from path: String) throws {
        if glp_read_mps(raw, GLP_MPS_FILE, nil, path) != 0 {
            throw Self.locatedError(path: path, operation: "glp_read_mps")
        }
    }

    /// Translates a MathProg model (and optional data file) into the empty problem.
    ///
    /// The GLPK routines are `glp_mpl_read_model`, `glp_mpl_read_data`, `glp_mpl_generate` and
    /// `glp_mpl_build_prob`.
    ///
    /// - Throws: ``SolverError/mathProgError(file:line:message:)`` with the location GLPK reported.
    func readMathProg(model: String, data: String?) throws {
        guard let tran = glp_mpl_alloc_wksp() else { preconditionFailure("glp_mpl_alloc_wksp returned NULL") }
        defer { glp_mpl_free_wksp(tran) }
        if glp_mpl_read_model(tran, model, data == nil ? 0 : 1) != 0 {
            throw Self.mathProgError(defaultFile: model)
        }
        if let data, glp_mpl_read_data(tran, data) != 0 {
            throw Self.mathProgError(defaultFile: data)
        }
        if glp_mpl_generate(tran, nil) != 0 {
            throw Self.mathProgError(defaultFile: data ?? model)
        }
        glp_mpl_build_prob(tran, raw)
    }

    /// Copies the problem into a ``Model`` (names, bounds, kinds, objective, matrix).
    func extractModel() -> Model {
        var model = Model(name: glp_get_prob_name(raw).map { String(cString: $0) } ?? "model")
        let m = Int(glp_get_num_rows(raw))
        let n = Int(glp_get_num_cols(raw))
        var names: [String] = []
        var lower: [Double] = []
        var upper: [Double] = []
        var objective: [Double] = []
        names.reserveCapacity(n)
        for j in 0..<n {
            let column = Self.glpkIndex(j)
            names.append(glp_get_col_name(raw, column).map { String(cString: $0) } ?? "x[\(j + 1)]")
            let bounds = Self.bounds(
                type: glp_get_col_type(raw, column), glp_get_col_lb(raw, column),
                glp_get_col_ub(raw, column))
            lower.append(bounds.lower)
            upper.append(bounds.upper)
            objective.append(glp_get_obj_coef(raw, column))
        }
        let variables = model.addVariables(names: names, lowerBounds: lower, upperBounds: upper, objective: objective)
        for j in 0..<n where glp_get_col_kind(raw, Self.glpkIndex(j)) != GLP_CV {
            model.columnKinds[j] = glp_get_col_kind(raw, Self.glpkIndex(j)) == GLP_BV ? .binary : .integer
        }
        model.setObjectiveConstant(glp_get_obj_coef(raw, 0))
        model.setSense(glp_get_obj_dir(raw) == GLP_MAX ? .maximize : .minimize)
        var indices = [Int32](repeating: 0, count: n + 1)
        var values = [Double](repeating: 0, count: n + 1)
        // MathProg also stores the objective as a free row named like it; the objective already holds it.
        let objectiveName = glp_get_obj_name(raw).map { String(cString: $0) }
        for i in 0..<m {
            let row = Self.glpkIndex(i)
            if glp_get_row_type(raw, row) == GLP_FR, let objectiveName,
                glp_get_row_name(raw, row).map({ String(cString: $0) }) == objectiveName
            {
                continue
            }
            let count = Int(glp_get_mat_row(raw, row, &indices, &values))
            let bounds = Self.bounds(
                type: glp_get_row_type(raw, row), glp_get_row_lb(raw, row), glp_get_row_ub(raw, row))
            model.addConstraint(
                name: glp_get_row_name(raw, row).map { String(cString: $0) } ?? "r[\(i + 1)]",
                lowerBound: bounds.lower, upperBound: bounds.upper,
                variables: (1...max(count, 1)).prefix(count).map { variables[Int(indices[$0]) - 1] },
                coefficients: Array(values[1..<(count + 1)]))
        }
        return model
    }

    /// Swift bounds of a GLPK bound type.
    private static func bounds(type: Int32, _ lower: Double, _ upper: Double) -> (lower: Double, upper: Double) {
        switch type {
        case GLP_FR: (-.infinity, .infinity)
        case GLP_LO: (lower, .infinity)
        case GLP_UP: (-.infinity, upper)
        default: (lower, upper)
        }
    }

    /// The last non-empty line GLPK printed.
    private static func lastLine() -> String {
        capturedOutput().split(whereSeparator: \.isNewline).last.map(String.init) ?? "unknown error"
    }

    /// An error naming `path:line` when GLPK's message starts with one.
    private static func locatedError(path: String, operation: String) -> SolverError {
        let (file, line, message) = parseLocation(capturedOutput(), defaultFile: path)
        return line == nil
            ? .fileFailed(path: path, operation: operation, message: message)
            : .mathProgError(file: file, line: line, message: message)
    }

    private static func mathProgError(defaultFile: String) -> SolverError {
        let (file, line, message) = parseLocation(capturedOutput(), defaultFile: defaultFile)
        return .mathProgError(file: file, line: line, message: message)
    }

    /// Finds the first `file:line: message` line in GLPK's output.
    static func parseLocation(_ output: String, defaultFile: String) -> (file: String, line: Int?, message: String) {
        let lines = output.split(whereSeparator: \.isNewline).map(String.init)
        for text in lines {
            let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, let line = Int(parts[1]), !parts[0].isEmpty {
                return (String(parts[0]), line, String(parts[2].drop(while: \.isWhitespace)))
            }
        }
        let message = lines.last { !$0.hasPrefix("Reading") && !$0.hasPrefix("Generating") } ?? "unknown error"
        return (defaultFile, nil, message)
    }
}
