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
        let campaign = EnrollmentCampaign()
        campaign.$municipality.id = municipalityID
        campaign.$academicYear.id = yearID
        campaign.title = title
        campaign.opensAt = now.addingTimeInterval(-7 * 86_400)
        campaign.closesAt = open ? now.addingTimeInterval(21 * 86_400) : now.addingTimeInterval(-3600)
        campaign.mode = mode.rawValue
        campaign.maxCourses = maxCourses
        campaign.confirmDays = confirmDays
        campaign.searchKey = TextKey.search(title)
        campaign.sortKey = TextKey.sort(title)
        try await insertActive(campaign)
        for program in programs {
            let link = CampaignProgram()
            link.$campaign.id = try campaign.requireID()
            link.$program.id = try program.requireID()
            try await link.create(on: app.db)
        }
        return campaign
    }

    /// An ИУП submitted a day ago, as the demo writes one (`DemoData.apply`): first-come choices take a seat (or a
    /// waiting place) in rank order through `EnrollmentService` until one is seated, ranked ones wait for the
    /// distribution.
    @discardableResult
    func application(
        in campaign: EnrollmentCampaign, for studentID: UUID, choices: [StudyGroup], confirmed: Bool = false,
        guardian: Bool = true
    ) async throws -> CourseApplication {
        let student = try #require(try await Student.find(studentID, on: app.db))
        return try await app.writeTransaction { db in
            try await DemoData.apply(
                campaign, student, choices: choices, confirmed: confirmed, guardian: guardian, submitted: Date(), on: db
            )
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
            let enrollment = Enrollment()
            enrollment.$student.id = id
            enrollment.$group.id = try group.requireID()
            enrollment.status = EnrollmentStatus.enrolled.rawValue
            enrollment.source = EnrollmentSource.list.rawValue
            enrollment.createdAt = since
            enrollment.updatedAt = since
            try await enrollment.create(on: app.db)
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
