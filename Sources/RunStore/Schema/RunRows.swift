import Foundation

/// A run record flattened into the rows of the schema's tables (`RunStoreSchema`), and back.
///
/// Both backends write and read these rows, so the mapping between records and tables, and the checks
/// on values read back, live in one place. Positions keep the order of steps, inputs and outputs.
struct RunRows: Sendable {
    struct Run: Sendable {
        var id: String
        var scenario: String?
        var batch: String?
        var planPath: String
        var planText: String
        var planHash: String
        var outputFolder: String
        var startedAt: Double
        var endedAt: Double
        var status: String
        var exitCode: Int64
        var error: String?
    }

    struct Step: Sendable {
        var runID: String
        var position: Int64
        var name: String
        var version: String
        var inputHash: String
        var cacheHit: Bool
        var termination: String
        var clockLimited: Bool
        var startedAt: Double
        var endedAt: Double
    }

    struct Metric: Sendable {
        var runID: String
        var stepPosition: Int64
        var name: String
        var value: Double
    }

    struct Output: Sendable {
        var runID: String
        var stepPosition: Int64
        var position: Int64
        var file: FileDigest
    }

    struct Input: Sendable {
        var runID: String
        var position: Int64
        var file: FileDigest
    }

    struct Seed: Sendable {
        var runID: String
        var key: String
        var value: String
    }

    var runs: [Run] = []
    var steps: [Step] = []
    var metrics: [Metric] = []
    var outputs: [Output] = []
    var inputs: [Input] = []
    var seeds: [Seed] = []

    init() {}

    /// The rows of one record.
    ///
    /// Metrics are in key order, so the same record always writes the same rows.
    init(_ record: RunRecord) {
        let id = record.id
        runs = [
            Run(
                id: id, scenario: record.scenario, batch: record.batch, planPath: record.planPath,
                planText: record.planText, planHash: record.planHash, outputFolder: record.outputFolder,
                startedAt: record.startedAt.timeIntervalSince1970, endedAt: record.endedAt.timeIntervalSince1970,
                status: record.status.rawValue, exitCode: Int64(record.exitCode), error: record.error)
        ]
        for (index, step) in record.steps.enumerated() {
            let position = Int64(index)
            steps.append(
                Step(
                    runID: id, position: position, name: step.name, version: step.version,
                    inputHash: step.inputHash, cacheHit: step.cacheHit, termination: step.termination,
                    clockLimited: step.clockLimited, startedAt: step.startedAt.timeIntervalSince1970,
                    endedAt: step.endedAt.timeIntervalSince1970))
            for (name, value) in step.metrics.sorted(by: { $0.key < $1.key }) {
                metrics.append(Metric(runID: id, stepPosition: position, name: name, value: value))
            }
            for (fileIndex, file) in step.outputs.enumerated() {
                outputs.append(Output(runID: id, stepPosition: position, position: Int64(fileIndex), file: file))
            }
        }
        for (index, file) in record.inputs.enumerated() {
            inputs.append(Input(runID: id, position: Int64(index), file: file))
        }
        for (key, value) in record.seeds.sorted(by: { $0.key < $1.key }) {
            seeds.append(Seed(runID: id, key: key, value: String(value)))
        }
    }

    /// The records these rows describe, in the order of ``runs``.
    ///
    /// - Throws: ``RunStoreError/corruptRow(table:key:column:value:)`` for a status, exit code or seed
    ///   that does not read back, or a metric or output of a step that is not stored.
    func records() throws -> [RunRecord] {
        var stepsByRun: [String: [Step]] = [:]
        for step in steps { stepsByRun[step.runID, default: []].append(step) }
        var metricsByStep: [String: [Int64: [String: Double]]] = [:]
        for metric in metrics {
            metricsByStep[metric.runID, default: [:]][metric.stepPosition, default: [:]][metric.name] = metric.value
        }
        var outputsByStep: [String: [Int64: [Output]]] = [:]
        for output in outputs {
            outputsByStep[output.runID, default: [:]][output.stepPosition, default: []].append(output)
        }
        var inputsByRun: [String: [Input]] = [:]
        for input in inputs { inputsByRun[input.runID, default: []].append(input) }
        var seedsByRun: [String: [Seed]] = [:]
        for seed in seeds { seedsByRun[seed.runID, default: []].append(seed) }

        return try runs.map { run in
            guard let status = RunRecord.Status(rawValue: run.status) else {
                throw RunStoreError.corruptRow(table: "runs", key: run.id, column: "status", value: run.status)
            }
            guard let exitCode = Int32(exactly: run.exitCode) else {
                throw RunStoreError.corruptRow(
                    table: "runs", key: run.id, column: "exit_code", value: String(run.exitCode))
            }
            let runSteps = (stepsByRun[run.id] ?? []).sorted { $0.position < $1.position }
            let positions = Set(runSteps.map(\.position))
            let metrics = metricsByStep[run.id] ?? [:]
            let outputs = outputsByStep[run.id] ?? [:]
            if let orphan = Set(metrics.keys).union(outputs.keys).subtracting(positions).min() {
                throw RunStoreError.corruptRow(
                    table: "metrics/outputs", key: run.id, column: "step_position", value: String(orphan))
            }
            var seeds: [String: UInt64] = [:]
            for seed in seedsByRun[run.id] ?? [] {
                guard let value = UInt64(seed.value) else {
                    throw RunStoreError.corruptRow(
                        table: "seeds", key: "\(run.id)/\(seed.key)", column: "value", value: seed.value)
                }
                seeds[seed.key] = value
            }
            return RunRecord(
                id: run.id, scenario: run.scenario, batch: run.batch, planPath: run.planPath,
                planText: run.planText, planHash: run.planHash, outputFolder: run.outputFolder,
                startedAt: Date(timeIntervalSince1970: run.startedAt),
                endedAt: Date(timeIntervalSince1970: run.endedAt),
                status: status, exitCode: exitCode, error: run.error, seeds: seeds,
                inputs: (inputsByRun[run.id] ?? []).sorted { $0.position < $1.position }.map(\.file),
                steps: runSteps.map { step in
                    StepRecord(
                        name: step.name, version: step.version, inputHash: step.inputHash, cacheHit: step.cacheHit,
                        termination: step.termination, clockLimited: step.clockLimited,
                        metrics: metrics[step.position] ?? [:],
                        outputs: (outputs[step.position] ?? []).sorted { $0.position < $1.position }.map(\.file),
                        startedAt: Date(timeIntervalSince1970: step.startedAt),
                        endedAt: Date(timeIntervalSince1970: step.endedAt))
                })
        }
    }
}
