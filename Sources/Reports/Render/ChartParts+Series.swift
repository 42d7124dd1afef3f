import Foundation

extension ChartParts {
    /// A line series: a name for the legend and hover, a palette index, and y values at the chart's x values.
    struct Series {
        var name: String
        var colour: Int
        var values: [Double]
        var thick = false
    }

    /// A line chart of `series` over the shared `xs`, with axes, a grid and a legend under the plot.
    static func lineChart(
        id: String, xs: [Double], series: [Series], xLabel: String, yLabel: String, xFormat: (Double) -> String,
        yFormat: (Double) -> String
    ) -> String {
        let width = 460.0, height = 260.0, left = 62.0, right = 14.0, top = 14.0, bottom = 46.0
        let yMax = ChartScale.niceUpper(series.flatMap(\.values).filter(\.isFinite).max() ?? 1)
        let x = ChartScale(domain: (xs.first ?? 0, xs.last ?? 1), range: (left, width - right))
        let y = ChartScale(domain: (0, yMax), range: (height - bottom, top))
        var svg =
            "<svg id=\"\(id)\" class=\"chart line-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(yLabel)) by \(HTMLText.escape(xLabel))\">"
        svg += leftAxis(y, x0: left, x1: width - right, label: yLabel, format: yFormat)
        for s in series {
            var d = ""
            for (i, v) in s.values.enumerated() where i < xs.count && v.isFinite {
                d += (d.isEmpty ? "M" : "L") + HTMLText.coordinate(x(xs[i])) + " " + HTMLText.coordinate(y(v))
            }
            svg +=
                "<path class=\"line c\(s.colour % Palette.colours.count)\(s.thick ? " thick" : "")\" d=\"\(d)\"><title>\(HTMLText.escape(s.name))</title></path>"
        }
        svg += bottomAxis(x, y: height - bottom, label: xLabel, format: xFormat)
        svg += "</svg>"
        let legend = series.map {
            "<span class=\"swatch c\($0.colour % Palette.colours.count)\"></span>\(HTMLText.escape($0.name))"
        }.joined(separator: " ")
        return svg + "<p class=\"legend\">\(legend)</p>"
    }

    /// One row per label: a line from P10 to P90 and a dot at P50, on a shared axis from 0.
    static func rangeChart(
        id: String, rows: [(label: String, p10: Double, p50: Double, p90: Double)], xLabel: String,
        format: (Double) -> String
    ) -> String {
        let rowHeight = 26.0, left = 120.0, right = 18.0, top = 8.0, bottom = 46.0, width = 460.0
        let height = top + bottom + rowHeight * Double(max(1, rows.count))
        let upper = ChartScale.niceUpper(rows.map(\.p90).filter(\.isFinite).max() ?? 1)
        let x = ChartScale(domain: (0, upper), range: (left, width - right))
        var svg =
            "<svg id=\"\(id)\" class=\"chart range-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(xLabel)): P10, P50 and P90\">"
        for (i, row) in rows.enumerated() {
            let cy = top + rowHeight * (Double(i) + 0.5)
            let title = "\(row.label): P10 \(format(row.p10)), P50 \(format(row.p50)), P90 \(format(row.p90))"
            svg +=
                "<text x=\"\(HTMLText.coordinate(left - 6))\" y=\"\(HTMLText.coordinate(cy))\" dy=\"0.32em\" text-anchor=\"end\">\(HTMLText.escape(String(row.label.prefix(18))))</text>"
            svg +=
                "<g class=\"range\"><title>\(HTMLText.escape(title))</title><line x1=\"\(HTMLText.coordinate(x(row.p10)))\" x2=\"\(HTMLText.coordinate(x(row.p90)))\" y1=\"\(HTMLText.coordinate(cy))\" y2=\"\(HTMLText.coordinate(cy))\"/>"
            svg +=
                "<circle class=\"p50\" cx=\"\(HTMLText.coordinate(x(row.p50)))\" cy=\"\(HTMLText.coordinate(cy))\" r=\"4\"/></g>"
        }
        svg += bottomAxis(x, y: height - bottom, label: xLabel, format: format)
        return svg + "</svg>"
    }

    /// Horizontal bars, one per label, from 0 (values may be negative); `marked` bars are drawn in the
    /// highlight colour and carry a ★ after the value.
    static func barChart(
        id: String, rows: [(label: String, value: Double?, marked: Bool)], title: String, format: (Double) -> String
    ) -> String {
        let rowHeight = 16.0, left = 96.0, right = 86.0, top = 22.0, bottom = 6.0, width = 330.0
        let height = top + bottom + rowHeight * Double(max(1, rows.count))
        let values = rows.compactMap(\.value).filter(\.isFinite)
        let low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 0)
        let x = ChartScale(domain: (low, high > low ? high : low + 1), range: (left, width - right))
        var svg =
            "<svg id=\"\(id)\" class=\"chart bar-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title)) by scenario\">"
        svg += "<text class=\"title\" x=\"4\" y=\"14\">\(HTMLText.escape(title))</text>"
        for (i, row) in rows.enumerated() {
            let y0 = top + rowHeight * Double(i)
            svg +=
                "<text x=\"\(HTMLText.coordinate(left - 4))\" y=\"\(HTMLText.coordinate(y0 + rowHeight / 2))\" dy=\"0.32em\" text-anchor=\"end\">\(HTMLText.escape(String(row.label.prefix(14))))</text>"
            guard let v = row.value, v.isFinite else {
                svg +=
                    "<text x=\"\(HTMLText.coordinate(left + 4))\" y=\"\(HTMLText.coordinate(y0 + rowHeight / 2))\" dy=\"0.32em\">–</text>"
                continue
            }
            let a = x(min(0, v)), b = x(max(0, v))
            let text = format(v) + (row.marked ? " ★" : "")
            svg +=
                "<rect class=\"sbar\(row.marked ? " best" : "")\" x=\"\(HTMLText.coordinate(a))\" y=\"\(HTMLText.coordinate(y0 + 2))\" width=\"\(HTMLText.coordinate(max(0.5, b - a)))\" height=\"\(HTMLText.coordinate(rowHeight - 4))\"><title>\(HTMLText.escape(row.label)): \(HTMLText.escape(text))</title></rect>"
            svg +=
                "<text x=\"\(HTMLText.coordinate(b + 3))\" y=\"\(HTMLText.coordinate(y0 + rowHeight / 2))\" dy=\"0.32em\">\(HTMLText.escape(text))</text>"
        }
        return svg + "</svg>"
    }
}
