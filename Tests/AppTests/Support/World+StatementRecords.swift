import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// The records of the statements-per-page fixture (`World.statementFixture`) that no other builder makes.
extension World {
    /// `n` past lessons of a group with every student's mark and `n` coming ones this week and next, one past lesson
    /// left unmarked, and a diagnostic work with scores.
    func statementLessons(_ group: StudyGroup, students: [UUID], size n: Int) async throws {
        let today = CivilDay(Date(), timeZone: zone)
        for week in 1...n {
            let taught = try await lesson(of: group, on: today.adding(days: -7 * week))
            try await mark(taught, Dictionary(uniqueKeysWithValues: students.map { ($0, AttendanceStatus.present) }))
            _ = try await lesson(of: group, on: today.adding(days: week))
        }
        _ = try await lesson(of: group, on: today.adding(days: -7 * n - 7))
        let work = DiagnosticWork()
        work.$group.id = try group.requireID()
        work.title = "Входная диагностика"
        work.workDay = today.adding(days: -3).number
        work.maxScore = 20
        work.createdAt = Date()
        work.version = 1
        try await work.create(on: app.db)
        for student in students.prefix(students.count - 1) {
            let score = DiagnosticScore()
            score.$work.id = try work.requireID()
            score.$student.id = student
            score.score = 15
            try await score.create(on: app.db)
        }
    }

    /// The municipality's reference records a registry page names: a КМЦ member, a holiday, a school's busy time and
    /// a travel time, by their route parameter.
    func statementReferences(_ cast: Cast) async throws -> [String: UUID] {
        let member = KmcMember()
        member.$municipality.id = municipalityID
        member.fullName = "Тестова Анна Петровна"
        member.position = "методист"
        member.kmcRole = KmcRole.member.rawValue
        member.termFrom = year.startsOn
        member.termTo = year.endsOn
        member.searchKey = TextKey.search(member.fullName)
        member.sortKey = TextKey.sort(member.fullName)
        try await insertActive(member)
        let first = yearDays.lowerBound.adding(days: 60)
        try await holiday("Осенние каникулы", first, first.adding(days: 6))
        try await busyTime(at: cast.school, grades: [10], weekdays: [1], from: 8 * 60, to: 14 * 60)
        let travel = TravelTimeRecord()
        travel.$municipality.id = municipalityID
        travel.$from.id = cast.school
        travel.$to.id = cast.center
        travel.minutes = 20
        try await insertActive(travel)
        return [
            "kmc-members/:id": try member.requireID(),
            "holidays/:id": try #require(try await HolidayPeriodRecord.query(on: app.db).first()?.id),
            "busy-slots/:id": try #require(try await BusySlotRecord.query(on: app.db).first()?.id),
            "travel-times/:id": try travel.requireID(),
        ]
    }

