import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Certificates «о прослушивании профильного курса»: who may get one, bulk issue with gap-free numbers, annulment.
enum CertificateService {
    /// A student of a finished group as the certificate rule sees them.
    struct Candidate {
        var student: Student
        var attendance: StudentAttendance
        var result: FinalResult?
        var certificate: Certificate?
        var eligible: Bool
        /// Why not, in Russian (nil when eligible or already certified).
        var reason: String?
    }

    static func candidates(_ group: StudyGroup, minimum: Int, on db: any Database) async throws -> [Candidate] {
        let summary = try await JournalService.groupSummary(group, on: db)
        let results = Dictionary(
            try await FinalResult.query(on: db).filter(try \.$group.$id == group.requireID()).all().map {
                ($0.$student.id, $0)
            },
            uniquingKeysWith: { a, _ in a })
        let certs = Dictionary(
            try await Certificate.query(on: db).filter(try \.$group.$id == group.requireID()).filter(
                \.$status == Certificate.Status.valid.rawValue
            ).all()
                .map { ($0.$student.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ids = Set(summary.students.compactMap(\.id)).union(results.keys)
        ids.formUnion(certs.keys)
        let students =
            ids.isEmpty ? [] : try await Student.query(on: db).filter(\.$id ~~ Array(ids)).sort(\.$sortKey).all()
        return try students.map { student in
            let attendance = summary.attendance[try student.requireID()] ?? StudentAttendance()
            let result = results[try student.requireID()]
            let certificate = certs[try student.requireID()]
            let decision = CertificateRules.decide(
                passed: result?.passed, attendance: attendance, minimum: minimum,
                hasValidCertificate: certificate != nil)
            return Candidate(
                student: student, attendance: attendance, result: result, certificate: certificate,
                eligible: decision.isEligible,
                reason: decision.reason)
        }
    }

    /// Issues certificates to every eligible student of the group who has none, numbered without gaps. The year's
    /// counter row is locked first, so a second issue at the same moment waits and then finds nobody left; a unique
    /// index on valid (student, group) stands behind it.
    static func issue(group groupID: UUID, req: Request) async throws -> [Certificate] {
        do {
            return try await issueOnce(group: groupID, req: req)
        } catch let error where EnrollmentService.isUniqueViolation(error) {
            // Someone issued the same certificates in between: nothing of this attempt was kept; look again.
            return try await issueOnce(group: groupID, req: req)
        }
    }

    private static func issueOnce(group groupID: UUID, req: Request) async throws -> [Certificate] {
        let issuer = req.currentUser?.fullName ?? ""
        return try await req.application.writeTransaction { db in
            guard
                let group = try await StudyGroup.query(on: db).filter(\.$id == groupID).with(\.$program).with(
                    \.$organization
                ).with(\.$academicYear).first(),
                let municipality = try await Municipality.find(group.organization.$municipality.id, on: db)
            else { throw AppError.notFound(CertificatesWords.Refusal.groupNotFound) }
            let zone = municipality.zone
            let year = CivilDay(Date(), timeZone: zone).ymd.year
            // Lock the counter before looking at who is eligible.
            try await CertificateCounterSQL.lock(municipalityID: try municipality.requireID(), year: year, on: db)
            let lessons = try await Lesson.query(on: db).filter(\.$group.$id == groupID).filter(
                \.$status == LessonStatus.scheduled.rawValue
            )
            .sort(\.$day).sort(\.$startMinute).all()
            let (today, minute) = MunicipalClock.now(zone)
            let last = lessons.last.map { CivilDay(number: $0.day) }
            let end = group.endsOn.map { CivilDay($0, timeZone: zone) }
            guard
                AttestationRules.courseFinished(
                    lastLesson: lessons.last.map { (CivilDay(number: $0.day), $0.startMinute) }, groupEnd: end,
                    today: today, minute: minute)
            else {
                throw AppError.conflict(AttestationRules.unfinishedMessage(last ?? end))
            }
            let marked = Set(
                try await LessonRecord.query(on: db).filter(\.$lesson.$id ~~ lessons.compactMap(\.id)).all().map {
                    $0.$lesson.id
                })
            let unmarked = try lessons.filter { !marked.contains(try $0.requireID()) }.map { CivilDay(number: $0.day) }
            guard unmarked.isEmpty else { throw AppError.conflict(AttestationRules.unmarkedMessage(unmarked)) }
            let chosen = try await candidates(group, minimum: municipality.certificateMinAttendance, on: db).filter(
                \.eligible)
            guard !chosen.isEmpty else { return [] }
            guard
                let top = try await CertificateCounterSQL.raise(
                    by: chosen.count, municipalityID: try municipality.requireID(), year: year, on: db),
                let range = CertificateNumber.sequences(after: top - chosen.count, count: chosen.count)
            else { throw AppError.conflict(CertificatesWords.Refusal.counterUnavailable) }
            let first = CivilDay(group.startsOn ?? group.academicYear.startsOn, timeZone: zone)
            let delivered = try await JournalService.groupSummary(group, on: db).hours.delivered
            var issued: [Certificate] = []
            for (candidate, seq) in zip(chosen, range) {
                let cert = Certificate()
                cert.$municipality.id = try municipality.requireID()
                cert.year = year
                cert.sequence = seq
                cert.number = CertificateNumber.format(
                    series: municipality.certificateSeries, year: year, sequence: seq)
                cert.verificationCode = VerificationCode.make()
                cert.$student.id = try candidate.student.requireID()
                cert.$group.id = groupID
                cert.studentName = candidate.student.fullName
                cert.initials = CertificateRules.initials(
                    surname: candidate.student.surname, givenName: candidate.student.givenName,
                    patronymic: candidate.student.patronymic)
                cert.programTitle = group.program.title
                cert.hours = delivered
                cert.centerName = group.organization.fullName
                cert.firstDay = (lessons.first.map { CivilDay(number: $0.day) } ?? first).number
                cert.lastDay = (last ?? end ?? today).number
                cert.issuedAt = Date()
                cert.issuedBy = issuer
                cert.status = Certificate.Status.valid.rawValue
                try await cert.create(on: db)
                issued.append(cert)
            }
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "certificates", entityID: groupID,
                title: CertificatesWords.Audit.issuedTitle(group: group.name), municipalityID: municipality.id,
                organizationID: group.$organization.id,
                after: CertificatesWords.Audit.issued(issued.map { (number: $0.number, student: $0.studentName) }))
            try await refreshDue(groups: [groupID], on: db)
            return issued
        }
    }

    /// Annuls a valid certificate with a reason; a new one may then be issued to the student for the course.
    static func annul(_ id: UUID, reason: String, req: Request) async throws {
        try await req.application.writeTransaction { db in
            let rows = try await db.sql().update(Certificate.schema).set(
                "status", to: Certificate.Status.annulled.rawValue
            )
            .set("annul_reason", to: reason).set("annulled_at", to: Date())
            .where("id", .equal, id).where("status", .equal, Certificate.Status.valid.rawValue).returning("id").all()
            guard !rows.isEmpty, let certificate = try await Certificate.find(id, on: db) else {
                throw AppError.conflict(CertificatesWords.Refusal.alreadyAnnulled)
            }
            let group = try await StudyGroup.find(certificate.$group.id, on: db)
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "certificate", entityID: id,
                title: CertificatesWords.Audit.certificateTitle(certificate.number),
                municipalityID: certificate.$municipality.id, organizationID: group?.$organization.id,
                before: [CertificatesWords.Audit.state: Certificate.Status.valid.title],
                after: [
                    CertificatesWords.Audit.state: Certificate.Status.annulled.title,
                    CertificatesWords.Audit.reason: reason,
                ])
            // The student may be issued one again: the group waits for it.
            try await refreshDue(groups: [certificate.$group.id], on: db)
        }
    }
}
