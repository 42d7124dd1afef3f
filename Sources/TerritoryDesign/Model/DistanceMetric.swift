import Foundation
import SalesData

/// How travel distance between a unit and a territory centre is measured.
///
/// ```swift
/// let km = DistanceMetric.haversineKilometres.distance(
///     .geographic(latitude: 40.7128, longitude: -74.0060), .geographic(latitude: 34.0522, longitude: -118.2437))
/// // ≈ 3936 km
/// ```
public enum DistanceMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Great-circle distance on a sphere of radius `GeoPoint.earthRadiusKilometers`, for latitude/longitude data.
    case haversineKilometres = "haversine"
    /// Straight-line distance, for planar `x`/`y` data.
    case euclidean

    /// The distance between two locations.
    ///
    /// Mixed kinds (planar with geographic) compare their raw coordinates with the chosen metric.
    public func distance(_ a: Location, _ b: Location) -> Double {
        distance(a.first, a.second, b.first, b.second)
    }

    /// The distance between two points given by their raw coordinates (x, y or latitude, longitude).
    @inlinable
    public func distance(_ a1: Double, _ a2: Double, _ b1: Double, _ b2: Double) -> Double {
        switch self {
        case .euclidean:
            let dx = a1 - b1
            let dy = a2 - b2
            return (dx * dx + dy * dy).squareRoot()
        case .haversineKilometres:
            let radians = Double.pi / 180
            let phi1 = a1 * radians
            let phi2 = b1 * radians
            let sinHalfPhi = sin((b1 - a1) * radians / 2)
            let sinHalfLambda = sin((b2 - a2) * radians / 2)
            let h = sinHalfPhi * sinHalfPhi + cos(phi1) * cos(phi2) * sinHalfLambda * sinHalfLambda
            return 2 * GeoPoint.earthRadiusKilometers * asin(min(1, h.squareRoot()))
        }
    }
}
