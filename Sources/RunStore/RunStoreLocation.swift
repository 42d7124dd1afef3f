import Foundation

/// Where a run store lives, as `--store` names it: a file path (SQLite) or a `postgresql://` URL.
public enum RunStoreLocation: Sendable, Hashable {
    /// An SQLite file (created when missing).
    case sqlite(path: String)
    /// A PostgreSQL server: `postgresql://user:password@host:port/database`.
    case postgres(url: String)

    /// The file name of the default store inside an output folder: `plan run`, `scenarios run` and
    /// `runs` all look for `<out>/runs.sqlite` when `--store` is not given.
    public static let defaultFileName = "runs.sqlite"

    /// Reads `--store`: `postgresql://…` or `postgres://…` is a server, anything else a file path.
    ///
    /// - Throws: ``RunStoreError/invalidLocation(location:reason:)`` for an empty location or another
    ///   URL scheme (`mysql://…`), which would otherwise become a file of that name.
    public init(parsing location: String) throws {
        if location.isEmpty {
            throw RunStoreError.invalidLocation(
                location: location, reason: "expected a file path or a postgresql:// URL, got an empty value")
        }
        let lowered = location.lowercased()
        if lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://") {
            _ = try PostgresLocation(parsing: location)
            self = .postgres(url: location)
        } else if let scheme = lowered.range(of: "://").map({ lowered[..<$0.lowerBound] }),
            !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        {
            throw RunStoreError.invalidLocation(
                location: location, reason: "unsupported scheme '\(scheme)'; expected a file path or postgresql://")
        } else {
            self = .sqlite(path: location)
        }
    }

    /// Opens and migrates the store.
    ///
    /// - Parameter create: whether a missing SQLite file is created (writers) or an error (readers).
    /// - Returns: the migrated store; call ``RunStore/close()`` when done.
    /// - Throws: ``RunStoreError`` when the file or server cannot be used.
    public func open(create: Bool = true) async throws -> any RunStore {
        let store: any RunStore
        switch self {
        case .sqlite(let path):
            if !create && !FileManager.default.fileExists(atPath: path) { throw RunStoreError.missingStore(path: path) }
            store = try SQLiteRunStore(path: path)
        case .postgres(let url): store = try PostgresRunStore(url: url)
        }
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }
}

extension RunStoreLocation: CustomStringConvertible {
    /// The path, or the URL with its password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): PostgresLocation.redact(url)
        }
    }
}

/// Opens and migrates the run store a `--store` value names.
///
/// A file path is SQLite, `postgresql://…` PostgreSQL. Call ``RunStore/close()`` when done.
///
/// - Throws: ``RunStoreError`` when the location is not usable or the store cannot be opened.
public func openRunStore(at location: String) async throws -> any RunStore {
    try await RunStoreLocation(parsing: location).open()
}
