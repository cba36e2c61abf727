import Foundation

/// A range-test curve read from CSV, with the columns it was read from.
public struct RangeTestCSV: Sendable, Equatable {
    /// The curve.
    public let curve: RangeTestCurve
    /// The header name of the learning-rate column read.
    public let lrColumn: String
    /// The header name of the loss column read.
    public let lossColumn: String

    /// What a reader of the suggestions should know about how the file was read: the columns,
    /// when they are not plainly `lr` and `loss`, and a non-finite loss, before which fastai's
    /// rules stop.
    public var notes: [String] {
        var notes: [String] = []
        if (lrColumn, lossColumn) != ("lr", "loss") {
            notes.append("note: read the learning rate from \"\(lrColumn)\" and the loss from \"\(lossColumn)\"")
        }
        if let cut = curve.firstNonFiniteIndex {
            let what = curve.losses[cut].isNaN ? "a NaN" : "an infinite loss"
            notes.append(
                "note: the curve has \(what) at row \(cut + 1) of \(curve.count); fastai's rules read only the \(cut) row\(cut == 1 ? "" : "s") before it")
        }
        return notes
    }

    /// The names a range-test log gives its columns, in order of preference, compared after
    /// lower-casing and reading `-` and spaces as `_`: fastai's recorder (`lrs`, `losses`,
    /// `smooth_loss`), torch-lr-finder's history (`lr`, `loss`), and the usual spellings. A
    /// smoothed loss comes first: every rule was written for the smoothed curve, and a file with
    /// both (`loss,smoothed_loss`) holds the raw loss under the plain name.
    public static let columnNames = (
        lr: ["lr", "lrs", "learning_rate", "learningrate"],
        loss: ["smoothed_loss", "smooth_loss", "loss_smoothed", "smoothed", "ema_loss", "loss", "losses", "train_loss"]
    )

    /// Reads a curve from CSV text with a header. The learning rate and loss columns are
    /// `lrColumn` and `lossColumn` when given (matched as written, then ignoring case), else the
    /// first of `columnNames` found.
    ///
    /// Other columns are ignored, blank lines skipped. A loss cell may be `nan`, `inf`, `-inf` or
    /// empty (read as NaN); a learning rate must be a finite positive number, and may not fall
    /// from one row to the next (a range test's rate rises). `source` names the file in error
    /// messages, which give its line (1 = the header) and column.
    public init(csv text: String, source: String = "curve", lrColumn: String? = nil, lossColumn: String? = nil) throws(CurveError) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (number: $0.offset + 1, text: $0.element.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.text.isEmpty }
        guard !lines.isEmpty else { throw .empty(source: source) }
        let header = lines.removeFirst()
        let names = header.text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let found = names.joined(separator: ",")
        func column(_ given: String?, _ usual: [String], what: String, option: String) throws(CurveError) -> Int {
            if let given {
                if let exact = names.firstIndex(of: given) ?? names.firstIndex(where: { $0.lowercased() == given.lowercased() }) {
                    return exact
                }
                throw .noSuchColumn(source: source, line: header.number, column: given, option: option, header: found)
            }
            let normalised = names.map(Self.normalised)
            for name in usual { if let index = normalised.firstIndex(of: name) { return index } }
            throw .noUsualColumn(source: source, line: header.number, what: what, header: found, usual: usual, option: option)
        }
        let lrIndex = try column(lrColumn, Self.columnNames.lr, what: "learning-rate", option: "--lr-column")
        let lossIndex = try column(lossColumn, Self.columnNames.loss, what: "loss", option: "--loss-column")
        guard lrIndex != lossIndex else {
            throw .sameColumn(source: source, line: header.number, column: names[lrIndex])
        }
        var lrs: [Double] = []
        var losses: [Double] = []
        var previous: (lr: Double, line: Int)?
        for line in lines {
            let cells = line.text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == names.count else {
                throw .raggedRow(source: source, line: line.number, expected: names.count, found: cells.count)
            }
            guard let lr = number(cells[lrIndex]), lr.isFinite, lr > 0 else {
                throw .badLearningRateCell(
                    source: source, line: line.number, column: lrIndex + 1, name: names[lrIndex], value: cells[lrIndex])
            }
            if let previous, lr < previous.lr {
                throw .fallingLearningRate(
                    source: source, line: line.number, column: lrIndex + 1, name: names[lrIndex], previous: previous.lr,
                    previousLine: previous.line, lr: lr)
            }
            let lossCell = cells[lossIndex]
            guard let loss = lossCell.isEmpty ? Double.nan : number(lossCell) else {
                throw .badLossCell(
                    source: source, line: line.number, column: lossIndex + 1, name: names[lossIndex], value: lossCell)
            }
            lrs.append(lr)
            losses.append(loss)
            previous = (lr, line.number)
        }
        curve = try RangeTestCurve(lrs: lrs, losses: losses)
        self.lrColumn = names[lrIndex]
        self.lossColumn = names[lossIndex]
    }

    /// Reads a curve from a CSV file (see `init(csv:source:lrColumn:lossColumn:)`).
    public init(contentsOfFile path: String, lrColumn: String? = nil, lossColumn: String? = nil) throws(CurveError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(csv: text, source: path, lrColumn: lrColumn, lossColumn: lossColumn)
    }

    /// A header name compared with `columnNames`: lower-cased, `-` and spaces read as `_`.
    static func normalised(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }
}

extension RangeTestCurve {
    /// Reads a curve from CSV text (see `RangeTestCSV`, which also says which columns it read).
    public init(csv text: String, source: String = "curve") throws(CurveError) {
        self = try RangeTestCSV(csv: text, source: source).curve
    }

    /// Reads a curve from a CSV file (see `RangeTestCSV`).
    public init(contentsOfFile path: String) throws(CurveError) {
        self = try RangeTestCSV(contentsOfFile: path).curve
    }

    /// The first non-finite loss's index, where fastai's rules stop reading; nil when every loss
    /// is finite.
    public var firstNonFiniteIndex: Int? { losses.firstIndex { !$0.isFinite } }
}

/// The number a cell spells, refusing a NUL byte inside it (Swift's `Double(_:)` stops there, so
/// "4.24\u{0}e-05" would read as 4.24).
private func number(_ cell: String) -> Double? {
    cell.utf8.contains(0) ? nil : Double(cell)
}
