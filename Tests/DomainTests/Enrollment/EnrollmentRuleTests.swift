import Domain
import Foundation
import Testing

@Suite struct AllocationTests {
    let g1 = UUID(), g2 = UUID(), g3 = UUID()
    func applicants(_ n: Int, _ choices: [UUID]) -> [Allocation.Applicant] {
        (0..<n).map { _ in .init(id: UUID(), choices: choices) }
    }

    @Test func sameSeedSameResultWhateverTheInputOrder() {
        let a = applicants(30, [g1, g2]) + applicants(10, [g2, g3])
        let r1 = Allocation.run(applicants: a, free: [g1: 5, g2: 5, g3: 5], maxCourses: 1, seed: 42)
        let r2 = Allocation.run(applicants: a.reversed(), free: [g1: 5, g2: 5, g3: 5], maxCourses: 1, seed: 42)
        #expect(r1 == r2)
        let r3 = Allocation.run(applicants: a, free: [g1: 5, g2: 5, g3: 5], maxCourses: 1, seed: 43)
        #expect(r3.order != r1.order)
    }

    @Test func eachInTurnGetsTheHighestRankedFreeCourse() {
        let a = applicants(12, [g1, g2, g3])
        let r = Allocation.run(applicants: a, free: [g1: 5, g2: 4, g3: 0], maxCourses: 1, seed: 7)
        // The first five in lottery order get their first choice, the next four the second; three are unplaced.
        for (i, id) in r.order.enumerated() {
            let got = r.placements[id] ?? []
            #expect(got == (i < 5 ? [g1] : i < 9 ? [g2] : []))
        }
        // The unplaced wait for their first choice, in lottery order.
        #expect(r.waitlists[g1] == Array(r.order.suffix(3)))
        #expect(r.waitlists[g2] == nil)
    }

    @Test func roundsWhenMoreThanOneCourseIsAllowed() {
        let a = applicants(3, [g1, g2])
        let r = Allocation.run(applicants: a, free: [g1: 2, g2: 2], maxCourses: 2, seed: 1)
        // Round one: two get g1, the third g2; round two: the first two get g2 only if places remain (one left).
        #expect(r.placements[r.order[0]] == [g1, g2])
        #expect(r.placements[r.order[1]] == [g1])
        #expect(r.placements[r.order[2]] == [g2])
        #expect(r.waitlists[g2] == [r.order[1]])
        #expect(r.waitlists[g1] == [r.order[2]])
    }

    @Test func tiesAreBrokenByTheLotteryNotByArrival() {
        let a = applicants(50, [g1])
        let r = Allocation.run(applicants: a, free: [g1: 1], maxCourses: 1, seed: 2026)
        #expect(r.placements.count == 1)
        #expect(r.placements[r.order[0]] == [g1])
        #expect(r.waitlists[g1]?.count == 49)
    }

    @Test func choicesAreCheckedForRepeatsAndAvailability() {
        var e = FieldErrors()
        let ok = CampaignRules.validateChoices([g1, nil, g1, UUID()], allowed: [g1, g2], maxChoices: 3, errors: &e)
        #expect(ok == [g1])
        #expect(e["choice3"] == "Этот курс уже выбран выше.")
        #expect(e["choice4"]?.contains("недоступен") == true)
        var empty = FieldErrors()
        _ = CampaignRules.validateChoices([nil], allowed: [g1], maxChoices: 3, errors: &empty)
        #expect(empty["choice1"] == "Выберите хотя бы один курс.")
    }
}

/// Which consent each way into a group needs (issue 3: the КМЦ and the centres place a child on the school's record
/// of consent; an ИУП carries the guardian's own agreement; a withdrawal stops every way in).
@Suite struct EnrollmentConsentTests {
    @Test func aPlacementByTheKMCOrACenterNeedsTheSchoolsRecord() {
        for source in [EnrollmentSource.direct, .transfer, .list] {
            #expect(EnrollmentError.consent(source: source, recordedOn: nil, withdrawnAt: nil) == .noConsent)
            #expect(EnrollmentError.consent(source: source, recordedOn: Date(), withdrawnAt: nil) == nil)
        }
        #expect(EnrollmentError.consent(source: .application, recordedOn: nil, withdrawnAt: nil) == nil)
    }

    @Test func aWithdrawnConsentRefusesEveryWayIn() {
        for source in EnrollmentSource.allCases {
            #expect(
                EnrollmentError.consent(source: source, recordedOn: Date(), withdrawnAt: Date()) == .consentWithdrawn)
            #expect(EnrollmentError.consent(source: source, recordedOn: nil, withdrawnAt: Date()) == .consentWithdrawn)
        }
        #expect(
            EnrollmentError.noConsent.code == "no_consent" && EnrollmentError.noConsent.reason.contains("нет согласия"))
        #expect(
            EnrollmentError.noConsent.short == "школа не внесла согласие на обработку данных"
                && EnrollmentError.timetableClash("X").short == "занятия пересекаются: X")
    }
}

@Suite struct CoverageTests {
    @Test func headcountIsTheDenominatorWhenEntered() {
        let r = Coverage.school(
            .init(
                headcount: [10: 50, 11: 50, 5: 100], registered: [10: 20, 11: 10], enrolled: [10: 12, 11: 8, 5: 30]))
        #expect(r.seniors == Coverage.Share(numerator: 20, denominator: 100, source: .headcount))
        #expect(r.seniors.percent == 20.0)
        #expect(r.all.denominator == 200 && r.all.numerator == 50 && r.all.percent == 25.0)
        #expect(Coverage.seniorTarget.contains(r.seniors.percent!))
    }

    @Test func registryIsTheFallbackAndSaysSo() {
        let r = Coverage.school(.init(headcount: [:], registered: [10: 3, 11: 0], enrolled: [10: 1]))
        #expect(r.seniors.source == .registry && r.seniors.denominator == 3 && r.seniors.percent == 33.3)
        #expect(Coverage.format(r.seniors) == "33,3\u{00A0}%")
        #expect(Coverage.format(Coverage.Share(numerator: 0, denominator: 0, source: .registry)) == "—")
    }

    @Test func theMunicipalityAddsNumeratorsAndDenominators() {
        let a = Coverage.Share(numerator: 1, denominator: 10, source: .headcount)
        let b = Coverage.Share(numerator: 9, denominator: 10, source: .registry)
        let t = Coverage.total([a, b])
        #expect(t.numerator == 10 && t.denominator == 20 && t.percent == 50 && t.source == .mixed)
        #expect(Coverage.total([b, b]).source == .registry && Coverage.total([a, a]).source == .headcount)
    }
}
