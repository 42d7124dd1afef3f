import Foundation
import Incentives
import SalesData

/// A simulation study end to end: load the company, calibrate from history and the quota step, draw,
/// pay every scenario on the same draws, summarise.
///
/// ```swift
/// let report = try await SimulationStudy().run(configuration)
/// try AtomicFolder.write(report.files(), to: URL(fileURLWithPath: "out/simulation"))
/// ```
public struct SimulationStudy: Sendable {
    /// Concurrent tasks at most; the numbers do not depend on it.
    public var parallelism: Int

    public init(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.parallelism = max(1, parallelism)
    }

    /// Runs `configuration` (validated first).
    ///
    /// - Throws: ``SimulationError`` for a bad setting, an unreadable or bad input (naming the file), or a
    ///   component that cannot be simulated.
    public func run(_ configuration: SimulationConfiguration) async throws(SimulationError) -> SimulationReport {
        let (model, request, _) = try prepare(configuration)
        let summaries = try await MonteCarloSimulator().compare(request)
        return SimulationReport(
            configuration: configuration, model: model, marketCorrelation: request.marketCorrelation,
            summaries: summaries)
    }

    /// Validates `configuration`, loads the company, calibrates, and builds the request of every scenario.
    func prepare(_ configuration: SimulationConfiguration) throws(SimulationError) -> (
        model: CalibratedModel, request: SimulationRequest, dataset: SalesDataset
    ) {
        if let problem = configuration.problems().first {
            throw .invalid(field: problem.requestKey ?? "configuration", value: "\(problem)", expected: "a valid value")
        }
        let folder = URL(fileURLWithPath: configuration.dataset)
        let dataset: SalesDataset
        do { dataset = try SalesDataset.load(from: folder) } catch {
            throw .invalid(field: "dataset", value: configuration.dataset, expected: "a valid dataset: \(error)")
        }
        let baseline = try Self.plans(configuration.plans)
        let quotas = try QuotaStepRows(contentsOf: URL(fileURLWithPath: configuration.quotas))
        let alignment: EffectiveDatedAlignment
        do { alignment = try CompInputs.alignment(dataset, folder: folder) } catch {
            throw .invalid(field: "dataset", value: folder.path, expected: "a readable alignment: \(error)")
        }
        return try prepare(configuration, dataset: dataset, alignment: alignment, plans: baseline, quotas: quotas.rows)
    }

    /// Runs `configuration` on inputs already in memory, for example a plan run's realigned dataset,
    /// its new alignment, its comp plans and its quota step's seats; the configuration's `dataset`,
    /// `plans` and `quotas` paths are not read.
    ///
    /// - Throws: ``SimulationError`` for a bad setting, a bad quota figure, or a component that cannot
    ///   be simulated.
    public func run(
        _ configuration: SimulationConfiguration, dataset: SalesDataset, alignment: EffectiveDatedAlignment,
        plans baseline: PlanBook, quotas: [String: QuotaStepSeat]
    ) async throws(SimulationError) -> SimulationReport {
        let (model, request, _) = try prepare(
            configuration, dataset: dataset, alignment: alignment, plans: baseline, quotas: quotas)
        let summaries = try await MonteCarloSimulator().compare(request)
        return SimulationReport(
            configuration: configuration, model: model, marketCorrelation: request.marketCorrelation,
            summaries: summaries)
    }

