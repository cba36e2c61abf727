import Foundation

extension RangeTestCurve {
    /// Reads a curve from CSV text with a header naming an `lr` and a `loss` column.
    ///
    /// Other columns are ignored, blank lines skipped. A loss cell may be `nan`, `inf`, `-inf` or
    /// empty (read as NaN); a learning rate must be a finite positive number. `source` names the
    /// file in error messages, which give its line (1 = the header) and column.
    public init(csv text: String, source: String = "curve") throws(CurveError) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (number: $0.offset + 1, text: $0.element.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.text.isEmpty }
        guard !lines.isEmpty else { throw CurveError("\(source) is empty: expected a header `lr,loss` and one row per step") }
        let header = lines.removeFirst()
        let names = header.text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let lrColumn = names.firstIndex(of: "lr"), let lossColumn = names.firstIndex(of: "loss") else {
            throw CurveError("\(source):\(header.number): the header must name an `lr` and a `loss` column, found \(names.joined(separator: ","))")
        }
        var lrs: [Double] = []
        var losses: [Double] = []
        for line in lines {
            let cells = line.text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == names.count else {
                throw CurveError("\(source):\(line.number): expected \(names.count) cells like the header, found \(cells.count)")
            }
            func place(_ column: Int) -> String { "\(source):\(line.number): column \(column + 1) (\(names[column]))" }
            guard let lr = number(cells[lrColumn]), lr.isFinite, lr > 0 else {
                throw CurveError("\(place(lrColumn)): \"\(cells[lrColumn])\" is not a finite positive learning rate")
            }
            let lossCell = cells[lossColumn]
            guard let loss = lossCell.isEmpty ? Double.nan : number(lossCell) else {
                throw CurveError("\(place(lossColumn)): \"\(lossCell)\" is not a number (write nan for a missing loss)")
            }
            lrs.append(lr)
            losses.append(loss)
        }
        try self.init(lrs: lrs, losses: losses)
    }

    /// Reads a curve from a CSV file (see `init(csv:source:)`).
    public init(contentsOfFile path: String) throws(CurveError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CurveError("cannot read \(path): \(error.localizedDescription)")
        }
        try self.init(csv: text, source: path)
    }
}

/// The number a cell spells, refusing a NUL byte inside it (Swift's `Double(_:)` stops there, so
/// "4.24\u{0}e-05" would read as 4.24).
private func number(_ cell: String) -> Double? {
    cell.utf8.contains(0) ? nil : Double(cell)
}
