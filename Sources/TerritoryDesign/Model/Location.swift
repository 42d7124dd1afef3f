import Foundation

/// Where an alignment unit or a territory centre lies: a planar point or a point on the globe.
///
/// ```swift
/// let atlanta = Location.geographic(latitude: 33.749, longitude: -84.388)
/// let depot = Location.planar(x: 10, y: 20)
/// ```
public enum Location: Sendable, Hashable, Codable {
    /// A point in the plane, for generated or projected data (`x`, `y` columns).
    case planar(x: Double, y: Double)
    /// A point on the globe in decimal degrees (`latitude`, `longitude` columns).
    case geographic(latitude: Double, longitude: Double)

    /// The first coordinate: `x`, or the latitude.
    public var first: Double {
        switch self {
        case .planar(let x, _): x
        case .geographic(let latitude, _): latitude
        }
    }

    /// The second coordinate: `y`, or the longitude.
    public var second: Double {
        switch self {
        case .planar(_, let y): y
        case .geographic(_, let longitude): longitude
        }
    }

    /// Whether both coordinates are finite (and, for geographic points, within ±90° / ±180°).
    public var isValid: Bool {
        switch self {
        case .planar(let x, let y): x.isFinite && y.isFinite
        case .geographic(let latitude, let longitude):
            latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
        }
    }
}
