import Foundation

/// One recorded plan run: what was asked (the plan text and its inputs), what each step did, and
/// what it wrote.
///
/// A record is written once, when the run ends (completed or failed), and never changed; a re-run is
/// a new record with a new ``id``. Two records with the same ``planHash``, input digests and seeds
/// describe runs whose outputs must be byte-identical.
public struct RunRecord: Sendable, Hashable, Codable {
    /// Unique, sortable by start time: `YYYYMMDDTHHMMSSZ-` followed by 8 hex digits.
    public var id: String
    /// The scenario's name when the run belongs to a scenario batch; `nil` for a single `plan run`.
    public var scenario: String?
    /// The batch the scenario belongs to (the scenario file's content hash); `nil` outside a batch.
    public var batch: String?
    /// The plan file as given on the command line.
    public var planPath: String
    /// The plan's full text (after scenario overrides, when there are any).
    public var planText: String
    /// SHA-256 (lowercase hex) of ``planText``'s UTF-8 bytes.
    public var planHash: String
    /// The folder the run wrote.
    public var outputFolder: String
    public var startedAt: Date
    public var endedAt: Date
    /// `completed` or `failed`.
    public var status: Status
    /// The process exit status the run maps to in the one exit-status table (0 when completed).
    public var exitCode: Int32
    /// A one-line error when ``status`` is `failed`.
    public var error: String?
    /// Every seed the run used, by plan key path (for example `segmentation.seed`).
    public var seeds: [String: UInt64]
    /// The input files the plan read, with their content digests.
    public var inputs: [FileDigest]
    /// The steps in the order they ran.
    public var steps: [StepRecord]

    /// How a run ended.
    public enum Status: String, Sendable, Hashable, Codable {
        case completed
        case failed
    }

    public init(
        id: String, scenario: String? = nil, batch: String? = nil, planPath: String, planText: String,
        planHash: String, outputFolder: String, startedAt: Date, endedAt: Date, status: Status,
        exitCode: Int32, error: String? = nil, seeds: [String: UInt64], inputs: [FileDigest],
        steps: [StepRecord]
    ) {
        self.id = id
        self.scenario = scenario
        self.batch = batch
        self.planPath = planPath
        self.planText = planText
        self.planHash = planHash
        self.outputFolder = outputFolder
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.status = status
        self.exitCode = exitCode
        self.error = error
        self.seeds = seeds
        self.inputs = inputs
        self.steps = steps
    }
}

/// A file and the SHA-256 of its bytes.
public struct FileDigest: Sendable, Hashable, Codable {
    /// The path as the plan names it (inputs) or relative to the run's output folder (outputs).
    public var path: String
    /// SHA-256, lowercase hex (64 characters).
    public var sha256: String
    public var bytes: Int64

    public init(path: String, sha256: String, bytes: Int64) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// What one step of a run did.
public struct StepRecord: Sendable, Hashable, Codable {
    /// The plan section that drove the step: `dataset`, `segmentation`, `scoring`, `territories`,
    /// `quotas`, `capacity`, `comp`, `simulation`, `insights`, `report`.
    public var name: String
    /// The step's code version; bumping it invalidates the step's cache entries.
    public var version: String
    /// The cache key: SHA-256 over the step's input digests, its config section, its seeds and
    /// ``version``.
    public var inputHash: String
    /// Whether the outputs were taken from the step cache instead of computed.
    public var cacheHit: Bool
    /// The shared termination vocabulary in words (LinearProgramming's `Termination.description`,
    /// for example `optimal`, `feasible (time limit)`), or `completed` for steps that do not optimize.
    public var termination: String
    /// Whether a clock ended the step (its result may then differ on another machine or under load).
    public var clockLimited: Bool
    /// Named figures (for example `objective`, `bound`, `gap`, `max_deviation.potential`, `moved_accounts`).
    public var metrics: [String: Double]
    /// Files the step wrote, relative to the run's output folder.
    public var outputs: [FileDigest]
    public var startedAt: Date
    public var endedAt: Date

    public init(
        name: String, version: String, inputHash: String, cacheHit: Bool, termination: String,
        clockLimited: Bool, metrics: [String: Double], outputs: [FileDigest], startedAt: Date, endedAt: Date
    ) {
        self.name = name
        self.version = version
        self.inputHash = inputHash
        self.cacheHit = cacheHit
        self.termination = termination
        self.clockLimited = clockLimited
        self.metrics = metrics
        self.outputs = outputs
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
