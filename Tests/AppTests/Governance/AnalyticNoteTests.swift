import Domain
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 22, item 7: a centre's head drafts the analytic note of the year from Setka's figures — the groups, the
    /// hours planned and delivered, attendance, the plans and the reports counted as the data stand —, writes the
    /// conclusions (required) under the note's version; printable and DOCX; others are refused.
    @Suite struct AnalyticNoteTests {
        @Test func aNoteIsDraftedFromTheCentresFiguresAndCompletedByItsAuthor() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .school1, .teacher1])
                let program = try await world.program(at: cast.center, "Информатика", grades: 9...11)
                let group = try await world.group(of: program, "Информатика-1")
                let today = CivilDay(Date(), timeZone: world.zone)
                let lesson = try await world.lesson(
                    of: group, on: max(today.adding(days: -3), world.yearDays.lowerBound))
                let student = try await world.student(at: cast.school, "Учебный", "Иван")
                try await world.enroll([try student.requireID()], in: group, fromStart: true)
                try await world.mark(lesson, [try student.requireID(): .present])
                try await world.activityProgram(at: cast.center, status: .submitted, versions: 1)
                let designation = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == cast.center).first())
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                #expect(try await head.get("/analytic-notes").body.string.contains(AnalyticNoteWords.create))
                let drafted = try await head.post("/analytic-notes", ["center": try designation.requireID().uuidString])
                #expect(drafted.status == .seeOther)
                let note = try #require(try await AnalyticNote.query(on: app.db).first())
                let figures = note.counted
                #expect(figures.groups == 1 && figures.studentsCovered == 1 && figures.attendancePercent == 100)
                #expect(figures.hoursPlanned == group.plannedHours && figures.hoursDelivered > 0)
                #expect(figures.programStatus == ActivityProgramStatus.submitted.rawValue)
                let path = SiteURL.analyticNote(try note.requireID()).path
                let page = try await head.get(path).body.string
                #expect(page.contains("Групп с занятиями: 1; обучающихся, посетивших занятия: 1."))
                #expect(page.contains("на согласовании"))
                // The conclusions are the author's: required; a stale save refused.
                _ = try await head.get(path + "/edit")
                var form = note.texts
                form["version"] = "1"
                let refused = try await head.post(path, form)
                #expect(
                    refused.status == .unprocessableEntity
                        && refused.body.string.contains(AnalyticNoteWords.conclusionsRequired))
                form["conclusions"] = "Курс востребован; расширить набор на 5–6 классы."
                #expect(try await head.post(path, form).status == .seeOther)
                #expect(try await head.post(path, form).status == .conflict)
                #expect(try await head.get(path).body.string.contains("расширить набор на 5–6 классы"))
                let docx = try await head.get(path + "/docx")
                #expect(docx.status == .ok && docx.headers.contentType == .docx)
                #expect(try await head.get(path + "/document").body.string.contains("Данные Setka на"))
                // A second draft lands on the same note; the КМЦ reads and may edit; others are refused.
                let twice = try await head.post("/analytic-notes", ["center": try designation.requireID().uuidString])
                #expect(twice.headers.first(name: .location) == path)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get(path + "/edit").status == .ok)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get(path).status == .forbidden)
                var teacher = Browser(app)
                _ = try await teacher.login("teacher1", password: World.password)
                #expect(try await teacher.get("/analytic-notes").status == .forbidden)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == note.id).count() == 2)
                // A second lesson marked, then the figures counted again: the text stays, the figures follow.
                let second = try await world.lesson(
                    of: group, on: max(today.adding(days: -2), world.yearDays.lowerBound))
                try await world.mark(second, [try student.requireID(): .absent])
                _ = try await head.get(path)
                #expect(try await head.post(path + "/recount", ["version": "1"]).status == .conflict)
                #expect(try await head.post(path + "/recount", ["version": "2"]).status == .seeOther)
                let recounted = try #require(try await AnalyticNote.find(note.requireID(), on: app.db))
                #expect(recounted.counted.attendancePercent == 50 && recounted.version == 3)
                #expect(recounted.texts["conclusions"] == "Курс востребован; расширить набор на 5–6 классы.")
            }
        }

        struct NewNote: Content { var resourceCenterId: String? }
        struct Change: Content {
            var sections: [String: String]?
            var version: Int?
        }

        @Test func theAPIDraftsReadsSavesAndRecountsANote() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let cast = try await world.cast([.kmc, .centre1, .school1])
                let other = try await world.center("Центр № 9")
                let designation = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == cast.center).first())
                let centerID = try designation.requireID().uuidString
                let head: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "centre1"))"]
                let kmc: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "kmc"))"]
                var api = Browser(app)
                let wrong = try await api.send(
                    .POST, "/api/v1/analytic-notes", json: NewNote(resourceCenterId: "nope"), headers: head)
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("\"resourceCenterId\""))
                // Another centre's designation: not the head's to draft.
                let foreign = try #require(
                    try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == other).first())
                let theirs = try await api.send(
                    .POST, "/api/v1/analytic-notes",
                    json: NewNote(resourceCenterId: try foreign.requireID().uuidString),
                    headers: head)
                #expect(theirs.status == .forbidden)
                let made = try await api.send(
                    .POST, "/api/v1/analytic-notes", json: NewNote(resourceCenterId: centerID), headers: head)
                #expect(made.status == .created && made.body.string.contains("\"figures\""))
                let again = try await api.send(
                    .POST, "/api/v1/analytic-notes", json: NewNote(resourceCenterId: centerID), headers: head)
                #expect(again.status == .ok)
                let note = try #require(try await AnalyticNote.query(on: app.db).first())
                let path = "/api/v1/analytic-notes/\(try note.requireID())"
                let missing = try await api.send(
                    .PUT, path, json: Change(sections: ["general": "Кратко."], version: 1), headers: head)
                #expect(missing.status == .unprocessableEntity && missing.body.string.contains("sections.conclusions"))
                let saved = try await api.send(
                    .PUT, path, json: Change(sections: ["conclusions": "Работа идёт по плану."], version: 1),
                    headers: head)
                #expect(saved.status == .ok && saved.body.string.contains("Работа идёт по плану."))
                let unknown = try await api.send(
                    .PUT, path, json: Change(sections: ["summary": "Итог."], version: 2), headers: head)
                #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("sections.summary"))
                let kept = try #require(try await AnalyticNote.find(note.requireID(), on: app.db))
                #expect(kept.texts["general"] == note.texts["general"])
                let stale = try await api.send(
                    .PUT, path, json: Change(sections: ["conclusions": "Иначе."], version: 1), headers: head)
                #expect(stale.status == .conflict)
                let recount = try await api.send(.POST, path + "/recount", json: Change(version: 2), headers: head)
                #expect(recount.status == .ok && recount.body.string.contains("\"version\":3"))
                // Lists: the КМЦ sees the municipality's, the school nothing of them.
                let listed = try await api.send(.GET, "/api/v1/analytic-notes?year=\(world.year.title)", headers: kmc)
                #expect(listed.status == .ok && listed.body.string.contains("\"total\":1"))
                let badYear = try await api.send(.GET, "/api/v1/analytic-notes?year=1990", headers: kmc)
                #expect(badYear.status == .badRequest)
                let school: HTTPHeaders = ["Authorization": "Bearer \(try await directToken(app, username: "school1"))"]
                let schools = try await api.send(.GET, "/api/v1/analytic-notes", headers: school).body.string
                #expect(schools.contains("\"total\":0"))
                #expect(try await api.send(.GET, path, headers: school).status == .forbidden)
            }
        }
    }
}
