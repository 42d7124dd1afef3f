import Foundation
import Insights
import LinearProgramming
import QuotaPlanning
import RunStore
import SalesData
import Scoring
import Segmentation
import TerritoryDesign

/// The values a plan run hands from step to step: the accounts table (gaining step-output columns),
/// the new alignment, the loaded dataset, and the digests of every input file.
struct PlanState {
    let plan: PlanFile
    /// The dataset's accounts, plus a column for every step output and derived column so far.
    private(set) var accounts: ColumnTableHolder
    /// Each account's territory after the territory step, by account id.
    private(set) var newTerritory: [String: String]?
    /// Digests of every input file, as the plan names them.
    private(set) var inputs: [FileDigest] = []
    /// SHA-256 over the dataset folder's files (the root of every step key).
    private(set) var datasetDigest = ""
    private var digestByPath: [String: FileDigest] = [:]
    private var dataset: SalesDataset?
    /// The quota step's nodes, once it ran (or came from the cache).
    private(set) var quotaNodes: [QuotaNodeFigures]?

    /// Reads the accounts table and digests the dataset folder and every file a section names.
    init(plan: PlanFile) throws {
        self.plan = plan
        let accountsFile = plan.dataset.accountsFile
        accounts = ColumnTableHolder(table: try ColumnTable(contentsOf: URL(fileURLWithPath: accountsFile)))
        var paths = SalesDataset.fileNames.map { DatasetSection.join(plan.dataset.folder, $0) }
        if !paths.contains(accountsFile) { paths.append(accountsFile) }
        var digests: [FileDigest] = []
        for path in paths where FileManager.default.fileExists(atPath: path) {
            digests.append(try digest(path))
        }
        datasetDigest = SHA256Digest.hex(of: digests.map { "\($0.path) \($0.sha256)" }.joined(separator: "\n"))
        for step in plan.steps { _ = try files(of: step) }
    }

    private mutating func digest(_ path: String) throws -> FileDigest {
        if let known = digestByPath[path] { return known }
        let digest = try FileDigest(contentsOf: URL(fileURLWithPath: path), recordedAs: path)
        digestByPath[path] = digest
        inputs.append(digest)
        return digest
    }

    /// The files a step reads besides the dataset, digested.
    private mutating func files(of step: PlanStep) throws -> [FileDigest] {
        var paths: [String] = []
        switch step {
        case .segmentation: paths = plan.segmentation?.rules.map { [$0] } ?? []
        case .scoring:
            paths = (plan.scoring?.model.map { [$0] } ?? []) + (plan.scoring?.joins.map(\.file) ?? [])
        case .territories:
            if let request = plan.territoryRequest {
                paths = [request.territories] + (request.adjacency.map { [$0] } ?? [])
            }
        case .quotas, .capacity, .insights: paths = []
        case .comp:
            paths =
                (try plan.comp.map { try Self.planFolderFiles($0.plans) } ?? [])
                + (plan.comp?.scores.map { [$0] } ?? [])
        case .simulation: paths = try plan.simulationConfiguration.map { try Self.planFolderFiles($0.plans) } ?? []
        }
        return try paths.map { try digest($0) }
    }

    /// The cache key of `step` (see ``StepKey``).
    mutating func key(of step: PlanStep, version: String, previous: String) throws -> String {
        let files = try files(of: step)
        switch step {
        case .segmentation:
            return try StepKey.of(step, version: version, section: plan.segmentation, files: files, previous: previous)
        case .scoring:
            return try StepKey.of(step, version: version, section: plan.scoring, files: files, previous: previous)
        case .territories:
            // derived columns are computed just before the territory step, so they are part of its input
            return try StepKey.of(
                step, version: version,
                section: TerritoryKeySection(request: plan.territories, derived: plan.derivedColumns),
                files: files, previous: previous)
        case .quotas:
            return try StepKey.of(step, version: version, section: plan.quotas, files: files, previous: previous)
        case .capacity:
            return try StepKey.of(step, version: version, section: plan.capacity, files: files, previous: previous)
        case .insights:
            return try StepKey.of(step, version: version, section: plan.insights, files: files, previous: previous)
        case .comp:
            return try StepKey.of(step, version: version, section: plan.comp, files: files, previous: previous)
        case .simulation:
            return try StepKey.of(step, version: version, section: plan.simulation, files: files, previous: previous)
        }
    }

