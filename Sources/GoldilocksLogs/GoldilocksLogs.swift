// The GoldilocksLogs module.
