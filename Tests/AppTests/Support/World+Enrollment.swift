import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Places in groups (through the service or inserted directly), full groups, campaigns and their applications (ИУП).
extension World {
    /// A campaign of the programmes: open for three weeks from a week ago, or (`open: false`) closed an hour ago.
    func campaign(
        _ title: String = "Запись на сетевые курсы", mode: CampaignMode = .firstCome, programs: [NetworkProgram],
        open: Bool = true, maxCourses: Int = 1, confirmDays: Int = 7
    ) async throws -> EnrollmentCampaign {
        let now = Date()
        let c = EnrollmentCampaign()
        c.$municipality.id = municipalityID
        c.$academicYear.id = yearID
        c.title = title
        c.opensAt = now.addingTimeInterval(-7 * 86_400)
        c.closesAt = open ? now.addingTimeInterval(21 * 86_400) : now.addingTimeInterval(-3600)
        c.mode = mode.rawValue
        c.maxCourses = maxCourses
        c.confirmDays = confirmDays
        c.searchKey = TextKey.search(title)
        c.sortKey = TextKey.sort(title)
        try await insertActive(c)
        for p in programs {
            let link = CampaignProgram()
            link.$campaign.id = try c.requireID()
            link.$program.id = try p.requireID()
            try await link.create(on: app.db)
        }
        return c
    }

    /// An ИУП submitted a day ago, as the demo writes one: first-come choices take a seat (or a waiting place) in rank
    /// order through `EnrollmentService` until one is seated, ranked ones wait for the distribution.
    @discardableResult
    func application(
        in c: EnrollmentCampaign, for studentID: UUID, choices: [StudyGroup], confirmed: Bool = false,
        guardian: Bool = true
    ) async throws -> CourseApplication {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let now = Date()
        let a = CourseApplication()
        a.$municipality.id = municipalityID
        a.$campaign.id = try c.requireID()
        a.$student.id = studentID
        a.$school.id = student.$school.id
        a.state = (confirmed ? ApplicationState.confirmed : .submitted).rawValue
        a.submittedByName = student.fullName
        a.submittedAt = now.addingTimeInterval(-86_400)
        a.guardianAgreedBy = guardian ? "родитель (законный представитель)" : nil
        a.guardianAgreedAt = guardian ? a.submittedAt : nil
        a.schoolDecision = confirmed ? "confirmed" : "pending"
        a.schoolDecidedAt = confirmed ? now : nil
        let firstCome = c.campaignMode == .firstCome
        a.holdExpiresAt =
            firstCome && !confirmed ? a.submittedAt.addingTimeInterval(Double(c.confirmDays) * 86_400) : nil
        a.version = 1
        let groupIDs = try choices.map { try $0.requireID() }
        return try await app.writeTransaction { db in
            try await a.create(on: db)
            var placed = false
            for (i, groupID) in groupIDs.enumerated() {
                let choice = ApplicationChoice()
                choice.$application.id = try a.requireID()
                choice.rank = i + 1
                choice.$group.id = groupID
                choice.outcome = firstCome ? "unused" : "pending"
                if firstCome && !placed {
                    switch try await EnrollmentService.enroll(
                        studentID: studentID, groupID: groupID, source: .application, on: db, req: nil)
                    {
                    case .enrolled:
                        choice.outcome = "enrolled"
                        placed = true
                    case .waitlisted: choice.outcome = "waitlisted"
                    }
                }
                try await choice.create(on: db)
            }
            return a
        }
    }

    /// Places students in a group: through `EnrollmentService` as the КМЦ does (a seat while there is one, then the
    /// waiting list), or (`fromStart`) inserted as enrolled since the group's first day, as an accepted КМЦ list.
    func enroll(_ studentIDs: [UUID], in group: StudyGroup, fromStart: Bool = false) async throws {
        guard fromStart else {
            for id in studentIDs {
                _ = try await EnrollmentService.enroll(
                    studentID: id, groupID: try group.requireID(), app: app, req: nil)
            }
            return
        }
        let since = group.startsOn ?? year.startsOn
        for id in studentIDs {
            let e = Enrollment()
            e.$student.id = id
            e.$group.id = try group.requireID()
            e.status = EnrollmentStatus.enrolled.rawValue
            e.source = EnrollmentSource.list.rawValue
            e.createdAt = since
            e.updatedAt = since
            try await e.create(on: app.db)
        }
        group.enrolledCount += studentIDs.count
        try await group.save(on: app.db)
    }

    /// A group made full: its capacity lowered to the seats taken.
    func fill(_ group: StudyGroup) async throws {
        let fresh = try #require(try await StudyGroup.find(try group.requireID(), on: app.db))
        fresh.capacity = fresh.enrolledCount
        try await fresh.save(on: app.db)
        group.capacity = fresh.capacity
        group.enrolledCount = fresh.enrolledCount
    }
}
