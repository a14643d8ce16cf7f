import Domain
import Fluent
import Foundation

/// Last year's olympiad in the demo (issue 21, item 3): an approved stage with its school stage.
extension DemoData {
    /// Last year's municipal stage of physics, approved: the school stage's twenty results of consenting students of
    /// today's 10th and 11th grades (then 9th and 10th), sixteen invited by the passing score and taking part, their
    /// results written into the achievements by the approval as the methodologist's would be.
    static func demoLastYear(
        _ physics: OlympiadSubject, olympiad: Contest, current: AcademicYear, on db: any Database
    ) async throws {
        guard
            let last = try await AcademicYear.query(on: db).filter(\.$municipality.$id == current.$municipality.id)
                .filter(\.$startsOn < current.startsOn).sort(\.$startsOn, .descending).first(),
            let edition = try await ContestEdition.query(on: db).filter(\.$contest.$id == olympiad.requireID())
                .filter(\.$academicYear.$id == last.requireID()).filter(\.$level == ContestLevel.municipal.rawValue)
                .with(\.$contest).first()
        else { return }
        let stage = try await demoStage(
            physics, year: last, edition: edition, papers: [9: ("10;10;10;10", 20), 10: ("10;10;10;10", 20)], on: db)
        let students = try await Student.query(on: db).filter(\.$municipality.$id == current.$municipality.id)
            .filter(\.$consentOn != nil).filter(\.$consentWithdrawnAt == nil).filter(\.$grade >= 10)
            .sort(\.$sortKey, .descending).range(..<20).all()
        // The school stage came first: twenty results, the first sixteen at or above the passing score.
        let schoolStage = ContestEdition()
        schoolStage.$municipality.id = current.$municipality.id
        schoolStage.$contest.id = try olympiad.requireID()
        schoolStage.$academicYear.id = try last.requireID()
        schoolStage.level = ContestLevel.school.rawValue
        schoolStage.startsOn = last.startsOn.addingTimeInterval(20 * 86_400)
        schoolStage.endsOn = last.startsOn.addingTimeInterval(50 * 86_400)
        schoolStage.searchKey = TextKey.search(olympiad.title, last.title, ContestLevel.school.olympiadStage)
        schoolStage.sortKey = TextKey.sort("\(olympiad.title) \(last.title) \(ContestLevel.school.rank)")
        schoolStage.status = RecordStatus.active.rawValue
        schoolStage.version = 1
        try await schoolStage.create(on: db)
        for (k, student) in students.enumerated() {
            try await schoolStageResult(
                of: student, in: schoolStage, subject: physics, olympiad: olympiad,
                score: Double(k < 16 ? 20 + (k * 5) % 17 : 12 + k % 5), grade: student.grade - 1, on: db)
        }
        for (k, student) in students.prefix(16).enumerated() {
            let total = 37 - 2 * (k / 2) - k % 2
            let scores = (0..<4).map { task in Double(min(10, max(0, total - 10 * task))) }
            let participant = OlympiadParticipant()
            participant.$stage.id = try stage.requireID()
            participant.$municipality.id = stage.$municipality.id
            participant.$school.id = student.$school.id
            participant.$student.id = try student.requireID()
            participant.code = String(format: "Ф-%02d", k + 1)
            participant.gradeStudied = student.grade - 1
            participant.gradeCompeted = student.grade - 1
            participant.taskScores = OlympiadScores.stored(scores)
            participant.total = OlympiadScores.total(scores)
            participant.invitedAs = OlympiadInvitation.Reason.schoolStage.rawValue
            participant.sortKey = student.sortKey
            participant.version = 1
            try await participant.create(on: db)
        }
        let zone = try await Municipality.find(current.$municipality.id, on: db)?.zone ?? .current
        let board = try await OlympiadBoard.load(stage, on: db)
        _ = try await OlympiadStageController.writePublication(
            stage, board: board, on: db, req: nil, username: "metod", zone: zone)
        // Half of them have a guardian's consent to publication on paper, so the public protocol and «Наши
        // победители» show them (item 7) — none of this year's mathematics participants, whose journey records one.
        let elsewhere = Set(
            try await OlympiadParticipant.query(on: db).filter(\.$stage.$id != stage.requireID()).all(\.$student.$id))
        for (k, student) in students.prefix(16).enumerated() where k % 2 == 0 && !elsewhere.contains(student.id!) {
            student.publicationConsentOn = student.consentOn
            student.publicationConsentBy = "мать, заявление № \(30 + k)"
            try await student.save(on: db)
        }
    }

    /// A school stage's result of the ВсОШ: a participant's score in a subject, as a school enters it.
    static func schoolStageResult(
        of student: Student, in edition: ContestEdition, subject: OlympiadSubject, olympiad: Contest, score: Double,
        grade: Int, on db: any Database
    ) async throws {
        let record = Achievement()
        record.$municipality.id = student.$municipality.id
        record.$school.id = student.$school.id
        record.$student.id = try student.requireID()
        record.$edition.id = try edition.requireID()
        record.$subject.id = try subject.requireID()
        record.subjectKey = AchievementRules.subjectKey(subjectID: subject.id, nomination: nil)
        record.result = AchievementResult.participant.rawValue
        record.score = score
        record.gradeStudied = grade
        record.gradeCompeted = grade
        record.achievedOn = edition.endsOn
        record.searchKey = TextKey.search(student.surname, student.givenName, student.patronymic, olympiad.title)
        record.sortKey = student.sortKey
        record.status = RecordStatus.active.rawValue
        record.version = 1
        try await record.create(on: db)
    }
}
