# The commands of FlowBook. Each installs missing Debian packages first (scripts/setup.sh).
#   make report — build the course report into output/ (HTML; PDF too with PDF=1)
#   make test   — run the whole test suite
#   make mutate — plant the bugs of scripts/mutations.txt one at a time and check the tests catch each (slow)
.PHONY: report test mutate clean

report:
	@scripts/setup.sh $(if $(PDF),--browser,)
	swift build -c release
	.build/release/flowbook build $(if $(PDF),--pdf,)

test:
	@scripts/setup.sh --browser
	swift build --build-tests
	swift test --skip-build

mutate:
	@scripts/setup.sh
	scripts/mutate.sh $(MUTATIONS)

clean:
	rm -rf .build output/*
