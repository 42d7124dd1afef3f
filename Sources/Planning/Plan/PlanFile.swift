import Foundation
import Incentives
import Insights
import QuotaPlanning
import SalesData
import Segmentation
import Simulation
import TerritoryDesign

/// One plan: the whole pipeline of a planning cycle as one YAML file (`docs/plans.md`).
///
/// Each section decodes into the owning module's own request type (`SegmentationRequest`,
/// `ScoringPredictionRequest`'s model or a `LeadScorer` to train, `TerritoryDesignRequest`,
/// `QuotaPlanConfiguration`, ``CapacityPlanRequest``, `InsightsRequest`, `CompConfiguration`,
/// `SimulationConfiguration`), plus the few keys that connect the steps (which account column or step
/// output is the quota potential, derived columns, the report's options).
/// Unknown keys are errors located at `file:line:column`, through SalesData's `YAMLConfiguration`.
///
/// ```swift
/// let plan = try PlanFile(contentsOf: URL(fileURLWithPath: "Data/demo/plan.yaml"))
/// plan.quotas?.potential   // "score_potential"
/// ```
///
/// Invariant after ``init(yaml:file:)``: ``problems()`` is empty. Paths are used as written,
/// relative to the working directory, like every other Meridian config.
public struct PlanFile: Sendable, Codable {
    /// Where the accounts, reps, hierarchy and history come from.
    public var dataset: DatasetSection
    /// k-means clusters, ABC/decile tiers and rule buckets over the dataset's accounts.
    public var segmentation: SegmentationRequest?
    /// A shipped model applied to the accounts, or a model trained on them first.
    public var scoring: ScoringSection?
    /// Account columns computed from a step's output, for example a workload by ABC tier.
    public var derivedColumns: [DerivedColumn]
    /// The new alignment; balance measures may name any account column or step output.
    public var territories: TerritoryDesignRequest?
    /// The quota cascade over the new alignment.
    public var quotas: QuotaSection?
    /// Hires by role and month so each quarter's capacity covers the quota.
    public var capacity: CapacityPlanRequest?
    /// Scorecards, coaching and pipeline health for the dataset.
    public var insights: InsightsRequest?
    /// The comp plans and months calculated over the quota step's quotas (Incentives' `CompConfiguration`).
    public var comp: CompConfiguration?
    /// The Monte Carlo of the plan year through the comp engine (Simulation's `SimulationConfiguration`,
    /// without `dataset`, `plans` and `quotas`, which the plan supplies).
    public var simulation: SimulationConfiguration?
    /// Options of the run's `report.html`, which is written with or without this section.
    public var report: ReportSection?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dataset, segmentation, scoring, derivedColumns, territories, quotas, capacity, insights
        case comp, simulation, report
    }

    /// A plan with only a dataset; add sections by assignment.
    public init(dataset: DatasetSection) {
        self.dataset = dataset
        derivedColumns = []
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataset = try c.decode(DatasetSection.self, forKey: .dataset)
        segmentation = try c.decodeIfPresent(SegmentationRequest.self, forKey: .segmentation)
        scoring = try c.decodeIfPresent(ScoringSection.self, forKey: .scoring)
        derivedColumns = try c.decodeIfPresent([DerivedColumn].self, forKey: .derivedColumns) ?? []
        territories = try c.decodeIfPresent(TerritoryDesignRequest.self, forKey: .territories)
        quotas = try c.decodeIfPresent(QuotaSection.self, forKey: .quotas)
        capacity = try c.decodeIfPresent(CapacityPlanRequest.self, forKey: .capacity)
        insights = try c.decodeIfPresent(InsightsRequest.self, forKey: .insights)
        comp = try c.decodeIfPresent(CompConfiguration.self, forKey: .comp)
        simulation = try c.decodeIfPresent(SimulationConfiguration.self, forKey: .simulation)
        report = try c.decodeIfPresent(ReportSection.self, forKey: .report)
    }

    /// Decodes and checks a plan.
    ///
    /// - Throws: `ConfigurationError` located at `file:line:column` with the key path: malformed
    ///   YAML, an unknown key, a wrong type, or a value out of its domain (including a section that
    ///   names a column no step or file provides).
    public init(yaml: String, file: String = "plan.yaml") throws(ConfigurationError) {
        let document = try YAMLConfiguration(yaml: yaml, file: file)
        self = try document.decode(Self.self)
        for (key, expected) in Self.suppliedKeys where document.contains(keyPath: key) {
            throw document.located(PlanningError.invalidValue(key: key, value: "", expected: expected))
        }
        if let year = quotas?.configuration.planStart.year {
            if comp != nil && !document.contains(keyPath: "comp.periods") {
                comp?.periods = (1...12).compactMap { CompPeriod(year: year, month: $0)?.description }
            }
            if simulation != nil && !document.contains(keyPath: "simulation.planYear") { simulation?.planYear = year }
        }
        if let problem = problems().first { throw document.located(problem) }
    }

    /// Keys of a section's own type that a plan fills itself, with what to write instead.
    static let suppliedKeys: [(key: String, expected: String)] = [
        ("simulation.dataset", "no dataset: a plan simulates dataset.folder"),
        ("simulation.plans", "no plans: a plan simulates the comp section's plans (comp.plans)"),
        ("simulation.quotas", "no quotas: a plan simulates its quota step's result"),
    ]

    /// Reads and decodes a plan file (see ``init(yaml:file:)``).
    public init(contentsOf url: URL) throws(ConfigurationError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigurationError(
                kind: .unreadable, file: url.path, line: 1, column: 1, keyPath: "", value: nil,
                message: "cannot read the plan: \(AtomicFolder.plainReason(error))")
        }
        try self.init(yaml: text, file: url.path)
    }
}
