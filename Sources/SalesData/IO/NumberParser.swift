/// Parses decimal numbers straight from UTF-8 bytes, without building a `String`.
///
/// Accepts an optional sign, digits, an optional fraction and exponent (`-1234.5e-2`), surrounding
/// spaces, and — only when asked — thousands separators in groups of three (`1,234,567.89`).
/// Exactly rounded: the common case (≤ 19 significant digits, |exponent| ≤ 22, mantissa ≤ 2⁵³)
/// uses Clinger's fast path; everything else falls back to the standard library's parser.
enum NumberParser {
    enum Outcome: Equatable {
        case value(Double)
        /// Not a number at all.
        case invalid
        /// `nan`, `inf`, or a value too large for a `Double`.
        case nonFinite
    }

    /// 10^`exponent` for 0...22, all exactly representable (a switch, not a global array, so the hot
    /// path makes no lazy-initialisation check).
    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        case 22: 1e22
        default: 1e22
        }
    }

    /// Appends the decimal digits at `base[index...]` to `mantissa` (the caller bounds the count, so
    /// nothing overflows), advancing `index` past them; returns how many there were.
    @inline(__always)
    private static func accumulateDigits(
        _ base: UnsafePointer<UInt8>, _ count: Int, _ index: inout Int, into mantissa: inout UInt64
    ) -> Int {
        let start = index
        while index < count {
            let digit = base[index] &- 0x30
            if digit >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index &+= 1
        }
        return index &- start
    }

    /// The value of the plain forms `[-]digits[.digits]` with at most 19 characters and a mantissa
    /// of at most 2⁵³ (nearly every number in a CRM export), exactly rounded; nil for anything else,
    /// which ``parse(_:thousandsSeparators:)`` then reads in full.
    @inline(__always)
    static func parsePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        guard count > 0, count <= 19, let base = bytes.baseAddress else { return nil }
        let negative = base[0] == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        // At most 19 characters, so nothing overflows: 10¹⁹ - 1 < 2⁶⁴.
        var mantissa: UInt64 = 0
        var digits = accumulateDigits(base, count, &index, into: &mantissa)
        var fractionDigits = 0
        if index < count, base[index] == UInt8(ascii: ".") {
            index &+= 1
            fractionDigits = accumulateDigits(base, count, &index, into: &mantissa)
            digits &+= fractionDigits
        }
        guard index == count, digits > 0, mantissa <= 1 << 53 else { return nil }
        // Clinger's fast path: both operands exact, so the one rounding is the correct one.
        let value = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powerOfTen(fractionDigits)
        return negative ? -value : value
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, thousandsSeparators: Bool = false) -> Outcome {
        if let value = parsePlain(bytes) { return .value(value) }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return .invalid }
        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < end else { return .invalid }
        let first = bytes[index] | 0x20
        if first == UInt8(ascii: "n") || first == UInt8(ascii: "i") {
            return isNonFiniteWord(bytes, from: index, to: end) ? .nonFinite : .invalid
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var droppedDigits = 0
        var digitCount = 0
        var exponent = 0
        var sawSeparator = false
        var groupLength = 0
        // Integer part.
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                accumulate(byte, &mantissa, &significantDigits, &droppedDigits)
                digitCount += 1
                groupLength += 1
            } else if byte == UInt8(ascii: ","), thousandsSeparators {
                // A separator follows 1–3 digits first, then exactly 3.
                guard digitCount > 0, sawSeparator ? groupLength == 3 : groupLength <= 3 else { return .invalid }
                sawSeparator = true
                groupLength = 0
            } else {
                break
            }
            index += 1
        }
        if sawSeparator && groupLength != 3 { return .invalid }
        exponent += droppedDigits
        var fractionDigits = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                let before = droppedDigits
                accumulate(bytes[index], &mantissa, &significantDigits, &droppedDigits)
                if droppedDigits == before { exponent -= 1 }
                fractionDigits += 1
                index += 1
            }
        }
        guard digitCount + fractionDigits > 0 else { return .invalid }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            var exponentDigits = 0
            while index < end, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                if value < 100_000 { value = value * 10 + Int(bytes[index] - 0x30) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .invalid }
            exponent += exponentNegative ? -value : value
        }
        guard index == end else { return .invalid }
        let result: Double
        if droppedDigits == 0, mantissa <= 1 << 53, abs(exponent) <= 22 {
            let m = Double(mantissa)
            result = exponent >= 0 ? m * powerOfTen(exponent) : m / powerOfTen(-exponent)
        } else {
            var text = ""
            text.reserveCapacity(end - start)
            for i in start..<end where bytes[i] != UInt8(ascii: ",") {
                text.unicodeScalars.append(Unicode.Scalar(bytes[i]))
            }
            guard let parsed = Double(text.trimmingSpaces) else { return .invalid }
            result = abs(parsed)
        }
        guard result.isFinite else { return .nonFinite }
        return .value(negative ? -result : result)
    }

    @inline(__always)
    private static func accumulate(
        _ byte: UInt8, _ mantissa: inout UInt64, _ significant: inout Int, _ dropped: inout Int
    ) {
        if significant == 0 && byte == 0x30 { return }
        if significant < 19 {
            mantissa = mantissa * 10 + UInt64(byte - 0x30)
            significant += 1
        } else {
            dropped += 1
        }
    }

    private static func isNonFiniteWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var word = ""
        for i in start..<end { word.unicodeScalars.append(Unicode.Scalar(bytes[i] | 0x20)) }
        return word == "nan" || word == "inf" || word == "infinity"
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        let start = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.endIndex
        let end = scalars.lastIndex { $0 != " " && $0 != "\t" }.map { scalars.index(after: $0) } ?? start
        var body = Substring(scalars[start..<end])
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        return body
    }
}
