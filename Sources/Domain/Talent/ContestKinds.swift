import Foundation

/// What a contest is (`001_4390f67d15d9225c.txt` §3.2.1–3.2.2, §4.6: olympiads, contests, conferences, festivals,
/// competitions): the All-Russian olympiad (ВсОШ) is held in stages by subject; an olympiad of the ministry's yearly
/// list (перечень) has its level; the rest are the municipality's own or others' events of their level.
public enum ContestKind: String, CaseIterable, Sendable {
    case allRussianOlympiad, listedOlympiad, olympiad, contest, conference, festival, competition

    public var title: String {
        switch self {
        case .allRussianOlympiad: "Всероссийская олимпиада школьников"
        case .listedOlympiad: "Олимпиада из перечня Минпросвещения"
        case .olympiad: "Другая олимпиада"
        case .contest: "Конкурс"
        case .conference: "Конференция"
        case .festival: "Фестиваль"
        case .competition: "Соревнование"
        }
    }

    /// Whether an achievement in it names a subject of the olympiad list (the ВсОШ is held by subject).
    public var needsOlympiadSubject: Bool { self == .allRussianOlympiad }
}

/// The level of a contest's edition: for the ВсОШ its stage (school, municipal, regional, final), for the rest the
/// level of the event.
public enum ContestLevel: String, CaseIterable, Sendable, Comparable {
    case school, municipal, regional, federal, international

    public var title: String {
        switch self {
        case .school: "школьный"
        case .municipal: "муниципальный"
        case .regional: "региональный"
        case .federal: "всероссийский"
        case .international: "международный"
        }
    }

    /// The ВсОШ's name of the stage held at this level («заключительный» for the federal one).
    public var olympiadStage: String {
        switch self {
        case .school: "школьный этап"
        case .municipal: "муниципальный этап"
        case .regional: "региональный этап"
        case .federal: "заключительный этап"
        case .international: "международная олимпиада"
        }
    }

    /// The order of the levels or results, lowest first.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: ContestLevel, rhs: ContestLevel) -> Bool { lhs.rank < rhs.rank }
}

/// The direction of a contest (`001_4390f67d15d9225c.txt` §3.2.1: «конкурсных мероприятий различной направленности»).
public enum ContestDirection: String, CaseIterable, Sendable {
    case intellectual, creative, sports, social

    public var title: String {
        switch self {
        case .intellectual: "интеллектуальная"
        case .creative: "творческая"
        case .sports: "спортивная"
        case .social: "социальная"
        }
    }
}

/// A student's result in a contest's edition.
public enum AchievementResult: String, CaseIterable, Sendable, Comparable {
    case participant, prizeWinner, winner

    public var title: String {
        switch self {
        case .participant: "участник"
        case .prizeWinner: "призёр"
        case .winner: "победитель"
        }
    }

    /// The order of the levels or results, lowest first.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: AchievementResult, rhs: AchievementResult) -> Bool { lhs.rank < rhs.rank }
}
