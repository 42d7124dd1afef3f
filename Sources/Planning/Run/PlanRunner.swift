import Foundation
import LinearProgramming
import RunStore
import SalesData

/// Runs a ``PlanFile``: every step in order, each handing typed values to the next (the accounts
/// table gains the segmentation and scoring columns; the quota step cascades over the new
/// alignment), each step's outputs taken from the `StepCache` when nothing it depends on changed.
///
/// ```swift
/// let plan = try PlanFile(contentsOf: URL(fileURLWithPath: "Data/demo/plan.yaml"))
/// let run = try PlanRunner(plan: plan, planText: text, planPath: "Data/demo/plan.yaml").run(to: out)
/// run.record.steps.map(\.cacheHit)
/// ```
///
/// The output folder is written whole (temp sibling + rename): one subfolder per step with the
/// files the step's single command writes, `report.html` (Reports' page of those files), the plan
/// text as `plan.yaml`, and the run record as `run.json`. A failed step still writes the folder, with the steps before it and a failed record.
public struct PlanRunner: Sendable {
    public let plan: PlanFile
    /// The plan's text, recorded and hashed.
    public let planText: String
    /// The plan file as named on the command line.
    public let planPath: String
    /// The step cache folder; `nil` runs every step.
    public let cacheFolder: URL?
    /// Receives each step's one-line summary as it finishes.
    public let log: @Sendable (String) -> Void

    /// The code version of each step; bump one when its outputs change for the same inputs, which
    /// invalidates its cache entries and every later step's.
    public static let stepVersions: [PlanStep: String] = [
        // territories 2: territories_before.csv and the before figures in metrics.json; insights 2: the
        // quota step's quotas; comp 2: credits in person, transaction, kind order; simulation 2: the
        // seats' capacity in the calibration, 3: SPIFFs on drawn deals
        .segmentation: "1", .scoring: "1", .territories: "2", .quotas: "2", .capacity: "1", .insights: "2",
        .comp: "2", .simulation: "3",
    ]

    public init(
        plan: PlanFile, planText: String, planPath: String, cacheFolder: URL? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.plan = plan
        self.planText = planText
        self.planPath = planPath
        self.cacheFolder = cacheFolder
        self.log = log
    }

    /// Runs the plan, writes `folder`, and hands the run record to `record` (the run store).
    ///
    /// - Parameters:
    ///   - folder: The output folder, replaced whole; a run store file of earlier runs in it
    ///     (`runs.sqlite`) is carried into the new folder.
    ///   - exitCode: The exit status a failure maps to (the CLI's one table), recorded in the run.
    ///   - record: Stores the finished record (completed or failed), after the folder is written.
    /// - Returns: The run: its record and each step's termination.
    /// - Throws: The failing step's error, after the folder (with a failed record) is written and
    ///   recorded; `record`'s error.
    public func run(
        to folder: URL, exitCode: (any Error) -> Int32 = { _ in 1 }, record: (RunRecord) throws -> Void = { _ in }
    ) throws -> PlanRun {
        try plan.validate()
        // refuse a folder the run may not replace now, not after its steps have run
        try AtomicFolder.checkReplaceable(folder, owned: Self.ownedNames)
        let started = Date()
        var inputs: [FileDigest] = []
        var records: [StepRecord] = []
        var files: [(name: String, data: Data)] = [("plan.yaml", Data(planText.utf8))]
        var terminations: [PlanStep: StepOutcome] = [:]
        var failure: (any Error)?
        do {
            var state = try PlanState(plan: plan)
            inputs = state.inputs
            try runSteps(
                plan.steps, state: &state, folder: folder.path, files: &files, records: &records,
                outcomes: &terminations)
            let reportStart = Date()
            if let page = try state.report(files: files, folderName: folder.lastPathComponent) {
                // the accounts as this run built them, so `meridian report DIR|RUN` draws the same map
                files.append((Self.accountsFileName, Data(state.accounts.table.csv().utf8)))
                files.append((Self.reportFileName, page))
                let seconds = Date().timeIntervalSince(reportStart)
                log(String(format: "report: [%.1fs] → %@/%@", seconds, folder.path, Self.reportFileName))
            } else {
                log("report: not written, no step output to show (territories, quotas, comp, insights)")
            }
        } catch {
            failure = error
        }
        let runRecord = RunRecord(
            id: Self.runID(started), planPath: planPath, planText: planText, planHash: SHA256Digest.hex(of: planText),
            outputFolder: folder.path, startedAt: started, endedAt: Date(),
            status: failure == nil ? .completed : .failed,
            exitCode: failure.map(exitCode) ?? 0, error: failure.map { String(describing: $0) },
            seeds: plan.seeds, inputs: inputs, steps: records)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        files.append(("run.json", try encoder.encode(runRecord)))
        files += Self.carriedStore(in: folder)
        try AtomicFolder.write(files, to: folder, owned: Self.ownedNames)
        try record(runRecord)
        if let failure { throw failure }
        return PlanRun(record: runRecord, outcomes: terminations)
    }

