/// Series drawn on top of each other: two runs that stay at the same loss (a rate too small to
/// move and one that blew up and fell back to chance) would otherwise show as one line.
///
/// Each series is laid out on a grid of cells (the terminal's characters, or cells a few pixels
/// wide for the SVG); two series coincide when at least `threshold` of the shorter one's cells are
/// also the other's. Renderers then draw the later one dashed (SVG) or the shared cells with
/// `terminalSymbol`, and add a legend note.
struct Overlap {
    /// The share of the shorter series' cells shared with the other for the two to coincide.
    static let threshold = 0.5
    /// The terminal's mark for a cell two coinciding series share; no series or exit uses it.
    static let terminalSymbol: Character = "≈"

    /// The coinciding pairs (i < j), by index into the series laid out.
    let pairs: [(first: Int, second: Int)]
    /// The cells each series covers.
    let cells: [Set<Int>]

    /// Finds the coinciding pairs among `cells` (one set of cell numbers per series; empty for a
    /// series that takes no part, such as a contour line).
    init(cells: [Set<Int>]) {
        self.cells = cells
        var pairs: [(Int, Int)] = []
        for i in cells.indices where !cells[i].isEmpty {
            for j in cells.indices where j > i && !cells[j].isEmpty {
                let shared = cells[i].intersection(cells[j]).count
                if Double(shared) >= Self.threshold * Double(min(cells[i].count, cells[j].count)) { pairs.append((i, j)) }
            }
        }
        self.pairs = pairs
    }

    /// Whether series `index` coincides with one drawn before it.
    func coversEarlier(_ index: Int) -> Bool { pairs.contains { $0.second == index } }

    /// The cells shared by a coinciding pair.
    var sharedCells: Set<Int> {
        pairs.reduce(into: Set<Int>()) { $0.formUnion(cells[$1.first].intersection(cells[$1.second])) }
    }

    /// The legend's note for each pair: "lr=1e-5 and lr=0.5 coincide where they overlap".
    func notes(names: [String]) -> [String] {
        pairs.map { "\(names[$0.first]) and \(names[$0.second]) coincide" }
    }
}

extension Trace {
    /// The cells of a `columns × rows` grid the trace's lines and points pass through, numbered
    /// row · columns + column, row 0 at the top; the same cells the terminal renderer draws.
    /// Costs at most columns + rows per segment, whatever the values.
    func cells(columns: Int, rows: Int) -> Set<Int> {
        func column(_ fx: Double) -> Int { Int((min(max(fx, 0), 1) * Double(columns - 1)).rounded()) }
        func row(_ fy: Double) -> Int { Int(((1 - min(max(fy, 0), 1)) * Double(rows - 1)).rounded()) }
        var result = Set<Int>()
        for piece in pieces {
            var from: (row: Int, column: Int)?
            for p in piece {
                let here = (row: row(p.y), column: column(p.x))
                if let from {
                    let steps = max(abs(here.row - from.row), abs(here.column - from.column))
                    for k in 1..<max(steps, 1) {
                        let t = Double(k) / Double(steps)
                        let r = Int((Double(from.row) + t * Double(here.row - from.row)).rounded())
                        let c = Int((Double(from.column) + t * Double(here.column - from.column)).rounded())
                        result.insert(r * columns + c)
                    }
                }
                result.insert(here.row * columns + here.column)
                from = here
            }
        }
        return result
    }
}
