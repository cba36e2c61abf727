import Foundation

/// Encodes and decodes schedules held as `any LearningRateSchedule` inside composite schedules,
/// tagged with their Swift type name: `{"type":"StepDecay","value":{…}}`.
enum ScheduleCoding {
    /// Every schedule type that can appear inside a composite, by Swift type name.
    static let types: [String: any (LearningRateSchedule & Codable).Type] = {
        let all: [any (LearningRateSchedule & Codable).Type] = [
            StepDecay.self, MultiStepDecay.self, GeometricDecay.self, ConstantFactor.self, LinearFactor.self,
            PolynomialDecay.self, CosineAnnealing.self, WarmRestarts.self, Cyclical.self, OneCycle.self,
            SequentialSchedule.self, ChainedSchedule.self,
            WarmupDecay.self,
            ConstantSchedule.self, PolynomialSchedule.self, ExponentialDecay.self, CosineDecay.self,
            PiecewiseConstant.self, PiecewiseInterpolation.self, JoinedSchedule.self,
        ]
        return Dictionary(uniqueKeysWithValues: all.map { (String(describing: $0), $0) })
    }()

    private enum Keys: String, CodingKey { case type, value }

    /// Writes `schedules` as a list of tagged values.
    static func encode(_ schedules: [any LearningRateSchedule], to container: inout any UnkeyedEncodingContainer) throws {
        for schedule in schedules {
            guard let codable = schedule as? any (LearningRateSchedule & Codable) else {
                throw EncodingError.invalidValue(
                    schedule, .init(codingPath: container.codingPath, debugDescription: "\(type(of: schedule)) is not Codable"))
            }
            let element = container.superEncoder()
            var fields = element.container(keyedBy: Keys.self)
            try fields.encode(String(describing: type(of: codable)), forKey: .type)
            try codable.encode(to: fields.superEncoder(forKey: .value))
        }
    }

    /// Reads a list of tagged values.
    static func decode(from container: inout any UnkeyedDecodingContainer) throws -> [any LearningRateSchedule] {
        var schedules: [any LearningRateSchedule] = []
        while !container.isAtEnd {
            let fields = try container.superDecoder().container(keyedBy: Keys.self)
            let name = try fields.decode(String.self, forKey: .type)
            guard let type = types[name] else {
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: fields, debugDescription: "unknown schedule type \(name)")
            }
            schedules.append(try type.init(from: fields.superDecoder(forKey: .value)))
        }
        return schedules
    }
}
