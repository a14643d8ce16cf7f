import Domain
import Fluent
import Vapor
import Views

/// A held meeting's decisions: each with a deadline an item of the municipality's plan of the КМЦ's decisions of its
/// year, made with the first one.
extension MeetingsController {
    /// The municipality's plan of the КМЦ's decisions for a year, made when the first decision with a deadline comes.
    static func decisionsPlan(_ municipalityID: UUID, year: Int, user: String, on db: any Database) async throws -> Plan
    {
        if let plan = try await Plan.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$ownerKey == Plan.ownerKey(nil)).filter(\.$templateKey == decisionsKey).filter(\.$year == year)
            .first()
        {
            return plan
        }
        let plan = Plan()
        plan.id = UUID()
        plan.$municipality.id = municipalityID
        plan.ownerKey = Plan.ownerKey(nil)
        plan.templateKey = decisionsKey
        plan.title = MeetingWords.plan
        plan.year = year
        plan.createdBy = user
        plan.createdAt = Date()
        plan.updatedBy = user
        plan.updatedAt = Date()
        plan.version = 1
        try await plan.create(on: db)
        return plan
    }

    static let decisionsKey = "kmc-decisions"

    /// Runs a write again once when it met a unique index: another meeting's save made the year's plan of decisions at
    /// the same moment, and the second attempt finds it.
    static func retryingTwin(_ write: () async throws -> Void) async throws {
        do {
            try await write()
        } catch  where EnrollmentService.isUniqueViolation(error) {
            try await write()
        }
    }

    /// The new decisions of a held meeting, each with a deadline an item of the plan of decisions of its year.
    static func writeDecisions(_ decisions: [MeetingDecision], meeting: Meeting, user: String, on db: any Database)
        async throws
    {
        let id = try meeting.requireID()
        var position = try await MeetingDecisionRecord.query(on: db).filter(\.$meeting.$id == id).count()
        for decision in decisions {
            let record = MeetingDecisionRecord()
            record.$meeting.id = id
            record.position = position
            record.text = decision.text
            record.responsible = decision.responsible
            record.dueOn = decision.dueOn?.number
            if let due = decision.dueOn {
                let plan = try await decisionsPlan(meeting.$municipality.id, year: due.ymd.year, user: user, on: db)
                let items = try await PlanItem.query(on: db).filter(\.$plan.$id == plan.requireID()).count()
                let item = PlanItem()
                item.id = UUID()
                item.$plan.id = try plan.requireID()
                item.$municipality.id = meeting.$municipality.id
                item.side = PlanItemDraft.Side.authority.rawValue
                item.section = MeetingWords.decisionsSection(meeting.day.formatted)
                item.position = items
                item.measure = decision.text
                item.deadline = MeetingWords.until(due.formatted)
                item.dueOn = due.number
                item.evidenceRequired = false
                item.status = PlanItemStatus.notStarted.rawValue
                item.responsible = decision.responsible
                item.updatedBy = user
                item.updatedAt = Date()
                item.version = 1
                try await item.create(on: db)
                record.$planItem.id = item.id
            }
            try await record.create(on: db)
            position += 1
        }
    }
}
