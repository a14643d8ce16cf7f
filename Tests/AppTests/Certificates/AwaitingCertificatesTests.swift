import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// «Waiting for certificates» is one rule (`CertificateService.groupsAwaitingCertificates`): the groups list marks
    /// the very groups the start page lists.
    @Suite struct AwaitingCertificatesTests {
        static let tag = "завершена, ждёт выдачи сертификатов"

        @Test func theGroupsListAndTheStartPageShowTheSameGroupsWaitingForCertificates() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1])
                let past = try await world.pastYear()
                let students = try await world.students(at: cast.school, count: 2)
                let present = Dictionary(uniqueKeysWithValues: students.map { ($0, [AttendanceStatus.present]) })
                let absent = Dictionary(uniqueKeysWithValues: students.map { ($0, [AttendanceStatus.absent]) })
                let passed = Dictionary(uniqueKeysWithValues: students.map { ($0, true) })
                func finished(_ name: String, _ attendance: [UUID: [AttendanceStatus]], _ passed: [UUID: Bool])
                    async throws -> StudyGroup
                {
                    try await world.finishedGroup(
                        at: cast.center, name, year: past, teacher: nil, attendance: attendance, passed: passed)
                }
                // Waiting: passed, attended, no certificate.
                let waiting = try await finished("Ждёт сертификатов", present, passed)
                // Not waiting: certified; attended too little; no results; failed.
                try await world.issueCertificates(try await finished("Уже с сертификатами", present, passed))
                _ = try await finished("Мало посещений", absent, passed)
                _ = try await finished("Без результатов", present, [:])
                _ = try await finished("Не сдали", present, passed.mapValues { _ in false })
                let notWaiting = ["Уже с сертификатами", "Мало посещений", "Без результатов", "Не сдали"]

                for user in ["centre1", "kmc"] {
                    var browser = Browser(app)
                    _ = try await browser.login(user, password: World.password)
                    let list = try await browser.get("/groups").body.string
                    let start = try await browser.get("/").body.string
                    #expect(list.contains(">\(waiting.name)</a>") && list.contains(Self.tag), "\(user): /groups")
                    #expect(list.components(separatedBy: Self.tag).count == 2, "\(user): one group marked on /groups")
                    #expect(start.contains(waiting.name), "\(user): /")
                    for name in notWaiting {
                        #expect(!list.contains(name), "\(user): \(name) on /groups")
                        #expect(!start.contains(name), "\(user): \(name) on /")
                    }
                }
            }
        }
    }
}