    /// Runs the plan's steps up to the simulation (each from the step cache when nothing it depends
    /// on changed, and stored there when computed), without writing a run folder: the files of the
    /// simulation step (`summary.csv`, `reps.csv`, `summary.txt`), for `meridian simulate --plan`.
    ///
    /// Capacity and insights do not feed the simulation and are not run; comp's months are not
    /// calculated either (the simulation reads only comp's plans), but its cache key still chains.
    ///
    /// - Throws: ``PlanningError/invalidValue(key:value:expected:)`` for a plan without a simulation
    ///   section; the failing step's error.
    public func simulationFiles() throws -> [(name: String, data: Data)] {
        try files(of: .simulation, skipping: [.capacity, .insights], keyOnly: [.comp])
    }

    /// What the plan's simulation reads, after the steps before it (segmentation, scoring,
    /// territories, quotas; each from the step cache when unchanged): for `meridian simulate solve
    /// --plan`, which searches a plan parameter over the same calibrated model the simulation step uses.
    ///
    /// - Throws: ``PlanningError/invalidValue(key:value:expected:)`` for a plan without a simulation
    ///   section or without a quota step; the failing step's error.
    public func simulationInputs() throws -> PlanSimulationInputs {
        guard plan.steps.contains(.quotas) else {
            throw PlanningError.invalidValue(
                key: "quotas", value: "", expected: "a quotas section: the simulation is calibrated on its quotas")
        }
        var state = try runUpTo(.simulation, skipping: [.capacity, .insights, .comp, .simulation]).state
        guard let inputs = try state.simulationInputs() else {
            throw PlanningError.invalidValue(key: "simulation", value: "", expected: "a simulation section")
        }
        return inputs
    }

    /// The insights step's files (as `meridian insights --out` writes them) after the steps it reads.
    ///
    /// Segmentation, scoring, territories and quotas run first, each from the step cache when
    /// unchanged, so the scorecards get the quota step's quotas for the period (`PlanState` hands
    /// them over by seat). Capacity, comp and the simulation are skipped.
    ///
    /// - Throws: ``PlanningError`` when the plan has no insights section or a step fails.
    public func insightsFiles() throws -> [(name: String, data: Data)] {
        try files(of: .insights, skipping: [.capacity, .comp, .simulation])
    }

