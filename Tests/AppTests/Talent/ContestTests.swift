import Domain
import Fluent
import Testing
import Vapor
import VaporTesting
import Views

@testable import App

extension AppTests {
    /// Issue 21, contests and their editions; the olympiad's subjects every municipality starts with.
    @Suite struct ContestTests {
        @Test func aMunicipalityStartsWithTheOlympiadsSubjects() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                let names = try await OlympiadSubject.query(on: app.db).filter(
                    \.$municipality.$id == world.municipalityID
                )
                .all(\.$name)
                #expect(names.count == 24)
                #expect(names.contains("труд (технология)"))
                #expect(Set(names) == Set(OlympiadSubjects.builtIn.map(\.name)))
            }
        }

        @Test func contestsAndEditionsAreKeptWithoutDuplicates() async throws {
            try await withApp { app in
                let world = try await World.make(app)
                _ = try await world.cast([.kmc, .school1])
                var kmc = Browser(app)
                _ = try await kmc.login("kmc", password: World.password)
                _ = try await kmc.get("/contests/new")
                let contest = [
                    "title": "Конкурс «Юный исследователь»", "kind": "contest", "level": "municipal",
                    "direction": "intellectual", "organizer": "Комитет образования",
                ]
                #expect(try await kmc.post("/contests/new", contest).status == .seeOther)
                _ = try await kmc.get("/contests/new")
                var twin = contest
                twin["title"] = "КОНКУРС «ЮНЫЙ ИССЛЕДОВАТЕЛЬ»"
                let dup = try await kmc.post("/contests/new", twin)
                #expect(dup.status == .unprocessableEntity)
                #expect(dup.body.string.contains(TalentWords.Check.duplicateContest))
                let saved = try #require(try await Contest.query(on: app.db).first())
                // The card offers a new edition with the contest chosen; one edition per year and level.
                let card = try await kmc.get("/contests/\(saved.id!)").body.string
                let newEdition = "/contest-editions/new?contest=\(saved.id!.uuidString.lowercased())"
                #expect(card.contains(newEdition))
                _ = try await kmc.get(newEdition)
                let edition = [
                    "contest": saved.id!.uuidString, "year": world.yearID.uuidString, "level": "municipal",
                    "startsOn": "10.11.2025", "endsOn": "01.11.2025",
                ]
                let backwards = try await kmc.post("/contest-editions/new", edition)
                #expect(backwards.status == .unprocessableEntity)
                #expect(backwards.body.string.contains(TalentWords.Check.endsBeforeStart))
                _ = try await kmc.get(newEdition)
                var right = edition
                right["endsOn"] = "12.11.2025"
                #expect(try await kmc.post("/contest-editions/new", right).status == .seeOther)
                _ = try await kmc.get(newEdition)
                let again = try await kmc.post("/contest-editions/new", right)
                #expect(again.body.string.contains(TalentWords.Check.duplicateEdition))
                #expect(try await ContestEdition.query(on: app.db).count() == 1)
                let shown = try await kmc.get("/contests/\(saved.id!)").body.string
                #expect(shown.contains("муниципальный уровень, \(world.year.title)"))
                #expect(shown.contains("10.11.2025 — 12.11.2025"))
                // A school adds a contest its students took part in, but does not edit the municipality's.
                var school = Browser(app)
                _ = try await school.login("school1", password: World.password)
                #expect(try await school.get("/contests/new").status == .ok)
                #expect(try await school.get("/contests/\(saved.id!)/edit").status == .forbidden)
                #expect(try await school.get("/olympiad-subjects/new").status == .forbidden)
            }
        }
    }
}
