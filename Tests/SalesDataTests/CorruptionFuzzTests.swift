import Foundation
import TestSupport
import Testing

@testable import SalesData

/// Feeds thousands of randomly corrupted dataset folders to the loader: each must give a clean load
/// or a clean `invalidData` error with located issues, never a crash or another error.
@Suite struct CorruptionFuzzTests {
    static let files: [String: String] = [
        "accounts.csv": """
        id,name,latitude,longitude,employees,annual_revenue,owner_id,territory_id,locked,potential,workload,attr_score
        A1,"Acme, Inc.",33.7,-84.4,"1,200",5000000,R1,T1,true,12000,8.5,0.3
        A2,Beta,40.7,-74.0,15,,R2,T2,false,300,2,
        A3,"Gamma ""G""
        Co",41.9,-87.6,,,R1,T1,,,,1e-3

        """,
        "reps.csv": """
        id,name,role,manager_id,territory_id,home_latitude,home_longitude,capacity_fte,hire_date,termination_date,status
        M,Ann,Manager,,,,,1,2019-04-01,,active
        R1,Bo,AE,M,T1,33.7,-84.4,1,2023-01-09,,active
        R2,Vacant,AE,M,T2,,,0.5,,,vacant

        """,
        "territories.csv":
            "id,name,level,parent_id,owner_id\nCO,Co,company,,M\nT1,Atl,territory,CO,R1\nT2,NYC,territory,CO,R2\n",
        "opportunities.csv": """
        id,account_id,owner_id,amount,currency,stage,probability,created_date,close_date,is_closed,is_won,product
        O1,A1,R1,"48,000",USD,Closed Won,100,2024-01-08,2024-03-31,true,true,P-CORE
        O2,A2,R2,900,usd,Open,25,2024-11-01,2025-02-01,false,false,

        """,
        "transactions.csv": """
        id,type,date,account_id,opportunity_id,product,amount,currency,order_type,owner_id
        X1,booking,2024-03-31,A1,O1,P-CORE,48000,USD,new,R1
        X2,refund,2024-04-30,A1,O1,P-CORE,-500.25,USD,refund,R1

        """,
        "splits.csv":
            "transaction_id,opportunity_id,rep_id,percentage,type\nX1,,R1,60,revenue\nX1,,M,40,revenue\n,O1,M,100,overlay\n",
        "activities.csv":
            "id,type,date,account_id,rep_id,opportunity_id,subject,text\nE1,email,2024-02-01,A1,R1,O1,Hi,\"Thanks,\nsee you\"\nE2,call,2024-02-02,A2,,,,\n",
    ]

    static let nasty: [UInt8] = Array("\",\n\r -e.0159xT:;".utf8) + [0xFF, 0xC3, 0x00, 0xEF, 0xBB, 0xBF, 0x09]

    static func corrupt(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + Int(random.next() % 3)) {
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            switch random.next() % 8 {
            case 0: if !bytes.isEmpty { bytes[position] = nasty[Int(random.next() % UInt64(nasty.count))] }
            case 1: bytes.insert(nasty[Int(random.next() % UInt64(nasty.count))], at: position)
            case 2: bytes.removeSubrange(position..<min(bytes.count, position + 1 + Int(random.next() % 12)))
            case 3: bytes = Array(bytes.prefix(position))
            case 4:
                // Duplicate a line.
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                let line = lines[Int(random.next() % UInt64(lines.count))]
                bytes.insert(contentsOf: Array(line) + [0x0A], at: min(bytes.count, position))
            case 5: bytes = [0xEF, 0xBB, 0xBF] + bytes.map { $0 == 0x0A ? 0x0A : $0 }
            case 6:
                bytes = Array(
                    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: [0x0D, 0x0A]))
            default:
                // Replace a field's digits with something else.
                if let index = bytes[position...].firstIndex(where: { (0x30...0x39).contains($0) }) {
                    bytes.replaceSubrange(
                        index...index,
                        with: Array(
                            ["NaN", "-1", "1e999", "99999999999999999999", "", "½"][Int(random.next() % 6)].utf8))
                }
            }
        }
        return bytes
    }

    @Test func theUncorruptedFolderLoads() throws {
        let data = try SalesDataset.decode(files: Self.files.mapValues { Array($0.utf8) })
        #expect(data.accounts.map(\.name) == ["Acme, Inc.", "Beta", "Gamma \"G\"\nCo"])
        #expect(data.accounts[0].attributes == ["potential": 12000, "workload": 8.5, "score": 0.3])
        #expect(data.transactions[0].splits.count == 2 && data.opportunities[0].splits.count == 1)
        #expect(data.activities[0].text == "Thanks,\nsee you")
    }

    @Test(arguments: [1, 2])
    func corruptedFoldersLoadOrFailCleanly(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let names = Self.files.keys.sorted()
        var loads = 0
        var failures = 0
        for _ in 0..<1000 {
            var files = Self.files.mapValues { Array($0.utf8) }
            let name = names[Int(random.next() % UInt64(names.count))]
            files[name] = Self.corrupt(files[name] ?? [], &random)
            do {
                _ = try SalesDataset.decode(files: files, issueLimit: 50)
                loads += 1
            } catch let SalesDataError.invalidData(issues, _) {
                failures += 1
                #expect(!issues.isEmpty && issues.count <= 50)
                for issue in issues {
                    #expect(SalesDataset.fileNames.contains(issue.file), "\(issue)")
                    #expect(issue.line >= 0 && issue.column >= 0 && !issue.message.isEmpty, "\(issue)")
                }
            } catch {
                Issue.record("corrupting \(name) gave an unexpected error: \(error)")
            }
        }
        #expect(loads > 0 && failures > 0)
    }

    @Test func randomBytesNeverCrashTheReaderOrTheNumberParser() {
        var random = SplitMix64(seed: 99)
        for _ in 0..<2000 {
            let bytes = (0..<Int(random.next() % 64)).map { _ in
                Self.nasty[Int(random.next() % UInt64(Self.nasty.count))]
            }
            var fields = 0
            CSVReader(bytes: bytes).forEachRecord { record in
                for index in 0..<record.count {
                    _ = record.string(at: index)
                    fields += 1
                    if case .value(let value) = record.rawBytes(at: index).withMemoryRebound(
                        to: UInt8.self, { NumberParser.parse($0, thousandsSeparators: true) })
                    {
                        #expect(value.isFinite)
                    }
                }
            }
            #expect(fields >= 0)
        }
    }
}