    private struct TerritoryKeySection: Encodable {
        var request: TerritoryDesignRequest?
        var derived: [DerivedColumn]
    }

    // MARK: - Handing outputs on

    /// Takes a step's outcome into the state: its columns join the accounts table (by account
    /// id), its alignment replaces the current one, and derived columns are computed once their
    /// source exists.
    mutating func accept(_ outcome: StepOutcome, of step: PlanStep) throws {
        if !outcome.columns.isEmpty {
            try accounts.add(outcome.columns, ids: outcome.ids, step: step.rawValue)
        }
        if let territories = outcome.territories {
            newTerritory = Dictionary(zip(outcome.ids, territories), uniquingKeysWith: { first, _ in first })
        }
        if let nodes = outcome.quotaNodes { quotaNodes = nodes }
        if step == .scoring || (step == .segmentation && plan.scoring == nil) {
            try addDerivedColumns()
        }
    }

    /// Adds each derived column whose source column is present (after segmentation and scoring).
    private mutating func addDerivedColumns() throws {
        for (i, column) in plan.derivedColumns.enumerated() where !accounts.table.has(column.name) {
            guard accounts.table.has(column.from) else {
                throw PlanningError.invalidValue(
                    key: "derivedColumns[\(i)].from", value: column.from,
                    expected:
                        "an account column or step output; the accounts have \(accounts.table.columnNames.joined(separator: ", "))"
                )
            }
            let source = try accounts.table.strings(column.from)
            let cells = try source.enumerated().map { row, value -> String? in
                let text = value ?? ""
                guard let amount = column.values[text] ?? column.defaultValue else {
                    throw PlanningError.stepFailed(
                        step: "derivedColumns[\(i)]",
                        message:
                            "account row \(row + 1) has \(column.from) '\(text.prefix(60))', which `values` does not list and no `default` covers"
                    )
                }
                return "\(amount)"
            }
            accounts.table.setColumn(column.name, cells)
        }
    }

    // MARK: - Steps

    /// Runs `step` on the current state: its outcome and the files its single command writes.
    mutating func compute(_ step: PlanStep) throws -> (StepOutcome, [(name: String, data: Data)]) {
        switch step {
        case .segmentation: return try segment()
        case .scoring: return try score()
        case .territories: return try align()
        case .quotas: return try allocateQuotas()
        case .capacity: return try planCapacity()
        case .insights: return try insights()
        case .comp: return try calculateComp()
        case .simulation: return try simulate()
        }
    }

    private func segment() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard let request = plan.segmentationRequest else { return (StepOutcome(), []) }
        let result = try SegmentationJob(request: request, seed: request.seed ?? 0).run(on: accounts.table)
        var outcome = StepOutcome(ids: result.ids)
        if let clustering = result.clustering {
            outcome.columns["segment_cluster"] = clustering.labels.map { "\($0 + 1)" }
            outcome.metrics["clusters"] = Double(clustering.clusterCount)
            outcome.metrics["inertia"] = clustering.inertia
        }
        if let tiers = result.abcTiers, let deciles = result.deciles {
            outcome.columns["segment_abc"] = tiers
            outcome.columns["segment_decile"] = deciles.map(String.init)
        }
        if let buckets = result.buckets {
            outcome.columns["segment_bucket"] = buckets.map(\.bucket)
            outcome.columns["segment_rule"] = buckets.map(\.rule)
        }
        var parts = ["\(result.ids.count) accounts"]
        if let clustering = result.clustering { parts.append("k = \(clustering.clusterCount)") }
        if let tiers = result.abcTiers {
            let counts = Dictionary(tiers.map { ($0, 1) }, uniquingKeysWith: +)
            parts.append("tiers " + counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        }
        if let buckets = result.buckets { parts.append("\(Set(buckets.map(\.bucket)).count) rule buckets") }
        parts.append("seed \(result.seed)")
        outcome.summary = parts.joined(separator: "; ")
        return (outcome, [("segments.csv", Data(result.csv().utf8)), ("summary.txt", Data(result.summary().utf8))])
    }

