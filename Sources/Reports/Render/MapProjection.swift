import Foundation

/// The US composite projection of the map: the lower 48 in Albers equal-area conic (standard
/// parallels 29.5° and 45.5°), Alaska (scaled by 0.35) and Hawaii as insets at the lower left —
/// the layout of d3's `geoAlbersUsa`, on a 960 × 500 canvas.
struct MapProjection: Sendable {
    /// Which part of the composite a point falls in.
    enum Part: Int, Sendable { case lower48, alaska, hawaii }

    private struct Conic {
        let n: Double, c: Double, rho0: Double, lambda0: Double
        let scale: Double, translate: (Double, Double)
        var centre: (Double, Double) = (0, 0)

        init(
            parallels: (Double, Double), rotate: Double, centre: (Double, Double), scale: Double,
            translate: (Double, Double)
        ) {
            let p1 = parallels.0 * .pi / 180, p2 = parallels.1 * .pi / 180
            n = (sin(p1) + sin(p2)) / 2
            c = cos(p1) * cos(p1) + 2 * n * sin(p1)
            rho0 = sqrt(c) / n
            lambda0 = rotate
            self.scale = scale
            self.translate = translate
            self.centre = raw(longitude: centre.0 - rotate, latitude: centre.1)
        }

        /// Projected coordinates (unit sphere) of a longitude already rotated by `lambda0`.
        func raw(longitude: Double, latitude: Double) -> (Double, Double) {
            let lambda = longitude * .pi / 180, phi = latitude * .pi / 180
            let rho = sqrt(max(0, c - 2 * n * sin(phi))) / n
            let theta = n * lambda
            return (rho * sin(theta), rho0 - rho * cos(theta))
        }

        func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
            var lon = longitude - lambda0
            if lon < -180 { lon += 360 }
            let (x, y) = raw(longitude: lon, latitude: latitude)
            return (translate.0 + scale * (x - centre.0), translate.1 - scale * (y - centre.1))
        }
    }

    static let width = 960.0
    static let height = 500.0
    private let lower48: Conic, alaska: Conic, hawaii: Conic

    init() {
        let k = 1070.0, t = (480.0, 250.0)
        lower48 = Conic(parallels: (29.5, 45.5), rotate: -96, centre: (-0.6 - 96, 38.7), scale: k, translate: t)
        alaska = Conic(
            parallels: (55, 65), rotate: -154, centre: (-2 - 154, 58.5), scale: 0.35 * k,
            translate: (t.0 - 0.307 * k, t.1 + 0.201 * k))
        hawaii = Conic(
            parallels: (8, 18), rotate: -157, centre: (-3 - 157, 19.9), scale: k,
            translate: (t.0 - 0.205 * k, t.1 + 0.212 * k))
    }

    /// The part a point belongs to: Alaska north of 51° and west of −129°, Hawaii south of 23.5°
    /// and west of −150°, the lower 48 otherwise.
    static func part(longitude: Double, latitude: Double) -> Part {
        if latitude >= 51 && longitude <= -129 { return .alaska }
        if latitude < 23.5 && longitude < -150 { return .hawaii }
        return .lower48
    }

    /// The part a state's outline is drawn in.
    static func part(state: String) -> Part { state == "AK" ? .alaska : state == "HI" ? .hawaii : .lower48 }

    /// Canvas coordinates of a point drawn in `part`.
    func project(longitude: Double, latitude: Double, in part: Part) -> (x: Double, y: Double) {
        switch part {
        case .lower48: lower48.project(longitude: longitude, latitude: latitude)
        case .alaska: alaska.project(longitude: longitude, latitude: latitude)
        case .hawaii: hawaii.project(longitude: longitude, latitude: latitude)
        }
    }

    /// Canvas coordinates of a point, in the part its location selects.
    func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        project(longitude: longitude, latitude: latitude, in: Self.part(longitude: longitude, latitude: latitude))
    }
}
