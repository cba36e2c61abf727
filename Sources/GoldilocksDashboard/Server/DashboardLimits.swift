/// The most work one request may ask of the dashboard, so that no request can hang the server or
/// exhaust its memory. Every figure is checked before any work starts.
public struct DashboardLimits: Sendable, Equatable {
    /// The largest request body read, in bytes (a spec, a playground request).
    public var requestBytes: Int = 64 * 1024
    /// The most learning rates one playground request compares.
    public var runs: Int = 6
    /// The most optimizer steps of one analytic playground run (x², the 2-D landscapes).
    public var analyticSteps: Int = 5_000
    /// The most coordinates of a start point (x² in many dimensions keeps every step's point).
    public var dimensions: Int = 100
    /// The most epochs of one playground run on a data set.
    public var epochs: Int = 30
    /// The most hidden layers, and the widest one, of a playground network.
    public var hiddenLayers: Int = 3
    public var hiddenWidth: Int = 256
    /// The most steps a schedule preview computes.
    public var scheduleSteps: Int = 1_000_000
    /// The most runs the runs view overlays in one chart.
    public var overlaidRuns: Int = 8
    /// The most log bytes read for one run (a larger run is refused with a message, not read).
    public var logBytes: Int = 256 * 1024 * 1024
    /// The most playground runs and range tests working at once; more are refused with 503 and
    /// "busy", so the server keeps cores for everything else.
    public var concurrentJobs: Int = 2
    /// The most points a chart draws per series; all points are kept in the data, extremes
    /// included, and only the drawing is thinned.
    public var drawnPoints: Int = 2_000

    /// The defaults above.
    public init() {}
}