    /// `n` contests with an edition each, and `n` achievements in each edition (of the first `n` students, the pupil
    /// first): the talent registry's lists and cards at the fixture's size (issue 21).
    func statementTalent(size n: Int, students: [UUID]) async throws -> [String: UUID] {
        var first: (contest: Contest, edition: ContestEdition, achievement: Achievement)?
        let subject = try await olympiadSubject("математика")
        for c in 0..<n {
            let contest = try await contest("Олимпиада \(c)")
            let edition = try await edition(of: contest)
            for student in students.prefix(n) {
                let achievement = try await achievement(of: student, in: edition, subject: subject)
                if first == nil { first = (contest, edition, achievement) }
            }
        }
        let made = try #require(first)
        try await document(of: made.achievement)
        // A municipal stage with `n` invited from the school stage and `n` results.
        let olympiad = try await contest("Всероссийская олимпиада школьников")
        let schoolStage = try await edition(of: olympiad, level: .school)
        let stage = try await olympiadStage(subject, olympiad: olympiad, grades: [10: ("10;10;20", 10)])
        // Published, with the participants' consent to publication: the public protocol shows them all.
        stage.publishedAt = Date()
        try await stage.save(on: app.db)
        var participant: OlympiadParticipant?
        for (index, student) in students.prefix(n).enumerated() {
            try await achievement(of: student, in: schoolStage, subject: subject, result: .participant, score: 15)
            let made = try await self.participant(
                of: student, in: stage, code: "М-\(index)", grade: 10, scores: [Double(index % 10), 5, 5])
            if participant == nil { participant = made }
            if let pupil = try await Student.find(student, on: app.db) {
                pupil.publicationConsentOn = Date()
                pupil.publicationConsentBy = "мать"
                try await pupil.save(on: app.db)
            }
        }
        let center = try #require(try await ResourceCenter.query(on: app.db).first()?.$organization.id)
        var session: OlympiadTrainingSession?
        for index in 0..<n {
            let made = try await trainingSession(in: stage, at: center, trainer: "Тренер \(index % 3)")
            if session == nil { session = made }
        }
        // A КМЦ decision too: the databank's card shows both bases.
        let decision = GiftedDecision()
        decision.$municipality.id = municipalityID
        decision.$school.id = made.achievement.$school.id
        decision.$student.id = made.achievement.$student.id
        decision.reason = "Решение КМЦ"
        decision.decidedBy = "kmc"
        decision.decidedAt = Date()
        try await decision.create(on: app.db)
        // `n` support measures of the first students, one in a draft order: the list, the candidates, a card, the
        // databank's marks.
        var measure: SupportMeasure?
        for student in students.prefix(n) {
            let made = try await supportMeasure(of: student, kind: .stipend)
            if measure == nil { measure = made }
        }
        // A route of the pupil with `n` steps and a note.
        let (route, step) = try await individualRoute(of: made.achievement.$student.id, steps: n)
        return [
            "routes/:id": try route.requireID(), "individual-routes/:id": try route.requireID(),
            "steps/:step": try #require(step).requireID(),
            "support/:id": try #require(measure).requireID(),
            "support-measures/:id": try #require(measure).requireID(),
            "gifted/:id": made.achievement.$student.id,
            "sessions/:session": try #require(session).requireID(),
            "olympiad-stages/:id": try stage.requireID(),
            "participants/:participant": try #require(participant).requireID(),
            "contests/:id": try made.contest.requireID(), "contest-editions/:id": try made.edition.requireID(),
            "achievements/:id": try made.achievement.requireID(),
            "olympiad-subjects/:id": try subject.requireID(),
        ]
    }

    /// An enrollment list of a group, sent to the КМЦ, with `students` in it.
    func statementList(of group: StudyGroup, students: [UUID]) async throws -> EnrollmentList {
        let list = EnrollmentList()
        list.$municipality.id = municipalityID
        list.$group.id = try group.requireID()
        list.state = EnrollmentList.State.sent.rawValue
        list.createdByName = "Тестов"
        list.createdAt = Date()
        list.version = 1
        try await list.create(on: app.db)
        for student in students {
            let item = EnrollmentListItem()
            item.$list.id = try list.requireID()
            item.$student.id = student
            item.addedAt = Date()
            try await item.create(on: app.db)
        }
        return list
    }

    /// A committed import of `rows` students at a school.
    func statementImport(at schoolID: UUID, rows: Int) async throws -> UUID {
        let batch = StudentImportBatch()
        batch.$municipality.id = municipalityID
        batch.$school.id = schoolID
        batch.createdByName = "Тестов"
        batch.createdAt = Date()
        batch.fileName = "ученики.csv"
        batch.format = "csv"
        batch.state = "committed"
        batch.rowCount = rows
        batch.createdCount = rows
        batch.mergedCount = 0
        batch.skippedCount = 0
        batch.committedAt = Date()
        try await batch.create(on: app.db)
        return try batch.requireID()
    }
}

extension World {
    /// A plan of a template for an organisation (nil: the municipality's own) for this calendar year.
    func plan(_ template: RoadmapTemplate = .firstYear, at organization: UUID?, year: Int? = nil) async throws -> (
        plan: Plan, items: [PlanItem]
    ) {
        let org = try await organization.asyncFlatMap { try await Organization.find($0, on: app.db) }
        return try await PlanBoard.make(
            template, year: year ?? CivilDay(Date(), timeZone: zone).ymd.year, municipalityID: municipalityID,
            organization: org, username: "admin", on: app.db)
    }

