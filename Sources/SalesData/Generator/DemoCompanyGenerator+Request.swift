extension DemoCompanyGenerator.Configuration: Codable, ValidatedRequest {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case seed, accounts, reps, includeHistory, snapshotDate, lastClosedDate
    }

    /// The most accounts the generator numbers (ids have seven digits).
    public static let maximumAccounts = 9_999_999
    /// The most reps the generator numbers (ids have four digits).
    public static let maximumReps = 9_999
    /// The fewest reps: one per district.
    public static let minimumReps = DemoCompanyGenerator.regionCount * DemoCompanyGenerator.districtsPerRegion

    /// The config keys (from `CodingKeys`, so never stale).
    public static var configurationKeys: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// Decodes a config; every absent key keeps the default of `Configuration()`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        accounts = try c.decodeIfPresent(Int.self, forKey: .accounts) ?? accounts
        reps = try c.decodeIfPresent(Int.self, forKey: .reps) ?? reps
        includeHistory = try c.decodeIfPresent(Bool.self, forKey: .includeHistory) ?? includeHistory
        snapshotDate = try c.decodeIfPresent(CalendarDate.self, forKey: .snapshotDate) ?? snapshotDate
        lastClosedDate =
            try c.decodeIfPresent(CalendarDate.self, forKey: .lastClosedDate) ?? snapshotDate.adding(months: 11)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seed, forKey: .seed)
        try c.encode(accounts, forKey: .accounts)
        try c.encode(reps, forKey: .reps)
        try c.encode(includeHistory, forKey: .includeHistory)
        try c.encode(snapshotDate, forKey: .snapshotDate)
        try c.encode(lastClosedDate, forKey: .lastClosedDate)
    }

    /// Every problem with the sizes and dates, each naming its key.
    public func problems() -> [any RequestKeyError] {
        var list: [SalesDataError] = []
        if !(1...Self.maximumAccounts).contains(accounts) {
            list.append(
                .invalidRequest(key: "accounts", value: "\(accounts)", expected: "1...\(Self.maximumAccounts) accounts")
            )
        }
        if !(Self.minimumReps...Self.maximumReps).contains(reps) {
            list.append(
                .invalidRequest(
                    key: "reps", value: "\(reps)",
                    expected: "\(Self.minimumReps)...\(Self.maximumReps) reps (one per district at least)"))
        }
        if !(lastClosedDate > snapshotDate && lastClosedDate < snapshotDate.adding(months: 12)) {
            list.append(
                .invalidRequest(
                    key: "lastClosedDate", value: "\(lastClosedDate)",
                    expected: "a day of the plan year after snapshotDate \(snapshotDate)"))
        }
        return list
    }
}
