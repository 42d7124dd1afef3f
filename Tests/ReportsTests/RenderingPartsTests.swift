import Foundation
import Testing

@testable import Reports

@Suite struct RenderingPartsTests {
    @Test(arguments: [
        (1_234_567.8, 1, "1,234,567.8"), (999, 0, "999"), (1000, 0, "1,000"), (-1234.6, 0, "−1,235"),
        (0.004, 2, "0.00"),
        (-0.001, 1, "0.0"),
    ])
    func numbersHaveThousandsSeparators(value: Double, decimals: Int, text: String) {
        #expect(HTMLText.number(value, decimals: decimals) == text)
    }

    @Test func currencyAndPercentages() {
        #expect(HTMLText.currency(98_000_000) == "$98,000,000")
        #expect(HTMLText.currency(-1234) == "−$1,234")
        #expect(HTMLText.shortCurrency(1_260_000) == "$1.3M")
        #expect(HTMLText.shortCurrency(950) == "$950")
        #expect(HTMLText.signedPercent(0.045) == "+4.5%")
        #expect(HTMLText.signedPercent(-0.2) == "−20.0%")
        #expect(HTMLText.number(.nan) == "–")
    }

    @Test func escapingCoversHTMLAndScriptBlocks() {
        #expect(HTMLText.escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(JSONText.string("</script>\"\n") == "\"\\u003c/script\\u003e\\\"\\u000a\"")
    }

    @Test func projectionPutsTheCentreMidCanvasAndTheInsetsLowerLeft() {
        let projection = MapProjection()
        let centre = projection.project(longitude: -96.6, latitude: 38.7)
        #expect(abs(centre.x - 480) < 1e-9 && abs(centre.y - 250) < 1e-9)
        let denver = projection.project(longitude: -104.99, latitude: 39.74)
        let newYork = projection.project(longitude: -74.0, latitude: 40.71)
        let miami = projection.project(longitude: -80.19, latitude: 25.76)
        #expect(denver.x < centre.x && newYork.x > centre.x && miami.y > newYork.y)
        for (lon, lat) in [(-149.9, 61.2), (-157.86, 21.31)] {  // Anchorage, Honolulu
            let p = projection.project(longitude: lon, latitude: lat)
            #expect(p.x > 0 && p.x < 400 && p.y > 300 && p.y < 500)
        }
        #expect(MapProjection.part(longitude: -149.9, latitude: 61.2) == .alaska)
        #expect(MapProjection.part(longitude: -157.86, latitude: 21.31) == .hawaii)
        #expect(MapProjection.part(longitude: -122.3, latitude: 47.6) == .lower48)
    }

    @Test func hullDropsInteriorAndCollinearPoints() {
        let square = [(0.0, 0.0), (2, 0), (2, 2), (0, 2), (1, 1), (1, 0)].map { (x: $0.0, y: $0.1) }
        let hull = convexHull(square)
        #expect(hull.count == 4)
        #expect(hull.map(\.x) == [0, 2, 2, 0] && hull.map(\.y) == [0, 0, 2, 2])
    }

    @Test func neighbouringTerritoriesGetDifferentColours() {
        // a 6 × 5 grid: each territory's nearest neighbours (distance 1) must differ in colour
        let centres = (0..<30).map { (x: Double($0 % 6), y: Double($0 / 6)) }
        let styles = TerritoryStyles(centres: centres)
        for i in 0..<30 {
            for j in 0..<30 where i != j {
                let d = abs(centres[i].x - centres[j].x) + abs(centres[i].y - centres[j].y)
                if d == 1 { #expect(styles.symbol[i] % 9 != styles.symbol[j] % 9) }
            }
        }
        #expect(styles.symbol.allSatisfy { (0..<Palette.symbols).contains($0) })
    }

    @Test func ticksAreRound() {
        // span 0.6 in about 5 steps: 0.12 rounds up to 0.2; in about 6 steps: 0.1
        #expect(ChartScale(domain: (-0.3, 0.3), range: (0, 1)).ticks() == [-0.2, 0, 0.2])
        let six = ChartScale(domain: (-0.3, 0.3), range: (0, 1)).ticks(6)
        #expect(six.count == 7 && zip(six, [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(ChartScale.niceUpper(118_000) == 150_000)
    }
}

@Suite struct MapAggregationTests {
    /// `count` accounts in two territories on a small patch around Denver, every tenth one moved.
    private func results(_ count: Int) -> TerritoryResults {
        var accounts: [TerritoryResults.AccountRow] = []
        for i in 0..<count {
            let latitude: Double = 39.5 + Double(i % 100) * 0.004
            let longitude: Double = -105 + Double(i / 100) * 0.004
            let moved = i % 10 == 0
            accounts.append(
                TerritoryResults.AccountRow(
                    id: "A\(i)", before: moved ? "T2" : "T1", after: "T1", moved: moved, distance: nil,
                    latitude: latitude, longitude: longitude, values: [1]))
        }
        let territories = ["T1", "T2"].map {
            TerritoryResults.TerritoryRow(
                id: $0, centre: (39.7, -104.6), accounts: count, totals: [1], targets: [1], deviations: [0],
                weightedTravel: nil, meanDistance: nil, connected: true)
        }
        return TerritoryResults(
            measures: ["potential"], territories: territories, accounts: accounts, metrics: .init(),
            hasLocations: true, beforeTotals: nil)
    }

    @Test func atTheLimitEveryAccountIsAPoint() {
        let html = MapSection(results: results(MapSection.aggregateAbove), outline: nil).html()
        #expect(ReportFixture.count("<circle class=\"p ", in: html) == MapSection.aggregateAbove)
        #expect(!html.contains("data-n="))
    }

    @Test func aboveTheLimitPointsAreAggregatedAndCountsAddUp() {
        let count = MapSection.aggregateAbove + 1
        let html = MapSection(results: results(count), outline: nil).html()
        let circles = ReportFixture.count("<circle class=\"p ", in: html)
        #expect(circles > 0 && circles < count / 10)
        let counts = html.components(separatedBy: "data-n=\"").dropFirst().compactMap { Int($0.prefix { $0 != "\"" }) }
        #expect(counts.count == circles && counts.reduce(0, +) == count)
        #expect(html.contains("aggregated on a 3-pixel grid"))
    }
}
