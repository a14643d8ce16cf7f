import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// Who may be given a group (issue 19, item 6): staff of the group's centre or a teacher its programme names — on
    /// the form (the centre's head, the КМЦ), through the API and as a lesson's substitute. Built on the timetable's
    /// world (`TimetableTests.setUp`).
    @Suite struct GroupTeacherTests {
        static let refusal = "Педагог не работает в ресурсном центре группы и не указан среди педагогов её программы"

        /// The group form of `group` as its card holds it, with `teacher` chosen.
        static func form(_ group: StudyGroup, teacher: UUID?) -> [String: String] {
            let zone = TimeZone(identifier: "Europe/Moscow")!
            return [
                "program": group.$program.id.uuidString.lowercased(), "name": group.name,
                "capacity": String(group.capacity), "plannedHours": String(group.plannedHours),
                "teacher": teacher?.uuidString.lowercased() ?? "",
                "room": group.$room.id?.uuidString.lowercased() ?? "",
                "startsOn": RuDate.format(group.startsOn!, timeZone: zone),
                "endsOn": RuDate.format(group.endsOn!, timeZone: zone), "open": "yes", "version": String(group.version),
            ]
        }

        static func edit(_ group: StudyGroup) -> String { "/groups/\(group.id!.uuidString.lowercased())/edit" }

        /// The group's teacher and its lessons' teachers, to compare before and after.
        static func teachers(_ app: Application, _ group: StudyGroup) async throws -> [UUID?] {
            let fresh = try #require(try await StudyGroup.find(group.id, on: app.db))
            return [fresh.$teacher.id] + (try await TimetableTests.lessons(app, group).map { $0.$teacher.id })
        }

        /// A teacher of «Школа № 1» (a school, not a centre), named by no programme.
        static func schoolTeacher(_ net: TimetableTests.Net, _ app: Application) async throws -> StaffMember {
            try await net.world.staff("Чужаков", "Тест", "Петрович", at: [try await orgID(app, "Школа № 1")])
        }

        @Test func aCentreHeadCannotGiveTheGroupToAnotherSchoolsTeacher() async throws {
            try await withApp { app in
                // setup
                let net = try await TimetableTests.setUp(app)
                let outsider = try await Self.schoolTeacher(net, app)
                let before = try await Self.teachers(app, net.m10)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                // The form offers the centre's people, not the school's.
                let page = try await head.get(Self.edit(net.m10)).body.string
                #expect(page.contains("Второва Тест Ивановна"))
                #expect(!page.contains("Чужаков"))
                #expect(!page.contains("Третьяков"))
                // act
                let refused = try await head.post(Self.edit(net.m10), Self.form(net.m10, teacher: outsider.id))
                // check
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(Self.refusal))
                #expect(try await Self.teachers(app, net.m10) == before)
                let fresh = try #require(try await StudyGroup.find(net.m10.id, on: app.db))
                #expect(fresh.version == net.m10.version)
                // A new group is asked the same.
                _ = try await head.get("/groups/new")
                var opening = Self.form(net.m10, teacher: outsider.id)
                opening["name"] = "Математика-9"
                let unopened = try await head.post("/groups/new", opening)
                #expect(unopened.status == .unprocessableEntity)
                #expect(unopened.body.string.contains(Self.refusal))
                #expect(try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-9").count() == 0)
                // Another centre's teacher is refused the same way; the centre's own is taken.
                let stranger = try await head.post(Self.edit(net.m10), Self.form(net.m10, teacher: net.stranger.id))
                #expect(stranger.status == .unprocessableEntity)
                #expect(stranger.body.string.contains(Self.refusal))
                let colleague = try await head.post(Self.edit(net.m10), Self.form(net.m10, teacher: net.colleague.id))
                #expect(colleague.status == .seeOther)
                #expect(try #require(try await StudyGroup.find(net.m10.id, on: app.db)).$teacher.id == net.colleague.id)
                let audit = try #require(
                    try await AuditEntry.query(on: app.db).filter(\.$entityType == "group").filter(
                        \.$entityID == net.m10.id
                    ).first())
                #expect(audit.after?.contains("Второва Тест Ивановна") == true)
            }
        }

        @Test func theKMCCoordinatorIsAskedTheSameAndMayChooseTheProgrammesTrainer() async throws {
            try await withApp { app in
                // setup: an outside trainer of a college, named by the programme of «Математика-10».
                let net = try await TimetableTests.setUp(app)
                let outsider = try await Self.schoolTeacher(net, app)
                let college = try await net.world.organization(.college, "Тестовый колледж")
                let trainer = try await net.world.outsideTrainer("Тренеров", at: college)
                try await net.world.attach(trainer, to: net.m10.$program.id)
                let before = try await Self.teachers(app, net.m10)
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                let page = try await kmc.get(Self.edit(net.m10)).body.string
                #expect(page.contains("Тренеров Тест Тестович"))
                #expect(!page.contains("Чужаков"))
                // act: a school's teacher is refused, nothing changes
                let refused = try await kmc.post(Self.edit(net.m10), Self.form(net.m10, teacher: outsider.id))
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(Self.refusal))
                #expect(try await Self.teachers(app, net.m10) == before)
                // the programme's trainer is taken, with the future lessons
                let taken = try await kmc.post(Self.edit(net.m10), Self.form(net.m10, teacher: trainer.id))
                #expect(taken.status == .seeOther)
                let today = CivilDay(Date(), timeZone: TimeZone(identifier: "Europe/Moscow")!).number
                let lessons = try await TimetableTests.lessons(app, net.m10)
                #expect(lessons.filter { $0.day >= today }.allSatisfy { $0.$teacher.id == trainer.id })
                // The trainer is not a teacher of another programme's group.
                _ = try await kmc.get(Self.edit(net.info))
                let other = try await kmc.post(Self.edit(net.info), Self.form(net.info, teacher: trainer.id))
                #expect(other.status == .unprocessableEntity)
                #expect(
                    try #require(try await StudyGroup.find(net.info.id, on: app.db)).$teacher.id == net.colleague.id)
            }
        }

        struct TeacherBody: Content {
            var teacherId: UUID?
        }
        struct Problem: Content {
            var error: String
            var reason: String
            var fields: [String: String]
        }
        struct Group: Content {
            var id: UUID
            var teacherId: UUID?
        }

        @Test func theAPIRefusesAnotherSchoolsTeacherNamingTheField() async throws {
            try await withApp { app in
                // setup
                let net = try await TimetableTests.setUp(app)
                let outsider = try await Self.schoolTeacher(net, app)
                let before = try await Self.teachers(app, net.m10)
                let token = try await apiToken(app, "centre1", password: World.password)
                let path = "/api/v1/groups/\(net.m10.id!.uuidString.lowercased())/teacher"
                var client = Browser(app)
                // act
                let refused = try await client.send(
                    .PUT, path, json: TeacherBody(teacherId: outsider.id),
                    headers: ["Authorization": "Bearer \(token)"])
                // check
                #expect(refused.status == .unprocessableEntity)
                let problem = try refused.content.decode(Problem.self)
                #expect(problem.error == "validation")
                #expect(problem.fields["teacherId"]?.contains(Self.refusal) == true)
                #expect(try await Self.teachers(app, net.m10) == before)
                // The centre's own teacher is taken; a school's administrator may not change the group at all.
                let taken = try await client.send(
                    .PUT, path, json: TeacherBody(teacherId: net.colleague.id),
                    headers: ["Authorization": "Bearer \(token)"])
                #expect(taken.status == .ok)
                #expect(try taken.content.decode(Group.self).teacherId == net.colleague.id)
                let future = try await TimetableTests.future(app, net.m10)
                #expect(!future.isEmpty && future.allSatisfy { $0.$teacher.id == net.colleague.id })
                let school = try await apiToken(app, "school1", password: World.password)
                let forbidden = try await client.send(
                    .PUT, path, json: TeacherBody(teacherId: net.teacher.id),
                    headers: ["Authorization": "Bearer \(school)"])
                #expect(forbidden.status == .forbidden)
            }
        }

        @Test func aSubstituteIsAskedTheSameRule() async throws {
            try await withApp { app in
                let net = try await TimetableTests.setUp(app)
                let outsider = try await Self.schoolTeacher(net, app)
                let lesson = try #require(try await TimetableTests.future(app, net.m10).first)
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let path = "/lessons/\(lesson.id!.uuidString.lowercased())/edit"
                let page = try await head.get(path).body.string
                #expect(page.contains("Второва Тест Ивановна") && !page.contains("Чужаков"))
                var form = [
                    "day": CivilDay(number: lesson.day).formatted, "start": "15:00", "hours": "2",
                    "room": lesson.$room.id?.uuidString.lowercased() ?? "",
                    "teacher": outsider.id!.uuidString.lowercased(), "version": String(lesson.version),
                ]
                let refused = try await head.post(path, form)
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.body.string.contains(Self.refusal))
                #expect(try #require(try await Lesson.find(lesson.id, on: app.db)).$teacher.id == net.teacher.id)
                form["teacher"] = net.colleague.id!.uuidString.lowercased()
                #expect(try await head.post(path, form).status == .seeOther)
                let substituted = try #require(try await Lesson.find(lesson.id, on: app.db))
                #expect(substituted.$teacher.id == net.colleague.id && substituted.$substituteFor.id == net.teacher.id)
            }
        }
    }
}
