import Foundation

extension Fixtures {
    /// A new, empty folder under the system's temporary directory, named `<prefix>-<UUID>`.
    ///
    /// ```swift
    /// let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
    /// try "id\n".write(to: folder.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    /// ```
    public static func temporaryFolder(prefix: String = "meridian-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
