import GoldilocksCore

// The C library's Double functions, named through the module: inside `extension Double` a bare
// `exp(x)` would be the static `Double.exp` being defined.
#if canImport(Glibc)
    import Glibc
    @inline(__always) private func libmExp(_ x: Double) -> Double { Glibc.exp(x) }
    @inline(__always) private func libmLog(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) private func libmTanh(_ x: Double) -> Double { Glibc.tanh(x) }
#elseif canImport(Darwin)
    import Darwin
    @inline(__always) private func libmExp(_ x: Double) -> Double { Darwin.exp(x) }
    @inline(__always) private func libmLog(_ x: Double) -> Double { Darwin.log(x) }
    @inline(__always) private func libmTanh(_ x: Double) -> Double { Darwin.tanh(x) }
#endif

/// An element-wise non-linearity after a dense layer, with PyTorch's definitions.
public enum Activation: String, Codable, Sendable, CaseIterable {
    /// `max(0, x)`.
    case relu
    /// `x` for positive x, `0.01 x` otherwise (PyTorch's default `negative_slope`).
    case leakyReLU = "leaky_relu"
    /// `tanh(x)`.
    case tanh
    /// `1 / (1 + e^-x)`.
    case sigmoid
    /// `x Φ(x)` with the exact normal CDF, PyTorch's default `nn.GELU()`.
    case gelu
    /// `x`: the output layer, whose values the loss reads as logits.
    case identity

    /// Whether the derivative needs the input: all others get it from the output alone, so only
    /// GELU layers keep their pre-activations.
    var needsPreActivation: Bool { self == .gelu }
}

/// The slope of leaky ReLU for negative inputs (PyTorch's default).
let leakySlope = 0.01

extension Activation {
    /// Adds `bias` to each of `rows` rows of `values` and applies the activation in place; for
    /// GELU the biased input is also kept in `preActivations`.
    @inline(__always)
    func applyWithBias<T: NetworkScalar>(
        _ values: UnsafeMutablePointer<T>, bias: UnsafePointer<T>, rows: Int, columns: Int,
        preActivations: UnsafeMutablePointer<T>?
    ) {
        for r in 0..<rows {
            let row = values + r * columns
            switch self {
            case .identity:
                for j in 0..<columns { row[j] += bias[j] }
            case .relu:
                for j in 0..<columns { row[j] = max(row[j] + bias[j], 0) }
            case .leakyReLU:
                let slope = T(leakySlope)
                for j in 0..<columns {
                    let v = row[j] + bias[j]
                    row[j] = v > 0 ? v : slope * v
                }
            case .tanh:
                for j in 0..<columns { row[j] = T.tanh(row[j] + bias[j]) }
            case .sigmoid:
                for j in 0..<columns { row[j] = 1 / (1 + T.exp(-(row[j] + bias[j]))) }
            case .gelu:
                let pre = preActivations! + r * columns  // allocated for every GELU layer
                for j in 0..<columns {
                    let v = row[j] + bias[j]
                    pre[j] = v
                    row[j] = v * T.normalCDF(v)
                }
            }
        }
    }

    /// Multiplies the gradient in place by the activation's derivative, from the layer's outputs
    /// (and pre-activations for GELU).
    @inline(__always)
    func multiplyByDerivative<T: NetworkScalar>(
        _ gradient: UnsafeMutablePointer<T>, outputs: UnsafePointer<T>, preActivations: UnsafePointer<T>?, count: Int
    ) {
        switch self {
        case .identity:
            return
        case .relu:
            for i in 0..<count where outputs[i] <= 0 { gradient[i] = 0 }
        case .leakyReLU:
            let slope = T(leakySlope)
            for i in 0..<count where outputs[i] <= 0 { gradient[i] *= slope }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - outputs[i] * outputs[i] }
        case .sigmoid:
            for i in 0..<count { gradient[i] *= outputs[i] * (1 - outputs[i]) }
        case .gelu:
            let pre = preActivations!  // allocated for every GELU layer
            for i in 0..<count {
                let x = pre[i]
                gradient[i] *= T.normalCDF(x) + x * T.normalPDF(x)
            }
        }
    }
}

/// The element types networks compute in: `Float` for training, `Double` for gradient checks.
public protocol NetworkScalar: MatrixScalar {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func normalCDF(_ x: Self) -> Self
    static func normalPDF(_ x: Self) -> Self
}

extension Float: NetworkScalar {
    @inline(__always) public static func exp(_ x: Float) -> Float { expf(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
    @inline(__always) public static func tanh(_ x: Float) -> Float { tanhf(x) }
    @inline(__always) public static func normalCDF(_ x: Float) -> Float { 0.5 * (1 + erff(x * 0.70710678118654752)) }
    @inline(__always) public static func normalPDF(_ x: Float) -> Float { 0.39894228040143268 * expf(-0.5 * x * x) }
}

extension Double: NetworkScalar {
    @inline(__always) public static func exp(_ x: Double) -> Double { libmExp(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { libmLog(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { libmTanh(x) }
    @inline(__always) public static func normalCDF(_ x: Double) -> Double { 0.5 * (1 + erf(x * 0.70710678118654752)) }
    @inline(__always) public static func normalPDF(_ x: Double) -> Double { 0.39894228040143268 * libmExp(-0.5 * x * x) }
}
