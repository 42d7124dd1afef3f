import Foundation
import SalesData

/// The light state outline of `Data/geo/us-states.csv`: rings of (longitude, latitude) per state.
struct StateOutline: Sendable {
    /// One ring of one state.
    struct Ring: Sendable {
        var state: String
        var points: [(longitude: Double, latitude: Double)]
    }

    var rings: [Ring]

    /// Reads `state,part,longitude,latitude` rows; consecutive rows with the same state and part form a ring.
    static func load(_ url: URL) throws -> StateOutline {
        let table = try ColumnTable(contentsOf: url)
        let states = try table.strings("state"), parts = try table.strings("part")
        let longitude = try table.numbers("longitude"), latitude = try table.numbers("latitude")
        var rings: [Ring] = []
        var key = ""
        for r in 0..<table.rowCount {
            guard let lon = longitude[r], let lat = latitude[r], let state = states[r] else {
                throw ReportsError.badFile(
                    file: table.file, line: table.lineNumbers[r], reason: "a vertex without a state or a coordinate")
            }
            let rowKey = state + "/" + (parts[r] ?? "")
            if rowKey != key || rings.isEmpty {
                rings.append(Ring(state: state, points: []))
                key = rowKey
            }
            rings[rings.count - 1].points.append((lon, lat))
        }
        return StateOutline(rings: rings)
    }
}
