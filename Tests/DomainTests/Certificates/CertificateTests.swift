import Domain
import Foundation
import Testing

@Suite struct CertificateTests {
    @Test func numbersFormatAndParse() throws {
        #expect(CertificateNumber.format(series: "СК", year: 2026, sequence: 42) == "СК-2026-00042")
        #expect(CertificateNumber.format(series: "СК", year: 2026, sequence: 123_456) == "СК-2026-123456")
        let p = try #require(CertificateNumber.parse(" ск – 2026 - 00042 "))
        #expect(p.series == "СК" && p.year == 2026 && p.sequence == 42)
        #expect(CertificateNumber.parse("СК-2026") == nil)
        #expect(CertificateNumber.parse("СК-1899-1") == nil)
        #expect(CertificateNumber.parse("СК-2026-0") == nil)
        #expect(CertificateNumber.parse("СК-2026-abc") == nil)
        #expect(CertificateNumber.sequences(after: 41, count: 3) == 42...44)
        #expect(CertificateNumber.sequences(after: 41, count: 0) == nil)
        #expect(CertificateNumber.isValidSeries("СК") && CertificateNumber.isValidSeries("PK1"))
        #expect(
            !CertificateNumber.isValidSeries("ск") && !CertificateNumber.isValidSeries("")
                && !CertificateNumber.isValidSeries("С-К"))
    }

    @Test func verificationCodesAvoidLookAlikes() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let c = VerificationCode.make(using: &g)
            #expect(c.count == 9 && c.dropFirst(4).first == "-")
            #expect(!c.contains("0") && !c.contains("O") && !c.contains("1") && !c.contains("I") && !c.contains("L"))
        }
        #expect(VerificationCode.normalize("7q2m9xkd") == "7Q2M-9XKD")
        #expect(VerificationCode.normalize("7Q2M-9XKD") == "7Q2M-9XKD")
    }

    @Test func eligibilityNeedsAPassAndTheAttendance() {
        var a = StudentAttendance()
        for _ in 0..<3 { a.add(.present, hours: 2) }
        a.add(.absent, hours: 2)  // 6 of 8 hours = 75 %
        #expect(a.percent == 75)
        #expect(CertificateRules.eligible(passed: true, attendance: a, minimum: 75, hasValidCertificate: false))
        #expect(!CertificateRules.eligible(passed: true, attendance: a, minimum: 76, hasValidCertificate: false))
        #expect(!CertificateRules.eligible(passed: false, attendance: a, minimum: 75, hasValidCertificate: false))
        #expect(!CertificateRules.eligible(passed: nil, attendance: a, minimum: 75, hasValidCertificate: false))
        #expect(!CertificateRules.eligible(passed: true, attendance: a, minimum: 75, hasValidCertificate: true))
        #expect(
            !CertificateRules.eligible(
                passed: true, attendance: StudentAttendance(), minimum: 0, hasValidCertificate: false))
        #expect(CertificateRules.initials(surname: "Ёлкин", givenName: "Артём", patronymic: "Ильич") == "Ё. А. И.")
        #expect(CertificateRules.initials(surname: "Ёлкин", givenName: "Артём", patronymic: nil) == "Ё. А.")
    }

    @Test func aCourseIsFinishedFromItsLastLesson() {
        let d = CivilDay.parse("20.05.2027")!
        #expect(AttestationRules.courseFinished(lastLesson: (d, 900), groupEnd: nil, today: d, minute: 900))
        #expect(!AttestationRules.courseFinished(lastLesson: (d, 900), groupEnd: nil, today: d, minute: 899))
        #expect(
            !AttestationRules.courseFinished(
                lastLesson: (d, 900), groupEnd: nil, today: d.adding(days: -1), minute: 1200))
        #expect(AttestationRules.courseFinished(lastLesson: nil, groupEnd: d, today: d.adding(days: 1), minute: 0))
        #expect(!AttestationRules.courseFinished(lastLesson: nil, groupEnd: d, today: d, minute: 600))
        #expect(!AttestationRules.courseFinished(lastLesson: nil, groupEnd: nil, today: d, minute: 0))
        #expect(AttestationRules.unmarkedMessage([d]).contains("20.05.2027"))
    }
}

@Suite struct ScoreDistributionTests {
    @Test func bandsAndFigures() {
        let d = ScoreDistribution(scores: [0, 3, 10, 19, 20, 12], maxScore: 20)
        #expect(d.count == 6 && d.min == 0 && d.max == 20)
        #expect(d.bands == [2, 0, 1, 1, 2])  // 3 of 20 is 15 %: the first band
        #expect(ScoreDistribution.format(d.mean) == "10,7")
        #expect(d.median == 11)
        let empty = ScoreDistribution(scores: [], maxScore: 10)
        #expect(empty.mean == nil && empty.bands == [0, 0, 0, 0, 0] && ScoreDistribution.format(empty.median) == "—")
        #expect(ScoreDistribution(scores: [5], maxScore: 10).bands == [0, 0, 1, 0, 0])
    }
}

/// The certificate rule's decision and its reasons come from one function (`CertificateRules.decide`).
@Suite struct CertificateDecisionTests {
    static func attendance(_ attended: Int, of delivered: Int) -> StudentAttendance {
        var a = StudentAttendance()
        a.deliveredHours = delivered
        a.attendedHours = attended
        return a
    }

    static let cases: [(passed: Bool?, attended: Int, certified: Bool, expected: CertificateDecision)] = [
        (true, 48, false, .eligible),
        (true, 48, true, .alreadyCertified),
        (nil, 64, false, .noResult),
        (false, 64, false, .failed),
        (true, 47, false, .lowAttendance(percent: 73, minimum: 75)),
    ]

    @Test(arguments: 0..<cases.count)
    func decisionsAndTheirReasons(index: Int) {
        let c = Self.cases[index]
        let decision = CertificateRules.decide(
            passed: c.passed, attendance: Self.attendance(c.attended, of: 64), minimum: 75,
            hasValidCertificate: c.certified)
        #expect(decision == c.expected)
        #expect(decision.isEligible == (c.expected == .eligible))
        #expect((decision.reason == nil) == (c.expected == .eligible || c.expected == .alreadyCertified))
    }

    @Test func reasonsAreRussian() {
        #expect(CertificateDecision.lowAttendance(percent: 73, minimum: 75).reason == "посещаемость 73 % — меньше 75 %")
        #expect(CertificateDecision.noResult.reason == "нет итогов аттестации")
    }
}
