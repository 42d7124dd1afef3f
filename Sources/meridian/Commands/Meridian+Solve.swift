import ArgumentParser
import Foundation
import LinearProgramming

extension Meridian {
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a linear or mixed-integer model from a .mod, .lp or .mps file with GLPK.",
            discussion: """
                Prints the termination, objective, best bound, relative gap and time, then the solution. \
                With --format json the output is one object with the keys termination, objective, bound, \
                gap, seconds, iterations, nodes and values (variable name → value). Infeasible, unbounded \
                and infeasible-or-unbounded models exit with 3.
                """ + "\n\n" + ExitStatus.helpText
        )

        @Argument(
            help: ArgumentHelp(
                "The model file: .mod (GNU MathProg), .lp (CPLEX LP) or .mps (free MPS).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("A MathProg data file for a .mod model.", valueName: "file"))
        var data: String?

        @OptionGroup var solver: SolverFlags
        @OptionGroup var output: OutputFormatOptions

        func run() throws {
            let request = solver.request(model: file, data: data)
            let (model, result) = try request.run()
            try output.write(SolveReport(result: result, model: model).render(output.format))
            if let code = Meridian.exitCode(for: result.termination) { throw code }
        }
    }
}
