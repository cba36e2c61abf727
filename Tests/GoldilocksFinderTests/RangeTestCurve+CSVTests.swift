import GoldilocksFinder
import TestSupport
import Testing

@Suite("Range-test curve from CSV")
struct RangeTestCurveCSVTests {
    @Test func readsLearningRatesAndLossesWithNonFiniteCells() throws {
        let curve = try RangeTestCurve(csv: "lr,loss\n1e-7,2.3\r\n1e-6,nan\n1e-5,inf\n1e-4,\n\n1e-3,-inf\n")
        #expect(curve.lrs == [1e-7, 1e-6, 1e-5, 1e-4, 1e-3])
        #expect(curve.losses[0] == 2.3)
        #expect(curve.losses[1].isNaN && curve.losses[3].isNaN)
        #expect(curve.losses[2] == .infinity && curve.losses[4] == -.infinity)
    }

    @Test func findsTheColumnsByNameAndIgnoresOthers() throws {
        let curve = try RangeTestCurve(csv: "step, Loss ,LR\n0,2.5,0.001\n1,2.0,0.01\n")
        #expect(curve.lrs == [0.001, 0.01])
        #expect(curve.losses == [2.5, 2.0])
    }

    @Test(arguments: [
        ("lr,loss\n1e-3,1\n1e-2,abc\n", "run.csv:3: column 2 (loss): \"abc\" is not a number"),
        ("lr,loss\n0,1\n", "run.csv:2: column 1 (lr): \"0\" is not a finite positive learning rate"),
        ("lr,loss\n1e-3,1\n\n1e-2\n", "run.csv:4: expected 2 cells like the header, found 1"),
        ("rate,loss\n1,1\n", "run.csv:1: no learning-rate column among rate,loss; expected one of lr, lrs, learning_rate"),
        ("lr,value\n1,1\n", "run.csv:1: no loss column among lr,value"),
        ("lr,loss\n1e-2,1\n1e-3,1\n", "run.csv:3: column 1 (lr): the learning rate falls from 0.01 (line 2) to 0.001"),
        ("", "run.csv is empty"),
    ])
    func badInputNamesTheFileLineAndColumn(text: String, message: String) {
        do {
            _ = try RangeTestCurve(csv: text, source: "run.csv")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test func aSmoothedLossIsPreferredToTheRawOne() throws {
        let read = try RangeTestCSV(csv: "learning_rate,loss,smoothed_loss\n1e-3,5,2.5\n1e-2,1,2.0\n")
        #expect((read.lrColumn, read.lossColumn) == ("learning_rate", "smoothed_loss"))
        #expect(read.curve.losses == [2.5, 2.0])
        let named = try RangeTestCSV(csv: "learning_rate,loss,smoothed_loss\n1e-3,5,2.5\n1e-2,1,2.0\n", lossColumn: "LOSS")
        #expect(named.curve.losses == [5, 1])
    }

    @Test func notesNameUnusualColumnsAndTheNonFiniteLossThatCutsTheRules() throws {
        #expect(try RangeTestCSV(csv: "lr,loss\n1e-3,2\n1e-2,1\n").notes.isEmpty)
        let read = try RangeTestCSV(csv: "lrs,smooth_loss\n1e-3,2\n1e-2,nan\n1e-1,1\n")
        #expect(
            read.notes == [
                "note: read the learning rate from \"lrs\" and the loss from \"smooth_loss\"",
                "note: the curve has a NaN at row 2 of 3; fastai's rules read only the 1 row before it",
            ])
    }

    @Test func aMissingFileIsACurveError() {
        let error = #expect(throws: CurveError.self) { try RangeTestCurve(contentsOfFile: "/nonexistent/curve.csv") }
        guard case .unreadable(let path, _)? = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/curve.csv")
    }
}

@Test func aNULInsideALearningRateIsAnErrorNotATruncatedNumber() {
    expectError(
        CurveError.badLearningRateCell(source: "curve", line: 3, column: 1, name: "lr", value: "4.24\u{0}e-05"),
        reads: "curve:3: column 1 (lr): \"4.24\u{0}e-05\" is not a finite positive learning rate"
    ) { _ = try RangeTestCurve(csv: "lr,loss\n1e-5,2.3\n4.24\u{0}e-05,2.2\n1e-4,2.1\n") }
}
