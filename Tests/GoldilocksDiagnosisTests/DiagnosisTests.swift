import Foundation
import GoldilocksDiagnosis
import Testing

@Test func aDiagnosisEncodesToTheContractsJSONFieldNames() throws {
    let d = try diagnose(losses: [2.3, 2.29, 2.28, 2.27, 2.26], learningRates: Array(repeating: 1e-4, count: 5))
    let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(d)) as? [String: Any])
    #expect(object["verdict"] as? String == "too_slow")
    #expect(object["lr_factor"] as? Double == 10)
    for key in ["symptom", "cause", "fix", "decay_now", "evidence"] { #expect(object[key] != nil, "\(key)") }
    let evidence = try #require(object["evidence"] as? [String: Any])
    #expect(evidence["suggested_learning_rate"] as? Double == 1e-3)
    #expect(try JSONDecoder().decode(Diagnosis.self, from: JSONEncoder().encode(d)) == d)
    #expect(object["did_not_train"] as? Bool == false)
    #expect(object["reruns"] is NSNull)
    // The JSON of an earlier version, without did_not_train and reruns, still reads.
    var earlier = object
    earlier["did_not_train"] = nil
    earlier["reruns"] = nil
    let read = try JSONDecoder().decode(Diagnosis.self, from: JSONSerialization.data(withJSONObject: earlier))
    #expect(read == d)
}

@Test(arguments: Verdict.allCases)
func verdictsUseTheContractsNames(verdict: Verdict) {
    #expect(["healthy", "too_slow", "oscillating", "diverged", "plateau"].contains(verdict.rawValue))
}
