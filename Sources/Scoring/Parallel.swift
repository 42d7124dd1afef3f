/// Read-only view of a buffer shared with the workers of `DispatchQueue.concurrentPerform`.
///
/// `@unchecked Sendable` is safe here because the buffer is immutable for the whole parallel
/// section and outlives it: `concurrentPerform` returns only after every iteration has finished.
struct SharedInput<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    subscript(i: Int) -> Element { buffer[i] }
}

/// Writable buffer shared with parallel workers, each of which writes a disjoint range.
///
/// `@unchecked Sendable` is safe because the ranges never overlap and the buffer outlives the
/// `concurrentPerform` call that uses it.
struct SharedOutput<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}
