import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, item 2: who prepared a student for a result — the staff registry's teachers of the student's school,
    /// the network programmes' teachers and the outside trainers, linked to the achievement; anyone else is refused.
    @Suite struct AchievementPreparersTests {
        @Test func aSchoolNamesItsTeachersAndTrainersAndNoOneElse() async throws {
            try await withApp { app in
                let s = try await AchievementTests.setUp(app)
                let world = s.world
                let own = try await world.staff("Учителева", "Анна", "Петровна", at: [s.cast.school])
                let third = try #require(
                    try await Organization.query(on: app.db).filter(\.$shortName == "Школа № 3").first())
                let foreign = try await world.staff("Чужова", "Вера", "Ивановна", at: [third.requireID()])
                let trainer = try await world.outsideTrainer("Тренеров", at: s.cast.center)
                // A teacher of the centre who teaches a network programme.
                let networkTeacher = try await world.staff("Сетевая", "Нина", "Олеговна", at: [s.cast.center])
                try await world.attach(networkTeacher, to: try await world.program(at: s.cast.center).requireID())
                let idle = try await world.staff("Праздный", "Олег", "Ильич", at: [s.cast.center])
                // A teacher of a group (the demo's programmes name no teachers, their groups do).
                let groupTeacher = try await world.staff("Групповой", "Иван", "Петрович", at: [s.cast.center])
                _ = try await world.group(at: s.cast.center, "Физика-9", year: world.year, teacher: groupTeacher)
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                // The form offers the school's teacher and the trainer, not another school's teacher.
                let form = try await school.get("/achievements/new").body.string
                #expect(form.contains("Учителева Анна Петровна — учитель"))
                #expect(form.contains("Тренеров Тест Тестович — педагог-тренер"))
                #expect(form.contains("Сетевая Нина Олеговна — учитель"))
                #expect(form.contains("Групповой Иван Петрович — учитель"))
                #expect(!form.contains("Чужова") && !form.contains("Праздный"))
                var values = FormValues(single: AchievementTests.form(s, student: s.own[0]))
                values.values["preparers"] = [own.id!.uuidString, trainer.id!.uuidString]
                #expect(try await school.post("/achievements/new", values: values.values).status == .seeOther)
                let record = try #require(try await Achievement.query(on: app.db).with(\.$preparers).first())
                #expect(Set(record.preparers.map(\.id)) == [own.id, trainer.id])
                let id = try record.requireID()
                let card = try await school.get("/achievements/\(id)").body.string
                #expect(card.contains("Тренеров Тест Тестович, Учителева Анна Петровна, Смирнова А. В."))
                let created = try #require(
                    try await AuditEntry.query(on: app.db).filter(\.$entityID == id).filter(\.$action == "create")
                        .first())
                #expect((created.after ?? "").contains("Учителева Анна Петровна"))
                // Another school's teacher or an unknown id: refused under the field, the links unchanged.
                _ = try await school.get("/achievements/\(id)/edit")
                var edit = values
                edit.values["preparers"] = [own.id!.uuidString, foreign.id!.uuidString]
                edit.values["version"] = ["1"]
                let refused = try await school.post("/achievements/\(id)/edit", values: edit.values)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(TalentWords.Check.choosePreparer))
                edit.values["preparers"] = ["not-an-id"]
                #expect(
                    try await school.post("/achievements/\(id)/edit", values: edit.values).status
                        == .unprocessableEntity)
                #expect(try await AchievementPreparer.query(on: app.db).count() == 2)
                // The edit form keeps the choice; unticking the trainer removes the link and is audited.
                let ticked = try await school.get("/achievements/\(id)/edit").body.string
                func isTicked(_ member: StaffMember) throws -> Bool {
                    let value = member.id!.uuidString.lowercased()
                    return ticked.contains(try Regex("value=\"\(value)\" id=\"preparers-[0-9]+\" checked"))
                }
                #expect(try isTicked(own) && isTicked(trainer) && !isTicked(networkTeacher))
                // The centre's teacher of a network programme may be named; one who teaches none may not.
                edit.values["preparers"] = [own.id!.uuidString, idle.id!.uuidString]
                #expect(
                    try await school.post("/achievements/\(id)/edit", values: edit.values).status
                        == .unprocessableEntity)
                edit.values["preparers"] = [own.id!.uuidString, networkTeacher.id!.uuidString]
                #expect(try await school.post("/achievements/\(id)/edit", values: edit.values).status == .seeOther)
                #expect(
                    Set(try await AchievementPreparer.query(on: app.db).all().map(\.$staff.id))
                        == [own.id!, networkTeacher.id!])
                edit.values["version"] = ["2"]
                edit.values["preparers"] = [own.id!.uuidString]
                #expect(try await school.post("/achievements/\(id)/edit", values: edit.values).status == .seeOther)
                #expect(try await AchievementPreparer.query(on: app.db).all().map(\.$staff.id) == [own.id!])
                let updates = try await AuditEntry.query(on: app.db).filter(\.$entityID == id)
                    .filter(\.$action == "update").all()
                #expect(
                    updates.contains {
                        ($0.before ?? "").contains("Тренеров") && !($0.after ?? "").contains("Тренеров")
                    })
                // The API names the preparers and takes them by id, with the page's check.
                let token = try await directToken(app, username: "school1")
                var api = Browser(app)
                let one = try await api.send(
                    .GET, "/api/v1/achievements/\(id)", headers: ["Authorization": "Bearer \(token)"])
                #expect(one.body.string.contains("\"name\":\"Учителева Анна Петровна\""))
                let list = try await api.send(
                    .GET, "/api/v1/achievements", headers: ["Authorization": "Bearer \(token)"])
                #expect(list.body.string.contains("\"preparers\":[{"))
                struct Input: Content {
                    var studentId: UUID?
                    var editionId: UUID?
                    var subjectId: UUID?
                    var result: String?
                    var preparerIds: [UUID]?
                }
                let refusedByAPI = try await api.send(
                    .POST, "/api/v1/achievements",
                    json: Input(
                        studentId: s.own[1], editionId: s.stage.id, subjectId: s.physics.id, result: "winner",
                        preparerIds: [foreign.requireID()]),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(refusedByAPI.status == .unprocessableEntity)
                #expect(refusedByAPI.body.string.contains("preparers"))
                let byAPI = try await api.send(
                    .POST, "/api/v1/achievements",
                    json: Input(
                        studentId: s.own[1], editionId: s.stage.id, subjectId: s.physics.id, result: "winner",
                        preparerIds: [trainer.requireID()]),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(byAPI.status == .created)
                #expect(byAPI.body.string.contains("Тренеров Тест Тестович"))
                #expect(try await Achievement.query(on: app.db).count() == 2)
            }
        }
    }
}
