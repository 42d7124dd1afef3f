import Foundation

/// A linear map from data values to canvas coordinates, with "nice" tick values (1, 2, 5 × 10ⁿ).
struct ChartScale: Sendable {
    var domain: (Double, Double)
    var range: (Double, Double)

    /// The canvas coordinate of `value`.
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0 else { return range.0 }
        return range.0 + (value - domain.0) / span * (range.1 - range.0)
    }

    /// About `count` round values inside the domain.
    func ticks(_ count: Int = 5) -> [Double] {
        let span = domain.1 - domain.0
        guard span > 0, span.isFinite, count > 0 else { return [domain.0] }
        let raw = span / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        // tick k is k × step; the 1e-9 slack keeps -0.3 / 0.1 = -2.9999999999999996 at k = -3
        let first = ceil(domain.0 / step - 1e-9), last = floor(domain.1 / step + 1e-9)
        guard last >= first, last - first < 1000 else { return [domain.0] }
        let ticks = stride(from: first, through: last, by: 1).map { $0 == 0 ? 0 : $0 * step }
        return ticks
    }

    /// A domain widened to round values, for the upper end of a histogram or bar axis.
    static func niceUpper(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(x)))
        return ([1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= x }) ?? 10 * magnitude
    }
}

/// SVG fragments shared by the charts: axes with ticks and labels, and the histogram.
enum ChartParts {
    /// A left axis: tick lines across the plot, tick labels and the axis title (rotated).
    static func leftAxis(_ y: ChartScale, x0: Double, x1: Double, label: String, format: (Double) -> String) -> String {
        var out = "<g class=\"axis y\">"
        for t in y.ticks() {
            let p = HTMLText.coordinate(y(t))
            out +=
                "<line class=\"grid\" x1=\"\(HTMLText.coordinate(x0))\" x2=\"\(HTMLText.coordinate(x1))\" y1=\"\(p)\" y2=\"\(p)\"/>"
            out +=
                "<text x=\"\(HTMLText.coordinate(x0 - 6))\" y=\"\(p)\" dy=\"0.32em\" text-anchor=\"end\">\(HTMLText.escape(format(t)))</text>"
        }
        let mid = HTMLText.coordinate((y.range.0 + y.range.1) / 2)
        out +=
            "<text class=\"title\" transform=\"translate(14,\(mid)) rotate(-90)\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        return out + "</g>"
    }

    /// A bottom axis with ticks, labels and a title.
    static func bottomAxis(_ x: ChartScale, y: Double, label: String, format: (Double) -> String) -> String {
        var out =
            "<g class=\"axis x\"><line class=\"base\" x1=\"\(HTMLText.coordinate(x.range.0))\" x2=\"\(HTMLText.coordinate(x.range.1))\" y1=\"\(HTMLText.coordinate(y))\" y2=\"\(HTMLText.coordinate(y))\"/>"
        for t in x.ticks() {
            let p = HTMLText.coordinate(x(t))
            out +=
                "<line class=\"tick\" x1=\"\(p)\" x2=\"\(p)\" y1=\"\(HTMLText.coordinate(y))\" y2=\"\(HTMLText.coordinate(y + 4))\"/>"
            out +=
                "<text x=\"\(p)\" y=\"\(HTMLText.coordinate(y + 16))\" text-anchor=\"middle\">\(HTMLText.escape(format(t)))</text>"
        }
        let mid = HTMLText.coordinate((x.range.0 + x.range.1) / 2)
        out +=
            "<text class=\"title\" x=\"\(mid)\" y=\"\(HTMLText.coordinate(y + 34))\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        return out + "</g>"
    }

    /// A histogram of `values` in `bins` equal bins over `domain`, as an SVG with axes.
    ///
    /// `markers` draw labelled vertical lines (for example the fairness level). Values beyond the
    /// domain count in its first or last bin; `unit` names what is counted (the y axis says it).
    static func histogram(
        id: String, values: [Double], domain: (Double, Double), bins: Int, xLabel: String, format: (Double) -> String,
        markers: [(value: Double, label: String)] = [], unit: String = "seats"
    ) -> String {
        let width = 460.0, height = 240.0, left = 56.0, right = 14.0, top = 14.0, bottom = 46.0
        let binCount = max(1, bins)
        let span = domain.1 - domain.0
        var counts = [Int](repeating: 0, count: binCount)
        for v in values where v.isFinite {
            let b =
                span > 0 ? Int(max(0, min(Double(binCount - 1), floor((v - domain.0) / span * Double(binCount))))) : 0
            counts[b] += 1
        }
        let x = ChartScale(domain: domain, range: (left, width - right))
        let y = ChartScale(domain: (0, ChartScale.niceUpper(Double(counts.max() ?? 1))), range: (height - bottom, top))
        var svg =
            "<svg id=\"\(id)\" class=\"chart histogram\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(xLabel)) histogram\">"
        svg += leftAxis(
            y, x0: left, x1: width - right, label: unit.prefix(1).uppercased() + unit.dropFirst(),
            format: { HTMLText.number($0) })
        for (b, n) in counts.enumerated() where n > 0 {
            let lo = domain.0 + span * Double(b) / Double(binCount),
                hi = domain.0 + span * Double(b + 1) / Double(binCount)
            svg +=
                "<rect class=\"bin\" x=\"\(HTMLText.coordinate(x(lo) + 0.5))\" y=\"\(HTMLText.coordinate(y(Double(n))))\" width=\"\(HTMLText.coordinate(max(0.5, x(hi) - x(lo) - 1)))\" height=\"\(HTMLText.coordinate(y(0) - y(Double(n))))\"><title>\(HTMLText.escape(format(lo))) to \(HTMLText.escape(format(hi))): \(n) \(unit)</title></rect>"
        }
        for marker in markers where marker.value >= domain.0 && marker.value <= domain.1 {
            let p = HTMLText.coordinate(x(marker.value))
            svg +=
                "<line class=\"marker\" x1=\"\(p)\" x2=\"\(p)\" y1=\"\(HTMLText.coordinate(top))\" y2=\"\(HTMLText.coordinate(height - bottom))\"/>"
            svg +=
                "<text class=\"marker-label\" x=\"\(p)\" y=\"\(HTMLText.coordinate(top + 10))\" dx=\"4\">\(HTMLText.escape(marker.label))</text>"
        }
        svg += bottomAxis(x, y: height - bottom, label: xLabel, format: format)
        return svg + "</svg>"
    }
}
