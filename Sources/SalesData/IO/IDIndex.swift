import Foundation

/// The line of the first record carrying each id, keyed by the id's UTF-8 bytes.
///
/// Built for the loaders' duplicate-id check on millions of rows: a key is hashed once, on its raw
/// bytes, while its row is parsed (see ``IDKeys``). The index is split by the hash's top bits into
/// partitions small enough to stay in the processor's cache while they fill, and partitions fill
/// on all cores at once; each is an open-addressing table over flat arrays (no `String` per key,
/// no per-key allocation).
///
/// ```swift
/// var index = IDIndex(partitionBits: 0)
/// index.insert("A-1", line: 2)           // nil: new
/// index.insert("A-1", line: 9)           // 2: first seen on line 2; the index keeps 2
/// index["A-1"]                           // 2
/// ```
///
/// - Complexity: Expected O(length of the key) per insert and look-up.
struct IDIndex: Sendable {
    /// One table per partition, 2^``partitionBits`` of them; empty until the first insert.
    private(set) var partitions: [IDTable]
    /// The key bytes, in runs; table entries refer to them by run and number (see ``IDKeys/reference(run:key:)``).
    ///
    /// Keys inserted one by one go to the last run.
    private(set) var runs: [IDKeys]
    let partitionBits: Int
    /// The hash seed, random per index so that no fixed set of ids collides in every run.
    let seed: UInt64

    init(partitionBits: Int = 0, seed: UInt64 = .random(in: 0...UInt64.max)) {
        precondition((0...16).contains(partitionBits), "partitionBits must be in 0...16")
        self.partitionBits = partitionBits
        self.partitions = Array(repeating: IDTable(), count: 1 << partitionBits)
        self.runs = [IDKeys()]
        self.seed = seed
    }

    /// An index of filled partitions over the keys in `runs` (for parallel builders).
    init(partitions: [IDTable], runs: [IDKeys], partitionBits: Int, seed: UInt64) {
        precondition(
            partitions.count == 1 << partitionBits && !runs.isEmpty, "one table per partition and at least one run")
        self.partitions = partitions
        self.runs = runs
        self.partitionBits = partitionBits
        self.seed = seed
    }

    /// The partition bits that give partitions of about 4,096 keys (at most 2^10 partitions), small
    /// enough to stay in the processor's cache while they fill.
    static func partitionBits(forKeys keys: Int) -> Int {
        var bits = 0
        while bits < 10, keys >> (bits + 1) >= 4096 { bits += 1 }
        return bits
    }

    /// Which of 2^`bits` partitions holds a key with `hash`: its top bits (tables index by the low
    /// bits).
    @inline(__always)
    static func partition(of hash: UInt64, bits: Int) -> Int {
        bits == 0 ? 0 : Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
    }

    var isEmpty: Bool { partitions.allSatisfy { $0.count == 0 } }

    /// The line stored for `key`, or nil.
    subscript(key: String) -> Int? {
        var key = key
        return key.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let hash = IDHash.hash(raw, seed: seed)
            return partitions[Self.partition(of: hash, bits: partitionBits)].line(of: raw, hash: hash, runs: runs)
        }
    }

    /// Stores `line` for `key` unless the key is present; returns the line already stored, if any.
    @discardableResult
    mutating func insert(_ key: String, line: Int) -> Int? {
        let last = runs.count - 1
        runs[last].append(key, seed: seed)
        let number = runs[last].count - 1
        let hash = runs[last].hashes[number]
        let partition = Self.partition(of: hash, bits: partitionBits)
        let reference = IDKeys.reference(run: last, key: number)
        let found = partitions[partition].insert(reference, hash: hash, line: line, runs: runs)
        if found != nil { runs[last].removeLast() }
        return found
    }
}

/// The ids of one run of rows: each key's hash and bytes, in row order.
struct IDKeys: Sendable {
    var hashes: [UInt64] = []
    /// Key `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    var ends: [Int] = []
    var bytes: [UInt8] = []

    var count: Int { hashes.count }

    /// Key `key` of run `run` as one number (run in the high 32 bits).
    @inline(__always)
    static func reference(run: Int, key: Int) -> UInt64 { UInt64(run) << 32 | UInt64(key) }

    mutating func reserveCapacity(_ keys: Int, bytesPerKey: Int = 12) {
        hashes.reserveCapacity(keys)
        ends.reserveCapacity(keys)
        bytes.reserveCapacity(keys * bytesPerKey)
    }

    /// Appends `key`, hashing its bytes with `seed`.
    mutating func append(_ key: String, seed: UInt64) {
        precondition(count < Int(UInt32.max), "more ids in one run than an index holds")
        var key = key
        key.withUTF8 { raw in
            hashes.append(IDHash.hash(UnsafeRawBufferPointer(raw), seed: seed))
            bytes.append(contentsOf: raw)
        }
        ends.append(bytes.count)
    }

    mutating func removeLast() {
        hashes.removeLast()
        ends.removeLast()
        bytes.removeLast(bytes.count - (ends.last ?? 0))
    }

