/// Rounds amounts to whole multiples of a unit so that they add up to a given total exactly
/// (Hamilton's largest-remainder method): every amount is floored, then the units still missing go
/// to the largest remainders, ties broken by the caller's keys (ids) in ascending order.
///
/// ```swift
/// let r = LargestRemainderRounding(unit: 1_000)
/// let q = r.round([333_333.3, 333_333.3, 333_333.4], total: 1_000_000, tieKeys: ["a", "b", "c"])
/// print(q)   // [333000.0, 333000.0, 334000.0]
/// ```
/// - Complexity: O(n log n).
public struct LargestRemainderRounding: Sendable {
    public let unit: Double

    public init(unit: Double) { self.unit = unit }

    /// Rounds `total` itself to the nearest unit (halves away from zero).
    public func roundTotal(_ total: Double) -> Double { (total / unit).rounded() * unit }

    /// Rounds `amounts` (≥ 0) to multiples of `unit` summing to `total`, which must itself be a
    /// multiple of `unit`. When the floors already exceed `total` (only possible if the amounts
    /// sum above it), the smallest remainders give units back.
    public func round<Key: Comparable>(_ amounts: [Double], total: Double, tieKeys: [Key]) -> [Double] {
        precondition(amounts.count == tieKeys.count, "one tie key per amount")
        guard !amounts.isEmpty else { return [] }
        let scaled = amounts.map { max(0, $0) / unit }
        var units = scaled.map { $0.rounded(.down) }
        // Snap values within 1e-9 of the next unit (floating noise) up before taking remainders.
        for i in units.indices where scaled[i] - units[i] > 1 - 1e-9 { units[i] += 1 }
        let goal = (total / unit).rounded()
        var missing = Int(goal - units.reduce(0, +))
        let order = amounts.indices.sorted { a, b in
            let ra = scaled[a] - units[a]
            let rb = scaled[b] - units[b]
            return ra != rb ? ra > rb : tieKeys[a] < tieKeys[b]
        }
        var k = 0
        while missing > 0 {
            units[order[k % order.count]] += 1
            missing -= 1
            k += 1
        }
        k = 0
        while missing < 0 {
            let i = order[order.count - 1 - (k % order.count)]
            if units[i] > 0 {
                units[i] -= 1
                missing += 1
            }
            k += 1
        }
        return units.map { $0 * unit }
    }
}
