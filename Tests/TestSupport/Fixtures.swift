import Foundation

/// Locations of the repository's fixtures and of the shared data beside the clone.
public enum Fixtures {
    /// The repository root (the folder holding `Package.swift`).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `shared` beside the clone (or beside a folder above it, as for a worktree in `wt/<name>`):
    /// real US geography and the benchmark instances.
    public static let sharedDirectory: URL = {
        var folder = repositoryRoot.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("instances").path) {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// `../shared/instances/<name>`.
    public static func instance(_ folder: String, _ file: String) -> URL {
        sharedDirectory.appendingPathComponent("instances").appendingPathComponent(folder).appendingPathComponent(file)
    }
}
