import Dispatch
import Foundation

/// Values decoded from one file, with the physical line of each (for cross-file messages) and an
/// index of every id seen, valid or not.
struct Decoded<Value> {
    var values: [Value] = []
    var lines: [Int] = []
    /// Line of the first record carrying each id, including rejected records, so cross-file checks
    /// do not report references to them a second time.
    var lineOfID: [String: Int] = [:]

    func contains(_ id: some EntityIdentifier) -> Bool { lineOfID[id.rawValue] != nil }
}

/// Results of one chunk, written by exactly one worker.
private struct ChunkResult<Value> {
    var values: [Value] = []
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

extension CSVSchema {
    /// Files larger than this are decoded in parallel chunks.
    static let parallelThreshold = 4 << 20

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
        case .automatic: parts = bytes.count > Self.parallelThreshold ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        case .parts(let count): parts = count
        }
        let chunks = reader.recordBoundaries(from: headerEnd, parts: parts)
        let remaining = log.limit - log.issues.count
        let slots = Slots([ChunkResult<Value>](repeating: ChunkResult(), count: chunks.count))
        let schema = self
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            // Lines are counted from 0 within the chunk and shifted once every chunk is done.
            let rows = RowReader(schema: schema, map: map, file: file, log: IssueLog(limit: max(1, remaining)))
            var result = ChunkResult<Value>()
            result.values.reserveCapacity(chunks[index].count / 128)
            result.lines.reserveCapacity(chunks[index].count / 128)
            result.lineCount = reader.forEachRecord(in: chunks[index], firstLine: 0) { record in
                guard !rows.log.isFull else {
                    rows.log.markTruncated()
                    return
                }
                guard rows.begin(record), let value = row(rows) else { return }
                if rows.rowIsValid {
                    result.values.append(value)
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

        var decoded = Decoded<Value>()
        var offset = firstDataLine
        for index in slots.items.indices {
            var part = ChunkResult<Value>()
            swap(&part, &slots.items[index])
            for var issue in part.issues.issues {
                issue.line += offset
                log.add(issue)
            }
            if part.issues.truncated { log.markTruncated() }
            if decoded.values.isEmpty {
                decoded.values = part.values
            } else {
                decoded.values.append(contentsOf: part.values)
            }
            let shift = offset
            decoded.lines.append(contentsOf: part.lines.lazy.map { $0 + shift })
            rejectedAll.append(contentsOf: part.rejected.lazy.map { ($0.id, $0.line + shift) })
            offset += part.lineCount
        }
        guard let id else { return decoded }
        decoded.lineOfID.reserveCapacity(decoded.values.count + rejectedAll.count + 16)
        let idColumn = map.indices[0] + 1
        var rejected = rejectedAll[...]
        for (index, value) in decoded.values.enumerated() {
            let line = decoded.lines[index]
            while let first = rejected.first, first.line < line {
                if decoded.lineOfID[first.id] == nil { decoded.lineOfID[first.id] = first.line }
                rejected.removeFirst()
            }
            guard let key = id(value) else { continue }
            if let first = decoded.lineOfID.updateValue(line, forKey: key) {
                decoded.lineOfID[key] = first
                guard reportDuplicates else { continue }
                log.add(SalesDataIssue(
                    .duplicateID, file: file, line: line, column: idColumn, field: columns[0].name, value: key,
                    expected: "a unique id", message: "id \(key) is used twice (first on line \(first)); ids must be unique"))
            }
        }
        for first in rejected where decoded.lineOfID[first.id] == nil { decoded.lineOfID[first.id] = first.line }
        return decoded
    }
}
