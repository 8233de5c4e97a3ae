# The two commands of FlowBook. Both install missing Debian packages first (scripts/setup.sh).
#   make report — build the course report into output/ (HTML; PDF too with PDF=1)
#   make test   — run the whole test suite
.PHONY: report test clean

report:
	@scripts/setup.sh $(if $(PDF),--browser,)
	swift build -c release
	.build/release/flowbook build $(if $(PDF),--pdf,)

test:
	@scripts/setup.sh --browser
	swift build --build-tests
	swift test --skip-build

clean:
	rm -rf .build output/*
