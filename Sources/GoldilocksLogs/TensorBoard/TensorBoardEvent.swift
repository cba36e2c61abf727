/// One TensorBoard `Event`: the file-version header, or a summary of scalar values, at a step.
///
/// Only what scalars need is modelled; other payloads (images, histograms, graphs) decode to
/// `.other` and are skipped by readers.
public struct TensorBoardEvent: Sendable, Equatable {
    /// What the event carries.
    public enum Payload: Sendable, Equatable {
        /// The first record of a file, `"brain.Event:2"`.
        case fileVersion(String)
        /// `Summary.Value`s that hold numbers.
        case scalars([TensorBoardScalar])
        /// `SessionLog{status: START}`: the run (re)started at this step, so TensorBoard drops
        /// every point at this step or later that was logged before (PyTorch writes it for
        /// `SummaryWriter(purge_step:)`).
        case sessionStart
        /// Anything else (graphs, other session logs, non-scalar summaries).
        case other
    }

    /// Seconds since 1970 when the event was written.
    public var wallTime: Double
    /// The global step.
    public var step: Int
    /// What the event carries.
    public var payload: Payload

    /// An event.
    public init(wallTime: Double, step: Int = 0, payload: Payload) {
        self.wallTime = wallTime
        self.step = step
        self.payload = payload
    }
}

/// One named number in a `Summary`, stored either as `simple_value` or as a rank-0 tensor.
public struct TensorBoardScalar: Sendable, Equatable {
    /// How the value is stored in the `Summary.Value`.
    public enum Form: Sendable, Equatable {
        /// `float simple_value = 2` (legacy, what `SummaryWriter.add_scalar` writes by default).
        case simpleValue
        /// `TensorProto tensor = 8` of dtype DT_FLOAT with the "scalars" plugin metadata.
        case tensor
    }

    /// The tag (series name).
    public var tag: String
    /// The value; stored as a 32-bit float in the file.
    public var value: Double
    /// How the value is stored.
    public var form: Form
    /// Whether the `SummaryMetadata` naming the "scalars" plugin is written (only the first value
    /// of a tag needs it) or was read.
    public var hasMetadata: Bool

    /// A scalar.
    public init(tag: String, value: Double, form: Form = .simpleValue, hasMetadata: Bool = false) {
        self.tag = tag
        self.value = value
        self.form = form
        self.hasMetadata = hasMetadata
    }
}

extension TensorBoardEvent {
    /// The serialized `Event` protocol buffer.
    ///
    /// Field order follows the protobuf reference encoder (by field number, with the summary value's
    /// `metadata = 9` before `tensor = 8` as TensorBoard's writers emit it), so the bytes match
    /// TensorBoard's own files.
    public func encoded() -> [UInt8] {
        var w = ProtobufWriter()
        w.double(1, wallTime)
        if step != 0 { w.int(2, step) }
        switch payload {
        case let .fileVersion(version):
            w.string(3, version)
        case let .scalars(values):
            w.message(5) { summary in
                for value in values {
                    summary.message(1) { v in v.encode(value) }
                }
            }
        case .sessionStart:
            w.message(7) { log in log.int(1, 1) }
        case .other:
            break
        }
        return w.bytes
    }

    /// Decodes an `Event`; `pluginOfTag` remembers each tag's plugin, since only the first value of
    /// a tag carries metadata.
    static func decode(_ bytes: ArraySlice<UInt8>, pluginOfTag: inout [String: String]) throws -> TensorBoardEvent {
        var event = TensorBoardEvent(wallTime: 0, payload: .other)
        try ProtobufReader(bytes).forEachField { field, value in
            switch field {
            case 1: event.wallTime = value.double ?? 0
            case 2: event.step = value.int ?? 0
            case 3: event.payload = .fileVersion(value.string ?? "")
            case 5:
                guard let data = value.data else { return }
                var scalars: [TensorBoardScalar] = []
                try ProtobufReader(data).forEachField { f, v in
                    guard f == 1, let valueBytes = v.data else { return }
                    if let scalar = try decodeValue(valueBytes, pluginOfTag: &pluginOfTag) { scalars.append(scalar) }
                }
                event.payload = scalars.isEmpty ? .other : .scalars(scalars)
            case 7:
                guard let data = value.data else { return }
                try ProtobufReader(data).forEachField { f, v in
                    if f == 1, v.int == 1 { event.payload = .sessionStart }
                }
            default: break
            }
        }
        return event
    }

