import Dispatch
import Foundation
import Incentives
import QuotaPlanning
import SalesData
import Simulation
import Synchronization

/// One node of the quota step's result, as comp and the simulation read it: the typed values of the
/// `node`, `parent`, `capacity`, `quota`, `quota_<period>` and `expected_sales` columns of `quotas.csv`.
///
/// Kept in the quota step's cached outcome, so a cache hit hands comp the same values as a fresh run.
struct QuotaNodeFigures: Sendable, Hashable, Codable {
    var id: String
    /// The parent node's id; empty for the company.
    var parent: String
    /// Share of a full year the seat is productive; 1 for units.
    var capacity: Double
    /// The annual quota.
    var quota: Double
    /// The quota of each period by its label (`Q1`…`Q4`, `M1`…`M12` or `FY`).
    var periodQuotas: [String: Double]
    /// The fairness model's expected plan-year sales (seats only).
    var expectedSales: Double?

    /// Every node of `plan`, in the plan's order, each figure rounded as `quotas.csv` prints it
    /// (amounts to the cent, the capacity to six decimals): comp and the simulation get the same
    /// numbers from a plan run as `--quotas DIR` reads from the file.
    static func nodes(of plan: QuotaPlan) -> [QuotaNodeFigures] {
        let periods = plan.configuration.periods
        return plan.assignments.map { a in
            QuotaNodeFigures(
                id: a.id.rawValue, parent: a.parent?.rawValue ?? "", capacity: rounded(a.capacity, decimals: 6),
                quota: rounded(a.quota, decimals: 2),
                periodQuotas: Dictionary(
                    a.periodQuotas.enumerated().map { (periods.label($0.offset), rounded($0.element, decimals: 2)) },
                    uniquingKeysWith: { first, _ in first }),
                expectedSales: a.expectedSales.map { rounded($0, decimals: 2) })
        }
    }

    /// `value` at `decimals` digits, rounded half away from zero.
    ///
    /// This is the number `quotas.csv`'s text parses back to: both are the double nearest the same
    /// decimal. Values too large to scale are kept.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard value.isFinite, scaled < 9.2e18 else { return value }
        return (value < 0 ? -scaled : scaled) / scale
    }
}

