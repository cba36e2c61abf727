import Testing

// Replaced by the target's real tests; keeps the empty target building meanwhile.
@Test func goldilocksLogsTargetBuilds() {}