    private static func decodeValue(_ bytes: ArraySlice<UInt8>, pluginOfTag: inout [String: String]) throws -> TensorBoardScalar? {
        var tag = ""
        var simple: Float?
        var tensor: ArraySlice<UInt8>?
        var plugin: String?
        var dataClass: Int?
        try ProtobufReader(bytes).forEachField { field, value in
            switch field {
            case 1: tag = value.string ?? ""
            case 2: simple = value.float
            case 8: tensor = value.data
            case 9:
                guard let metadata = value.data else { return }
                try ProtobufReader(metadata).forEachField { f, v in
                    if f == 4 { dataClass = v.int }
                    if f == 1, let pluginData = v.data {
                        try ProtobufReader(pluginData).forEachField { pf, pv in
                            if pf == 1 { plugin = pv.string }
                        }
                    }
                }
            default: break
            }
        }
        if let plugin { pluginOfTag[tag] = plugin } else if dataClass == 1 { pluginOfTag[tag] = "scalars" }
        if let simple {
            return TensorBoardScalar(tag: tag, value: Double(simple), form: .simpleValue, hasMetadata: plugin != nil)
        }
        guard let tensor, pluginOfTag[tag] == "scalars", let number = try scalarValue(ofTensor: tensor) else { return nil }
        return TensorBoardScalar(tag: tag, value: number, form: .tensor, hasMetadata: plugin != nil || dataClass != nil)
    }

    /// The single number in a `TensorProto` (float_val, double_val, or tensor_content of a float,
    /// double, int32 or int64 tensor); nil when it holds no single number.
    private static func scalarValue(ofTensor bytes: ArraySlice<UInt8>) throws -> Double? {
        var dtype = 0
        var numbers: [Double] = []
        var content: ArraySlice<UInt8>?
        func littleEndian(_ b: ArraySlice<UInt8>, _ at: Int, _ count: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<count { v |= UInt64(b[b.startIndex + at + k]) << (8 * UInt64(k)) }
            return v
        }
        try ProtobufReader(bytes).forEachField { field, value in
            switch (field, value) {
            case (1, _): dtype = value.int ?? 0
            case (4, .bytes(let b)): content = b
            case (5, .fixed32(let bits)): numbers.append(Double(Float(bitPattern: bits)))
            case (5, .bytes(let b)):
                for k in stride(from: 0, to: b.count - 3, by: 4) {
                    numbers.append(Double(Float(bitPattern: UInt32(littleEndian(b, k, 4)))))
                }
            case (6, .fixed64(let bits)): numbers.append(Double(bitPattern: bits))
            case (6, .bytes(let b)):
                for k in stride(from: 0, to: b.count - 7, by: 8) {
                    numbers.append(Double(bitPattern: littleEndian(b, k, 8)))
                }
            case (7, .varint(let v)), (10, .varint(let v)):
                numbers.append(Double(Int64(bitPattern: v)))
            default: break
            }
        }
        if let content {
            switch (dtype, content.count) {
            case (1, 4): return Double(Float(bitPattern: UInt32(littleEndian(content, 0, 4))))
            case (2, 8): return Double(bitPattern: littleEndian(content, 0, 8))
            case (3, 4): return Double(Int32(bitPattern: UInt32(littleEndian(content, 0, 4))))
            case (9, 8): return Double(Int64(bitPattern: littleEndian(content, 0, 8)))
            default: return nil
            }
        }
        return numbers.count == 1 ? numbers[0] : nil
    }
}

extension ProtobufWriter {
    /// Writes a `Summary.Value` for one scalar.
    mutating func encode(_ scalar: TensorBoardScalar) {
        string(1, scalar.tag)
        switch scalar.form {
        case .simpleValue:
            if scalar.hasMetadata { scalarsMetadata() }
            float(2, Float(scalar.value))
        case .tensor:
            if scalar.hasMetadata { scalarsMetadata() }
            message(8) { t in
                t.int(1, 1)  // DT_FLOAT
                t.bytes(2, [])  // rank 0
                t.packedFloats(5, [Float(scalar.value)])
            }
        }
    }

    /// `SummaryMetadata{plugin_data{plugin_name:"scalars"}, data_class: SCALAR}`.
    private mutating func scalarsMetadata() {
        message(9) { m in
            m.message(1) { p in p.string(1, "scalars") }
            m.int(4, 1)
        }
    }
}
