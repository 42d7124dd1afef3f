import Foundation

/// The map: the state outline, accounts as points coloured by territory, territory outlines and
/// centres, before and after; the data for hover and the toggle goes in a JSON block.
///
/// A territory's outline is the set of its counties when the territories are built from counties
/// (see ``countyTerritories(before:index:)``) and the county outlines are at hand; otherwise the
/// convex hull of most of its accounts.
///
/// With more than ``aggregateAbove`` located accounts, points are aggregated on a 3-pixel grid
/// per (territory after, territory before, moved) and drawn with an area growing with the count.
struct MapSection {
    static let aggregateAbove = 20_000
    let results: TerritoryResults
    let outline: GeoOutline?
    var counties: GeoOutline? = nil
    let projection = MapProjection()

    /// The section's HTML (SVG plus controls and the hover data).
    func html() -> String {
        let ids = results.territories.map(\.id)
        var index = [String: Int]()
        for (i, id) in ids.enumerated() { index[id] = i }
        // projected account positions
        var points: [(x: Double, y: Double, part: MapProjection.Part, account: Int)] = []
        for (a, account) in results.accounts.enumerated() {
            guard let lat = account.latitude, let lon = account.longitude else { continue }
            let part = MapProjection.part(longitude: lon, latitude: lat)
            let p = projection.project(longitude: lon, latitude: lat, in: part)
            points.append((p.x, p.y, part, a))
        }
        let centres = territoryCentres(points: points, index: index)
        let styles = TerritoryStyles(centres: centres)
        var svg =
            "<svg id=\"map-svg\" class=\"map show-after\" viewBox=\"0 0 \(Int(MapProjection.width)) \(Int(MapProjection.height))\" role=\"img\" aria-label=\"Accounts by territory on a US map\">"
        svg += statesLayer()
        let countyBuilt = [false, true].map { countyTerritories(before: $0, index: index) }
        for (side, before) in [false, true].enumerated() {
            if let territoryOf = countyBuilt[side], let counties {
                svg += countyLayer(territoryOf, counties: counties, styles: styles, before: before)
            } else {
                svg += hullLayer(points: points, index: index, centres: centres, styles: styles, before: before)
            }
        }
        svg += pointLayer(points: points, index: index, styles: styles)
        svg += "<g class=\"centres\">"
        for (t, c) in centres.enumerated() {
            svg +=
                "<path class=\"centre\" data-t=\"\(t)\" d=\"M\(HTMLText.coordinate(c.x - 3)) \(HTMLText.coordinate(c.y))h6M\(HTMLText.coordinate(c.x)) \(HTMLText.coordinate(c.y - 3))v6\"/>"
        }
        svg += "</g></svg>"
        let located = points.count
        let moved = results.accounts.count { $0.moved }
        var html = """
            <div class="controls" role="group" aria-label="Map view">
            <button type="button" id="show-after" class="on" aria-pressed="true">After</button>
            <button type="button" id="show-before" aria-pressed="false">Before</button>
            <label><input type="checkbox" id="highlight-moved"> Highlight the \(HTMLText.number(Double(moved))) moved accounts</label>
            <span class="legend-note">\(HTMLText.number(Double(located))) accounts in \(ids.count) territories\(located > Self.aggregateAbove ? ", aggregated on a 3-pixel grid" : ""); + marks a territory centre; \(countyBuilt[0] != nil ? "each territory is drawn as the counties its accounts lie in" : "an outline wraps the \(Int(Self.outlineShare * 100)) % of a territory's accounts nearest its centre"); hover a point or an outline for its figures.</span>
            </div>
            """
        html += "<div class=\"map-wrap\">" + svg + "<div id=\"tip\" role=\"tooltip\" hidden></div></div>"
        if located < results.accounts.count {
            html +=
                "<p class=\"note\">\(HTMLText.number(Double(results.accounts.count - located))) accounts have no location and are not drawn.</p>"
        }
        html += "<script type=\"application/json\" id=\"map-data\">" + mapData(styles: styles) + "</script>"
        return html
    }

    /// Each territory's centre on the canvas: its `centre_1,centre_2` as latitude, longitude when
    /// those are valid, else the mean of its accounts' positions.
    private func territoryCentres(
        points: [(x: Double, y: Double, part: MapProjection.Part, account: Int)], index: [String: Int]
    ) -> [(x: Double, y: Double)] {
        var sums = [(Double, Double, Int)](repeating: (0, 0, 0), count: results.territories.count)
        for p in points {
            guard let t = index[results.accounts[p.account].after] else { continue }
            sums[t] = (sums[t].0 + p.x, sums[t].1 + p.y, sums[t].2 + 1)
        }
        return results.territories.enumerated().map { t, row in
            if let (lat, lon) = row.centre, abs(lat) <= 90, abs(lon) <= 180 {
                return projection.project(longitude: lon, latitude: lat)
            }
            return sums[t].2 > 0 ? (sums[t].0 / Double(sums[t].2), sums[t].1 / Double(sums[t].2)) : (0, 0)
        }
    }

