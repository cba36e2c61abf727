import Foundation

/// The y axis of a figure whose curves can explode: its scale, and where its top is clipped.
///
/// One diverged run would otherwise stretch the axis until the others are flat lines along the
/// bottom. So the top is clipped at twice the highest start: on a linear axis at twice the starting
/// loss (higher when values fall below zero), on a log axis as far above the start as the lowest
/// value is below it, and at least a decade above. What rises past it is drawn to the edge and
/// marked there by the renderers.
struct LossAxis: Equatable {
    /// Linear or log.
    var scale: Scale
    /// The range to show; nil fits the data.
    var range: ClosedRange<Double>?

    /// How many times the lowest value the visible top must be for a log axis to be chosen
    /// automatically: three decades, where a linear axis shows only the top one.
    static let logRatio = 1e3

    /// The axis for `curves`: on `scale` when given, else log when every finite value is > 0 and
    /// the part that stays on the chart spans more than `automaticLogRatio` (linear otherwise).
    init(_ curves: [[Double]], scale given: Scale? = nil, automaticLogRatio: Double = LossAxis.logRatio) {
        let finite = curves.flatMap { $0 }.filter(\.isFinite)
        var scale = given ?? .linear
        if given == nil, let lo = finite.min(), lo > 0 {
            let top = min(finite.max() ?? lo, Self.clipTop(curves, scale: .log) ?? .infinity)
            if top / lo > automaticLogRatio { scale = .log }
        }
        self.scale = scale
        let hi = finite.filter { scale.transform($0) != nil }.max()
        if let lo = finite.filter({ scale.transform($0) != nil }).min(), let hi, let cap = Self.clipTop(curves, scale: scale), hi > cap {
            range = min(Self.niceFloor(lo, top: cap, scale: scale), lo)...cap
        } else {
            range = nil
        }
    }

    /// Where a clipped axis starts, so that its lowest line does not sit on the frame without a
    /// label: on a log axis the decade below when it is within half a decade (a factor 3), else
    /// the lowest value itself (a labelled decade is near); on a linear axis the lowest value.
    static func niceFloor(_ lowest: Double, top: Double, scale: Scale) -> Double {
        switch scale {
        case .linear:
            return lowest
        case .log:
            let decade = pow(10, Foundation.log10(lowest).rounded(.down))
            return decade > 0 && decade.isFinite && lowest / decade <= 3 ? decade : lowest
        }
    }

    /// The top: the highest start plus its rise above the lowest value, in the coordinates of
    /// `scale`, the rise at least the start itself on a linear axis (so the top is at least twice the
    /// start) and a decade on a log axis (so a run that only climbs is clipped too); nil when there
    /// is no rise or the top would not be a finite number.
    static func clipTop(_ curves: [[Double]], scale: Scale) -> Double? {
        let shown = curves.map { $0.compactMap(scale.transform) }
        guard let lo = shown.flatMap({ $0 }).min(), let start = shown.compactMap(\.first).max() else { return nil }
        let rise = max(start - lo, scale == .log ? 1 : abs(start))
        guard rise > 0 else { return nil }
        let top = start + rise
        guard rise.isFinite, top.isFinite else { return nil }
        let cap = scale == .log ? pow(10, top) : top
        return cap.isFinite ? cap : nil
    }
}
