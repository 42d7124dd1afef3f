import Foundation

/// Why a report could not be rendered; every case names the file (and line) or the folder involved.
public enum ReportsError: Error, Hashable, CustomStringConvertible {
    /// The folder to render does not exist or is not a folder.
    case notAFolder(path: String)
    /// The folder holds no step output the report knows (no territories, quotas, pay, scenarios or insights).
    case nothingToRender(path: String, looked: [String])
    /// A step output exists but is not what its step writes.
    case badFile(file: String, line: Int, reason: String)
    /// A file could not be read (exit 1 in the CLI).
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            "\(path): not a folder; expected the output folder of a plan run or of the territory/quota commands"
        case .nothingToRender(let path, let looked):
            "\(path): no step output to render; looked for \(looked.joined(separator: ", "))"
        case .badFile(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        }
    }
}
