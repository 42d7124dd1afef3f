import Foundation
import SalesData
import Testing

@testable import TerritoryDesign

/// Territory diameters (farthest pair) against hand-worked values and brute force.
@Suite struct TerritoryDiameterTests {
    @Test func planarHandWorked() {
        let square: [Location] = [
            .planar(x: 0, y: 0), .planar(x: 3, y: 0), .planar(x: 3, y: 4), .planar(x: 0, y: 4),
            .planar(x: 1, y: 1),
        ]
        #expect(TerritoryDiameter.of(square, metric: .euclidean) == 5)
        let line: [Location] = [.planar(x: 2, y: 2), .planar(x: 0, y: 0), .planar(x: 1, y: 1)]
        #expect(abs(TerritoryDiameter.of(line, metric: .euclidean) - 8.0.squareRoot()) < 1e-12)
        #expect(TerritoryDiameter.of([.planar(x: 5, y: 5)], metric: .euclidean) == 0)
        #expect(TerritoryDiameter.of([], metric: .euclidean) == 0)
    }

    /// Brute force over every pair, planar and geographic, on seeded random sets.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func matchesBruteForce(seed: UInt64) {
        var generator = SplitMixGenerator(seed: seed)
        let planar = (0..<200).map { _ in
            Location.planar(
                x: Double.random(in: -50...50, using: &generator), y: Double.random(in: -50...50, using: &generator))
        }
        let geographic = (0..<150).map { _ in
            Location.geographic(
                latitude: Double.random(in: 25...49, using: &generator),
                longitude: Double.random(in: -124...(-67), using: &generator))
        }
        for (points, metric) in [(planar, DistanceMetric.euclidean), (geographic, .haversineKilometres)] {
            var brute = 0.0
            for a in points.indices {
                for b in points.indices where b > a { brute = max(brute, metric.distance(points[a], points[b])) }
            }
            #expect(abs(TerritoryDiameter.of(points, metric: metric) - brute) <= 1e-9 * brute)
        }
    }
}
