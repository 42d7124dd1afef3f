import SalesData

extension CapacityPlan {
    /// The files of a plan: `hires.csv`, `headcount.csv`, `quarters.csv` and `summary.txt`.
    ///
    /// `hires.csv` and `headcount.csv` hold only a header when no plan is held (infeasible or
    /// stopped); `quarters.csv` then holds the elastic plan's shortfalls when infeasible.
    public func files() -> [(name: String, bytes: [UInt8])] {
        var hiresCSV = CSVWriter()
        hiresCSV.writeRow(["role", "decision_month", "start_month", "hires"])
        for hire in hires {
            hiresCSV.writeRow([hire.role, "\(hire.decisionMonth)", "\(hire.startMonth)", "\(hire.count)"])
        }
        var monthsCSV = CSVWriter()
        monthsCSV.writeRow(["role", "month", "expected_headcount", "capacity"])
        for row in months {
            monthsCSV.field(row.role)
            monthsCSV.field("\(row.month)")
            monthsCSV.number(row.headcount, decimals: 4)
            monthsCSV.number(row.capacity, decimals: 2)
            monthsCSV.endRow()
        }
        var quartersCSV = CSVWriter()
        quartersCSV.writeRow(["quarter", "quota", "required", "capacity", "shortfall"])
        for row in quarters {
            quartersCSV.field("Q\(row.quarter)")
            for value in [row.quota, row.required, row.capacity, row.shortfall] {
                quartersCSV.number(value, decimals: 2)
            }
            quartersCSV.endRow()
        }
        return [
            ("hires.csv", hiresCSV.bytes), ("headcount.csv", monthsCSV.bytes), ("quarters.csv", quartersCSV.bytes),
            ("summary.txt", Array((summary + "\n").utf8)),
        ]
    }
}
