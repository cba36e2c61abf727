import FuzzDriver
import Foundation

exit(fuzz_run_driver(CommandLine.argc, CommandLine.unsafeArgv, fuzzCSVLog))
