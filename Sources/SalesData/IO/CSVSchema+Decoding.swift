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
    /// Whether the file could be read at all; `false` after a header problem (no header, a missing
    /// required column), so references into it are not reported once per row as well.
    var isUsable = true
    /// The 1-based field number of each schema column present in the header, by canonical name.
    var fieldNumbers: [String: Int] = [:]

    /// A decoded nothing: the file's header made it unusable.
    static var unusable: Decoded {
        var decoded = Decoded()
        decoded.isUsable = false
        return decoded
    }

    func contains(_ id: some EntityIdentifier) -> Bool { lineOfID[id.rawValue] != nil }
}

extension Decoded: Sendable where Value: Sendable {}

/// Results of one chunk, written by exactly one worker.
private struct ChunkResult<Value> {
    /// Values written into the chunk's region of the result array.
    var inRegion = 0
    /// The id of each value (when the file has ids), hashed while the value is at hand.
    var keys = IDKeys()
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
final class Slots<Value>: @unchecked Sendable {
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
            log.add(
                SalesDataIssue(
                    .malformedRow, file: file, line: line, column: column, expected: "a valid header row",
                    message: message))
        }
        var rejectedAll: [(id: String, line: Int)] = []
        guard let map else {
            if log.isEmpty {
                log.add(
                    SalesDataIssue(
                        .missingColumn, file: file, line: 1, expected: "a header row",
                        message: "file is empty; expected a header row naming the columns"))
            }
            return .unusable
        }
        if columns.indices.contains(where: { columns[$0].isRequired && map.indices[$0] < 0 }) { return .unusable }

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
        // Every chunk but the last ends with a line break, so its count of record ends is exact for
        // files without blank lines or quoted line breaks, and the regions then need no sliding.
        let counts = Slots([Int](repeating: 0, count: chunks.count))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            counts.items[index] = reader.lineBreakCount(in: chunks[index]) + (index == chunks.count - 1 ? 1 : 0)
        }
        let regionCapacity = counts.items
        let seed = UInt64.random(in: 0...UInt64.max)
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
                defer { slots.items[index] = result }
                result.lineCount = reader.forEachRecord(in: chunks[index], firstLine: 0) { record in
                    guard !rows.log.isFull else {
                        rows.log.markTruncated()
                        return
                    }
                    guard rows.begin(record), let value = row(rows) else { return }
                    if rows.rowIsValid {
                        if let id { result.keys.append(id(value) ?? "", seed: seed) }
                        precondition(result.inRegion < capacity, "a chunk holds more records than line breaks")
                        (region + result.inRegion).initialize(to: consume value)
                        result.inRegion += 1
                        result.lines.append(record.line)
                    } else if let key = id?(value), !key.isEmpty {
                        result.rejected.append((key, record.line))
                    }
                } onMalformed: { line, column, message in
                    rows.log.add(
                        SalesDataIssue(
                            .malformedRow, file: file, line: line, column: column,
                            expected: "valid CSV quoting", message: message))
                }
                result.issues = rows.log
            }
            for index in chunks.indices {
                let part = slots.items[index]
                if count != regionStart[index] {
                    (base + count).moveInitialize(from: base + regionStart[index], count: part.inRegion)
                }
                count += part.inRegion
            }
        }

        var decoded = Decoded<Value>()
        for index in columns.indices where map.indices[index] >= 0 {
            decoded.fieldNumbers[columns[index].name] = map.indices[index] + 1
        }
        var offset = firstDataLine
        let total = values.count
        decoded.values = values
        decoded.lines.reserveCapacity(total)
        var keys: [IDKeys] = []
        for index in slots.items.indices {
            let part = slots.items[index]
            for var issue in part.issues.issues {
                issue.line += offset
                log.add(issue)
            }
            if part.issues.truncated { log.markTruncated() }
            let shift = offset
            decoded.lines.append(contentsOf: part.lines.lazy.map { $0 + shift })
            keys.append(part.keys)
            rejectedAll.append(contentsOf: part.rejected.lazy.map { ($0.id, $0.line + shift) })
            offset += part.lineCount
        }
        slots.items.removeAll()
        guard id != nil else { return decoded }
        decoded.lineOfID = Self.indexIDs(
            keys, lines: decoded.lines, rejected: rejectedAll, seed: seed, reportDuplicates: reportDuplicates,
            file: file,
            idColumn: map.indices[0] + 1, idName: columns[0].name, log: &log)
        return decoded
    }

    /// Builds the id index of a decoded file and logs every repeated id (at the later line, naming
    /// the first).
    ///
    /// Each run of keys is grouped by partition of the id space, then each partition is filled in file order by one
    /// worker, all cores at once.
    ///
    /// - Parameters:
    ///   - keys: The ids of the accepted values, one run per chunk, in file order.
    ///   - lines: The line of each accepted value (all runs of `keys` concatenated).
    ///   - rejected: Ids of rejected records in line order: indexed so that references to them are
    ///     not reported again, and a later record repeating one is a duplicate.
    ///   - seed: The hash seed of the index.
    ///   - reportDuplicates: Whether a repeated id is logged.
    ///   - file: The file name used in the issues.
    ///   - idColumn: The id column's 1-based position, for the issues.
    ///   - idName: The id column's name, for the issues.
    ///   - log: Receives one issue per repeated id, in line order.
    /// - Returns: The index from each id to the line it first appears on.
    private static func indexIDs(
        _ keys: [IDKeys], lines: [Int], rejected: [(id: String, line: Int)], seed: UInt64,
        reportDuplicates: Bool, file: String, idColumn: Int, idName: String, log: inout IssueLog
    ) -> IDIndex {
        let bits = IDIndex.partitionBits(forKeys: lines.count + rejected.count)
        let partitionCount = 1 << bits
        // Rejected ids form the last run; it also takes keys inserted later, one by one.
        var rejectedRun = IDKeys()
        for (id, _) in rejected { rejectedRun.append(id, seed: seed) }
        let runs = keys + [rejectedRun]
        var firstLine = [0]
        for run in keys { firstLine.append(firstLine[firstLine.count - 1] + run.count) }
        let runStart = firstLine
        let groups = Slots([(entries: [IDKeys.Entry], starts: [Int])](repeating: ([], []), count: runs.count))
        DispatchQueue.concurrentPerform(iterations: runs.count) { run in
            let runLines =
                run < keys.count ? lines[runStart[run]..<runStart[run + 1]] : ArraySlice(rejected.map(\.line))
            groups.items[run] = runs[run].grouped(run: run, lines: runLines, partitionBits: bits)
        }
        let grouped = groups.items
        groups.items.removeAll()
        // Partitions differ from the mean by about its square root; 10 % spare covers that.
        let expected = (lines.count + rejected.count) / partitionCount * 11 / 10 + 16
        let results = Slots(
            [(table: IDTable, issues: [SalesDataIssue])](repeating: (IDTable(), []), count: partitionCount))
        DispatchQueue.concurrentPerform(iterations: partitionCount) { partition in
            var table = IDTable()
            table.reserveCapacity(expected)
            var issues: [SalesDataIssue] = []
            let (rejectedEntries, rejectedStarts) = grouped[keys.count]
            var pending = rejectedEntries[rejectedStarts[partition]..<rejectedStarts[partition + 1]]
            for run in keys.indices {
                let (entries, starts) = grouped[run]
                for entry in entries[starts[partition]..<starts[partition + 1]] {
                    while let first = pending.first, first.line < entry.line {
                        _ = table.insert(first.reference, hash: first.hash, line: first.line, runs: runs)
                        pending.removeFirst()
                    }
                    guard let first = table.insert(entry.reference, hash: entry.hash, line: entry.line, runs: runs),
                        reportDuplicates
                    else { continue }
                    let key = Int(entry.reference & 0xFFFF_FFFF)
                    let value = runs[run].withKey(key) { String(decoding: $0, as: UTF8.self) }
                    issues.append(
                        SalesDataIssue(
                            .duplicateID, file: file, line: entry.line, column: idColumn, field: idName, value: value,
                            expected: "a unique id",
                            message: "id \(value) is used twice (first on line \(first)); ids must be unique"))
                }
            }
            for first in pending { _ = table.insert(first.reference, hash: first.hash, line: first.line, runs: runs) }
            results.items[partition] = (table, issues)
        }
        var duplicates: [SalesDataIssue] = []
        for partition in 0..<partitionCount { duplicates += results.items[partition].issues }
        for issue in duplicates.sorted() { log.add(issue) }
        return IDIndex(partitions: results.items.map(\.table), runs: runs, partitionBits: bits, seed: seed)
    }
}
