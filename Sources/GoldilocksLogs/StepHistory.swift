/// The points of one series by step, as a resumed run means them: one value per step, in step order.
///
/// A point at a step the series already reached (the same step again, or an earlier one: a job
/// restarted from a checkpoint) drops the points from that step on, so the later ones win. This is
/// TensorBoard's purge of "out-of-order" steps (`EventAccumulator` with `purge_orphaned_data`,
/// which it applies to files older than `brain.Event:2`); `purge(from:)` is its purge on a
/// `SessionLog.START` (what PyTorch's `SummaryWriter(purge_step:)` writes), for every series of a run.
struct StepHistory<Point> {
    private(set) var steps: [Int] = []
    private(set) var points: [Point] = []
    /// How many points a later one replaced by going back (a restart), and the earliest such step.
    private(set) var restarts: (dropped: Int, from: Int)?

    /// Adds a point; an earlier or equal step drops the points from that step on.
    mutating func add(step: Int, _ point: Point) {
        if let last = steps.last, step <= last {
            let dropped = drop(from: step)
            if step < last { restarts = ((restarts?.dropped ?? 0) + dropped, min(restarts?.from ?? step, step)) }
        }
        steps.append(step)
        points.append(point)
    }

    /// Drops the points at `step` and after; returns how many.
    @discardableResult
    mutating func purge(from step: Int) -> Int {
        drop(from: step)
    }

    private mutating func drop(from step: Int) -> Int {
        var keep = steps.count
        while keep > 0 && steps[keep - 1] >= step { keep -= 1 }
        let dropped = steps.count - keep
        steps.removeLast(dropped)
        points.removeLast(dropped)
        return dropped
    }

    /// A note for the user when a restart replaced points, else nil.
    func restartNote(series name: String, in file: String) -> String? {
        guard let restarts, restarts.dropped > 0 else { return nil }
        return "\(file): \(name) went back to step \(restarts.from) (a resumed run); its \(restarts.dropped) earlier points from there on are replaced by the later ones"
    }
}
