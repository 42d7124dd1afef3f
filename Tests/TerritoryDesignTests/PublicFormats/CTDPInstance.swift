import Foundation
import TerritoryDesign
import TerritoryDesignExact
import TestSupport

/// One CTDP "DU" instance (Ríos-Mercado style): units with coordinates and three activity
/// measures, a planar adjacency graph, `p` territories and a tolerance per measure.
struct CTDPInstance {
    let name: String
    let points: [(Double, Double)]
    let activities: [[Double]]  // activities[a][i]
    let edges: [(Int, Int)]
    let territories: Int
    let tolerances: [Double]

    init(url: URL) throws {
        var reader = try TokenReader(url: url)
        name = url.deletingPathExtension().lastPathComponent.replacingOccurrences(of: "-edited", with: "")
        let n = try reader.int("unit count")
        var points: [(Double, Double)] = []
        var activities = [[Double]](repeating: [], count: 3)
        for k in 0..<n {
            let id = try reader.int("unit id")
            guard id == k else {
                throw PublicInstanceError(
                    file: reader.file, token: reader.position, reason: "unit \(id), expected \(k)")
            }
            points.append((try reader.double("x of unit \(k)"), try reader.double("y of unit \(k)")))
            for a in 0..<3 { activities[a].append(try reader.double("activity \(a + 1) of unit \(k)")) }
            _ = try reader.double("trailing field of unit \(k)")
        }
        let m = try reader.int("edge count")
        var edges: [(Int, Int)] = []
        for e in 0..<m {
            edges.append((try reader.int("edge \(e + 1) first unit"), try reader.int("edge \(e + 1) second unit")))
        }
        territories = try reader.int("territory count")
        _ = try reader.int("territory count (repeated)")
        tolerances = try (0..<3).map { try reader.double("tolerance of activity \($0 + 1)") }
        self.points = points
        self.activities = activities
        self.edges = edges
    }

    static func load(_ name: String) throws -> CTDPInstance {
        try CTDPInstance(url: Fixtures.instance("ctdp-du-riosmercado", name + "-edited.dat"))
    }

    /// Balanced p-median with ±τ per activity, Euclidean distances, contiguity over the edges.
    func problem(contiguity: Bool = true) throws -> PMedianProblem {
        let graph = try AdjacencyGraph(vertexCount: points.count, edges: edges)
        let measures = (0..<3).map {
            PMedianProblem.Measure.balanced(
                name: "activity\($0 + 1)", values: activities[$0], territories: territories, tolerance: tolerances[$0])
        }
        return try PMedianProblem.euclidean(
            points: points, centreCount: territories, measures: measures, adjacency: graph,
            requiresContiguity: contiguity, centreServesItself: true)
    }
}
