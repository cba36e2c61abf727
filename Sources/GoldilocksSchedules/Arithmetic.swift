import Foundation

/// Python's `a // b` for integers: rounds toward minus infinity.
func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}

/// Python's `a % b` for integers: the sign of `b`.
func floorModulo(_ a: Int, _ b: Int) -> Int {
    let remainder = a % b
    return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder
}
