import ArgumentParser
import Foundation
import RunStore

/// `--store FILE|URL` or `--out DIR`: where the recorded runs are.
struct RunStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run store: an SQLite file or a postgresql:// URL.", valueName: "file|url"))
    var store: String?

    @Option(
        help: ArgumentHelp(
            "The output folder of `plan run` or `scenarios run`; its runs.sqlite is the store when --store is not given.",
            valueName: "dir"))
    var out: String?

    func validate() throws {
        if store == nil && out == nil {
            throw ValidationError("give --store FILE|URL, or --out DIR to read DIR/\(RunStoreLocation.defaultFileName)")
        }
        if let store { _ = try Meridian.usage { try RunStoreLocation(parsing: store) } }
    }

    /// The store `--store` names, else `<out>/runs.sqlite`.
    var location: RunStoreLocation {
        get throws {
            if let store { return try RunStoreLocation(parsing: store) }
            let folder = URL(fileURLWithPath: out ?? ".")
            return .sqlite(path: folder.appendingPathComponent(RunStoreLocation.defaultFileName).path)
        }
    }

    /// Opens the existing store, runs `body` on it, and closes it.
    func reading<T: Sendable>(_ body: @escaping @Sendable (any RunStore) async throws -> T) throws -> T {
        let location = try location
        return try Meridian.waitFor {
            let store = try await location.open(create: false)
            do {
                let value = try await body(store)
                await store.close()
                return value
            } catch {
                await store.close()
                throw error
            }
        }
    }
}

/// `--format table|json` for `runs`.
enum RunsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension Meridian {
    /// `meridian runs list | show ID | diff A B`: the recorded plan runs.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs", abstract: "Recorded plan runs: list, show one, compare two.",
            discussion: ExitStatus.discussion(), subcommands: [List.self, Show.self, Diff.self])
    }
}

extension Meridian.Runs {
    /// `meridian runs list [--limit N]`: the newest runs first.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The recorded runs, newest first.", discussion: ExitStatus.discussion())

        @OptionGroup var source: RunStoreOptions
        @Option(help: "Show at most this many runs.") var limit: Int = 20
        @Flag(help: "Show every run (overrides --limit).") var all = false
        @Option(help: "Output format: table or json.") var format: RunsFormat = .table

        func validate() throws { try FlagChecks.atLeast(limit, 1, "--limit") }

        func run() throws {
            let limit = all ? nil : limit
            let runs = try source.reading { store in try await store.runs(limit: limit) }
            print(format == .json ? try RunReports.json(runs) : RunReports.listTable(runs), terminator: "")
        }
    }

    /// `meridian runs show ID`: one run in full.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One run: plan, steps, metrics, outputs, inputs and seeds.", discussion: ExitStatus.discussion())

        @OptionGroup var source: RunStoreOptions
        @Argument(help: "The run id (from `meridian runs list`).") var id: String
        @Option(help: "Output format: table or json.") var format: RunsFormat = .table

        func run() throws {
            let id = id
            let location = try source.location.description
            let run = try source.reading { store in
                guard let run = try await store.run(id: id) else {
                    throw RunStoreError.runNotFound(id: id, location: location)
                }
                return run
            }
            print(format == .json ? try RunReports.json(run) : RunReports.showTable(run), terminator: "")
        }
    }

    /// `meridian runs diff A B`: what changed from run A to run B.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Changed plan keys, step outcomes, metric deltas and output files from run A to run B.",
            discussion: ExitStatus.discussion())

        @OptionGroup var source: RunStoreOptions
        @Argument(help: "The earlier run id.") var before: String
        @Argument(help: "The later run id.") var after: String
        @Option(help: "Output format: table or json.") var format: RunsFormat = .table

        func run() throws {
            let ids = (before, after)
            let location = try source.location.description
            let diff = try source.reading { store in
                var records: [RunRecord] = []
                for id in [ids.0, ids.1] {
                    guard let run = try await store.run(id: id) else {
                        throw RunStoreError.runNotFound(id: id, location: location)
                    }
                    records.append(run)
                }
                return RunDiff(from: records[0], to: records[1])
            }
            print(format == .json ? try RunReports.json(diff) : RunReports.diffTable(diff), terminator: "")
        }
    }
}
