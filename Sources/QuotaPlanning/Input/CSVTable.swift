/// A small RFC 4180 reader for the quota input files: UTF-8 with or without BOM, LF or CRLF,
/// quoted fields with commas, doubled quotes and line breaks. Rows remember their line number.
struct CSVTable {
    let file: String
    let header: [String]
    /// Each record with the 1-based line on which it starts.
    let rows: [(line: Int, fields: [String])]

    init(text: String, file: String) throws(QuotaError) {
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes {
            throw .badInput(file: file, line: recordLine, column: "-", value: "\"", expected: "a closing quote")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else {
            throw .badInput(file: file, line: 1, column: "-", value: "", expected: "a header row")
        }
        self.file = file
        self.header = first.1.map { $0.trimmingCharacters(in: " ") }
        self.rows = Array(records.dropFirst())
        for row in rows where row.fields.count != header.count {
            throw .badInput(
                file: file, line: row.line, column: "-", value: "\(row.fields.count) fields",
                expected: "\(header.count) fields as in the header")
        }
    }

    /// The index of the first header matching one of `names` (case- and separator-insensitive).
    func column(_ names: [String]) -> Int? {
        let wanted = Set(names.map(CSVTable.normalise))
        return header.firstIndex { wanted.contains(CSVTable.normalise($0)) }
    }

    static func normalise(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String { Substring(self).trimmingCharacters(in: character) }
}
