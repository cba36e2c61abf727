#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CBLAS's `cblas_sgemm` signature (row/column order, transposes, sizes, scalars, matrices).
typealias CBLASSgemm = @convention(c) (
    Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
    Float, UnsafeMutablePointer<Float>?, Int32
) -> Void

/// CBLAS's `cblas_dgemm` signature.
typealias CBLASDgemm = @convention(c) (
    Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32,
    Double, UnsafeMutablePointer<Double>?, Int32
) -> Void

/// The system's BLAS, looked up once at run time so the binary builds and runs without it.
///
/// OpenBLAS is tried first, then any CBLAS-providing `libblas`/`libcblas`. Setting
/// `GOLDILOCKS_BLAS=off` in the environment skips the look-up (the built-in kernels are used).
struct BLASLibrary: @unchecked Sendable {  // two C function pointers into a library never unloaded
    let name: String
    let sgemm: CBLASSgemm
    let dgemm: CBLASDgemm

    static let shared: BLASLibrary? = load()

    private static func load() -> BLASLibrary? {
        if let setting = getenv("GOLDILOCKS_BLAS").map({ String(cString: $0) }), setting == "off" { return nil }
        let candidates = [
            "libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libcblas.so.3", "libblas.so.3",
            "/System/Library/Frameworks/Accelerate.framework/Accelerate",
        ]
        for name in candidates {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let s = dlsym(handle, "cblas_sgemm"), let d = dlsym(handle, "cblas_dgemm") else {
                dlclose(handle)
                continue
            }
            // One BLAS thread: `gemm` splits large products across its own paired thread, and
            // OpenBLAS's spinning pool would fight it for the two cores.
            if let setThreads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(setThreads, to: (@convention(c) (Int32) -> Void).self)(1)
            }
            return BLASLibrary(
                name: name, sgemm: unsafeBitCast(s, to: CBLASSgemm.self),
                dgemm: unsafeBitCast(d, to: CBLASDgemm.self))
        }
        return nil
    }
}
