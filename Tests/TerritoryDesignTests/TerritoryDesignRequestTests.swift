import SalesData
import TerritoryDesign
import Testing

/// The territory-design request: one set of defaults, strict YAML, and a `validate()` naming keys.
@Suite struct TerritoryDesignRequestTests {
    static let base = "accounts: a.csv\nterritories: t.csv\nmeasures: [potential]\n"

    func decode(_ yaml: String) throws(ConfigurationError) -> TerritoryDesignRequest {
        try YAMLConfiguration(yaml: yaml, file: "design.yaml").decodeRequest()
    }

    @Test func decodedDefaultsAreTheDefaultsOfTheType() throws {
        var expected = TerritoryDesignRequest(
            accounts: "a.csv", territories: "t.csv", measures: [MeasureSpec(name: "potential")])
        #expect(try decode(Self.base) == expected)
        expected.tolerance = 0.02
        #expect(try decode(Self.base + "tolerance: 0.02\n").balanceMeasures.map(\.tolerance) == [0.02])
        #expect(TerritoryDesignRequest().balanceMeasures.isEmpty)
        #expect(try MeasureSpec(parsing: "workload:0.1:capacity").tolerance == 0.1)
        #expect(try MeasureSpec(parsing: "workload").tolerance == nil)
    }

    /// `weight:` (the flag's name, not the key's) was silently ignored before.
    @Test func flagNamesAndTyposInAConfigAreUnknownKeys() {
        #expect {
            try decode(Self.base + "weight: potential\n")
        } throws: { error in
            let e = error as? ConfigurationError
            return e?.kind == .unknownKey && e?.line == 4 && e?.keyPath == "weight"
                && e?.message.contains("did you mean `weightMeasure`?") == true
        }
        #expect {
            try decode("accounts: a.csv\nterritories: t.csv\nmeasures:\n  - name: potential\n    targt: capacity\n")
        } throws: { error in
            "\(error)".hasPrefix("design.yaml:5:5: measures[0].targt: unknown key `targt`; did you mean `target`?")
        }
        #expect {
            try decode(Self.base + "time_limit: 5\n")
        } throws: { error in
            "\(error)".contains("did you mean `timeLimit`?")
        }
    }

    @Test func badValuesInTheFileAreLocatedAtTheirKey() {
        #expect {
            try decode(Self.base + "maxMovedShare: 1.5\n")
        } throws: { error in
            "\(error)" == "design.yaml:4:1: maxMovedShare: maxMovedShare = 1.5: expected a share in 0...1"
        }
        #expect {
            try decode("accounts: a.csv\nterritories: t.csv\nmeasures:\n  - name: p\n    tolerance: -1\n")
        } throws: { error in
            (error as? ConfigurationError)?.line == 5
                && (error as? ConfigurationError)?.keyPath == "measures[0].tolerance"
        }
        #expect {
            try decode(Self.base + "timeLimit: .nan\n")
        } throws: { error in
            (error as? ConfigurationError)?.keyPath == "timeLimit"
        }
        #expect {
            try decode(Self.base + "metric: manhattan\n")
        } throws: { error in
            "\(error)" == "design.yaml:4:9: metric: expected one of haversine, euclidean (got \"manhattan\")"
        }
    }

    @Test func validateNamesEveryBadKey() {
        var request = TerritoryDesignRequest(
            accounts: "a", territories: "t", measures: [MeasureSpec(name: "p"), MeasureSpec(name: "p")])
        request.workers = 0
        request.timeLimit = 1e16
        request.weightMeasure = "nope"
        let keys = request.problems().compactMap(\.requestKey)
        #expect(keys == ["measures[1].name", "weightMeasure", "timeLimit", "workers"])
        #expect(
            throws: TerritoryError.invalidRequest(
                key: "measures[1].name", value: "p", expected: "a name not used by another measure")
        ) {
            try request.validate()
        }
    }

    @Test func configurationKeysAreTheCodingKeys() {
        let keys = TerritoryDesignRequest.configurationKeys
        #expect(
            keys.first == "accounts" && keys.contains("weightMeasure") && keys.contains("tolerance") && keys.count == 24
        )
    }

    @Test func docExampleRunsAsWritten() throws {
        var request = TerritoryDesignRequest(
            accounts: "accounts.csv", territories: "territories.csv",
            measures: [MeasureSpec(name: "potential")])
        request.maxMovedShare = 0.15
        try request.validate()
    }
}
