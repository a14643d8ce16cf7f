import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Registering for an event, cancelling, marking attendance — one place for the pages and the API. A place is taken by
/// a conditional update of the event's count (only while it is active and not full) and the registration inserted in
/// the same transaction; the unique indexes keep one registration per person (`DESIGN.md`, concurrency-safe writes).
enum EventRegistrations {
    /// Who is being registered, as the user's choices offer them.
    struct Person: Sendable {
        var registrant: EventRegistrant
        var name: String
        var organizationID: UUID?
    }

    /// The people the user may register for `event` (themselves or their linked students, by the audience), and the
    /// registrations already made of them.
    static func people(for event: Event, req: Request) async throws -> [Person] {
        let user = try req.requireUser()
        let now = Date()
        switch event.eventAudience {
        case .students:
            let students = try await Student.query(on: req.db).filter(\.$id ~~ user.actor.students)
                .filter(\.$municipality.$id == event.$municipality.id).sort(\.$sortKey).all()
            return try students.map {
                Person(
                    registrant: .student(try $0.requireID()), name: $0.fullName,
                    organizationID: $0.$school.id)
            }
        case .teachers:
            let grants = user.actor.activeGrants(at: now).filter {
                $0.scope.municipalityID == event.$municipality.id && !Self.family.contains($0.role)
            }
            guard !grants.isEmpty else { return [] }
            return [
                Person(
                    registrant: .user(user.userID), name: user.fullName,
                    organizationID: grants.compactMap(\.scope.organizationID).first)
            ]
        case .parents:
            guard
                user.actor.activeGrants(at: now).contains(where: {
                    $0.role == .guardian && $0.scope.municipalityID == event.$municipality.id
                })
            else { return [] }
            return [Person(registrant: .user(user.userID), name: user.fullName, organizationID: nil)]
        }
    }

    static let family: Set<Role> = [.guardian, .student]

    /// Why `registrant` may not be registered by the user now, before anything is written (the capacity is the write's).
    static func refusal(_ registrant: EventRegistrant, for event: Event, req: Request, today: CivilDay) throws
        -> EventRegistrationRefusal?
    {
        let user = try req.requireUser()
        let grants = user.actor.activeGrants(at: Date()).filter { $0.scope.municipalityID == event.$municipality.id }
        return event.window.refusal(
            of: registrant, by: user.userID, students: user.actor.students,
            isGuardian: grants.contains { $0.role == .guardian },
            isStaff: grants.contains { !family.contains($0.role) }, today: today)
    }

    /// One place taken and the registration written, audited; throws the refusal: `.full` when every place is taken,
    /// `.already` when the person is registered, or what changed meanwhile (cancelled, begun, closed, another audience).
    static func register(_ person: Person, event: Event, req: Request) async throws -> EventRegistration {
        let eventID = try event.requireID()
        let username = try req.requireUser().username
        let today = try await PlanBoard.today(req)
        let id = UUID()
        let title = event.title
        let audience = event.audience
        do {
            try await req.application.writeTransaction { db in
                // The seat first (the transaction's first statement is a write): only while the event is active, for
                // the audience the registrant was checked against, open on this day and not full.
                let seat = try await db.sql().update(Event.schema)
                    .set(SQLColumn("registered_count"), to: SQLRaw("registered_count + 1"))
                    .where("id", .equal, eventID).where("status", .equal, RecordStatus.active.rawValue)
                    .where("audience", .equal, audience).where("starts_on", .greaterThan, today.number)
                    .where {
                        $0.where(SQLColumn("registration_until"), .is, SQLLiteral.null)
                            .orWhere(SQLColumn("registration_until"), .greaterThanOrEqual, SQLBind(today.number))
                    }
                    .where {
                        $0.where(SQLColumn("capacity"), .is, SQLLiteral.null)
                            .orWhere(SQLColumn("registered_count"), .lessThan, SQLColumn("capacity"))
                    }
                    .returning("registered_count").first()
                // Registered already: said so, whether or not a place was left (two at once are parted by the unique
                // index; a throw rolls the seat back).
                var held = EventRegistration.query(on: db).filter(\.$event.$id == eventID)
                switch person.registrant {
                case .student(let student): held = held.filter(\.$student.$id == student)
                case .user(let user): held = held.filter(\.$user.$id == user)
                }
                guard try await held.count() == 0 else { throw EventRegistrationRefusal.already }
                guard seat != nil else { throw try await Self.why(eventID, audience: audience, today: today, on: db) }
                let row = EventRegistration()
                row.id = id
                row.$event.id = eventID
                switch person.registrant {
                case .student(let student): row.$student.id = student
                case .user(let user): row.$user.id = user
                }
                row.fullName = person.name
                row.$organization.id = person.organizationID
                row.registeredBy = username
                row.createdAt = Date()
                try await row.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "event_registration", entityID: id,
                    title: person.name + " — " + title, municipalityID: event.$municipality.id,
                    organizationID: person.organizationID,
                    after: [EventWords.Audit.event: title, EventWords.Audit.participant: person.name])
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            throw EventRegistrationRefusal.already
        }
        guard let row = try await EventRegistration.find(id, on: req.db) else { throw AppError.notFound() }
        return row
    }

