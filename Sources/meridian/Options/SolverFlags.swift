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
        try FlagChecks.timeLimit(timeLimit)
        try FlagChecks.nonNegative(gap, "--gap")
    }

    /// The library options these flags describe.
    var solverOptions: SolverOptions {
        SolverOptions(
            timeLimit: timeLimit.flatMap { try? Deadline.timeLimit(seconds: $0) }, relativeGap: gap,
            verbose: verboseSolver)
    }
}
