import Domain
import Fluent
import Foundation
import Testing

@testable import App

/// Contests, their editions and achievements (issue 21), written as the pages write them.
extension World {
    /// A contest of the municipality.
    func contest(
        _ title: String, kind: ContestKind = .allRussianOlympiad, level: ContestLevel = .school,
        direction: ContestDirection = .intellectual
    ) async throws -> Contest {
        let contest = Contest()
        contest.$municipality.id = municipalityID
        contest.title = title
        contest.kind = kind.rawValue
        contest.level = level.rawValue
        contest.direction = direction.rawValue
        contest.organizer = "Минпросвещения России"
        contest.searchKey = TextKey.search(title)
        contest.sortKey = TextKey.sort(title)
        try await insertActive(contest)
        return contest
    }

    /// An edition of a contest in a year (this year's by default) at a level.
    func edition(of contest: Contest, level: ContestLevel = .municipal, year: AcademicYear? = nil) async throws
        -> ContestEdition
    {
        let edition = ContestEdition()
        edition.$municipality.id = municipalityID
        edition.$contest.id = try contest.requireID()
        edition.$academicYear.id = try year?.requireID() ?? yearID
        edition.level = level.rawValue
        edition.searchKey = TextKey.search(contest.title)
        edition.sortKey = TextKey.sort(contest.title) + " \(level.rank)"
        try await insertActive(edition)
        return edition
    }

