import Domain
import Fluent
import Vapor
import Views

/// What the events' API answers: an event with its places and phase, a registration.
extension EventAPIController {
    struct EventDTO: Content {
        var id: UUID
        var title: String
        var kind: String
        var audience: String
        var organizationId: UUID
        var organization: String
        var startsOn: String
        var endsOn: String
        var startsAt: String?
        var endsAt: String?
        var place: String?
        var link: String?
        var capacity: Int?
        var registered: Int
        var registrationUntil: String
        var isPublic: Bool
        var phase: String
        var details: String?
        var results: String?
        var materials: String?
        var version: Int

        init(_ event: Event, summary: EventSummary) throws {
            id = try event.requireID()
            title = event.title
            kind = event.kind
            audience = event.audience
            organizationId = event.$organization.id
            organization = summary.organizer
            startsOn = event.firstDay.iso
            endsOn = event.lastDay.iso
            startsAt = event.startsAt.map { ClockTime(minutes: $0).formatted }
            endsAt = event.endsAt.map { ClockTime(minutes: $0).formatted }
            place = event.place
            link = event.link
            capacity = event.capacity
            registered = event.registeredCount
            registrationUntil = event.window.lastDay.iso
            isPublic = event.isPublic
            phase = summary.phase.rawValue
            details = event.details
            results = event.results
            materials = event.materials
            version = event.version
        }
    }

    struct RegistrationDTO: Content {
        var id: UUID
        var eventId: UUID
        var studentId: UUID?
        var userId: UUID?
        var name: String
        var organizationId: UUID?
        var attended: Bool?
        var registeredAt: Date

        init(_ row: EventRegistration) throws {
            id = try row.requireID()
            eventId = row.$event.id
            studentId = row.$student.id
            userId = row.$user.id
            name = row.fullName
            organizationId = row.$organization.id
            attended = row.attended
            registeredAt = row.createdAt
        }
    }
}
