import Dispatch
import Foundation

/// Reads and writes `accounts.csv`.
///
/// ```swift
/// let csv = "Id,Name,BillingLatitude,BillingLongitude,AnnualRevenue\nA-1,Acme,33.75,-84.39,\"1,200,000\"\n"
/// let accounts = try AccountCSV.decode(Array(csv.utf8))
/// accounts[0].annualRevenue      // 1200000
/// ```
///
/// Header names follow ``schema``; Salesforce export names are accepted as aliases. Extra columns
/// named `attr_<name>` become numeric ``Account/attributes``; other unknown columns are ignored.
public enum AccountCSV {
    enum Column: Int, CaseIterable {
        case id, name, latitude, longitude, postalCode, countyFIPS, industry, employees, annualRevenue, segment
        case parentID, ownerID, territoryID, locked, priorYearSales, ttmSales, potential, workload
    }

    /// The columns of `accounts.csv`.
    public static let schema = CSVSchema(
        fileName: "accounts.csv",
        columns: [
            CSVColumn("id", aliases: ["Id", "AccountId", "account_id"], required: true, "Unique account id."),
            CSVColumn("name", aliases: ["Name", "AccountName", "account_name"], required: true, "Company name."),
            CSVColumn("latitude", aliases: ["BillingLatitude", "lat"], required: true, "Decimal degrees, -90...90."),
            CSVColumn(
                "longitude", aliases: ["BillingLongitude", "lon", "lng"], required: true, "Decimal degrees, -180...180."
            ),
            CSVColumn(
                "postal_code", aliases: ["BillingPostalCode", "zip", "zip_code", "postcode"],
                "Postal code, kept as text."),
            CSVColumn("county_fips", aliases: ["fips", "county_code"], "Five-digit US county FIPS code."),
            CSVColumn("industry", aliases: ["Industry"], "Industry label."),
            CSVColumn(
                "employees", aliases: ["NumberOfEmployees", "employee_count"], thousandsSeparators: true,
                "Head count, whole number ≥ 0."),
            CSVColumn(
                "annual_revenue", aliases: ["AnnualRevenue", "revenue"], thousandsSeparators: true,
                "Customer's annual revenue, ≥ 0."),
            CSVColumn(
                "segment", aliases: ["Segment", "Segment__c"], "Segment label, e.g. Enterprise, Mid-Market, SMB."),
            CSVColumn("parent_id", aliases: ["ParentId"], "Parent account id; must exist in the file."),
            CSVColumn("owner_id", aliases: ["OwnerId", "rep_id"], "Current owner; must exist in reps.csv."),
            CSVColumn(
                "territory_id", aliases: ["TerritoryId", "Territory"],
                "Current territory; must exist in territories.csv."),
            CSVColumn("locked", aliases: ["is_locked", "IsLocked"], "true/false: keep in its territory."),
            CSVColumn(
                "prior_year_sales", aliases: ["PriorYearSales"], thousandsSeparators: true,
                "Our sales last fiscal year, finite."),
            CSVColumn(
                "ttm_sales", aliases: ["trailing_twelve_month_sales", "TTMSales"], thousandsSeparators: true,
                "Our sales, trailing 12 months, finite."),
            CSVColumn(
                "potential", aliases: ["Potential__c"], thousandsSeparators: true,
                "Attribute `potential`: yearly sales potential, ≥ 0."),
            CSVColumn(
                "workload", aliases: ["Workload__c"], thousandsSeparators: true,
                "Attribute `workload`: hours of selling effort per year, ≥ 0."),
        ])

    /// Prefix of extra columns read as numeric attributes.
    public static let attributePrefix = "attr_"

    /// Decodes and validates the accounts in `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The file contents (UTF-8, with or without BOM).
    ///   - file: The name used in error messages.
    ///   - issueLimit: Stop collecting problems after this many.
    /// - Returns: The decoded accounts.
    /// - Throws: ``SalesDataError/invalidData(_:truncated:)`` listing every problem; nothing is returned then.
    public static func decode(_ bytes: [UInt8], file: String = "accounts.csv", issueLimit: Int = 100) throws
        -> [Account]
    {
        var log = IssueLog(limit: issueLimit)
        let decoded = decode(bytes, file: file, log: &log)
        try log.throwIfAny()
        return decoded.values
    }

    /// Reads and validates the accounts file at `url` (see ``decode(_:file:issueLimit:)``).
    ///
    /// - Throws: ``SalesDataError/missingFile(path:)``, a read error, or
    ///   ``SalesDataError/invalidData(_:truncated:)``.
    public static func load(from url: URL, issueLimit: Int = 100) throws -> [Account] {
        try decode(try FileBytes.read(url), file: url.lastPathComponent, issueLimit: issueLimit)
    }

