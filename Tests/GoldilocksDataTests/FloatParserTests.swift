@testable import GoldilocksData
import Testing

private func parse(_ text: String) -> Float? {
    var parser = FloatParser()
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { parser.parse(UnsafeBufferPointer($0)) }
}

@Test(arguments: [
    "0", "16", "-2.5", "0.1", "0.30000001192092896", "3.14159", "16777216", "16777217", "123456789",
    "1e-3", "2.5E+2", "3.4028235e38", "1.17549435e-38", "0.0000000001", "0.00000000001", "-0", "+4",
    "9.999999", "0.1234567890123",
])
func parsesToTheCorrectlyRoundedFloat(text: String) throws {
    // The standard library's Float(String) rounds correctly; the parser must agree bit for bit.
    let expected = try #require(Float(text))
    #expect(parse(text)?.bitPattern == expected.bitPattern)
}

@Test func acceptsBlanksAroundAndBareDecimalPoints() {
    #expect(parse("  7 ") == 7)
    #expect(parse("\t.5") == 0.5)
    #expect(parse("5.") == 5)
}

@Test(arguments: ["", " ", ".", "-", "1.2.3", "1e", "abc", "nan", "inf", "1e39", "1 2", "--1"])
func rejectsWhatIsNotAFiniteNumber(text: String) {
    #expect(parse(text) == nil)
}
