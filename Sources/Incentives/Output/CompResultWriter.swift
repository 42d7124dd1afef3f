import Foundation
import SalesData

/// Writes a ``CompResult`` as a folder: `credits.csv`, `measurements.csv`, `earnings.csv`,
/// `statements.csv`, `statement_totals.csv` and `statements/<person>.html`.
///
/// The folder is written whole (`AtomicFolder`): a failed or killed run leaves either the old folder
/// or the new one.
public struct CompResultWriter: Sendable {
    public init() {}

    /// Writes `result` to `folder` through SalesData's `AtomicFolder` (with its recovery after a kill).
    ///
    /// - Throws: `AtomicFolderError`; the destination is then untouched.
    public func write(_ result: CompResult, to folder: URL) throws {
        try AtomicFolder.write(files(for: result), to: folder)
    }

    /// The folder's files in memory, by relative name (what ``write(_:to:)`` writes); the statement
    /// pages are rendered in parallel.
    public func files(for result: CompResult) -> [(name: String, data: Data)] {
        // Each file becomes `Data` as soon as it is made, so at most one byte array is alive at a time.
        var files: [(name: String, data: Data)] = [("credits.csv", Data(result.creditsCSV()))]
        files.append(("measurements.csv", Data(result.measurementsCSV())))
        files.append(("earnings.csv", Data(result.earningsCSV())))
        files.append(("statements.csv", Data(result.statementsCSV())))
        files.append(("statement_totals.csv", Data(result.totalsCSV())))
        let period = result.period
        files += ParallelMap.map(result.statements, chunks: 256) { statement in
            let name = statement.person.rawValue.map {
                $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_"
            }
            return (name: "statements/" + String(name) + ".html", data: Data(statement.htmlBytes(period: period)))
        }
        return files
    }
}
