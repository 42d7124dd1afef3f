import Foundation
import Incentives
import QuotaPlanning
import SalesData
import Scoring
import Segmentation
import Simulation
import TerritoryDesign

/// The plan steps, in the order a run takes them.
public enum PlanStep: String, Sendable, Hashable, Codable, CaseIterable {
    case segmentation, scoring, territories, quotas, capacity, insights, comp, simulation

    /// The account columns a step adds for the steps after it.
    public var outputColumns: [String] {
        switch self {
        case .segmentation: ["segment_cluster", "segment_abc", "segment_decile", "segment_bucket", "segment_rule"]
        case .scoring:
            [ScoredAccounts.propensityColumn, ScoredAccounts.expectedValueColumn, ScoredAccounts.potentialColumn]
        case .territories, .quotas, .capacity, .insights, .comp, .simulation: []
        }
    }

    /// The step whose result this step reads, when it is not simply the step before it.
    ///
    /// Comp reads the quotas and the simulation reads comp's plans, so a capacity or insights change
    /// reaches neither. The cache key chains from that step's key.
    var upstream: PlanStep? {
        switch self {
        case .insights, .comp: .quotas
        case .simulation: .comp
        default: nil
        }
    }

    /// The step whose output `column` is, if any.
    static func producing(_ column: String) -> PlanStep? {
        allCases.first { $0.outputColumns.contains(column) }
    }
}

extension PlanFile: ValidatedRequest {
    /// The segmentation request with the plan's accounts as its input.
    public var segmentationRequest: SegmentationRequest? {
        segmentation.map {
            var request = $0
            request.input = dataset.accountsFile
            return request
        }
    }

    /// The territory request with the plan's accounts, and `FOLDER/reps.csv` (home bases) as the
    /// territories file when the section names none.
    public var territoryRequest: TerritoryDesignRequest? {
        territories.map {
            var request = $0
            request.accounts = dataset.accountsFile
            if request.territories.isEmpty { request.territories = DatasetSection.join(dataset.folder, "reps.csv") }
            return request
        }
    }

    /// The steps the plan runs, in order.
    public var steps: [PlanStep] {
        var list: [PlanStep] = []
        if segmentation != nil { list.append(.segmentation) }
        if scoring != nil { list.append(.scoring) }
        if territories != nil { list.append(.territories) }
        if quotas != nil { list.append(.quotas) }
        if capacity != nil { list.append(.capacity) }
        if insights != nil { list.append(.insights) }
        if comp != nil { list.append(.comp) }
        if simulation != nil { list.append(.simulation) }
        return list
    }

    /// The simulation configuration with the plan's dataset folder and comp plan folder, and
    /// `quotas/` (the quota step's folder in the run) as its paths; the run hands the loaded values
    /// over, so those paths are recorded, not read.
    public var simulationConfiguration: SimulationConfiguration? {
        simulation.map {
            var configuration = $0
            configuration.dataset = dataset.folder
            configuration.plans = comp?.plans ?? ""
            configuration.quotas = PlanStep.quotas.rawValue
            return configuration
        }
    }

