/// Deadline checks of the exact engine: every loop that can run long asks ``expired(_:)``.
///
/// A deadline is a `ContinuousClock` instant; `nil` means no limit. Kept in one place so the
/// engine can adopt a shared deadline type with a one-file change.
enum ExactDeadline {
    /// Whether `deadline` is set and has passed.
    @inline(__always)
    static func expired(_ deadline: ContinuousClock.Instant?) -> Bool {
        guard let deadline else { return false }
        return ContinuousClock.now >= deadline
    }
}
