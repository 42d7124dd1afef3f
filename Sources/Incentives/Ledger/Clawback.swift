/// How commission is recovered when a deal is refunded or cancelled inside a window.
///
/// ```swift
/// let policy = try ClawbackPolicy(windowMonths: 12, method: .proRata)
/// // $12,000 paid on a $120k deal cancelled after 4 of 12 months: 12,000 × 8/12 = −$8,000.
/// ```
///
/// The recovered share is `refunded / dealAmount` (1 for a cancellation) times, for `proRata`,
/// the unexpired part of the window `(windowMonths − monthsInForce) / windowMonths`; the result is
/// rounded once, half to even, to the cent. From `monthsInForce ≥ windowMonths` on nothing is recovered.
public struct ClawbackPolicy: Sendable, Hashable, Codable {
    /// Full or proportional recovery.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Everything paid on the refunded share, anywhere inside the window.
        case full
        /// In proportion to the unexpired months of the window.
        case proRata = "pro_rata"
    }

    public var windowMonths: Int
    public var method: Method

    /// - Throws: ``LedgerError`` when the window is not at least one month.
    public init(windowMonths: Int, method: Method) throws(LedgerError) {
        guard windowMonths >= 1 else {
            throw LedgerError(field: "clawback.windowMonths", value: String(windowMonths), expected: "at least 1")
        }
        self.windowMonths = windowMonths
        self.method = method
    }

    /// The clawback line for `original` (a paid earning on a deal of `dealAmount`), or `nil` outside the window.
    ///
    /// - Parameters:
    ///   - original: the paid line (on the refunded deal) to recover from.
    ///   - dealAmount: the original deal's amount (> 0).
    ///   - refunded: the part of the deal refunded; equal to `dealAmount` for a cancellation.
    ///   - monthsInForce: whole months the deal ran before the refund or cancellation.
    ///   - reason: why the line exists, printed on the statement.
    ///   - period: the open period the negative line is posted in.
    /// - Returns: a negative `clawback` line referencing `original`, or `nil` outside the window or when zero.
    /// - Throws: ``LedgerError`` for a deal amount ≤ 0, a refund outside `0...dealAmount`, or negative months.
    public func clawback(
        of original: LedgerLine, dealAmount: Money, refunded: Money, monthsInForce: Int, reason: String,
        postedIn period: CompPeriod
    ) throws(LedgerError) -> LedgerLine? {
        guard dealAmount > .zero else {
            throw LedgerError(field: "clawback.dealAmount", value: dealAmount.description, expected: "an amount > 0")
        }
        guard refunded >= .zero, refunded <= dealAmount else {
            throw LedgerError(
                field: "clawback.refunded", value: refunded.description, expected: "0 … \(dealAmount.description)")
        }
        guard monthsInForce >= 0 else {
            throw LedgerError(field: "clawback.monthsInForce", value: String(monthsInForce), expected: "months ≥ 0")
        }
        guard monthsInForce < windowMonths else {
            return nil
        }
        var share = ExactAmount(refunded) / ExactAmount(dealAmount)
        if method == .proRata {
            share =
                share * ExactAmount(numerator: Int128(windowMonths - monthsInForce), denominator: Int128(windowMonths))
        }
        let recovered = (ExactAmount(original.amount) * share).rounded()
        guard recovered != .zero else { return nil }
        return LedgerLine(
            id: "\(original.id)/clawback/\(period)", person: original.person, period: period, kind: .clawback,
            component: original.component, amount: -recovered, references: original.id, reason: reason)
    }
}
