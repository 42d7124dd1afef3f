/// Deadline checks of the exact engine: every loop that can run long asks ``expired(_:)``.
///
/// A deadline is the `end` instant of the run's `Deadline` (LinearProgramming's one time window,
/// opened by ``ExactPMedianSolver/solve(_:)``); `nil` means no limit. The inner loops take the
/// bare instant so a check costs one clock read.
enum ExactDeadline {
    /// Whether `deadline` is set and has passed.
    @inline(__always)
    static func expired(_ deadline: ContinuousClock.Instant?) -> Bool {
        guard let deadline else { return false }
        return ContinuousClock.now >= deadline
    }
}
