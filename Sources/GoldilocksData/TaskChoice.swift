/// How to decide the task of a data set: from the target column, or forced.
///
/// `auto` picks classification when the target is not numeric, or when it holds few distinct
/// whole numbers (at most 20, and at most half the row count); otherwise regression.
public enum TaskChoice: String, Sendable, Codable, CaseIterable {
    /// Decide from the target column.
    case auto
    /// Treat every distinct target value as a class.
    case classification
    /// Treat the target as a real number.
    case regression
}