    /// Calibrates on inputs in memory and builds the request of every scenario (the configuration's
    /// path keys are not read, nor checked).
    func prepare(
        _ configuration: SimulationConfiguration, dataset: SalesDataset, alignment: EffectiveDatedAlignment,
        plans baseline: PlanBook, quotas: [String: QuotaStepSeat]
    ) throws(SimulationError) -> (model: CalibratedModel, request: SimulationRequest, dataset: SalesDataset) {
        let paths: Set<String> = ["quotas", "dataset", "plans"]  // given as values instead
        if let problem = configuration.problems().first(where: { !paths.contains($0.requestKey ?? "") }) {
            throw .invalid(field: problem.requestKey ?? "configuration", value: "\(problem)", expected: "a valid value")
        }
        let model = try Calibration.calibrate(
            dataset: dataset, alignment: alignment, plans: baseline, quotas: quotas,
            component: configuration.component, planYear: configuration.planYear, spiffs: configuration.spiffs)
        var scenarios = [SimulationScenario(name: "plan", component: model.component, spiffs: model.spiffs)]
        for scenario in configuration.scenarios {
            let book = try Self.plans(scenario.plans)
            let components = Array(book.plans.lazy.flatMap(\.versions).flatMap(\.components))
            guard var component = components.first(where: { $0.name == configuration.component }) else {
                throw .invalid(
                    field: "scenarios.\(scenario.name).plans", value: scenario.plans,
                    expected: "a plan folder with the component \(configuration.component)")
            }
            component.period = .year
            var spiffs: [PlanComponent] = []
            for name in configuration.spiffs {
                guard let spiff = components.first(where: { $0.name == name }) else {
                    throw .invalid(
                        field: "scenarios.\(scenario.name).plans", value: scenario.plans,
                        expected: "a plan folder with the SPIFF \(name)")
                }
                spiffs.append(spiff)
            }
            scenarios.append(SimulationScenario(name: scenario.name, component: component, spiffs: spiffs))
        }
        let rho = configuration.marketCorrelation ?? model.marketCorrelation
        var request = SimulationRequest(
            reps: model.reps.map(\.simulated), scenarios: scenarios, trials: configuration.trials,
            seed: configuration.seed, marketCorrelation: rho, trialsPerChunk: 100, parallelism: parallelism)
        request.dealSeasonality = model.seasonality
        return (model, request, dataset)
    }

    /// Calibrates `configuration` as ``run(_:)`` does and finds the value of `parameter` of its component
    /// that meets `target` (``PlanCostSolver``); scenarios of the configuration are ignored.
    ///
    /// - Throws: ``SimulationError/unreachable(_:)`` when no value in the bracket meets the target, and
    ///   the errors of ``run(_:)``.
    public func solve(
        _ configuration: SimulationConfiguration, parameter: PlanParameter, target: PlanCostTarget,
        bracket: ClosedRange<Double>? = nil
    ) async throws(SimulationError) -> PlanCostSolution {
        let request = try prepare(configuration).request
        return try await PlanCostSolver().solve(
            PlanCostRequest(simulation: request, parameter: parameter, target: target, bracket: bracket))
    }

    /// ``solve(_:parameter:target:bracket:)`` on inputs already in memory, as
    /// ``run(_:dataset:alignment:plans:quotas:)`` takes them (a plan run's realigned dataset, new
    /// alignment, comp plans and quota step's seats); the configuration's path keys are not read.
    ///
    /// - Throws: ``SimulationError/unreachable(_:)`` when no value in the bracket meets the target, and
    ///   the errors of ``run(_:dataset:alignment:plans:quotas:)``.
    public func solve(
        _ configuration: SimulationConfiguration, dataset: SalesDataset, alignment: EffectiveDatedAlignment,
        plans baseline: PlanBook, quotas: [String: QuotaStepSeat], parameter: PlanParameter,
        target: PlanCostTarget, bracket: ClosedRange<Double>? = nil
    ) async throws(SimulationError) -> PlanCostSolution {
        let request = try prepare(
            configuration, dataset: dataset, alignment: alignment, plans: baseline, quotas: quotas
        ).request
        return try await PlanCostSolver().solve(
            PlanCostRequest(simulation: request, parameter: parameter, target: target, bracket: bracket))
    }

    static func plans(_ path: String) throws(SimulationError) -> PlanBook {
        do { return try PlanBook(folder: URL(fileURLWithPath: path)) } catch {
            throw .invalid(field: "plans", value: path, expected: "a plan folder: \(error)")
        }
    }
}

/// What a study found: per scenario the cost and cost of sales at P10/P50/P90 with standard errors, the
/// share of people at quota, and each person's calibration and odds of reaching quota.
public struct SimulationReport: Sendable {
    public var configuration: SimulationConfiguration
    public var model: CalibratedModel
    /// The correlation used (calibrated, or the configuration's override).
    public var marketCorrelation: Double
    /// One per scenario, baseline first, all on the same draws.
    public var summaries: [SimulationSummary]

