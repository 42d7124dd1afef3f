import SalesData

/// Estimates a capacity plan's inputs from a company's history: the monthly productivity of a
/// ramped seller and the monthly attrition rate, by role.
///
/// ```swift
/// let history = SellerHistory(dataset: dataset, from: start, to: end)
/// let bookings = history.monthlyProductivity(rampMonths: 3)   // ["AE": 41_200, …]
/// let attrition = history.monthlyAttrition()                   // ["AE": 0.012, …]
/// ```
///
/// A seller is counted in a month (a *seller-month*) when they are in seat on the month's first
/// day (hired on or before it, not yet terminated). The window is the whole months from `from`
/// up to, not including, `to`.
public struct SellerHistory: Sendable {
    /// The reps and transactions read.
    public let dataset: SalesDataset
    /// First day of the window (its month is the first month counted).
    public let from: CalendarDate
    /// End of the window, exclusive (month-aligned).
    public let to: CalendarDate

    /// A history over the whole months in `[from, to)`.
    public init(dataset: SalesDataset, from: CalendarDate, to: CalendarDate) {
        self.dataset = dataset
        self.from = CalendarDate(year: from.year, month: from.month, day: 1) ?? from
        self.to = to
    }

    /// First days of the window's months.
    var monthStarts: [CalendarDate] {
        var starts = [CalendarDate]()
        var month = from
        while month < to && starts.count < 1200 {
            starts.append(month)
            month = month.adding(months: 1)
        }
        return starts
    }

    /// Bookings per ramped seller-month, by role.
    ///
    /// Credited bookings (net of refunds) of reps past
    /// `rampMonths` months in seat, divided by their seller-months. Reps without a hire date count
    /// as ramped. A role with no ramped seller-months is left out.
    ///
    /// - Complexity: O(reps × months + transactions × splits).
    public func monthlyProductivity(rampMonths: Int) -> [String: Double] {
        let starts = monthStarts
        guard let first = starts.first else { return [:] }
        var reps = [RepID: Rep]()
        for rep in dataset.reps { reps[rep.id] = rep }
        func ramped(_ rep: Rep, on day: CalendarDate) -> Bool {
            guard let hire = rep.hireDate else { return rep.isAvailable(on: day) }
            return rep.isAvailable(on: day) && hire.adding(months: max(0, rampMonths)) <= day
        }
        var sellerMonths = [String: Double]()
        for rep in dataset.reps {
            for day in starts where ramped(rep, on: day) { sellerMonths[rep.role, default: 0] += 1 }
        }
        var bookings = [String: Double]()
        for transaction in dataset.transactions where transaction.date >= first && transaction.date < to {
            let monthStart = CalendarDate(year: transaction.date.year, month: transaction.date.month, day: 1) ?? first
            for split in transaction.effectiveRevenueSplits {
                guard let rep = reps[split.repID], ramped(rep, on: monthStart) else { continue }
                bookings[rep.role, default: 0] += transaction.amount * split.percentage / 100
            }
        }
        return sellerMonths.reduce(into: [:]) { out, entry in
            if entry.value > 0 { out[entry.key] = (bookings[entry.key] ?? 0) / entry.value }
        }
    }

    /// Monthly attrition by role.
    ///
    /// Terminations dated inside the window divided by the role's
    /// seller-months (the exposure). A role with no seller-months is left out.
    ///
    /// - Complexity: O(reps × months).
    public func monthlyAttrition() -> [String: Double] {
        let starts = monthStarts
        guard let first = starts.first else { return [:] }
        var exposure = [String: Double]()
        var leavers = [String: Double]()
        for rep in dataset.reps {
            for day in starts where rep.isAvailable(on: day) { exposure[rep.role, default: 0] += 1 }
            if let end = rep.terminationDate, end >= first, end < to { leavers[rep.role, default: 0] += 1 }
        }
        return exposure.reduce(into: [:]) { out, entry in
            if entry.value > 0 { out[entry.key] = (leavers[entry.key] ?? 0) / entry.value }
        }
    }
}
