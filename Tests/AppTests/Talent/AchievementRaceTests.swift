import AsyncHTTPClient
import Domain
import Fluent
import Foundation
import Testing
import Vapor
import Views

@testable import App

extension AppTests {
    /// A burst of the same achievement over real HTTP (issue 21, «Bad input»): one is saved, the others are refused
    /// with the duplicate's message — never a server error, whichever check catches them (the form's or the index).
    @Suite struct AchievementRaceTests {
        @Test func aBurstOfOneResultSavesItOnceAndRefusesTheRest() async throws {
            try await withLiveApp { app, port in
                let s = try await AchievementTests.setUp(app)
                let token = try await directToken(app, username: "school1")
                let body = """
                    {"studentId": "\(s.own[0])", "editionId": "\(s.stage.id!)", "subjectId": "\(s.physics.id!)", \
                    "result": "winner", "score": 95, "gradeStudied": 9, "gradeCompeted": 9}
                    """
                let client = burstClient()
                let statuses = try await withThrowingTaskGroup(of: (UInt, String).self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/achievements")
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(token)")
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(ByteBuffer(string: body))
                            let response = try await client.execute(request, timeout: .seconds(60))
                            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
                            return (response.status.code, text)
                        }
                    }
                    var out: [(UInt, String)] = []
                    for try await answer in group { out.append(answer) }
                    return out
                }
                try await client.shutdown()
                #expect(statuses.filter { $0.0 == 201 }.count == 1, "\(statuses)")
                let refused = statuses.filter { $0.0 == 422 }
                #expect(refused.count == 7, "\(statuses)")
                #expect(refused.allSatisfy { $0.1.contains(TalentWords.Check.duplicateAchievement) })
                #expect(try await Achievement.query(on: app.db).count() == 1)
            }
        }
    }
}
