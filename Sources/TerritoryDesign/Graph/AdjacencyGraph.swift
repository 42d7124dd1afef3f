/// An undirected graph over units `0..<vertexCount`, stored as sorted adjacency lists.
///
/// Used for contiguity: a territory is contiguous when the units assigned to it induce a
/// connected subgraph.
///
/// ```swift
/// let graph = try AdjacencyGraph(vertexCount: 4, edges: [(0, 1), (1, 2)])
/// graph.connectedComponents().count          // 2: {0, 1, 2} and {3}
/// graph.isConnected([0, 1, 2])               // true
/// graph.isConnected([0, 2])                  // false
/// ```
public struct AdjacencyGraph: Sendable, Hashable {
    /// Number of vertices (units).
    public let vertexCount: Int
    /// `neighbours[v]`: the vertices adjacent to `v`, ascending, without duplicates or `v` itself.
    public let neighbours: [[Int]]

    /// Number of undirected edges.
    public var edgeCount: Int { neighbours.reduce(0) { $0 + $1.count } / 2 }

    /// Builds a graph from undirected edges; duplicate edges are merged.
    ///
    /// - Throws: ``TerritoryError/invalidProblem(_:)`` for an endpoint outside `0..<vertexCount`
    ///   or a self-loop.
    /// - Complexity: O(V + E log E).
    public init(vertexCount: Int, edges: [(Int, Int)]) throws {
        guard vertexCount >= 0 else {
            throw TerritoryError.invalidProblem("adjacency graph: vertex count \(vertexCount) is negative")
        }
        var lists = [[Int]](repeating: [], count: vertexCount)
        for (index, (u, v)) in edges.enumerated() {
            guard (0..<vertexCount).contains(u), (0..<vertexCount).contains(v) else {
                throw TerritoryError.invalidProblem(
                    "adjacency graph: edge \(index + 1) (\(u), \(v)) has an endpoint outside 0..<\(vertexCount)")
            }
            guard u != v else {
                throw TerritoryError.invalidProblem("adjacency graph: edge \(index + 1) is a self-loop on vertex \(u)")
            }
            lists[u].append(v)
            lists[v].append(u)
        }
        neighbours = lists.map { Array(Set($0)).sorted() }
        self.vertexCount = vertexCount
    }

    /// Connected components, each ascending; components ordered by their smallest vertex.
    ///
    /// - Complexity: O(V + E).
    public func connectedComponents() -> [[Int]] {
        components(of: Array(0..<vertexCount))
    }

    /// Connected components of the subgraph induced by `vertices`.
    ///
    /// - Parameter vertices: Vertices of the subgraph; duplicates are ignored.
    /// - Returns: Components (each ascending), ordered by smallest vertex.
    /// - Complexity: O(V + E) for the marks, plus the size of the subgraph.
    public func components(of vertices: some Sequence<Int>) -> [[Int]] {
        var inSubset = [Bool](repeating: false, count: vertexCount)
        var members: [Int] = []
        for v in vertices where !inSubset[v] {
            inSubset[v] = true
            members.append(v)
        }
        members.sort()
        var seen = [Bool](repeating: false, count: vertexCount)
        var result: [[Int]] = []
        var stack: [Int] = []
        for start in members where !seen[start] {
            var component: [Int] = []
            seen[start] = true
            stack.append(start)
            while let v = stack.popLast() {
                component.append(v)
                for w in neighbours[v] where inSubset[w] && !seen[w] {
                    seen[w] = true
                    stack.append(w)
                }
            }
            result.append(component.sorted())
        }
        return result
    }

    /// Whether the subgraph induced by `vertices` is connected (the empty set counts as connected).
    public func isConnected(_ vertices: some Sequence<Int>) -> Bool {
        components(of: vertices).count <= 1
    }

    /// Vertices outside `set` adjacent to at least one vertex of `set`, ascending.
    public func boundary(of set: some Sequence<Int>) -> [Int] {
        var inSet = [Bool](repeating: false, count: vertexCount)
        let members = Array(set)
        for v in members { inSet[v] = true }
        var result = Set<Int>()
        for v in members {
            for w in neighbours[v] where !inSet[w] { result.insert(w) }
        }
        return result.sorted()
    }
}
