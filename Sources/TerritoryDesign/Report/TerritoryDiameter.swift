import Foundation

/// The diameter of a set of locations: the distance of its farthest pair, exactly.
///
/// Planar: the farthest pair lies on the convex hull (Andrew's monotone chain), and the hull's
/// vertices are compared pairwise. Geographic: the great-circle distance grows with the chord
/// between unit vectors, so the pair of least dot product is the farthest; every pair is compared
/// on unit vectors (three multiply-adds each) and the winner is measured by the metric.
///
/// ```swift
/// TerritoryDiameter.of([.planar(x: 0, y: 0), .planar(x: 3, y: 4), .planar(x: 1, y: 1)], metric: .euclidean)  // 5
/// ```
///
/// - Complexity: Planar O(k log k + h²) for `k` points and `h` hull vertices; geographic O(k²).
public enum TerritoryDiameter {
    /// The farthest distance between two of `locations` under `metric` (0 with fewer than two).
    public static func of(_ locations: [Location], metric: DistanceMetric) -> Double {
        guard locations.count > 1 else { return 0 }
        switch metric {
        case .euclidean:
            let hull = convexHull(locations.map { ($0.first, $0.second) })
            var best = 0.0
            for a in hull.indices {
                for b in (a + 1)..<hull.count {
                    best = max(best, metric.distance(hull[a].0, hull[a].1, hull[b].0, hull[b].1))
                }
            }
            return best
        case .haversineKilometres:
            let radians = Double.pi / 180
            let vectors = locations.map { location -> (Double, Double, Double) in
                let (phi, lambda) = (location.first * radians, location.second * radians)
                return (cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
            }
            var least = Double.infinity
            var pair = (0, 0)
            for a in vectors.indices {
                let u = vectors[a]
                for b in (a + 1)..<vectors.count {
                    let v = vectors[b]
                    let dot = u.0 * v.0 + u.1 * v.1 + u.2 * v.2
                    if dot < least {
                        least = dot
                        pair = (a, b)
                    }
                }
            }
            return metric.distance(locations[pair.0], locations[pair.1])
        }
    }

    /// Hull vertices (Andrew's monotone chain); collinear points dropped, all of them kept when
    /// every point is on one line (the two ends are among them).
    static func convexHull(_ points: [(Double, Double)]) -> [(Double, Double)] {
        let sorted = points.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        guard sorted.count > 2 else { return sorted }
        func cross(_ o: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
            (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
        }
        var lower: [(Double, Double)] = []
        for p in sorted {
            while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 {
                lower.removeLast()
            }
            lower.append(p)
        }
        var upper: [(Double, Double)] = []
        for p in sorted.reversed() {
            while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 {
                upper.removeLast()
            }
            upper.append(p)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }
}
