/// One problem found in an input file, located by file, line and column.
///
/// Its ``description`` has the compiler-style form `file:line:column: message`, e.g.
/// `accounts.csv:12:5: latitude: "95.2" is out of range; expected a number in -90...90`.
public struct SalesDataIssue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// What kind of problem it is; tests and tools can match on it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unreadableFile, malformedRow, missingColumn, duplicateColumn, missingValue, notANumber, nonFinite
        case negative, outOfRange, invalidDate, invalidValue, duplicateID, danglingReference, splitSum
        case hierarchyCycle, multipleManagers, managerCycle, inconsistentDates
        /// Two reps hold the same territory on the same day (see ``AlignmentHistory``).
        case seatConflict
        /// Refunds and cancellations of one line take back more than its amount.
        case reversalExceedsOriginal
    }

    public var kind: Kind
    /// File name (not the full path), for example `accounts.csv`.
    public var file: String
    /// 1-based physical line where the record starts; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based field index; 0 when the problem concerns the whole record or file.
    public var column: Int
    /// The canonical column name, when the issue is about a field.
    public var field: String?
    /// The offending value as read.
    public var value: String?
    /// What was expected instead.
    public var expected: String
    /// A one-line explanation.
    public var message: String

    public init(
        _ kind: Kind, file: String, line: Int, column: Int = 0, field: String? = nil, value: String? = nil,
        expected: String = "", message: String
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.expected = expected
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }

    /// `folder/file:line:column: message`, for reports about a dataset folder.
    public func located(in folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return "\(prefix)\(description)"
    }

    /// Orders by file, line, column, then message, so reports are stable.
    public static func < (lhs: SalesDataIssue, rhs: SalesDataIssue) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}
