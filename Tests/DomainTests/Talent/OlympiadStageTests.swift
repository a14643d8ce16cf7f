import Foundation
import Testing

@testable import Domain

/// Issue 21, item 3: the municipal stage's rules — scores per task, the invitation, the rating with its quota,
/// minimum shares and ties, and an appeal moving a participant across the boundary.
@Suite struct OlympiadStageTests {
    func entry(_ name: String, _ total: Double) -> OlympiadRating.Entry {
        OlympiadRating.Entry(id: UUID(), sortKey: name, total: total)
    }

    @Test func scoresAreCheckedAgainstEachTasksMaximum() throws {
        #expect(try OlympiadScores.maxima("10; 10; 20").get() == [10, 10, 20])
        #expect(try OlympiadScores.scores("5; 7,5; 20", maxima: [10, 10, 20]).get() == [5, 7.5, 20])
        #expect(OlympiadScores.total([5, 7.5, 20]) == 32.5)
        #expect(
            OlympiadScores.scores("5; 11; 20", maxima: [10, 10, 20]) == .failure(.aboveMaximum(task: 2, maximum: 10)))
        #expect(OlympiadScores.scores("5; 7", maxima: [10, 10, 20]) == .failure(.wrongCount(expected: 3, got: 2)))
        #expect(OlympiadScores.scores("5; пять; 7", maxima: [10, 10, 20]) == .failure(.notANumber("пять")))
        #expect(OlympiadScores.scores("-1; 0; 0", maxima: [10, 10, 20]) == .failure(.negative))
        #expect(OlympiadScores.scores("", maxima: [10]) == .failure(.empty))
        #expect(OlympiadScores.stored([5, 7.5, 0]) == "5;7.5;0")
        #expect(OlympiadScores.read("5;7.5;0") == [5, 7.5, 0])
    }

    @Test func theRatingRanksEqualTotalsTogetherThenAlphabetically() {
        let rules = OlympiadRules(quotaPercent: 45, winnerMinPercent: 50, prizeMinPercent: 50)
        let table = OlympiadRating.table(
            [entry("орлова", 30), entry("азаров", 30), entry("белов", 35), entry("ёжиков", 10)], maximum: 40,
            rules: rules, decision: nil)
        #expect(table.rows.map(\.entry.sortKey) == ["белов", "азаров", "орлова", "ёжиков"])
        #expect(table.rows.map(\.place) == ["1", "2–3", "2–3", "4"])
    }

    @Test func theQuotaAndTheMinimumShareDecideTheStatuses() {
        // 10 participants, 45 %: 4 seats; the maximum is 40, so a total must exceed 20.
        let rules = OlympiadRules.standard
        let totals: [Double] = [38, 33, 30, 25, 21, 20, 15, 12, 8, 5]
        let entries = totals.enumerated().map { entry("p\($0.offset)", $0.element) }
        let table = OlympiadRating.table(entries, maximum: 40, rules: rules, decision: nil)
        #expect(table.quota == 4)
        #expect(
            table.rows.map(\.status) == [.winner, .prizeWinner, .prizeWinner, .prizeWinner]
                + Array(repeating: .participant, count: 6))
        // Half the maximum exactly is not «more than half».
        let few = OlympiadRating.table(
            [entry("a", 20), entry("b", 19), entry("c", 5)], maximum: 40,
            rules: OlympiadRules(quotaPercent: 100, winnerMinPercent: 50, prizeMinPercent: 50), decision: nil)
        #expect(few.rows.map(\.status) == [.participant, .participant, .participant])
    }

    @Test func aTieAcrossTheBoundaryWaitsForTheRecordedDecision() {
        // 4 participants, 45 %: one seat, two share the top total.
        let entries = [entry("a", 30), entry("b", 30), entry("c", 25), entry("d", 5)]
        let open = OlympiadRating.table(entries, maximum: 40, rules: .standard, decision: nil)
        #expect(open.tie == OlympiadRating.Tie(total: 30, count: 2, seats: 1, decided: nil))
        #expect(open.rows.prefix(2).map(\.status) == [.tieUndecided, .tieUndecided])
        let included = OlympiadRating.table(entries, maximum: 40, rules: .standard, decision: (30, .includeAll))
        #expect(included.rows.map(\.status) == [.winner, .winner, .participant, .participant])
        #expect(!included.staleDecision)
        let excluded = OlympiadRating.table(entries, maximum: 40, rules: .standard, decision: (30, .excludeAll))
        #expect(excluded.rows.map(\.status) == [.participant, .participant, .participant, .participant])
    }

    @Test func anAppealMovingAParticipantAcrossTheBoundaryMakesTheDecisionStale() {
        // After the appeal «b» has 31: no tie any more, the decision for 30 no longer applies.
        let entries = [entry("a", 30), entry("b", 31), entry("c", 25), entry("d", 5)]
        let table = OlympiadRating.table(entries, maximum: 40, rules: .standard, decision: (30, .includeAll))
        #expect(table.tie == nil)
        #expect(table.staleDecision)
        #expect(table.rows.map(\.status) == [.winner, .participant, .participant, .participant])
        #expect(AppealOutcome(old: 30, new: 31) == .raised)
        #expect(AppealOutcome(old: 30, new: 28.5) == .lowered)
        #expect(AppealOutcome(old: 30, new: 30) == .unchanged)
    }

    @Test func theInvitedAreSchoolStagePassersAndLastYearsAwardeesWithConsent() {
        let passer = UUID()
        let below = UUID()
        let noConsent = UUID()
        let noPassingScore = UUID()
        let lastYear = UUID()
        let graduated = UUID()
        let both = UUID()
        let (invited, withoutConsent) = OlympiadInvitation.invite(
            schoolResults: [
                .init(studentID: passer, grade: 8, score: 25, consented: true),
                .init(studentID: below, grade: 8, score: 24.5, consented: true),
                .init(studentID: noConsent, grade: 8, score: 30, consented: false),
                .init(studentID: noPassingScore, grade: 9, score: 40, consented: true),
                .init(studentID: both, grade: 10, score: 30, consented: true),
            ],
            passingScores: [8: 25, 10: 20],
            lastYear: [
                .init(studentID: lastYear, grade: 9, atSchool: true, consented: true),
                .init(studentID: graduated, grade: 11, atSchool: false, consented: true),
                .init(studentID: both, grade: 10, atSchool: true, consented: true),
            ])
        #expect(invited.map(\.studentID) == [passer, both, lastYear])
        #expect(invited[1].reasons == [.schoolStage, .lastYear])
        #expect(invited[2].grade == 9 && invited[2].schoolScore == nil)
        #expect(withoutConsent == [noConsent])
    }
}

