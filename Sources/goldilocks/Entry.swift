import ArgumentParser
import GoldilocksCommands

@main
extension GoldilocksCommand {}
