/// An undirected adjacency graph over alignment units, for contiguous territories.
///
/// ```swift
/// let graph = try UnitAdjacency(unitIDs: ["a", "b", "c"], pairs: [("a", "b"), ("b", "c")])
/// graph.neighbours[1]   // [0, 2]
/// ```
public struct UnitAdjacency: Sendable, Hashable, Codable {
    /// `neighbours[i]` lists the indices of the units adjacent to unit `i`, sorted, without repeats.
    public let neighbours: [[Int]]

    /// Creates a graph from neighbour lists by unit index (symmetrized, sorted, self-loops removed).
    public init(neighbours: [[Int]]) {
        var sets = Array(repeating: Set<Int>(), count: neighbours.count)
        for (i, list) in neighbours.enumerated() {
            for j in list where j != i && j >= 0 && j < neighbours.count {
                sets[i].insert(j)
                sets[j].insert(i)
            }
        }
        self.neighbours = sets.map { $0.sorted() }
    }

    /// Creates a graph from pairs of unit ids.
    ///
    /// Pairs naming unknown ids throw.
    ///
    /// - Throws: ``TerritoryError/unknownUnit(_:context:)`` for an id not in `unitIDs`.
    public init(unitIDs: [String], pairs: [(String, String)]) throws {
        var index: [String: Int] = [:]
        for (i, id) in unitIDs.enumerated() { index[id] = i }
        var lists = Array(repeating: [Int](), count: unitIDs.count)
        for (a, b) in pairs {
            guard let i = index[a] else { throw TerritoryError.unknownUnit(a, context: "adjacency pair (\(a), \(b))") }
            guard let j = index[b] else { throw TerritoryError.unknownUnit(b, context: "adjacency pair (\(a), \(b))") }
            lists[i].append(j)
        }
        self.init(neighbours: lists)
    }

    /// The number of units.
    public var count: Int { neighbours.count }
}