    /// An item's evidence file (a few bytes of a PNG), kept in the database.
    func evidence(of item: PlanItem) async throws {
        let file = PlanItemFile()
        file.$item.id = try item.requireID()
        file.fileName = "отчёт.png"
        file.kind = DocumentScan.png.rawValue
        file.size = 11
        file.content = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        file.storage = ScanStore.inDatabase
        file.uploadedAt = Date()
        file.uploadedBy = "centre1"
        try await file.create(on: app.db)
    }

    /// A plan of each centre this year, the first centre's first item with an evidence file: the plans' list grows with
    /// the centres, a plan's page and an item's do not.
    func statementPlans(_ centres: [UUID]) async throws -> [String: UUID] {
        var first: (plan: Plan, items: [PlanItem])?
        for centre in centres {
            let made = try await plan(at: centre)
            if first == nil { first = made }
        }
        let made = try #require(first)
        let item = try #require(made.items.first { $0.itemSide == .center })
        try await evidence(of: item)
        let reports = try await reportCampaign(of: centres)
        return [
            "plans/:id": try made.plan.requireID(), "plan-items/:id": try item.requireID(),
            "report-campaigns/:id": reports.campaign, "reports/:id": reports.reports[0],
            "meetings/:id": try await statementMeeting(centres),
            "roadmaps/:id": try await customTemplate().requireID(),
            "roadmap-templates/:id": try await customTemplate(title: "План работы РЦ").requireID(),
            "report-forms/:id": try await customReportForm().requireID(),
            "activity-programs/:id": try await statementPrograms(centres),
            "assignments/:id": try await statementAssignments(centres),
            "analytic-notes/:id": try await statementNotes(centres),
        ].merging(try await statementEvents(centres)) { a, _ in a }
    }
}

extension World {
    /// An event of each centre, the first one with a registered student of each centre: the lists grow with the
    /// centres, an event's pages with its participants.
    func statementEvents(_ centres: [UUID]) async throws -> [String: UUID] {
        var first: UUID?
        for centre in centres {
            let id = try await event(at: centre, "Семинар центра", capacity: nil).requireID()
            if first == nil { first = id }
        }
        let event = try #require(first)
        var registered: UUID?
        for (index, centre) in centres.enumerated() {
            let born = String(format: "%02d.02.2011", index % 28 + 1)
            let student = try await self.student(at: centre, "Участников", "Ян", born: born, grade: 9)
            let id = try await registration(of: try student.requireID(), at: event)
            if registered == nil { registered = id }
        }
        return ["events/:id": event, "registrations/:registration": try #require(registered)]
    }
}

extension World {
    /// A held meeting with as many members, decisions and centres heard as there are centres.
    func statementMeeting(_ centres: [UUID]) async throws -> UUID {
        let made = try await meeting(members: try await kmcMembers(centres.count), decisions: centres.count)
        for centre in centres { try await hearing(of: centre, at: made) }
        return try made.requireID()
    }

    /// A returned programme of each centre (open to edit), each with as many rows and versions as there are centres: the list grows
    /// with the centres, a programme's page with nothing.
    func statementPrograms(_ centres: [UUID]) async throws -> UUID {
        var first: UUID?
        for centre in centres {
            let program = try await activityProgram(
                at: centre, status: .returned, rows: centres.count, versions: centres.count)
            first = first ?? program.id
        }
        return try #require(first)
    }
}

extension World {
    /// An issued assignment to each centre, each with as many results as there are centres, and a draft to the first
    /// (its edit form opens; its id measured): the list grows with the centres, an assignment's page with nothing.
    func statementAssignments(_ centres: [UUID]) async throws -> UUID {
        for centre in centres { try await assignment(to: centre, results: centres.count) }
        return try await assignment(to: try #require(centres.first), issued: false, results: centres.count)
            .requireID()
    }
}

extension World {
    /// An analytic note of each centre: the list grows with the centres, a note's page with nothing.
    func statementNotes(_ centres: [UUID]) async throws -> UUID {
        var first: UUID?
        for centre in centres {
            let note = try await analyticNote(at: centre)
            first = first ?? note.id
        }
        return try #require(first)
    }
}
