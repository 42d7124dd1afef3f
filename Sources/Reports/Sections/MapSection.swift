import Foundation

/// The map: the state outline, accounts as points coloured by territory, territory hulls and
/// centres, before and after; the data for hover and the toggle goes in a JSON block.
///
/// With more than ``aggregateAbove`` located accounts, points are aggregated on a 3-pixel grid
/// per (territory after, territory before, moved) and drawn with an area growing with the count.
struct MapSection {
    static let aggregateAbove = 20_000
    let results: TerritoryResults
    let outline: StateOutline?
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
        svg += hullLayer(points: points, index: index, centres: centres, styles: styles, before: false)
        svg += hullLayer(points: points, index: index, centres: centres, styles: styles, before: true)
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
            <span class="legend-note">\(HTMLText.number(Double(located))) accounts in \(ids.count) territories\(located > Self.aggregateAbove ? ", aggregated on a 3-pixel grid" : ""); + marks a territory centre; an outline wraps the \(Int(Self.outlineShare * 100)) % of a territory's accounts nearest its centre; hover a point or an outline for its figures.</span>
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
        func json(_ s: String) -> String { JSONText.string(s) }
        func num(_ x: Double?) -> String { x.map { $0.isFinite ? JSONText.number($0) : "null" } ?? "null" }
        var out = "{\"measures\":[" + results.measures.map(json).joined(separator: ",") + "],\"territories\":["
        out += results.territories.enumerated().map { t, row in
            let before = row.targets.indices.map { num(results.beforeDeviation(row, measure: $0)) }
            return
                "[\(json(row.id)),\(styles.symbol[t]),\(row.accounts),[\(row.totals.map(num).joined(separator: ","))],"
                + "[\(row.deviations.map(num).joined(separator: ","))],[\(before.joined(separator: ","))]]"
        }.joined(separator: ",")
        out += "],\"accounts\":["
        out += results.accounts.map { a in
            "[\(json(a.id)),\(index[a.after] ?? -1),\(index[a.before] ?? -1),\(a.moved ? 1 : 0),[\(a.values.map(num).joined(separator: ","))]]"
        }.joined(separator: ",")
        return out + "]}"
    }
}

/// JSON literals for the data blocks embedded in the page (safe inside `<script>`: `<` is escaped).
enum JSONText {
    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A JSON number with up to 6 significant decimals (finite values only).
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(format: "%.0f", x) }
        return String(format: "%.6g", x)
    }
}