/// Issue 21, item 3: who runs a municipal stage and who reads its participants.
@Suite struct OlympiadAccessTests {
    let municipalityID = UUID()
    let policy = AccessPolicy()

    func actor(_ role: Role, _ org: UUID?) -> Actor {
        Actor(
            userID: UUID(), username: "u",
            grants: [
                RoleGrant(
                    role: role,
                    scope: org.map { .organization($0, municipalityID: municipalityID) }
                        ?? .municipality(municipalityID))
            ], students: [])
    }

    @Test func theMethodologistRunsTheStageAndSchoolsReadTheirOwn() {
        let stage = Resource.olympiadStage(municipalityID: municipalityID)
        let school = OrgRef(id: UUID(), municipalityID: municipalityID)
        let participant = Resource.olympiadParticipant(school: school)
        for role in [Role.authorityAdmin, .coordinator, .methodologist] {
            #expect(policy.allows(actor(role, nil), .update, stage))
            #expect(policy.allows(actor(role, nil), .update, participant))
        }
        #expect(policy.allows(actor(.schoolAdmin, school.id), .read, stage))
        #expect(!policy.allows(actor(.schoolAdmin, school.id), .update, stage))
        #expect(policy.allows(actor(.schoolAdmin, school.id), .read, participant))
        #expect(!policy.allows(actor(.schoolAdmin, school.id), .update, participant))
        #expect(!policy.allows(actor(.schoolAdmin, UUID()), .read, participant))
        #expect(!policy.allows(actor(.teacher, UUID()), .read, participant))
        #expect(!policy.allows(actor(.guardian, nil), .read, stage))
        // Another municipality's stage is nobody's here.
        #expect(!policy.allows(actor(.methodologist, nil), .read, .olympiadStage(municipalityID: UUID())))
    }
}

/// Issue 21, item 3: the jury's table read into results — task columns in any order, the total checked.
@Suite struct OlympiadResultImportTests {
    let zone = TimeZone(identifier: "Europe/Moscow")!

