// The GoldilocksTraining module.
