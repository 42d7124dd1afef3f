import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

@Suite struct FeaturePipelineTests {
    static let training = """
        id,size,kind,flat,empty,visits
        a,1,x,5,,1
        b,3,y,5,,
        c,5,x,5,,3
        d,7,z,5,,
        """

    @Test func standardizesWithTrainingMeanAndPopulationDeviation() throws {
        let table = try ColumnTable(csv: Self.training, file: "t.csv")
        let pipeline = try FeaturePipeline.fit(table, spec: FeatureSpec(numeric: [NumericFeature("size")]))
        let x = try pipeline.transform(table).matrix
        // mean 4, population σ = √5.
        #expect(x.column(0).map { ($0 * 5.squareRoot()).rounded() } == [-3, -1, 1, 3])
    }

    @Test func logTransformIsAppliedBeforeStandardization() throws {
        let table = try ColumnTable(csv: "v\n0\n\(exp(1.0) - 1)\n", file: "t.csv")
        let pipeline = try FeaturePipeline.fit(
            table, spec: FeatureSpec(numeric: [NumericFeature("v", transform: .log)]))
        guard case .numeric(let encoder) = pipeline.encoders[0] else { Issue.record("not numeric"); return }
        #expect(isApproximatelyEqual(encoder.mean, 0.5) && isApproximatelyEqual(encoder.standardDeviation, 0.5))
    }

    @Test func constantAndAllMissingColumnsAreDroppedAndRecorded() throws {
        let table = try ColumnTable(csv: Self.training, file: "t.csv")
        let spec = FeatureSpec(numeric: [NumericFeature("size"), NumericFeature("flat"), NumericFeature("empty")])
        let pipeline = try FeaturePipeline.fit(table, spec: spec)
        #expect(pipeline.outputNames == ["size"])
        #expect(
            pipeline.dropped == [
                DroppedFeature(column: "flat", reason: .constant), DroppedFeature(column: "empty", reason: .allMissing),
            ])
        #expect(throws: ScoringError.noUsableFeatures(dropped: ["flat", "empty"])) {
            try FeaturePipeline.fit(
                table, spec: FeatureSpec(numeric: [NumericFeature("flat"), NumericFeature("empty")]))
        }
    }

    @Test func missingValuesAreImputedAndFlagged() throws {
        let table = try ColumnTable(csv: Self.training, file: "t.csv")
        let pipeline = try FeaturePipeline.fit(table, spec: FeatureSpec(numeric: [NumericFeature("visits")]))
        #expect(pipeline.outputNames == ["visits", "visits_missing"])
        let x = try pipeline.transform(table).matrix
        #expect(x.column(1) == [0, 1, 0, 1])
        #expect(x[1, 0] == 0)  // the training mean, standardized
    }

    @Test func unseenCategoriesMapToOtherAndAreCounted() throws {
        let table = try ColumnTable(csv: Self.training, file: "t.csv")
        let pipeline = try FeaturePipeline.fit(
            table, spec: FeatureSpec(categorical: [CategoricalFeature("kind", minCount: 1)]))
        #expect(pipeline.outputNames == ["kind=x", "kind=y", "kind=z", "kind=other"])
        let scoring = try ColumnTable(csv: "kind\nx\nnew\nnew\n", file: "s.csv")
        let (x, report) = try pipeline.transform(scoring)
        #expect(x.values == [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(report.unseenCategories == ["kind": 2])
    }

    @Test func rareLevelsPoolIntoOtherWithoutCountingAsUnseen() throws {
        let table = try ColumnTable(csv: Self.training, file: "t.csv")
        let pipeline = try FeaturePipeline.fit(
            table, spec: FeatureSpec(categorical: [CategoricalFeature("kind", minCount: 2)]))
        #expect(pipeline.outputNames == ["kind=x", "kind=other"])
        #expect(try pipeline.transform(table).report.unseenCategories.isEmpty)
    }

    @Test func missingColumnAtPredictionTimeIsNamed() throws {
        let table = try ColumnTable(csv: Self.training, file: "t.csv")
        let pipeline = try FeaturePipeline.fit(table, spec: FeatureSpec(numeric: [NumericFeature("size")]))
        #expect(throws: ScoringError.missingFeature(column: "size")) {
            try pipeline.transform(ColumnTable(csv: "other\n1\n", file: "s.csv"))
        }
    }

    @Test func unexpectedMissingValueIsImputedAndCounted() throws {
        let table = try ColumnTable(csv: Self.training, file: "t.csv")
        let pipeline = try FeaturePipeline.fit(table, spec: FeatureSpec(numeric: [NumericFeature("size")]))
        let (x, report) = try pipeline.transform(ColumnTable(csv: "size,other\n,1\n4,2\n", file: "s.csv"))
        #expect(x.values == [0, 0])
        #expect(report.unexpectedMissing == ["size": 1])
    }
}

@Suite struct AccountAdapterTests {
    @Test func accountsBecomeATableThatScoringReads() throws {
        let accounts = [
            Account(
                id: "A-1", name: "Acme", location: GeoPoint(latitude: 33.7, longitude: -84.4), industry: "Retail",
                employees: 120,
                attributes: ["potential": 5_000]),
            Account(
                id: "A-2", name: "Beta", location: GeoPoint(latitude: 40.7, longitude: -74.0), industry: nil,
                employees: nil),
        ]
        let table = ColumnTable(accounts: accounts)
        #expect(try table.numbers("employees") == [120, nil])
        #expect(try table.numbers("potential") == [5_000, nil])
        let pipeline = try FeaturePipeline.fit(
            table,
            spec: FeatureSpec(
                numeric: [NumericFeature("employees")], categorical: [CategoricalFeature("industry", minCount: 1)]))
        #expect(
            pipeline.outputNames == ["employees_missing", "industry=(missing)", "industry=Retail", "industry=other"])
        #expect(pipeline.dropped == [DroppedFeature(column: "employees", reason: .constant)])
    }
}
