import Foundation

/// A public benchmark file that does not match its documented layout.
struct PublicInstanceError: Error, CustomStringConvertible {
    let file: String
    let token: Int
    let reason: String
    var description: String { "\(file): token \(token): \(reason)" }
}

/// Whitespace tokens of a file, read with positions for error messages.
struct TokenReader {
    let file: String
    private let tokens: [Substring]
    private(set) var position = 0

    init(url: URL) throws {
        file = url.lastPathComponent
        let text = try String(contentsOf: url, encoding: .utf8)
        tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    }

    var isAtEnd: Bool { position >= tokens.count }

    mutating func double(_ what: String) throws -> Double {
        guard position < tokens.count else {
            throw PublicInstanceError(file: file, token: position + 1, reason: "end of file, expected \(what)")
        }
        defer { position += 1 }
        guard let value = Double(tokens[position]), value.isFinite else {
            throw PublicInstanceError(
                file: file, token: position + 1, reason: "'\(tokens[position])' is not a number (\(what))")
        }
        return value
    }

    mutating func int(_ what: String) throws -> Int {
        let value = try double(what)
        guard value == value.rounded(), abs(value) < 1e9 else {
            throw PublicInstanceError(file: file, token: position, reason: "\(value) is not an integer (\(what))")
        }
        return Int(value)
    }
}
