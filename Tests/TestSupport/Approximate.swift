import SalesData

/// Asserts-free helper: whether two doubles agree within an absolute or relative tolerance.
public func isApproximatelyEqual(_ a: Double, _ b: Double, absolute: Double = 1e-9, relative: Double = 1e-9) -> Bool {
    let difference = abs(a - b)
    return difference <= absolute || difference <= relative * max(abs(a), abs(b))
}

/// The tests' seeded generator is the library's: SplitMix64, the same stream on every platform.
public typealias SplitMix64 = SplitMixGenerator
