import Foundation

/// Writes files so that a failed run leaves no partial output: the bytes go to a temporary file
/// `.NAME.PID.UUID.tmp` in the destination's folder, which is then renamed over the destination in
/// one step.
///
/// A `kill -9` in between leaves that temporary file; the next write of the same file deletes it once its process is
/// gone. For a set of files, use ``AtomicFolder``.
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
        sweepStaleTemporaries(of: url)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // POSIX rename(2) replaces an existing destination atomically; Foundation's
            // `replaceItemAt` fails on Linux when the destination exists.
            guard rename(temporary.path, url.path) == 0 else {
                throw AtomicFolderError.failed(
                    operation: "rename", path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Deletes `.NAME.PID.UUID.tmp` siblings of `url` whose process no longer runs: a `kill -9`
    /// between writing and renaming leaves one, and the next write of the same file removes it.
    static func sweepStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for sibling in siblings where sibling.hasPrefix(prefix) && sibling.hasSuffix(".tmp") {
            let pid = Int32(sibling.dropFirst(prefix.count).prefix { $0 != "." })
            if !AtomicFolder.isRunning(pid) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(sibling))
            }
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
