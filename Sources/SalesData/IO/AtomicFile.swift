import Foundation

/// Writes files so that a failed run leaves no partial output: the bytes go to a temporary file in
/// the destination's folder, which is then renamed over the destination in one step.
///
/// ```swift
/// try AtomicFile.write(Data("a,b\n1,2\n".utf8), to: URL(fileURLWithPath: "out/plan.csv"))
/// ```
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating the parent folder when needed.
    ///
    /// - Throws: the underlying file-system error; the destination is then untouched.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // POSIX rename(2) replaces an existing destination atomically; Foundation's
            // `replaceItemAt` fails on Linux when the destination exists.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, "errno": errno])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
