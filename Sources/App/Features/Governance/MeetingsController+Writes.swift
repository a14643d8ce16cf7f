import Domain
import Fluent
import Vapor
import Views

/// A meeting written — made, or changed under its version with its new decisions — one place for the page and the API.
extension MeetingsController {
    /// A new meeting from its checked form, with its participants, audited.
    static func insert(_ input: Input, municipalityID: UUID, req: Request) async throws -> Meeting {
        let user = try req.requireUser().username
        let id = UUID()
        try await req.application.writeTransaction { db in
            // Made inside the transaction: a PostgreSQL retry creates it afresh.
            let meeting = Meeting()
            meeting.id = id
            meeting.$municipality.id = municipalityID
            meeting.createdBy = user
            meeting.createdAt = Date()
            meeting.version = 1
            Self.apply(input, to: meeting, user: user)
            try await meeting.create(on: db)
            try await Self.writeParticipants(input, meeting: meeting, on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "meeting", entityID: id, title: meeting.title,
                municipalityID: municipalityID, organizationID: nil,
                after: Self.audit(meeting, invited: input.invited.count, present: input.present.count))
        }
        guard let meeting = try await Meeting.find(id, on: req.db) else { throw AppError.notFound() }
        return meeting
    }

    /// The meeting changed as its checked form says, under the version it was read at (a conflict otherwise), its
    /// participants written again and its new decisions made plan items, audited.
    static func commit(_ meeting: Meeting, _ input: Input, expected: Int, req: Request) async throws {
        let participants = try await MeetingParticipant.query(on: req.db)
            .filter(\.$meeting.$id == meeting.requireID()).all()
        let before = Self.audit(
            meeting, invited: participants.count, present: participants.filter(\.present).count)
        let user = try req.requireUser().username
        try await Self.retryingTwin {
            try await req.application.writeTransaction { db in
                // Set inside the transaction: a retry (a serialization failure, the decisions' plan made meanwhile)
                // writes them again rather than only the version.
                Self.apply(input, to: meeting, user: user)
                guard
                    try await RegistrySupport.claimVersion(
                        table: Meeting.schema, id: meeting.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(MeetingWords.changed) }
                meeting.version = expected + 1
                try await meeting.save(on: db)
                try await Self.writeParticipants(input, meeting: meeting, on: db)
                try await Self.writeDecisions(input.decisions, meeting: meeting, user: user, on: db)
                var after = Self.audit(meeting, invited: input.invited.count, present: input.present.count)
                if !input.decisions.isEmpty {
                    after["Новые решения"] = input.decisions.map(\.line).joined(separator: "\n")
                }
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "meeting", entityID: meeting.id,
                    title: meeting.title, municipalityID: meeting.$municipality.id, organizationID: nil,
                    before: before, after: after)
            }
        }
    }
}
