import Domain
import Foundation
import Views

/// Final results of the finished groups (every enrolled pupil, recorded on the last lesson's day) and certificates for
/// two groups in three of them, issued three days later to those the certificate rule lets have one, numbered per
/// municipality and year without gaps (`CertificateNumber`), the year's counter left at the last number, the issue
/// audited as `CertificateService.issue` audits it. The other finished groups wait for the centre to issue them.
extension NetworkBuild {
    func results(_ town: inout GeneratedTown) async throws {
        var rng = random(town.index, 5)
        var lastSequence: [Int: Int] = [:]
        let minimum = Municipality(name: "").certificateMinAttendance
        let forms: [AttestationForm] = [.project, .test, .credit]
        for (index, group) in town.groups.enumerated() {
            guard let attendance = town.attendance[index], let lastLesson = group.lessons.last else { continue }
            let start = group.weekly[lastLesson.weekly].start
            guard
                AttestationRules.courseFinished(
                    lastLesson: (lastLesson.day, start), groupEnd: group.last, today: plan.today, minute: 0)
            else { continue }
            let centre = town.centres[group.centre]
            let school = town.schools[centre.school]
            let form = forms[index % forms.count]
            var passed: [Bool] = []
            for member in group.members {
                let pass = rng.chance(90)
                passed.append(pass)
                try await rows.add(
                    "final_results",
                    [
                        .uuid(rng.uuid()), .uuid(group.id), .uuid(town.pupils[member].id), .text(form.rawValue),
                        .bool(pass), .text(pass ? ["5", "4", "3"][rng.below(3)] : "2"), .int(lastLesson.day.number),
                        .text(group.teacher.name), .date(moment(lastLesson.day, minute: 20 * 60 + 30)), .int(1),
                    ])
                summary.results += 1
            }
            guard index % 3 != 2 else { continue }
            let issueDay = lastLesson.day.adding(days: 3)
            let year = issueDay.ymd.year
            var issued: [(number: String, student: String)] = []
            for (j, member) in group.members.enumerated() {
                let decision = CertificateRules.decide(
                    passed: passed[j], attendance: attendance[j], minimum: minimum, hasValidCertificate: false)
                guard decision.isEligible else { continue }
                let pupil = town.pupils[member]
                let sequence = lastSequence[year, default: 0] + 1
                lastSequence[year] = sequence
                let number = CertificateNumber.format(
                    series: CertificateNumber.defaultSeries, year: year, sequence: sequence)
                try await rows.add(
                    "certificates",
                    [
                        .uuid(rng.uuid()), .uuid(town.id), .int(year), .int(sequence), .text(number),
                        .text(VerificationCode.make(using: &rng)), .uuid(pupil.id), .uuid(group.id),
                        .text(pupil.fullName), .text(TextKey.search(pupil.fullName)),
                        .text(
                            CertificateRules.initials(
                                surname: pupil.person.surname, givenName: pupil.person.given,
                                patronymic: pupil.person.patronymic)),
                        .text(group.programmeTitle), .int(group.lessons.count * 2), .text(school.fullName),
                        .int(group.lessons[0].day.number), .int(lastLesson.day.number),
                        .date(moment(issueDay, minute: 12 * 60)), .text(centre.head.name),
                        .text(Certificate.Status.valid.rawValue),
                    ])
                issued.append((number, pupil.fullName))
            }
            summary.certificates += issued.count
            guard !issued.isEmpty else { continue }
            var entry = Audit.entry(
                req: nil, action: .create, entityType: "certificates", entityID: group.id,
                title: CertificatesWords.Audit.issuedTitle(group: group.name), municipalityID: town.id,
                organizationID: school.id, after: CertificatesWords.Audit.issued(issued))
            entry.id = rng.uuid()
            entry.at = moment(issueDay, minute: 12 * 60)
            try await rows.audit(entry)
        }
        for (year, last) in lastSequence.sorted(by: { $0.key < $1.key }) {
            try await rows.add("certificate_counters", [.uuid(rng.uuid()), .uuid(town.id), .int(year), .int(last)])
        }
    }
}
