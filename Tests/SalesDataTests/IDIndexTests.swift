import TestSupport
import Testing

@testable import SalesData

@Suite struct IDIndexTests {
    /// Ids of every length from 0 to 20 bytes, ASCII and not, so keys end inside, at and across
    /// the hash's eight-byte words.
    static func ids(_ count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var seen = Set<String>()
        var ids: [String] = []
        while ids.count < count {
            var id = ""
            for _ in 0..<(random.next() % 21) {
                id.unicodeScalars.append(random.next() % 7 == 0 ? "é" : Unicode.Scalar(UInt8(65 + random.next() % 26)))
            }
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    @Test(arguments: [0, 1, 3])
    func keepsTheFirstLineOfEveryKeyInEveryPartitioning(bits: Int) {
        let ids = Self.ids(5000, seed: UInt64(bits) + 7)
        var index = IDIndex(partitionBits: bits, seed: 42)
        for (line, id) in ids.enumerated() { #expect(index.insert(id, line: line) == nil) }
        for (line, id) in ids.enumerated().reversed() { #expect(index.insert(id, line: line + 10_000) == line) }
        for (line, id) in ids.enumerated() { #expect(index[id] == line) }
        #expect(index["not an id"] == nil)
        #expect(index.partitions.map(\.count).reduce(0, +) == ids.count)
    }

    @Test func partitionsGrowWithTheKeyCount() {
        #expect(IDIndex.partitionBits(forKeys: 100) == 0)
        #expect(IDIndex.partitionBits(forKeys: 8192) == 1)
        #expect(IDIndex.partitionBits(forKeys: 1_000_000) == 7)
        #expect(IDIndex.partitionBits(forKeys: 1 << 40) == 10)
    }

    /// Enough rows for several partitions and chunks: duplicates are reported at the later line with
    /// the first line, whichever chunk and partition the two fall in, and ids of rejected rows count
    /// as present (a parent may name them) yet make a later row with that id a duplicate.
    @Test(arguments: [1, 2, 8])
    func duplicatesAcrossChunksAndPartitions(parts: Int) {
        var rows = ["id,name,latitude,longitude,parent_id"]
        for index in 1...20_000 { rows.append("A\(index),Name \(index),1,2,") }
        rows.append("A17,Again,1,2,")  // line 20,002: duplicate of line 18
        rows.append("R1,Rejected,95,2,")  // line 20,003: latitude out of range
        rows.append("C1,Child,1,2,R1")  // parent is the rejected row: not dangling
        rows.append("R1,Again,1,2,")  // line 20,005: duplicate of the rejected row
        rows.append("A19999,Last,1,2,")  // line 20,006: duplicate of line 20,000
        var log = IssueLog(limit: 100)
        let bytes = Array((rows.joined(separator: "\n") + "\n").utf8)
        let decoded = AccountCSV.decode(bytes, file: "accounts.csv", log: &log, chunking: .parts(parts))
        let issues = log.issues.sorted()
        #expect(issues.map(\.kind) == [.duplicateID, .outOfRange, .duplicateID, .duplicateID])
        #expect(issues.map(\.line) == [20_002, 20_003, 20_005, 20_006])
        #expect(issues[0].message == "id A17 is used twice (first on line 18); ids must be unique")
        #expect(issues[2].message == "id R1 is used twice (first on line 20003); ids must be unique")
        #expect(issues[3].message == "id A19999 is used twice (first on line 20000); ids must be unique")
        #expect(decoded.values.count == 20_004)  // all but the out-of-range row; the load fails as a whole
        #expect(decoded.lineOfID["A20000"] == 20_001)
        #expect(decoded.lineOfID["R1"] == 20_003)
        #expect(decoded.lineOfID["C1"] == 20_004)
        #expect(decoded.lineOfID["A0"] == nil)
    }
}

@Suite struct PlainNumberTests {
    /// The fast path agrees with the standard library on every plain number it takes, and leaves
    /// the rest to the full parser.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func plainNumbersMatchTheStandardLibrary(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<5000 {
            let whole = random.next() % 10_000_000_000
            let fraction = String(random.next() % 1_000_000_000)
            let text = (random.next() % 2 == 0 ? "-" : "") + "\(whole)" + (random.next() % 3 == 0 ? "" : "." + fraction)
            let parsed = Array(text.utf8).withUnsafeBufferPointer { NumberParser.parsePlain($0) }
            if let parsed {
                #expect(parsed == Double(text), "\(text)")
            } else {
                let full = Array(text.utf8).withUnsafeBufferPointer { NumberParser.parse($0) }
                #expect(full == .value(Double(text) ?? .nan), "\(text)")
            }
        }
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "1e3", "+1", " 1", "1,000", "12345678901234567890", "9007199254740993"])
    func otherFormsGoToTheFullParser(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { NumberParser.parsePlain($0) } == nil)
    }
}
