/// Rounds amounts to whole multiples of a unit so that they add up to a given total exactly
/// (Hamilton's largest-remainder method): every amount is floored, then the units still missing go
/// to the largest remainders, ties broken by the caller's keys (ids) in ascending order.
///
/// ```swift
/// let r = LargestRemainderRounding(unit: 1_000)
/// let q = r.round([333_333.3, 333_333.3, 333_333.4], total: 1_000_000, tieKeys: ["a", "b", "c"])
/// print(q)   // [333000.0, 333000.0, 334000.0]
/// ```
///
/// With bounds (``round(_:total:tieKeys:lower:upper:)``) every result is a multiple of the unit in
/// `[lower, upper]` whenever such multiples exist and can add up to the total; otherwise the
/// fewest amounts leave their bounds, each by less than one unit, and are reported.
/// - Complexity: O(n log n).
public struct LargestRemainderRounding: Sendable {
    public let unit: Double

    public init(unit: Double) { self.unit = unit }

    /// Rounds `total` itself to the nearest unit (halves away from zero).
    public func roundTotal(_ total: Double) -> Double { (total / unit).rounded() * unit }

    /// Rounds `amounts` (≥ 0) to multiples of `unit` summing to `total`.
    ///
    /// `total` must itself be a multiple of `unit`. When the floors already exceed `total` (only possible if the amounts
    /// sum above it), the smallest remainders give units back.
    public func round<Key: Comparable>(_ amounts: [Double], total: Double, tieKeys: [Key]) -> [Double] {
        round(amounts, total: total, tieKeys: tieKeys, lower: nil, upper: nil).amounts
    }

    /// An amount the bounded rounding had to move outside its bounds: no multiple of the unit lies
    /// inside them, or the group's bounds rounded inwards cannot add up to the total.
    public struct BoundViolation: Sendable, Hashable {
        /// Position of the amount in the input.
        public let index: Int
        /// The rounded amount.
        public let amount: Double
        /// The bound it passes (the lower one when `amount < lower`).
        public let bound: Double
        /// `true` when `amount` lies above `bound` (a cap), `false` when below (a floor).
        public let isUpper: Bool
    }

