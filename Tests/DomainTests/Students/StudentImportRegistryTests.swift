import Domain
import Foundation
import Testing

/// The file's rows against the registry (`StudentImport.classify`, `merged`, `freshGuardians`).
@Suite struct StudentImportRegistryTests {
    let zone = TimeZone(identifier: "Europe/Moscow")!
    let school = UUID()
    let otherSchool = UUID()

    func plan() -> StudentImport.Plan {
        StudentImport.plan(
            [
                ["Фамилия", "Имя", "Дата рождения", "Класс", "Законный представитель"],
                ["Ёлкина", "Варвара", "14.03.2010", "10А", "Ёлкина Мария Ивановна"],
                ["Жуков", "Пётр", "02.05.2009", "11", ""],
                ["Кедров", "Илья", "07.07.2010", "10", ""],
            ], timeZone: zone, today: RuDate.parse("24.11.2026", timeZone: zone)!)
    }

    func child(_ row: StudentImport.Row, school: UUID, grade: Int = 9) -> StudentImport.RegisteredChild {
        .init(
            id: UUID(), identityKey: row.identityKey, schoolID: school, schoolName: "МБОУ «СОШ № 3»",
            fullName: row.surname + " " + row.givenName, grade: grade, letter: "В", sex: "female", specialNeeds: true,
            consentOn: nil, consentBy: "мать", status: RecordStatus.archived.rawValue, version: 4)
    }

    @Test func aChildOfThisSchoolIsAMatchAndOfAnotherAnErrorThatNamesItOnlyToWhoMaySee() {
        let plan = plan()
        #expect(plan.isValid && plan.rows.count == 3)
        let found = [child(plan.rows[0], school: school), child(plan.rows[1], school: otherSchool)]
        let open = StudentImport.classify(plan, found: found, schoolID: school, canSee: { _ in true })
        #expect(open.matches.keys.sorted() == [0] && open.newCount == 2 && !open.isValid)
        #expect(
            open.errors.map(\.line) == [3] && open.errors[0].message.contains("Уже зарегистрирована в МБОУ «СОШ № 3»."))
        let closed = StudentImport.classify(plan, found: found, schoolID: school, canSee: { _ in false })
        #expect(closed.errors.count == 1 && !closed.errors[0].message.contains("СОШ № 3"))
    }

    @Test func aMergeTakesTheFilesValuesWhereItHasThemAndActivatesTheChild() {
        let row = plan().rows[0]
        let merged = StudentImport.merged(child(row, school: school), with: row)
        #expect(merged.grade == 10 && merged.letter == "А" && merged.sex == "female" && merged.specialNeeds)
        #expect(merged.consentBy == "мать" && merged.status == RecordStatus.active.rawValue && merged.version == 5)
    }

    @Test func aGuardianAlreadyOnTheChildIsNotAddedAgain() {
        let rows = plan().rows
        let id = UUID()
        let existing: Set = [StudentImport.guardianKey(id, "ЁЛКИНА Мария Ивановна")]
        #expect(StudentImport.freshGuardians([(id, rows[0])], existing: existing).isEmpty)
        #expect(StudentImport.freshGuardians([(UUID(), rows[0]), (UUID(), rows[1])], existing: existing).count == 1)
    }
}
