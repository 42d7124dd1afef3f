import Foundation

/// Reads whole files into byte arrays for ``CSVReader``.
enum FileBytes {
    /// The bytes of the file at `url`.
    ///
    /// - Throws: ``SalesDataError/missingFile(path:)`` when the file does not exist, otherwise the
    ///   underlying read error.
    static func read(_ url: URL) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: url.path) else { throw SalesDataError.missingFile(path: url.path) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return [UInt8](try handle.readToEnd() ?? Data())
    }
}

