import Domain
import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    @Suite struct ProgramTests {
        static func form(_ center: UUID, modules: String = "Теория — 30\nПрактикум — 34", teacher: UUID? = nil)
            -> [String: String]
        {
            var form = [
                "organization": center.uuidString, "title": "Экспериментальная физика", "kind": "profile",
                "gradeFrom": "10", "gradeTo": "11",
                "hours": "64", "form": "blended", "modules": modules, "target": "исследовательские проекты",
            ]
            if let teacher { form["teachers"] = teacher.uuidString.lowercased() }
            return form
        }

        /// The ids of a programmes' world.
        struct Ids {
            var world: World
            /// «Гимназия № 2», a centre teaching физика, centre1 its head.
            var gym: UUID
            /// «Лицей № 5», another centre.
            var lyceum: UUID
            /// «Школа № 1», school1 its administrator.
            var school: UUID
            /// «Орлова Дина Андреевна», a teacher of the gymnasium.
            var teacher: UUID
        }

        /// A world of its own: the organisations above and kmc.
        static func setUp(_ app: Application) async throws -> Ids {
            let world = try await World.make(app)
            let cast = try await world.cast([.kmc, .centre1, .school1], center: "Гимназия № 2")
            let (gym, school) = (cast.center, cast.school)
            let lyceum = try await world.center("Лицей № 5")
            try await world.teach(["физика"], at: gym)
            let teacher = try await world.staff("Орлова", "Дина", "Андреевна", at: [gym])
            return Ids(world: world, gym: gym, lyceum: lyceum, school: school, teacher: try teacher.requireID())
        }

        /// A new programme's form starts at 64 hours in the head's own centre; a programme without teachers is not
        /// sent.
        @Test func aProgramStartsAt64HoursAndNeedsTeachersToBeSent() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let center = ids.gym
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                let blank = try await head.get("/programs/new").body.string
                #expect(blank.contains("name=\"hours\"") && blank.contains("value=\"64\""))
                #expect(blank.contains("<option value=\"\(center.uuidString.lowercased())\" selected"))
                #expect(try await head.post("/programs/new", Self.form(center)).status == .seeOther)
                let program = try #require(
                    try await NetworkProgram.query(on: app.db).filter(\.$title == "Экспериментальная физика").first())
                _ = try await head.get("/programs/\(program.id!)")
                let refused = try await head.post("/programs/\(program.id!)/submit")
                #expect(refused.status == .conflict && refused.body.string.contains("Укажите педагогов программы"))
                #expect(try await NetworkProgram.find(program.id, on: app.db)?.approval == "draft")
            }
        }

        @Test func aProgramGoesFromDraftThroughReturnToAgreementKeepingVersions() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let center = ids.gym
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get("/programs/new")
                let badModules = try await head.post(
                    "/programs/new", Self.form(center, modules: "Теория — 30\nПрактикум"))
                #expect(badModules.status == .unprocessableEntity)
                #expect(badModules.body.string.contains("Строка 2: напишите модуль как «Название — 16»"))
                let wrongSum = try await head.post(
                    "/programs/new", Self.form(center, modules: "Теория — 30\nПрактикум — 30"))
                #expect(
                    wrongSum.body.string.contains("Сумма часов модулей (60) должна совпадать с объёмом программы (64).")
                )
                let teacher = ids.teacher
                #expect(try await head.post("/programs/new", Self.form(center, teacher: teacher)).status == .seeOther)
                let program = try #require(
                    try await NetworkProgram.query(on: app.db).filter(\.$title == "Экспериментальная физика").first())
                #expect(program.approval == "draft")
                _ = try await head.get("/programs/\(program.id!)")
                #expect(try await head.post("/programs/\(program.id!)/submit").status == .seeOther)
                // While the КМЦ decides, the centre cannot change it.
                #expect(try await head.get("/programs/\(program.id!)/edit").status == .conflict)
                var edit = Self.form(center, teacher: teacher)
                edit["version"] = "2"
                #expect(try await head.post("/programs/\(program.id!)/edit", edit).status == .conflict)
                #expect(try await head.get("/programs/\(program.id!)/review").status == .forbidden)

                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                #expect(try await kmc.get("/programs").body.string.contains("Ждут согласования КМЦ: 1 программа."))
                _ = try await kmc.get("/programs/\(program.id!)/review")
                let noComment = try await kmc.post("/programs/\(program.id!)/review", ["decision": "returned"])
                #expect(noComment.body.string.contains("Напишите, что нужно доработать."))
                #expect(
                    try await kmc.post(
                        "/programs/\(program.id!)/review",
                        ["decision": "returned", "comment": "Добавьте лабораторные работы"]
                    ).status == .seeOther)
                #expect(
                    try await head.get("/programs/\(program.id!)").body.string.contains(
                        "КМЦ вернул программу на доработку: «Добавьте лабораторные работы»"))
                _ = try await head.get("/programs/\(program.id!)/edit")
                edit["version"] = "3"
                edit["modules"] = "Теория — 24\nЛабораторные работы — 40"
                #expect(try await head.post("/programs/\(program.id!)/edit", edit).status == .seeOther)
                _ = try await head.get("/programs/\(program.id!)")
                #expect(try await head.post("/programs/\(program.id!)/submit").status == .seeOther)
                _ = try await kmc.get("/programs/\(program.id!)/review")
                #expect(
                    try await kmc.post("/programs/\(program.id!)/review", ["decision": "agreed"]).status == .seeOther)
                let agreed = try #require(try await NetworkProgram.find(program.id, on: app.db))
                #expect(agreed.approval == "agreed")
                let versions = try await ProgramVersion.query(on: app.db).filter(\.$program.$id == program.id!).sort(
                    \.$number
                ).all()
                #expect(versions.map(\.decision) == ["returned", "agreed"])
                #expect(versions[0].snapshot.contains("Практикум — 34"))
                let card = try await head.get("/programs/\(program.id!)").body.string
                #expect(!card.contains(">Изменить</a>"))
                #expect(card.contains("Версии, отправленные в КМЦ"))
            }
        }

        @Test func aCenterWritesOnlyItsOwnProgramsAndNeverDecides() async throws {
            try await withApp { app in
                let ids = try await Self.setUp(app)
                let other = ids.lyceum
                let lyceumProgram = try await ids.world.program(at: other, "Химия в задачах")
                var head = Browser(app)
                _ = try await head.login("centre1", password: World.password)
                _ = try await head.get("/programs/new")
                let res = try await head.post("/programs/new", Self.form(other))
                #expect(res.status == .unprocessableEntity)
                #expect(try await NetworkProgram.query(on: app.db).count() == 1)
                #expect(try await head.get("/programs/\(lyceumProgram.id!)/edit").status == .forbidden)
                #expect(
                    try await head.post(
                        "/programs/\(lyceumProgram.id!)/review", ["decision": "returned", "comment": "x"]
                    ).status == .forbidden)
                #expect(try await ProgramVersion.query(on: app.db).count() == 0)
                #expect(try await NetworkProgram.find(lyceumProgram.id, on: app.db)?.approval == "agreed")
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/programs").status == .ok)
                #expect(try await school.get("/programs/new").status == .forbidden)
            }
        }

        @Test func thePublicCatalogListsAgreedProgramsWithFilters() async throws {
            try await withApp { app in
                // This year: five agreed programmes (one of the lyceum) and a draft; an agreed one of a past year.
                let ids = try await Self.setUp(app)
                let world = ids.world
                for title in [
                    "Олимпиадная математика", "Экспериментальная физика", "Программирование",
                    "Трудные случаи орфографии",
                ] {
                    _ = try await world.program(at: ids.gym, title)
                }
                let chemistry = try await world.program(at: ids.lyceum, "Химия в задачах")
                // The catalogue names a programme's teachers.
                let link = ProgramTeacher()
                link.$program.id = try chemistry.requireID()
                link.$staff.id = ids.teacher
                try await link.create(on: app.db)
                _ = try await world.program(at: ids.gym, "Черновик программы", agreed: false)
                let old = try await world.program(at: ids.gym, "Прошлогодняя программа")
                old.$academicYear.id = try await world.pastYear(starting: 2019).requireID()
                try await old.save(on: app.db)
                var anyone = Browser(app)
                let all = try await anyone.get("/catalog").body.string
                #expect(all.contains("Олимпиадная математика"))
                #expect(all.contains("Найдено 5 программ"))
                #expect(!all.contains("Черновик программы") && !all.contains("Прошлогодняя программа"))
                #expect(try await anyone.get("/catalog?grade=5").body.string.contains("Найдено 0 программ"))
                let lyceum = ids.lyceum
                let one = try await anyone.get("/catalog?organization=\(lyceum)").body.string
                #expect(one.contains("Химия в задачах"))
                #expect(one.contains("Орлова Дина Андреевна"))
                // Each item's facts come from its programme and centre.
                #expect(one.contains("10–11") && one.contains(ProgramKind.olympiad.title))
                let lyceumName = try #require(try await Organization.find(lyceum, on: app.db)).shortName
                #expect(
                    one.contains(lyceumName.replacingOccurrences(of: "№ ", with: "№&nbsp;")) || one.contains(lyceumName)
                )
                #expect(!one.contains("Олимпиадная математика"))
                // A draft is not in the catalogue.
                let current = try #require(
                    try await AcademicYear.query(on: app.db).filter(\.$isCurrent == true).first())
                let program = try #require(
                    try await NetworkProgram.query(on: app.db).filter(\.$title == "Химия в задачах").filter(
                        \.$academicYear.$id == current.id!
                    ).first())
                program.approval = "draft"
                try await program.save(on: app.db)
                #expect(!(try await anyone.get("/catalog").body.string.contains("Химия в задачах")))
                let token = try await apiToken(app, "kmc", password: World.password)
                struct Page: Content {
                    struct M: Content { var total: Int }
                    var metadata: M
                }
                let api = try await anyone.send(
                    .GET, "/api/v1/programs?approval=agreed", headers: ["Authorization": "Bearer \(token)"])
                // Every agreed programme of every year (the catalogue shows this year's): four of this year, one past.
                #expect(try api.content.decode(Page.self).metadata.total == 5)
            }
        }
    }
}

