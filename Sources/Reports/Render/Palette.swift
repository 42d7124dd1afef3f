/// The report's colours: Paul Tol's "muted" qualitative scheme, built to stay distinguishable
/// under the common colour-vision deficiencies (protanopia, deuteranopia, tritanopia) and in grey.
///
/// Nine colours are not enough for 120 territories, so a territory's symbol is a colour plus a
/// pattern: ``dashes`` gives its outline a solid, dashed or dotted stroke (27 symbols). Neighbouring
/// territories get different colours (see ``TerritoryStyles``).
enum Palette {
    /// Tol muted: rose, indigo, sand, green, cyan, wine, teal, olive, purple.
    static let colours = [
        "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
    ]
    /// Outline patterns combined with the colours: solid, dashed, dotted.
    static let dashes = ["", "6 3", "1.5 2.5"]
    /// Before (grey) and after (indigo) in the balance charts; the ±τ band; moved accounts.
    static let before = "#BBBBBB"
    static let after = "#332288"
    static let band = "#DDEEDD"
    static let moved = "#000000"
    /// The number of distinct territory symbols.
    static var symbols: Int { colours.count * dashes.count }
}