    private func statesLayer() -> String {
        guard let outline else { return "<g class=\"states\"></g>" }
        var out = "<g class=\"states\">"
        for ring in outline.rings {
            let part = MapProjection.part(state: ring.state)
            var d = ""
            for (k, p) in ring.points.enumerated() {
                let q = projection.project(longitude: p.longitude, latitude: p.latitude, in: part)
                d += (k == 0 ? "M" : "L") + HTMLText.coordinate(q.x) + " " + HTMLText.coordinate(q.y)
            }
            out += "<path class=\"state\" d=\"\(d)Z\"/>"
        }
        return out + "</g>"
    }

    /// Each county's territory before or after the realignment, when the territories are built from counties.
    ///
    /// Built from counties means: every located account names its county (`county_fips`, or a `fips`
    /// id), no county's accounts lie in two territories, and the county outline has at least one of
    /// those counties. `nil` otherwise, and the map draws hulls. Accounts without a territory on that
    /// side are skipped.
    func countyTerritories(before: Bool, index: [String: Int]) -> [String: Int]? {
        guard let counties else { return nil }
        var territoryOf = [String: Int]()
        for account in results.accounts where account.latitude != nil && account.longitude != nil {
            guard let county = account.county else { return nil }
            guard let t = index[before ? account.before : account.after] else { continue }
            if let other = territoryOf.updateValue(t, forKey: county), other != t { return nil }
        }
        guard counties.rings.contains(where: { territoryOf[$0.place] != nil }) else { return nil }
        return territoryOf
    }

    /// One path per county that holds accounts, filled in its territory's colour; the counties of
    /// `territoryOf` without an outline are left out (their accounts are still drawn as points).
    private func countyLayer(
        _ territoryOf: [String: Int], counties: GeoOutline, styles: TerritoryStyles, before: Bool
    ) -> String {
        var paths = [String: String](), order: [String] = []
        for ring in counties.rings where territoryOf[ring.place] != nil {
            let part = MapProjection.part(state: ring.state)
            var d = ""
            for (k, p) in ring.points.enumerated() {
                let q = projection.project(longitude: p.longitude, latitude: p.latitude, in: part)
                d += (k == 0 ? "M" : "L") + HTMLText.coordinate(q.x) + " " + HTMLText.coordinate(q.y)
            }
            if paths[ring.place] == nil { order.append(ring.place) }
            paths[ring.place, default: ""] += d + "Z"
        }
        var out = "<g class=\"hulls counties \(before ? "hulls-before" : "hulls-after")\">"
        for county in order {
            guard let t = territoryOf[county], let d = paths[county] else { continue }
            out += "<path class=\"cty h\(styles.symbol[t])\" data-t=\"\(t)\" d=\"\(d)\"/>"
        }
        return out + "</g>"
    }

    /// The share of a territory's accounts, nearest its centre first, that its outline wraps: a
    /// few far-flung accounts would otherwise stretch every outline across the map.
    static let outlineShare = 0.8

    /// One outline per territory and map part (a territory reaching into an inset gets one there
    /// too): the convex hull of the ``outlineShare`` of its accounts nearest its centre.
    private func hullLayer(
        points: [(x: Double, y: Double, part: MapProjection.Part, account: Int)], index: [String: Int],
        centres: [(x: Double, y: Double)], styles: TerritoryStyles, before: Bool
    ) -> String {
        var groups = [Int: [(x: Double, y: Double)]]()
        for p in points {
            let account = results.accounts[p.account]
            guard let t = index[before ? account.before : account.after] else { continue }
            groups[t * 3 + p.part.rawValue, default: []].append((p.x, p.y))
        }
        var out = "<g class=\"hulls \(before ? "hulls-before" : "hulls-after")\">"
        for key in groups.keys.sorted() {
            guard let members = groups[key] else { continue }
            let c = centres[key / 3]
            let nearest = members.sorted {
                let a = ($0.x - c.x) * ($0.x - c.x) + ($0.y - c.y) * ($0.y - c.y)
                let b = ($1.x - c.x) * ($1.x - c.x) + ($1.y - c.y) * ($1.y - c.y)
                return a != b ? a < b : ($0.x, $0.y) < ($1.x, $1.y)
            }
            let kept = max(3, Int((Double(nearest.count) * Self.outlineShare).rounded(.up)))
            let hull = convexHull(Array(nearest.prefix(kept)))
            guard hull.count >= 3 else { continue }
            let t = key / 3
            let d = hull.enumerated().map {
                ($0 == 0 ? "M" : "L") + HTMLText.coordinate($1.x) + " " + HTMLText.coordinate($1.y)
            }.joined()
            out += "<path class=\"hull h\(styles.symbol[t])\" data-t=\"\(t)\" d=\"\(d)Z\"/>"
        }
        return out + "</g>"
    }

