import Foundation
import SalesData
import Testing

@testable import Segmentation

@Suite struct TierAndRuleTests {
    @Test func abcTiersFollowCumulativeShares() throws {
        // Total 100. Before x: 0 → A; before y: 70 % → A; before z: 90 % → B; before w: 98 % → C.
        let tiers = try TierAssignment.abc(ids: ["w", "x", "y", "z"], values: [2, 70, 20, 8])
        #expect(tiers == ["C", "A", "A", "B"])
    }

    @Test func decilesRankLargestFirstWithTiesById() throws {
        let ids = (1...20).map { String(format: "a%02d", $0) }
        let values: [Double?] = (1...20).map { Double($0 <= 10 ? 5 : $0) }
        let deciles = try TierAssignment.deciles(ids: ids, values: values)
        #expect(deciles[19] == 1 && deciles[18] == 1)  // 20 and 19 are the top tenth
        #expect(deciles[0] == 6 && deciles[9] == 10)  // tied 5s ranked by id: a01 first, a10 last
        #expect(throws: SegmentationError.self) { try TierAssignment.abc(ids: ["a"], values: [-1]) }
    }

    static let rules = """
        default: SMB
        rules:
          - name: large-by-employees
            bucket: Enterprise
            when: { employees: { gte: 1000 } }
          - name: mid-by-revenue
            bucket: Mid-Market
            when:
              revenue: { gte: 50000000 }
              industry: { ne: Government }
          - name: public-sector
            bucket: Public
            when: { industry: { in: [Government, Education] } }
        """

    @Test func firstMatchingRuleWinsAndIsRecorded() throws {
        let rules = try BucketRules(yaml: Self.rules, file: "segments.yaml")
        let table = try ColumnTable(
            csv: """
                id,employees,revenue,industry
                a,5000,1000,Retail
                b,10,60000000,Retail
                c,10,60000000,Government
                d,10,100,Retail
                e,,100,Education
                """, file: "accounts.csv")
        let assigned = try rules.assign(table)
        #expect(assigned.map(\.bucket) == ["Enterprise", "Mid-Market", "Public", "SMB", "Public"])
        #expect(
            assigned.map(\.rule) == [
                "large-by-employees", "mid-by-revenue", "public-sector", "default", "public-sector",
            ])
    }

    @Test func badRuleFilesAreClearErrors() throws {
        // an unknown operator is an unknown key, located at the key, with a hint
        #expect {
            try BucketRules(yaml: "rules:\n  - bucket: E\n    when: { employees: { gtee: 5 } }\n", file: "r.yaml")
        } throws: { error in
            "\(error)".hasPrefix("r.yaml:3:26: rules[0].when.employees.gtee: unknown key `gtee`; did you mean `gte`?")
        }
        #expect {
            try BucketRules(yaml: "rules:\n  - when: { employees: { gt: 5 } }\n", file: "r.yaml")
        } throws: { error in
            "\(error)" == "r.yaml:2:5: rules[0]: missing required key `bucket`"
        }
        #expect {
            try BucketRules(yaml: "default: SMB\nrules:\n  - bucket: E\n    when: {}\n", file: "r.yaml")
        } throws: { error in
            "\(error)".hasPrefix("r.yaml:4:5: rules[0].when:")
        }
        // a misspelt top-level key was silently ignored before
        #expect {
            try BucketRules(
                yaml: "defualt: SMB\nrules:\n  - bucket: E\n    when: { employees: { gt: 5 } }\n", file: "r.yaml")
        } throws: { error in
            "\(error)".hasPrefix("r.yaml:1:1: defualt: unknown key `defualt`; did you mean `default`?")
        }
        let rules = try BucketRules(
            yaml: "rules:\n  - name: big\n    bucket: E\n    when: { staff: { gt: 5 } }\n", file: "r.yaml")
        #expect(throws: SegmentationError.unknownRuleColumn(file: "r.yaml", rule: "big", column: "staff")) {
            try rules.assign(ColumnTable(csv: "id,employees\na,1\n", file: "a.csv"))
        }
    }

    @Test func segmenterWritesOneRowPerAccount() throws {
        let table = try ColumnTable(
            csv: "id,employees,revenue,industry\na,1,10,X\nb,2,20,X\nc,100,900,Y\nd,120,1000,Y\n", file: "a.csv")
        let result = try AccountSegmenter(
            features: ["employees", "revenue"], logFeatures: ["revenue"], clusters: .fixed(2), restarts: 3, seed: 4,
            tierMeasure: "revenue", rules: BucketRules(yaml: Self.rules, file: "s.yaml")
        ).segment(table)
        let lines = result.csv().split(separator: "\n")
        #expect(lines.first == "id,segment_cluster,segment_abc,segment_decile,segment_bucket,segment_rule")
        #expect(lines.count == 5)
        #expect(result.clustering?.labels[0] == result.clustering?.labels[1])
    }
}
