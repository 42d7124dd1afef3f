import ArgumentParser
import LinearProgramming

/// Solver flags shared by every command that optimizes: `--time-limit`, `--gap`, `--verbose-solver`.
struct SolverFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Stop the solver after this many seconds.", valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("Stop a MIP once the relative gap is at most this value (e.g. 0.01).", valueName: "gap"))
    var gap: Double?

    @Flag(help: "Write GLPK's log to standard error.")
    var verboseSolver = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
        if let gap, !(gap >= 0 && gap.isFinite) {
            throw ValidationError("--gap must be a number ≥ 0, got \(gap)")
        }
    }

    /// The library options these flags describe.
    var solverOptions: SolverOptions {
        SolverOptions(
            timeLimit: timeLimit.map { .milliseconds(Int64(($0 * 1000).rounded(.up))) }, relativeGap: gap,
            verbose: verboseSolver)
    }
}
