/// A sales hierarchy of any depth (company → region → district → territory), cycle-free by
/// construction.
///
/// ```swift
/// let hierarchy = try Hierarchy([
///     Territory(id: "CO", name: "Company", level: .company),
///     Territory(id: "EAST", name: "East", level: .region, parentID: "CO"),
///     Territory(id: "T1", name: "Atlanta", parentID: "EAST"),
///     Territory(id: "T2", name: "Miami", parentID: "EAST"),
/// ])
/// hierarchy.children(of: "EAST")    // ["T1", "T2"]
/// hierarchy.leaves(under: "CO")     // ["T1", "T2"]
/// hierarchy.path(to: "T2")          // ["CO", "EAST", "T2"]
/// ```
public struct Hierarchy: Sendable, Hashable {
    /// Every node, in the order given.
    public let nodes: [Territory]
    /// Root nodes (no parent), in the order given.
    public let roots: [TerritoryID]
    private let indexByID: [TerritoryID: Int]
    private let childIndices: [TerritoryID: [Int]]

    /// Builds a hierarchy and checks it.
    ///
    /// - Throws: ``SalesDataError/duplicateNode(_:)``, ``SalesDataError/unknownParent(node:parent:)`` or
    ///   ``SalesDataError/hierarchyCycle(_:)`` (listing the nodes on the cycle).
    /// - Complexity: O(n).
    public init(_ nodes: [Territory]) throws {
        var indexByID: [TerritoryID: Int] = [:]
        indexByID.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            guard indexByID.updateValue(index, forKey: node.id) == nil else {
                throw SalesDataError.duplicateNode(node.id)
            }
        }
        var childIndices: [TerritoryID: [Int]] = [:]
        var roots: [TerritoryID] = []
        for (index, node) in nodes.enumerated() {
            if let parent = node.parentID {
                guard indexByID[parent] != nil else {
                    throw SalesDataError.unknownParent(node: node.id, parent: parent)
                }
                childIndices[parent, default: []].append(index)
            } else {
                roots.append(node.id)
            }
        }
        if let cycle = Self.findCycle(nodes, indexByID: indexByID) { throw SalesDataError.hierarchyCycle(cycle) }
        self.nodes = nodes
        self.roots = roots
        self.indexByID = indexByID
        self.childIndices = childIndices
    }

    /// The first cycle found following parent links, in link order, or `nil`.
    static func findCycle(_ nodes: [Territory], indexByID: [TerritoryID: Int]) -> [TerritoryID]? {
        // 0 = unvisited, 1 = on the current walk, 2 = known to reach a root.
        var state = [UInt8](repeating: 0, count: nodes.count)
        for start in nodes.indices where state[start] == 0 {
            var walk: [Int] = []
            var current: Int? = start
            while let index = current, state[index] == 0 {
                state[index] = 1
                walk.append(index)
                current = nodes[index].parentID.flatMap { indexByID[$0] }
            }
            if let index = current, state[index] == 1, let first = walk.firstIndex(of: index) {
                return walk[first...].map { nodes[$0].id }
            }
            for index in walk { state[index] = 2 }
        }
        return nil
    }

    /// The node with `id`, if present.
    public subscript(id: TerritoryID) -> Territory? { indexByID[id].map { nodes[$0] } }

    /// Whether the hierarchy holds `id`.
    public func contains(_ id: TerritoryID) -> Bool { indexByID[id] != nil }

    /// The parent of `id`, or `nil` for a root or an unknown id.
    public func parent(of id: TerritoryID) -> TerritoryID? { self[id]?.parentID }

    /// Direct children of `id`, in the order given.
    public func children(of id: TerritoryID) -> [TerritoryID] {
        (childIndices[id] ?? []).map { nodes[$0].id }
    }

    /// The ids from the root down to `id` (inclusive); empty for an unknown id.
    public func path(to id: TerritoryID) -> [TerritoryID] {
        var path: [TerritoryID] = []
        var current: TerritoryID? = contains(id) ? id : nil
        while let node = current {
            path.append(node)
            current = parent(of: node)
        }
        return path.reversed()
    }

    /// Number of links from a root to `id` (roots have depth 0).
    public func depth(of id: TerritoryID) -> Int { max(0, path(to: id).count - 1) }

    /// The nodes without children under `id` (or `id` itself when it is a leaf), depth first in the given order.
    public func leaves(under id: TerritoryID) -> [TerritoryID] {
        guard contains(id) else { return [] }
        var result: [TerritoryID] = []
        var stack = [id]
        while let node = stack.popLast() {
            let children = self.children(of: node)
            if children.isEmpty { result.append(node) } else { stack.append(contentsOf: children.reversed()) }
        }
        return result
    }

    /// Every node without children, in the given order.
    public var leaves: [TerritoryID] { nodes.filter { childIndices[$0.id] == nil }.map(\.id) }

    /// `id` and everything below it, depth first.
    public func descendants(of id: TerritoryID) -> [TerritoryID] {
        guard contains(id) else { return [] }
        var result: [TerritoryID] = []
        var stack = [id]
        while let node = stack.popLast() {
            result.append(node)
            stack.append(contentsOf: children(of: node).reversed())
        }
        return result
    }

    /// The nodes at `level`, in the given order.
    public func nodes(at level: Territory.Level) -> [Territory] { nodes.filter { $0.level == level } }
}
