import ArgumentParser
import Foundation
import LinearProgramming
import SalesData

extension SolveReport.Format: ExpressibleByArgument {}

/// Output flags shared by commands that print results: `--format` and `--out`.
struct OutputFormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: SolveReport.Format = .table

    @Option(
        help: ArgumentHelp("Write the output to this file (atomically) instead of standard output.", valueName: "file"))
    var out: String?

    /// Writes `text` to `--out` (all or nothing) or to standard output.
    func write(_ text: String) throws {
        if let out {
            try AtomicFile.write(text, to: URL(fileURLWithPath: out))
        } else {
            print(text, terminator: "")
        }
    }
}
