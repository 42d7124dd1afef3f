import Foundation

extension SiblingAllocation {
    /// The group as a MathProg data section for `Models/quota_allocation.mod`, so `glpsol` can
    /// solve the very LP the cascade solves.
    ///
    /// Fixed members are left out: the model sees the pool left after them.
    ///
    /// ```swift
    /// try group.mathProgData().write(toFile: "group.dat", atomically: true, encoding: .utf8)
    /// // glpsol -m Models/quota_allocation.mod -d group.dat
    /// ```
    public func mathProgData(pinned: Set<QuotaNodeID> = []) -> String {
        let flexible = members.filter { $0.fixed == nil }
        func symbol(_ id: QuotaNodeID) -> String { "'\(id.rawValue.replacingOccurrences(of: "'", with: "''"))'" }
        func number(_ x: Double) -> String { String(format: "%.17g", x) }
        var out = "data;\n"
        out += "set I := \(flexible.map { symbol($0.id) }.joined(separator: " "));\n"
        out += "param available := \(number(available));\n"
        out += "param t := \(flexible.map { "\(symbol($0.id)) \(number($0.target))" }.joined(separator: " "));\n"
        let floors = flexible.filter { $0.lower > 0 }
        if !floors.isEmpty {
            out += "param lo := \(floors.map { "\(symbol($0.id)) \(number($0.lower))" }.joined(separator: " "));\n"
        }
        let caps = flexible.filter { $0.upper.isFinite }
        if !caps.isEmpty {
            out += "param up := \(caps.map { "\(symbol($0.id)) \(number($0.upper))" }.joined(separator: " "));\n"
        }
        let pins = flexible.filter { pinned.contains($0.id) }
        if !pins.isEmpty { out += "param pin := \(pins.map { "\(symbol($0.id)) 1" }.joined(separator: " "));\n" }
        return out + "end;\n"
    }
}
