import Foundation
import TestSupport
import Testing

@testable import meridian

@Suite struct DataCommandTests {
    /// The built `meridian` binary beside the test bundle.
    static var binary: URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(), URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        return candidates.map { $0.appendingPathComponent("meridian") }.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0].appendingPathComponent("meridian")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func parsesTheDataSubcommands() throws {
        let generate = try #require(try Meridian.parseAsRoot(["data", "generate", "--seed", "7", "--accounts", "10", "--out", "x"]) as? Meridian.DataCommand.Generate)
        #expect(generate.seed == 7 && generate.accounts == 10 && generate.reps == 120 && generate.out == "x")
        let validate = try #require(try Meridian.parseAsRoot(["data", "validate", "Data/demo"]) as? Meridian.DataCommand.Validate)
        #expect(validate.folder == "Data/demo")
        #expect(throws: (any Error).self) { try Meridian.parseAsRoot(["data", "generate", "--reps", "5", "--out", "x"]) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func validateExitsZeroOnTheDemoAnd65OnBadDataWithLocatedMessages() throws {
        let clean = try Self.run(["data", "validate", "Data/demo"])
        #expect(clean.status == 0)
        #expect(clean.output.hasPrefix("Data/demo: ok (20000 accounts"))

        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,name,latitude,longitude,owner_id\nA1,Acme,33.7,-84.4,R1\nA2,Beta,95,-84.4,R9\nA1,Dup,1,1,\n"
            .write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        try "id,name\nR1,Bo\n".write(to: folder.appendingPathComponent("reps.csv"), atomically: true, encoding: .utf8)
        let bad = try Self.run(["data", "validate", folder.path])
        #expect(bad.status == 65)
        #expect(bad.output.split(separator: "\n").map(String.init) == [
            "\(folder.path)/accounts.csv:3:3: latitude: \"95\" is out of range; expected a number in -90...90",
            "\(folder.path)/accounts.csv:4:1: id A1 is used twice (first on line 2); ids must be unique",
        ])
        #expect(bad.error.contains("2 problem(s) found"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: binary.path)))
    func generateIsDeterministicAndItsOutputValidates() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a")
        let second = folder.appendingPathComponent("b")
        for out in [first, second] {
            let result = try Self.run(["data", "generate", "--seed", "3", "--accounts", "500", "--reps", "12", "--out", out.path])
            #expect(result.status == 0, "\(result.error)")
        }
        for name in ["accounts.csv", "reps.csv", "territories.csv", "opportunities.csv", "transactions.csv", "splits.csv", "activities.csv", "accounts_truth.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b && !a.isEmpty, "\(name)")
        }
        #expect(try Self.run(["data", "validate", first.path]).status == 0)
        #expect(try Self.run(["data", "generate", "--reps", "5", "--out", first.path]).status == 64)
    }
}
