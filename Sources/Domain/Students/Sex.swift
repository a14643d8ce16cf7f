import Foundation

public enum Sex: String, CaseIterable, Sendable {
    case male, female
    public var title: String { self == .male ? "мужской" : "женский" }
}
