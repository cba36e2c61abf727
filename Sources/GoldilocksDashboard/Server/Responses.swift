import Foundation
import HTTPTypes
import Hummingbird

/// JSON in and out, and server-sent events, the same way for every route.
enum Responses {
    /// JSON as every Goldilocks command writes it: non-finite numbers as "nan", "inf", "-inf".
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON body already encoded.
    static func json(body: Data) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A JSON error with `message` (what to change), as `{"error": {"message": …}}`.
    static func error(_ message: String, status: HTTPResponse.Status) -> HTTPError {
        HTTPError(status, message: message)
    }

    /// The request's body decoded as `T`; refuses a body over `limit` bytes (413) or one that is
    /// not the JSON expected (400, with the decoder's reason).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return try decode(type, from: Data(buffer.readableBytesView), what: "the request body")
    }

    /// `data` decoded as `T`, or a 400 that says why.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: "\(what) is not what this endpoint takes: \(Self.describe(error))")
        } catch {
            throw HTTPError(.badRequest, message: "\(what) is not JSON: \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? context.debugDescription : "\(keys): \(context.debugDescription)"
        }
        switch error {
        case .keyNotFound(let key, _): return "\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): return path(context)
        @unknown default: return "\(error)"
        }
    }

    /// A server-sent-events response: `produce` writes events with `send` until it returns; the
    /// stream ends then. A write that fails (the page went away) ends `produce` with an error.
    static func eventStream(
        _ produce: @escaping @Sendable (_ send: (_ event: String, _ data: String) async throws -> Void) async throws -> Void
    ) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no"],
            body: ResponseBody { writer in
                try await produce { event, data in
                    // One `data:` line per line of the payload, as the format requires.
                    let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
                    try await writer.write(ByteBuffer(string: "event: \(event)\n\(lines)\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    /// `value` as compact JSON text for an event's data.
    static func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
