/// The convex hull of points in the plane (Andrew's monotone chain), counter-clockwise from the
/// lowest-leftmost point, without collinear points; fewer than three distinct points are returned as they are.
///
/// - Complexity: O(n log n).
func convexHull(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
    let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
    var unique: [(x: Double, y: Double)] = []
    for p in sorted where unique.last.map({ $0.x != p.x || $0.y != p.y }) ?? true { unique.append(p) }
    guard unique.count >= 3 else { return unique }
    func cross(_ o: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
        (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
    }
    var lower: [(x: Double, y: Double)] = [], upper: [(x: Double, y: Double)] = []
    for p in unique {
        while lower.count >= 2 && cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
        lower.append(p)
    }
    for p in unique.reversed() {
        while upper.count >= 2 && cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
        upper.append(p)
    }
    return Array(lower.dropLast()) + Array(upper.dropLast())
}
