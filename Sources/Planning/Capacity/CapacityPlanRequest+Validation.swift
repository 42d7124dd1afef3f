import LinearProgramming

extension CapacityPlanRequest {
    /// Checks every value's domain and throws the first bad one with its key path.
    ///
    /// A key path reads like `roles[0].ramp[2]`.
    ///
    /// Amounts are finite and at most ``largestAmount``; shares lie in `[0, 1]`; attrition in
    /// `[0, 1)`; counts, months and limits are non-negative and bounded, so nothing downstream can
    /// overflow or trap. The time limit goes through the one check every optimizer shares
    /// (`Deadline.timeLimit(seconds:name:)`: more than 0, at most `Deadline.maximumSeconds`).
    public func validate() throws(PlanningError) {
        func check(_ ok: Bool, _ key: String, _ value: String, _ expected: String) throws(PlanningError) {
            if !ok { throw .invalidValue(key: key, value: value, expected: expected) }
        }
        func amount(_ x: Double, _ key: String) throws(PlanningError) {
            try check(x.isFinite && x >= 0 && x <= Self.largestAmount, key, "\(x)", "an amount in [0, 1e15]")
        }
        try check(
            (1...Self.largestQuarterCount).contains(quarterlyQuota.count), "quarterlyQuota",
            "\(quarterlyQuota.count) quarters", "1 to \(Self.largestQuarterCount) quarters")
        for (q, quota) in quarterlyQuota.enumerated() { try amount(quota, "quarterlyQuota[\(q)]") }
        try check(
            quotaCoverage.isFinite && quotaCoverage > 0 && quotaCoverage <= 10, "quotaCoverage", "\(quotaCoverage)",
            "a factor in (0, 10]")
        try check(
            (0...monthCount).contains(leadTimeMonths), "leadTimeMonths", "\(leadTimeMonths)",
            "whole months in [0, \(monthCount)]")
        try check(!roles.isEmpty, "roles", "[]", "at least one role")
        if let most = maxHiresPerMonth {
            try check(most >= 0 && most <= 1_000_000, "maxHiresPerMonth", "\(most)", "an integer in [0, 1000000]")
        }
        if let budget = hiringBudget { try amount(budget, "hiringBudget") }
        _ = try timeLimit
        if let nodes = nodeLimit { try check(nodes >= 1, "nodeLimit", "\(nodes)", "an integer ≥ 1") }
        try check(
            relativeGap.isFinite && relativeGap >= 0 && relativeGap < 1, "relativeGap", "\(relativeGap)",
            "a fraction in [0, 1)")
        var names = Set<String>()
        for (r, role) in roles.enumerated() {
            let key = "roles[\(r)]"
            try check(
                !role.name.isEmpty && names.insert(role.name).inserted, "\(key).name", role.name,
                "a unique, non-empty name")
            try check(
                role.monthlyProductivity.isFinite && role.monthlyProductivity > 0
                    && role.monthlyProductivity <= Self.largestAmount, "\(key).monthlyProductivity",
                "\(role.monthlyProductivity)", "an amount in (0, 1e15]")
            try check(role.ramp.count <= 120, "\(key).ramp", "\(role.ramp.count) months", "at most 120 months")
            for (m, share) in role.ramp.enumerated() {
                try check(
                    share.isFinite && share >= 0 && share <= 1, "\(key).ramp[\(m)]", "\(share)", "a share in [0, 1]")
            }
            try check(
                role.monthlyAttrition.isFinite && role.monthlyAttrition >= 0 && role.monthlyAttrition < 1,
                "\(key).monthlyAttrition", "\(role.monthlyAttrition)", "a monthly rate in [0, 1)")
            try amount(role.costPerHire, "\(key).costPerHire")
            try amount(role.costPerSellerMonth, "\(key).costPerSellerMonth")
            if let most = role.maxHiresPerMonth {
                try check(
                    most >= 0 && most <= 1_000_000, "\(key).maxHiresPerMonth", "\(most)", "an integer in [0, 1000000]")
            }
            for (k, cohort) in role.current.enumerated() {
                try check(
                    (0...1200).contains(cohort.monthsInSeat), "\(key).current[\(k)].monthsInSeat",
                    "\(cohort.monthsInSeat)", "whole months in [0, 1200]")
                try check(
                    cohort.count.isFinite && cohort.count >= 0 && cohort.count <= 1e6, "\(key).current[\(k)].count",
                    "\(cohort.count)", "a headcount in [0, 1e6]")
            }
        }
    }

    /// ``timeLimitSeconds`` as a `Duration`, validated by `Deadline.timeLimit(seconds:name:)`.
    ///
    /// - Throws: ``PlanningError/invalidValue(key:value:expected:)`` for NaN, ±∞, a value ≤ 0 or one
    ///   above `Deadline.maximumSeconds`.
    var timeLimit: Duration? {
        get throws(PlanningError) {
            guard let seconds = timeLimitSeconds else { return nil }
            do { return try Deadline.timeLimit(seconds: seconds, name: "timeLimitSeconds") } catch {
                if case SolverError.invalidOption(_, let value, let expected) = error {
                    throw .invalidValue(key: "timeLimitSeconds", value: value, expected: expected)
                }
                throw .invalidValue(key: "timeLimitSeconds", value: "\(seconds)", expected: "\(error)")
            }
        }
    }
}
