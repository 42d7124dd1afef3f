import Foundation
import SalesData

/// Light outlines of places: the states of `Data/geo/us-states.csv` or the counties of
/// `Data/geo/us-counties.csv`, as rings of (longitude, latitude) per place.
struct GeoOutline: Sendable {
    /// One ring of one place.
    struct Ring: Sendable {
        /// The place: a state's USPS code, or a county's FIPS code.
        var place: String
        /// The state the ring lies in (the map draws Alaska and Hawaii as insets).
        var state: String
        var points: [(longitude: Double, latitude: Double)]
    }

    var rings: [Ring]

    /// Reads `[place column,]state,part,longitude,latitude` rows.
    ///
    /// Consecutive rows with the same place and part form a ring. Without `placeColumn` the place is
    /// the state.
    static func load(_ url: URL, placeColumn: String? = nil) throws -> GeoOutline {
        let table = try ColumnTable(contentsOf: url)
        let states = try table.strings("state"), parts = try table.strings("part")
        let places = try placeColumn.map { try table.strings($0) } ?? states
        let longitude = try table.numbers("longitude"), latitude = try table.numbers("latitude")
        var rings: [Ring] = []
        var key = ""
        for r in 0..<table.rowCount {
            guard let lon = longitude[r], let lat = latitude[r], let state = states[r], let place = places[r] else {
                throw ReportsError.badFile(
                    file: table.file, line: table.lineNumbers[r], reason: "a vertex without a place or a coordinate")
            }
            let rowKey = place + "/" + (parts[r] ?? "")
            if rowKey != key || rings.isEmpty {
                rings.append(Ring(place: place, state: state, points: []))
                key = rowKey
            }
            rings[rings.count - 1].points.append((lon, lat))
        }
        return GeoOutline(rings: rings)
    }

    /// The states' outline, `state,part,longitude,latitude`.
    static func states(_ url: URL) throws -> GeoOutline { try load(url) }

    /// The counties' outline, `fips,state,part,longitude,latitude`.
    static func counties(_ url: URL) throws -> GeoOutline { try load(url, placeColumn: "fips") }
}
