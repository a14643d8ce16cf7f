/// How a student is shown to those who may not see who studies at a centre (the methodologist): by the registry number
/// the student got on registration, unique within the municipality and never changed.
public enum StudentLabel {
    public static func masked(_ registryNumber: Int?) -> String {
        "Обучающийся № " + (registryNumber.map(String.init) ?? "—")
    }
}
