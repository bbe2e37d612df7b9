import pathlib
print((pathlib.Path.home() / "corpora" / "words").read_text())
