/// One calculation of a period: its lines, the month it was recorded in, and why it was made.
///
/// Invariant: a version is never changed once appended to a ``PeriodHistory``.
public struct PeriodVersion: Sendable, Hashable, Codable {
    public var period: CompPeriod
    /// 1 for the original calculation, then 2, 3 and so on.
    public var number: Int
    /// The month this version was calculated in (for `--as-of` reads).
    public var recordedIn: CompPeriod
    /// Why the period was recalculated; `nil` for the original.
    public var reason: String?
    public var lines: [LedgerLine]

    /// `R012/2026-01/v1`-style reference used by adjustment lines.
    public func reference(person: String) -> String { "\(person)/\(period)/v\(number)" }
}

/// Every version of one closed period, and the prior-period adjustment arithmetic between them.
///
/// ```swift
/// var january = try PeriodHistory(original: v1Lines, period: jan, recordedIn: jan)
/// let adjustments = try january.restate(lines: v2Lines, recordedIn: april, reason: "quota corrected")
/// // adjustments: one line per person × component whose total changed, posted in April;
/// // january.asOf(march) is still version 1.
/// ```
///
/// The adjustment for a person and component is `total(new version) − total(latest version)`, in cents, so
/// each version's own lines keep their rounding and the adjustments of successive restatements add up to
/// the latest version minus the original exactly.
public struct PeriodHistory: Sendable, Hashable, Codable {
    public private(set) var period: CompPeriod
    public private(set) var versions: [PeriodVersion]

    /// Starts the history with the period's original (paid) calculation.
    ///
    /// - Throws: ``LedgerError`` when a line belongs to another period, or `recordedIn` is before `period`.
    public init(original lines: [LedgerLine], period: CompPeriod, recordedIn: CompPeriod) throws(LedgerError) {
        try Self.check(lines, period: period)
        guard !(recordedIn < period) else {
            throw LedgerError(field: "recordedIn", value: recordedIn.description, expected: "\(period) or later")
        }
        self.period = period
        versions = [PeriodVersion(period: period, number: 1, recordedIn: recordedIn, reason: nil, lines: lines)]
    }

    /// The latest version.
    public var current: PeriodVersion { versions[versions.count - 1] }

    /// The version that was current at the end of `month`; `nil` before the first was recorded.
    public func asOf(_ month: CompPeriod) -> PeriodVersion? {
        versions.last { !(month < $0.recordedIn) }
    }

    /// Records a recalculation of the closed period as a new version and returns the adjustment lines to
    /// post in the open period `recordedIn`: one per person × component whose total changed.
    ///
    /// - Throws: ``LedgerError`` when a line belongs to another period, `recordedIn` is not after the
    ///   period and the latest version, or `reason` is empty.
    public mutating func restate(lines: [LedgerLine], recordedIn open: CompPeriod, reason: String)
        throws(LedgerError) -> [LedgerLine]
    {
        try Self.check(lines, period: period)
        guard period < open, !(open < current.recordedIn) else {
            throw LedgerError(
                field: "recordedIn", value: open.description,
                expected: "an open period after \(period) and not before \(current.recordedIn)")
        }
        guard !reason.isEmpty else {
            throw LedgerError(field: "reason", value: reason, expected: "why the period is recalculated")
        }
        let previous = current
        let next = PeriodVersion(
            period: period, number: previous.number + 1, recordedIn: open, reason: reason, lines: lines)
        versions.append(next)
        let before = Self.totals(previous.lines)
        let after = Self.totals(lines)
        return Set(before.keys).union(after.keys).sorted { ($0.person, $0.component) < ($1.person, $1.component) }
            .compactMap { key in
                let difference = (after[key] ?? .zero) - (before[key] ?? .zero)
                guard difference != .zero else { return nil }
                return LedgerLine(
                    id: "\(next.reference(person: key.person))/\(key.component)/adjustment", person: key.person,
                    period: open, kind: .priorPeriodAdjustment, component: key.component, amount: difference,
                    references: previous.reference(person: key.person), reason: reason)
            }
    }

    private struct Key: Hashable {
        var person: String
        var component: String
    }

    private static func totals(_ lines: [LedgerLine]) -> [Key: Money] {
        lines.reduce(into: [:]) { sums, line in
            sums[Key(person: line.person, component: line.component), default: .zero] += line.amount
        }
    }

    private static func check(_ lines: [LedgerLine], period: CompPeriod) throws(LedgerError) {
        if let stray = lines.first(where: { $0.period != period }) {
            throw LedgerError(
                field: "lines[\(stray.id)].period", value: stray.period.description, expected: "\(period)")
        }
    }
}
