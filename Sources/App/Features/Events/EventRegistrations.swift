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

    /// One place taken and the registration written, audited; throws `EventRegistrationRefusal.full` when every place
    /// is taken, `.already` when the person is registered.
    static func register(_ person: Person, event: Event, req: Request) async throws -> EventRegistration {
        let eventID = try event.requireID()
        let username = try req.requireUser().username
        let id = UUID()
        let title = event.title
        do {
            try await req.application.writeTransaction { db in
                // Registered already: said so rather than «full» (two at once are still parted by the unique index).
                var held = EventRegistration.query(on: db).filter(\.$event.$id == eventID)
                switch person.registrant {
                case .student(let student): held = held.filter(\.$student.$id == student)
                case .user(let user): held = held.filter(\.$user.$id == user)
                }
                guard try await held.count() == 0 else { throw EventRegistrationRefusal.already }
                let seat = try await db.sql().update(Event.schema)
                    .set(SQLColumn("registered_count"), to: SQLRaw("registered_count + 1"))
                    .where("id", .equal, eventID).where("status", .equal, RecordStatus.active.rawValue)
                    .where {
                        $0.where(SQLColumn("capacity"), .is, SQLLiteral.null)
                            .orWhere(SQLColumn("registered_count"), .lessThan, SQLColumn("capacity"))
                    }
                    .returning("registered_count").first()
                guard seat != nil else { throw EventRegistrationRefusal.full }
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
                    after: ["Мероприятие": title, "Участник": person.name])
            }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            throw EventRegistrationRefusal.already
        }
        guard let row = try await EventRegistration.find(id, on: req.db) else { throw AppError.notFound() }
        return row
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
                .where("id", .equal, eventID).where("registered_count", .greaterThan, 0).run()
            try await Audit.record(
                on: db, req: req, action: .delete, entityType: "event_registration", entityID: id,
                title: registration.fullName + " — " + event.title, municipalityID: event.$municipality.id,
                organizationID: registration.$organization.id,
                before: ["Мероприятие": event.title, "Участник": registration.fullName])
            return true
        }
    }

    /// Attendance marked: those in `present` came, the rest did not; audited on the event.
    static func mark(_ event: Event, present: Set<UUID>, req: Request) async throws {
        let eventID = try event.requireID()
        let all = try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID).all()
        let came = all.filter { present.contains($0.id!) }.map { $0.id! }
        try await req.application.writeTransaction { db in
            try await EventRegistration.query(on: db).filter(\.$event.$id == eventID).set(\.$attended, to: false)
                .update()
            if !came.isEmpty {
                try await EventRegistration.query(on: db).filter(\.$id ~~ came).set(\.$attended, to: true).update()
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "event", entityID: eventID, title: event.title,
                municipalityID: event.$municipality.id, organizationID: event.$organization.id,
                after: ["Посещаемость": "\(came.count) из \(all.count)"])
        }
    }
}
