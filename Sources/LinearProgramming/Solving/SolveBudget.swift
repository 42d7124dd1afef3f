#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The clock a solve's time limit is measured on.
///
/// Users get ``wall`` (the monotonic `ContinuousClock`, as ``Deadline``). ``threadCPU`` counts
/// only the CPU time of the solving thread: tests use it so that a stalled or shared machine
/// cannot make a kept limit look broken. GLPK's `tm_lim` keeps wall time only, so on another
/// clock the solve sets no `tm_lim`: the root LP runs in slices of iterations with a reading
/// between them, and branch-and-cut is stopped by the callback alone.
struct SolveClock: Sendable {
    /// Whether this is the wall clock, the one GLPK's own `tm_lim` keeps.
    var isWall = false
    /// The clock's reading, from an arbitrary fixed origin.
    let now: @Sendable () -> Duration

    /// The monotonic wall clock.
    static let wall = SolveClock(isWall: true) { ContinuousClock.now - origin }

    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`).
    static let threadCPU = SolveClock {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }

    private static let origin = ContinuousClock.now
}

/// One solve's time limit on its clock, and how long GLPK's phases that cannot be interrupted
/// took, so the branch-and-cut callback can stop before a phase that would end past the limit.
///
/// GLPK checks its own `tm_lim` only at the top of its node loop; a cut round, a node's LP
/// re-optimization (which runs without `tm_lim`) or a Driebeck–Tomlin branching choice runs to
/// its end once started (0.7–1.5 s each on a 14,520-column capacitated p-median, so a 3 s limit
/// ended at 3.5–4.4 s). The callback sees every phase start: the phase after a callback of a
/// given reason is assumed to cost what it cost last time (decaying slowly from its largest
/// cost), and before it has been seen, what the root LP cost; it starts only if half as much
/// again is left (successive root cut rounds grew by up to 30 %: 0.9, 0.7, 1.1, 1.4 s of CPU).
///
/// Invariant: `limit >= 0`; readings are on `clock` only.
final class SolveBudget {
    let clock: SolveClock
    /// The clock's reading when the solve started.
    let start: Duration
    let limit: Duration
    /// Expected cost of the phase that follows a callback, per callback reason.
    private var expected: [Int32: Duration] = [:]
    /// What a phase not seen yet is assumed to cost (the root LP's cost once known).
    private(set) var prior: Duration = .zero

    init(clock: SolveClock, start: Duration, limit: Duration) {
        self.clock = clock
        self.start = start
        self.limit = max(limit, .zero)
    }

    /// The clock's reading now.
    func now() -> Duration { clock.now() }

    /// Time used since the solve started.
    var elapsed: Duration { clock.now() - start }

    /// Time left before the limit (zero once it has passed).
    var remaining: Duration { max(limit - elapsed, .zero) }

    /// Whether the limit has passed.
    var hasPassed: Bool { elapsed > limit }

    /// Whole milliseconds left for GLPK's `tm_lim` (at least 1, so GLPK starts and then reports
    /// the limit), clamped to GLPK's `int` range; `nil` on a clock GLPK does not keep.
    var milliseconds: Int32? { clock.isWall ? max(1, SolverOptions.milliseconds(remaining)) : nil }

    /// Simplex iterations per `glp_simplex` call on a clock GLPK does not keep (a reading between
    /// slices; a few tenths of a second each on a 20,000-column LP).
    static let iterationSlice: Int32 = 500

    /// Records what the root LP cost: the assumed cost of every phase not seen yet.
    func rootLPTook(_ cost: Duration) { prior = max(cost, .zero) }

    /// Records that the phase after a callback of `reason` took `cost`.
    func phase(after reason: Int32, took cost: Duration) {
        let previous = expected[reason] ?? .zero
        expected[reason] = max(cost, previous * 0.75)
    }

    /// Whether the phase after a callback of `reason`, with a margin of half its expected cost,
    /// would end past the limit.
    func phaseWouldOverrun(after reason: Int32) -> Bool {
        (expected[reason] ?? prior) * 1.5 > remaining
    }
}
