import Dispatch
import Foundation

/// Values decoded from one file, with the physical line of each (for cross-file messages) and an
/// index of every id seen, valid or not.
struct Decoded<Value> {
    var values: [Value] = []
    var lines: [Int] = []
    /// Line of the first record carrying each id, including rejected records, so cross-file checks
    /// do not report references to them a second time.
    var lineOfID = IDIndex()

    func contains(_ id: some EntityIdentifier) -> Bool { lineOfID[id.rawValue] != nil }
}

/// Line of the first record of each id, split into partitions by the id's last byte so that
/// several threads can fill it at once.
struct IDIndex {
    var partitions: [[String: Int]]

    init(partitions: Int = 1) { self.partitions = Array(repeating: [:], count: max(1, partitions)) }

    static func partition(of key: String, among count: Int) -> Int {
        count == 1 ? 0 : Int(key.utf8.last ?? 0) % count
    }

    var isEmpty: Bool { partitions.allSatisfy(\.isEmpty) }

    subscript(key: String) -> Int? {
        get { partitions[Self.partition(of: key, among: partitions.count)][key] }
        set { partitions[Self.partition(of: key, among: partitions.count)][key] = newValue }
    }
}

/// Results of one chunk, written by exactly one worker.
private struct ChunkResult<Value> {
    /// Values written into the chunk's region of the result array.
    var inRegion = 0
    /// The id of each value (when the file has ids), taken while the value is at hand.
    var keys: [String?] = []
    var lines: [Int] = []
    var rejected: [(id: String, line: Int)] = []
    var issues = IssueLog(limit: 1)
    var lineCount = 0
}

/// Slots that concurrent workers fill, each worker its own index.
///
/// `@unchecked Sendable` is safe because `DispatchQueue.concurrentPerform` hands every index to
/// exactly one worker, no slot is read until all workers have returned, and the call returns only
/// then (a happens-before edge).
private final class Slots<Value>: @unchecked Sendable {
    var items: [Value]
    init(_ items: [Value]) { self.items = items }
}

/// How a file is split for parallel decoding.
enum Chunking {
    /// One chunk per core for files over ``CSVSchema/parallelThreshold``, else one.
    case automatic
    /// Exactly this many chunks (for tests).
    case parts(Int)
}

/// The result array's storage, shared by the workers of a parallel decode.
///
/// `@unchecked Sendable` is safe because every worker writes only its own disjoint region of the
/// buffer, and the buffer is read only after `DispatchQueue.concurrentPerform` has returned.
private struct RegionStorage<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>
}

