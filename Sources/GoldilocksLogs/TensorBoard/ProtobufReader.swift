/// A minimal protocol-buffer decoder: walks the fields of one message.
struct ProtobufReader {
    /// One decoded field value, by wire type.
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case bytes(ArraySlice<UInt8>)
        case fixed32(UInt32)

        var int: Int? {
            if case let .varint(v) = self { return Int(truncatingIfNeeded: Int64(bitPattern: v)) }
            return nil
        }
        var double: Double? {
            if case let .fixed64(v) = self { return Double(bitPattern: v) }
            return nil
        }
        var float: Float? {
            if case let .fixed32(v) = self { return Float(bitPattern: v) }
            return nil
        }
        var data: ArraySlice<UInt8>? {
            if case let .bytes(b) = self { return b }
            return nil
        }
        var string: String? { data.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Why a message could not be decoded.
    struct Failure: Error { let reason: String }

    private let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    /// Calls `body` with each field number and value, in order.
    func forEachField(_ body: (Int, Value) throws -> Void) throws {
        var i = bytes.startIndex
        func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard i < bytes.endIndex else { throw Failure(reason: "varint runs past the end") }
                guard shift < 64 else { throw Failure(reason: "varint longer than 10 bytes") }
                let b = bytes[i]
                i += 1
                result |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return result }
                shift += 7
            }
        }
        func fixed(_ count: Int) throws -> UInt64 {
            guard bytes.endIndex - i >= count else { throw Failure(reason: "fixed-width field runs past the end") }
            var v: UInt64 = 0
            for k in 0..<count { v |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            i += count
            return v
        }
        while i < bytes.endIndex {
            let key = try varint()
            let field = Int(key >> 3)
            switch key & 7 {
            case 0: try body(field, .varint(try varint()))
            case 1: try body(field, .fixed64(try fixed(8)))
            case 2:
                let length = try varint()
                guard length <= UInt64(bytes.endIndex - i) else {
                    throw Failure(reason: "field \(field) is longer than its message")
                }
                let end = i + Int(length)
                try body(field, .bytes(bytes[i..<end]))
                i = end
            case 5: try body(field, .fixed32(UInt32(try fixed(4))))
            default: throw Failure(reason: "unsupported wire type \(key & 7) in field \(field)")
            }
        }
    }
}
