/// Why a run store could not be opened, read or written.
public enum RunStoreError: Error, Hashable, CustomStringConvertible {
    /// `--store` names neither a file path nor a `postgresql://` URL that can be used.
    case invalidLocation(location: String, reason: String)
    /// A command that only reads was pointed at an SQLite file that does not exist.
    case missingStore(path: String)
    /// No run with this id is recorded in the store.
    case runNotFound(id: String, location: String)
    /// A run with this id is already recorded; records are written once.
    case duplicateRun(id: String)
    /// A stored value cannot be read back as a record (the store was edited by hand, or by a newer
    /// Meridian).
    case corruptRow(table: String, key: String, column: String, value: String)
    /// The database refused or failed a statement.
    case database(location: String, message: String)
    /// A recorded run's output folder no longer holds what the run wrote (files missing or changed).
    case outputsChanged(id: String, folder: String, files: [String])

    public var description: String {
        switch self {
        case .invalidLocation(let location, let reason):
            return "run store \(Self.clipped(location)): \(reason)"
        case .missingStore(let path):
            return "no run store at \(Self.clipped(path)) (plan run writes <out>/runs.sqlite; give --store FILE|URL)"
        case .runNotFound(let id, let location):
            return
                "no run \(Self.clipped(id)) in run store \(Self.clipped(location)); `meridian runs list` shows the ids"
        case .duplicateRun(let id):
            return "run \(id) is already recorded; a re-run is a new record with a new id"
        case .corruptRow(let table, let key, let column, let value):
            return "run store table \(table), row \(key), column \(column): cannot read \(Self.clipped(value))"
        case .database(let location, let message):
            return "run store \(Self.clipped(location)): \(Self.clipped(message))"
        case .outputsChanged(let id, let folder, let files):
            let shown =
                files.prefix(5).joined(separator: ", ") + (files.count > 5 ? " and \(files.count - 5) more" : "")
            return
                "run \(Self.clipped(id)): \(Self.clipped(folder)) no longer holds what the run wrote: \(Self.clipped(shown)); "
                + "re-run the plan, or render the folder as it is now with `meridian report \(folder)`"
        }
    }

    /// At most 200 characters of `text`, quoted.
    static func clipped(_ text: String) -> String {
        text.count <= 200 ? "'\(text)'" : "'\(text.prefix(200))…'"
    }
}
