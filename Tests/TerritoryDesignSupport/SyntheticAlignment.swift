import Foundation
import SalesData
import TerritoryDesign

/// Generated alignment instances for benchmarks and tests: planar accounts (uniform background plus
/// Gaussian clusters) with two measures, `potential` and `workload`, and territory centres at
/// randomly chosen accounts.
///
/// Travel is weighted by workload. Fully determined by the seed.
///
/// ```swift
/// let problem = SyntheticAlignment.make(units: 1_000, territories: 10, tolerance: 0.05, seed: 7)
/// problem.units.count   // 1000
/// ```
public enum SyntheticAlignment {
    /// Makes an instance.
    ///
    /// - Parameters:
    ///   - n: Number of accounts (`units`).
    ///   - m: Number of territories (centres, `territories`), at most `units`.
    ///   - tolerance: Balance tolerance for both measures.
    ///   - seed: Generator seed.
    /// - Returns: The instance: units, territories centred at random units, and the two measures.
    public static func make(units n: Int, territories m: Int, tolerance: Double, seed: UInt64) -> AlignmentProblem {
        var rng = SplitMixGenerator(seed: seed)
        func uniform() -> Double { Double(rng.next() >> 11) * 0x1.0p-53 }
        func normal() -> Double {
            let u1 = max(uniform(), 1e-300), u2 = uniform()
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
        let clusterCount = max(3, n / 400)
        let clusters = (0..<clusterCount).map { _ in (x: uniform() * 1000, y: uniform() * 1000, s: 20 + uniform() * 60)
        }
        var units: [AlignmentUnit] = []
        units.reserveCapacity(n)
        for i in 0..<n {
            var x: Double, y: Double
            if uniform() < 0.4 {
                x = uniform() * 1000; y = uniform() * 1000
            } else {
                let c = clusters[Int(rng.next() % UInt64(clusterCount))]
                x = min(1000, max(0, c.x + c.s * normal())); y = min(1000, max(0, c.y + c.s * normal()))
            }
            let potential = round3(100 * exp(0.7 * normal()))
            let workload = round3(1 + potential.squareRoot() * (0.5 + uniform()))
            units.append(
                AlignmentUnit(
                    id: "A\(i)", location: .planar(x: round3(x), y: round3(y)), measures: [potential, workload]))
        }
        var picks = Array(0..<n)
        for s in 0..<min(m, n) {
            let r = s + Int(rng.next() % UInt64(n - s))
            picks.swapAt(s, r)
        }
        let territories = (0..<min(m, n)).map { s in
            TerritorySpec(id: "T\(s)", centre: units[picks[s]].location)
        }
        return AlignmentProblem(
            units: units, territories: territories,
            measures: [
                BalanceMeasure(name: "potential", tolerance: tolerance),
                BalanceMeasure(name: "workload", tolerance: tolerance),
            ],
            metric: .euclidean, compactnessMeasure: 1)
    }
}
