/// ABC and decile tiers by any numeric measure, ranked largest first with ties broken by id.
///
/// ABC: walking down the ranking, an account is **A** while the share of the total measure held
/// by the accounts before it is below `thresholds.a` (default 80 %), **B** while below
/// `thresholds.b` (default 95 %), otherwise **C**. A missing measure counts as 0.
///
/// ```swift
/// let tiers = try TierAssignment.abc(ids: ["x", "y", "z"], values: [85, 12, 3])
/// tiers   // ["A", "B", "C"]
/// ```
public enum TierAssignment {
    /// Ranking order: indices sorted by value descending, ties by id ascending.
    static func ranking(ids: [String], values: [Double?]) -> [Int] {
        ids.indices.sorted { l, r in
            let a = values[l] ?? 0
            let b = values[r] ?? 0
            return a != b ? a > b : ids[l] < ids[r]
        }
    }

    /// The ABC tier of each account, in input order.
    ///
    /// - Throws: ``SegmentationError/invalidParameter(name:value:expected:)`` for thresholds
    ///   outside `0 < a ≤ b ≤ 1`, a negative value, or mismatched lengths.
    public static func abc(ids: [String], values: [Double?], a: Double = 0.8, b: Double = 0.95) throws -> [String] {
        guard 0 < a && a <= b && b <= 1 else {
            throw SegmentationError.invalidParameter(
                name: "ABC thresholds", value: "\(a), \(b)", expected: "0 < A ≤ B ≤ 1")
        }
        try check(ids: ids, values: values)
        let order = ranking(ids: ids, values: values)
        let total = values.reduce(0) { $0 + ($1 ?? 0) }
        var tiers = [String](repeating: "C", count: ids.count)
        var before = 0.0
        for i in order {
            let share = total > 0 ? before / total : 1
            tiers[i] = share < a ? "A" : share < b ? "B" : "C"
            before += values[i] ?? 0
        }
        return tiers
    }

    /// The decile of each account, 1 for the top tenth of the ranking and 10 for the bottom.
    public static func deciles(ids: [String], values: [Double?]) throws -> [Int] {
        try check(ids: ids, values: values)
        let order = ranking(ids: ids, values: values)
        var deciles = [Int](repeating: 10, count: ids.count)
        for (rank, i) in order.enumerated() { deciles[i] = rank * 10 / ids.count + 1 }
        return deciles
    }

    static func check(ids: [String], values: [Double?]) throws {
        guard ids.count == values.count else {
            throw SegmentationError.invalidParameter(
                name: "values", value: "\(values.count)", expected: "\(ids.count), one per account")
        }
        if let bad = values.firstIndex(where: { ($0 ?? 0) < 0 || !($0 ?? 0).isFinite }) {
            throw SegmentationError.invalidParameter(
                name: "measure of \(ids[bad])", value: "\(values[bad] ?? 0)", expected: "a finite number ≥ 0")
        }
    }
}
