import Domain
import Foundation
import Testing

@Suite struct AllocationTests {
    let g1 = UUID(), g2 = UUID(), g3 = UUID()
    func applicants(_ count: Int, _ choices: [UUID]) -> [Allocation.Applicant] {
        (0..<count).map { _ in .init(id: UUID(), choices: choices) }
    }

    @Test func sameSeedSameResultWhateverTheInputOrder() {
        let pool = applicants(30, [g1, g2]) + applicants(10, [g2, g3])
        let r1 = Allocation.run(applicants: pool, free: [g1: 5, g2: 5, g3: 5], maxCourses: 1, seed: 42)
        let r2 = Allocation.run(applicants: pool.reversed(), free: [g1: 5, g2: 5, g3: 5], maxCourses: 1, seed: 42)
        #expect(r1 == r2)
        let r3 = Allocation.run(applicants: pool, free: [g1: 5, g2: 5, g3: 5], maxCourses: 1, seed: 43)
        #expect(r3.order != r1.order)
    }

    @Test func eachInTurnGetsTheHighestRankedFreeCourse() {
        let pool = applicants(12, [g1, g2, g3])
        let allocation = Allocation.run(applicants: pool, free: [g1: 5, g2: 4, g3: 0], maxCourses: 1, seed: 7)
        // The first five in lottery order get their first choice, the next four the second; three are unplaced.
        for (i, id) in allocation.order.enumerated() {
            let got = allocation.placements[id] ?? []
            #expect(got == (i < 5 ? [g1] : i < 9 ? [g2] : []))
        }
        // The unplaced wait for their first choice, in lottery order.
        #expect(allocation.waitlists[g1] == Array(allocation.order.suffix(3)))
        #expect(allocation.waitlists[g2] == nil)
    }

    @Test func roundsWhenMoreThanOneCourseIsAllowed() {
        let pool = applicants(3, [g1, g2])
        let allocation = Allocation.run(applicants: pool, free: [g1: 2, g2: 2], maxCourses: 2, seed: 1)
        // Round one: two get g1, the third g2; round two: the first two get g2 only if places remain (one left).
        #expect(allocation.placements[allocation.order[0]] == [g1, g2])
        #expect(allocation.placements[allocation.order[1]] == [g1])
        #expect(allocation.placements[allocation.order[2]] == [g2])
        #expect(allocation.waitlists[g2] == [allocation.order[1]])
        #expect(allocation.waitlists[g1] == [allocation.order[2]])
    }

    @Test func tiesAreBrokenByTheLotteryNotByArrival() {
        let pool = applicants(50, [g1])
        let allocation = Allocation.run(applicants: pool, free: [g1: 1], maxCourses: 1, seed: 2026)
        #expect(allocation.placements.count == 1)
        #expect(allocation.placements[allocation.order[0]] == [g1])
        #expect(allocation.waitlists[g1]?.count == 49)
    }

    @Test func choicesAreCheckedForRepeatsAndAvailability() {
        var errors = FieldErrors()
        let ok = CampaignRules.validateChoices(
            [g1, nil, g1, UUID()], allowed: [g1, g2], maxChoices: 3, errors: &errors)
        #expect(ok == [g1])
        #expect(errors["choice3"] == "Этот курс уже выбран выше.")
        #expect(errors["choice4"]?.contains("недоступен") == true)
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
        let coverage = Coverage.school(
            .init(
                headcount: [10: 50, 11: 50, 5: 100], registered: [10: 20, 11: 10], enrolled: [10: 12, 11: 8, 5: 30]))
        #expect(coverage.seniors == Coverage.Share(numerator: 20, denominator: 100, source: .headcount))
        #expect(coverage.seniors.percent == 20.0)
        #expect(coverage.all.denominator == 200 && coverage.all.numerator == 50 && coverage.all.percent == 25.0)
        #expect(Coverage.seniorTarget.contains(coverage.seniors.percent!))
    }

    @Test func registryIsTheFallbackAndSaysSo() {
        let coverage = Coverage.school(.init(headcount: [:], registered: [10: 3, 11: 0], enrolled: [10: 1]))
        #expect(
            coverage.seniors.source == .registry && coverage.seniors.denominator == 3
                && coverage.seniors.percent == 33.3)
        #expect(Coverage.format(coverage.seniors) == "33,3\u{00A0}%")
        #expect(Coverage.format(Coverage.Share(numerator: 0, denominator: 0, source: .registry)) == "—")
    }

    @Test func theMunicipalityAddsNumeratorsAndDenominators() {
        let headcountShare = Coverage.Share(numerator: 1, denominator: 10, source: .headcount)
        let registryShare = Coverage.Share(numerator: 9, denominator: 10, source: .registry)
        let total = Coverage.total([headcountShare, registryShare])
        #expect(total.numerator == 10 && total.denominator == 20 && total.percent == 50 && total.source == .mixed)
        #expect(
            Coverage.total([registryShare, registryShare]).source == .registry
                && Coverage.total([headcountShare, headcountShare]).source == .headcount)
    }
}