extension AppTests.ProgramTests {
    @Test func aCenterOpensGroupsOnlyOfAgreedProgramsAndNeverBelowTheEnrolled() async throws {
        try await withApp { app in
            let ids = try await Self.setUp(app)
            let world = ids.world
            let gym = ids.gym
            let agreed = try await world.program(at: gym, "Олимпиадная математика")
            let lyceumRoom = try await world.room(at: ids.lyceum, "Лаборатория химии")
            // «Математика-10» with three students in it.
            let busy = try await world.group(of: agreed, "Математика-10")
            for student in try await world.students(at: ids.school, count: 3) {
                _ = try await EnrollmentService.enroll(studentID: student, groupID: busy.id!, app: app, req: nil)
            }
            var head = Browser(app)
            _ = try await head.login("centre1", password: World.password)
            let list = try await head.get("/groups").body.string
            #expect(list.contains("Гимназия № 2: нет открытой группы по предмету «физика»."))
            _ = try await head.get("/groups/new")
            let foreignRoom = try await head.post(
                "/groups/new",
                [
                    "program": agreed.id!.uuidString, "name": "Математика-9", "capacity": "15",
                    "room": lyceumRoom.id!.uuidString, "open": "yes",
                ])
            #expect(foreignRoom.status == .unprocessableEntity)
            #expect(foreignRoom.body.string.contains("Выберите кабинет этого ресурсного центра."))
            #expect(
                try await head.post(
                    "/groups/new",
                    ["program": agreed.id!.uuidString, "name": "Математика-9", "capacity": "15", "open": "yes"]
                ).status == .seeOther)
            let created = try #require(try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-9").first())
            #expect(created.plannedHours == 64)
            #expect(created.$organization.id == gym)
            // A programme still in drafting cannot open a group.
            agreed.approval = "submitted"
            try await agreed.save(on: app.db)
            _ = try await head.get("/groups/new")
            let notAgreed = try await head.post(
                "/groups/new", ["program": agreed.id!.uuidString, "name": "Математика-8", "capacity": "15"])
            #expect(notAgreed.status == .unprocessableEntity)
            #expect(try await StudyGroup.query(on: app.db).filter(\.$name == "Математика-8").count() == 0)
            // Capacity never below the number enrolled.
            #expect(try await StudyGroup.find(busy.id, on: app.db)?.enrolledCount == 3)
            _ = try await head.get("/groups/\(busy.id!)/edit")
            let shrink = try await head.post(
                "/groups/\(busy.id!)/edit",
                [
                    "program": busy.$program.id.uuidString, "name": busy.name, "capacity": "2",
                    "version": String(busy.version), "open": "yes",
                ])
            #expect(shrink.status == .unprocessableEntity)
            #expect(shrink.body.string.contains("вместимость не может быть меньше"))
            #expect(try await StudyGroup.find(busy.id, on: app.db)?.capacity == busy.capacity)
            var school = Browser(app)
            _ = try await school.login("school1", password: World.password)
            #expect(try await school.get("/groups/new").status == .forbidden)
            #expect(try await school.get("/groups/\(busy.id!)/edit").status == .forbidden)
        }
    }
}

