import Foundation
import TestSupport
import Testing

/// The command lines of `docs/insights.md`, run as shown: every line of its `sh` blocks that
/// starts with `meridian` exits 0 on the demo (its `--out` folder moved to a temporary one).
@Suite struct InsightsDocumentationTests {
    /// The `meridian …` lines of the `sh` code blocks of a Markdown page, split on spaces.
    static func commandLines(ofMarkdown text: String) -> [[String]] {
        var inShellBlock = false
        var commands: [[String]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                inShellBlock = !inShellBlock && trimmed == "```sh"
            } else if inShellBlock && trimmed.hasPrefix("meridian ") {
                commands.append(trimmed.split(separator: " ").map(String.init))
            }
        }
        return commands
    }

    @Test func theParserFindsOnlyShellBlockCommands() {
        let page = "text meridian x\n```sh\nmeridian a --out o\n# note\n```\n```swift\nmeridian b\n```\n"
        #expect(Self.commandLines(ofMarkdown: page) == [["meridian", "a", "--out", "o"]])
    }

    @Test func everyCommandLineOfTheInsightsPageRunsOnTheDemo() throws {
        let page = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/insights.md"), encoding: .utf8)
        let commands = Self.commandLines(ofMarkdown: page)
        #expect(commands.count >= 6)
        let scratch = try Fixtures.temporaryFolder(prefix: "meridian-insights-docs")
        for (index, command) in commands.enumerated() {
            var arguments = Array(command.dropFirst())
            if let out = arguments.firstIndex(of: "--out"), out + 1 < arguments.count {
                arguments[out + 1] = scratch.appendingPathComponent("out\(index)").path
            }
            let run = try MeridianProcess.run(arguments)
            #expect(run.status == 0, "\(command.joined(separator: " ")): \(run.stderr)")
        }
    }
}
