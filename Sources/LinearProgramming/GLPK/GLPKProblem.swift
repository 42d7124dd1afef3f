internal import CGLPK
internal import CGLPKShims

/// Owns one `glp_prob`.
///
/// Created, filled, solved and released inside one synchronous solve call.
///
/// GLPK's memory belongs to the calling thread's environment (Debian builds GLPK with thread-local
/// storage), so a problem never crosses threads or an `await`. When GLPK's error hook fires, the
/// guard frees that thread's whole environment (`glp_free_env`), which deletes every problem made on
/// the thread; ``isAlive`` then turns false and `deinit` must not call `glp_delete_prob` again.
final class GLPKProblem {
    /// The C handle.
    ///
    /// Never leaves the LinearProgramming module.
    let raw: OpaquePointer
    /// The thread's environment generation at creation (see `cglpk_environment_generation`).
    private let generation: UInt

    init() {
        guard let raw = glp_create_prob() else { preconditionFailure("glp_create_prob returned NULL") }
        self.raw = raw
        self.generation = UInt(cglpk_environment_generation())
    }

    /// Whether GLPK still owns this problem (false once the error hook freed the environment).
    var isAlive: Bool { UInt(cglpk_environment_generation()) == generation }

    deinit {
        if isAlive {
            glp_delete_prob(raw)
        }
    }

    // MARK: - Error guard

    /// Runs `body` with GLPK's error hook installed (a `setjmp`/`longjmp` guard in `CGLPKShims`).
    ///
    /// GLPK's terminal output is captured during the call and echoed to standard error only when
    /// `echo` is true.
    ///
    /// - Throws: ``SolverError/internalError(message:)`` with GLPK's message when the hook fires;
    ///   whatever `body` throws otherwise.
    static func withErrorGuard<T>(echo: Bool, _ body: @escaping () throws -> T) throws -> T {
        var outcome: Result<T, any Error>?
        let frame = GuardFrame { outcome = Result { try body() } }
        cglpk_capture_begin(echo ? 1 : 0)
        defer { cglpk_capture_end() }
        let fired = withExtendedLifetime(frame) {
            cglpk_guarded_call(
                { context in
                    guard let context else { return }
                    Unmanaged<GuardFrame>.fromOpaque(context).takeUnretainedValue().run()
                },
                Unmanaged.passUnretained(frame).toOpaque()
            )
        }
        if fired != 0 {
            throw SolverError.internalError(message: capturedOutput().trimmingTrailingNewlines)
        }
        guard let outcome else { preconditionFailure("guarded body neither returned nor failed") }
        return try outcome.get()
    }

    /// GLPK's terminal output captured on this thread since the guard began.
    static func capturedOutput() -> String {
        guard let text = cglpk_captured_text() else { return "" }
        return String(cString: text)
    }

    // MARK: - Loading a model

    /// GLPK's 1-based index of a 0-based Swift index; slot 0 of every C array stays a dummy.
    @inline(__always) static func glpkIndex(_ i: Int) -> Int32 { Int32(i + 1) }

    /// The GLPK bound type and values for `lower ≤ x ≤ upper`.
    static func boundType(lower: Double, upper: Double) -> (type: Int32, lower: Double, upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// Copies a validated model into the empty problem: names, bounds on every column and row,
    /// kinds, objective, and the matrix with a single `glp_load_matrix`.
    func load(_ model: Model) {
        precondition(model.variableCount < Int(Int32.max) && model.nonzeroCount < Int(Int32.max), "model too large")
        glp_set_prob_name(raw, model.name)
        glp_set_obj_name(raw, "objective")
        glp_set_obj_dir(raw, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        let m = model.constraintCount
        let n = model.variableCount
        if m > 0 { glp_add_rows(raw, Int32(m)) }
        if n > 0 { glp_add_cols(raw, Int32(n)) }
        for i in 0..<m {
            let row = Self.glpkIndex(i)
            glp_set_row_name(raw, row, model.rowNames[i])
            let bounds = Self.boundType(lower: model.rowLower[i], upper: model.rowUpper[i])
            glp_set_row_bnds(raw, row, bounds.type, bounds.lower, bounds.upper)
        }
        for j in 0..<n {
            let column = Self.glpkIndex(j)
            glp_set_col_name(raw, column, model.columnNames[j])
            var lower = model.columnLower[j]
            var upper = model.columnUpper[j]
            switch model.columnKinds[j] {
            case .continuous:
                break
            case .integer:
                glp_set_col_kind(raw, column, GLP_IV)
            case .binary:
                glp_set_col_kind(raw, column, GLP_IV)
                lower = max(lower, 0)
                upper = min(upper, 1)
            }
            let bounds = Self.boundType(lower: lower, upper: upper)
            glp_set_col_bnds(raw, column, bounds.type, bounds.lower, bounds.upper)
            if model.objective[j] != 0 {
                glp_set_obj_coef(raw, column, model.objective[j])
            }
        }
        glp_set_obj_coef(raw, 0, model.objectiveConstant)
        loadMatrix(model)
    }

    private func loadMatrix(_ model: Model) {
        let count = model.nonzeroCount
        var rows = [Int32](repeating: 0, count: count + 1)
        var columns = [Int32](repeating: 0, count: count + 1)
        var values = [Double](repeating: 0, count: count + 1)
        model.entryColumns.withUnsafeBufferPointer { entryColumns in
            model.entryValues.withUnsafeBufferPointer { entryValues in
                rows.withUnsafeMutableBufferPointer { rows in
                    columns.withUnsafeMutableBufferPointer { columns in
                        values.withUnsafeMutableBufferPointer { values in
                            for i in 0..<model.constraintCount {
                                let row = Self.glpkIndex(i)
                                for k in model.rowStart[i]..<model.rowStart[i + 1] {
                                    rows[k + 1] = row
                                    columns[k + 1] = entryColumns[k] + 1
                                    values[k + 1] = entryValues[k]
                                }
                            }
                        }
                    }
                }
            }
        }
        glp_load_matrix(raw, Int32(count), rows, columns, values)
    }
}

@available(*, unavailable) extension GLPKProblem: Sendable {}

/// The Swift body of one guarded call, passed to C as an unretained context pointer.
private final class GuardFrame {
    let run: () -> Void
    init(run: @escaping () -> Void) { self.run = run }
}

extension String {
    /// The string without trailing newlines.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
