import SalesData

extension CompResult {
    /// `credits.csv`: one row per person, transaction and credit kind of the period's month.
    ///
    /// Written as bytes from the credit columns, in parallel chunks joined in order: a person's, rule's
    /// or share's text is quoted once; dates and amounts are formatted from their integers.
    public func creditsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["person_id", "transaction_id", "date", "kind", "share", "amount", "rule"])
        let table = credits
        let people = table.people.map { Array(CSVWriter.quoted($0.rawValue).utf8) }
        let rules = table.rules.map { Array(CSVWriter.quoted($0.text(date: period.first)).utf8) }
        let kinds = Dictionary(uniqueKeysWithValues: CreditKind.allCases.map { ($0, Array($0.rawValue.utf8)) })
        let count = max(1, min(256, table.count / 65_536))
        let ranges = (0..<count).map { (table.count * $0 / count)..<(table.count * ($0 + 1) / count) }
        let parts = ParallelMap.map(ranges, chunks: count) { range in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(range.count * 64)
            var share = RepeatedField()
            for row in range {
                let transaction = table.transactions[Int(table.transaction[row])]
                bytes.append(contentsOf: people[Int(table.person[row])])
                bytes.append(UInt8(ascii: ","))
                RepeatedField.appendQuoted(transaction.id.rawValue, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                transaction.date.appendISO(to: &bytes)
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: kinds[table.kind[row]] ?? [])
                bytes.append(UInt8(ascii: ","))
                share.append(Rate(micros: Int64(table.share[row])), to: &bytes)
                bytes.append(UInt8(ascii: ","))
                Money(cents: table.amount[row]).appendDescription(to: &bytes)
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: rules[Int(table.rule[row])])
                bytes.append(0x0A)
            }
            return bytes
        }
        var bytes = writer.bytes
        bytes.reserveCapacity(bytes.count + parts.reduce(0) { $0 + $1.count })
        for part in parts { bytes.append(contentsOf: part) }
        return bytes
    }

    /// `measurements.csv`: credit, quota and attainment per person and quota component, to date.
    public func measurementsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["person_id", "plan", "component", "window", "credit", "quota", "attainment", "proration"])
        for m in measurements {
            writer.writeRow([
                m.person.rawValue, m.plan, m.component, m.window, m.credit.description, m.quota?.description ?? "",
                m.attainment?.description ?? "", m.proration.description,
            ])
        }
        return writer.bytes
    }

    /// `earnings.csv`: what each component pays each person this period.
    public func earningsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow([
            "person_id", "plan", "component", "amount", "to_date", "paid_before", "tier", "rate", "cap", "proration",
        ])
        for e in earnings {
            writer.writeRow([
                e.person.rawValue, e.plan, e.component, e.amount.description, e.toDate.description,
                e.paidBefore.description,
                e.tier, e.rate, e.cap, e.proration.description,
            ])
        }
        return writer.bytes
    }

    /// `statements.csv`: every statement line of every person; per person the lines add up to the total.
    public func statementsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow([
            "person_id", "component", "transaction_id", "date", "credit", "rate", "tier", "cap", "proration", "amount",
        ])
        var bytes = writer.bytes
        var person = RepeatedField()
        var component = RepeatedField()
        var rate = RepeatedField()
        var tier = RepeatedField()
        var cap = RepeatedField()
        var proration = RepeatedField()
        for statement in statements {
            for line in statement.lines {
                person.append(statement.person.rawValue, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                component.append(line.component, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                if let id = line.transactionID { RepeatedField.appendQuoted(id.rawValue, to: &bytes) }
                bytes.append(UInt8(ascii: ","))
                line.date?.appendISO(to: &bytes)
                bytes.append(UInt8(ascii: ","))
                line.credit?.appendDescription(to: &bytes)
                bytes.append(UInt8(ascii: ","))
                rate.append(line.rate, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                tier.append(line.tier, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                cap.append(line.cap, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                proration.append(line.proration, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                line.amount.appendDescription(to: &bytes)
                bytes.append(0x0A)
            }
        }
        return bytes
    }

    /// `statement_totals.csv`: one total per person.
    public func totalsCSV() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRow(["person_id", "name", "plan", "plan_version", "total"])
        for s in statements {
            writer.writeRow([s.person.rawValue, s.name, s.plan, s.planVersion.description, s.total.description])
        }
        return writer.bytes
    }

    /// A short summary for the terminal.
    public func summaryText() -> String {
        let total = statements.reduce(Money.zero) { $0 + $1.total }
        var text =
            "Comp \(period): \(statements.count) statements, \(credits.count) credits, total \(total.formatted)\n"
        if !uncredited.isEmpty {
            text += "\(uncredited.count) transaction(s) with no revenue credit (vacant territory, no owner): "
            text +=
                uncredited.prefix(10).map(\.rawValue).joined(separator: ", ") + (uncredited.count > 10 ? ", …" : "")
                + "\n"
        }
        return text
    }
}

/// A CSV field that often repeats the previous row's value: quoted once per change.
struct RepeatedField {
    private var text: String?
    private var share: Rate?
    private var quoted: [UInt8] = []

    /// Appends `value` quoted as ``CSVWriter`` quotes it.
    mutating func append(_ value: String, to bytes: inout [UInt8]) {
        if text != value {
            text = value
            quoted = Array(CSVWriter.quoted(value).utf8)
        }
        bytes.append(contentsOf: quoted)
    }

    /// Appends a rate's ``Rate/description``.
    mutating func append(_ value: Rate, to bytes: inout [UInt8]) {
        if share != value {
            share = value
            quoted = Array(value.description.utf8)
        }
        bytes.append(contentsOf: quoted)
    }

    /// Appends `value` quoted as ``CSVWriter`` quotes it, without remembering it (no copy when it needs
    /// no quotes, the usual case).
    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        let plain =
            !utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } && utf8.first != 0x20
            && utf8.last != 0x20
        if plain { bytes.append(contentsOf: utf8) } else { bytes.append(contentsOf: CSVWriter.quoted(value).utf8) }
    }
}

extension CalendarDate {
    /// Appends ``description`` (`YYYY-MM-DD`) as UTF-8; four-digit years are formatted from the integers.
    func appendISO(to bytes: inout [UInt8]) {
        guard (1000...9999).contains(year) else {
            bytes.append(contentsOf: description.utf8)
            return
        }
        let zero = UInt8(ascii: "0")
        bytes.append(zero + UInt8(year / 1000))
        bytes.append(zero + UInt8(year / 100 % 10))
        bytes.append(zero + UInt8(year / 10 % 10))
        bytes.append(zero + UInt8(year % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(zero + UInt8(month / 10))
        bytes.append(zero + UInt8(month % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(zero + UInt8(day / 10))
        bytes.append(zero + UInt8(day % 10))
    }
}
