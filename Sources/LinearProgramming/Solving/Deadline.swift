/// The time window an optimizer works in, on the monotonic `ContinuousClock`.
///
/// Every optimizer in Meridian (GLPK solves, the territory aligner, the exact p-median search,
/// the quota LP) measures time with this one type, so a limit means the same everywhere and
/// phases split a run's time the same way.
///
/// ```swift
/// let deadline = try Deadline(start: .now, limit: Deadline.timeLimit(seconds: 10))
/// let bound = deadline.share(0.3)           // the first 30 % of the window
/// while !bound.hasPassed { /* … */ }
/// let polish = deadline.shareOfRemaining(0.5)  // half of what is left, from now
/// print(deadline.elapsed.inSeconds)
/// ```
///
/// Invariant: `start <= end`.
public struct Deadline: Sendable, Hashable {
    /// When the window opened.
    public let start: ContinuousClock.Instant
    /// When the window closes.
    public let end: ContinuousClock.Instant

    /// The largest time limit accepted, in seconds (about 116 days): far beyond any useful run,
    /// and small enough that every instant and millisecond count stays representable.
    public static let maximumSeconds = 1e7

    /// A window from `start` to `end` (an `end` before `start` is moved to `start`).
    public init(start: ContinuousClock.Instant = .now, end: ContinuousClock.Instant) {
        self.start = start
        self.end = max(start, end)
    }

    /// A window of length `limit` (negative: empty) opening at `start`.
    public init(start: ContinuousClock.Instant = .now, limit: Duration) {
        self.init(start: start, end: start + max(limit, .zero))
    }

    /// The length of the window.
    public var span: Duration { end - start }

    /// Time left before ``end`` (zero once it has passed).
    public var remaining: Duration { max(end - .now, .zero) }

    /// Time since ``start``.
    public var elapsed: Duration { .now - start }

    /// Whether ``end`` is behind us.
    public var hasPassed: Bool { ContinuousClock.now > end }

    /// The phase that opens with this window and closes `fraction` (0...1) of the way to its end.
    public func share(_ fraction: Double) -> Deadline {
        Deadline(start: start, end: start + span * Self.clamped(fraction))
    }

    /// A phase that opens now and gets `fraction` (0...1) of the time remaining.
    public func shareOfRemaining(_ fraction: Double) -> Deadline {
        let now = ContinuousClock.Instant.now
        return Deadline(start: now, end: now + remaining * Self.clamped(fraction))
    }

    /// The same end, with the window reopened at `start` (phases after a warm start share what is left).
    public func reopened(at start: ContinuousClock.Instant = .now) -> Deadline {
        Deadline(start: min(start, end), end: end)
    }

    /// A validated time limit: the one place where a user's seconds become a `Duration`.
    ///
    /// - Parameters:
    ///   - seconds: The limit from a flag or a config file.
    ///   - name: How the caller names the setting in the error (e.g. `--time-limit`).
    /// - Returns: `seconds` as a `Duration`.
    /// - Throws: ``SolverError/invalidOption(name:value:expected:)`` for NaN, ±∞, a value ≤ 0, or
    ///   one above ``maximumSeconds``.
    public static func timeLimit(seconds: Double, name: String = "timeLimit") throws -> Duration {
        guard seconds > 0, seconds <= maximumSeconds else {
            throw SolverError.invalidOption(
                name: name, value: "\(seconds)",
                expected: "a number of seconds > 0 and ≤ \(Int(maximumSeconds))")
        }
        return .milliseconds((seconds * 1000).rounded(.up))
    }

    private static func clamped(_ fraction: Double) -> Double {
        fraction.isNaN ? 0 : min(max(fraction, 0), 1)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
