import Foundation

extension RunRecord {
    /// The recorded output files that are missing from ``outputFolder`` or whose bytes changed since
    /// the run, each as `path (missing)` or `path (changed)`, in record order; empty when the folder
    /// still holds exactly what the run wrote.
    ///
    /// ```swift
    /// let changed = run.changedOutputs(ignoringSteps: ["report"])
    /// // ["territories/assignment.csv (changed)"] after someone edited that file
    /// ```
    ///
    /// - Parameter ignoringSteps: steps whose outputs are not checked (for example `report`, whose page
    ///   a re-render rewrites).
    /// - Returns: The missing or changed files, `path (missing)` or `path (changed)`.
    /// - Complexity: Reads and digests every checked file once.
    public func changedOutputs(ignoringSteps: Set<String> = []) -> [String] {
        let folder = URL(fileURLWithPath: outputFolder)
        var changed: [String] = []
        for step in steps where !ignoringSteps.contains(step.name) {
            for output in step.outputs {
                let url = folder.appendingPathComponent(output.path)
                guard let data = try? Data(contentsOf: url) else {
                    changed.append("\(output.path) (missing)")
                    continue
                }
                if Int64(data.count) != output.bytes || SHA256Digest.hex(of: data) != output.sha256 {
                    changed.append("\(output.path) (changed)")
                }
            }
        }
        return changed
    }
}