extension AppTests.ProgramTests {
    @Test func theGroupsListShowsTheCurrentYearAndEachGroupsYear() async throws {
        try await withApp { app in
            let ids = try await Self.setUp(app)
            let world = ids.world
            _ = try await world.school("Школа с. Берёзовка")
            let current = world.year
            let past = try await world.pastYear(starting: 2019)
            let program = try await world.program(at: ids.gym, "Олимпиадная математика")
            _ = try await world.group(of: program, "Математика-11")
            let old = try await world.group(of: program, "Математика-10")
            old.name = "Архивная математика"
            old.$academicYear.id = past.id!
            try await old.save(on: app.db)
            var head = Browser(app)
            _ = try await head.login("centre1", password: World.password)
            let list = try await head.get("/groups").body.string
            #expect(
                list.contains(">Год<") && list.contains("<td>\(current.title)</td>")
                    && !list.contains("Архивная математика"))
            // A search finds a group of any year.
            #expect(try await head.get("/groups?q=Архивная").body.string.contains("Архивная математика"))
            let all = try await head.get("/groups?year=").body.string
            #expect(all.contains("Архивная математика") && all.contains("<td>2019/2020</td>"))
            let pastOnly = try await head.get("/groups?year=\(past.id!.uuidString.lowercased())").body.string
            #expect(pastOnly.contains("Архивная математика") && !pastOnly.contains(">Математика-11<"))
            // The group form tells a programme's years apart, and a new record's heading agrees with its noun.
            let form = try await head.get("/groups/new").body.string
            #expect(form.contains("Олимпиадная математика — Гимназия № 2, \(current.title)"))
            #expect(try await head.get("/programs/new").body.string.contains("Новая программа"))

            // A school administrator's school filter of «Записи в группы» offers only their own school.
            var school = Browser(app)
            _ = try await school.login("school1", password: World.password)
            let enrollments = try await school.get("/enrollments").body.string
            #expect(enrollments.contains("Школа № 1") && !enrollments.contains(">Школа с. Берёзовка<"))
            var kmc = Browser(app)
            _ = try await kmc.login("kmc", password: World.password)
            #expect(try await kmc.get("/enrollments").body.string.contains(">Школа с. Берёзовка<"))
        }
    }
}
