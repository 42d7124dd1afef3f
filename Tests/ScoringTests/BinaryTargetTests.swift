import Foundation
import SalesData
import TestSupport
import Testing

@testable import Scoring

@Suite struct BinaryTargetTests {
    @Test func yesNoTrueFalseAndDigitsReadInAnyCase() throws {
        let table = try ColumnTable(
            csv: "id,won\nA,Yes\nB,no\nC,TRUE\nD,false\nE,y\nF,N\nG,1\nH,0\nI,1.0\nJ, yes \n", file: "t.csv")
        #expect(try BinaryTarget(column: "won").labels(table) == [1, 0, 1, 0, 1, 0, 1, 0, 1, 1])
    }

    @Test func aThirdValueIsLocatedByFileLineAndColumn() throws {
        let table = try ColumnTable(csv: "id,size,won\nA,1,yes\nB,2,no\nC,3,maybe\n", file: "leads.csv")
        let error = ScoringError.badLabel(
            file: "leads.csv", line: 4, column: 3, name: "won", value: "maybe",
            expected:
                "yes/no, true/false, y/n or 1/0 (any case); name the positive value with --positive-label for other words"
        )
        #expect(throws: error) { try BinaryTarget(column: "won").labels(table) }
        #expect(error.description.hasPrefix("leads.csv:4:3: column 'won': 'maybe' is not accepted"))
    }

    @Test func aMissingLabelIsAnError() throws {
        let table = try ColumnTable(csv: "id,won\nA,yes\nB,\n", file: "t.csv")
        #expect(throws: ScoringError.self) { try BinaryTarget(column: "won").labels(table) }
    }

    @Test func aNamedPositiveLabelMakesTheOneOtherValueNegative() throws {
        let table = try ColumnTable(csv: "stage\nWon\nLost\nwon\nLOST\n", file: "deals.csv")
        #expect(try BinaryTarget(column: "stage", positiveLabel: "won").labels(table) == [1, 0, 1, 0])
        let three = try ColumnTable(csv: "stage\nWon\nLost\nOpen\n", file: "deals.csv")
        #expect(
            throws: ScoringError.badLabel(
                file: "deals.csv", line: 4, column: 1, name: "stage", value: "Open",
                expected: "'Won' (positive) or 'Lost' (negative): a binary target has two values")
        ) {
            try BinaryTarget(column: "stage", positiveLabel: "Won").labels(three)
        }
    }

    @Test func aHugeBadValueIsQuotedShort() throws {
        let huge = String(repeating: "x", count: 10_000)
        let table = try ColumnTable(csv: "won\nyes\n\(huge)\n", file: "t.csv")
        do {
            _ = try BinaryTarget(column: "won").labels(table)
            Issue.record("no error")
        } catch let error as ScoringError {
            #expect(error.description.count < 500)
            #expect(error.description.contains("10000 characters"))
        }
    }
}