    /// The files of `target` (its section must be in the plan), by name within its folder, after
    /// the plan's steps but `skipping`; steps in `keyOnly` get a cache key but do not run.
    private func files(
        of target: PlanStep, skipping: Set<PlanStep>, keyOnly: Set<PlanStep> = []
    ) throws -> [(name: String, data: Data)] {
        let files = try runUpTo(target, skipping: skipping, keyOnly: keyOnly).files
        let prefix = target.rawValue + "/"
        return files.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.data) }
    }

    /// The plan's steps but `skipping` run on a fresh state (each from the step cache when it can),
    /// for `target`, whose section the plan must have; steps in `keyOnly` get a cache key but do not run.
    private func runUpTo(
        _ target: PlanStep, skipping: Set<PlanStep>, keyOnly: Set<PlanStep> = []
    ) throws -> (state: PlanState, files: [(name: String, data: Data)]) {
        try plan.validate()
        guard plan.steps.contains(target) else {
            throw PlanningError.invalidValue(
                key: target.rawValue, value: "",
                expected: "a \(target.rawValue) section (docs/plans.md) to run it on the plan")
        }
        var state = try PlanState(plan: plan)
        var files: [(name: String, data: Data)] = []
        var records: [StepRecord] = []
        var outcomes: [PlanStep: StepOutcome] = [:]
        try runSteps(
            plan.steps.filter { !skipping.contains($0) }, keyOnly: keyOnly, state: &state, folder: "",
            files: &files, records: &records, outcomes: &outcomes)
        return (state, files)
    }

    /// Runs `steps` in order on `state`, each from the step cache when it can.
    ///
    /// Each step's cache key chains from its upstream step's key (else the step before it); a
    /// stored entry is taken, else the step is computed and stored. Each
    /// step's files (under its folder name), record and outcome are appended, and its line logged.
    /// Steps in `keyOnly` get a key (for the steps after them) but are not run. The log names where
    /// each step's files go in `folder` (nothing when empty).
    private func runSteps(
        _ steps: [PlanStep], keyOnly: Set<PlanStep> = [], state: inout PlanState, folder: String,
        files: inout [(name: String, data: Data)], records: inout [StepRecord], outcomes: inout [PlanStep: StepOutcome]
    ) throws {
        var previous = state.datasetDigest
        var keys: [PlanStep: String] = [:]
        for step in steps {
            let stepStart = Date()
            let upstream = step.upstream.flatMap { keys[$0] } ?? previous
            let key = try state.key(of: step, version: Self.stepVersions[step] ?? "1", previous: upstream)
            keys[step] = key
            previous = key
            if keyOnly.contains(step) { continue }
            // one thread of this process computes a step and key at a time: concurrent scenarios that
            // need the same step wait for the first and then read its cache entry
            let cache = StepCache(folder: cacheFolder)
            let (cacheHit, outcome, stepFiles) = try cache.exclusively(step: step, key: key) {
                let cached = cache.entry(step: step, key: key)
                let (outcome, files) = try cached ?? state.compute(step)
                if cached == nil { cache.store(step: step, key: key, outcome: outcome, files: files) }
                return (cached != nil, outcome, files)
            }
            try state.accept(outcome, of: step)
            let named = stepFiles.map { (name: "\(step.rawValue)/\($0.name)", data: $0.data) }
            files += named
            outcomes[step] = outcome
            let seconds = Date().timeIntervalSince(stepStart)
            log(
                "\(step.rawValue): \(outcome.summary)\(cacheHit ? " (cache hit)" : "")"
                    + String(format: " [%.1fs]", seconds) + (folder.isEmpty ? "" : " → \(folder)/\(step.rawValue)/"))
            records.append(
                StepRecord(
                    name: step.rawValue, version: Self.stepVersions[step] ?? "1", inputHash: key,
                    cacheHit: cacheHit, termination: outcome.termination, clockLimited: outcome.clockLimited,
                    metrics: outcome.metrics,
                    outputs: named.map {
                        FileDigest(path: $0.name, sha256: SHA256Digest.hex(of: $0.data), bytes: Int64($0.data.count))
                    }, startedAt: stepStart, endedAt: Date()))
        }
    }

    /// The default output folder of a plan file: `out/NAME` for `NAME.yaml`, or `out/FOLDER` for a
    /// file named `plan.yaml` (so `Data/demo/plan.yaml` writes `out/demo`).
    public static func defaultOutput(for planPath: String) -> String {
        let url = URL(fileURLWithPath: planPath)
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingLastPathComponent().lastPathComponent
        return "out/" + (stem == "plan" && !folder.isEmpty ? folder : stem)
    }

    /// The default step cache: `.meridian-cache` beside the output folder.
    public static func defaultCache(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".meridian-cache")
    }

    /// The run store of earlier runs in `folder` (`runs.sqlite` and its journal files), so replacing
    /// the folder keeps the history the store records.
    static func carriedStore(in folder: URL) -> [(name: String, data: Data)] {
        [storeFileName, storeFileName + "-wal", storeFileName + "-shm", storeFileName + "-journal"].compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, $0) }
        }
    }

    /// The default store inside an output folder (RunStore's `RunStoreLocation.defaultFileName`).
    static let storeFileName = RunStoreLocation.defaultFileName

    /// Names a plan folder may hold from earlier runs with other sections, which a run may replace.
    static let ownedNames: Set<String> = Set(
        PlanStep.allCases.map(\.rawValue) + [
            "plan.yaml", "run.json", "runs.sqlite", reportFileName, accountsFileName,
        ])

    /// The accounts table a run with a report writes beside it: the dataset's columns and every step
    /// output column (segments, scores), which `meridian report` reads for the map.
    public static let accountsFileName = "accounts.csv"

    /// The report every run writes into its folder (see `PlanState.report(files:)`).
    public static let reportFileName = "report.html"

    /// `YYYYMMDDTHHMMSSZ-` and 8 hex digits.
    static func runID(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date) + "-"
            + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8)).lowercased()
    }
}

/// A finished plan run: its record (as in `run.json`) and how each step ended.
public struct PlanRun: Sendable {
    public let record: RunRecord
    let outcomes: [PlanStep: StepOutcome]

    /// The first step whose optimizer holds no usable solution, and whether it proved that none
    /// exists (infeasible) rather than stopping at a limit; `nil` when every step has a solution.
    public var unsolvedStep: (step: String, provenInfeasible: Bool)? {
        for step in record.steps {
            if let outcome = PlanStep(rawValue: step.name).flatMap({ outcomes[$0] }), !outcome.hasSolution {
                return (step.name, outcome.provenInfeasible)
            }
        }
        return nil
    }

    /// The one-line summary of each step, in run order.
    public var summaries: [String] {
        record.steps.compactMap { outcomes[PlanStep(rawValue: $0.name) ?? .quotas]?.summary }
    }
}

extension PlanFile {
    /// Every seed the plan uses, by key path.
    public var seeds: [String: UInt64] {
        var seeds: [String: UInt64] = [:]
        if let seed = segmentation?.seed { seeds["segmentation.seed"] = seed }
        if let seed = scoring?.train?.seed { seeds["scoring.train.seed"] = seed }
        if let seed = territories?.seed { seeds["territories.seed"] = seed }
        if let seed = simulation?.seed { seeds["simulation.seed"] = seed }
        return seeds
    }
}

/// Records plan runs in a run store (SQLite file or PostgreSQL server).
public enum PlanRecorder {
    /// The store a plan run records into: `--store` when given, else `runs.sqlite` in the output folder.
    public static func location(store: String?, output: URL) throws -> RunStoreLocation {
        if let store { return try RunStoreLocation(parsing: store) }
        return .sqlite(path: output.appendingPathComponent(RunStoreLocation.defaultFileName).path)
    }

    /// Opens (and migrates) the store, records the run, closes the store.
    public static func record(_ run: RunRecord, at location: RunStoreLocation) async throws {
        let store = try await location.open(create: true)
        do {
            try await store.record(run)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
