import SalesData

/// What a comp calculation reads besides the company's data and quotas: the plan folder, the months
/// and the MBO scores (the `--plans`, `--period` and `--scores` of `meridian comp calculate`).
///
/// A plan file's `comp:` section decodes into it, strictly through SalesData's `YAMLConfiguration`
/// (an unknown key is an error at its line and column):
///
/// ```yaml
/// plans: Data/demo/plans          # *.yaml comp plans and an optional assignments.csv
/// periods: [2026-03, 2026-11]     # months, each calculated on its own
/// scores: Data/demo/mbo.csv       # optional: person_id,period,component,score
/// ```
///
/// Invariant after ``validate()``: `plans` is not empty; `periods` holds at least one month, each
/// `YYYY-MM` with a year in 2000...2100, no month twice.
public struct CompConfiguration: Sendable, Hashable, Codable, ValidatedRequest {
    /// The plan folder read by ``PlanBook/init(folder:)``.
    public var plans: String
    /// The months calculated, as `YYYY-MM`, in the order given.
    public var periods: [String]
    /// An MBO score file read by ``ScoreBook/init(contentsOf:)``; none when `nil`.
    public var scores: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case plans, periods, scores }

    /// Every key a configuration may hold.
    public static var configurationKeys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(plans: String = "Data/demo/plans", periods: [String] = [], scores: String? = nil) {
        self.plans = plans
        self.periods = periods
        self.scores = scores
    }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        plans = try container.decodeIfPresent(String.self, forKey: .plans) ?? defaults.plans
        periods = try container.decodeIfPresent([String].self, forKey: .periods) ?? defaults.periods
        scores = try container.decodeIfPresent(String.self, forKey: .scores)
    }

    /// The months of ``periods`` that parse, in order (all of them after ``validate()``).
    public var months: [CompPeriod] { periods.compactMap { try? CompPeriod(parsing: $0) } }

    public func problems() -> [any RequestKeyError] {
        var list: [any RequestKeyError] = []
        if plans.isEmpty {
            list.append(SalesDataError.invalidRequest(key: "plans", value: "", expected: "a comp plan folder"))
        }
        if periods.isEmpty {
            list.append(
                SalesDataError.invalidRequest(key: "periods", value: "[]", expected: "at least one month YYYY-MM"))
        }
        var seen: Set<String> = []
        for (index, text) in periods.enumerated() {
            let key = "periods[\(index)]"
            guard let month = try? CompPeriod(parsing: text), (2000...2100).contains(month.year) else {
                list.append(
                    SalesDataError.invalidRequest(key: key, value: text, expected: "a month YYYY-MM in 2000...2100"))
                continue
            }
            if !seen.insert(month.description).inserted {
                list.append(SalesDataError.invalidRequest(key: key, value: text, expected: "a month not listed before"))
            }
        }
        if let scores, scores.isEmpty {
            list.append(SalesDataError.invalidRequest(key: "scores", value: "", expected: "an MBO score file"))
        }
        return list
    }
}
