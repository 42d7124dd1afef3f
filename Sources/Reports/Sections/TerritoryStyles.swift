/// A symbol (colour and outline pattern) per territory such that each territory's nearest
/// neighbours get other colours: greedy colouring in id order over the six nearest centres.
struct TerritoryStyles: Sendable {
    /// The symbol index of each territory, `0..<Palette.symbols`; colour `s % 9`, pattern `s / 9`.
    var symbol: [Int]

    /// Styles for territories whose canvas centres are `centres` (same order).
    init(centres: [(x: Double, y: Double)]) {
        let count = centres.count
        let neighbourCount = min(6, max(0, count - 1))
        var neighbours = [[Int]](repeating: [], count: count)
        for i in 0..<count {
            let order = (0..<count).filter { $0 != i }.sorted {
                let a = centres[$0], b = centres[$1], c = centres[i]
                let da = (a.x - c.x) * (a.x - c.x) + (a.y - c.y) * (a.y - c.y)
                let db = (b.x - c.x) * (b.x - c.x) + (b.y - c.y) * (b.y - c.y)
                return da != db ? da < db : $0 < $1
            }
            for j in order.prefix(neighbourCount) {
                neighbours[i].append(j)
                neighbours[j].append(i)
            }
        }
        var symbol = [Int](repeating: -1, count: count)
        let colours = Palette.colours.count
        for i in 0..<count {
            let taken = Set(neighbours[i].compactMap { symbol[$0] >= 0 ? symbol[$0] : nil })
            let takenColours = Set(taken.map { $0 % colours })
            // a colour no neighbour has (cycling the pattern with the territory's rank), else any free symbol
            let pattern = (i / colours) % Palette.dashes.count
            if let colour = (0..<colours).map({ ($0 + i) % colours }).first(where: { !takenColours.contains($0) }) {
                symbol[i] = pattern * colours + colour
            } else {
                symbol[i] = (0..<Palette.symbols).first { !taken.contains($0) } ?? i % Palette.symbols
            }
        }
        self.symbol = symbol
    }
}
