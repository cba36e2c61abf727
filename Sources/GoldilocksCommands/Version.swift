/// The package's version, in one place: `goldilocks --version` prints it.
public enum GoldilocksVersion {
    /// The version of this release (semantic versioning).
    public static let current = "0.9.0"
}
