import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// Every list's search box ignores case and «ё»/«е» in Russian as in Latin (SQLite's `LIKE` folds only ASCII): each
    /// spelling finds the one record named «Ёлкин…», a name that is not there finds none, and the other record of the
    /// list is never among the found.
    @Suite struct SearchFoldingTests {
        /// The typed text and whether it finds the record.
        static let queries: [(String, Bool)] = [
            ("Ёлкин", true), ("ёлкин", true), ("ЕЛКИН", true), ("елкин", true), ("ЁЛКИН", true), ("Ёлкина", false),
        ]

        /// Signs `username` in and searches `list` for `text`: whether the page links the record and the other one.
        static func search(
            _ app: Application, as username: String, _ list: String, _ text: String, record: UUID, other: UUID
        ) async throws -> (record: Bool, other: Bool) {
            var browser = Browser(app)
            _ = try await browser.login(username, password: World.password)
            let encoded = try #require(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let page = try await browser.get("\(list)?q=\(encoded)")
            #expect(page.status == .ok)
            let body = page.body.string
            return (body.contains(record.uuidString.lowercased()), body.contains(other.uuidString.lowercased()))
        }

        @Test(arguments: queries) func students(text: String, finds: Bool) async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc])
                let record = try await world.student(at: cast.school, "Ёлкин", "Тимофей")
                let other = try await world.student(at: cast.school, "Другов", "Пётр")
                let found = try await Self.search(
                    app, as: "kmc", "/students", text, record: try record.requireID(), other: try other.requireID())
                #expect(found.record == finds)
                #expect(!found.other)
            }
        }

        @Test(arguments: queries) func groups(text: String, finds: Bool) async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc])
                let program = try await world.program(at: cast.center)
                let record = try await world.group(of: program, "Ёлкинский кружок")
                let other = try await world.group(of: program, "Другая группа")
                let found = try await Self.search(
                    app, as: "kmc", "/groups", text, record: try record.requireID(), other: try other.requireID())
                #expect(found.record == finds)
                #expect(!found.other)
            }
        }

        @Test(arguments: queries) func programmes(text: String, finds: Bool) async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc])
                let record = try await world.program(at: cast.center, "Ёлкинские задачи")
                let other = try await world.program(at: cast.center, "Другие задачи")
                let found = try await Self.search(
                    app, as: "kmc", "/programs", text, record: try record.requireID(), other: try other.requireID())
                #expect(found.record == finds)
                #expect(!found.other)
            }
        }

        @Test(arguments: queries) func users(text: String, finds: Bool) async throws {
            try await withApp { app in
                let world = try await World.make(app)
                try await world.cast([.admin])
                let record = try await world.user("teacher-e", .methodologist)
                let other = try await world.user("teacher-d", .methodologist)
                for (id, name) in [(record, "Ёлкин Пётр Ильич"), (other, "Другов Пётр Ильич")] {
                    let user = try #require(try await User.find(id, on: app.db))
                    user.fullName = name
                    user.searchKey = TextKey.search(user.username, name)
                    try await user.save(on: app.db)
                }
                let found = try await Self.search(app, as: "admin", "/users", text, record: record, other: other)
                #expect(found.record == finds)
                #expect(!found.other)
            }
        }

        @Test(arguments: queries) func certificates(text: String, finds: Bool) async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.centre1])
                let record = try await world.student(at: cast.school, "Ёлкин", "Тимофей")
                let other = try await world.student(at: cast.school, "Другов", "Пётр")
                let (recordID, otherID) = (try record.requireID(), try other.requireID())
                let always: [AttendanceStatus] = [.present, .present, .present, .present]
                let group = try await world.finishedGroup(
                    at: cast.center, "Математика-11", year: try await world.pastYear(), teacher: nil,
                    attendance: [recordID: always, otherID: always], passed: [recordID: true, otherID: true])
                let issued = try await world.issueCertificates(group)
                let mine = try #require(issued.first { $0.$student.id == recordID })
                let theirs = try #require(issued.first { $0.$student.id == otherID })
                let found = try await Self.search(
                    app, as: "centre1", "/certificates", text, record: try mine.requireID(),
                    other: try theirs.requireID())
                #expect(found.record == finds)
                #expect(!found.other)
            }
        }
    }
}
