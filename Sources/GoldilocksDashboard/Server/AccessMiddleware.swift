import HTTPTypes
import Hummingbird

/// Lets a request through only with the dashboard's token, when it has one; without one (bound to
/// loopback), only requests addressed to a loopback name, so that a web page elsewhere cannot
/// reach the dashboard through DNS rebinding.
///
/// The token may come as `Authorization: Bearer T`, as `X-Goldilocks-Token: T`, or as the cookie
/// that a first visit with `?token=T` sets (then redirected to the same page without the token in
/// its address), so that the page's server-sent events, which cannot set headers, carry it too.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    static var cookieName: String { "goldilocks_token" }
    static var headerName: HTTPField.Name { HTTPField.Name("X-Goldilocks-Token")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token else {
            if let authority = request.head.authority, !DashboardConfiguration.isLoopback(Self.hostName(authority)) {
                throw HTTPError(.forbidden, message: "this dashboard answers only to 127.0.0.1 and localhost (it has no --token)")
            }
            return try await next(request, context)
        }
        if let given = request.uri.queryParameters["token"] {
            guard Self.same(String(given), token) else { throw Self.refusal }
            var response = Response(status: .seeOther, headers: [.location: request.uri.path])
            response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let offered = [bearer, request.headers[Self.headerName], request.cookies[Self.cookieName]?.value].compactMap { $0 }
        guard offered.contains(where: { Self.same($0, token) }) else { throw Self.refusal }
        return try await next(request, context)
    }

    static var refusal: HTTPError {
        HTTPError(.unauthorized, message: "this dashboard needs its token: open the address `goldilocks serve` printed (it ends in ?token=…)")
    }

    /// `host:port`, `[::1]:port` or `host` without the port.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// Compares in time that depends only on the lengths, so timing does not reveal the token.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for k in x.indices { difference |= x[k] ^ y[k] }
        return difference == 0
    }
}
