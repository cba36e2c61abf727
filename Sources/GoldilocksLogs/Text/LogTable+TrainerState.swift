import Foundation

extension LogTable {
    /// Whether `text` is a transformers `trainer_state.json` (one JSON object with a `log_history`
    /// list) rather than JSON lines.
    static func isTrainerState(_ text: String) -> Bool {
        guard text.contains("\"log_history\"") else { return false }
        // transformers writes it indented: a lone "{" on the first line is no JSON line.
        return text.split(whereSeparator: \.isNewline).first?.trimmingCharacters(in: .whitespaces) == "{"
            || (try? JSONSerialization.jsonObject(with: Data(pythonNonFinite(Substring(text)).utf8))) is [String: Any]
    }

    /// Parses transformers' `trainer_state.json`: each entry of its `log_history` is a row (training
    /// entries with `loss`, `learning_rate`, `grad_norm`; evaluation entries with `eval_loss`; a
    /// last summary with `train_loss`, the run's mean), `step` its step. Python's `NaN` and
    /// `Infinity` read as non-finite.
    static func trainerState(_ text: String, file: String) throws -> LogTable {
        struct State: Decodable {
            var log_history: [[String: Cell]]?  // swiftlint:disable:this identifier_name
        }
        let state: State
        do {
            state = try JSONDecoder().decode(State.self, from: Data(pythonNonFinite(Substring(text)).utf8))
        } catch let DecodingError.dataCorrupted(context) {
            let reason = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw LogError.badField(file: file, field: "trainer state", reason: "not valid JSON" + (reason.map { ": \($0)" } ?? ""))
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw LogError.badField(
                file: file, field: "log_history" + path.drop { $0 != "[" }, reason: "not a list of objects of numbers")
        }
        guard let history = state.log_history else {
            throw LogError.badField(file: file, field: "log_history", reason: "missing: not a transformers trainer_state.json")
        }
        var table = LogTable(file: file)
        table.rowsAreEntries = true
        for (index, entry) in history.enumerated() { table.append(entry, line: index + 1) }
        return table
    }
}
