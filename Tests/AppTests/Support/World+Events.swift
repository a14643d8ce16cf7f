import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Events of the network (issue 23, item 1). Every name is made up.
extension World {
    /// An active event of `organization` starting `offset` days from today, for `audience`, with `capacity` places.
    func event(
        at organization: UUID, _ title: String = "Семинар «Сетевые группы»", audience: EventAudience = .students,
        offset: Int = 10, capacity: Int? = 20, isPublic: Bool = true
    ) async throws -> Event {
        let today = CivilDay(Date(), timeZone: zone)
        let event = Event()
        event.$municipality.id = municipalityID
        event.$organization.id = organization
        event.kind = EventKind.seminar.rawValue
        event.audience = audience.rawValue
        event.title = title
        event.startsOn = today.adding(days: offset).number
        event.endsOn = event.startsOn
        event.startsAt = 15 * 60
        event.endsAt = 17 * 60
        event.place = "Актовый зал"
        event.capacity = capacity
        event.registeredCount = 0
        event.isPublic = isPublic
        event.searchKey = TextKey.search(title)
        try await insertActive(event)
        return event
    }

    /// A student registered for an event (its place taken), as a parent's registration makes one.
    func registration(of studentID: UUID, at eventID: UUID) async throws -> UUID {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let event = try #require(try await Event.find(eventID, on: app.db))
        let row = EventRegistration()
        row.$event.id = eventID
        row.$student.id = studentID
        row.fullName = student.fullName
        row.$organization.id = student.$school.id
        row.registeredBy = "parent"
        row.createdAt = Date()
        try await row.create(on: app.db)
        event.registeredCount += 1
        try await event.save(on: app.db)
        return try row.requireID()
    }
}