    /// Calls `body` with the bytes of key `index`.
    @inline(__always)
    func withKey<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// One key of a run, as the parallel index builder reads it.
    struct Entry {
        var hash: UInt64
        var line: Int
        var reference: UInt64
    }

    /// The keys of run `run` grouped by partition (see ``IDIndex/partition(of:bits:)``), in row
    /// order within each: partition `p` is `entries[starts[p]..<starts[p + 1]]`.
    ///
    /// `lines` holds the line of each key. A counting sort: two sequential passes, so the builder then reads each
    /// partition's keys from consecutive memory.
    func grouped(run: Int, lines: ArraySlice<Int>, partitionBits bits: Int) -> (entries: [Entry], starts: [Int]) {
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        for hash in hashes { starts[IDIndex.partition(of: hash, bits: bits) + 1] += 1 }
        for partition in 0..<(1 << bits) { starts[partition + 1] += starts[partition] }
        var next = starts
        let first = lines.startIndex
        let entries = [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
            for key in hashes.indices {
                let hash = hashes[key]
                let partition = IDIndex.partition(of: hash, bits: bits)
                let entry = Entry(hash: hash, line: lines[first + key], reference: Self.reference(run: run, key: key))
                buffer.initializeElement(at: next[partition], to: entry)
                next[partition] += 1
            }
            initialized = count
        }
        return (entries, starts)
    }
}

/// One open-addressing (linear probing) hash table from keys to lines; the key bytes stay in the
/// index's runs (``IDKeys``) and the table holds references to them.
///
/// A slot holds the low 32 bits of its key's hash beside the entry number, so a probe reads one
/// slot and compares key bytes only when those bits match, and growing needs no other copy of the
/// hash. At most two thirds of the slots are used.
struct IDTable: Sendable {
    /// Per slot: the hash's low 32 bits in the high half, entry number + 1 in the low half (0:
    /// empty).
    ///
    /// The slot count is a power of two, at most 2³².
    private var slots: [UInt64] = []
    private var lines: [Int] = []
    private var references: [UInt64] = []

    var count: Int { lines.count }

    private static let entryMask: UInt64 = 0xFFFF_FFFF

    /// Sizes the table for `keys` entries so that filling it never rehashes.
    mutating func reserveCapacity(_ keys: Int) {
        lines.reserveCapacity(keys)
        references.reserveCapacity(keys)
        if !Self.fits(keys, in: slots.count) { rehash(slotCount: Self.slotCount(for: keys)) }
    }

    private static func fits(_ keys: Int, in slotCount: Int) -> Bool { 3 * keys <= 2 * slotCount }

    private static func slotCount(for keys: Int) -> Int {
        var size = 16
        while !fits(keys, in: size) { size <<= 1 }
        return size
    }

    /// The entry whose key has this hash and passes `same`, or the empty slot where it belongs.
    @inline(__always)
    private func find(hash: UInt64, _ same: (UInt64) -> Bool) -> (entry: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let tag = hash << 32
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let content = slots[slot]
                if content == 0 { return (nil, slot) }
                if content & ~Self.entryMask == tag {
                    let entry = Int(content & Self.entryMask) - 1
                    if same(references[entry]) { return (entry, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The line stored for the key with these bytes and hash, or nil.
    func line(of key: UnsafeRawBufferPointer, hash: UInt64, runs: [IDKeys]) -> Int? {
        guard !slots.isEmpty else { return nil }
        return find(hash: hash) { Self.bytes(of: $0, in: runs) { $0.elementsEqual(key) } }.entry.map { lines[$0] }
    }

    /// Stores `line` for the key that `reference` names in `runs`, unless present; returns the line
    /// already stored, if any.
    mutating func insert(_ reference: UInt64, hash: UInt64, line: Int, runs: [IDKeys]) -> Int? {
        if !Self.fits(count + 1, in: slots.count) { rehash(slotCount: Self.slotCount(for: max(count + 1, 2 * count))) }
        let found = find(hash: hash) { stored in
            Self.bytes(of: stored, in: runs) { old in Self.bytes(of: reference, in: runs) { old.elementsEqual($0) } }
        }
        if let entry = found.entry { return lines[entry] }
        slots[found.slot] = hash << 32 | UInt64(count + 1)
        lines.append(line)
        references.append(reference)
        return nil
    }

    private static func bytes<R>(of reference: UInt64, in runs: [IDKeys], _ body: (UnsafeRawBufferPointer) -> R) -> R {
        runs[Int(reference >> 32)].withKey(Int(reference & entryMask), body)
    }

    /// Moves every entry into `slotCount` fresh slots, placed by the hash bits its slot keeps.
    private mutating func rehash(slotCount: Int) {
        precondition(count < Int(UInt32.max) && slotCount <= 1 << 32, "more ids than an index holds")
        var fresh = [UInt64](repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for content in slots where content != 0 {
            var slot = Int(truncatingIfNeeded: content >> 32) & mask
            while fresh[slot] != 0 { slot = (slot + 1) & mask }
            fresh[slot] = content
        }
        slots = fresh
    }
}

/// A fast seeded 64-bit hash of short byte strings (ids), mixing eight bytes at a time and
/// finishing with MurmurHash3's avalanche step.
enum IDHash {
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
