import TestSupport
import Testing

@testable import SalesData

@Suite struct CSVReaderTests {
    func records(_ text: String) -> (rows: [[String]], lines: [Int], errors: [String]) {
        var rows: [[String]] = []
        var lines: [Int] = []
        var errors: [String] = []
        CSVReader(bytes: Array(text.utf8)).forEachRecord { record in
            rows.append((0..<record.count).map { record.string(at: $0) })
            lines.append(record.line)
        } onMalformed: { line, column, message in
            errors.append("\(line):\(column): \(message)")
        }
        return (rows, lines, errors)
    }

    @Test func readsQuotedCommasQuotesAndNewlinesWithPhysicalLines() {
        let result = records("id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\nlines\"\r\n4,last")
        #expect(
            result.rows == [
                ["id", "text"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\nlines"], ["4", "last"],
            ])
        #expect(result.lines == [1, 2, 3, 4, 6])
        #expect(result.errors.isEmpty)
    }

    @Test func stripsTheByteOrderMarkAndSkipsBlankLines() {
        let result = records("\u{FEFF}id,name\n\nA,x\n\n")
        #expect(result.rows == [["id", "name"], ["A", "x"]])
        #expect(result.lines == [1, 3])
    }

    @Test func keepsEmptyFieldsAndATrailingEmptyField() {
        let result = records("a,,c,\n\"\",x,,\n")
        #expect(result.rows == [["a", "", "c", ""], ["", "x", "", ""]])
    }

    @Test func reportsAnUnclosedQuoteAndTextAfterAClosingQuote() {
        let result = records("id,name\n1,\"ab\"c,d\n2,ok\n3,\"never closed\n")
        #expect(result.rows == [["id", "name"], ["2", "ok"]])
        #expect(result.errors.count == 2)
        #expect(result.errors[0].hasPrefix("2:2: unexpected text after a closing quote"))
        #expect(result.errors[1].hasPrefix("4:2: quoted field is never closed"))
    }

    /// Unquoted fields of every length up to 20 bytes, so field ends fall inside, at and across the
    /// scanner's eight-byte words, with LF, CRLF and lone CR line ends.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func unquotedFieldsOfEveryLengthSplitExactly(lineEnd: String) {
        var random = SplitMix64(seed: 5)
        var expected: [[String]] = []
        for _ in 0..<300 {
            var fields: [String] = []
            for _ in 0..<(1 + random.next() % 6) {
                var field = ""
                for _ in 0..<(random.next() % 21) {
                    field.unicodeScalars.append(Unicode.Scalar(UInt8(97 + random.next() % 26)))
                }
                fields.append(field)
            }
            expected.append(fields)
        }
        // A record of one empty field is a blank line, which the reader skips.
        expected.removeAll { $0 == [""] }
        let text = expected.map { $0.joined(separator: ",") }.joined(separator: lineEnd)
        let result = records(text)
        #expect(result.rows == expected)
        #expect(result.lines == Array(1...expected.count))
        let reader = CSVReader(bytes: Array(text.utf8))
        #expect(reader.lineBreakCount(in: 0..<reader.bytes.count) == expected.count - 1)
    }

    @Test func recordBoundariesSplitOnlyOutsideQuotes() {
        var text = "id,text\n"
        for index in 0..<2000 {
            text += index % 3 == 0 ? "\(index),\"multi\nline, \"\"quoted\"\"\"\n" : "\(index),plain\n"
        }
        let reader = CSVReader(bytes: Array(text.utf8))
        let header = reader.endOfFirstRecord()
        for parts in [1, 2, 3, 7] {
            var all: [String] = []
            var lines: [Int] = []
            var line = header.line
            for range in reader.recordBoundaries(from: header.offset, parts: parts) {
                line = reader.forEachRecord(in: range, firstLine: line) { record in
                    all.append(record.string(at: 1))
                    lines.append(record.line)
                }
            }
            #expect(all.count == 2000)
            #expect(all.filter { $0 == "multi\nline, \"quoted\"" }.count == 667)
            #expect(lines.last == 2 + 2000 + 667 - 1)
        }
    }
}

@Suite struct NumberParserTests {
    func parse(_ text: String, thousands: Bool = false) -> NumberParser.Outcome {
        Array(text.utf8).withUnsafeBufferPointer { NumberParser.parse($0, thousandsSeparators: thousands) }
    }

    @Test(arguments: [
        ("0", 0.0), ("-12.5", -12.5), (" 42 ", 42), ("+3", 3), (".5", 0.5), ("1e3", 1000), ("2.5E-3", 0.0025),
        ("0.1", 0.1), ("123456789012345678901234", 123456789012345678901234.0),
        ("1.7976931348623157e308", .greatestFiniteMagnitude),
        ("4.9e-324", .leastNonzeroMagnitude), ("3.14159265358979323846", 3.14159265358979323846),
    ])
    func parsesNumbersExactlyAsTheStandardLibrary(text: String, expected: Double) {
        #expect(parse(text) == .value(expected))
        #expect(parse(text) == .value(Double(text.trimmingCharacters(in: " ")) ?? .nan))
    }

    @Test func thousandsSeparatorsOnlyWhereDeclaredAndWellGrouped() {
        #expect(parse("1,234,567.5", thousands: true) == .value(1_234_567.5))
        #expect(parse("1,234", thousands: false) == .invalid)
        #expect(parse("12,34", thousands: true) == .invalid)
        #expect(parse("1234,567", thousands: true) == .invalid)
        #expect(parse(",123", thousands: true) == .invalid)
    }

    @Test(arguments: ["", " ", "abc", "1.2.3", "--1", "1e", "e5", "12a", "0x10", "1 2", "."])
    func rejectsNonNumbers(text: String) {
        #expect(parse(text) == .invalid)
    }

    @Test(arguments: ["nan", "NaN", "inf", "-Infinity", "1e400"])
    func flagsNonFiniteValues(text: String) {
        #expect(parse(text) == .nonFinite)
    }
}
