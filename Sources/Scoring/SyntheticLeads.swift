import Foundation
import SalesData

/// Generated accounts with a known purchase probability, for tests and benchmarks: the best
/// achievable AUC is the AUC of the true probabilities.
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
    static let industries = ["Software", "Retail", "Manufacturing", "Healthcare", "Finance", "Energy", "Education", "Logistics"]
    static let industryEffect: [Double] = [0.6, -0.2, 0.1, 0.3, 0.4, -0.4, -0.6, 0.0]

    /// The feature spec that fits this data.
    public static let featureSpec = FeatureSpec(
        numeric: [
            NumericFeature("employees", transform: .log), NumericFeature("revenue", transform: .log),
            NumericFeature("tenure_years"), NumericFeature("web_visits"),
        ],
        categorical: [CategoricalFeature("industry", maxLevels: 20, minCount: 1)])

    /// A table of `rows` generated accounts.
    public static func table(rows: Int, seed: UInt64) -> ColumnTable {
        var rng = SplitMixGenerator(seed: seed)
        var columns = Array(repeating: [String?](), count: 8)
        for i in 0..<rows {
            let logEmployees = 4 + 1.5 * normal(&rng)
            let employees = max(1, exp(logEmployees).rounded())
            let revenue = exp(logEmployees + 11.5 + 0.6 * normal(&rng))
            let tenure = Double(rng.unbiasedInt(below: 21))
            let visitsMissing = uniform(&rng) < 0.08
            let visits = Double(poisson(3, &rng))
            let industry = rng.unbiasedInt(below: industries.count)
            var logit = -2.2 + 0.55 * (log1p(employees) - 4) / 1.5 + 0.35 * (tenure - 10) / 6
            logit += visitsMissing ? -0.3 : 0.45 * (visits - 3) / 1.73
            logit += industryEffect[industry]
            let p = 1 / (1 + exp(-logit))
            let purchased = uniform(&rng) < p
            let values: [String?] = [
                "ACC-\(i + 1)", "\(Int(employees))", String(format: "%.2f", revenue), "\(Int(tenure))",
                visitsMissing ? nil : "\(Int(visits))", industries[industry], purchased ? "1" : "0", "\(p)",
            ]
            for (c, v) in values.enumerated() { columns[c].append(v) }
        }
        let names = ["id", "employees", "revenue", "tenure_years", "web_visits", "industry", "purchased", "true_probability"]
        // Column lengths are equal by construction.
        return (try? ColumnTable(file: "synthetic", columnNames: names, columns: columns)) ?? emptyTable(names)
    }

    /// A dense numeric benchmark matrix of `rows × features` with labels and true probabilities;
    /// the log-odds are a sparse linear term plus two interactions and a threshold effect.
    public static func matrix(rows: Int, features: Int, seed: UInt64) -> (x: FeatureMatrix, labels: [Double], truth: [Double]) {
        var rng = SplitMixGenerator(seed: seed)
        var values = [Double](repeating: 0, count: rows * features)
        var labels = [Double](repeating: 0, count: rows)
        var truth = [Double](repeating: 0, count: rows)
        var weights = [Double](repeating: 0, count: features)
        for j in 0..<min(features, 10) {
            let sign: Double = j % 2 == 0 ? 1 : -1
            weights[j] = sign * 0.5 / Double(j + 1).squareRoot()
        }
        for i in 0..<rows {
            var logit = -1.5
            for j in 0..<features {
                let v = normal(&rng)
                values[i * features + j] = v
                logit += weights[j] * v
            }
            if features >= 4 {
                logit += 0.3 * values[i * features] * values[i * features + 1]
                logit += values[i * features + 3] > 1 ? 0.5 : 0
            }
            let p = 1 / (1 + exp(-logit))
            truth[i] = p
            labels[i] = uniform(&rng) < p ? 1 : 0
        }
        let names = (0..<features).map { "f\($0 + 1)" }
        return (FeatureMatrix(unchecked: rows, values, names), labels, truth)
    }

    private static func emptyTable(_ names: [String]) -> ColumnTable {
        preconditionFailure("synthetic columns have equal length")
    }

    static func uniform(_ rng: inout SplitMixGenerator) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }

    static func normal(_ rng: inout SplitMixGenerator) -> Double {
        let u = max(uniform(&rng), 0x1p-60)
        let v = uniform(&rng)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    static func poisson(_ mean: Double, _ rng: inout SplitMixGenerator) -> Int {
        let limit = exp(-mean)
        var k = 0
        var product = uniform(&rng)
        while product > limit {
            k += 1
            product *= uniform(&rng)
        }
        return k
    }
}
