import Foundation
import SalesData

/// Writes a ``CompResult`` as a folder: `credits.csv`, `measurements.csv`, `earnings.csv`,
/// `statements.csv`, `statement_totals.csv` and `statements/<person>.html`.
///
/// The folder is written whole: files go to a temporary sibling folder that is then renamed over the
/// destination, so a failed or killed run leaves either the old folder or the new one.
public struct CompResultWriter: Sendable {
    public init() {}

    /// Writes `result` to `folder`.
    ///
    /// - Throws: the file-system error; the destination is then untouched.
    public func write(_ result: CompResult, to folder: URL) throws {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let temporary = parent.appendingPathComponent(".\(folder.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try fm.createDirectory(
                at: temporary.appendingPathComponent("statements"), withIntermediateDirectories: true)
            let files: [(String, [UInt8])] = [
                ("credits.csv", result.creditsCSV()), ("measurements.csv", result.measurementsCSV()),
                ("earnings.csv", result.earningsCSV()), ("statements.csv", result.statementsCSV()),
                ("statement_totals.csv", result.totalsCSV()),
            ]
            for (name, bytes) in files { try Data(bytes).write(to: temporary.appendingPathComponent(name)) }
            for statement in result.statements {
                let name = statement.person.rawValue.map {
                    $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_"
                }
                try Data(statement.html(period: result.period).utf8).write(
                    to: temporary.appendingPathComponent("statements").appendingPathComponent(String(name) + ".html"))
            }
            if fm.fileExists(atPath: folder.path) {
                let old = parent.appendingPathComponent(".\(folder.lastPathComponent).\(UUID().uuidString).old")
                try fm.moveItem(at: folder, to: old)
                try fm.moveItem(at: temporary, to: folder)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: temporary, to: folder)
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }
}
