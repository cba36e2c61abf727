import Testing

// Until the data tests land from their branch.
@Test func goldilocksDataTargetBuilds() {}
