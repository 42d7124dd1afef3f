import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import meridian

/// One exit-status table for every command, plain error sentences, short quotes of bad values,
/// and located data errors (one per problem, not one per row it cascades to).
@Suite struct ExitStatusTests {
    static let commands: [any ParsableCommand.Type] = [
        Meridian.self, Meridian.Solve.self, Meridian.DataCommand.Validate.self, Meridian.DataCommand.Generate.self,
        Meridian.Segment.self, Meridian.Score.Train.self, Meridian.Score.Predict.self, Meridian.Score.Evaluate.self,
        Meridian.Territories.Design.self, Meridian.Quotas.Allocate.self,
    ]

    @Test func everyCommandsHelpListsTheExitStatusTable() {
        for command in Self.commands {
            let help = Meridian.helpMessage(for: command)
            for line in [
                "0   ok", "1   I/O or internal error", "3   no feasible solution", "4   a limit stopped",
                "64  usage error", "65  bad data",
            ] {
                #expect(help.contains(line), "\(command): \(line)")
            }
        }
    }

    @Test func aMissingInputFileIsOnePlainSentenceWithStatusOne() throws {
        let run = try MeridianProcess.run([
            "segment", "--input", "/no/such/accounts.csv", "--output", "/tmp/x.csv", "--features", "x",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr == "error: /no/such/accounts.csv: cannot read: No such file or directory\n")
    }

    @Test func aHugeBadValueIsQuotedShort() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-exit")
        let input = folder.appendingPathComponent("accounts.csv")
        try Data(("id,x\nA,1\nB," + String(repeating: "z", count: 10_000_000) + "\n").utf8).write(to: input)
        let run = try MeridianProcess.run([
            "segment", "--input", input.path, "--output", folder.appendingPathComponent("s.csv").path, "--features",
            "x",
        ])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("error: accounts.csv:3:2: x: 'zzz"), "\(run.stderr.prefix(300))")
        #expect(run.stderr.count < 400)
    }

    @Test func aNulByteIsBadDataWithItsLocation() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-exit")
        let input = folder.appendingPathComponent("accounts.csv")
        try Data("id,x\nA,1\nB,2\0\n".utf8).write(to: input)
        let run = try MeridianProcess.run([
            "segment", "--input", input.path, "--output", folder.appendingPathComponent("s.csv").path, "--features",
            "x",
        ])
        #expect(run.status == 65)
        #expect(run.stderr == "error: accounts.csv:3:2: a NUL byte; expected text\n")
    }

    @Test func oneMissingColumnIsOneErrorAndReferencesNameTheirColumn() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "meridian-exit").appendingPathComponent("demo")
        let generate = try MeridianProcess.run([
            "data", "generate", "--accounts", "300", "--reps", "12", "--out", folder.path,
        ])
        try #require(generate.status == 0, "\(generate.stderr)")
        // a dangling reference is located at its column
        let opportunities = folder.appendingPathComponent("opportunities.csv")
        var lines = try String(contentsOf: opportunities, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0].split(separator: ",").map(String.init)
        let accountColumn = try #require(header.firstIndex(of: "account_id"))
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[accountColumn] = "NO-SUCH-ACCOUNT"
        lines[1] = Substring(fields.joined(separator: ","))
        try lines.joined(separator: "\n").write(to: opportunities, atomically: true, encoding: .utf8)
        let dangling = try MeridianProcess.run(["data", "validate", folder.path])
        #expect(dangling.status == 65)
        #expect(
            dangling.stdout.contains(
                "opportunities.csv:2:\(accountColumn + 1): account_id: NO-SUCH-ACCOUNT does not exist"))
        // a missing required column of accounts.csv: one error, not one per referencing row
        let accounts = folder.appendingPathComponent("accounts.csv")
        let text = try String(contentsOf: accounts, encoding: .utf8)
        try text.replacingOccurrences(of: "id,name,", with: "id,label,").write(
            to: accounts, atomically: true, encoding: .utf8)
        let missing = try MeridianProcess.run(["data", "validate", folder.path])
        #expect(missing.status == 65)
        let problems = missing.stdout.split(separator: "\n")
        #expect(problems.count == 1, "\(problems.prefix(3))")
        #expect(problems.first?.contains("accounts.csv:1:0: missing required column name") == true)
    }
}
