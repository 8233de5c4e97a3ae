# The commands of FlowBook. Each installs missing Debian packages first (scripts/setup.sh).
#   make report — build the course report into output/ (HTML; PDF too with PDF=1)
#   make test   — check the formatting (.swift-format) and run the test suite, slow end-to-end tests skipped
#   make test-slow — the slow end-to-end tests only (FLOWBOOK_SLOW_TESTS=1; CI runs them after make test)
#   make format — format Sources, Tests and Package.swift with swift format (.swift-format)
#   make sanitize — the Flows and Autodiff tests under AddressSanitizer (own build folder .build-sanitize)
#   make mutate — plant the bugs of scripts/mutations.txt one at a time and check the tests catch each (slow)
SWIFT_SOURCES = Sources Tests Package.swift

.PHONY: report test test-slow format format-check sanitize mutate clean

report:
	@scripts/setup.sh $(if $(PDF),--browser,)
	swift build -c release
	.build/release/flowbook build $(if $(PDF),--pdf,)

# The format check runs beside the build (an unchanged build is mostly waiting on SwiftPM's planning); either
# failing fails make test, after both have finished. scripts/run-tests.sh runs the tests (how many at once, and
# where their temporary files go).
test:
	@scripts/setup.sh --browser
	@$(MAKE) -s format-check & lint=$$!; swift build --build-tests; built=$$?; wait $$lint && exit $$built
	scripts/run-tests.sh

# The suites (or tests) holding tests marked `.enabled(if: slowTestsEnabled)` (Tests/_TestSupport/SlowTests.swift).
SLOW_SUITES = CourseMistakeTests|CourseStudentEditionTests|GalleryCommandTests|twoMillionLines

test-slow:
	@scripts/setup.sh
	swift build --build-tests
	FLOWBOOK_SLOW_TESTS=1 scripts/run-tests.sh --filter '$(SLOW_SUITES)'

format:
	swift format format --in-place --recursive $(SWIFT_SOURCES)

format-check:
	@swift format lint --strict --parallel --recursive $(SWIFT_SOURCES) || \
	  { echo "swift format: the files above are not formatted; run 'make format'" >&2; exit 1; }

sanitize:
	@scripts/setup.sh
	swift build --build-tests --sanitize address --scratch-path .build-sanitize
	# Leak checks off: XCTest's runner itself leaks a few bytes at exit; the target is memory errors.
	ASAN_OPTIONS=detect_leaks=0 swift test --skip-build --sanitize address --scratch-path .build-sanitize \
	  --filter 'FlowsTests|AutodiffTests'

mutate:
	@scripts/setup.sh
	scripts/mutate.sh $(MUTATIONS)

clean:
	rm -rf .build .build-sanitize output/*