    private func score() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard let section = plan.scoring else { return (StepOutcome(), []) }
        var table = accounts.table
        for join in section.joins {
            table = try table.leftJoined(
                with: ColumnTable(contentsOf: URL(fileURLWithPath: join.file)), on: join.key, otherKey: join.otherKey)
        }
        var files: [(name: String, data: Data)] = []
        let model: ScoringModel
        if let request = section.trainingRequest(accounts: plan.dataset.accountsFile) {
            try request.validate()
            model = try request.scorer.train(table, kind: request.model, seed: request.seed ?? 0)
            files.append(("model.json", try model.jsonData()))
        } else {
            model = try ScoringModel.load(from: URL(fileURLWithPath: section.model ?? ""))
        }
        let scores = try model.score(table)
        var outcome = StepOutcome(ids: scores.ids)
        outcome.columns[ScoredAccounts.propensityColumn] = scores.propensity.map { "\($0)" }
        outcome.columns[ScoredAccounts.expectedValueColumn] = scores.expectedValue.map { "\($0)" }
        outcome.columns[ScoredAccounts.potentialColumn] = scores.potential.map { "\($0)" }
        let potential = scores.potential.reduce(0, +)
        let meanPropensity =
            scores.propensity.isEmpty ? 0 : scores.propensity.reduce(0, +) / Double(scores.propensity.count)
        outcome.metrics = ["total_score_potential": potential, "mean_propensity": meanPropensity]
        outcome.summary =
            "\(scores.ids.count) accounts scored; mean propensity "
            + String(format: "%.3f", meanPropensity) + "; total score_potential " + Self.money(potential)
        files.append(("scores.csv", Data(scores.csv().utf8)))
        return (outcome, files)
    }

    private func align() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard let request = plan.territoryRequest else { return (StepOutcome(), []) }
        let territoryPlan = try TerritoryDesignJob(request: request).runBlocking(accounts: accounts.table)
        let a = territoryPlan.alignment
        let writer = AlignmentWriter(plan: territoryPlan)
        var outcome = StepOutcome(ids: territoryPlan.problem.units.map(\.id))
        outcome.territories = a.assignment.indices.map { a.territoryID(ofUnit: $0) }
        outcome.termination = a.termination.description
        outcome.hasSolution = a.termination.hasSolution
        if case .feasible(limit: .time) = a.termination { outcome.clockLimited = true }
        outcome.metrics = [
            "objective": a.objective, "bound": a.bound, "gap": a.gap, "moved_accounts": Double(a.movedUnits),
            "moved_share": a.movedShare, "moved_value_share": a.movedValueShare,
        ]
        for (measure, deviation) in a.maxDeviation { outcome.metrics["max_deviation.\(measure)"] = deviation }
        let deviations = a.maxDeviation.keys.sorted().map {
            "\($0) ±" + String(format: "%.1f %%", (a.maxDeviation[$0] ?? 0) * 100)
        }
        outcome.summary =
            "\(a.territoryIDs.count) territories, \(a.termination); max deviation \(deviations.joined(separator: ", ")); "
            + String(format: "%d accounts moved (%.1f %%)", a.movedUnits, a.movedShare * 100)
        return (outcome, writer.files())
    }

    /// The dataset, loaded once (quotas and insights need the hierarchy, reps and history).
    mutating func loadedDataset() throws -> SalesDataset {
        if let dataset { return dataset }
        let loaded = try SalesDataset.load(from: URL(fileURLWithPath: plan.dataset.folder))
        dataset = loaded
        return loaded
    }

    /// The dataset as the quota step sees it: each account in its new territory (history moves with
    /// the account), with the potential column as an account measure.
    mutating func realignedDataset(potential: String) throws -> SalesDataset {
        var dataset = try loadedDataset()
        let potentialByID: [String: Double]? =
            accounts.table.has(potential)
            ? try Dictionary(
                zip(accounts.ids(), accounts.table.numbers(potential).map { $0 ?? 0 }), uniquingKeysWith: { a, _ in a })
            : nil
        for i in dataset.accounts.indices {
            let id = dataset.accounts[i].id.rawValue
            if let newTerritory, let territory = newTerritory[id] {
                dataset.accounts[i].territoryID = TerritoryID(territory)
            }
            if let potentialByID, let value = potentialByID[id] { dataset.accounts[i].attributes[potential] = value }
        }
        return dataset
    }

    private mutating func allocateQuotas() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard let section = plan.quotas else { return (StepOutcome(), []) }
        let dataset = try realignedDataset(potential: section.potential)
        let tree = try QuotaHierarchy(
            dataset: dataset, potentialMeasure: section.potential, accountsFile: plan.dataset.accountsFile)
        let quotaPlan = try QuotaCascade(hierarchy: tree, configuration: section.configuration).allocate()
        var outcome = StepOutcome()
        outcome.quotaNodes = QuotaNodeFigures.nodes(of: quotaPlan)
        let share = quotaPlan.fairness.expectedShareAtOrAboveQuota
        outcome.metrics = [
            "target": section.configuration.target, "expected_share_at_or_above_quota": share,
            "warnings": Double(quotaPlan.warnings.count),
        ]
        outcome.summary =
            "target \(Self.money(section.configuration.target)) over \(quotaPlan.fairness.seats) seats (potential: \(section.potential)); "
            + String(format: "%.1f %% of reps expected at or above quota", share * 100)
            + (quotaPlan.warnings.isEmpty ? "" : "; \(quotaPlan.warnings.count) warning(s), see quota_summary.txt")
        return (outcome, try QuotaPlanWriter(format: .csv).files(for: quotaPlan))
    }

    private func planCapacity() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard let request = plan.capacity else { return (StepOutcome(), []) }
        let capacityPlan = try CapacityPlanner.plan(request)
        var outcome = StepOutcome()
        outcome.termination = capacityPlan.termination.description
        outcome.hasSolution = capacityPlan.termination.hasSolution
        outcome.provenInfeasible = [.infeasible, .unbounded, .infeasibleOrUnbounded].contains(capacityPlan.termination)
        if case .feasible(limit: .time) = capacityPlan.termination { outcome.clockLimited = true }
        if case .noSolutionFound(limit: .time) = capacityPlan.termination { outcome.clockLimited = true }
        outcome.summary = capacityPlan.summary
        return (outcome, capacityPlan.files().map { ($0.name, Data($0.bytes)) })
    }

    private mutating func insights() throws -> (StepOutcome, [(name: String, data: Data)]) {
        guard var request = plan.insights else { return (StepOutcome(), []) }
        let lexicon = try SentimentLexicon.load(
            base: URL(fileURLWithPath: "Models/sentiment/vader_lexicon.txt"),
            additions: URL(fileURLWithPath: "Models/sentiment/sales_lexicon.tsv"))
        var quotaNote = ""
        if request.quotas.isEmpty, let nodes = quotaNodes, let section = plan.quotas {
            let handed = try insightsQuotas(nodes, configuration: section.configuration, period: request.period)
            request.quotas = handed.quotas
            quotaNote = handed.note
        }
        let result = try InsightsEngine(analyzer: SentimentAnalyzer(lexicon: lexicon, rules: .init())).run(
            request, dataset: try loadedDataset())
        var outcome = StepOutcome()
        outcome.summary = "period \(request.period)" + quotaNote
        outcome.metrics = [
            "scorecards": Double(result.scorecards.count), "flags": Double(result.flags.count),
            "reps_with_quota": Double(request.quotas.count),
        ]
        return (outcome, result.files(stages: request.stages).map { ($0.name, Data($0.bytes)) })
    }

    /// `$12.3M`-style amounts for summaries.
    static func money(_ amount: Double) -> String {
        abs(amount) >= 1e6 ? String(format: "$%.1fM", amount / 1e6) : String(format: "$%.0f", amount)
    }
}

/// The accounts table a plan run builds up, with the id column the plan's steps key on.
struct ColumnTableHolder {
    var table: ColumnTable

    /// The account ids (the `id` column, else the first column).
    func ids() throws -> [String] {
        let column = table.has("id") ? "id" : table.columnNames.first ?? "id"
        return try table.strings(column).map { $0 ?? "" }
    }

    /// Adds step-output columns, matching rows by account id.
    mutating func add(_ columns: [String: [String]], ids: [String], step: String) throws {
        let rowByID = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let order = try self.ids().map { id -> Int in
            guard let row = rowByID[id] else {
                throw PlanningError.stepFailed(step: step, message: "account \(id.prefix(60)) has no output row")
            }
            return row
        }
        for name in columns.keys.sorted() {
            guard let values = columns[name] else { continue }
            table.setColumn(name, order.map { values.indices.contains($0) ? values[$0] : nil })
        }
    }
}
