/// How error messages quote user data: one rule for every module, so a 10 MB field or a binary
/// cell never floods standard error.
///
/// ```swift
/// ErrorText.quoted(String(repeating: "x", count: 1_000))   // 200 "x", then "… (1000 characters)"
/// ```
public enum ErrorText {
    /// The most characters of a bad value an error message quotes.
    public static let maximumQuotedLength = 200

    /// `value` shortened to ``maximumQuotedLength`` characters (with its full length appended when
    /// cut), with NUL and other control characters other than tab shown as `\u{…}` escapes.
    public static func quoted(_ value: some StringProtocol) -> String {
        var out = ""
        var count = 0
        for character in value {
            count += 1
            guard count <= maximumQuotedLength else { continue }
            if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                scalar.properties.generalCategory == .control, scalar != "\t"
            {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.append(character)
            }
        }
        return count > maximumQuotedLength ? out + "… (\(count) characters)" : out
    }
}
