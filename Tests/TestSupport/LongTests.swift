import Foundation
import Testing

/// True when the tests (and so the library, built in the same configuration) are optimised.
///
/// SwiftPM defines `DEBUG` in debug builds only, so `swift test` is false and
/// `swift test -c release -Xswiftc -enable-testing` is true.
public let isOptimized: Bool = {
    #if DEBUG
    return false
    #else
    return true
    #endif
}()

/// Long evaluations run where the kernels are optimised; `GOLDILOCKS_LONG_TESTS=1` runs them in a
/// debug build too.
public let runsLongTests = isOptimized || ProcessInfo.processInfo.environment["GOLDILOCKS_LONG_TESTS"] == "1"

extension Tag {
    /// A long evaluation: trains real networks for many steps. Unoptimised it takes minutes, so it
    /// runs in CI's optimised pass (`swift test -c release -Xswiftc -enable-testing`) and is
    /// skipped by a plain `swift test` (set `GOLDILOCKS_LONG_TESTS=1` to run it there anyway).
    @Tag public static var long: Self
}

extension Trait where Self == ConditionTrait {
    /// Runs the test in optimised builds only (or with `GOLDILOCKS_LONG_TESTS=1`); pair it with
    /// `.tags(.long)`.
    public static var optimizedOnly: Self {
        .enabled(if: runsLongTests, "a long evaluation: runs in the optimised pass (swift test -c release -Xswiftc -enable-testing)")
    }
}
