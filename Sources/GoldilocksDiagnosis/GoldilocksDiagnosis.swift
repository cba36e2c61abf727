// The GoldilocksDiagnosis module.
