import IglooCLI

IglooCommand.launch()
