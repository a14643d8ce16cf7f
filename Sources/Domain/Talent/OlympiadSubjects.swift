import Foundation

/// The subjects of the All-Russian olympiad (ВсОШ) a new municipality starts with; its administrator edits the list
/// afterwards (issue 21: «today 24, with «Труд (технология)» and its profiles»). Names as the olympiad's order writes
/// them, each with the profiles it is held in, if any.
public enum OlympiadSubjects {
    public struct Subject: Sendable, Equatable {
        public var name: String
        public var profiles: String?
    }

    public static let builtIn: [Subject] = [
        Subject(name: "английский язык"), Subject(name: "астрономия"), Subject(name: "биология"),
        Subject(name: "география"), Subject(name: "информатика"),
        Subject(name: "искусство (мировая художественная культура)"), Subject(name: "испанский язык"),
        Subject(name: "история"), Subject(name: "итальянский язык"), Subject(name: "китайский язык"),
        Subject(name: "литература"), Subject(name: "математика"), Subject(name: "немецкий язык"),
        Subject(name: "основы безопасности и защиты Родины"), Subject(name: "обществознание"),
        Subject(name: "право"), Subject(name: "русский язык"),
        Subject(
            name: "труд (технология)",
            profiles:
                "техника, технологии и техническое творчество; культура дома, дизайн и технологии; робототехника; "
                + "информационная безопасность"),
        Subject(name: "физика"), Subject(name: "физическая культура"), Subject(name: "французский язык"),
        Subject(name: "химия"), Subject(name: "экология"), Subject(name: "экономика"),
    ]
}
