import Foundation
import SalesData

/// Writes a ``CompResult`` as a folder: `credits.csv`, `measurements.csv`, `earnings.csv`,
/// `statements.csv`, `statement_totals.csv` and `statements/<person>.html`.
///
/// The folder is written whole (``AtomicFolder``): a failed or killed run leaves either the old folder
/// or the new one.
public struct CompResultWriter: Sendable {
    public init() {}

    /// Writes `result` to `folder` through SalesData's ``AtomicFolder`` (with its recovery after a kill).
    ///
    /// - Throws: ``AtomicFolderError``; the destination is then untouched.
    public func write(_ result: CompResult, to folder: URL) throws {
        try AtomicFolder.write(files(for: result), to: folder)
    }

    /// The folder's files in memory, by relative name (what ``write(_:to:)`` writes).
    public func files(for result: CompResult) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = [
            ("credits.csv", result.creditsCSV()), ("measurements.csv", result.measurementsCSV()),
            ("earnings.csv", result.earningsCSV()), ("statements.csv", result.statementsCSV()),
            ("statement_totals.csv", result.totalsCSV()),
        ]
        for statement in result.statements {
            let name = statement.person.rawValue.map {
                $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_"
            }
            files.append(("statements/" + String(name) + ".html", statement.htmlBytes(period: result.period)))
        }
        return files
    }
}
