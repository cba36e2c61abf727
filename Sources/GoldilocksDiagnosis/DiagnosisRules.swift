import Foundation

/// The verdict rules and their wording (see `diagnose` for the method in prose).
enum DiagnosisRules {
    /// A rise above the start counts as a kick uphill past this many log units (and 3 × noise).
    static let spikeFloor = 0.25
    /// Past this many log units above the start (×10) a kick uphill is an explosion.
    static let explosion = log(10.0)
    /// A run whose level moved less than this from its first block (log units, ≈ 10% of the loss),
    /// or less than `noiseMultiple` standard errors of a block median, barely moved: ×10, not ×3.
    static let barelyMoved = 0.1
    /// How many standard errors of a block median a real move exceeds.
    static let noiseMultiple = 2.0

    /// The longest log the forest reads as it is: its training runs have 200 to 1,500 steps.
    static let forestPoints = 1500

    /// A non-finite loss and a kick uphill settle the verdict; the forest names the others, from
    /// the log itself or, past `forestPoints` values, from its means over equal windows (as a
    /// training loop that logs a running mean would have written it). Returns the verdict with the
    /// share of the vote behind it: 1 for a verdict settled by rule, 0 for a flat curve with one
    /// spike (no move: the evidence is mixed).
    /// A verdict with the share of the vote for it, and the rule that settled it (nil: the forest).
    struct Vote {
        var verdict: Verdict
        var share: Double
        var rule: Rule?
    }

    /// The rules that settle a curve before the forest sees it.
    enum Rule {
        /// A NaN or infinite loss.
        case nonFinite
        /// Climbed over 10× above the untrained model's loss and ended above it.
        case blewUp
        /// Rose above its start by more than its noise allows.
        case kickedUphill
        /// Flat but for one spike: the curve cannot tell a tiny rate from a large, stuck one.
        case flatButSpiky
    }

    /// The vote on `curve`: its rules', else the forest's. `untrained` is the log of the log's first
    /// loss when `curve` starts later (after a warmup), so that blowing up is judged against the
    /// untrained model's loss.
    static func vote(for curve: LossCurve, forest: DiagnosisForest, untrained: Double? = nil) -> Vote {
        if let settled = ruleVote(for: curve, untrained: untrained) { return settled }
        let width = (curve.levels.count + forestPoints - 1) / forestPoints
        let read = width == 1 ? curve : LossCurve(losses: windowMeans(curve.levels.map { exp($0) }, width: width))
        let (verdict, share) = forest.vote(for: CurveFeatures(read).values)
        return Vote(verdict: verdict, share: share, rule: nil)
    }

    /// The vote of the rules that settle a curve before the forest sees it, nil when none does.
    static func ruleVote(for curve: LossCurve, untrained: Double? = nil) -> Vote? {
        if curve.firstNonFinite != nil { return Vote(verdict: .diverged, share: 1, rule: .nonFinite) }
        let threshold = max(spikeFloor, 3 * curve.earlyNoise)
        // The untrained model's loss is the first one: a run that climbed over 10× above it and
        // ends above it blew up, however its first few (already exploded) steps set the start.
        if let first = untrained ?? curve.levels.first, let peak = curve.levels.max(),
            peak - first > explosion, curve.end - first > spikeFloor {
            return Vote(verdict: .diverged, share: 1, rule: .blewUp)
        }
        // One mini-batch spike in a flat, noisy curve is noise, not a kick uphill: a flat curve
        // must climb for a while to count.
        let above = curve.levels.count { $0 - curve.start > threshold }
        let flatButSpiky = barelyMoves(curve) && curve.sustainedRise <= threshold && -curve.drop <= threshold
            && above <= max(1, curve.levels.count / 100)
        if curve.spike > threshold {
            if !flatButSpiky {
                // A kick that stays below the untrained model's loss (a warmup had already taken
                // the loss near zero) is a rate too large, not one that diverges.
                let belowUntrained = untrained.map { first in (curve.levels.max() ?? first) <= first } ?? false
                let verdict: Verdict = (curve.spike > explosion || curve.drop < 0) && !belowUntrained ? .diverged : .oscillating
                return Vote(verdict: verdict, share: 1, rule: .kickedUphill)
            }
            // A tiny rate with a noisy batch, or a large one stuck: no move rather than the wrong one.
            return Vote(verdict: .healthy, share: 0, rule: .flatButSpiky)
        }
        return nil
    }

    /// Means over consecutive windows of `width` values (a last, shorter window is left out).
    static func windowMeans(_ values: [Double], width: Int) -> [Double] {
        stride(from: 0, through: values.count - width, by: width).map { start in
            values[start..<start + width].reduce(0, +) / Double(width)
        }
    }

    /// Whether the level moved less than max(0.1, 2 × block-median noise) from the first block.
    static func barelyMoves(_ curve: LossCurve) -> Bool {
        curve.moved < max(barelyMoved, noiseMultiple * curve.blockNoise)
    }

