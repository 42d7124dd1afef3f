/// One column of an entity's CSV file: its canonical name, the other header spellings accepted for
/// it (Salesforce and Workday export names), and how its values are read.
public struct CSVColumn: Sendable, Hashable {
    /// The canonical, snake_case header written by Meridian, for example `annual_revenue`.
    public let name: String
    /// Other accepted headers, for example `AnnualRevenue` for `annual_revenue`.
    public let aliases: [String]
    /// Whether a file without this column is rejected.
    public let isRequired: Bool
    /// Whether values may group digits with commas (`1,234,567`).
    public let allowsThousandsSeparators: Bool
    /// Units, format and meaning, for documentation and error messages.
    public let summary: String

    public init(
        _ name: String, aliases: [String] = [], required: Bool = false, thousandsSeparators: Bool = false,
        _ summary: String
    ) {
        self.name = name
        self.aliases = aliases
        self.isRequired = required
        self.allowsThousandsSeparators = thousandsSeparators
        self.summary = summary
    }
}

/// The columns of one CSV file and how a header row maps onto them.
///
/// Header matching ignores case, spaces, underscores, hyphens and dots, so `Annual Revenue`,
/// `annual_revenue` and `AnnualRevenue` are the same column.
public struct CSVSchema: Sendable {
    /// The conventional file name in a dataset folder, for example `accounts.csv`.
    public let fileName: String
    public let columns: [CSVColumn]

    /// Normalised header spelling → column index.
    let lookup: [String: Int]

    public init(fileName: String, columns: [CSVColumn]) {
        self.fileName = fileName
        self.columns = columns
        var lookup: [String: Int] = [:]
        for (index, column) in columns.enumerated() {
            for name in [column.name] + column.aliases where lookup[Self.normalize(name)] == nil {
                lookup[Self.normalize(name)] = index
            }
        }
        self.lookup = lookup
    }

    /// Lower-cases `header` and drops everything but letters and digits.
    static func normalize(_ header: String) -> String {
        if header.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(header.utf8.count)
            for byte in header.utf8 {
                switch byte {
                case 0x41...0x5A: bytes.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(
            String.UnicodeScalarView(
                header.lowercased().unicodeScalars.filter {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }))
    }

    /// Maps a header record onto the schema, logging missing required and duplicate columns.
    func map(header: CSVRecord, file: String, log: inout IssueLog) -> HeaderMap {
        var indices = [Int](repeating: -1, count: columns.count)
        var extras: [(field: Int, name: String)] = []
        for field in 0..<header.count {
            let text = header.string(at: field).trimmingCharacters(in: " \t")
            if let index = lookup[Self.normalize(text)] {
                if indices[index] >= 0 {
                    log.add(
                        SalesDataIssue(
                            .duplicateColumn, file: file, line: header.line, column: field + 1,
                            field: columns[index].name,
                            value: text, expected: "one column per field",
                            message:
                                "column \"\(text)\" repeats column \(indices[index] + 1) (both mean \(columns[index].name)); remove one"
                        ))
                } else {
                    indices[index] = field
                }
            } else {
                extras.append((field, text))
            }
        }
        for (index, column) in columns.enumerated() where column.isRequired && indices[index] < 0 {
            let accepted = ([column.name] + column.aliases).joined(separator: ", ")
            log.add(
                SalesDataIssue(
                    .missingColumn, file: file, line: header.line, column: 0, field: column.name,
                    expected: accepted,
                    message: "missing required column \(column.name) (accepted headers: \(accepted))"))
        }
        return HeaderMap(indices: indices, fieldCount: header.count, extras: extras)
    }
}

/// Where each schema column sits in a file's records.
struct HeaderMap {
    /// Field index per schema column, or -1 when the file lacks the column.
    let indices: [Int]
    /// Number of fields in the header row.
    let fieldCount: Int
    /// Header fields that match no schema column.
    let extras: [(field: Int, name: String)]
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !scalars.contains($0) }),
            let last = view.lastIndex(where: { !scalars.contains($0) })
        else { return "" }
        return String(view[first...last])
    }
}
