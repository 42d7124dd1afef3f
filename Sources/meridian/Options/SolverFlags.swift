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

    /// Rejects values the request would reject (usage error, exit 64).
    func validate() throws {
        do { try request(model: "").validate() } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The solve request these flags describe for `model`.
    func request(model: String, data: String? = nil) -> SolveRequest {
        var request = SolveRequest(model: model)
        request.data = data
        request.timeLimit = timeLimit
        request.relativeGap = gap
        request.verbose = verboseSolver
        return request
    }
}
