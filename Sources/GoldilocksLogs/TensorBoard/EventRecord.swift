/// TensorBoard's record framing (TFRecord):
/// `uint64 LE length | uint32 LE masked_crc32c(length bytes) | data | uint32 LE masked_crc32c(data)`.
enum EventRecord {
    /// Frames `data` as one record.
    static func frame(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 16)
        let length = withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) }
        out += length
        withUnsafeBytes(of: CRC32C.masked(length).littleEndian) { out += $0 }
        out += data
        withUnsafeBytes(of: CRC32C.masked(data).littleEndian) { out += $0 }
        return out
    }

    /// The data of each complete record in `bytes`, with its byte offset; a partial last record is
    /// left out ("not yet written", as TensorBoard's tailer treats it). A checksum mismatch throws.
    static func records(in bytes: [UInt8], file: String) throws -> [(offset: Int, data: ArraySlice<UInt8>)] {
        let read = recordsUpToDamage(in: bytes, file: file)
        if let damage = read.damage { throw damage }
        return read.records
    }

    /// The records before the first damaged one (a checksum mismatch), and that damage: what
    /// TensorBoard's reader keeps of a damaged file.
    static func recordsUpToDamage(
        in bytes: [UInt8], file: String
    ) -> (records: [(offset: Int, data: ArraySlice<UInt8>)], damage: LogError?) {
        func uint(_ at: Int, _ count: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<count { v |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            return v
        }
        var result: [(offset: Int, data: ArraySlice<UInt8>)] = []
        var i = 0
        while bytes.count - i >= 12 {
            let length = uint(i, 8)
            guard UInt32(uint(i + 8, 4)) == CRC32C.masked(bytes[i..<i + 8]) else {
                return (result, LogError.corruptRecord(file: file, offset: i, reason: "length checksum mismatch"))
            }
            let available = bytes.count - i - 16
            guard available >= 0, length <= UInt64(available) else { break }
            let start = i + 12
            let end = start + Int(length)
            guard UInt32(uint(end, 4)) == CRC32C.masked(bytes[start..<end]) else {
                return (result, LogError.corruptRecord(file: file, offset: i, reason: "data checksum mismatch"))
            }
            result.append((i, bytes[start..<end]))
            i = end + 4
        }
        return (result, nil)
    }
}
