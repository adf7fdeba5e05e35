import IglooCLI
IglooCommand.main()
