import Foundation
import SalesData
import TestSupport
import Testing

@testable import Planning

@Suite struct PlanFileTests {
    static func demoPlanText() throws -> String {
        try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Data/demo/plan.yaml"), encoding: .utf8)
    }

    @Test func demoPlanDecodesIntoTheModulesRequests() throws {
        let plan = try PlanFile(yaml: try Self.demoPlanText(), file: "plan.yaml")
        #expect(plan.steps == [.segmentation, .scoring, .territories, .quotas, .insights, .comp, .simulation])
        #expect(plan.insights?.period == "2026-Q3")
        #expect(plan.comp?.plans == "Data/demo/plans")
        #expect(plan.simulation?.trials ?? 0 >= 10_000)
        #expect(plan.segmentation?.clusterCount == 4)
        #expect(plan.segmentationRequest?.input == "Data/demo/accounts.csv")
        #expect(plan.scoring?.model == "Models/scoring-default.json")
        #expect(plan.territoryRequest?.accounts == "Data/demo/accounts.csv")
        #expect(plan.territories?.measures.map(\.name) == ["potential", "workload"])
        #expect(plan.quotas?.potential == "score_potential")
        #expect(plan.quotas?.configuration.roundingUnit == 1000)
        #expect(plan.seeds == ["segmentation.seed": 42, "territories.seed": 1, "simulation.seed": 2026])
    }

    @Test func unknownKeyInsideASectionIsLocatedAtItsLineAndColumn() throws {
        let yaml = "dataset:\n  folder: Data/demo\nquotas:\n  target: 5000000\n  roundingUnt: 1000\n"
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.line == 5)
        #expect(error?.column == 3)
        #expect(error?.keyPath == "quotas.roundingUnt")
        #expect(error?.message.contains("roundingUnit") == true)
    }

    @Test func unknownTopLevelKeyIsRejected() throws {
        let yaml = "dataset:\n  folder: Data/demo\nterritory:\n  seed: 1\n"
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.line == 3)
        #expect(error?.message.contains("territories") == true)
    }

    @Test func aSectionsOwnBadValueNamesItsPlanKey() throws {
        let yaml = "dataset:\n  folder: D\nsegmentation:\n  features: [a]\n  restarts: 0\n  seed: 1\n"
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == "segmentation.restarts")
        #expect(error?.line == 5)
    }

    @Test func aStepOutputWithoutItsStepIsRefusedAtTheKey() throws {
        let yaml = """
            dataset: {folder: D}
            territories:
              measures: [{name: score_potential}]
            """
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == "territories.measures[0].name")
        #expect(error?.message.contains("scoring") == true)
    }

    @Test func aPlanMustNotNameTheAccountsOfASection() throws {
        let yaml = "dataset: {folder: D}\nsegmentation: {input: other.csv, features: [a], seed: 1}\n"
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == "segmentation.input")
    }

    @Test func segmentationWithoutASeedIsRefused() throws {
        let yaml = "dataset: {folder: D}\nsegmentation: {features: [a]}\n"
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == "segmentation.seed")
    }

    static let payPlan = """
        dataset: {folder: D}
        quotas: {target: 1000000, planStart: 2027-01-01}
        comp:
          plans: Data/demo/plans
        simulation:
          trials: 10000
          seed: 3
        report: {title: T, tolerances: {potential: 0.1}}
        """

    @Test func compSimulationAndReportDecodeIntoTheirModulesTypes() throws {
        let plan = try PlanFile(yaml: Self.payPlan, file: "p.yaml")
        #expect(plan.steps == [.quotas, .comp, .simulation])
        #expect(plan.comp?.plans == "Data/demo/plans")
        // without `periods`, comp calculates every month of the quota plan's year
        #expect(plan.comp?.periods.first == "2027-01")
        #expect(plan.comp?.periods.count == 12)
        // without `planYear`, the simulation's year is the quota plan's
        #expect(plan.simulation?.planYear == 2027)
        #expect(plan.simulationConfiguration?.dataset == "D")
        #expect(plan.simulationConfiguration?.plans == "Data/demo/plans")
        #expect(plan.simulation?.component == "new-business")
        #expect(plan.report?.title == "T")
        #expect(plan.report?.tolerances == ["potential": 0.1])
        #expect(plan.seeds["simulation.seed"] == 3)
    }

    @Test(arguments: [
        ("comp", "  periodz: [2027-01]", 4, "comp.periodz"),
        ("simulation", "  trails: 10", 6, "simulation.trails"),
        ("report", "  titel: x", 9, "report.titel"),
    ])
    func anUnknownKeyInAPaySectionIsLocated(section: String, line: String, at: Int, keyPath: String) throws {
        let yaml = Self.payPlan.replacingOccurrences(
            of: "report: {title: T, tolerances: {potential: 0.1}}", with: "report:\n  title: T"
        )
        .replacingOccurrences(of: "\(section):\n", with: "\(section):\n\(line)\n")
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == keyPath)
        #expect(error?.line == at)
        #expect(error?.column == 3)
    }

    @Test(arguments: ["dataset: X", "plans: X", "quotas: X"])
    func aSimulationMustNotNameWhatThePlanSupplies(key: String) throws {
        let yaml = Self.payPlan.replacingOccurrences(of: "  trials: 10000", with: "  \(key)\n  trials: 10000")
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == "simulation." + (key.split(separator: ":").first.map(String.init) ?? ""))
        #expect(error?.line == 6)
    }

    @Test func aCompMonthOutsideTheQuotaYearIsRefusedAtItsIndex() throws {
        let yaml = Self.payPlan.replacingOccurrences(
            of: "  plans: Data/demo/plans", with: "  plans: P\n  periods: [2027-01, 2026-12]")
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == "comp.periods[1]")
        #expect(error?.message.contains("2027") == true)
    }

    @Test func aSimulationNeedsCompAndMatchingYear() throws {
        let noComp = Self.payPlan.replacingOccurrences(of: "comp:\n  plans: Data/demo/plans\n", with: "")
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: noComp, file: "p.yaml") }
        #expect(error?.keyPath == "simulation")
        let otherYear = Self.payPlan.replacingOccurrences(of: "  seed: 3", with: "  seed: 3\n  planYear: 2026")
        let yearError = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: otherYear, file: "p.yaml") }
        #expect(yearError?.keyPath == "simulation.planYear")
    }

    @Test func scoringNeedsExactlyOneOfModelAndTrain() throws {
        let yaml = "dataset: {folder: D}\nscoring: {joins: []}\n"
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.keyPath == "scoring")
    }

    @Test func defaultOutputFolderIsNamedAfterThePlan() {
        #expect(PlanRunner.defaultOutput(for: "Data/demo/plan.yaml") == "out/demo")
        #expect(PlanRunner.defaultOutput(for: "plans/stretch.yaml") == "out/stretch")
    }
}
