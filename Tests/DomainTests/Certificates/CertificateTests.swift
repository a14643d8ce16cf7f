import Domain
import Foundation
import Testing

@Suite struct CertificateTests {
    @Test func numbersFormatAndParse() throws {
        #expect(CertificateNumber.format(series: "СК", year: 2026, sequence: 42) == "СК-2026-00042")
        #expect(CertificateNumber.format(series: "СК", year: 2026, sequence: 123_456) == "СК-2026-123456")
        let parsed = try #require(CertificateNumber.parse(" ск – 2026 - 00042 "))
        #expect(parsed.series == "СК" && parsed.year == 2026 && parsed.sequence == 42)
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
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let code = VerificationCode.make(using: &generator)
            #expect(code.count == 9 && code.dropFirst(4).first == "-")
            #expect(
                !code.contains("0") && !code.contains("O") && !code.contains("1") && !code.contains("I")
                    && !code.contains("L"))
        }
        #expect(VerificationCode.normalize("7q2m9xkd") == "7Q2M-9XKD")
        #expect(VerificationCode.normalize("7Q2M-9XKD") == "7Q2M-9XKD")
    }

    @Test func eligibilityNeedsAPassAndTheAttendance() {
        var attendance = StudentAttendance()
        for _ in 0..<3 { attendance.add(.present, hours: 2) }
        attendance.add(.absent, hours: 2)  // 6 of 8 hours = 75 %
        #expect(attendance.percent == 75)
        #expect(
            CertificateRules.eligible(passed: true, attendance: attendance, minimum: 75, hasValidCertificate: false))
        #expect(
            !CertificateRules.eligible(passed: true, attendance: attendance, minimum: 76, hasValidCertificate: false))
        #expect(
            !CertificateRules.eligible(passed: false, attendance: attendance, minimum: 75, hasValidCertificate: false))
        #expect(
            !CertificateRules.eligible(passed: nil, attendance: attendance, minimum: 75, hasValidCertificate: false))
        #expect(
            !CertificateRules.eligible(passed: true, attendance: attendance, minimum: 75, hasValidCertificate: true))
        #expect(
            !CertificateRules.eligible(
                passed: true, attendance: StudentAttendance(), minimum: 0, hasValidCertificate: false))
        #expect(CertificateRules.initials(surname: "Ёлкин", givenName: "Артём", patronymic: "Ильич") == "Ё. А. И.")
        #expect(CertificateRules.initials(surname: "Ёлкин", givenName: "Артём", patronymic: nil) == "Ё. А.")
    }

    @Test func aCourseIsFinishedFromItsLastLesson() {
        let day = CivilDay.parse("20.05.2027")!
        #expect(AttestationRules.courseFinished(lastLesson: (day, 900), groupEnd: nil, today: day, minute: 900))
        #expect(!AttestationRules.courseFinished(lastLesson: (day, 900), groupEnd: nil, today: day, minute: 899))
        #expect(
            !AttestationRules.courseFinished(
                lastLesson: (day, 900), groupEnd: nil, today: day.adding(days: -1), minute: 1200))
        #expect(AttestationRules.courseFinished(lastLesson: nil, groupEnd: day, today: day.adding(days: 1), minute: 0))
        #expect(!AttestationRules.courseFinished(lastLesson: nil, groupEnd: day, today: day, minute: 600))
        #expect(!AttestationRules.courseFinished(lastLesson: nil, groupEnd: nil, today: day, minute: 0))
        #expect(AttestationRules.unmarkedMessage([day]).contains("20.05.2027"))
    }
}

@Suite struct ScoreDistributionTests {
    @Test func bandsAndFigures() {
        let distribution = ScoreDistribution(scores: [0, 3, 10, 19, 20, 12], maxScore: 20)
        #expect(distribution.count == 6 && distribution.min == 0 && distribution.max == 20)
        #expect(distribution.bands == [2, 0, 1, 1, 2])  // 3 of 20 is 15 %: the first band
        #expect(ScoreDistribution.format(distribution.mean) == "10,7")
        #expect(distribution.median == 11)
        let empty = ScoreDistribution(scores: [], maxScore: 10)
        #expect(empty.mean == nil && empty.bands == [0, 0, 0, 0, 0] && ScoreDistribution.format(empty.median) == "—")
        #expect(ScoreDistribution(scores: [5], maxScore: 10).bands == [0, 0, 1, 0, 0])
    }
}

/// The certificate rule's decision and its reasons come from one function (`CertificateRules.decide`).
@Suite struct CertificateDecisionTests {
    static func attendance(_ attended: Int, of delivered: Int) -> StudentAttendance {
        var attendance = StudentAttendance()
        attendance.deliveredHours = delivered
        attendance.attendedHours = attended
        return attendance
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
        let example = Self.cases[index]
        let decision = CertificateRules.decide(
            passed: example.passed, attendance: Self.attendance(example.attended, of: 64), minimum: 75,
            hasValidCertificate: example.certified)
        #expect(decision == example.expected)
        #expect(decision.isEligible == (example.expected == .eligible))
        #expect((decision.reason == nil) == (example.expected == .eligible || example.expected == .alreadyCertified))
    }

    @Test func reasonsAreRussian() {
        #expect(CertificateDecision.lowAttendance(percent: 73, minimum: 75).reason == "посещаемость 73 % — меньше 75 %")
        #expect(CertificateDecision.noResult.reason == "нет итогов аттестации")
    }
}