    static func decode(_ bytes: [UInt8], file: String, log: inout IssueLog, chunking: Chunking = .automatic) -> Decoded<
        Account
    > {
        let decoded = schema.decode(
            bytes, file: file, log: &log, id: { $0.id.rawValue }, chunking: chunking, row: account(from:))
        // Parent links must point inside the file: checked in slices on all cores, reported in file order.
        let slices = decoded.values.count > 100_000 ? 4 * CSVSchema.cores : 1
        let sliceLength = (decoded.values.count + slices - 1) / slices
        let found = Slots([[SalesDataIssue]](repeating: [], count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var issues: [SalesDataIssue] = []
            for index in (slice * sliceLength)..<min(decoded.values.count, (slice + 1) * sliceLength) {
                if let parent = decoded.values[index].parentID, !decoded.contains(parent) {
                    issues.append(
                        SalesDataIssue(
                            .danglingReference, file: file, line: decoded.lines[index],
                            column: 0, field: "parent_id", value: parent.rawValue, expected: "an id in \(file)",
                            message: "parent_id: account \(parent) does not exist in \(file)"))
                }
            }
            found.items[slice] = issues
        }
        for issue in found.items.joined() { log.add(issue) }
        return decoded
    }

    /// The account in the current record of `row`, with every problem logged.
    private static func account(from row: RowReader) -> Account? {
        typealias C = Column
        let id = row.identifier(C.id.rawValue).map(AccountID.init)
        let name = row.string(C.name.rawValue, required: true)
        let latitude = row.double(C.latitude.rawValue, required: true, range: GeoPoint.latitudeRange)
        let longitude = row.double(C.longitude.rawValue, required: true, range: GeoPoint.longitudeRange)
        let postalCode = row.identifier(C.postalCode.rawValue, required: false)
        let countyFIPS = row.identifier(C.countyFIPS.rawValue, required: false)
        let industry = row.label(C.industry.rawValue, required: false)
        let employees = row.count(C.employees.rawValue)
        let revenue = row.double(
            C.annualRevenue.rawValue, range: 0...Double.greatestFiniteMagnitude, rangeText: "a number ≥ 0")
        let segment = row.label(C.segment.rawValue, required: false)
        let parentID = row.identifier(C.parentID.rawValue, required: false).map(AccountID.init)
        let ownerID = row.identifier(C.ownerID.rawValue, required: false).map(RepID.init)
        let territoryID = row.identifier(C.territoryID.rawValue, required: false).map(TerritoryID.init)
        let isLocked = row.bool(C.locked.rawValue)
        let priorYearSales = row.double(C.priorYearSales.rawValue) ?? 0
        let ttmSales = row.double(C.ttmSales.rawValue) ?? 0
        let nonNegative = 0...Double.greatestFiniteMagnitude
        let potential = row.double(C.potential.rawValue, range: nonNegative, rangeText: "a number ≥ 0")
        let workload = row.double(C.workload.rawValue, range: nonNegative, rangeText: "a number ≥ 0")
        let extras = row.attributeFields
        var attributes: [String: Double] = [:]
        if let potential, let workload, extras.isEmpty {
            // The common row, built from the reader's template without hashing the keys.
            attributes = row.pair(("potential", potential), ("workload", workload))
        } else if potential != nil || workload != nil || !extras.isEmpty {
            // Sized once: growing a dictionary entry by entry costs a reallocation per entry.
            attributes = [String: Double](minimumCapacity: 2 + extras.count)
            if let potential { attributes["potential"] = potential }
            if let workload { attributes["workload"] = workload }
            for extra in extras {
                if let value = row.extraNumber(field: extra.field, name: extra.name) { attributes[extra.name] = value }
            }
        }
        return Account(
            id: id ?? "", name: name ?? "", location: GeoPoint(latitude: latitude ?? 0, longitude: longitude ?? 0),
            postalCode: postalCode, countyFIPS: countyFIPS, industry: industry, employees: employees,
            annualRevenue: revenue,
            segment: segment, parentID: parentID, ownerID: ownerID, territoryID: territoryID, isLocked: isLocked,
            priorYearSales: priorYearSales, trailingTwelveMonthSales: ttmSales, attributes: attributes)
    }

    /// Writes `accounts` with the canonical header; attributes other than `potential` and `workload`
    /// become `attr_<name>` columns in name order.
    public static func encode(_ accounts: [Account]) -> [UInt8] {
        let extra = Set(accounts.flatMap(\.attributes.keys)).subtracting(["potential", "workload"]).sorted()
        var writer = CSVWriter()
        writer.writeRow(schema.columns.map(\.name) + extra.map { attributePrefix + $0 })
        for account in accounts {
            writer.field(account.id.rawValue)
            writer.field(account.name)
            writer.number(account.location.latitude)
            writer.number(account.location.longitude)
            writer.field(account.postalCode)
            writer.field(account.countyFIPS)
            writer.field(account.industry)
            writer.number(account.employees.map(Double.init))
            writer.number(account.annualRevenue)
            writer.field(account.segment)
            writer.field(account.parentID?.rawValue)
            writer.field(account.ownerID?.rawValue)
            writer.field(account.territoryID?.rawValue)
            writer.field(account.isLocked ? "true" : "false")
            writer.number(account.priorYearSales)
            writer.number(account.trailingTwelveMonthSales)
            writer.number(account.attributes["potential"])
            writer.number(account.attributes["workload"])
            for name in extra { writer.number(account.attributes[name]) }
            writer.endRow()
        }
        return writer.bytes
    }
}
