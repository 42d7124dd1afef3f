/// A decimal number read exactly from text: `digits × 10^-scale`, so `0.035` is 35 at scale 3.
///
/// Plan files and CSV amounts are parsed through this type, never through `Double`, so `0.1` is exactly
/// one tenth. A trailing `%` divides by 100 (`3%` is `0.03`).
struct DecimalText: Sendable, Hashable {
    /// The signed digits.
    var digits: Int64
    /// Number of decimal places, 0...12.
    var scale: Int

    /// Parses `[-+]digits[.digits][%]`; `nil` when malformed or beyond 18 significant digits.
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while let last = bytes.last, last == 0x20 { bytes.removeLast() }
        while let first = bytes.first, first == 0x20 { bytes.removeFirst() }
        var percent = false
        if bytes.last == UInt8(ascii: "%") {
            percent = true
            bytes.removeLast()
        }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var value: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digitCount = 0
        for byte in bytes {
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            digitCount += 1
            guard digitCount <= 18 else { return nil }
            value = value * 10 + Int64(byte - 48)
            if seenPoint { scale += 1 }
        }
        guard digitCount > 0 else { return nil }
        if percent { scale += 2 }
        guard scale <= 12 else { return nil }
        self.digits = negative ? -value : value
        self.scale = scale
    }

    /// The value times `10^target`, when `target >= scale` and it fits; `nil` otherwise.
    func scaled(to target: Int) -> Int64? {
        guard target >= scale else { return nil }
        var value = digits
        for _ in 0..<(target - scale) {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product
        }
        return value
    }
}