    /// Every problem with the plan, each naming its key path in the plan file.
    public func problems() -> [any RequestKeyError] {
        var list: [PlanningError] = []
        func section(_ prefix: String, _ problems: [any RequestKeyError]) {
            for problem in problems {
                let key = problem.requestKey.map { "\(prefix).\($0)" } ?? prefix
                list.append(.invalidSection(key: key, message: problem.description))
            }
        }
        func section(_ prefix: String, _ check: () throws -> Void) {
            do { try check() } catch let error as ScoringError {
                if case .invalidParameter(let name, _, _) = error {
                    list.append(.invalidSection(key: "\(prefix).\(name)", message: error.description))
                } else {
                    list.append(.invalidSection(key: prefix, message: error.description))
                }
            } catch {
                list.append(.invalidSection(key: prefix, message: "\(error)"))
            }
        }
        if dataset.folder.isEmpty {
            list.append(.invalidValue(key: "dataset.folder", value: "", expected: "the dataset folder (as Data/demo)"))
        }
        func requireColumn(_ name: String, _ key: String) {
            if let step = PlanStep.producing(name), !steps.contains(step) {
                list.append(
                    .invalidValue(
                        key: key, value: name,
                        expected:
                            "a column the plan provides: add the `\(step.rawValue)` section, or name an account column")
                )
            }
        }
        /// A path the plan fills from `dataset` must not be given in a section.
        func forbid(_ key: String, _ value: String, _ expected: String) {
            if !value.isEmpty { list.append(.invalidValue(key: key, value: value, expected: expected)) }
        }
        if let segmentation {
            forbid("segmentation.input", segmentation.input, "no input: a plan segments dataset.accounts")
            if segmentation.seed == nil {
                list.append(
                    .invalidValue(
                        key: "segmentation.seed", value: "", expected: "a seed: a plan's runs are reproducible"))
            }
            section("segmentation", segmentationRequest?.problems() ?? [])
        }
        if let scoring {
            if (scoring.model == nil) == (scoring.train == nil) {
                list.append(
                    .invalidValue(
                        key: "scoring", value: scoring.model ?? "",
                        expected: "exactly one of `model` (a shipped model file) and `train`"))
            }
            if let request = scoring.predictionRequest(accounts: dataset.accountsFile) {
                section("scoring", request.validate)
            }
            if let request = scoring.trainingRequest(accounts: dataset.accountsFile) {
                section("scoring.train", request.validate)
            }
        }
        var names = Set<String>()
        for (i, column) in derivedColumns.enumerated() {
            let key = "derivedColumns[\(i)]"
            if column.name.isEmpty || PlanStep.producing(column.name) != nil || !names.insert(column.name).inserted {
                list.append(
                    .invalidValue(
                        key: key + ".name", value: column.name,
                        expected: "a new, unique column name (not a step output)"))
            }
            requireColumn(column.from, key + ".from")
            if column.values.isEmpty {
                list.append(.invalidValue(key: key + ".values", value: "{}", expected: "at least one value: amount"))
            }
            for (value, amount) in column.values.sorted(by: { $0.key < $1.key }) where !amount.isFinite {
                list.append(
                    .invalidValue(key: "\(key).values.\(value)", value: "\(amount)", expected: "a finite number"))
            }
        }
        if let territories {
            forbid(
                "territories.accounts", territories.accounts,
                "no accounts: a plan aligns dataset.accounts (with step outputs as columns)")
            section("territories", territoryRequest?.problems() ?? [])
            for (i, measure) in territories.measures.enumerated() {
                requireColumn(measure.name, "territories.measures[\(i)].name")
            }
        }
        if let quotas {
            requireColumn(quotas.potential, "quotas.potential")
            section("quotas", quotas.configuration.problems())
        }
        if let capacity { section("capacity", capacity.problems()) }
        if let insights { section("insights") { try insights.validate() } }
        let planYear = quotas?.configuration.planStart.year
        if let comp {
            if quotas == nil {
                list.append(
                    .invalidValue(
                        key: "comp", value: "", expected: "a quotas section: comp pays on the quota step's quotas"))
            }
            section("comp", comp.problems())
            for (i, month) in comp.periods.enumerated() {
                if let planYear, let period = try? CompPeriod(parsing: month), period.year != planYear {
                    list.append(
                        .invalidValue(
                            key: "comp.periods[\(i)]", value: month,
                            expected: "a month of the quota plan's year \(planYear) (quotas.planStart)"))
                }
            }
        }
        if let simulation {
            if comp == nil {
                list.append(
                    .invalidValue(
                        key: "simulation", value: "", expected: "a comp section: its plans pay the simulated years"))
            }
            section("simulation", simulationConfiguration?.problems() ?? [])
            if let planYear, simulation.planYear != planYear {
                list.append(
                    .invalidValue(
                        key: "simulation.planYear", value: "\(simulation.planYear)",
                        expected: "the quota plan's year \(planYear) (quotas.planStart)"))
            }
        }
        if let report {
            for (measure, tau) in report.tolerances.sorted(by: { $0.key < $1.key }) where !(tau.isFinite && tau >= 0) {
                list.append(
                    .invalidValue(key: "report.tolerances.\(measure)", value: "\(tau)", expected: "a finite τ ≥ 0"))
            }
        }
        return list
    }
}
