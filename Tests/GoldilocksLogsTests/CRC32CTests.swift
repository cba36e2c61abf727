import Testing
@testable import GoldilocksLogs

@Test func crc32cGivesTheCheckValueForTheStandardString() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
}

@Test func crc32cOfNothingIsZero() {
    #expect(CRC32C.checksum([UInt8]()) == 0)
}

@Test func maskedCRCMatchesTheLengthChecksumOfTheVersionRecord() {
    // From ECOSYSTEM.md's version-record test vector: length 0x18, masked CRC a37f4b22 (LE).
    #expect(CRC32C.masked(hexBytes("1800000000000000")) == 0x224B_7FA3)
}
