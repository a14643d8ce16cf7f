import Domain
import Fluent
import Foundation

/// Everything one municipal stage's pages read (issue 21, item 3), in a fixed number of statements whatever its size:
/// the stage with its subject and year, its grades, the invited (from the school stage's achievements and last year's
/// municipal ones), the participants with their students and schools, and the appeals.
struct OlympiadBoard {
    let stage: OlympiadStage
    let grades: [Int: OlympiadStageGrade]
    let invited: [OlympiadInvitation.Invited]
    let withoutConsent: [UUID]
    /// The students the invitation names, with their schools.
    let students: [UUID: Student]
    let schoolResults: Int
    let schoolsReporting: Int
    let participants: [OlympiadParticipant]
    /// Appeals by participant, oldest first.
    let appeals: [UUID: [OlympiadAppeal]]

    var title: String { OlympiadStagesSection.title(stage) }

    static func load(_ stage: OlympiadStage, on db: any Database) async throws -> OlympiadBoard {
        try await OlympiadStagesSection.loadRelations(stage, on: db)
        let stageID = try stage.requireID()
        let gradeRows = try await OlympiadStageGrade.query(on: db).filter(\.$stage.$id == stageID).all()
        let grades = Dictionary(gradeRows.map { ($0.grade, $0) }, uniquingKeysWith: { first, _ in first })
        let sources = try await OlympiadSources.load(stage, on: db)
        let invitation = OlympiadInvitation.invite(
            schoolResults: sources.schoolStage.map {
                .init(
                    studentID: $0.$student.id, grade: $0.gradeCompeted, score: $0.score,
                    consented: $0.student.hasConsent)
            },
            passingScores: grades.compactMapValues { $0.maxima.isEmpty ? nil : $0.passingScore },
            lastYear: sources.lastYear.map {
                .init(
                    studentID: $0.$student.id, grade: $0.student.grade,
                    atSchool: $0.student.status == RecordStatus.active.rawValue, consented: $0.student.hasConsent)
            })
        var students: [UUID: Student] = [:]
        for achievement in sources.schoolStage + sources.lastYear {
            students[achievement.$student.id] = achievement.student
        }
        let participants = try await OlympiadParticipant.query(on: db).filter(\.$stage.$id == stageID)
            .with(\.$student).with(\.$school).sort(\.$sortKey).all()
        let appeals = try await OlympiadAppeal.query(on: db).filter(\.$stage.$id == stageID).sort(\.$decidedAt).all()
        return OlympiadBoard(
            stage: stage, grades: grades, invited: invitation.invited, withoutConsent: invitation.withoutConsent,
            students: students, schoolResults: sources.schoolStage.count,
            schoolsReporting: Set(sources.schoolStage.map { $0.$school.id }).count, participants: participants,
            appeals: Dictionary(grouping: appeals, by: { $0.$participant.id }))
    }

    /// Each grade's rating table.
    func tables() -> [Int: OlympiadRating.Table] {
        let byGrade = Dictionary(grouping: participants, by: \.gradeCompeted)
        var tables: [Int: OlympiadRating.Table] = [:]
        for (grade, rows) in byGrade {
            let settings = grades[grade]
            tables[grade] = OlympiadRating.table(
                rows.map { OlympiadRating.Entry(id: $0.id!, sortKey: $0.sortKey, total: $0.total) },
                maximum: settings?.maximum ?? 0, rules: stage.rules, decision: settings?.decision)
        }
        return tables
    }

    /// The invited student's entry, if invited.
    func invitation(of studentID: UUID) -> OlympiadInvitation.Invited? {
        invited.first { $0.studentID == studentID }
    }
}

/// The achievements a stage's invitation is made from: this year's school stage of the subject and last year's
/// municipal winners and prize-winners of it, with their students (and the students' schools).
struct OlympiadSources {
    let schoolStage: [Achievement]
    let lastYear: [Achievement]

    static func load(_ stage: OlympiadStage, on db: any Database) async throws -> OlympiadSources {
        let municipalityID = stage.$municipality.id
        let olympiads = try await Contest.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$kind == ContestKind.allRussianOlympiad.rawValue).all(\.$id)
        let previous = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$startsOn < stage.academicYear.startsOn).sort(\.$startsOn, .descending).first()
        guard !olympiads.isEmpty else { return OlympiadSources(schoolStage: [], lastYear: []) }
        var yearIDs = [stage.$academicYear.id]
        if let previous { yearIDs.append(try previous.requireID()) }
        let editions = try await ContestEdition.query(on: db).filter(\.$contest.$id ~~ olympiads)
            .filter(\.$academicYear.$id ~~ yearIDs).filter(\.$status == RecordStatus.active.rawValue).all()
        let schoolEditions = try editions.filter {
            $0.$academicYear.id == stage.$academicYear.id && $0.contestLevel == .school
        }.map { try $0.requireID() }
        let lastEditions = try editions.filter {
            $0.$academicYear.id == previous?.id && $0.contestLevel == .municipal
        }.map { try $0.requireID() }
        guard !schoolEditions.isEmpty || !lastEditions.isEmpty else {
            return OlympiadSources(schoolStage: [], lastYear: [])
        }
        let achievements = try await Achievement.query(on: db).filter(\.$edition.$id ~~ (schoolEditions + lastEditions))
            .filter(\.$subject.$id == stage.$subject.id).filter(\.$status == RecordStatus.active.rawValue)
            .with(\.$student) { $0.with(\.$school) }.sort(\.$sortKey).all()
        let school = Set(schoolEditions)
        return OlympiadSources(
            schoolStage: achievements.filter { school.contains($0.$edition.id) },
            lastYear: achievements.filter {
                !school.contains($0.$edition.id) && $0.achievementResult >= .prizeWinner
            })
    }
}
