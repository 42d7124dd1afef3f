import ArgumentParser
import Foundation
import Planning
import RunStore
import SalesData

extension Meridian {
    /// `meridian scenarios run | compare`: a batch of plan variants (docs/scale-out.md).
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scenarios", abstract: "Run a batch of plan variants (resumable, shardable) and compare them.",
            discussion: ExitStatus.discussion(), subcommands: [Run.self, Compare.self])
    }
}

extension Meridian.Scenarios {
    /// `meridian scenarios run FILE [--jobs N] [--shard i/n] [--store FILE|URL] [--out DIR] …`.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario file's scenarios (or one shard of them), resuming an interrupted batch.",
            discussion: ExitStatus.discussion(
                """
                Runs each scenario's plan as `meridian plan run` does, into OUT/<scenario>/ (written whole), \
                --jobs at a time, all sharing one step cache. Each scenario is claimed in the run store before \
                it runs and completed after its run is recorded, so running the same command again (or several \
                shards at once against one store) never runs a finished scenario twice. Prints one line per \
                scenario and a summary, and writes the batch's comparison to OUT/compare.json. Exits 0 when \
                every scenario of the shard completed with a solution, else with the first failed scenario's \
                status (file order) from the table below.
                """))

        @Argument(help: "The scenario file (YAML, see docs/scale-out.md).") var file: String
        @Option(help: "Scenarios run at once (at least 1).") var jobs: Int = 1
        @Option(
            help: ArgumentHelp(
                "Run only shard i of n, 0-based (0/3, 1/3, 2/3): scenarios i, i+n, i+2n, … of the file.",
                valueName: "i/n"))
        var shard: String?
        @Option(
            help: ArgumentHelp(
                "Run store: an SQLite file or a postgresql:// URL (default: OUT/runs.sqlite).", valueName: "file|url"))
        var store: String?
        @Option(help: "Output folder (default: out/<scenario file name>).") var out: String?
        @Option(help: "Step cache folder shared by the scenarios (default: OUT/cache).") var cache: String?
        @Flag(help: "Run every step; read and write no cache.") var noCache = false
        @Option(help: "This process's name in the store's claims (default: host:pid:random).") var worker: String?
        @Option(help: "Take over a claim its worker has not renewed for this many seconds.") var staleAfter: Double = 60

        func validate() throws {
            try FlagChecks.atLeast(jobs, 1, "--jobs")
            if jobs > 1024 { throw ValidationError("--jobs must be at most 1024, got \(jobs)") }
            if let shard { _ = try Meridian.usage { try Shard(parsing: shard) } }
            if let store { _ = try Meridian.usage { try RunStoreLocation(parsing: store) } }
            if noCache && cache != nil { throw ValidationError("give --cache or --no-cache, not both") }
            if let worker, worker.isEmpty || worker.count > 200 {
                throw ValidationError("--worker must be 1 to 200 characters, got \(ErrorText.quoted(worker))")
            }
            try FlagChecks.positive(staleAfter, "--stale-after", maximum: 1e6)
        }

        func run() throws {
            let scenarioFile = try ScenarioFile(contentsOf: URL(fileURLWithPath: file))
            let output = URL(fileURLWithPath: out ?? PlanRunner.defaultOutput(for: file))
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let cacheFolder = noCache ? nil : URL(fileURLWithPath: cache ?? output.appendingPathComponent("cache").path)
            let location = try PlanRecorder.location(store: store, output: output)
            let shard = try shard.map { try Shard(parsing: $0) } ?? .all
            let executor = ScenarioPlanExecutor(
                file: scenarioFile, output: output, cacheFolder: cacheFolder,
                exitCode: { ExitStatus(classifying: $0).rawValue },
                unsolvedExitCode: { ($0 ? ExitStatus.infeasible : .limitWithoutSolution).rawValue })
            let (jobs, worker, staleAfter) = (jobs, worker ?? ScenarioBatch.defaultWorker(), staleAfter)
            Self.say(
                "batch \(scenarioFile.batch): \(scenarioFile.scenarios(in: shard).count) of "
                    + "\(scenarioFile.scenarios.count) scenarios in shard \(shard), \(jobs) at a time, worker \(worker)"
            )
            let started = Date()
            let (summary, runs, comparison) = try Meridian.waitFor {
                let store = try await location.open(create: true)
                do {
                    let batch = ScenarioBatch(
                        file: scenarioFile, store: store, jobs: jobs, shard: shard, worker: worker,
                        staleAfterSeconds: staleAfter, log: { Self.say($0) }, execute: executor.execute)
                    let summary = try await batch.run()
                    let result = (
                        summary, try await batch.shardRuns(),
                        try await ScenarioComparison(file: scenarioFile, store: store)
                    )
                    await store.close()
                    return result
                } catch {
                    await store.close()
                    throw error
                }
            }
            try AtomicFile.write(try comparison.json, to: output.appendingPathComponent("compare.json"))
            Self.say(summary.report(wallSeconds: Date().timeIntervalSince(started)))
            Self.say("scenario folders in \(output.path)/, recorded in \(location), comparison in compare.json")
            let unsuccessful = runs.filter { $0.exitCode != 0 }
            if let first = unsuccessful.first {
                let reason = first.error.map { ": \($0.prefix(200))" } ?? " (an optimizer holds no solution)"
                FileHandle.standardError.write(
                    Data(
                        ("error: \(unsuccessful.count) scenario(s) did not succeed; first \(first.scenario ?? first.id) "
                            + "(exit \(first.exitCode))\(reason)\n").utf8))
                throw ExitCode(first.exitCode)
            }
        }
    }
}

