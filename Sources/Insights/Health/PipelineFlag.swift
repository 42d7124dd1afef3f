import SalesData

/// One pipeline-health warning with the number that raised it and the threshold it crossed.
public struct PipelineFlag: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An open deal without activity for longer than the stale threshold (value: days since the last touch).
        case staleOpportunity = "stale_opportunity"
        /// An open deal whose close date has passed (value: days overdue).
        case slippedCloseDate = "slipped_close_date"
        /// Open pipeline below the coverage target times the remaining quota (value: coverage).
        case lowCoverage = "low_coverage"
        /// The largest open deal holds at least the concentration share of the pipeline (value: share).
        case concentration
        /// An account with open deals whose activity sentiment falls (value: slope per 30 days).
        case fallingSentiment = "falling_sentiment"
    }

    public var kind: Kind
    public var repID: RepID?
    public var accountID: AccountID?
    public var opportunityID: OpportunityID?
    public var value: Double
    public var threshold: Double
    /// One sentence with the numbers, such as "coverage 1.8x of 60,000 remaining quota, target 3.0x".
    public var detail: String

    public init(
        kind: Kind, repID: RepID? = nil, accountID: AccountID? = nil, opportunityID: OpportunityID? = nil,
        value: Double,
        threshold: Double, detail: String
    ) {
        self.kind = kind
        self.repID = repID
        self.accountID = accountID
        self.opportunityID = opportunityID
        self.value = value
        self.threshold = threshold
        self.detail = detail
    }
}
