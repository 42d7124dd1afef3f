/// Seat quotas that give every seat of the plan the same probability of attainment, and the unit
/// quotas that follow from them.
///
/// Each seat's sales have a distribution (``SalesDistribution``, from its history, potential and
/// ramp); at a common standard score `z` the seat's quota is `Qᵢ(z)` (normal: `μᵢ + zσᵢ`;
/// lognormal: `exp(mᵢ + z sᵢ)`), clamped into its growth floor and cap. Units follow from their
/// children: a first-line pool is the seats' sum ÷ (1 − attrition relief), and a unit's quota is
/// its children's pool ÷ (1 + the over-assignment of its level). `z` is found by bisection so that
/// the company node gets exactly its target (the figure increases with `z`).
///
/// Manual overrides are fixed amounts. An overridden unit cannot take part in the company-wide
/// level, so its subtree gets a level of its own that fills its override. Seats held at a growth
/// bound cannot share the level either; they are listed in ``boundSeats``.
///
/// - Complexity: O(n · 100) per level region for n nodes (bisection to 10⁻¹² in z).
struct PlanWideEqualProbability: Sendable {
    /// Per node index, the quota under this split (before rounding); 0 for nodes outside any region.
    let figures: [Double]
    /// Per region root (the company, then every overridden unit), the common standard score.
    let standardScores: [Int: Double]
    /// Seats whose quota sits at a growth bound instead of the level: index → `true` for a cap.
    let boundSeats: [Int: Bool]

    /// The common probability of attainment of the region rooted at `root`.
    func probability(root: Int) -> Double? { standardScores[root].map { StandardNormal.survival($0) } }

    /// The seat-level inputs and the tree shape the level is computed from.
    struct Inputs {
        let hierarchy: QuotaHierarchy
        let configuration: QuotaPlanConfiguration
        /// Per node index, the seat's sales distribution (`nil` for units).
        let distributions: [SalesDistribution?]
        /// Per node index, the seat's growth floor and cap (`0...∞` without a base).
        let lower: [Double]
        let upper: [Double]
    }

    init(_ inputs: Inputs) {
        let hierarchy = inputs.hierarchy
        let configuration = inputs.configuration
        let n = hierarchy.nodes.count
        let rounding = LargestRemainderRounding(unit: configuration.roundingUnit)
        var fixed = [Double?](repeating: nil, count: n)
        for (id, amount) in configuration.overrides {
            if let i = hierarchy.index(of: id) { fixed[i] = rounding.roundTotal(amount) }
        }
        let isLeaf = (0..<n).map { hierarchy.childIndices(of: $0).isEmpty }
        let leafGroup = (0..<n).map { i in !isLeaf[i] && hierarchy.childIndices(of: i).allSatisfy { isLeaf[$0] } }
        // Regions: the company and every overridden unit, each with its nodes in breadth-first order.
        var regions: [(root: Int, amount: Double, nodes: [Int])] = []
        for root in 0..<n where root == 0 || (fixed[root] != nil && !isLeaf[root]) {
            var nodes: [Int] = [root]
            var head = 0
            while head < nodes.count {
                let i = nodes[head]
                head += 1
                if i != root && fixed[i] != nil { continue }  // its own region
                nodes += hierarchy.childIndices(of: i)
            }
            let amount = fixed[root] ?? rounding.roundTotal(configuration.target)
            regions.append((root, amount, nodes))
        }
        var figures = [Double](repeating: 0, count: n)
        var scores: [Int: Double] = [:]
        var boundSeats: [Int: Bool] = [:]
        func seatQuota(_ i: Int, _ z: Double) -> Double {
            let lower = inputs.lower[i]
            let upper = max(lower, inputs.upper[i])
            guard let d = inputs.distributions[i] else { return lower }
            let q = d.standardDeviation > 0 && d.mean > 0 ? d.quota(atStandardScore: z) : max(0, d.mean)
            return min(max(q, lower), upper)
        }
        for region in regions {
            func evaluate(_ z: Double) -> Double {
                for i in region.nodes.reversed() {
                    if i != region.root, let amount = fixed[i] {
                        figures[i] = amount
                    } else if isLeaf[i] {
                        figures[i] = seatQuota(i, z)
                    } else {
                        var pool = hierarchy.childIndices(of: i).reduce(0) { $0 + figures[$1] }
                        if leafGroup[i] { pool /= 1 - configuration.attritionRelief }
                        figures[i] = pool / (1 + configuration.overAssignment(atLevel: hierarchy.level(at: i)))
                    }
                }
                return figures[region.root]
            }
            var lo = -40.0
            var hi = 40.0
            var z: Double
            if evaluate(lo) >= region.amount {
                z = lo
            } else if evaluate(hi) <= region.amount {
                z = hi
            } else {
                for _ in 0..<200 where hi - lo > 1e-12 {
                    let mid = (lo + hi) / 2
                    if evaluate(mid) < region.amount { lo = mid } else { hi = mid }
                }
                z = (lo + hi) / 2
            }
            _ = evaluate(z)
            figures[region.root] = region.amount
            scores[region.root] = z
            for i in region.nodes where isLeaf[i] && fixed[i] == nil {
                guard let d = inputs.distributions[i], d.standardDeviation > 0, d.mean > 0 else { continue }
                let free = d.quota(atStandardScore: z)
                let tolerance = 1e-9 * max(1, free)
                if free < inputs.lower[i] - tolerance { boundSeats[i] = false }
                if free > max(inputs.lower[i], inputs.upper[i]) + tolerance { boundSeats[i] = true }
            }
        }
        self.figures = figures
        self.standardScores = scores
        self.boundSeats = boundSeats
    }
}