    /// ×10 when a too-slow curve barely moved, ×3 when it moves.
    static func learningRateFactor(_ verdict: Verdict, curve: LossCurve) -> Double {
        switch verdict {
        case .tooSlow: barelyMoves(curve) ? 10 : 3
        case .oscillating: 0.1
        case .diverged: 0.01
        case .plateau, .healthy: 1
        }
    }

    /// Why the whole run overrules what the training loss alone suggests.
    enum Override: Equatable {
        /// The validation loss rose after its best: no rate change improves the best.
        case overfitting
        /// The validation loss fell and stopped improving: the run converged.
        case validationConverged
        /// The loss that counts is already below 1% of the starting loss.
        case nothingLeftToGain
        /// A flat curve with one spike: a tiny rate with a noisy batch, or a large one stuck.
        case mixedEvidence
        /// The loss still jumps from batch to batch, but a schedule had already decayed the rate
        /// to a tenth of its peak or less: the noise is the batches', not the rate's.
        case annealedNoise(finalRate: Double, peak: Double)
    }

    /// How the learning rate moved over the part of the log that was read, so the fix can name
    /// the rate it applies to.
    enum RateHistory: Equatable {
        /// One rate throughout.
        case constant(Double)
        /// Lowered a few times and never raised (a guard's rescue, a step decay): from the first
        /// rate to the last.
        case lowered(from: Double, to: Double)
        /// Scheduled (warmup, cycles, a smooth decay): its peak.
        case scheduled(peak: Double)

        /// The history of `rates` (non-finite ones left out); nil without any.
        init?(_ rates: ArraySlice<Double>) {
            let finite = rates.filter(\.isFinite)
            guard let first = finite.first, let last = finite.last, let peak = finite.max() else { return nil }
            if finite.allSatisfy({ $0 == first }) {
                self = .constant(first)
            } else if zip(finite.dropFirst(), finite).allSatisfy({ $0 <= $1 }), Set(finite).count <= 4 {
                // A few drops (at most three, as the guard's rescues): each a rate the run kept.
                self = .lowered(from: first, to: last)
            } else {
                self = .scheduled(peak: peak)
            }
        }
    }

    /// The symptom, cause and fix in words. Every number in them is one of the evidence's fields
    /// or follows from them (tests recompute each): levels are medians of the first and last
    /// losses, changes are stated on the loss itself ("fell 71%"), noise as the typical change
    /// from one step to the next ("±12% step to step", from the noise in log units).
    static func explanation(
        _ verdict: Verdict, factor: Double, evidence e: DiagnosisEvidence, override: Override? = nil,
        confidence: Confidence = .high, rates: RateHistory? = nil
    ) -> (symptom: String, cause: String, fix: String) {
        let moved = movement(e)
        let validation = e.validationBestLoss.map { best in
            "validation loss best \(short(best)) at step \(e.validationBestStep ?? 0), \(short(e.validationEndLoss ?? best)) at the end"
        } ?? ""
        switch override {
        case .overfitting?:
            return ("training \(moved); \(validation)",
                    "the learning rate suits this run: the validation loss rises because the model overfits",
                    "keep the learning rate; stop at step \(e.validationBestStep ?? 0) or regularise")
        case .validationConverged?:
            return ("training \(moved); \(validation), no longer improving",
                    "the run converged: a larger learning rate would not lower the validation loss materially",
                    "keep the learning rate")
        case .nothingLeftToGain?:
            let reached = e.validationBestLoss.map { "the best validation loss is \(short($0))" } ?? "the training loss ends at \(short(e.endLoss))"
            return ("\(reached), below 1% of the first loss \(short(e.firstLoss)) (the untrained model's)",
                    "the run has converged: no learning-rate change can improve it by a material amount",
                    "keep the learning rate")
        case .mixedEvidence?:
            return ("\(moved); flat but for a spike to \(short(e.peakOverStart))× its start",
                    "the evidence is mixed: a rate too small with a noisy batch, or one too large and stuck",
                    "keep the learning rate for now; compare two short runs at ÷10 and ×10 before changing it")
        case let .annealedNoise(finalRate, peak)?:
            return ("\(moved); noise ±\(percent(exp(e.lateNoise) - 1)) step to step at the end, where the learning rate had decayed to \(short(finalRate)), 1/\(short(peak / finalRate)) of its peak \(short(peak))",
                    "the noise comes from the mini-batches, not the learning rate: a smaller rate would not calm it",
                    "keep the learning rate")
        case nil:
            break
        }
        let noise = "noise ±\(percent(exp(e.lateNoise) - 1)) step to step"
        switch verdict {
        case .diverged:
            let what = e.firstNonFiniteStep.map { "loss became NaN or infinite at step \($0)" }
                ?? "loss shot up to \(short(e.peakOverStart))× its starting level at its peak; \(moved)"
            return (what, "the learning rate is far too large", "divide the learning rate by 100" + rateNote(rates, factor: factor))
        case .oscillating:
            let what = e.peakOverStart > 1.3
                ? "loss jumped to \(short(e.peakOverStart))× its starting level and did not settle; \(moved)"
                : "loss bounced back to \(short(e.endOverBest))× its best \(short(e.bestLoss)) at step \(e.bestStep), \(noise); \(moved)"
            return (what, "the learning rate is too large", "divide the learning rate by 10" + rateNote(rates, factor: factor))
        case .tooSlow:
            let what: String
            if factor == 10 {
                what = "loss is hardly decreasing: \(moved), a change within its \(noise)"
            } else if e.lateShare >= 0.05 {
                what = "loss is still falling at the end: \(moved); over the last quarter its trend still fell \(percent(lastQuarterFall(e))), and the first quarter made \(percent(firstQuarterShare(e))) of the whole fall (\(noise))"
            } else {
                what = "loss falls slowly: \(moved), of which the first quarter of the run made only \(percent(firstQuarterShare(e))) (\(noise))"
            }
            let fix = factor == 10 ? "multiply the learning rate by 10"
                : confidence == .low ? "multiply the learning rate by 3, a cautious step as the evidence is mixed, and diagnose again"
                : "multiply the learning rate by 3 to 10"
            return (what, "the learning rate is too small", fix + rateNote(rates, factor: factor, upTo: factor == 3 && confidence != .low ? 10 : nil))
        case .plateau:
            let since = e.stallStep.map { " from step \($0)" } ?? ""
            return ("\(moved), then stopped improving\(since)",
                    "the learning rate was good and is now too large to settle lower",
                    "decay the learning rate now (a schedule, e.g. ÷10)")
        case .healthy:
            return ("\(moved); \(noise), ends within \(percent(e.endOverBest - 1)) of its best",
                    "the learning rate suits this run", "keep the learning rate")
        }
    }