    private func pointLayer(
        points: [(x: Double, y: Double, part: MapProjection.Part, account: Int)], index: [String: Int],
        styles: TerritoryStyles
    ) -> String {
        var out = "<g class=\"points\">"
        func symbol(_ id: String) -> Int { index[id].map { styles.symbol[$0] } ?? -1 }
        if points.count <= Self.aggregateAbove {
            for p in points {
                let account = results.accounts[p.account]
                out +=
                    "<circle class=\"p s\(symbol(account.after))\(account.moved ? " mv" : "")\" data-i=\"\(p.account)\" cx=\"\(HTMLText.coordinate(p.x))\" cy=\"\(HTMLText.coordinate(p.y))\" r=\"1.5\"/>"
            }
            return out + "</g>"
        }
        struct Cell { var x = 0.0, y = 0.0, n = 0, first = 0 }
        var cells = [String: Cell]()
        var order: [String] = []
        for p in points {
            let account = results.accounts[p.account]
            let key =
                "\(Int((p.x / 3).rounded(.down))),\(Int((p.y / 3).rounded(.down))),\(account.after),\(account.before)"
            if cells[key] == nil {
                order.append(key)
                cells[key] = Cell(first: p.account)
            }
            cells[key]?.x += p.x
            cells[key]?.y += p.y
            cells[key]?.n += 1
        }
        for key in order {
            guard let cell = cells[key] else { continue }
            let account = results.accounts[cell.first]
            let n = Double(cell.n), r = min(6, 1.2 + 0.5 * n.squareRoot())
            out +=
                "<circle class=\"p s\(symbol(account.after))\(account.moved ? " mv" : "")\" data-i=\"\(cell.first)\" data-n=\"\(cell.n)\" cx=\"\(HTMLText.coordinate(cell.x / n))\" cy=\"\(HTMLText.coordinate(cell.y / n))\" r=\"\(HTMLText.coordinate(r))\"/>"
        }
        return out + "</g>"
    }

    /// `{"measures":[…],"territories":[[id,symbol,accounts,[totals],[deviations],[before deviations]]…],
    /// "accounts":[[id,after,before,moved,[values]]…]}` with territory indexes, for the hover and the toggle.
    private func mapData(styles: TerritoryStyles) -> String {
        var index = [String: Int]()
        for (i, t) in results.territories.enumerated() { index[t.id] = i }
        let data = MapData(
            measures: results.measures,
            territories: results.territories.enumerated().map { t, row in
                MapData.TerritoryEntry(
                    id: row.id, symbol: styles.symbol[t], accounts: row.accounts, totals: row.totals,
                    deviations: row.deviations,
                    before: row.targets.indices.map { results.beforeDeviation(row, measure: $0) })
            },
            accounts: results.accounts.map { a in
                MapData.AccountEntry(
                    id: a.id, after: index[a.after] ?? -1, before: index[a.before] ?? -1, moved: a.moved,
                    values: a.values)
            })
        return JSONText.scriptSafe(data)
    }
}

/// The map's hover and toggle data; entries encode as arrays to keep 20,000 accounts small.
private struct MapData: Encodable {
    struct TerritoryEntry: Encodable {
        var id: String, symbol: Int, accounts: Int, totals: [Double], deviations: [Double?], before: [Double?]

        init(id: String, symbol: Int, accounts: Int, totals: [Double], deviations: [Double], before: [Double?]) {
            self.id = id
            self.symbol = symbol
            self.accounts = accounts
            self.totals = totals
            self.deviations = deviations.map { $0.isFinite ? $0 : nil }
            self.before = before.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        }

        func encode(to encoder: any Encoder) throws {
            var row = encoder.unkeyedContainer()
            try row.encode(id)
            try row.encode(symbol)
            try row.encode(accounts)
            try row.encode(totals)
            try row.encode(deviations)
            try row.encode(before)
        }
    }

    struct AccountEntry: Encodable {
        var id: String, after: Int, before: Int, moved: Bool, values: [Double?]

        func encode(to encoder: any Encoder) throws {
            var row = encoder.unkeyedContainer()
            try row.encode(id)
            try row.encode(after)
            try row.encode(before)
            try row.encode(moved ? 1 : 0)
            try row.encode(values)
        }
    }

    var measures: [String]
    var territories: [TerritoryEntry]
    var accounts: [AccountEntry]
}

/// JSON for the data blocks embedded in the page.
enum JSONText {
    /// `value` as JSON (keys sorted, so the same input gives the same bytes) that is safe inside
    /// `<script>`: `<`, `>` and `&` are written as `\u` escapes, which only strings can hold.
    static func scriptSafe(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }
}
