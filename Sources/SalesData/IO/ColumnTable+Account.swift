import Foundation

extension ColumnTable {
    /// Accounts as a table under the `accounts.csv` column names (`id`, `industry`, `employees`,
    /// `annual_revenue`, `segment`, `county_fips`, `prior_year_sales`, `ttm_sales`, `latitude`,
    /// `longitude`) plus one column per attribute name (for example `potential`, `workload`), so that
    /// segmentation and scoring can run on loaded ``Account`` values as well as on CSV files.
    ///
    /// ```swift
    /// let table = ColumnTable(accounts: dataset.accounts)
    /// try table.numbers("employees")
    /// ```
    public init(accounts: [Account]) {
        func text(_ value: Double?) -> String? { value.map { "\($0)" } }
        var names = [
            "id", "industry", "employees", "annual_revenue", "segment", "county_fips", "prior_year_sales", "ttm_sales",
            "latitude",
            "longitude",
        ]
        var columns: [[String?]] = [
            accounts.map { $0.id.rawValue }, accounts.map(\.industry), accounts.map { $0.employees.map(String.init) },
            accounts.map { text($0.annualRevenue) }, accounts.map(\.segment), accounts.map(\.countyFIPS),
            accounts.map { "\($0.priorYearSales)" }, accounts.map { "\($0.trailingTwelveMonthSales)" },
            accounts.map { "\($0.location.latitude)" }, accounts.map { "\($0.location.longitude)" },
        ]
        let attributes = Set(accounts.flatMap(\.attributes.keys)).subtracting(names).sorted()
        for name in attributes {
            names.append(name)
            columns.append(accounts.map { text($0.attributes[name]) })
        }
        self.init(uncheckedFile: "accounts", columnNames: names, columns: columns)
    }

    init(uncheckedFile file: String, columnNames: [String], columns: [[String?]]) {
        // Names are distinct and columns equal in length by construction.
        do { try self.init(file: file, columnNames: columnNames, columns: columns) } catch {
            preconditionFailure("\(error)")
        }
    }
}
