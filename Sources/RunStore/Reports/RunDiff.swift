import Foundation

/// What changed from one recorded run to another: plan keys, step outcomes, metrics and output files.
///
/// Plan texts are compared as YAML, key path by key path, so reformatting or reordering a plan does
/// not show up; a plan that is not YAML is compared as one value under the key path `(plan)`.
/// Metric deltas are `after - before`; a metric only one run has is listed with the other side `nil`.
public struct RunDiff: Sendable, Hashable, Codable {
    /// A plan key whose value differs (`nil`: the key is absent on that side).
    public struct PlanChange: Sendable, Hashable, Codable {
        public var key: String
        public var before: String?
        public var after: String?
    }

    /// A step whose termination, version or cache use differs, or that only one run has.
    public struct StepChange: Sendable, Hashable, Codable {
        public var step: String
        public var field: String
        public var before: String?
        public var after: String?
    }

    /// A metric of a step that differs; ``delta`` is `after - before` when both exist.
    public struct MetricChange: Sendable, Hashable, Codable {
        public var step: String
        public var metric: String
        public var before: Double?
        public var after: Double?
        public var delta: Double?
    }

    /// An output file that was added, removed or has other bytes.
    public struct OutputChange: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case added, removed, changed
        }
        public var path: String
        public var change: Kind
        public var before: String?
        public var after: String?
    }

    public var from: String
    public var to: String
    public var plan: [PlanChange]
    public var steps: [StepChange]
    public var metrics: [MetricChange]
    public var outputs: [OutputChange]
    /// Input files whose bytes differ (by the path the plan names them).
    public var inputs: [OutputChange]

    /// Whether the two runs asked and produced the same things (ignoring ids, times and cache use).
    public var isEmpty: Bool {
        plan.isEmpty && steps.isEmpty && metrics.isEmpty && outputs.isEmpty && inputs.isEmpty
    }

    /// Compares `before` with `after`; every list is sorted by key.
    public init(from before: RunRecord, to after: RunRecord) {
        from = before.id
        to = after.id
        plan = Self.planChanges(before.planText, after.planText)
        var steps: [StepChange] = []
        var metrics: [MetricChange] = []
        let beforeSteps = Dictionary(before.steps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let afterSteps = Dictionary(after.steps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(beforeSteps.keys).union(afterSteps.keys).sorted() {
            let old = beforeSteps[name]
            let new = afterSteps[name]
            for (field, value) in [
                ("termination", { (step: StepRecord) in step.termination }), ("version", { $0.version }),
                ("clock_limited", { String($0.clockLimited) }),
            ] where old.map(value) != new.map(value) {
                steps.append(StepChange(step: name, field: field, before: old.map(value), after: new.map(value)))
            }
            let oldMetrics = old?.metrics ?? [:]
            let newMetrics = new?.metrics ?? [:]
            for metric in Set(oldMetrics.keys).union(newMetrics.keys).sorted() {
                let a = oldMetrics[metric]
                let b = newMetrics[metric]
                if let a, let b, a == b || (a.isNaN && b.isNaN) { continue }
                metrics.append(
                    MetricChange(
                        step: name, metric: metric, before: a, after: b, delta: a.flatMap { a in b.map { $0 - a } }))
            }
        }
        self.steps = steps
        self.metrics = metrics
        outputs = Self.fileChanges(before.steps.flatMap(\.outputs), after.steps.flatMap(\.outputs))
        inputs = Self.fileChanges(before.inputs, after.inputs)
    }

    static func planChanges(_ before: String, _ after: String) -> [PlanChange] {
        if before == after { return [] }
        guard let old = try? PlanKeyPaths.leaves(of: before), let new = try? PlanKeyPaths.leaves(of: after) else {
            return [PlanChange(key: "(plan)", before: before, after: after)]
        }
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : PlanChange(key: key, before: old[key], after: new[key])
        }
    }

    static func fileChanges(_ before: [FileDigest], _ after: [FileDigest]) -> [OutputChange] {
        let old = Dictionary(before.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        return Set(old.keys).union(new.keys).sorted().compactMap { path in
            switch (old[path], new[path]) {
            case (let a?, let b?): a == b ? nil : OutputChange(path: path, change: .changed, before: a, after: b)
            case (let a?, nil): OutputChange(path: path, change: .removed, before: a, after: nil)
            case (nil, let b?): OutputChange(path: path, change: .added, before: nil, after: b)
            case (nil, nil): nil
            }
        }
    }
}