    /// The municipality's olympiad subject of that name (the built-in list is there from the start).
    func olympiadSubject(_ name: String) async throws -> OlympiadSubject {
        try #require(
            try await OlympiadSubject.query(on: app.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$name == name).first())
    }

    /// A student's result in an edition (in a subject of the olympiad when given).
    @discardableResult
    func achievement(
        of studentID: UUID, in edition: ContestEdition, subject: OlympiadSubject? = nil,
        result: AchievementResult = .winner, grade: Int = 10, score: Double? = nil
    ) async throws -> Achievement {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let record = Achievement()
        record.$municipality.id = municipalityID
        record.$school.id = student.$school.id
        record.$student.id = studentID
        record.$edition.id = try edition.requireID()
        record.$subject.id = subject?.id
        record.subjectKey = AchievementRules.subjectKey(subjectID: subject?.id, nomination: nil)
        record.result = result.rawValue
        record.gradeStudied = grade
        record.gradeCompeted = grade
        record.score = score
        record.searchKey = TextKey.search(student.surname, student.givenName)
        record.sortKey = student.sortKey
        try await insertActive(record)
        return record
    }

    /// A scanned document of an achievement (a tiny PDF).
    func document(of achievement: Achievement) async throws {
        let document = AchievementDocument()
        document.$achievement.id = try achievement.requireID()
        document.fileName = "диплом.pdf"
        document.kind = DocumentScan.pdf.rawValue
        document.content = Data("%PDF-1.4\n%%EOF\n".utf8)
        document.size = document.content.count
        document.storage = AchievementDocument.inDatabase
        document.uploadedAt = Date()
        document.uploadedBy = "school1"
        try await document.create(on: app.db)
    }

    /// The academic year before this one.
    func previousYear() async throws -> AcademicYear {
        let start = year.startsOn.addingTimeInterval(-365 * 86_400)
        let previous = AcademicYear(
            municipalityID: municipalityID, title: "2024/2025", startsOn: start,
            endsOn: year.endsOn.addingTimeInterval(-365 * 86_400), isCurrent: false)
        try await insertActive(previous)
        return previous
    }

    /// A municipal stage in a subject this year with the ВсОШ's municipal edition, and its grades' papers and passing
    /// scores (`[8: ("10;10;20", 25)]`).
    @discardableResult
    func olympiadStage(
        _ subject: OlympiadSubject, olympiad: Contest, grades: [Int: (tasks: String, passing: Double?)],
        quotaPercent: Int = 45
    ) async throws -> OlympiadStage {
        let existing = try await ContestEdition.query(on: app.db).filter(\.$contest.$id == olympiad.requireID())
            .filter(\.$academicYear.$id == yearID).filter(\.$level == ContestLevel.municipal.rawValue).first()
        var edition = existing
        if edition == nil { edition = try await self.edition(of: olympiad, level: .municipal) }
        let stage = OlympiadStage()
        stage.$municipality.id = municipalityID
        stage.$academicYear.id = yearID
        stage.$subject.id = try subject.requireID()
        stage.$edition.id = try #require(edition).requireID()
        stage.quotaPercent = quotaPercent
        stage.winnerMinPercent = 50
        stage.prizeMinPercent = 50
        stage.searchKey = TextKey.search(subject.name)
        stage.sortKey = TextKey.sort(subject.name)
        try await insertActive(stage)
        for (grade, paper) in grades {
            let row = OlympiadStageGrade()
            row.$stage.id = try stage.requireID()
            row.grade = grade
            row.taskMaxima = paper.tasks
            row.passingScore = paper.passing
            try await row.create(on: app.db)
        }
        return stage
    }

    /// A participant's result in a stage.
    @discardableResult
    func participant(
        of studentID: UUID, in stage: OlympiadStage, code: String, grade: Int, scores: [Double]
    ) async throws -> OlympiadParticipant {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let participant = OlympiadParticipant()
        participant.$stage.id = try stage.requireID()
        participant.$municipality.id = municipalityID
        participant.$school.id = student.$school.id
        participant.$student.id = studentID
        participant.code = code
        participant.gradeStudied = student.grade
        participant.gradeCompeted = grade
        participant.taskScores = OlympiadScores.stored(scores)
        participant.total = OlympiadScores.total(scores)
        participant.invitedAs = "schoolStage"
        participant.sortKey = student.sortKey
        participant.version = 1
        try await participant.create(on: app.db)
        return participant
    }

    /// A preparation session of a stage held by a centre.
    @discardableResult
    func trainingSession(in stage: OlympiadStage, at center: UUID, trainer: String = "Орлов В. П.") async throws
        -> OlympiadTrainingSession
    {
        let session = OlympiadTrainingSession()
        session.$stage.id = try stage.requireID()
        session.$municipality.id = municipalityID
        session.$center.id = center
        session.heldOn = year.startsOn.addingTimeInterval(100 * 86_400)
        session.hours = 2
        session.trainer = trainer
        session.trainerOutside = true
        session.topic = "Комбинаторика"
        session.createdBy = "metod"
        session.createdAt = Date()
        try await session.create(on: app.db)
        return session
    }

    /// A proposed support measure of a student in this year (a premium), written as the form writes it.
    @discardableResult
    func supportMeasure(of studentID: UUID, kind: SupportKind = .premium, amount: Int = 5_000) async throws
        -> SupportMeasure
    {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let measure = SupportMeasure()
        measure.$municipality.id = student.$municipality.id
        measure.$academicYear.id = yearID
        measure.$school.id = student.$school.id
        measure.$student.id = studentID
        let dated = kind == .stipend || kind == .trip
        measure.apply(
            SupportInput(
                kind: kind, amount: amount, startsOn: dated ? CivilDay(year: 2026, month: 10, day: 1) : nil,
                endsOn: dated ? CivilDay(year: 2026, month: 12, day: 31) : nil,
                destination: kind == .trip ? "г. Казань" : nil, event: kind == .trip ? "Финал" : nil,
                budgetLine: kind == .trip ? "Программа, 2.3" : nil, basis: "Решение КМЦ"))
        measure.points = 0
        measure.createdBy = "kmc"
        measure.createdAt = Date()
        measure.updatedBy = "kmc"
        measure.updatedAt = measure.createdAt
        measure.version = 1
        try await measure.create(on: app.db)
        return measure
    }

    /// A route of a student in this year with one step, written as the forms write them.
    @discardableResult
    func individualRoute(of studentID: UUID, steps: Int = 1) async throws -> (IndividualRoute, IndividualRouteStep?) {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let route = IndividualRoute()
        route.$municipality.id = student.$municipality.id
        route.$academicYear.id = yearID
        route.$school.id = student.$school.id
        route.$student.id = studentID
        route.apply(RouteInput(goals: "Подготовка к олимпиаде", mentor: nil, curator: "Куратор", status: .active))
        route.createdBy = "school1"
        route.createdAt = Date()
        route.updatedBy = "school1"
        route.updatedAt = route.createdAt
        route.version = 1
        try await route.create(on: app.db)
        var first: IndividualRouteStep?
        for index in 0..<steps {
            let step = IndividualRouteStep()
            step.$route.id = try route.requireID()
            step.apply(
                RouteStepInput(
                    kind: .course, title: "Этап \(index)", startsOn: nil, dueOn: CivilDay(number: 20_000 + index),
                    status: .planned, result: nil))
            step.version = 1
            try await step.create(on: app.db)
            if first == nil { first = step }
        }
        let note = RouteSupportNote()
        note.$route.id = try route.requireID()
        note.notedOn = 20_000
        note.text = "Запись"
        note.author = "school1"
        note.createdAt = Date()
        try await note.create(on: app.db)
        return (route, first)
    }
}
