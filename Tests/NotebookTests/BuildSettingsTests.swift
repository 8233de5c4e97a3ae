import Testing

@testable import Notebook

@Suite struct BuildSettingsTests {
  @Test func parametersAreKeyValuePairs() throws {
    #expect(try BuildSettings.parameters(from: ["steps=500", "name=a=b"]) == ["steps": "500", "name": "a=b"])
    #expect(throws: BookError.self) { try BuildSettings.parameters(from: ["steps"]) }
  }

  @Test func environmentCarriesParametersProfileAndSeed() {
    let settings = BuildSettings(bookDirectory: "/b", parameters: ["b": "2", "a": "1"], profile: .quick, seed: 7)
    let environment = settings.environment(displayDirectory: "/d", sharedDirectory: "/s")
    #expect(environment["FLOWBOOK_PARAMETERS"] == "a=1\nb=2")
    #expect(environment["FLOWBOOK_PROFILE"] == "quick")
    #expect(environment["FLOWBOOK_SEED"] == "7")
    #expect(environment["FLOWBOOK_DISPLAY_DIR"] == "/d")
    #expect(environment["FLOWBOOK_SHARED_DIR"] == "/s")
  }
}