extension CSVSchema {
    /// Files larger than this are decoded in parallel chunks.
    static let parallelThreshold = 4 << 20
    /// Chunks per core for large files.
    static let chunksPerCore = 4
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Decodes every data record of `bytes` with `row`, logging header, quoting and duplicate-id
    /// problems; `id` names a value's id for the duplicate check (nil for files without ids).
    ///
    /// `row` returns the value built from the record (or nil); values of records that produced an
    /// issue are dropped. Large files are split on record boundaries and decoded on all cores;
    /// results keep file order, so the outcome does not depend on the number of cores.
    func decode<Value>(
        _ bytes: [UInt8], file: String, log: inout IssueLog, id: (@Sendable (Value) -> String?)? = nil,
        reportDuplicates: Bool = true, chunking: Chunking = .automatic, row: @escaping @Sendable (RowReader) -> Value?
    ) -> Decoded<Value> {
        let reader = CSVReader(bytes: bytes)
        var map: HeaderMap?
        let (headerEnd, firstDataLine) = reader.endOfFirstRecord()
        reader.forEachRecord(in: 0..<headerEnd, firstLine: 1) { record in
            map = self.map(header: record, file: file, log: &log)
        } onMalformed: { line, column, message in
            log.add(SalesDataIssue(.malformedRow, file: file, line: line, column: column, expected: "a valid header row", message: message))
        }
        var rejectedAll: [(id: String, line: Int)] = []
        guard let map else {
            if log.isEmpty {
                log.add(SalesDataIssue(.missingColumn, file: file, line: 1, expected: "a header row",
                                       message: "file is empty; expected a header row naming the columns"))
            }
            return Decoded()
        }
        if columns.indices.contains(where: { columns[$0].isRequired && map.indices[$0] < 0 }) { return Decoded() }

        let parts: Int
        switch chunking {
        // Several chunks per core, so a core that the scheduler slows down does not hold up the rest.
        case .automatic: parts = bytes.count > Self.parallelThreshold ? max(1, Self.cores * Self.chunksPerCore) : 1
        case .parts(let count): parts = count
        }
        let chunks = reader.recordBoundaries(from: headerEnd, parts: parts)
        let remaining = log.limit - log.issues.count
        let slots = Slots([ChunkResult<Value>](repeating: ChunkResult(), count: chunks.count))
        let schema = self
        // Each chunk writes its values straight into its own region of the result array, sized by the
        // chunk's line breaks (an upper bound on its records), and the regions are then slid together.
        // Untouched reserved pages cost no memory.
        let regionCapacity = chunks.map { reader.lineBreakCount(in: $0) + 1 }
        var starts = [0]
        for capacity in regionCapacity { starts.append(starts[starts.count - 1] + capacity) }
        let regionStart = starts
        let values = [Value](unsafeUninitializedCapacity: regionStart[chunks.count]) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            let storage = RegionStorage(base: base)
            DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                // Lines are counted from 0 within the chunk and shifted once every chunk is done.
                let rows = RowReader(schema: schema, map: map, file: file, log: IssueLog(limit: max(1, remaining)))
                let region = storage.base + regionStart[index]
                let capacity = regionCapacity[index]
                var result = ChunkResult<Value>()
                result.lines.reserveCapacity(capacity)
                if id != nil { result.keys.reserveCapacity(capacity) }
                result.lineCount = reader.forEachRecord(in: chunks[index], firstLine: 0) { record in
                    guard !rows.log.isFull else {
                        rows.log.markTruncated()
                        return
                    }
                    guard rows.begin(record), let value = row(rows) else { return }
                    if rows.rowIsValid {
                        if let id { result.keys.append(id(value)) }
                        precondition(result.inRegion < capacity, "a chunk holds more records than line breaks")
                        (region + result.inRegion).initialize(to: consume value)
                        result.inRegion += 1
                        result.lines.append(record.line)
                    } else if let key = id?(value), !key.isEmpty {
                        result.rejected.append((key, record.line))
                    }
                } onMalformed: { line, column, message in
                    rows.log.add(SalesDataIssue(.malformedRow, file: file, line: line, column: column,
                                                expected: "valid CSV quoting", message: message))
                }
                result.issues = rows.log
                slots.items[index] = result
            }
            for index in chunks.indices {
                let part = slots.items[index]
                if count != regionStart[index] { (base + count).moveInitialize(from: base + regionStart[index], count: part.inRegion) }
                count += part.inRegion
            }
        }

        var decoded = Decoded<Value>()
        var offset = firstDataLine
        let total = values.count
        decoded.values = values
        decoded.lines.reserveCapacity(total)
        var keys: [String?] = []
        if id != nil { keys.reserveCapacity(total) }
        for index in slots.items.indices {
            let part = slots.items[index]
            for var issue in part.issues.issues {
                issue.line += offset
                log.add(issue)
            }
            if part.issues.truncated { log.markTruncated() }
            let shift = offset
            decoded.lines.append(contentsOf: part.lines.lazy.map { $0 + shift })
            keys.append(contentsOf: part.keys)
            rejectedAll.append(contentsOf: part.rejected.lazy.map { ($0.id, $0.line + shift) })
            offset += part.lineCount
        }
        slots.items.removeAll()
        guard id != nil else { return decoded }
        // Duplicate ids: each partition of the id space is checked by its own worker, in file order.
        let partitionCount = max(1, min(chunks.count, Self.cores, 8))
        let idColumn = map.indices[0] + 1
        let idName = columns[0].name
        let lines = decoded.lines
        let allKeys = keys
        let rejectedKeys = rejectedAll
        let expected = decoded.values.count / partitionCount + rejectedKeys.count + 16
        let partitionSlots = Slots([(index: [String: Int], issues: [SalesDataIssue])](repeating: ([:], []), count: partitionCount))
        DispatchQueue.concurrentPerform(iterations: partitionCount) { partition in
            var index: [String: Int] = [:]
            index.reserveCapacity(expected)
            var issues: [SalesDataIssue] = []
            var rejected = rejectedKeys[...]
            func note(_ key: String, _ line: Int) {
                if index[key] == nil { index[key] = line }
            }
            for position in allKeys.indices {
                let line = lines[position]
                while let first = rejected.first, first.line < line {
                    if IDIndex.partition(of: first.id, among: partitionCount) == partition { note(first.id, first.line) }
                    rejected.removeFirst()
                }
                guard let key = allKeys[position], IDIndex.partition(of: key, among: partitionCount) == partition else { continue }
                if let first = index.updateValue(line, forKey: key) {
                    index[key] = first
                    guard reportDuplicates else { continue }
                    issues.append(SalesDataIssue(
                        .duplicateID, file: file, line: line, column: idColumn, field: idName, value: key,
                        expected: "a unique id", message: "id \(key) is used twice (first on line \(first)); ids must be unique"))
                }
            }
            for first in rejected where IDIndex.partition(of: first.id, among: partitionCount) == partition { note(first.id, first.line) }
            partitionSlots.items[partition] = (index, issues)
        }
        var index = IDIndex(partitions: partitionCount)
        var duplicates: [SalesDataIssue] = []
        for partition in 0..<partitionCount {
            swap(&index.partitions[partition], &partitionSlots.items[partition].index)
            duplicates += partitionSlots.items[partition].issues
        }
        for issue in duplicates.sorted() { log.add(issue) }
        decoded.lineOfID = index
        return decoded
    }
}
