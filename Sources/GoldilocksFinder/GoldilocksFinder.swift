// The GoldilocksFinder module.
