import Foundation

/// One `data validate` run: the dataset folder and how many problems to collect at most.
///
/// ```swift
/// let data = try DatasetCheckRequest(folder: "Data/demo").run()
/// ```
public struct DatasetCheckRequest: Sendable, Hashable, Codable {
    /// The folder holding `accounts.csv`, `reps.csv` and the optional files.
    public var folder: String
    /// Stop after this many problems (1...``maximumIssues``).
    public var maxIssues = 1_000

    /// The largest problem limit accepted.
    public static let maximumIssues = 10_000_000

    public init(folder: String) { self.folder = folder }

    enum CodingKeys: String, CodingKey, CaseIterable { case folder, maxIssues }

    /// Decodes a config; `maxIssues` keeps its default when absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(folder: try c.decode(String.self, forKey: .folder))
        maxIssues = try c.decodeIfPresent(Int.self, forKey: .maxIssues) ?? maxIssues
    }

    /// Validates the request, then loads and checks every file of the folder.
    ///
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` with every problem located.
    public func run() throws -> SalesDataset {
        try validate()
        return try SalesDataset.load(from: URL(fileURLWithPath: folder), issueLimit: maxIssues)
    }
}

extension DatasetCheckRequest: ValidatedRequest {
    /// Every problem with the request's values, each naming its key.
    public func problems() -> [any RequestKeyError] {
        var list: [SalesDataError] = []
        if folder.isEmpty { list.append(.invalidRequest(key: "folder", value: folder, expected: "a dataset folder")) }
        if !(1...Self.maximumIssues).contains(maxIssues) {
            list.append(.invalidRequest(key: "maxIssues", value: "\(maxIssues)", expected: "1...\(Self.maximumIssues)"))
        }
        return list
    }
}