    /// `summary.csv`, `reps.csv` and `summary.txt`.
    public func files() -> [(name: String, bytes: [UInt8])] {
        [
            ("summary.csv", Array(summaryCSV().utf8)), ("reps.csv", Array(repsCSV().utf8)),
            ("summary.txt", Array(summaryText().utf8)),
        ]
    }

    /// One row per scenario and figure: mean and P10/P50/P90, each with its Monte Carlo standard error.
    public func summaryCSV() -> String {
        var lines = ["scenario,figure,mean,mean_se,p10,p10_se,p50,p50_se,p90,p90_se"]
        for summary in summaries {
            var figures: [(String, [Double])] = [
                ("cost", summary.trialPayout), ("cost_of_sales", summary.trialCostOfSales),
                ("share_at_quota", summary.trialShareAtQuota), ("revenue", summary.trialRevenue),
            ]
            if !summary.trialSpiffPayout.isEmpty { figures.append(("spiff_cost", summary.trialSpiffPayout)) }
            for (name, values) in figures {
                let mean = SimulationSummary.mean(values)
                let p = Percentiles(of: values)
                let numbers =
                    [mean.value, mean.standardError, p.p10.value, p.p10.standardError, p.p50.value]
                    + [p.p50.standardError, p.p90.value, p.p90.standardError]
                lines.append(([summary.scenario, name] + numbers.map(Self.number)).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per person: calibration and the probability of reaching quota.
    public func repsCSV() -> String {
        var lines = [
            "rep_id,territory,segment,quota,target_incentive,expected_sales,component_share,mean_sales,sigma,sigma_own,sigma_segment,history_pairs,p_hit_quota"
        ]
        let odds = summaries.first?.attainmentProbability ?? []
        for (index, rep) in model.reps.enumerated() {
            let s = rep.simulated
            lines.append(
                [
                    s.id.rawValue, rep.territory.rawValue, rep.segment, s.quota.description,
                    s.targetIncentive.description, Self.number(rep.expectedSales), Self.number(rep.componentShare),
                    Self.number(s.meanSales), Self.number(s.sigma), Self.number(rep.sigmaOwn),
                    Self.number(rep.sigmaSegment), "\(rep.historyPairs)",
                    Self.number(index < odds.count ? odds[index] : .nan),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A readable summary.
    public func summaryText() -> String {
        var text = "Simulation \(configuration.planYear), component \(configuration.component): "
        text += "\(model.reps.count) people, \(configuration.trials) trials, seed \(configuration.seed), "
        text += "market correlation \(Self.number(marketCorrelation))"
        text += configuration.marketCorrelation == nil ? " (calibrated)\n" : " (given)\n"
        for (id, reason) in model.skipped { text += "  not simulated: \(id): \(reason)\n" }
        for summary in summaries {
            let cost = summary.payout
            let ratio = summary.costOfSales
            let share = summary.shareAtQuotaPercentiles
            text += "\(summary.scenario): cost P10/P50/P90 \(Self.money(cost.p10)) / \(Self.money(cost.p50)) / "
            text += "\(Self.money(cost.p90)); cost of sales \(Self.percent(ratio.p10)) / \(Self.percent(ratio.p50)) / "
            text += "\(Self.percent(ratio.p90)); share at quota \(Self.percent(share.p10)) / "
            text += "\(Self.percent(share.p50)) / "
            text += "\(Self.percent(share.p90)) (mean \(Self.percent(summary.shareAtQuota)))\n"
            if let spiff = summary.spiffPayout {
                text +=
                    "  of which SPIFFs (\(configuration.spiffs.joined(separator: ", ")), on drawn deals): P10/P50/P90 "
                text += "\(Self.money(spiff.p10)) / \(Self.money(spiff.p50)) / \(Self.money(spiff.p90))\n"
            }
        }
        return text
    }

    static func number(_ value: Double) -> String { value.isFinite ? String(format: "%.6g", value) : "" }
    static func money(_ e: Estimate) -> String { String(format: "$%.0f ± %.0f", e.value, e.standardError) }
    static func percent(_ e: Estimate) -> String {
        String(format: "%.2f%% ± %.2f", e.value * 100, e.standardError * 100)
    }
}
