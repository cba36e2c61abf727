#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// One fuzz input: libFuzzer's `LLVMFuzzerTestOneInput`; returns 0.
typedef int (*FuzzTestOneInput)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (`LLVMFuzzerRunDriver`, from the runtime `-sanitize=fuzzer` links) on
/// the command line with `test` as the target; returns the driver's exit status.
///
/// SwiftPM renames an executable's `main` (`--defsym main=<Target>_main`, so tests can link it),
/// which leaves no room for libFuzzer's own `main`: each target's main.swift calls this instead.
int fuzz_run_driver(int argc, char **argv, FuzzTestOneInput test);

#endif
