import Foundation
import TerritoryDesign
import TerritoryDesignExact
import TestSupport

/// One OR-Library `pmedcap1` problem: `id optimum / n p Q / i x y demand` (see the folder README).
struct ORLibCapacitatedPMedian {
    let id: Int
    let optimum: Double
    let points: [(Double, Double)]
    let demand: [Double]
    let medians: Int
    let capacity: Double

    init(url: URL) throws {
        var reader = try TokenReader(url: url)
        id = try reader.int("problem id")
        optimum = try reader.double("optimal value")
        let n = try reader.int("point count n")
        medians = try reader.int("median count p")
        capacity = try reader.double("capacity Q")
        guard n > 0, (1...n).contains(medians) else {
            throw PublicInstanceError(
                file: reader.file, token: 3, reason: "n = \(n), p = \(medians): expected 1 <= p <= n")
        }
        var points: [(Double, Double)] = []
        var demand: [Double] = []
        for k in 1...n {
            let index = try reader.int("point index")
            guard index == k else {
                throw PublicInstanceError(
                    file: reader.file, token: reader.position, reason: "point \(index), expected \(k)")
            }
            points.append((try reader.double("x of point \(k)"), try reader.double("y of point \(k)")))
            demand.append(try reader.double("demand of point \(k)"))
        }
        self.points = points
        self.demand = demand
    }

    static func load(_ number: Int) throws -> ORLibCapacitatedPMedian {
        let name = "pmedcap1_" + (number < 10 ? "0\(number)" : "\(number)") + ".txt"
        return try ORLibCapacitatedPMedian(url: Fixtures.instance("orlib-pmedcap1", name))
    }

    /// The problem with d = floor(Euclidean), every point a candidate median of capacity Q.
    func problem() throws -> PMedianProblem {
        try PMedianProblem.euclidean(
            points: points, centreCount: medians, floored: true, demand: demand,
            capacity: [Double](repeating: capacity, count: points.count))
    }
}