extension Meridian.Scenarios.Run {
    /// Writes one line to standard output at once (unbuffered), so a log collector sees each scenario
    /// as it finishes, and lines from parallel scenarios never interleave.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// `--format table|csv|json` for `scenarios compare`.
enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    /// The format a file name's extension names (`.csv`, `.json`), if any.
    init?(fileExtensionOf path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }

    /// The file name `--out DIR` writes.
    var fileName: String { self == .table ? "compare.txt" : "compare.\(rawValue)" }
}

extension Meridian.Scenarios {
    /// `meridian scenarios compare FILE|--batch ID [--store FILE|URL] [--format …] [--out FILE|DIR]`.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The scenarios side by side, from the run store, the best of each column marked.",
            discussion: ExitStatus.discussion(
                """
                One row per scenario (file order; by name with --batch), one column per figure: max deviation \
                per measure, accounts and value moved, weighted travel, seat quota p10/p50/p90 and Gini, the \
                expected share of reps at or above quota (and cost of sales and payout percentiles when the \
                runs recorded them). `*` marks each ranked column's best; `limited` in the clock column marks \
                a run a time limit stopped. The JSON shape is documented in docs/scale-out.md.
                """))

        @Argument(help: "The scenario file (the batch is its content hash with the base plan's).") var file: String?
        @Option(help: "A batch id as `scenarios run` prints it, instead of FILE.") var batch: String?
        @Option(
            help: ArgumentHelp(
                "Run store: an SQLite file or a postgresql:// URL (default: runs.sqlite in --out DIR, else in "
                    + "the default output folder of FILE).", valueName: "file|url"))
        var store: String?
        @Option(help: "Output format: table, csv or json (default: from --out FILE's .csv or .json, else table).")
        var format: ComparisonFormat?
        @Option(
            help: ArgumentHelp(
                "Write to this file; or, for an existing folder (the batch's), to compare.txt|csv|json in it.",
                valueName: "file|dir"))
        var out: String?

        func validate() throws {
            if (file == nil) == (batch == nil) {
                throw ValidationError("give a scenario FILE or --batch ID (one of them)")
            }
            if let store { _ = try Meridian.usage { try RunStoreLocation(parsing: store) } }
            if let batch, batch.count != 64 || !batch.allSatisfy(\.isHexDigit) {
                throw ValidationError("--batch must be a 64-digit hex batch id, got \(ErrorText.quoted(batch))")
            }
            if let out, let store,
                URL(fileURLWithPath: out).standardizedFileURL == URL(fileURLWithPath: store).standardizedFileURL
            {
                throw ValidationError("--out \(ErrorText.quoted(out)) is the run store; name another file or a folder")
            }
            if store == nil && batch != nil && outFolder == nil {
                throw ValidationError("with --batch, give --store FILE|URL or --out DIR (the batch's folder)")
            }
        }

        /// `--out` when it names an existing folder.
        var outFolder: URL? {
            var isFolder: ObjCBool = false
            guard let out, FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue
            else { return nil }
            return URL(fileURLWithPath: out, isDirectory: true)
        }

        func run() throws {
            let folder = outFolder
            let storeFolder = folder ?? file.map { URL(fileURLWithPath: PlanRunner.defaultOutput(for: $0)) }
            let location = try PlanRecorder.location(store: store, output: storeFolder ?? URL(fileURLWithPath: "."))
            let scenarioFile = try file.map { try ScenarioFile(contentsOf: URL(fileURLWithPath: $0)) }
            let batch = batch
            let comparison: ScenarioComparison
            do {
                comparison = try Meridian.waitFor {
                    let store = try await location.open(create: false)
                    do {
                        let comparison =
                            if let scenarioFile {
                                try await ScenarioComparison(file: scenarioFile, store: store)
                            } else {
                                try await ScenarioComparison(batch: batch ?? "", store: store)
                            }
                        await store.close()
                        return comparison
                    } catch {
                        await store.close()
                        throw error
                    }
                }
            } catch let error as PlanningError {
                throw ValidationError("\(error)")  // an unknown --batch id
            }
            // a file named .csv or .json gets that format unless --format says otherwise
            let format =
                self.format ?? (folder == nil ? out.flatMap { ComparisonFormat(fileExtensionOf: $0) } : nil) ?? .table
            let text =
                switch format {
                case .table: comparison.table
                case .csv: comparison.csv
                case .json: try comparison.json
                }
            guard let out else {
                print(text, terminator: "")
                return
            }
            let target = folder?.appendingPathComponent(format.fileName) ?? URL(fileURLWithPath: out)
            try AtomicFile.write(text, to: target)
            print("comparison of \(comparison.rows.count) scenarios written to \(target.path)")
        }
    }
}
