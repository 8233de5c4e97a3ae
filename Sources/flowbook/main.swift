import FlowBookCLI

FlowBookCommand.main()
