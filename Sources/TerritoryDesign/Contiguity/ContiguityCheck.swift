/// Connectivity checks over a ``UnitAdjacency``.
public enum ContiguityCheck {
    /// Whether the units `members` induce a connected subgraph (an empty or single-unit set is connected).
    ///
    /// ```swift
    /// let graph = UnitAdjacency(neighbours: [[1], [0, 2], [1]])
    /// ContiguityCheck.isConnected([0, 2], in: graph)   // false
    /// ```
    public static func isConnected(_ members: [Int], in graph: UnitAdjacency) -> Bool {
        guard members.count > 1 else { return true }
        var inSet = Set(members)
        var stack = [members[0]]
        inSet.remove(members[0])
        while let u = stack.popLast() {
            for v in graph.neighbours[u] where inSet.remove(v) != nil { stack.append(v) }
        }
        return inSet.isEmpty
    }

    /// Whether every territory of `assignment` (territory index per unit) is connected.
    public static func allConnected(_ assignment: [Int], territoryCount: Int, in graph: UnitAdjacency) -> Bool {
        var members = [[Int]](repeating: [], count: territoryCount)
        for (i, j) in assignment.enumerated() { members[j].append(i) }
        return members.allSatisfy { isConnected($0, in: graph) }
    }
}
