import Testing

@testable import Segmentation

/// The runnable examples from the Segmentation doc comments, verbatim.
@Suite struct DocumentationExamplesTests {
    @Test func kMeansExample() async throws {
        let points = try PointMatrix(rows: [[0, 0], [0, 1], [10, 10], [10, 11]])
        let result = try await KMeans(clusterCount: 2, restarts: 4, seed: 1).fit(points)
        #expect(result.inertia == 1.0)
    }

    @Test func pointMatrixExample() throws {
        let points = try PointMatrix(rows: [[0, 0], [1, 1]])
        #expect(points.standardized().points[0, 0] == -1.0)
    }

    @Test func abcExample() throws {
        let tiers = try TierAssignment.abc(ids: ["x", "y", "z"], values: [85, 12, 3])
        #expect(tiers == ["A", "B", "C"])
    }

    @Test func segmentationRequestExample() throws {
        var request = SegmentationRequest(input: "accounts.csv")
        request.features = ["employees", "annual_revenue"]
        request.clusterCount = 5
        try request.validate()
        #expect(request.kMin == 2 && request.restarts == 10)
    }
}
