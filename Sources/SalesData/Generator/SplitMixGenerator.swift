import Foundation

/// A seeded SplitMix64 random number generator (Steele, Lea & Flood 2014): tiny, fast, and the same
/// sequence for the same seed on every platform, which makes generated data byte-identical.
///
/// ```swift
/// var random = SplitMixGenerator(seed: 42)
/// let u = random.uniform()                      // in [0, 1)
/// let z = random.normal()                       // standard normal
/// let pick = random.index(weights: [1, 3])      // 1 three times as often as 0
/// ```
public struct SplitMixGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for an independent stream, derived from this seed and `stream`.
    public func fork(_ stream: UInt64) -> SplitMixGenerator {
        var copy = SplitMixGenerator(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// Uniform integer in `0..<bound` (Lemire's multiply-shift, bias below 2⁻³²; bound > 0).
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int((UInt64(bound).multipliedFullWidth(by: next())).high)
    }

    /// Exactly uniform integer in `0..<bound` by rejection sampling (bound > 0).
    ///
    /// Slower than ``int(below:)`` but with no bias at all; segmentation and scoring draw with it, so
    /// their seeded results stay what they were.
    public mutating func unbiasedInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let v = next()
            if v < limit { return Int(v % b) }
        }
    }

    /// Shuffles `array` in place (Fisher–Yates with ``unbiasedInt(below:)``), independent of the
    /// standard library's shuffle algorithm.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, unbiasedInt(below: i + 1))
        }
    }

    /// `true` with probability `p`.
    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// A standard normal deviate (Box–Muller; one of the pair is discarded to keep the stream simple).
    public mutating func normal() -> Double {
        let u1 = max(uniform(), 0x1.0p-53)
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A normal deviate with mean `mean` and standard deviation `sd`.
    public mutating func normal(mean: Double, sd: Double) -> Double { mean + sd * normal() }

    /// A Poisson deviate with the given mean (finite, ≥ 0; anything else gives 0): Knuth's product of
    /// uniforms over parts of the mean of at most 30 (a sum of independent Poisson deviates is Poisson),
    /// so exact at any mean with O(mean) uniforms.
    public mutating func poisson(mean: Double) -> Int {
        guard mean.isFinite, mean > 0 else { return 0 }
        var remaining = mean
        var count = 0
        while remaining > 0 {
            let part = min(remaining, 30)
            remaining -= part
            let limit = exp(-part)
            var product = uniform()
            while product > limit {
                count += 1
                product *= uniform()
            }
        }
        return count
    }

    /// An exponential deviate with the given mean.
    public mutating func exponential(mean: Double) -> Double { -mean * log(1 - uniform()) }

    /// An index drawn with probability proportional to `weights` (all ≥ 0, not all 0).
    ///
    /// - Complexity: O(n); build a ``WeightedSampler`` for repeated draws.
    public mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = uniform() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// A uniformly chosen element of a non-empty array.
    public mutating func element<T>(of values: [T]) -> T { values[int(below: values.count)] }
}

/// Draws indices in proportion to fixed weights in O(log n) per draw (cumulative sums + binary search).
public struct WeightedSampler: Sendable {
    private let cumulative: [Double]

    /// - Precondition: at least one positive weight; no negative or non-finite weight.
    public init(weights: [Double]) {
        var running = 0.0
        cumulative = weights.map { weight in
            precondition(weight >= 0 && weight.isFinite, "weights must be finite and ≥ 0")
            running += weight
            return running
        }
        precondition(running > 0, "at least one weight must be positive")
    }

    public var count: Int { cumulative.count }

    /// An index in `0..<count`.
    public func sample(using random: inout SplitMixGenerator) -> Int {
        let target = random.uniform() * (cumulative.last ?? 0)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
