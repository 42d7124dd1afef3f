import Foundation
import SalesData
import Scoring

/// The benchmark's generated accounts.
///
/// Moved out of the Scoring library, since only this benchmark uses them. The stream is the one the library generated before (SalesData's
/// `SplitMixGenerator` uniforms and normals), so figures stay comparable.
enum SyntheticMatrix {
    /// A dense numeric matrix of `rows × features` with labels and true probabilities; the
    /// log-odds are a sparse linear term plus two interactions and a threshold effect.
    static func matrix(rows: Int, features: Int, seed: UInt64) throws -> (
        x: FeatureMatrix, labels: [Double], truth: [Double]
    ) {
        var random = SplitMixGenerator(seed: seed)
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
                let v = random.normal()
                values[i * features + j] = v
                logit += weights[j] * v
            }
            if features >= 4 {
                logit += 0.3 * values[i * features] * values[i * features + 1]
                logit += values[i * features + 3] > 1 ? 0.5 : 0
            }
            let p = 1 / (1 + exp(-logit))
            truth[i] = p
            labels[i] = random.uniform() < p ? 1 : 0
        }
        let names = (0..<features).map { "f\($0 + 1)" }
        return (try FeatureMatrix(rowCount: rows, values: values, names: names), labels, truth)
    }
}
