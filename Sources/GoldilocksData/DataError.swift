import GoldilocksSpec

/// A data set that cannot be loaded or prepared: one case per failure, carrying the file, line
/// (1-based, as an editor shows it), column and value it is about, so a program can react to the
/// case and a person can act on the `description`, which reads like
/// `data.csv, line 7, column "petal width": "abc" is not a finite number; …`.
public enum DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file cannot be read at all (`reason` is the system's).
    case unreadable(file: String, reason: String)
    /// The file holds no record, not even a header.
    case emptyFile(file: String)
    /// A column name appears twice in the header (line 1).
    case duplicateColumn(file: String, column: String)
    /// The header names a single column, leaving no feature besides the target.
    case singleColumn(file: String, line: Int, column: String)
    /// A quoted field opened on `line` that never closes.
    case unclosedQuote(file: String, line: Int)
    /// Text after a closing quote; `column` is nil in the header.
    case textAfterQuote(file: String, line: Int, column: String?)
    /// The header has no column named `target`; `closest` is the nearest name, if any is near.
    case missingTarget(file: String, target: String, columns: [String], closest: String?)
    /// A row whose field count differs from the header's.
    case raggedRow(file: String, line: Int, fields: Int, columns: [String])
    /// A feature cell that is not a finite number.
    case badCell(file: String, line: Int, column: String, value: String)
    /// A header without data rows.
    case noRows(file: String)
    /// A regression target cell that is not a number.
    case nonNumericTarget(file: String, line: Int, column: String, value: String)
    /// A word among mostly continuous numeric targets (`numeric` of `total`), likelier damage
    /// than a class label.
    case strayTarget(file: String, line: Int, column: String, value: String, numeric: Int, total: Int)
    /// A regression target beyond `Float`'s range.
    case targetTooLarge(file: String, line: Int, column: String, value: String)
    /// Every row has the class `label`.
    case singleClass(file: String, column: String, label: String)
    /// Every row has the regression target `value`.
    case constantTarget(file: String, column: String, value: String)
    /// A file shipped with GoldilocksData is missing (a damaged installation).
    case missingResource(file: String)
    /// A file shipped with GoldilocksData cannot be decoded (a damaged installation).
    case unreadableResource(file: String, reason: String)
    /// A name that is neither a bundled nor a generated data set nor an existing file.
    case unknownDataset(name: String, closest: String?)
    /// A generated data set's option that is not `key=number`.
    case malformedGeneratorOption(generator: String, option: String)
    /// A generated data set's option the generator does not take.
    case unknownGeneratorParameter(generator: String, parameter: String, valid: [String], closest: String?)
    /// A generator parameter that must be whole, given a fraction.
    case fractionalGeneratorParameter(generator: String, parameter: String, value: Double)
    /// A generator parameter outside its range: "`parameter` must be `requirement`, not `value`".
    case generatorParameterOutOfRange(generator: String, parameter: String, requirement: String, value: String)
    /// A generated data set asked for a target column it does not have.
    case generatedTarget(target: String, asked: String)
    /// A generated data set asked to be of the other task.
    case generatedTask(isClassification: Bool, asked: TaskChoice)
    /// A batch size below 1.
    case batchSizeTooSmall(Int)
    /// Batches asked of a data set without rows.
    case noSamples
    /// A validation fraction outside (0, 1).
    case validationFractionOutOfRange(Double)
    /// A validation fraction that leaves no training row out of `rows`.
    case validationTakesEverything(fraction: Double, rows: Int)
    /// The validation file's feature columns differ from the training data's.
    case validationColumnsDiffer(file: String, missing: [String], extra: [String])
    /// The validation file's target column differs from the training data's.
    case validationTargetDiffers(file: String, target: String, trainingTarget: String)
    /// The validation file has a class the training data never shows.
    case unseenClass(file: String, column: String, label: String, trainingClasses: [String])
    /// The validation file is for the other task.
    case validationTaskDiffers(file: String, validationIsRegression: Bool, trainingIsRegression: Bool)
    /// A data set built in code with no feature per row.
    case noFeatures(featureCount: Int)
    /// A data set built in code whose feature values do not make whole rows.
    case featureCountMismatch(values: Int, rows: Int, featureCount: Int)
    /// A classification data set built in code with no class.
    case noClasses(Int)
    /// A class label that is not a whole number in `0..<classes` (a loss would read out of bounds).
    case badLabel(row: Int, label: Float, classes: Int)
    /// A standardizer given another number of means than of scales.
    case standardizerShape(means: Int, scales: Int)
    /// A standardizer fitted to `fitted` features applied to rows of `features`.
    case standardizerWidth(fitted: Int, features: Int)
    /// A row index outside the data set.
    case noRow(Int, count: Int)

    /// The message, starting with the place (file, line, column) when there is one.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return Self.at(file, "cannot read the file (\(reason))")
        case let .emptyFile(file):
            return Self.at(file, "the file is empty; a data set needs a header row and at least one data row")
        case let .duplicateColumn(file, column):
            return Self.at(file, line: 1, "column name \"\(column)\" appears more than once in the header")
        case let .singleColumn(file, line, column):
            return Self.at(
                file, line: line,
                "the header has one column (\(column)); a data set needs at least one feature column and a target column")
        case let .unclosedQuote(file, line):
            return Self.at(file, line: line, "a quoted field opened on this line is never closed")
        case let .textAfterQuote(file, line, column):
            return Self.at(
                file, line: line, column: column,
                "unexpected text after a closing quote (a quote inside a quoted field is written twice: \"\")")
        case let .missingTarget(file, target, columns, closest):
            var message = "no target column \"\(target)\""
            if let closest { message += "; did you mean \"\(closest)\"?" }
            return Self.at(file, message + " Columns: \(columns.joined(separator: ", "))")
        case let .raggedRow(file, line, fields, columns):
            return Self.at(
                file, line: line,
                "\(fields) field\(fields == 1 ? "" : "s"), but the header has \(columns.count) columns (\(columns.joined(separator: ", ")))")
        case let .badCell(file, line, column, value):
            return Self.at(
                file, line: line, column: column,
                "\"\(value)\" is not a finite number; feature columns must be numeric (encode categories as numbers first, or make this column the target)")
        case let .noRows(file):
            return Self.at(file, "the file has a header but no data rows")
        case let .nonNumericTarget(file, line, column, value):
            return Self.at(
                file, line: line, column: column,
                "\"\(value)\" is not a number; a regression target must be numeric (use the classification task for labels)")
        case let .strayTarget(file, line, column, value, numeric, total):
            return Self.at(
                file, line: line, column: column,
                "\"\(value)\" is not a number, but \(numeric) of the \(total) values are numbers that look continuous (a regression target); fix or remove that row, or pass --task classification to treat every value as a class label")
        case let .targetTooLarge(file, line, column, value):
            return Self.at(file, line: line, column: column, "\"\(value)\" is too large for a 32-bit float")
        case let .singleClass(file, column, label):
            return Self.at(
                file, column: column, "every row has the same class \"\(label)\"; classification needs at least two classes")
        case let .constantTarget(file, column, value):
            return Self.at(
                file, column: column, "every row has the same target value \(value); a constant target leaves nothing to learn")
        case let .missingResource(file):
            return "the bundled file \(file) is missing from the GoldilocksData resources"
        case let .unreadableResource(file, reason):
            return "cannot read the bundled \(file) (\(reason))"
        case let .unknownDataset(name, closest):
            var message = "unknown data set \"\(name)\": not a bundled or generated data set, and no such file"
            if let closest { message += "; did you mean \"\(closest)\"?" }
            message += " Bundled: \(BundledDataset.allCases.map(\.rawValue).joined(separator: ", "));"
            message += " generated: \(GeneratedDataset.names.joined(separator: ", ")) (with options such as moons:samples=500,noise=0.2)"
            return message
        case let .malformedGeneratorOption(generator, option):
            return "\(generator): \"\(option)\" is not key=number (for example \(generator):samples=500)"
        case let .unknownGeneratorParameter(generator, parameter, valid, closest):
            var message = "\(generator): unknown parameter \"\(parameter)\""
            if let closest { message += "; did you mean \"\(closest)\"?" }
            return message + " Valid: \(valid.joined(separator: ", "))"
        case let .fractionalGeneratorParameter(generator, parameter, value):
            return "\(generator): \(parameter) must be a whole number, not \(value)"
        case let .generatorParameterOutOfRange(generator, parameter, requirement, value):
            return "\(generator): \(parameter) must be \(requirement), not \(value)"
        case let .generatedTarget(target, asked):
            return "a generated data set has one target column, \"\(target)\", not \"\(asked)\""
        case let .generatedTask(isClassification, asked):
            return "this generated data set is for \(isClassification ? "classification" : "regression"), not \(asked.rawValue)"
        case let .batchSizeTooSmall(size):
            return "the batch size must be at least 1, not \(size)"
        case .noSamples:
            return "cannot make batches of an empty data set"
        case let .validationFractionOutOfRange(fraction):
            return "the validation split must be a fraction between 0 and 1 (exclusive), not \(fraction)"
        case let .validationTakesEverything(fraction, rows):
            return "a validation split of \(fraction) leaves no training rows out of \(rows); use a smaller fraction or more data"
        case let .validationColumnsDiffer(file, missing, extra):
            var parts: [String] = []
            if !missing.isEmpty {
                parts.append("lacks the training data's column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
            }
            if !extra.isEmpty {
                parts.append("has column\(extra.count == 1 ? "" : "s") the training data does not: \(extra.joined(separator: ", "))")
            }
            return Self.at(
                file,
                "the validation data \(parts.joined(separator: " and ")); it must hold the same feature columns (in any order)")
        case let .validationTargetDiffers(file, target, trainingTarget):
            return Self.at(
                file, "the validation data's target column is \"\(target)\" but the training data's is \"\(trainingTarget)\"")
        case let .unseenClass(file, column, label, trainingClasses):
            return Self.at(
                file, column: column,
                "the validation data has class \"\(label)\", which the training data never shows (its classes: \(trainingClasses.joined(separator: ", ")))")
        case let .validationTaskDiffers(file, validationIsRegression, trainingIsRegression):
            func name(_ isRegression: Bool) -> String { isRegression ? "regression" : "classification" }
            return Self.at(
                file,
                "the validation data is for \(name(validationIsRegression)) but the training data for \(name(trainingIsRegression)); pass --task to force one")
        case let .noFeatures(count):
            return "a data set needs at least one feature per row, not \(count)"
        case let .featureCountMismatch(values, rows, featureCount):
            return "\(values) feature values do not make \(rows) rows of \(featureCount); give rows × featureCount values"
        case let .noClasses(classes):
            return "a classification data set needs at least one class, not \(classes)"
        case let .standardizerShape(means, scales):
            return "a standardizer needs one mean and one scale per feature, not \(means) means and \(scales) scales"
        case let .standardizerWidth(fitted, features):
            return "the standardizer was fitted to \(fitted) features, but the data has \(features)"
        case let .noRow(index, count):
            return "there is no row \(index): the data set has \(count) (0..<\(count))"
        case let .badLabel(row, label, classes):
            return "row \(row) has label \(label), but class labels must be whole numbers in 0..<\(classes); number the classes from 0"
        }
    }

    /// `message` after "file, line N, column "c": " (the parts that are known).
    private static func at(_ file: String, line: Int? = nil, column: String? = nil, _ message: String) -> String {
        var place = [file]
        if let line { place.append("line \(line)") }
        if let column { place.append("column \"\(column)\"") }
        return place.joined(separator: ", ") + ": " + message
    }
}
