/// One field of a CSV record: a byte range in the file, or in the reader's scratch buffer when
/// the field was quoted (its quotes removed and doubled quotes undone).
struct CSVField {
    var start: Int
    var end: Int
    /// The 1-based line the field starts on.
    var line: Int
    var quoted: Bool
}

/// Splits CSV bytes into records (RFC 4180): comma-separated fields, double-quoted fields that may
/// hold commas, quotes (written twice) and line breaks, LF or CRLF line ends, an optional final
/// line end and a UTF-8 byte-order mark. Blank lines are skipped.
///
/// Reuses its field and scratch storage from record to record, so reading allocates nothing per
/// row once the buffers have grown to the widest record.
struct CSVRecordReader {
    /// The file's bytes; must outlive the reader.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The fields of the last record read.
    private(set) var fields: [CSVField] = []
    /// The unquoted contents of the last record's quoted fields.
    private(set) var scratch: [UInt8] = []
    private var position = 0
    private var line = 1

    /// A malformed record: where it is, the field being the index in the record.
    enum SyntaxError: Error {
        /// A quoted field opened on `line` never closes.
        case unclosedQuote(line: Int)
        /// Text follows a closing quote in field `field` of `line`.
        case textAfterQuote(line: Int, field: Int)
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    }

    /// Reads the next non-blank record into `fields`; false at the end of the bytes.
    mutating func next() throws(SyntaxError) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        let count = bytes.count
        while true {
            fields.removeAll(keepingCapacity: true)
            scratch.removeAll(keepingCapacity: true)
            if position >= count { return false }
            while true {
                let fieldLine = line
                if position < count && bytes[position] == quote {
                    position += 1
                    let start = scratch.count
                    while true {
                        guard position < count else {
                            throw .unclosedQuote(line: fieldLine)
                        }
                        let byte = bytes[position]
                        if byte == quote {
                            if position + 1 < count && bytes[position + 1] == quote {
                                scratch.append(quote)
                                position += 2
                                continue
                            }
                            position += 1
                            break
                        }
                        if byte == newline { line += 1 }
                        scratch.append(byte)
                        position += 1
                    }
                    fields.append(CSVField(start: start, end: scratch.count, line: fieldLine, quoted: true))
                    if position + 1 < count && bytes[position] == carriageReturn && bytes[position + 1] == newline {
                        position += 1
                    }
                    if position < count && bytes[position] != comma && bytes[position] != newline {
                        throw .textAfterQuote(line: line, field: fields.count - 1)
                    }
                } else {
                    let start = position
                    while position < count && bytes[position] != comma && bytes[position] != newline { position += 1 }
                    var end = position
                    if end > start && bytes[end - 1] == carriageReturn && (position >= count || bytes[position] == newline) {
                        end -= 1
                    }
                    fields.append(CSVField(start: start, end: end, line: fieldLine, quoted: false))
                }
                if position >= count { return true }
                if bytes[position] == comma {
                    position += 1
                    continue
                }
                // A line end.
                position += 1
                line += 1
                break
            }
            let blank = fields.count == 1 && !fields[0].quoted && fields[0].start == fields[0].end
            if !blank { return true }
        }
    }

    /// Calls `body` with the bytes of `field` of the last record.
    @inline(__always)
    func withBytes<R>(of field: CSVField, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if field.quoted {
            return try scratch.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
        }
        return try body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
    }

    /// The text of `field` of the last record (invalid UTF-8 replaced), without surrounding blanks.
    func text(of field: CSVField) -> String {
        withBytes(of: field) { String(decoding: trimmed($0), as: UTF8.self) }
    }
}

/// `bytes` without leading and trailing spaces and tabs.
@inline(__always)
func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0, end = bytes.count
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}
