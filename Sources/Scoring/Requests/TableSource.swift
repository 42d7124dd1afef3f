import Foundation
import SalesData

/// A CSV file of accounts plus files left-joined onto it by key.
///
/// For example the demo's county data:
/// `TableSource(file: "Data/demo/accounts.csv", joins: [TableJoin(file: "Data/geo/counties.csv", key: "county_fips", otherKey: "fips")])`.
///
/// ```swift
/// let table = try TableSource(file: "accounts.csv").load()
/// ```
public struct TableSource: Sendable, Hashable, Codable {
    /// The main CSV file.
    public var file: String
    /// Files joined in order onto the rows of ``file``.
    public var joins: [TableJoin]

    public init(file: String, joins: [TableJoin] = []) {
        self.file = file
        self.joins = joins
    }

    /// Checks that every path and key is named.
    ///
    /// - Throws: ``ScoringError/invalidParameter(name:value:expected:)``.
    public func validate() throws {
        guard !file.isEmpty else {
            throw ScoringError.invalidParameter(name: "file", value: "''", expected: "a CSV path")
        }
        for join in joins where join.file.isEmpty || join.key.isEmpty || join.otherKey.isEmpty {
            throw ScoringError.invalidParameter(
                name: "join", value: "\(join.file) on \(join.key)=\(join.otherKey)",
                expected: "a file and both key columns")
        }
    }

    /// Reads the file and applies every join (see `ColumnTable.leftJoined(with:on:otherKey:)`).
    ///
    /// - Throws: The table errors, naming file and line.
    public func load() throws -> ColumnTable {
        var table = try ColumnTable(contentsOf: URL(fileURLWithPath: file))
        for join in joins {
            let other = try ColumnTable(contentsOf: URL(fileURLWithPath: join.file))
            table = try table.leftJoined(with: other, on: join.key, otherKey: join.otherKey)
        }
        return table
    }
}

/// One left join: rows of ``file`` matched where its ``otherKey`` equals the input's ``key``.
public struct TableJoin: Sendable, Hashable, Codable {
    public var file: String
    public var key: String
    public var otherKey: String

    public init(file: String, key: String, otherKey: String) {
        self.file = file
        self.key = key
        self.otherKey = otherKey
    }
}
