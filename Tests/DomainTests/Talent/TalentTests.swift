import Foundation
import Testing

@testable import Domain

/// Issue 21: who keeps and reads contests and achievements, and the achievement's own rules.
@Suite struct TalentAccessTests {
    let municipalityID = UUID()
    let policy = AccessPolicy()

    func actor(_ role: Role, _ org: UUID?, _ municipality: UUID? = nil, students: Set<UUID> = []) -> Actor {
        let municipality = municipality ?? municipalityID
        return Actor(
            userID: UUID(), username: "u",
            grants: [
                RoleGrant(
                    role: role,
                    scope: org.map { .organization($0, municipalityID: municipality) } ?? .municipality(municipality))
            ], students: students)
    }

    @Test func anAchievementStaysAtSchoolWithoutConsent() {
        let school = OrgRef(id: UUID(), municipalityID: municipalityID)
        let shared = Resource.achievement(school: school, shared: true)
        let unshared = Resource.achievement(school: school, shared: false)
        // The school keeps its own, with or without consent.
        for action in [Action.read, .create, .update, .archive] {
            #expect(policy.allows(actor(.schoolAdmin, school.id), action, unshared))
        }
        #expect(!policy.allows(actor(.schoolAdmin, UUID()), .read, shared))
        // The municipality's roles read consenting students' results and enter none.
        for role in [Role.authorityAdmin, .coordinator, .methodologist] {
            #expect(policy.allows(actor(role, nil), .read, shared))
            #expect(!policy.allows(actor(role, nil), .read, unshared))
            #expect(!policy.allows(actor(role, nil), .create, shared))
            #expect(!policy.allows(actor(role, nil, UUID()), .read, shared))
        }
        for role in [Role.centerHead, .teacher] { #expect(!policy.allows(actor(role, school.id), .read, shared)) }
        // A family reads a child's results through `.person`, not the school's list.
        #expect(!policy.allows(actor(.guardian, nil), .read, shared))
    }

    @Test func contestsAreTheMunicipalitysAndASchoolAddsOnly() {
        let contest = Resource.contest(municipalityID: municipalityID)
        for role in [Role.authorityAdmin, .coordinator, .methodologist] {
            #expect(policy.allows(actor(role, nil), .update, contest))
            #expect(!policy.allows(actor(role, nil, UUID()), .read, contest))
        }
        let school = UUID()
        #expect(policy.allows(actor(.schoolAdmin, school), .create, contest))
        #expect(!policy.allows(actor(.schoolAdmin, school), .update, contest))
        #expect(!policy.allows(actor(.schoolAdmin, school), .archive, contest))
        #expect(policy.allows(actor(.teacher, school), .read, contest))
        #expect(!policy.allows(actor(.teacher, school), .create, contest))
        #expect(!policy.allows(actor(.student, nil), .read, contest))
    }

    @Test func theGradeCompetedForIsTheGradeStudiedOrHigher() {
        #expect(AchievementRules.competedGradeIsValid(studied: 9, competed: 9))
        #expect(AchievementRules.competedGradeIsValid(studied: 9, competed: 11))
        #expect(!AchievementRules.competedGradeIsValid(studied: 9, competed: 8))
        #expect(!AchievementRules.competedGradeIsValid(studied: 11, competed: 12))
    }

    @Test func oneResultPerSubjectOrNomination() {
        let subject = UUID()
        #expect(AchievementRules.subjectKey(subjectID: subject, nomination: "вокал") == subject.uuidString.lowercased())
        #expect(
            AchievementRules.subjectKey(subjectID: nil, nomination: "Вокал ")
                == AchievementRules.subjectKey(
                    subjectID: nil, nomination: "вокал"))
        #expect(
            AchievementRules.subjectKey(subjectID: nil, nomination: "Ёлочная игрушка")
                == AchievementRules
                .subjectKey(subjectID: nil, nomination: "елочная игрушка"))
        #expect(AchievementRules.subjectKey(subjectID: nil, nomination: nil) == "")
    }

    @Test func theOlympiadsSubjectsAreTwentyFour() {
        #expect(OlympiadSubjects.builtIn.count == 24)
        #expect(Set(OlympiadSubjects.builtIn.map(\.name)).count == 24)
        #expect(
            OlympiadSubjects.builtIn.first { $0.name == "труд (технология)" }?.profiles?.contains("робототехника")
                == true)
        #expect(ContestLevel.federal.olympiadStage == "заключительный этап")
        #expect(AchievementResult.winner > .prizeWinner)
    }
}

