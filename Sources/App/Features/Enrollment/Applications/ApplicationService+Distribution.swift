import Domain
import Fluent
import SQLKit
import Vapor
import Views

extension ApplicationService {
    /// Ranked mode, after the window closes: one seeded lottery, places in turn, the unplaced on waiting lists in
    /// lottery order.
    static func distribute(campaignID: UUID, req: Request) async throws -> (placed: Int, waiting: Int, seed: UInt64) {
        let user = try req.requireUser()
        return try await req.application.writeTransaction { db in
            guard let campaign = try await EnrollmentCampaign.find(campaignID, on: db) else {
                throw AppError.notFound()
            }
            guard campaign.campaignMode == .ranked else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.rankedOnly)
            }
            guard Date() >= campaign.closesAt else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.distributeAfterClose)
            }
            let claimed = try await db.sql().update(EnrollmentCampaign.schema).set("distributed_at", to: Date()).set(
                "distributed_by", to: user.fullName
            )
            .where("id", .equal, campaignID).where(SQLIdentifier("distributed_at"), .is, SQLLiteral.null).returning(
                "id"
            ).all()
            guard !claimed.isEmpty else {
                throw AppError.conflict(EnrollmentWords.Applications.Refusals.alreadyDistributed)
            }
            let apps = try await CourseApplication.query(on: db).filter(\.$campaign.$id == campaignID).with(\.$student)
                .all()
            // Only applications the guardian and the school confirmed take part.
            var setAside: [CourseApplication] = []
            for application in apps where application.applicationState == .submitted {
                application.state = ApplicationState.expired.rawValue
                application.closedReason = EnrollmentWords.Applications.ClosedReasons.notConfirmedForDistribution
                application.version += 1
                try await application.save(on: db)
                setAside.append(application)
            }
            // Students who can no longer be enrolled (left the registry, consent withdrawn) are set aside, not allowed
            // to stop the rest.
            var live: [CourseApplication] = []
            for application in apps where application.applicationState == .confirmed {
                if application.student.status != RecordStatus.active.rawValue
                    || application.student.consentWithdrawnAt != nil
                {
                    application.state = ApplicationState.expired.rawValue
                    application.closedReason = EnrollmentWords.Applications.ClosedReasons.studentGone
                    application.version += 1
                    try await application.save(on: db)
                    setAside.append(application)
                } else {
                    live.append(application)
                }
            }
            let closedIDs = setAside.compactMap(\.id)
            if !closedIDs.isEmpty {
                try await ApplicationChoice.query(on: db).filter(\.$application.$id ~~ closedIDs).filter(
                    \.$outcome == "pending"
                ).set(\.$outcome, to: "unused").update()
            }
            for application in setAside {
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "application", entityID: application.id,
                    title: EnrollmentWords.Audit.applicationTitle(application.student.fullName),
                    municipalityID: application.$municipality.id, organizationID: application.$school.id,
                    after: [
                        EnrollmentWords.Audit.state: ApplicationState.expired.title,
                        EnrollmentWords.Audit.reason: application.closedReason ?? "",
                    ])
            }
            let choiceRows = try await ApplicationChoice.query(on: db).filter(
                \.$application.$id ~~ live.compactMap(\.id)
            ).all()
            let groupIDs = Array(Set(choiceRows.map { $0.$group.id }))
            let groups = groupIDs.isEmpty ? [] : try await StudyGroup.query(on: db).filter(\.$id ~~ groupIDs).all()
            // Closed or archived groups take nobody, not even on their waiting lists.
            let openGroups = Set(
                groups.filter { $0.isOpen && $0.status == RecordStatus.active.rawValue }.compactMap(\.id))
            let choices = Dictionary(grouping: choiceRows, by: { $0.$application.id }).mapValues {
                $0.sorted { $0.rank < $1.rank }
            }
            let free = Dictionary(
                try groups.filter { openGroups.contains(try $0.requireID()) }.map {
                    (try $0.requireID(), max(0, $0.capacity - $0.enrolledCount))
                },
                uniquingKeysWith: { a, _ in a })
            let seed = UInt64.random(in: 1...UInt64.max)
            let result = Allocation.run(
                applicants: try live.map {
                    .init(
                        id: try $0.requireID(),
                        choices: (choices[try $0.requireID()] ?? []).map { $0.$group.id }.filter {
                            openGroups.contains($0)
                        })
                },
                free: free, maxCourses: campaign.maxCourses, seed: seed)
            let byID = Dictionary(try live.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
            var placed = 0
            var waiting = 0
            for id in result.order {
                guard let application = byID[id] else { continue }
                for groupID in result.placements[id] ?? [] {
                    // A course whose lessons clash with the student's other groups is skipped, not the distribution.
                    guard let outcome = try await enrollUnlessClash(application.$student.id, groupID, db: db, req: req)
                    else { continue }
                    choices[id]?.first { $0.$group.id == groupID }?.outcome =
                        (outcome == .enrolled ? "enrolled" : "waitlisted")
                    placed += 1
                }
            }
            for id in result.order {
                guard let application = byID[id] else { continue }
                for (groupID, list) in result.waitlists where list.contains(id) {
                    guard try await enrollUnlessClash(application.$student.id, groupID, db: db, req: req) != nil else {
                        continue
                    }
                    choices[id]?.first { $0.$group.id == groupID }?.outcome = "waitlisted"
                    waiting += 1
                }
            }
            for (_, list) in choices {
                for ch in list {
                    if ch.outcome == "pending" { ch.outcome = "unused" }
                    try await ch.save(on: db)
                }
            }
            for application in live {
                application.state = ApplicationState.distributed.rawValue
                application.version += 1
                try await application.save(on: db)
            }
            campaign.seed = String(seed)
            campaign.lotteryOrder = result.order.map { $0.uuidString.lowercased() }.joined(separator: ",")
            campaign.version += 1
            campaign.distributedAt = Date()
            campaign.distributedBy = user.fullName
            try await campaign.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "campaign", entityID: campaign.id, title: campaign.title,
                municipalityID: campaign.$municipality.id, organizationID: nil,
                after: EnrollmentWords.Audit.distribution(seed: seed, placed: placed, waiting: waiting))
            return (placed, waiting, seed)
        }
    }

    /// Enrols, or answers nil when the group's lessons clash with the student's other groups, or the student's grade
    /// changed since the application and the programme no longer takes it (nothing written then).
    static func enrollUnlessClash(_ studentID: UUID, _ groupID: UUID, db: any Database, req: Request) async throws
        -> EnrollmentOutcome?
    {
        do {
            return try await EnrollmentService.enroll(
                studentID: studentID, groupID: groupID, source: .application, on: db, req: req)
        } catch let error as AppError
            where [
                EnrollmentError.timetableClash("").code,
                EnrollmentError.gradeNotAllowed(programGrades: "", studentGrade: 0).code,
            ].contains(error.code)
        {
            return nil
        }
    }
}
