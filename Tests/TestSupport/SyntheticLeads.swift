import Foundation
import SalesData

/// Generated accounts with a known purchase probability, for the scoring tests: the best
/// achievable AUC is the AUC of the true probabilities. (Test support, not library code; the
/// benchmark's dense matrix generator lives in `Benchmarks/Scoring`.)
///
/// Columns: `id`, `employees` (log-normal), `revenue` (log-normal, correlated with employees),
/// `tenure_years`, `web_visits` (Poisson-like, 8 % missing), `industry` (8 levels), `purchased`
/// (0/1) and `true_probability`. The true log-odds are
/// `−2.2 + 0.55·log(1+employees)/σ + 0.35·z(tenure) + 0.45·z(web_visits) + industry effect`,
/// with missing web visits counting as −0.3.
///
/// ```swift
/// let table = SyntheticLeads.table(rows: 1_000, seed: 7)
/// table.rowCount   // 1000
/// ```
public enum SyntheticLeads {
    /// The eight industries, in generator order.
    public static let industries = [
        "Software", "Retail", "Manufacturing", "Healthcare", "Finance", "Energy", "Education", "Logistics",
    ]
    /// Each industry's log-odds effect.
    public static let industryEffect: [Double] = [0.6, -0.2, 0.1, 0.3, 0.4, -0.4, -0.6, 0.0]

    /// A table of `rows` generated accounts.
    public static func table(rows: Int, seed: UInt64) -> ColumnTable {
        var rng = SplitMixGenerator(seed: seed)
        var columns = Array(repeating: [String?](), count: 8)
        for i in 0..<rows {
            let logEmployees = 4 + 1.5 * rng.normal()
            let employees = max(1, exp(logEmployees).rounded())
            let revenue = exp(logEmployees + 11.5 + 0.6 * rng.normal())
            let tenure = Double(rng.unbiasedInt(below: 21))
            let visitsMissing = rng.uniform() < 0.08
            let visits = Double(poisson(3, &rng))
            let industry = rng.unbiasedInt(below: industries.count)
            var logit = -2.2 + 0.55 * (log1p(employees) - 4) / 1.5 + 0.35 * (tenure - 10) / 6
            logit += visitsMissing ? -0.3 : 0.45 * (visits - 3) / 1.73
            logit += industryEffect[industry]
            let p = 1 / (1 + exp(-logit))
            let purchased = rng.uniform() < p
            let values: [String?] = [
                "ACC-\(i + 1)", "\(Int(employees))", String(format: "%.2f", revenue), "\(Int(tenure))",
                visitsMissing ? nil : "\(Int(visits))", industries[industry], purchased ? "1" : "0", "\(p)",
            ]
            for (c, v) in values.enumerated() { columns[c].append(v) }
        }
        let names = [
            "id", "employees", "revenue", "tenure_years", "web_visits", "industry", "purchased", "true_probability",
        ]
        do {
            return try ColumnTable(file: "synthetic", columnNames: names, columns: columns)
        } catch {
            preconditionFailure("synthetic columns have equal lengths and distinct names by construction: \(error)")
        }
    }

    static func poisson(_ mean: Double, _ rng: inout SplitMixGenerator) -> Int {
        let limit = exp(-mean)
        var k = 0
        var product = rng.uniform()
        while product > limit {
            k += 1
            product *= rng.uniform()
        }
        return k
    }
}
