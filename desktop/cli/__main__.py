from desktop.cli import console

console()
