import GoldilocksOptimizers
import GoldilocksSpec
import Testing

/// The eight-lane Float path (plain Adam/AdamW) must give exactly what the general scalar loop
/// gives. `maximize` on the negated gradient takes the general loop with the same arithmetic
/// (−(−g) = g exactly), so the two parameter vectors must be equal bit for bit.
@Test(arguments: [#"{"name":"Adam","lr":0.01}"#, #"{"name":"AdamW","lr":0.003,"weight_decay":0.1}"#])
func theVectorisedFloatAdamEqualsTheScalarLoopBitForBit(spec: String) throws {
    let count = 1003  // not a multiple of 8: the tail loop runs too
    var fast: any Optimizer<Float> = try makeOptimizer(try Spec(json: spec), parameterCount: count)
    var general: any Optimizer<Float> = try makeOptimizer(
        try Spec(json: String(spec.dropLast()) + #","maximize":true}"#), parameterCount: count)
    var p1 = (0..<count).map { Float(($0 % 17) - 8) / 7 }
    var p2 = p1
    for step in 0..<20 {
        let gradients = p1.enumerated().map { i, p in p * Float(1 + (i + step) % 5) - 0.25 }
        let negated = gradients.map { -$0 }
        try fast.step(parameters: &p1, gradients: gradients)
        try general.step(parameters: &p2, gradients: negated)
        #expect(p1.map(\.bitPattern) == p2.map(\.bitPattern), "step \(step)")
    }
}
