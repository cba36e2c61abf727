/// The analytic landscapes by name, as the `trajectory` command takes them.
public enum LandscapeFunction: String, CaseIterable, Sendable, Codable {
    case quadratic, rosenbrock, beale, himmelblau, booth

    /// The landscape for a start point with `dimension` coordinates: any positive number for the
    /// quadratic, 2 for the others.
    public func landscape(dimension: Int) throws(TrajectoryError) -> any Landscape {
        switch self {
        case .quadratic:
            guard dimension >= 1 else { throw .noCoordinates }
            return Quadratic(dimension: dimension)
        case .rosenbrock, .beale, .himmelblau, .booth:
            guard dimension == 2 else {
                throw .notTwoDimensional(function: self, dimension: dimension)
            }
            switch self {
            case .rosenbrock: return Rosenbrock()
            case .beale: return Beale()
            case .himmelblau: return Himmelblau()
            default: return Booth()
            }
        }
    }
}
