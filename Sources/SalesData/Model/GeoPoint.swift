import Foundation

/// A point on the Earth in decimal degrees (WGS 84).
///
/// ```swift
/// let atlanta = GeoPoint(latitude: 33.749, longitude: -84.388)
/// let denver = GeoPoint(latitude: 39.7392, longitude: -104.9903)
/// atlanta.distanceInKilometers(to: denver)   // ≈ 1950
/// ```
public struct GeoPoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Degrees north of the equator, in `-90...90`.
    public var latitude: Double
    /// Degrees east of Greenwich, in `-180...180`.
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The allowed latitude range.
    public static let latitudeRange: ClosedRange<Double> = -90...90
    /// The allowed longitude range.
    public static let longitudeRange: ClosedRange<Double> = -180...180

    /// Whether both coordinates are finite and inside their ranges.
    public var isValid: Bool {
        Self.latitudeRange.contains(latitude) && Self.longitudeRange.contains(longitude)
    }

    /// Mean Earth radius used by the great-circle distances, in kilometres.
    public static let earthRadiusKilometers = 6371.0088

    /// Great-circle (haversine) distance to `other`, in kilometres.
    ///
    /// - Complexity: O(1).
    public func distanceInKilometers(to other: GeoPoint) -> Double {
        let toRadians = Double.pi / 180
        let phi1 = latitude * toRadians
        let phi2 = other.latitude * toRadians
        let deltaPhi = (other.latitude - latitude) * toRadians
        let deltaLambda = (other.longitude - longitude) * toRadians
        let a =
            sin(deltaPhi / 2) * sin(deltaPhi / 2) + cos(phi1) * cos(phi2) * sin(deltaLambda / 2) * sin(deltaLambda / 2)
        return 2 * Self.earthRadiusKilometers * asin(min(1, sqrt(a)))
    }

    /// Great-circle distance to `other`, in statute miles.
    public func distanceInMiles(to other: GeoPoint) -> Double {
        distanceInKilometers(to: other) / 1.609344
    }

    public var description: String { "(\(latitude), \(longitude))" }
}
