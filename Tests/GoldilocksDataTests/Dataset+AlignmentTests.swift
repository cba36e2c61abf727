import GoldilocksData
import Testing

private func load(_ text: String, task: TaskChoice = .auto) throws -> Dataset {
    try CSVLoader(task: task).load(text: text, name: "v.csv")
}

@Test func aValidationFileLackingAClassKeepsTheTrainingSetsLabelNumbers() throws {
    let training = try load("a,b,label\n0,0,cat\n1,1,dog\n2,2,emu\n3,3,cat\n")
    // Read alone, "dog" and "emu" would be classes 0 and 1; in training's numbering they are 1 and 2.
    let validation = try load("a,b,label\n5,6,emu\n7,8,dog\n", task: .classification).aligned(to: training, name: "v.csv")
    #expect(validation.targets == [2, 1])
    #expect(validation.classNames == ["cat", "dog", "emu"])
    #expect(validation.task == .classification(classes: 3))
}

@Test func validationColumnsAreMatchedByNameNotPosition() throws {
    let training = try load("a,b,y\n0,10,0.5\n1,11,1.5\n2,12,2.5\n")
    let validation = try load("b,a,y\n20,3,0.25\n21,4,0.75\n").aligned(to: training, name: "v.csv")
    #expect(validation.features == [3, 20, 4, 21])
    #expect(validation.featureNames == ["a", "b"])
}

@Test func aFileOfAnotherDataSetIsRefusedNamingTheColumns() throws {
    let training = try load("a,b,y\n0,10,0.5\n1,11,1.5\n2,12,2.5\n")
    #expect {
        try load("c,d,y\n0,1,0.5\n1,2,1.5\n").aligned(to: training, name: "other.csv")
    } throws: { error in
        "\(error)" == "other.csv: the validation data lacks the training data's columns a, b and has columns the training data does not: c, d; it must hold the same feature columns (in any order)"
    }
}

@Test func aClassTheTrainingSetNeverShowsIsAnError() throws {
    let training = try load("a,label\n0,cat\n1,dog\n2,cat\n")
    #expect(throws: DataError.self) {
        try load("a,label\n0,cat\n1,yak\n", task: .classification).aligned(to: training, name: "v.csv")
    }
}