    /// Why no seat was taken: the event as it is now.
    static func why(_ eventID: UUID, audience: String, today: CivilDay, on db: any Database) async throws
        -> EventRegistrationRefusal
    {
        guard let now = try await Event.find(eventID, on: db) else { return .cancelled }
        if now.audience != audience { return .otherAudience }
        return now.window.refusal(today: today) ?? .full
    }

    /// A registration removed and its place given back, audited; false when it was already gone.
    static func cancel(_ registration: EventRegistration, event: Event, req: Request) async throws -> Bool {
        let id = try registration.requireID()
        let eventID = try event.requireID()
        return try await req.application.writeTransaction { db in
            let gone = try await db.sql().delete(from: EventRegistration.schema).where("id", .equal, id)
                .returning("id").all()
            guard !gone.isEmpty else { return false }
            try await db.sql().update(Event.schema)
                .set(SQLColumn("registered_count"), to: SQLRaw("registered_count - 1"))
                .where("id", .equal, eventID).run()
            try await Audit.record(
                on: db, req: req, action: .delete, entityType: "event_registration", entityID: id,
                title: registration.fullName + " — " + event.title, municipalityID: event.$municipality.id,
                organizationID: registration.$organization.id,
                before: [EventWords.Audit.event: event.title, EventWords.Audit.participant: registration.fullName])
            return true
        }
    }

    /// Attendance marked: those in `present` came, the rest did not; audited on the event with the names before and
    /// after (attendance of minors is personal data).
    static func mark(_ event: Event, present: Set<UUID>, req: Request) async throws {
        let eventID = try event.requireID()
        let all = try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID).sort(\.$fullName).all()
        let came = all.filter { present.contains($0.id!) }
        func names(_ rows: [EventRegistration]) -> String { rows.map(\.fullName).joined(separator: ", ") }
        let before = [
            EventWords.Audit.present: names(all.filter { $0.attended == true }),
            EventWords.Audit.absent: names(all.filter { $0.attended == false }),
        ]
        let after = [
            EventWords.Audit.present: names(came),
            EventWords.Audit.absent: names(all.filter { !present.contains($0.id!) }),
        ]
        let ids = came.compactMap(\.id)
        try await req.application.writeTransaction { db in
            try await EventRegistration.query(on: db).filter(\.$event.$id == eventID).set(\.$attended, to: false)
                .update()
            if !ids.isEmpty {
                try await EventRegistration.query(on: db).filter(\.$id ~~ ids).set(\.$attended, to: true).update()
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "event", entityID: eventID, title: event.title,
                municipalityID: event.$municipality.id, organizationID: event.$organization.id, before: before,
                after: after)
        }
    }
}