/// Issue 21, item 2: reading an achievements table.
@Suite struct AchievementImportPlanTests {
    let zone = TimeZone(identifier: "Europe/Moscow")!

    @Test func wordsAsPeopleWriteThem() {
        #expect(AchievementImport.level("Муниципальный этап") == .municipal)
        #expect(AchievementImport.level("заключительный") == .federal)
        #expect(AchievementImport.level("всероссийский") == .federal)
        #expect(AchievementImport.level("финал") == nil)
        #expect(AchievementImport.result("Призер") == .prizeWinner)
        #expect(AchievementImport.result("победительница") == .winner)
        #expect(AchievementImport.result("чемпион") == nil)
    }

    @Test func theHeaderIsReadInAnyOrderAndProblemsAreNamedByLine() {
        let plan = AchievementImport.plan(
            [
                ["Результат", "ФАМИЛИЯ", "Имя", "Дата рождения*", "Конкурс", "Этап", "Балл", "Место"],
                ["победитель", "Ёлкина", "Варвара", "14.03.2010", "Живое слово", "региональный", "87,5", "1"],
                ["", "", "", "", "", "", "", ""],
                ["чемпион", "Ёлкина", "", "31.02.2010", "Живое слово", "финал", "-3", "0"],
            ], timeZone: zone)
        #expect(plan.fileErrors.isEmpty)
        #expect(plan.rows.count == 1)
        #expect(plan.rows[0].score == 87.5 && plan.rows[0].level == .regional && plan.rows[0].result == .winner)
        #expect(plan.errors.allSatisfy { $0.line == 4 })
        #expect(
            Set(plan.errors.map(\.column)) == [
                "Результат", "Имя", "Дата рождения", "Этап или уровень", "Балл", "Место",
            ])
    }

    @Test func aFileThatIsNotTheTemplateIsRefusedAsAWhole() {
        let other = AchievementImport.plan([["Код", "Сумма"], ["1", "2"]], timeZone: zone)
        #expect(other.fileErrors.count == 1 && other.fileErrors[0].contains("нет ни одного заголовка шаблона"))
        let missing = AchievementImport.plan([["Фамилия", "Имя", "Погода"], ["А", "Б", "ясно"]], timeZone: zone)
        #expect(missing.fileErrors.contains { $0.contains("Нет обязательных столбцов") && $0.contains("«Результат»") })
        #expect(missing.fileErrors.contains { $0.contains("Неизвестные столбцы: «Погода»") })
        #expect(missing.rows.isEmpty)
    }
}

/// Issue 21, item 2: a scan is recognised by its content, and its name is only shown.
@Suite struct DocumentScanTests {
    @Test func theKindComesFromTheBytes() {
        #expect(DocumentScan.kind(of: Data("%PDF-1.7".utf8)) == .pdf)
        #expect(DocumentScan.kind(of: Data([0xFF, 0xD8, 0xFF, 0xE0])) == .jpeg)
        #expect(DocumentScan.kind(of: Data("<svg>".utf8)) == nil)
        #expect(DocumentScan.problem(Data()) == "Файл пустой.")
        #expect(DocumentScan.problem(Data("%PDF-".utf8) + Data(count: DocumentScan.maxBytes)) != nil)
        #expect(DocumentScan.displayName("../../etc/\"passwd\"") == "passwd")
        #expect(DocumentScan.displayName("C:\\Сканы\\диплом.pdf") == "диплом.pdf")
        #expect(DocumentScan.displayName("\u{0}") == "скан")
    }
}
