import Foundation

/// Real US places and counties (GeoNames and US Census TIGER/Line, see `Data/geo/README.md`) that
/// the demo company is built on.
///
/// ```swift
/// let geography = try USGeography.load(from: URL(fileURLWithPath: "Data/geo"))
/// geography.cities.count       // 21783
/// ```
///
/// Attribution for data derived from these files:
/// - Contains data from GeoNames (geonames.org), CC BY 4.0.
/// - Source: U.S. Census Bureau, TIGER/Line Shapefiles.
public struct USGeography: Sendable {
    /// A populated place.
    public struct City: Sendable, Hashable {
        public var id: String
        public var name: String
        /// Two-letter state code.
        public var state: String
        public var countyFIPS: String
        public var location: GeoPoint
        public var population: Int
    }

    /// A county with a representative point inside it.
    public struct County: Sendable, Hashable {
        public var fips: String
        public var state: String
        public var name: String
        public var representativePoint: GeoPoint
        /// County unemployment rate in 2009, percent (BLS); nil when unknown.
        public var unemploymentRate: Double?
    }

    public var cities: [City]
    public var counties: [County]
    /// Pairs of adjacent county FIPS codes, `a < b`.
    public var adjacency: [(String, String)]

    public init(cities: [City], counties: [County], adjacency: [(String, String)] = []) {
        self.cities = cities
        self.counties = counties
        self.adjacency = adjacency
    }

    /// The attribution lines every file derived from this data must carry.
    public static let attribution = [
        "Contains data from GeoNames (geonames.org), CC BY 4.0.",
        "Source: U.S. Census Bureau, TIGER/Line Shapefiles.",
    ]

    /// Loads `cities.csv`, `counties.csv` and `county_adjacency.csv` from `folder` (the layout of
    /// `Data/geo`); the column names of `../shared/data/us_*.csv` are accepted too.
    ///
    /// - Throws: ``SalesDataError/missingFile(path:)`` or ``SalesDataError/invalidData(_:truncated:)``.
    public static func load(from folder: URL) throws -> USGeography {
        func first(_ names: [String]) throws -> URL {
            for name in names where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
                return folder.appendingPathComponent(name)
            }
            throw SalesDataError.missingFile(path: folder.appendingPathComponent(names[0]).path)
        }
        let cityURL = try first(["cities.csv", "us_cities.csv"])
        let countyURL = try first(["counties.csv", "us_counties.csv"])
        let adjacencyURL = try first(["county_adjacency.csv", "us_county_adjacency.csv"])
        var log = IssueLog(limit: 20)
        let cities = GeoCSV.cities.decode(try FileBytes.read(cityURL), file: cityURL.lastPathComponent, log: &log) {
            row -> City? in
            let id = row.identifier(0) ?? ""
            let name = row.string(1, required: true) ?? ""
            let state = row.identifier(2) ?? ""
            let fips = row.identifier(3) ?? ""
            let latitude = row.double(4, required: true, range: GeoPoint.latitudeRange) ?? 0
            let longitude = row.double(5, required: true, range: GeoPoint.longitudeRange) ?? 0
            let population = row.count(6, required: true) ?? 0
            return City(
                id: id, name: name, state: state, countyFIPS: fips,
                location: GeoPoint(latitude: latitude, longitude: longitude), population: population)
        }
        let counties = GeoCSV.counties.decode(
            try FileBytes.read(countyURL), file: countyURL.lastPathComponent, log: &log
        ) { row -> County? in
            let fips = row.identifier(0) ?? ""
            let state = row.identifier(1) ?? ""
            let name = row.string(2, required: true) ?? ""
            let latitude = row.double(3, required: true, range: GeoPoint.latitudeRange) ?? 0
            let longitude = row.double(4, required: true, range: GeoPoint.longitudeRange) ?? 0
            return County(
                fips: fips, state: state, name: name,
                representativePoint: GeoPoint(latitude: latitude, longitude: longitude),
                unemploymentRate: row.double(5, range: 0...100))
        }
        let pairs = GeoCSV.adjacency.decode(
            try FileBytes.read(adjacencyURL), file: adjacencyURL.lastPathComponent, log: &log
        ) { row -> (String, String)? in
            (row.identifier(0) ?? "", row.identifier(1) ?? "")
        }
        try log.throwIfAny()
        return USGeography(cities: cities.values, counties: counties.values, adjacency: pairs.values)
    }

    /// Unemployment rate by county FIPS.
    func unemploymentByCounty() -> [String: Double] {
        var result: [String: Double] = [:]
        for county in counties { if let rate = county.unemploymentRate { result[county.fips] = rate } }
        return result
    }
}

/// Schemas of the geography files.
enum GeoCSV {
    static let cities = CSVSchema(
        fileName: "cities.csv",
        columns: [
            CSVColumn("id", required: true, "GeoNames id."),
            CSVColumn("name", required: true, "Place name."),
            CSVColumn("state", required: true, "Two-letter state code."),
            CSVColumn("county_fips", required: true, "Five-digit county FIPS code."),
            CSVColumn("latitude", required: true, "Decimal degrees."),
            CSVColumn("longitude", required: true, "Decimal degrees."),
            CSVColumn("population", required: true, "GeoNames population."),
        ])
    static let counties = CSVSchema(
        fileName: "counties.csv",
        columns: [
            CSVColumn("fips", required: true, "Five-digit county FIPS code."),
            CSVColumn("state", required: true, "Two-letter state code."),
            CSVColumn("name", required: true, "County name."),
            CSVColumn("rep_latitude", required: true, "A point inside the county."),
            CSVColumn("rep_longitude", required: true, "A point inside the county."),
            CSVColumn("unemployment_rate_2009", "BLS 2009 county unemployment, percent."),
        ])
    static let adjacency = CSVSchema(
        fileName: "county_adjacency.csv",
        columns: [
            CSVColumn("fips_a", required: true, "County FIPS, the smaller of the pair."),
            CSVColumn("fips_b", required: true, "County FIPS, the larger of the pair."),
        ])
}
