import Foundation
import TestSupport
import Testing

@testable import meridian

@Suite struct DataCommandTests {
    @Test func parsesTheDataSubcommands() throws {
        let generate = try #require(
            try Meridian.parseAsRoot(["data", "generate", "--seed", "7", "--accounts", "10", "--out", "x"])
                as? Meridian.DataCommand.Generate)
        let request = try generate.request()
        #expect(request.seed == 7 && request.accounts == 10 && request.reps == 120 && generate.out == "x")
        let validate = try #require(
            try Meridian.parseAsRoot(["data", "validate", "Data/demo"]) as? Meridian.DataCommand.Validate)
        #expect(validate.folder == "Data/demo")
        let tooFewReps = try #require(
            try Meridian.parseAsRoot(["data", "generate", "--reps", "5", "--out", "x"])
                as? Meridian.DataCommand.Generate)
        #expect { try tooFewReps.request() } throws: { ($0 as? RequestBuildError)?.exitCode.rawValue == 64 }
    }

    @Test func validateExitsZeroOnTheDemoAnd65OnBadDataWithLocatedMessages() throws {
        let clean = try MeridianProcess.run(["data", "validate", "Data/demo"])
        #expect(clean.status == 0)
        #expect(clean.stdout.hasPrefix("Data/demo: ok (20000 accounts"))

        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,name,latitude,longitude,owner_id\nA1,Acme,33.7,-84.4,R1\nA2,Beta,95,-84.4,R9\nA1,Dup,1,1,\n"
            .write(to: folder.appendingPathComponent("accounts.csv"), atomically: true, encoding: .utf8)
        try "id,name\nR1,Bo\n".write(to: folder.appendingPathComponent("reps.csv"), atomically: true, encoding: .utf8)
        let bad = try MeridianProcess.run(["data", "validate", folder.path])
        #expect(bad.status == 65)
        #expect(
            bad.stdout.split(separator: "\n").map(String.init) == [
                "\(folder.path)/accounts.csv:3:3: latitude: \"95\" is out of range; expected a number in -90...90",
                "\(folder.path)/accounts.csv:4:1: id A1 is used twice (first on line 2); ids must be unique",
            ])
        #expect(bad.stderr.contains("2 problem(s) found"))
    }

    @Test func generateIsDeterministicAndItsOutputValidates() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a")
        let second = folder.appendingPathComponent("b")
        for out in [first, second] {
            let result = try MeridianProcess.run([
                "data", "generate", "--seed", "3", "--accounts", "500", "--reps", "12", "--out", out.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        for name in [
            "accounts.csv", "reps.csv", "territories.csv", "opportunities.csv", "transactions.csv", "splits.csv",
            "activities.csv", "accounts_truth.csv",
        ] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b && !a.isEmpty, "\(name)")
        }
        #expect(try MeridianProcess.run(["data", "validate", first.path]).status == 0)
        #expect(try MeridianProcess.run(["data", "generate", "--reps", "5", "--out", first.path]).status == 64)
    }
}
