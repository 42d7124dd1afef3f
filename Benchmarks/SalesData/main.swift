import Foundation
import SalesData

let path = CommandLine.arguments[1]
let t0 = Date()
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
let t1 = Date()
let accounts = try AccountCSV.decode(bytes)
let t2 = Date()
print(accounts.count, "read", t1.timeIntervalSince(t0), "decode", t2.timeIntervalSince(t1))
