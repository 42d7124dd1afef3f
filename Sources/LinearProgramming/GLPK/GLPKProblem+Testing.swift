internal import CGLPK

/// Seams for tests of the GLPK boundary.
///
/// Not part of the public API.
package enum GLPKTestHooks {
    /// Makes a deliberately invalid GLPK call (a column number out of range) inside the error guard.
    ///
    /// - Returns: Whether a problem created on this thread before the call is still owned by GLPK
    ///   afterwards (it must not be: the hook frees the thread's environment).
    /// - Throws: ``SolverError/internalError(message:)``, the expected outcome.
    package static func makeInvalidCall(afterwardsProblemIsAlive: inout Bool?) throws {
        let problem = GLPKProblem()
        glp_add_cols(problem.raw, 1)
        defer { afterwardsProblemIsAlive = problem.isAlive }
        try GLPKProblem.withErrorGuard(echo: false) {
            glp_set_col_bnds(problem.raw, 1_000_000, GLP_FX, 0, 0)
        }
    }
}
