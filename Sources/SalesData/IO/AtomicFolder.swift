import Foundation

/// Writes a folder of files whole: a reader, or the next run after a crash or `kill -9`, sees the
/// previous folder or the complete new one, never a partial set.
///
/// ```swift
/// try AtomicFolder.write(
///     [("assignment.csv", Data(csv.utf8)), ("metrics.json", json)], to: URL(fileURLWithPath: "out"))
/// ```
///
/// How, and the guarantee under SIGKILL (which runs no cleanup):
/// 1. The files are written into a temporary sibling `.NAME.PID.TOKEN.tmp` (partial while it has
///    this name), which is then renamed `.NAME.PID.TOKEN.new` (complete).
/// 2. Without a previous folder, `.new` is renamed to `NAME`. With one, `NAME` is renamed away to
///    `.NAME.PID.TOKEN.old`, `.new` is renamed to `NAME`, and `.old` is deleted. Each rename is one
///    atomic `rename(2)` in the same parent folder.
/// 3. Every write first *recovers* siblings left by processes that no longer run (no
///    `/proc/PID`): `.tmp` is deleted; when `NAME` is missing (a kill between the two renames of
///    step 2), the complete `.new` (else `.old`) is renamed back to `NAME`; the rest is deleted.
///
/// So `NAME` itself is always absent, the previous complete folder or the new complete folder; a
/// kill can leave dot-named siblings of the dead process, and the next write to the same folder
/// (``recover(_:)``) removes them or puts the complete one in place. A reused PID only delays
/// that clean-up. The folder's own contents are replaced whole: files in the old folder that the new
/// set does not contain disappear, so the writer refuses (``AtomicFolderError/foreignFiles(path:names:)``) to
/// replace a folder that holds files outside `owned`.
public enum AtomicFolder {
    /// Whether `folder` exists, after checking that a write owning `owned` may replace it: so a
    /// long command can refuse a folder before it computes anything rather than after.
    ///
    /// - Throws: ``AtomicFolderError/notAFolder(path:)`` when a file has its name,
    ///   ``AtomicFolderError/foreignFiles(path:names:)`` when it holds names outside `owned`.
    @discardableResult
    public static func checkReplaceable(_ folder: URL, owned: Set<String>) throws -> Bool {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return false }
        guard isFolder.boolValue else { throw AtomicFolderError.notAFolder(path: folder.path) }
        let foreign = try attempt("list", folder) { try manager.contentsOfDirectory(atPath: folder.path) }
            .filter { !owned.contains($0) }.sorted()
        if !foreign.isEmpty { throw AtomicFolderError.foreignFiles(path: folder.path, names: foreign) }
        return true
    }

    /// Writes `files` (name → bytes) as the complete contents of `folder`.
    ///
    /// - Parameters:
    ///   - files: File names and their bytes; a name may hold a relative subfolder
    ///     (`statements/R012.html`), which is created inside the new folder.
    ///   - folder: The destination; its parent is created when needed.
    ///   - owned: Further names the writer may replace (files of an earlier run with other options);
    ///     the names in `files`, and the top-level subfolders they name, are always owned.
    /// - Throws: ``AtomicFolderError`` with the path and a plain sentence; `folder` is then untouched.
    public static func write(_ files: [(name: String, data: Data)], to folder: URL, owned: Set<String> = []) throws {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        try attempt("create", parent) { try manager.createDirectory(at: parent, withIntermediateDirectories: true) }
        try recover(folder)
        let exists = try checkReplaceable(
            folder, owned: owned.union(files.map { String($0.name.prefix { $0 != "/" }) }))
        let stem = ".\(name).\(getpid()).\(UUID().uuidString.prefix(8))"
        let temporary = parent.appendingPathComponent(stem + ".tmp")
        let complete = parent.appendingPathComponent(stem + ".new")
        let old = parent.appendingPathComponent(stem + ".old")
        do {
            try attempt("create", temporary) {
                try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            }
            for file in files {
                let url = temporary.appendingPathComponent(file.name)
                if file.name.contains("/") {
                    let subfolder = url.deletingLastPathComponent()
                    try attempt("create", subfolder) {
                        try manager.createDirectory(at: subfolder, withIntermediateDirectories: true)
                    }
                }
                try attempt("write", url) { try file.data.write(to: url) }
            }
            try move(temporary, to: complete)
            if exists { try move(folder, to: old) }
            try move(complete, to: folder)
        } catch {
            try? manager.removeItem(at: temporary)
            if manager.fileExists(atPath: complete.path) {
                if !manager.fileExists(atPath: folder.path), manager.fileExists(atPath: old.path) {
                    try? move(old, to: folder)
                }
                try? manager.removeItem(at: complete)
            }
            throw error
        }
        if exists { try? manager.removeItem(at: old) }
    }

    /// ``write(_:to:owned:)`` for files held as byte arrays, as the CSV and HTML writers produce them.
    public static func write(_ files: [(name: String, bytes: [UInt8])], to folder: URL, owned: Set<String> = []) throws
    {
        try write(files.map { (name: $0.name, data: Data($0.bytes)) }, to: folder, owned: owned)
    }

    /// Cleans the dot-named siblings of `folder` left by dead processes (see the type's doc):
    /// deletes partial `.tmp` folders and, when `folder` is missing, renames the complete `.new`
    /// (else `.old`) back into place.
    ///
    /// Siblings of running processes are left alone.
    ///
    /// - Throws: ``AtomicFolderError/failed(operation:path:reason:)`` when a rename back fails.
    public static func recover(_ folder: URL) throws {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent)."
        guard let siblings = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        let stale = siblings.filter { $0.hasPrefix(prefix) && !isRunning(pid(in: $0, after: prefix)) }
        for kind in [".tmp", ".new", ".old"] {
            for sibling in stale.sorted() where sibling.hasSuffix(kind) {
                let url = parent.appendingPathComponent(sibling)
                if kind != ".tmp" && !manager.fileExists(atPath: folder.path) {
                    try move(url, to: folder)
                } else {
                    try? manager.removeItem(at: url)
                }
            }
        }
    }

    /// The PID in a sibling name `PREFIX PID.TOKEN.KIND`, or `nil`.
    private static func pid(in sibling: String, after prefix: String) -> Int32? {
        Int32(sibling.dropFirst(prefix.count).prefix { $0 != "." })
    }

    /// Whether a process with this id runs (on Linux: `/proc/PID` exists).
    ///
    /// Unknown ids count as dead.
    static func isRunning(_ pid: Int32?) -> Bool {
        guard let pid, pid > 0 else { return false }
        return pid == getpid() || FileManager.default.fileExists(atPath: "/proc/\(pid)")
    }

    private static func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            throw AtomicFolderError.failed(
                operation: "rename", path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    private static func attempt<T>(_ operation: String, _ url: URL, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as AtomicFolderError { throw error } catch {
            throw AtomicFolderError.failed(operation: operation, path: url.path, reason: plainReason(error))
        }
    }

    /// A file-system error as one plain sentence (the POSIX reason when there is one).
    public static func plainReason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
            case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
            case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
            case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
            default: break
            }
        }
        return ns.localizedDescription.replacingOccurrences(of: "The operation could not be completed. ", with: "")
    }
}

/// Why ``AtomicFolder`` could not write a folder.
public enum AtomicFolderError: Error, Hashable, CustomStringConvertible {
    /// A file-system call failed.
    case failed(operation: String, path: String, reason: String)
    /// The destination exists and is a file.
    case notAFolder(path: String)
    /// The destination holds files this writer does not produce; replacing it would delete them.
    case foreignFiles(path: String, names: [String])

    public var description: String {
        switch self {
        case .failed(let operation, let path, let reason): "cannot \(operation) \(path): \(reason)"
        case .notAFolder(let path): "cannot write the folder \(path): a file has that name"
        case .foreignFiles(let path, let names):
            "refusing to replace \(path): it holds files this command does not write ("
                + ErrorText.quoted(names.prefix(5).joined(separator: ", ")) + (names.count > 5 ? ", …" : "")
                + "); choose an empty or new folder"
        }
    }
}
