import Foundation
import Testing

@testable import Domain

/// Issue 21, item 2: «Подготовили» of an imported file matched with the staff registry.
@Suite struct PreparerNamesTests {
    let smirnova = PreparerNames.Candidate(id: UUID(), surname: "Смирнова", givenName: "Анна", patronymic: "Викторовна")
    let smirnov = PreparerNames.Candidate(id: UUID(), surname: "Смирнова", givenName: "Алла", patronymic: "Васильевна")
    let yolkin = PreparerNames.Candidate(id: UUID(), surname: "Ёлкин", givenName: "Пётр", patronymic: nil)

    @Test func fullNamesAndInitialsMatchIgnoringCaseDotsAndYo() {
        let found = PreparerNames.match("СМИРНОВА анна викторовна; елкин П.", among: [smirnova, yolkin])
        #expect(found.ids == [smirnova.id, yolkin.id])
        #expect(found.others.isEmpty)
        #expect(PreparerNames.match("Смирнова А.В.", among: [smirnova, yolkin]).ids == [smirnova.id])
    }

    @Test func anAmbiguousOrUnknownNameStaysAsWritten() {
        // «Смирнова А. В.» is both Анна Викторовна and Алла Васильевна: nobody is chosen for the school.
        let found = PreparerNames.match(
            "Смирнова А. В., Кузнецов И. П., Смирнова Анна Викторовна",
            among: [
                smirnova, smirnov,
            ])
        #expect(found.ids == [smirnova.id])
        #expect(found.others == ["Смирнова А. В.", "Кузнецов И. П."])
        // A surname alone, or a name with a word too many, names nobody.
        #expect(PreparerNames.match("Ёлкин", among: [yolkin]).ids.isEmpty)
        #expect(PreparerNames.match("Ёлкин П. С.", among: [yolkin]).others == ["Ёлкин П. С."])
        #expect(PreparerNames.match(nil, among: [yolkin]) == ([], []))
    }
}
