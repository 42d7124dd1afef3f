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
        #expect(plan.steps == [.segmentation, .scoring, .territories, .quotas])
        #expect(plan.segmentation?.clusterCount == 4)
        #expect(plan.segmentationRequest?.input == "Data/demo/accounts.csv")
        #expect(plan.scoring?.model == "Models/scoring-default.json")
        #expect(plan.territoryRequest?.accounts == "Data/demo/accounts.csv")
        #expect(plan.territories?.measures.map(\.name) == ["potential", "workload"])
        #expect(plan.quotas?.potential == "score_potential")
        #expect(plan.quotas?.configuration.roundingUnit == 1000)
        #expect(plan.seeds == ["segmentation.seed": 42, "territories.seed": 1])
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

    @Test(arguments: ["comp", "simulation", "report"])
    func aSectionWhoseStepIsNotWiredIsRefusedNotSkipped(section: String) throws {
        let yaml = "dataset: {folder: D}\n\(section):\n  plan: x.yaml\n"
        let error = #expect(throws: ConfigurationError.self) { try PlanFile(yaml: yaml, file: "p.yaml") }
        #expect(error?.line == 3)  // the section's mapping
        #expect(error?.message.contains("not available") == true)
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
