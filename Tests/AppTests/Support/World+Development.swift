import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Teachers' professional development (issue 23, item 2). Every name is made up.
extension World {
    /// A course of `staff` starting `offset` days from today and lasting `days`, completed or not.
    @discardableResult
    func course(
        of staff: UUID, _ title: String = "Олимпиадная подготовка", offset: Int = 30, days: Int = 5,
        completed: Bool = false, trip: DevelopmentTrip = .none
    ) async throws -> DevelopmentCourse {
        let today = CivilDay(Date(), timeZone: zone)
        let course = DevelopmentCourse()
        course.$municipality.id = municipalityID
        course.$staff.id = staff
        course.course = title
        course.provider = "Институт развития образования"
        course.hours = 36
        course.startsOn = today.adding(days: offset).number
        course.endsOn = today.adding(days: offset + days - 1).number
        course.trip = trip.rawValue
        course.isCompleted = completed
        course.certificate = completed ? "ПК-000123" : nil
        course.searchKey = TextKey.search(title)
        try await insertActive(course)
        return course
    }
}

extension World {
    /// `count` courses of one teacher, done, underway and planned in turn: the plan-schedule, the due view and the
    /// teacher's card grow with them.
    func statementCourses(of staff: UUID, count: Int) async throws -> UUID {
        var first: UUID?
        for index in 0..<count {
            let offset = [-400, -2, 40][index % 3]
            let made = try await course(of: staff, "Курс \(index + 1)", offset: offset, completed: index % 3 == 0)
            if first == nil { first = made.id }
        }
        return try #require(first)
    }
}
