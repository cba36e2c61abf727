// The GoldilocksNetworks module.
