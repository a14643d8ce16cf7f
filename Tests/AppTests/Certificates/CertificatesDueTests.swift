import Domain
import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// A group's count of students waiting for a certificate (`study_groups.certificates_due`) is kept by every write
    /// that changes it — results, the journal's marks, the municipality's minimum attendance, issuing and annulling —
    /// through the product's forms, and the groups list reads it.
    @Suite struct CertificatesDueTests {
        @Test func everyWriteThatChangesWhoWaitsCountsTheGroupAgain() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.admin, .kmc, .centre1])
                let past = try await world.pastYear()
                let students = try await world.students(at: cast.school, count: 2).sorted {
                    $0.uuidString < $1.uuidString
                }
                let (first, second) = (students[0], students[1])
                let group = try await world.finishedGroup(
                    at: cast.center, "Ждёт сертификатов", year: past, teacher: nil,
                    attendance: [first: [.present], second: [.present]], passed: [first: true, second: true])
                let groupID = try group.requireID()
                let path = "/groups/\(groupID.uuidString.lowercased())"
                // The fixture writes past the product: the group is not counted until counted.
                #expect(try await Self.due(app, groupID) == nil)
                try await CertificateService.refreshAllDue(on: app.db)
                #expect(try await Self.due(app, groupID) == 2)

                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get("/groups").body.string.contains(AwaitingCertificatesTests.tag))

                // A result turned to «не зачтено»: one waits.
                let result = try #require(
                    try await FinalResult.query(on: app.db).filter(\.$group.$id == groupID)
                        .filter(\.$student.$id == first).first())
                let key = first.uuidString.lowercased()
                _ = try await head.get(path + "/results")
                let failed = try await head.post(
                    path + "/results",
                    [
                        "form-" + key: result.form, "passed-" + key: "no",
                        "day-" + key: CivilDay(number: result.resultDay).formatted, "v-" + key: String(result.version),
                    ])
                #expect(failed.status == .seeOther)
                #expect(try await Self.due(app, groupID) == 1)

                // The journal corrected: the other was absent, so nobody attended enough.
                let lesson = try #require(try await Lesson.query(on: app.db).filter(\.$group.$id == groupID).first())
                let record = try #require(
                    try await LessonRecord.query(on: app.db).filter(\.$lesson.$id == lesson.requireID()).first())
                let lessonPath = "/lessons/\(try lesson.requireID().uuidString.lowercased())"
                _ = try await head.get(lessonPath)
                let marked = try await head.post(
                    lessonPath + "/register",
                    JournalTests.form(students, topic: record.topic, hours: record.hours, version: record.version) {
                        $0 == 0 ? .present : .absent
                    })
                #expect(marked.status == .seeOther)
                #expect(try await Self.due(app, groupID) == 0)
                #expect(!(try await head.get("/groups").body.string.contains(AwaitingCertificatesTests.tag)))

                // The minimum attendance lowered to 0 %: the absent student may have a certificate after all.
                var admin = Browser(app)
                _ = try await admin.login("admin", password: World.password)
                let municipality = try #require(try await Municipality.query(on: app.db).first())
                _ = try await admin.get("/municipality")
                let lowered = try await admin.post(
                    "/municipality",
                    [
                        "name": municipality.name, "timeZone": municipality.timeZone,
                        "series": municipality.certificateSeries, "minAttendance": "0",
                    ])
                #expect(lowered.status == .seeOther)
                #expect(try await Self.due(app, groupID) == 1)
                #expect(try await head.get("/groups").body.string.contains(AwaitingCertificatesTests.tag))

                // Issued: nobody waits; annulled: one waits again.
                let issued = try await world.issueCertificates(group)
                #expect(issued.count == 1)
                #expect(try await Self.due(app, groupID) == 0)
                let certificate = try #require(issued.first)
                let annulPath = "/certificates/\(try certificate.requireID().uuidString.lowercased())/annul"
                _ = try await head.get(annulPath)
                #expect(try await head.post(annulPath, ["reason": "Ошибка в фамилии"]).status == .seeOther)
                #expect(try await Self.due(app, groupID) == 1)
                #expect(try await head.get("/groups").body.string.contains(AwaitingCertificatesTests.tag))
            }
        }

        /// The stored count, nil while not counted.
        static func due(_ app: Application, _ group: UUID) async throws -> Int? {
            let row = try await (app.db as! any SQLDatabase).rows(
                "SELECT certificates_due FROM study_groups WHERE id = ?", [.uuid(group)]
            ).first
            let stored = try #require(row)
            return stored.isNull("certificates_due") ? nil : stored.int("certificates_due")
        }
    }
}
