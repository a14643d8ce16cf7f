import Domain
import Fluent
import Foundation

/// The municipal stage's demo (issue 21, item 3): this year's mathematics stage with the school stage's results, the
/// passing scores, results of most of the invited (two still to enter), a tie on the quota's boundary in the 10th
/// grade left for the methodologist to decide and an appeal in the 11th; the informatics stage set up and waiting for
/// its results. Last year's municipal prize-winners of mathematics (`loadTalent`) are among the invited; the 11th
/// grade's top three take part in the regional stage, prepared in three sessions at a resource centre. Last year's
/// physics stage is approved: its results are achievements.
extension DemoData {
    static func loadOlympiadStages(on db: any Database, municipalityID: UUID) async throws {
        guard
            let current = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$isCurrent == true).first(),
            let olympiad = try await Contest.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$kind == ContestKind.allRussianOlympiad.rawValue).first(),
            let schoolStage = try await ContestEdition.query(on: db).filter(\.$contest.$id == olympiad.requireID())
                .filter(\.$academicYear.$id == current.requireID()).filter(\.$level == ContestLevel.school.rawValue)
                .first(),
            let municipal = try await ContestEdition.query(on: db).filter(\.$contest.$id == olympiad.requireID())
                .filter(\.$academicYear.$id == current.requireID()).filter(\.$level == ContestLevel.municipal.rawValue)
                .first()
        else { return }
        let subjects = try await OlympiadSubject.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        guard let math = subjects.first(where: { $0.name == "математика" }),
            let informatics = subjects.first(where: { $0.name == "информатика" })
        else { return }
        // The school stage of mathematics: forty consenting students of the 10th and 11th grades.
        let entered = Set(
            try await Achievement.query(on: db).filter(\.$edition.$id == schoolStage.requireID())
                .filter(\.$subject.$id == math.requireID()).all(\.$student.$id))
        let students = try await Student.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$consentOn != nil).filter(\.$consentWithdrawnAt == nil).filter(\.$grade >= 10)
            .sort(\.$sortKey).all().filter { !entered.contains($0.id!) }.prefix(40)
        for (i, student) in students.enumerated() {
            try await schoolStageResult(
                of: student, in: schoolStage, subject: math, olympiad: olympiad, score: Double(15 + (i * 7) % 30),
                grade: student.grade, on: db)
        }
        let mathStage = try await demoStage(
            math, year: current, edition: municipal, papers: [10: ("10;10;10;10;10", 30), 11: ("10;10;10;10;10", 28)],
            on: db)
        try await demoStage(
            informatics, year: current, edition: municipal, papers: [10: ("25;25;25;25", 40), 11: ("25;25;25;25", 40)],
            on: db)
        try await demoResults(of: mathStage, on: db)
        try await demoSessions(of: mathStage, year: current, on: db)
        if let physics = subjects.first(where: { $0.name == "физика" }) {
            try await demoLastYear(physics, olympiad: olympiad, current: current, on: db)
        }
        try await demoDecision(municipalityID: municipalityID, on: db)
        try await demoSupport(municipalityID: municipalityID, on: db)
    }

    /// The databank (item 4) holds the students the standard rule admits; the КМЦ entered one more by decision: a
    /// consenting 10th-grader of the first school with no achievement at the municipal level.
    static func demoDecision(municipalityID: UUID, on db: any Database) async throws {
        let members = Set(try await GiftedBank.consentingMembers(municipalityID, on: db))
        guard
            let student = try await Student.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$consentOn != nil).filter(\.$consentWithdrawnAt == nil).filter(\.$grade == 10)
                .sort(\.$sortKey).all().first(where: { !members.contains($0.id!) })
        else { return }
        let decision = GiftedDecision()
        decision.$municipality.id = municipalityID
        decision.$school.id = student.$school.id
        decision.$student.id = try student.requireID()
        decision.reason = "Лауреат городской научно-практической конференции; рекомендация ресурсного центра"
        decision.decidedBy = "kmc"
        decision.decidedAt = Date()
        try await decision.create(on: db)
    }

    /// Three preparation sessions with the regional stage's participants at the first resource centre: two by the
    /// registry's outside trainer, one by a teacher of the network (`000_5375b2a087477e6d.txt` §4.3).
    static func demoSessions(of stage: OlympiadStage, year: AcademicYear, on db: any Database) async throws {
        guard
            let center = try await ResourceCenter.query(on: db).filter(\.$academicYear.$id == year.requireID())
                .with(\.$organization).all().map(\.organization).sorted(by: { $0.shortName < $1.shortName }).first
        else { return }
        // The trainers are the staff registry's: the outside trainer and a mathematics teacher of the network.
        let staff = try await StaffMember.query(on: db).filter(\.$municipality.$id == stage.$municipality.id)
            .filter(\.$surname ~~ ["Тарасов", "Орлов"]).all()
        guard let outsider = staff.first(where: { $0.isOutsideTrainer }),
            let teacher = staff.first(where: { !$0.isOutsideTrainer })
        else { return }
        let sessions: [(Int, Double, StaffMember, String)] = [
            (100, 3, outsider, "Комбинаторика и графы"),
            (107, 3, outsider, "Теория чисел"),
            (114, 2, teacher, "Разбор заданий регионального этапа прошлых лет"),
        ]
        for (day, hours, trainer, topic) in sessions {
            let session = OlympiadTrainingSession()
            session.$stage.id = try stage.requireID()
            session.$municipality.id = stage.$municipality.id
            session.$center.id = try center.requireID()
            session.heldOn = year.startsOn.addingTimeInterval(Double(day) * 86_400)
            session.hours = hours
            session.$trainerStaff.id = try trainer.requireID()
            session.trainer = trainer.fullName
            session.trainerOutside = trainer.isOutsideTrainer
            session.topic = topic
            session.createdBy = "metod"
            session.createdAt = Date()
            try await session.create(on: db)
        }
    }

    @discardableResult
    static func demoStage(
        _ subject: OlympiadSubject, year: AcademicYear, edition: ContestEdition,
        papers: [Int: (tasks: String, passing: Double)], on db: any Database
    ) async throws -> OlympiadStage {
        let rules = OlympiadRules.standard
        let stage = OlympiadStage()
        stage.$municipality.id = year.$municipality.id
        stage.$academicYear.id = try year.requireID()
        stage.$subject.id = try subject.requireID()
        stage.$edition.id = try edition.requireID()
        stage.quotaPercent = rules.quotaPercent
        stage.winnerMinPercent = rules.winnerMinPercent
        stage.prizeMinPercent = rules.prizeMinPercent
        stage.searchKey = TextKey.search(subject.name, year.title)
        stage.sortKey = TextKey.sort("\(year.title) \(subject.name)")
        stage.status = RecordStatus.active.rawValue
        stage.version = 1
        try await stage.create(on: db)
        for (grade, paper) in papers {
            let row = OlympiadStageGrade()
            row.$stage.id = try stage.requireID()
            row.grade = grade
            row.taskMaxima = paper.tasks
            row.passingScore = paper.passing
            try await row.create(on: db)
        }
        return stage
    }

    /// Results of all the invited but the last two: in the 10th grade the totals fall 2 apart with a tie on the quota's
    /// boundary; in the 11th one participant's appeal raised the total by two.
    static func demoResults(of stage: OlympiadStage, on db: any Database) async throws {
        let board = try await OlympiadBoard.load(stage, on: db)
        for grade in [10, 11] {
            let invited = board.invited.filter { $0.grade == grade }.dropLast(grade == 10 ? 2 : 0)
            let quota = stage.rules.quota(of: invited.count)
            for (k, person) in invited.enumerated() {
                guard let student = board.students[person.studentID] else { continue }
                var total = 48 - 2 * k - (grade == 11 ? 1 : 0)
                if grade == 10, quota > 0, k >= quota { total += 2 }
                let scores = (0..<5).map { task in Double(min(10, max(0, total - 10 * task))) }
                let participant = OlympiadParticipant()
                participant.$stage.id = try stage.requireID()
                participant.$municipality.id = stage.$municipality.id
                participant.$school.id = student.$school.id
                participant.$student.id = person.studentID
                participant.code = String(format: "М-%02d-%02d", grade, k + 1)
                participant.gradeStudied = student.grade
                participant.gradeCompeted = grade
                participant.taskScores = OlympiadScores.stored(scores)
                participant.total = OlympiadScores.total(scores)
                participant.invitedAs = person.reasons.map(\.rawValue).joined(separator: ",")
                participant.sortKey = student.sortKey
                participant.version = 1
                if grade == 11, k < 3 {
                    // Last year's regional list is this year's to prepare for: the 11th grade's top three take part.
                    participant.regionalAt = Date()
                    participant.regionalBy = "metod"
                }
                try await participant.create(on: db)
                guard grade == 11, k == 2 else { continue }
                let appeal = OlympiadAppeal()
                appeal.$participant.id = try participant.requireID()
                appeal.$stage.id = try stage.requireID()
                var before = scores
                before[4] = max(0, before[4] - 2)
                appeal.oldScores = OlympiadScores.stored(before)
                appeal.oldTotal = OlympiadScores.total(before)
                appeal.newScores = participant.taskScores
                appeal.newTotal = participant.total
                appeal.outcome = AppealOutcome.raised.rawValue
                appeal.note = "Задание № 5 оценено по критериям полностью: +2 балла."
                appeal.decidedAt = Date()
                appeal.decidedBy = "metod"
                try await appeal.create(on: db)
            }
        }
    }
}
