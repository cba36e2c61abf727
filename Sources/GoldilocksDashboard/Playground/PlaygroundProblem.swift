import GoldilocksData
import GoldilocksLandscapes

/// What the playground minimises: the demo's x², a 2-D landscape, or a bundled data set.
enum PlaygroundProblem: Sendable, Equatable {
    case parabola
    case landscape(LandscapeFunction)
    case data(String)

    /// The names a request may use, in the order the page lists them. Data sets are only the
    /// bundled and generated ones: the playground never reads a path a request names.
    static var names: [String] { ["x2"] + LandscapeFunction.allCases.map(\.rawValue) + DataSource.names }

    init(_ name: String) throws(PlaygroundError) {
        if name == "x2" {
            self = .parabola
        } else if let function = LandscapeFunction(rawValue: name) {
            self = .landscape(function)
        } else if DataSource.names.contains(name) {
            self = .data(name)
        } else {
            throw .unknownProblem(name, valid: Self.names)
        }
    }

    /// The start a run takes when the request gives none: the demo's x = 5, and the usual starts
    /// of the optimisation literature's pictures of each function.
    var defaultStart: [Double] {
        switch self {
        case .parabola: [5]
        case .landscape(.rosenbrock): [-1.2, 1]
        case .landscape(.beale): [1, 1.5]
        case .landscape(.himmelblau): [0, 0]
        case .landscape(.booth): [-3, -3]
        case .landscape(.quadratic): [3, 2]
        case .data: []
        }
    }

    /// Steps on a function, epochs on data.
    var defaultSteps: Int {
        switch self {
        case .parabola: 50
        case .landscape: 300
        case .data: 5
        }
    }
}