    @Test func theTableIsReadWithItsTaskColumnsAndTheTotalChecked() {
        let table = [
            ["Шифр", "Фамилия", "Имя", "Дата рождения", "Класс участия", "Задание 2", "Задание 1", "Итого"],
            ["М-01", "Ёлкина", "Варвара", "14.03.2010", "10", "7,5", "10", "17,5"],
            ["М-02", "Зуев", "Глеб", "01.02.2010", "12", "5", "", "9"],
            ["", "", "", "", "", "", "", ""],
        ]
        let plan = OlympiadResultImport.plan(table, timeZone: zone)
        #expect(plan.fileErrors.isEmpty)
        #expect(plan.rows.count == 1)
        #expect(plan.rows.first?.scores == [10, 7.5])
        #expect(plan.rows.first?.code == "М-01")
        let messages = plan.errors.map { "\($0.line) \($0.column): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("3 Класс участия") })
        #expect(messages.contains { $0.hasPrefix("3 Задание 1") })
    }

    @Test func aTableWithoutTasksOrWithAGapIsRefusedWhole() {
        let noTasks = OlympiadResultImport.plan(
            [
                ["Код участника", "Фамилия", "Имя", "Дата рождения", "Класс участия"],
                ["М-1", "А", "Б", "01.01.2010", "9"],
            ],
            timeZone: zone)
        #expect(noTasks.fileErrors.contains { $0.contains("Нет столбцов с баллами заданий") })
        let gap = OlympiadResultImport.plan(
            [
                ["Код участника", "Фамилия", "Имя", "Дата рождения", "Класс участия", "Задание 1", "Задание 3"],
                ["М-1", "А", "Б", "01.01.2010", "9", "1", "2"],
            ], timeZone: zone)
        #expect(gap.fileErrors.contains { $0.contains("с пропуском") })
        let wrongTotal = OlympiadResultImport.plan(
            [
                ["Код участника", "Фамилия", "Имя", "Дата рождения", "Класс участия", "Задание 1", "Итого"],
                ["М-1", "А", "Б", "01.01.2010", "9", "4", "5"],
            ], timeZone: zone)
        #expect(wrongTotal.errors.first?.message.contains("не равно сумме") == true)
    }
}

extension OlympiadAccessTests {
    @Test func aCentreKeepsItsOwnPreparationSessions() {
        let center = OrgRef(id: UUID(), municipalityID: municipalityID)
        let session = Resource.olympiadTraining(center: center)
        #expect(policy.allows(actor(.centerHead, center.id), .create, session))
        #expect(policy.allows(actor(.centerHead, center.id), .archive, session))
        #expect(!policy.allows(actor(.centerHead, UUID()), .create, session))
        #expect(policy.allows(actor(.methodologist, nil), .create, session))
        #expect(!policy.allows(actor(.teacher, center.id), .create, session))
        #expect(!policy.allows(actor(.schoolAdmin, UUID()), .read, session))
    }
}

/// Issue 21, item 4: the databank's entry rule and who sees the databank.
@Suite struct GiftedRuleTests {
    @Test func theRuleAdmitsByLevelResultAndYears() {
        let rule = GiftedRule.standard
        #expect(rule.admits(level: .municipal, result: .prizeWinner, yearsAgo: 0))
        #expect(rule.admits(level: .federal, result: .winner, yearsAgo: 2))
        #expect(!rule.admits(level: .municipal, result: .prizeWinner, yearsAgo: 3))
        #expect(!rule.admits(level: .school, result: .winner, yearsAgo: 0))
        #expect(!rule.admits(level: .regional, result: .participant, yearsAgo: 0))
        #expect(rule.text == "победитель или призёр муниципального уровня и выше за последние 3 учебных года")
    }

    @Test func theMunicipalityReadsWithConsentAndTheSchoolItsOwn() {
        let municipalityID = UUID()
        let school = OrgRef(id: UUID(), municipalityID: municipalityID)
        func actor(_ role: Role, _ org: UUID?) -> Actor {
            Actor(
                userID: UUID(), username: "u",
                grants: [
                    RoleGrant(
                        role: role,
                        scope: org.map { .organization($0, municipalityID: municipalityID) }
                            ?? .municipality(municipalityID))
                ], students: [])
        }
        let policy = AccessPolicy()
        #expect(policy.allows(actor(.coordinator, nil), .create, .gifted(school: school, shared: true)))
        #expect(!policy.allows(actor(.coordinator, nil), .read, .gifted(school: school, shared: false)))
        #expect(!policy.allows(actor(.methodologist, nil), .create, .gifted(school: school, shared: true)))
        #expect(policy.allows(actor(.schoolAdmin, school.id), .read, .gifted(school: school, shared: false)))
        #expect(!policy.allows(actor(.schoolAdmin, school.id), .create, .gifted(school: school, shared: true)))
        #expect(!policy.allows(actor(.schoolAdmin, UUID()), .read, .gifted(school: school, shared: true)))
        #expect(policy.allows(actor(.authorityAdmin, nil), .update, .giftedRule(municipalityID: municipalityID)))
        #expect(!policy.allows(actor(.coordinator, nil), .update, .giftedRule(municipalityID: municipalityID)))
    }
}
