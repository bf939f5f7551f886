"""The bundle's entry point: `lindung` with no command opens the window, with one it is the CLI."""

import multiprocessing

if __name__ == "__main__":
    # Card rendering spawns helper processes where fork is unsafe (always on Windows, and from the
    # window's threads): in a frozen app the helper is this executable, which must not start the app.
    multiprocessing.freeze_support()
    from desktop.cli import console

    console()
