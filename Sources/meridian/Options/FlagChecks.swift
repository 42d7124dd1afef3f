import ArgumentParser
import LinearProgramming

/// Checks of numeric flag values, called from the commands' `validate()`: a value out of range is
/// a usage error (exit 64) naming the flag, the value and what is expected.
///
/// `nil` (flag omitted) always passes.
enum FlagChecks {
    /// A time limit in seconds, checked by ``Deadline/timeLimit(seconds:name:)``.
    static func timeLimit(_ value: Double?, _ flag: String = "--time-limit") throws {
        guard let value else { return }
        _ = try Meridian.usage { try Deadline.timeLimit(seconds: value, name: flag) }
    }

    /// A finite number `> 0` (and at most `maximum`).
    static func positive(_ value: Double?, _ flag: String, maximum: Double = 1e15) throws {
        guard let value else { return }
        try require(value > 0 && value <= maximum, flag, value, "a number > 0 and ≤ \(maximum)")
    }

    /// A finite number `≥ 0` (and at most `maximum`).
    static func nonNegative(_ value: Double?, _ flag: String, maximum: Double = 1e15) throws {
        guard let value else { return }
        try require(value >= 0 && value <= maximum, flag, value, "a number ≥ 0 and ≤ \(maximum)")
    }

    /// A finite number of either sign, at most `bound` in size.
    static func finite(_ value: Double?, _ flag: String, bound: Double = 1e6) throws {
        guard let value else { return }
        try require(abs(value) <= bound, flag, value, "a finite number between -\(bound) and \(bound)")
    }

    /// A share in `range` (by default `0...1`).
    static func share(_ value: Double?, _ flag: String, in range: ClosedRange<Double> = 0...1) throws {
        guard let value else { return }
        try require(range.contains(value), flag, value, "a number in \(range.lowerBound)...\(range.upperBound)")
    }

    /// An integer `≥ minimum`.
    static func atLeast(_ value: Int?, _ minimum: Int, _ flag: String) throws {
        guard let value else { return }
        guard value >= minimum else { throw ValidationError("\(flag) must be at least \(minimum), got \(value)") }
    }

    private static func require(_ condition: Bool, _ flag: String, _ value: Double, _ expected: String) throws {
        // NaN fails every comparison above, so it lands here too
        guard condition else { throw ValidationError("\(flag) must be \(expected), got \(value)") }
    }
}