    /// Rounds `amounts` to multiples of `unit` in `[lower[i], upper[i]]` summing to `total`.
    ///
    /// Bounds are rounded inwards (a cap of 1,234,567 with unit 1,000 allows 1,234,000 at most).
    /// An amount whose bounds hold no multiple is set to the nearest multiple of its clamped value;
    /// when the inward-rounded bounds of the group cannot reach `total`, the amounts with the
    /// smallest bound-to-multiple distance get their bound rounded outwards, one unit each. Either
    /// case is returned in `violations` (empty when every bound holds).
    ///
    /// - Parameters:
    ///   - amounts: Values that lie within their bounds (for example an LP's solution) and sum to `total`.
    ///   - total: A multiple of `unit`.
    ///   - tieKeys: One key per amount; equal remainders go to the smaller key first.
    ///   - lower: Floors, one per amount, or `nil` for 0.
    ///   - upper: Caps, one per amount (`.infinity` for none), or `nil` for none.
    /// - Returns: The rounded amounts, in input order, and the bounds they had to leave.
    public func round<Key: Comparable>(
        _ amounts: [Double], total: Double, tieKeys: [Key], lower: [Double]?, upper: [Double]?
    ) -> (amounts: [Double], violations: [BoundViolation]) {
        precondition(amounts.count == tieKeys.count, "one tie key per amount")
        precondition(lower.map { $0.count == amounts.count } ?? true, "one floor per amount")
        precondition(upper.map { $0.count == amounts.count } ?? true, "one cap per amount")
        let n = amounts.count
        guard n > 0 else { return ([], []) }
        // Values within 1e-9 of a multiple (floating noise) count as that multiple.
        func down(_ x: Double) -> Double { (x + 1e-9).rounded(.down) }
        func up(_ x: Double) -> Double { (x - 1e-9).rounded(.up) }
        let scaled = amounts.map { $0.isFinite ? max(0, $0) / unit : 0 }
        let lowerScaled = (0..<n).map { i in max(0, lower?[i] ?? 0) / unit }
        let upperScaled = (0..<n).map { i in upper?[i] ?? .infinity }.map { $0 / unit }
        var lo = lowerScaled.map(up)
        var hi = upperScaled.map(down)
        var violations: [Int: Bool] = [:]  // index → isUpper
        for i in 0..<n where lo[i] > hi[i] {
            let nearest = min(max(scaled[i], lowerScaled[i]), upperScaled[i]).rounded()
            lo[i] = nearest
            hi[i] = nearest
            violations[i] = nearest * unit > (upper?[i] ?? .infinity)
        }
        let goal = (total / unit).rounded()
        // Order of preference: largest remainder first, ties by key.
        let order = (0..<n).sorted { a, b in
            let ra = scaled[a] - down(scaled[a])
            let rb = scaled[b] - down(scaled[b])
            return ra != rb ? ra > rb : tieKeys[a] < tieKeys[b]
        }
        // Relax inward-rounded bounds outwards by one unit, closest first, while they miss the goal.
        var floorSum = lo.reduce(0, +)
        if floorSum > goal {
            let relaxable = (0..<n).filter {
                lo[$0] > lowerScaled[$0] + 1e-9 && lo[$0] - 1 >= 0 && violations[$0] == nil
            }
            for i in relaxable.sorted(by: {
                (lo[$0] - lowerScaled[$0], tieKeys[$0]) < (lo[$1] - lowerScaled[$1], tieKeys[$1])
            })
            where floorSum > goal {
                lo[i] -= 1
                floorSum -= 1
                violations[i] = false
            }
        }
        var capSum = hi.reduce(0, +)
        if capSum < goal {
            let relaxable = (0..<n).filter { hi[$0] < upperScaled[$0] - 1e-9 && violations[$0] == nil }
            for i in relaxable.sorted(by: {
                (upperScaled[$0] - hi[$0], tieKeys[$0]) < (upperScaled[$1] - hi[$1], tieKeys[$1])
            })
            where capSum < goal {
                hi[i] += 1
                capSum += 1
                violations[i] = true
            }
        }
        var units = (0..<n).map { min(max(down(scaled[$0]), lo[$0]), max(lo[$0], hi[$0])) }
        var missing = goal - units.reduce(0, +)
        guard missing.isFinite else { return (units.map { $0 * unit }, []) }
        // Hand out (or take back) whole units in remainder order, respecting the bounds; the room
        // may allow several units per amount, so repeat the pass while anything changes.
        var changed = true
        while missing > 0 && changed {
            changed = false
            // One unit per amount and pass in the usual case (missing ≤ n); more when far off.
            let share = Swift.max(1, (missing / Double(n)).rounded(.down))
            for i in order where missing > 0 && units[i] < hi[i] {
                let step = Swift.min(missing, hi[i] - units[i], share)
                units[i] += step
                missing -= step
                changed = true
            }
        }
        // Without bounds the result must still add up: the last resort ignores them.
        changed = true
        while missing < 0 && changed {
            changed = false
            for i in order.reversed() where missing < 0 && units[i] > lo[i] {
                units[i] -= 1
                missing += 1
                changed = true
            }
        }
        let result = units.map { $0 * unit }
        let reported = violations.keys.sorted().compactMap { i -> BoundViolation? in
            let isUpper = violations[i] ?? false
            let bound = isUpper ? (upper?[i] ?? .infinity) : (lower?[i] ?? 0)
            let outside = isUpper ? result[i] > bound + 1e-9 * max(1, bound) : result[i] < bound - 1e-9 * max(1, bound)
            return outside ? BoundViolation(index: i, amount: result[i], bound: bound, isUpper: isUpper) : nil
        }
        return (result, reported)
    }
}
