import Foundation

/// The standard normal distribution truncated to `[a, b]`, as Optuna's TPE computes it
/// (`optuna/samplers/_tpe/_truncnorm.py`, itself SciPy's `truncnorm` in log space).
///
/// The Parzen estimator's kernels are normals truncated to the search range; their log
/// densities decide which candidate TPE picks, so they follow Optuna's formulas, tails included,
/// rather than a textbook shortcut that loses precision far from the mean.
enum TruncatedNormal {
    /// log √(2π).
    static let logNormalizer = 0.5 * Foundation.log(2 * Double.pi)

    /// Φ(a), the standard normal CDF, through erf or erfc where each is accurate (`_ndtr_single`).
    static func cdf(_ a: Double) -> Double {
        let x = a / 2.0.squareRoot()
        if x < -1 / 2.0.squareRoot() { return 0.5 * erfc(-x) }
        if x < 1 / 2.0.squareRoot() { return 0.5 + 0.5 * erf(x) }
        return 1 - 0.5 * erfc(x)
    }

    /// log Φ(a): log(1 − Φ(−a)) ≈ −Φ(−a) in the right tail, the asymptotic series in the far
    /// left tail (`_log_ndtr_single`).
    static func logCDF(_ a: Double) -> Double {
        if a.isNaN { return .nan }
        if a > 6 { return -cdf(-a) }
        if a > -20 { return Foundation.log(cdf(a)) }
        if a == -.infinity { return -.infinity }
        let logLeft = -0.5 * a * a - Foundation.log(-a) - logNormalizer
        var lastTotal = 0.0, total = 1.0, numerator = 1.0, denominatorFactor = 1.0, sign = 1.0
        let denominatorConstant = 1 / (a * a)
        var i = 0.0
        // The series converges within a few dozen terms for a ≤ −20; the bound only guards the loop.
        while abs(lastTotal - total) > Double.ulpOfOne, i < 1000 {
            i += 1
            lastTotal = total
            sign = -sign
            denominatorFactor *= denominatorConstant
            numerator *= 2 * i - 1
            total += sign * numerator * denominatorFactor
        }
        return logLeft + Foundation.log(total)
    }

    /// log(e^p − e^q) for p ≥ q.
    private static func logDifference(_ p: Double, _ q: Double) -> Double {
        p + log1p(-exp(q - p))
    }

    /// log of the standard normal mass in `[a, b]`, worked in the left tail for accuracy
    /// (`_log_gauss_mass`).
    static func logMass(_ a: Double, _ b: Double) -> Double {
        if b <= 0 { return logDifference(logCDF(b), logCDF(a)) }
        if a > 0 { return logDifference(logCDF(-a), logCDF(-b)) }
        return log1p(-cdf(a) - cdf(-b))
    }

    /// The log density at `x` of a normal with mean `mean` and standard deviation `scale`
    /// truncated to `[low, high]` (`_truncnorm.logpdf` with `a = (low − mean)/scale`, …).
    static func logDensity(_ x: Double, low: Double, high: Double, mean: Double, scale: Double) -> Double {
        let a = (low - mean) / scale, b = (high - mean) / scale
        if a == b { return .nan }
        let z = (x - mean) / scale
        if z < a || z > b { return -.infinity }
        return -(z * z) / 2 - logNormalizer - logMass(a, b) - Foundation.log(scale)
    }

    /// The quantile `q` of the standard normal truncated to `[a, b]` (`_truncnorm.ppf`).
    static func quantile(_ q: Double, a: Double, b: Double) -> Double {
        if a == b { return .nan }
        if q == 0 { return a }
        if q == 1 { return b }
        let mass = logMass(a, b)
        if a < 0 {
            return inverseLogCDF(logAddExp(logCDF(a), Foundation.log(q) + mass))
        }
        return -inverseLogCDF(logAddExp(logCDF(-b), log1p(-q) + mass))
    }

    /// log(e^p + e^q) without overflow.
    private static func logAddExp(_ p: Double, _ q: Double) -> Double {
        if p == -.infinity { return q }
        if q == -.infinity { return p }
        let m = max(p, q)
        return m + log1p(exp(-abs(p - q)))
    }

    /// The x with log Φ(x) = y, by Newton's method from Optuna's starting guesses (`_ndtri_exp`):
    /// the Gaussian tail for very negative y, the logistic approximation of Φ otherwise, and
    /// the mirrored problem when y is close to 0.
    static func inverseLogCDF(_ y: Double) -> Double {
        let flipped = y > -1e-2
        let z = flipped ? Foundation.log(-expm1(y)) : y
        var x: Double =
            z < -5
            ? -(-2 * (z + logNormalizer)).squareRoot()
            : -(3.0.squareRoot() / Double.pi) * Foundation.log(expm1(-z))
        for _ in 0..<100 {
            let logCDFx = logCDF(x)
            let logPDFx = -0.5 * x * x - logNormalizer
            let dx = (logCDFx - z) * exp(logCDFx - logPDFx)
            x -= dx
            if !(abs(dx) >= 1e-8 * abs(x)) { break }
        }
        return flipped ? -x : x
    }
}
