import Foundation
import SalesData
import TestSupport
import Testing

@Suite struct AtomicFolderTests {
    /// The contents of `folder` as relative path → text, subfolders included.
    private static func contents(_ folder: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        for name in names {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
            if !isFolder.boolValue {
                out[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
        }
        return out
    }

    @Test func filesInSubfoldersAreWrittenAndReplacedWhole() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try AtomicFolder.write(
            [
                ("a.csv", Array("1\n".utf8)), ("statements/R1.html", Array("<p>R1</p>".utf8)),
                ("statements/R2.html", Array("<p>R2</p>".utf8)),
            ], to: out)
        #expect(
            try Self.contents(out) == [
                "a.csv": "1\n", "statements/R1.html": "<p>R1</p>", "statements/R2.html": "<p>R2</p>",
            ])
        // a second run replaces the folder whole: R2's statement from the first run is gone
        try AtomicFolder.write(
            [("a.csv", Array("2\n".utf8)), ("statements/R1.html", Array("<p>new</p>".utf8))], to: out)
        #expect(try Self.contents(out) == ["a.csv": "2\n", "statements/R1.html": "<p>new</p>"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
    }

    @Test func aFolderHoldingOtherFilesIsNotReplaced() throws {
        let root = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: out.appendingPathComponent("notes.txt"))
        #expect(throws: AtomicFolderError.foreignFiles(path: out.path, names: ["notes.txt"])) {
            try AtomicFolder.write([("statements/R1.html", Array("x".utf8))], to: out)
        }
        #expect(try Self.contents(out) == ["notes.txt": "keep"])
    }
}
