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
            }
        }
    }
}
