import Foundation
import Testing

@testable import Domain

/// Issue 21, item 5: a support measure's checks, the points of achievements, and who keeps measures.
@Suite struct SupportMeasureTests {
    func parse(_ values: [String: String]) -> (SupportInput?, FieldErrors) {
        var errors = FieldErrors()
        let input = SupportInput.parse({ values[$0] }, errors: &errors)
        return (input, errors)
    }

    @Test func aStipendCountsItsMonthsAndATripNeedsItsDetails() throws {
        let (stipend, none) = parse([
            "kind": "stipend", "amount": "3 000", "startsOn": "01.09.2026", "endsOn": "31.12.2026",
            "basis": "Победитель",
            "destination": "ignored",
        ])
        #expect(none.isEmpty)
        let input = try #require(stipend)
        #expect(input.months == 4 && input.total == 12_000 && input.destination == nil && input.status == .proposed)
        let (_, trip) = parse(["kind": "trip", "amount": "18500,00", "basis": "Приглашение"])
        #expect(trip["startsOn"] == "Укажите дату." && trip["endsOn"] == "Укажите дату.")
        #expect(trip["destination"] != nil && trip["event"] != nil && trip["budgetLine"] != nil)
        #expect(trip["amount"] == nil)
        let (premium, premiumErrors) = parse([
            "kind": "premium", "amount": "5000", "basis": "Конкурс", "startsOn": "01.09.2026",
            "decreeNumber": "45", "decreeDay": "20.05.2026",
        ])
        #expect(premiumErrors.isEmpty && premium?.startsOn == nil && premium?.status == .awarded)
    }

    @Test func badInputIsRefusedUnderEachField() {
        let (input, errors) = parse([
            "kind": "medal", "amount": "0", "basis": " ", "startsOn": "31.02.2026", "decreeDay": "01.10.2026",
        ])
        #expect(input == nil)
        #expect(errors["kind"] == "Выберите значение из списка.")
        #expect(errors["amount"]?.hasPrefix("Сумма в рублях") == true)
        #expect(errors["basis"] == "Заполните это поле.")
        #expect(errors["decreeNumber"] == "Укажите номер приказа.")
        let (_, long) = parse([
            "kind": "stipend", "amount": "1000", "basis": "x", "startsOn": "01.09.2026", "endsOn": "01.10.2028",
        ])
        #expect(long["endsOn"]?.contains("не более чем на 24") == true)
        let (_, backwards) = parse([
            "kind": "stipend", "amount": "1000", "basis": "x", "startsOn": "01.09.2026", "endsOn": "01.08.2026",
        ])
        #expect(backwards["endsOn"] == "Окончание не раньше начала.")
        let (_, noDate) = parse(["kind": "grant", "amount": "1000", "basis": "x", "decreeNumber": "5"])
        #expect(noDate["decreeDay"] == "Укажите дату.")
        #expect(SupportInput.amount("5 000,50") == nil && SupportInput.amount("5\u{00A0}000 ₽") == 5_000)
        #expect(SupportInput.money(1_234_567) == "1\u{00A0}234\u{00A0}567\u{00A0}₽")
    }

    @Test func pointsWeighLevelAndResultWithinTheYears() {
        let points = SupportPoints.standard
        let items = [
            SupportPoints.Item(level: .municipal, result: .winner, yearsAgo: 0),
            SupportPoints.Item(level: .regional, result: .prizeWinner, yearsAgo: 1),
            SupportPoints.Item(level: .federal, result: .winner, yearsAgo: 2),
            SupportPoints.Item(level: .municipal, result: .winner, yearsAgo: -1),
        ]
        let score = points.score(items)
        #expect(score.total == 5 + 8)
        #expect(score.counted.map(\.index) == [0, 1])
        var three = points
        three.years = 3
        #expect(three.score(items).total == 5 + 8 + 25)
        var changed = SupportPoints.standard
        changed.weights[.municipal]?[.winner] = 7
        changed.years = 4
        #expect(SupportPoints.read(changed.stored, years: 4) == changed)
        var errors = FieldErrors()
        var form = Dictionary(
            uniqueKeysWithValues: ContestLevel.allCases.flatMap { level in
                AchievementResult.allCases.map { (SupportPoints.key(level, $0), "1") }
            })
        form["years"] = "2"
        form["school.winner"] = "1001"
        _ = SupportPoints.parse({ form[$0] }, errors: &errors)
        #expect(errors["school.winner"] == "Число от 0 до 1000." && errors.messages.count == 1)
    }

    @Test func theKMCKeepsMeasuresOfConsentingStudentsAndTheSchoolReadsItsOwn() {
        let municipalityID = UUID()
        let school = OrgRef(id: UUID(), municipalityID: municipalityID)
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
        let shared = Resource.supportMeasure(school: school, shared: true)
        let unshared = Resource.supportMeasure(school: school, shared: false)
        #expect(policy.allows(actor(.coordinator, nil), .create, shared))
        #expect(policy.allows(actor(.authorityAdmin, nil), .archive, shared))
        #expect(!policy.allows(actor(.coordinator, nil), .read, unshared))
        #expect(policy.allows(actor(.methodologist, nil), .read, shared))
        #expect(!policy.allows(actor(.methodologist, nil), .update, shared))
        #expect(policy.allows(actor(.schoolAdmin, school.id), .read, unshared))
        #expect(!policy.allows(actor(.schoolAdmin, school.id), .create, shared))
        #expect(!policy.allows(actor(.schoolAdmin, UUID()), .read, shared))
        #expect(!policy.allows(actor(.centerHead, UUID()), .read, shared))
        let away = Resource.supportMeasure(school: OrgRef(id: UUID(), municipalityID: UUID()), shared: true)
        #expect(!policy.allows(actor(.coordinator, nil), .read, away))
    }
}
