import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Builders of governing records (issue 22): the КМЦ's members and its meetings.
extension World {
    /// `count` members of the КМЦ for this academic year; their ids.
    func kmcMembers(_ count: Int) async throws -> [UUID] {
        var ids: [UUID] = []
        for index in 0..<count {
            let member = KmcMember()
            member.$municipality.id = municipalityID
            member.fullName = "Советова Инна \(index + 1)"
            member.position = "методист"
            member.kmcRole = (index == 0 ? KmcRole.head : .member).rawValue
            member.termFrom = year.startsOn
            member.termTo = year.endsOn
            member.searchKey = TextKey.search(member.fullName)
            member.sortKey = TextKey.sort(member.fullName)
            try await insertActive(member)
            ids.append(try member.requireID())
        }
        return ids
    }

    /// A meeting held today with the members invited (the first present) and `decisions` decisions, each with a
    /// deadline a month ahead.
    func meeting(members: [UUID], decisions: Int = 1) async throws -> Meeting {
        let today = CivilDay(Date(), timeZone: zone)
        let meeting = Meeting()
        meeting.$municipality.id = municipalityID
        meeting.heldOn = today.number
        meeting.title = "Совещание КМЦ"
        meeting.agenda = "1. Итоги"
        meeting.status = MeetingStatus.held.rawValue
        meeting.minutes = "Решили: принять к сведению."
        meeting.createdBy = "kmc"
        meeting.createdAt = Date()
        meeting.updatedBy = "kmc"
        meeting.updatedAt = Date()
        meeting.version = 1
        try await meeting.create(on: app.db)
        for (index, member) in members.enumerated() {
            let participant = MeetingParticipant()
            participant.$meeting.id = try meeting.requireID()
            participant.$member.id = member
            participant.present = index == 0
            try await participant.create(on: app.db)
        }
        try await MeetingsController.writeDecisions(
            (0..<decisions).map {
                MeetingDecision(text: "Решение \($0 + 1)", responsible: "КМЦ", dueOn: today.adding(days: 30))
            }, meeting: meeting, user: "kmc", on: app.db)
        return meeting
    }
}
