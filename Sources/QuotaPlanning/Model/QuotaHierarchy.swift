/// A validated tree of ``QuotaNode``s with one root, any depth, children ordered by id, and
/// measures and monthly history rolled up from the seats to every unit that does not state its own.
///
/// ```swift
/// let tree = try QuotaHierarchy([
///     QuotaNode(id: "co", parent: nil, role: .unit),
///     QuotaNode(id: "r1", parent: "co", role: .seat, measures: BasisMeasures(priorYear: 10)),
/// ])
/// print(tree.level(of: "r1"))   // 1
/// ```
/// - Complexity: O(n log n) to build.
public struct QuotaHierarchy: Sendable {
    /// Nodes in breadth-first order (root first, then level by level, siblings by id).
    public let nodes: [QuotaNode]
    /// The root's id.
    public let root: QuotaNodeID
    private let indexByID: [QuotaNodeID: Int]
    private let childIndices: [[Int]]
    private let levels: [Int]

    /// Validates and indexes `nodes`.
    ///
    /// - Throws: ``QuotaError/invalidHierarchy(_:)`` for an empty list, a duplicate id, an unknown
    ///   parent, zero or several roots, or a cycle; ``QuotaError/invalidValue(field:value:expected:)``
    ///   for a negative or non-finite measure.
    public init(_ input: [QuotaNode]) throws(QuotaError) {
        var byID: [QuotaNodeID: QuotaNode] = [:]
        for node in input {
            guard byID[node.id] == nil else { throw .invalidHierarchy("duplicate node id \(node.id)") }
            try QuotaHierarchy.validateMeasures(of: node)
            byID[node.id] = node
        }
        let roots = input.filter { $0.parent == nil }.map(\.id).sorted()
        guard roots.count == 1, let root = roots.first else {
            throw .invalidHierarchy(
                roots.isEmpty
                    ? "no root (every node has a parent)"
                    : "several roots: \(roots.map(\.rawValue).joined(separator: ", "))")
        }
        var children: [QuotaNodeID: [QuotaNodeID]] = [:]
        for node in input {
            guard let parent = node.parent else { continue }
            guard byID[parent] != nil else { throw .invalidHierarchy("node \(node.id) names unknown parent \(parent)") }
            children[parent, default: []].append(node.id)
        }
        // Breadth-first from the root; nodes never reached sit on a cycle.
        var order: [QuotaNodeID] = [root]
        var levelOf: [QuotaNodeID: Int] = [root: 0]
        var head = 0
        while head < order.count {
            let id = order[head]
            head += 1
            for child in (children[id] ?? []).sorted() {
                levelOf[child] = (levelOf[id] ?? 0) + 1
                order.append(child)
            }
        }
        guard order.count == input.count else {
            let stranded = Set(input.map(\.id)).subtracting(order).sorted().prefix(10)
            throw .invalidHierarchy("cycle through \(stranded.map(\.rawValue).joined(separator: ", "))")
        }
        var index: [QuotaNodeID: Int] = [:]
        for (i, id) in order.enumerated() { index[id] = i }
        var nodes = order.compactMap { byID[$0] }
        let childIndices = order.map { (children[$0] ?? []).sorted().compactMap { index[$0] } }
        // Roll measures and history up, deepest first, into units that left them empty.
        for i in nodes.indices.reversed() where !childIndices[i].isEmpty {
            var sum = BasisMeasures()
            var history: [Double]? = nil
            for c in childIndices[i] {
                sum.accumulate(nodes[c].measures)
                if let h = nodes[c].monthlyHistory {
                    history = zip(history ?? Array(repeating: 0, count: h.count), h).map { $0 + $1 }
                }
            }
            var own = nodes[i].measures
            own.priorYear = own.priorYear ?? sum.priorYear
            own.trailing12Months = own.trailing12Months ?? sum.trailing12Months
            own.potential = own.potential ?? sum.potential
            own.pipeline = own.pipeline ?? sum.pipeline
            nodes[i].measures = own
            if nodes[i].monthlyHistory == nil { nodes[i].monthlyHistory = history }
        }
        self.nodes = nodes
        self.root = root
        self.indexByID = index
        self.childIndices = childIndices
        self.levels = order.map { levelOf[$0] ?? 0 }
    }

    private static func validateMeasures(of node: QuotaNode) throws(QuotaError) {
        let m = node.measures
        let named: [(String, Double?)] = [
            ("priorYear", m.priorYear), ("trailing12Months", m.trailing12Months),
            ("potential", m.potential), ("pipeline", m.pipeline), ("volatility", node.volatility),
        ]
        let most = QuotaPlanConfiguration.largestAmount
        for (field, value) in named {
            if let v = value, !(v >= 0 && v <= most) {
                throw .invalidValue(
                    field: "\(field) of \(node.id)", value: "\(v)", expected: "an amount in [0, \(most.formatted2)]")
            }
        }
        if let h = node.monthlyHistory {
            guard h.count == 12, h.allSatisfy({ $0 >= 0 && $0 <= most }) else {
                throw .invalidValue(
                    field: "monthly history of \(node.id)", value: String("\(h)".prefix(200)),
                    expected: "12 amounts in [0, \(most.formatted2)]")
            }
        }
    }

    /// The node with `id`, if any.
    public func node(_ id: QuotaNodeID) -> QuotaNode? { indexByID[id].map { nodes[$0] } }
    /// Depth below the root (root = 0).
    public func level(of id: QuotaNodeID) -> Int? { indexByID[id].map { levels[$0] } }
    /// Children of `id`, sorted by id.
    public func children(of id: QuotaNodeID) -> [QuotaNode] {
        guard let i = indexByID[id] else { return [] }
        return childIndices[i].map { nodes[$0] }
    }
    /// Deepest level in the tree.
    public var depth: Int { levels.max() ?? 0 }

    func index(of id: QuotaNodeID) -> Int? { indexByID[id] }
    func childIndices(of index: Int) -> [Int] { childIndices[index] }
    func level(at index: Int) -> Int { levels[index] }
}