extension PlanState {
    /// The comp plan folder's files, sorted: what the comp and simulation steps' cache keys digest.
    ///
    /// - Throws: ``PlanningError/badInput(file:key:expected:)`` when the folder cannot be listed.
    static func planFolderFiles(_ folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw PlanningError.badInput(
                file: folder, key: "comp.plans", expected: "a comp plan folder (\(AtomicFolder.plainReason(error)))")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0 == "assignments.csv" }.sorted().map {
            DatasetSection.join(folder, $0)
        }
    }

    /// The quota step's nodes, or an error naming the section that needs them.
    private func requireQuotaNodes(_ section: String) throws -> [QuotaNodeFigures] {
        guard let quotaNodes else {
            throw PlanningError.stepFailed(step: section, message: "the quota step's result is missing")
        }
        return quotaNodes
    }

    /// The dataset and alignment the plan year is paid on.
    ///
    /// Without a territory step: the dataset's own alignment, with its history files (as
    /// `meridian comp calculate` reads it). With one: every account in its new territory for the whole
    /// plan year (the dataset's account moves belong to the old alignment and are dropped); people
    /// keep their seats and seat moves.
    mutating func payInputs() throws -> (data: SalesDataset, alignment: EffectiveDatedAlignment) {
        let folder = URL(fileURLWithPath: plan.dataset.folder)
        guard newTerritory != nil else {
            let data = try loadedDataset()
            return (data, try CompInputs.alignment(data, folder: folder))
        }
        let data = try realignedDataset(potential: plan.quotas?.potential ?? "potential")
        let alignment = EffectiveDatedAlignment(
            accounts: data.accounts, reps: data.reps, accountMoves: [],
            repMoves: try CompInputs.repMoves(data, folder: folder))
        return (data, alignment)
    }

    /// The comp step: each month of `comp.periods` calculated over the quota step's quotas, written as
    /// `meridian comp calculate` writes it (`PERIOD/credits.csv`, ..., `PERIOD/statements/*.html`);
    /// the last month's files also at the top (what the report reads), and `pay.csv`, every
    /// statement's total by period.
    mutating func calculateComp() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard let configuration = plan.comp else { return (StepOutcome(), []) }
        let nodes = try requireQuotaNodes("comp").map {
            QuotaBook.QuotaStepNode(id: $0.id, capacity: $0.capacity, quotas: $0.periodQuotas)
        }
        let (data, alignment) = try payInputs()
        let plans = try PlanBook(folder: URL(fileURLWithPath: configuration.plans))
        let scores = try configuration.scores.map { try ScoreBook(contentsOf: URL(fileURLWithPath: $0)) } ?? ScoreBook()
        var books: [Int: QuotaBook] = [:]
        var files: [(name: String, data: Data)] = []
        var pay = CSVWriter()
        pay.writeRow(["period", "person_id", "name", "plan", "total"])
        var total = Money.zero
        var people: Set<RepID> = []
        var statements = 0
        var uncredited = 0
        var latest: [(name: String, data: Data)] = []
        for period in configuration.months {
            let quotas = try books[period.year] ?? QuotaBook(quotaStep: nodes, planYear: period.year)
            books[period.year] = quotas
            let result = try CompCalculator().calculate(
                CompInputs.request(
                    data: data, alignment: alignment, plans: plans, quotas: quotas, scores: scores, period: period))
            latest = CompResultWriter().files(for: result)
            files += latest.map { ("\(period)/\($0.name)", $0.data) }
            for statement in result.statements {
                pay.writeRow([
                    period.description, statement.person.rawValue, statement.name, statement.plan,
                    statement.total.description,
                ])
                total += statement.total
                people.insert(statement.person)
            }
            statements += result.statements.count
            uncredited += result.uncredited.count
        }
        files += latest
        files.append(("pay.csv", Data(pay.bytes)))
        let months = configuration.months
        var outcome = StepOutcome()
        outcome.metrics = [
            "total_pay": Double(total.cents) / 100, "months": Double(months.count), "people": Double(people.count),
            "statements": Double(statements), "uncredited_transactions": Double(uncredited),
        ]
        let span =
            months.count == 1
            ? "\(months[0])" : "\(months.first?.description ?? "") … \(months.last?.description ?? "")"
        outcome.summary =
            "\(months.count) month(s) \(span): \(statements) statements for \(people.count) people; total pay "
            + Self.money(Double(total.cents) / 100)
            + (uncredited > 0 ? "; \(uncredited) transaction(s) credited to no one (vacant, no owner)" : "")
        return (outcome, files)
    }

    /// The simulation step: the plan year drawn `simulation.trials` times and paid by the comp plans'
    /// engine on the quota step's quotas; writes `meridian simulate`'s `summary.csv`, `reps.csv` and
    /// `summary.txt`.
    mutating func simulate() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard let inputs = try simulationInputs() else { return (StepOutcome(), []) }
        let configuration = inputs.configuration
        let report = try BlockingTask.run { () async throws -> SimulationReport in
            try await SimulationStudy().run(
                configuration, dataset: inputs.dataset, alignment: inputs.alignment, plans: inputs.plans,
                quotas: inputs.quotas)
        }
        var outcome = StepOutcome()
        outcome.metrics = Self.simulationMetrics(report)
        guard let baseline = report.summaries.first else {
            throw PlanningError.stepFailed(step: "simulation", message: "the simulation returned no scenario")
        }
        let cost = baseline.costOfSales
        let share = baseline.shareAtQuotaPercentiles
        func percent(_ e: Estimate) -> String { String(format: "%.2f %% ± %.2f", e.value * 100, e.standardError * 100) }
        outcome.summary =
            "\(report.model.reps.count) people, \(configuration.trials) trials (seed \(configuration.seed)); "
            + "cost of sales P10/P50/P90 \(percent(cost.p10)) / \(percent(cost.p50)) / \(percent(cost.p90)); "
            + "share at or above quota \(percent(share.p10)) / \(percent(share.p50)) / \(percent(share.p90))"
        return (outcome, report.files().map { ($0.name, Data($0.bytes)) })
    }

    /// What the simulation reads, once the quota step ran: the simulation section's configuration,
    /// the dataset and alignment the plan year is paid on (``payInputs()``), the comp plans and the
    /// quota step's seats; `nil` without a simulation section.
    mutating func simulationInputs() throws -> PlanSimulationInputs? {
        guard let configuration = plan.simulationConfiguration else { return nil }
        let nodes = try requireQuotaNodes("simulation")
        let seats = Dictionary(
            nodes.map {
                (
                    $0.id,
                    QuotaStepSeat(
                        parent: $0.parent, quota: $0.quota, expectedSales: $0.expectedSales ?? 0, capacity: $0.capacity)
                )
            },
            uniquingKeysWith: { first, _ in first })
        let (data, alignment) = try payInputs()
        let plans = try PlanBook(folder: URL(fileURLWithPath: configuration.plans))
        return PlanSimulationInputs(
            configuration: configuration, dataset: data, alignment: alignment, plans: plans, quotas: seats)
    }

    /// Named figures of every scenario: cost, cost of sales, share at or above quota (and the SPIFFs' cost
    /// when SPIFFs are paid on drawn deals) at P10/P50/P90,
    /// each with its standard error (`cost_of_sales.p50`, `cost_of_sales.p50_se`, ...); scenarios other
    /// than the baseline are prefixed with their name.
    static func simulationMetrics(_ report: SimulationReport) -> [String: Double] {
        var metrics: [String: Double] = ["trials": Double(report.configuration.trials)]
        metrics["market_correlation"] = report.marketCorrelation
        metrics["people"] = Double(report.model.reps.count)
        for (index, summary) in report.summaries.enumerated() {
            let prefix = index == 0 ? "" : summary.scenario + "."
            var figures: [(String, Percentiles)] = [
                ("cost", summary.payout), ("cost_of_sales", summary.costOfSales),
                ("share_at_quota", summary.shareAtQuotaPercentiles),
            ]
            if let spiff = summary.spiffPayout { figures.append(("spiff_cost", spiff)) }
            for (name, p) in figures {
                for (label, estimate) in [("p10", p.p10), ("p50", p.p50), ("p90", p.p90)] {
                    metrics["\(prefix)\(name).\(label)"] = estimate.value
                    metrics["\(prefix)\(name).\(label)_se"] = estimate.standardError
                }
            }
            metrics["\(prefix)share_at_quota.mean"] = summary.shareAtQuota.value
            metrics["\(prefix)cost.mean"] = summary.meanPayout.value
        }
        return metrics
    }
}

/// Runs async library work (the simulation's task group) to completion from the synchronous run.
///
/// It blocks the calling thread, as the territory step does: call the runner from a thread of its own
/// rather than from inside Swift's cooperative pool.
public enum BlockingTask {
    /// `work`'s result, or its error, once it has run to completion on the concurrency pool while the
    /// calling thread waits; `work` must not need the calling thread (no main-actor work).
    public static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await work()) } catch { result = .failure(error) }
            box.value.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = box.value.withLock({ $0 }) else {
            preconditionFailure("the task sets its result before signalling")
        }
        return try result.get()
    }
}

/// The result of ``BlockingTask/run(_:)``'s task, handed across threads.
private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<Result<T, any Error>?>(nil)
}
