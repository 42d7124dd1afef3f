/// For each unit, the `width` territories of least cost (its current territory always included),
/// and for each territory the units that list it.
struct CandidateLists: Sendable {
    let width: Int
    /// Unit-major `n × width`, each row sorted by cost.
    let territories: [Int32]
    /// `listing[j]`: units whose candidates include `j`.
    let listing: [[Int32]]

    static func build(_ inst: DenseInstance, width requested: Int, workers: Int) async -> CandidateLists {
        let width = min(max(requested, 1), inst.m)
        let plan = ChunkPlan(count: inst.n, workers: workers)
        let parts = await withTaskGroup(of: (Int, [Int32]).self) { group in
            for (chunk, range) in plan.ranges.enumerated() {
                group.addTask { (chunk, nearest(inst, range: range, width: width)) }
            }
            var parts = [[Int32]](repeating: [], count: plan.ranges.count)
            for await (chunk, block) in group { parts[chunk] = block }
            return parts
        }
        var territories = [Int32]()
        territories.reserveCapacity(inst.n * width)
        for part in parts { territories.append(contentsOf: part) }
        var listing = [[Int32]](repeating: [], count: inst.m)
        for i in 0..<inst.n {
            for s in 0..<width { listing[Int(territories[i * width + s])].append(Int32(i)) }
        }
        return CandidateLists(width: width, territories: territories, listing: listing)
    }

    private static func nearest(_ inst: DenseInstance, range: Range<Int>, width: Int) -> [Int32] {
        let m = inst.m
        var out = [Int32]()
        out.reserveCapacity(range.count * width)
        var best = [(Float, Int32)]()
        best.reserveCapacity(width + 1)
        for i in range {
            best.removeAll(keepingCapacity: true)
            let cur = Int(inst.current[i])
            for j in 0..<m {
                let c = inst.cost[i * m + j]
                if best.count == width, let last = best.last, !(c < last.0 || (c == last.0 && Int32(j) < last.1)) {
                    continue
                }
                var p = best.count
                best.append((c, Int32(j)))
                while p > 0 && (best[p - 1].0 > c || (best[p - 1].0 == c && best[p - 1].1 > Int32(j))) {
                    best[p] = best[p - 1]
                    p -= 1
                }
                best[p] = (c, Int32(j))
                if best.count > width { best.removeLast() }
            }
            if cur >= 0 && !best.contains(where: { Int($0.1) == cur }) {
                best[best.count - 1] = (inst.cost[i * m + cur], Int32(cur))
            }
            for entry in best { out.append(entry.1) }
        }
        return out
    }
}
