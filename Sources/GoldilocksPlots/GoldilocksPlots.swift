// The GoldilocksPlots module.
