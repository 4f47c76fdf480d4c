"""The sample organisation (CSV) and the generators that build it and the 100k benchmark organisation."""