    /// "loss fell 71%, from 1.98 to 0.572 (medians of the first 5 and the last 90 losses)": the
    /// change between the start and end levels, in the direction it went.
    static func movement(_ e: DiagnosisEvidence) -> String {
        let change = e.endLoss / e.startLoss
        let direction: String
        if !change.isFinite || e.startLoss <= 0 || e.endLoss <= 0 {
            direction = "went"
        } else if change >= 2 {
            direction = "rose \(short(change))×"
        } else if change > 1 {
            direction = "rose \(percent(change - 1))"
        } else {
            // Past 99%, whole percents would round a real fall to "100%".
            let fall = 1 - change
            direction = "fell " + (fall > 0.99 ? String(format: "%.1f%%", 100 * fall) : percent(fall))
        }
        let (first, last) = levelWindows(e)
        return "loss \(direction), from \(short(e.startLoss)) to \(short(e.endLoss)) (medians of the first \(first) and the last \(last) losses)"
    }

    /// How many losses the start and end levels are medians of (see `LossCurve`).
    static func levelWindows(_ e: DiagnosisEvidence) -> (first: Int, last: Int) {
        let n = e.points
        return (max(1, min(5, n / 20)), min(n, max(2, n / 10)))
    }

    /// The fall the last quarter's trend makes, as a fraction of the loss: 1 − exp(−lateShare · drop),
    /// with drop = −ln(1 − progress) the whole fall in log units.
    static func lastQuarterFall(_ e: DiagnosisEvidence) -> Double {
        1 - exp(-e.lateShare * -log1p(-e.progress))
    }

    /// The first quarter's share of the whole fall, on the loss itself: `quarterShare` is measured
    /// on log-loss, so the level a quarter in is start · (end/start)^quarterShare.
    static func firstQuarterShare(_ e: DiagnosisEvidence) -> Double {
        guard e.startLoss > e.endLoss, e.endLoss > 0 else { return 0 }
        let quarterLevel = e.startLoss * pow(e.endLoss / e.startLoss, e.quarterShare)
        return (e.startLoss - quarterLevel) / (e.startLoss - e.endLoss)
    }

    /// " (the learning rate, 1e-3, → 1e-5)": which rate the fix applies to, when the log has them.
    static func rateNote(_ rates: RateHistory?, factor: Double, upTo: Double? = nil) -> String {
        guard let rates, factor != 1 else { return "" }
        func target(_ rate: Double) -> String {
            short(rate * factor) + (upTo.map { "–" + short(rate * $0) } ?? "")
        }
        switch rates {
        case let .constant(rate):
            return ": from \(short(rate)) to \(target(rate))"
        case let .lowered(from, to):
            return ": from the last rate, \(short(to)) (lowered from \(short(from)) during the run), to \(target(to))"
        case let .scheduled(peak):
            return ": scale the schedule, its peak from \(short(peak)) to \(target(peak))"
        }
    }

    private static func short(_ x: Double) -> String { String(format: "%.3g", x) }
    private static func percent(_ x: Double) -> String { String(format: "%.0f%%", 100 * x) }
}
